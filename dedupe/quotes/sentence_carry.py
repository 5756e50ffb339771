"""Give a quoted phrase the speaker of its sentence, in the languages that put the frame anywhere.

Outside English a sentence often attributes one quotation and quotes the same speaker again
in a participle or a second clause: "« … », a déclaré X, soulignant l'importance « vitale »",
"Les États-Unis vont mener « … » …, mais ne cherchent pas à « … », a assuré X." Every
unattributed phrase of such a sentence is the speaker's when the sentence attributes its
quotations to exactly one speaker, names no other person, and has no speech verb outside
the frames found: another verb might give the phrase to someone the reader cannot name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dedupe.quotes.cjk_frames import script_language
from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_words import SPEECH_VERB

# The languages whose frames ``cjk_frames`` reads: a quotation there is its own frame's.
FRAMED_LANGUAGES = frozenset({"ja", "ko", "zh"})

if TYPE_CHECKING:
    from dedupe.quotes.extract import Quote
    from dedupe.quotes.speaker_resolution import SubjectResolver


def carry_in_sentence(resolver: SubjectResolver, quotes: list[Quote]) -> list[Quote]:
    """Outside English, give each unattributed fragment its sentence's one speaker (see module doc)."""
    if resolver.language == "en" or script_language(resolver.language, resolver.masked) in FRAMED_LANGUAGES:
        return quotes  # Japanese, Korean and Chinese frames are read whole in cjk_frames
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, quote in enumerate(quotes):
        if quote.kind not in ("headline", "reported", "readout"):
            by_sentence.setdefault((quote.sentence.start, quote.sentence.end), []).append(k)
    carried = list(quotes)
    for (start, end), members in by_sentence.items():
        said = [quotes[k] for k in members if quotes[k].canonical_speaker != UNKNOWN]
        if (
            not said
            or len({q.canonical_speaker for q in said}) != 1
            or not _only(resolver, said[0], start, end)
        ):
            continue
        by = said[0]
        for k in members:
            if quotes[k].canonical_speaker == UNKNOWN and quotes[k].kind == "fragment":
                carried[k] = replace(
                    quotes[k], speaker=by.speaker, canonical_speaker=by.canonical_speaker,
                    speaker_kind=by.speaker_kind, frame=by.frame, frame_span=by.frame_span,
                )  # fmt: skip
    return carried


def _only(resolver: SubjectResolver, said: Quote, start: int, end: int) -> bool:
    """True if the sentence ``[start, end)`` names no person but ``said``'s speaker and has
    no speech verb outside ``said``'s frame."""
    named = {resolver.canonical[m.name] for m in resolver.mentions_in(start, end) if not m.owner}
    if not named <= {said.canonical_speaker}:
        return False
    frame = said.frame_span
    return all(
        frame is not None and frame.start <= verb.start() < frame.end
        for verb in SPEECH_VERB.finditer(resolver.masked, start, end)
    )
