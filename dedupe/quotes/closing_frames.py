"""Give a sentence's earlier fragments the speaker its closing frame names.

Wire copy quotes several pieces of one speaker's words in a sentence and names the speaker
once, at its end: `There will be “…” if troops are sent, and aid “…,” X claimed.` The frame
after the last quotation closes the whole sentence, so a fragment before it that no frame
claimed is the same speaker's. A speech verb between the fragment and that quotation starts
another clause, which may be someone else's: the fragment then stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dedupe.quotes.naming import NAMING
from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_words import SPEECH_VERB

# A verb of speech or of naming before the last quotation: a clause with a speaker of its own.
_VERB = re.compile(rf"{SPEECH_VERB.pattern}|\b{NAMING}\b")

if TYPE_CHECKING:
    from dedupe.quotes.extract import Quote


def carry_closing_frames(masked: str, quotes: list[Quote]) -> list[Quote]:
    """Give an unattributed fragment the speaker of the closing frame of its own sentence."""
    carried = list(quotes)
    for k, quote in enumerate(carried):
        if quote.kind != "fragment" or quote.canonical_speaker != UNKNOWN:
            continue
        rest = (q for q in carried[k + 1 :] if q.span.start < quote.sentence.end)
        later = next((q for q in rest if q.canonical_speaker != UNKNOWN), None)
        if later is None or later.frame_span is None or later.kind == "headline":
            continue
        closes = later.span.end <= later.frame_span.start and later.frame_span.end <= quote.sentence.end
        between = masked[quote.span.end : later.span.start]
        lead = masked[quote.sentence.start : later.span.start]
        if closes and _VERB.search(lead) is None and not any(c in between for c in ".!?\n"):
            carried[k] = replace(quote, speaker=later.speaker, canonical_speaker=later.canonical_speaker,
                                 speaker_kind=later.speaker_kind, frame=later.frame,
                                 frame_span=later.frame_span)  # fmt: skip
    return carried
