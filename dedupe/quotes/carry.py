"""Carry a speaker along a run of quotations attributed once, forwards and backwards.

``extract_quotes`` attributes each quotation by its own frame first; these passes then give
an unattributed quotation the speaker of its neighbour where news copy attributes a run once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_words import VERBS

if TYPE_CHECKING:
    from dedupe.quotes.extract import Quote

_SPEECH_VERB = re.compile(r"\b(?:" + "|".join(VERBS) + r")\b")


def carry_speakers(masked: str, quotes: list[Quote]) -> list[Quote]:
    """Give an unattributed statement the speaker of the quotation just before it.

    News copy attributes a run of quotations once: `"…," he said. "…"` and a paragraph that
    is only a quotation after one attributed quotation. The words between the two (quoted
    words blanked) must be nothing but the earlier one's frame sentence.
    """
    carried: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        if quote.kind in ("headline", "reported"):
            carried.append(quote)
            continue
        if quote.canonical_speaker == UNKNOWN and previous is not None and quote.kind != "fragment":
            end = max(
                previous.sentence.end,
                previous.span.end,
                previous.frame_span.end if previous.frame_span else 0,
            )
            line_end = masked.find("\n", quote.span.end)
            after = masked[quote.span.end : line_end if line_end >= 0 else len(masked)]
            if (
                end <= quote.span.start
                and not any(ch.isalnum() for ch in masked[end : quote.span.start])
                and _SPEECH_VERB.search(after) is None
            ):
                quote = replace(quote, speaker=previous.speaker, canonical_speaker=previous.canonical_speaker,
                                speaker_kind=previous.speaker_kind, frame=previous.frame,
                                frame_span=previous.frame_span)  # fmt: skip
        if quote.canonical_speaker != UNKNOWN:
            previous = quote
        elif quote.kind != "fragment":
            previous = None
        carried.append(quote)
    return carried


def carry_back(masked: str, quotes: list[Quote]) -> list[Quote]:
    """Give a quotation the speaker of the one right after it on its line: `“…” “…,” X said.`

    A run of quotations with nothing between them but spaces and punctuation is one
    speaker's, attributed once, at its end as often as at its start.
    """
    carried = list(quotes)
    for k in range(len(carried) - 2, -1, -1):
        quote, after = carried[k], carried[k + 1]
        if (
            quote.canonical_speaker == UNKNOWN
            and quote.kind == "full"
            and after.kind == "full"
            and after.canonical_speaker != UNKNOWN
            and quote.span.end <= after.span.start
            and not any(ch.isalnum() or ch == "\n" for ch in masked[quote.span.end : after.span.start])
        ):
            carried[k] = replace(quote, speaker=after.speaker, canonical_speaker=after.canonical_speaker,
                                 speaker_kind=after.speaker_kind, frame=after.frame,
                                 frame_span=after.frame_span)  # fmt: skip
    return carried
