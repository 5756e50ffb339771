"""Lists of quotations under a heading: "Key quotes", "Press conference quotes", "Key takeaways".

Market and live pages print a speaker's words as a run of paragraphs (or bullets) that are
each nothing but a quotation, under a subhead that says quotations follow. The lede above
it names whose press conference, speech or remarks they come from ("X … takes
reporters' questions after the meeting"). Each quotation of the run is that one
person's: the heading or the lede must name exactly one person, and the lede must say that
they spoke; a lede that names anyone else leaves the list unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from dedupe.models import Span
from dedupe.quotes.marks import MarkedQuote
from dedupe.quotes.speaker import Speaker
from dedupe.quotes.speakers import Attribution, SpeakerResolver

# A subhead that announces quotations: "Key quotes", "Quotes from the governor's briefing".
_LIST_HEADING = re.compile(r"\b(?:quotes|quotations|takeaways|highlights)\b", re.IGNORECASE)
# Words of the lede that say its person spoke: a press conference, a speech, answers.
_SPOKE = re.compile(
    r"\b(?:press\s+conference|news\s+conference|briefing|remarks|speech|address|testimony|interview"
    r"|questions|spoke|speaks|speaking|said|says|told)\b",
    re.IGNORECASE,
)
# How many paragraphs above the heading may make its lede (up to the title or another subhead).
LEDE_PARAGRAPHS = 3
# What may stand around a listed quotation in its paragraph: a bullet, a final stop.
_LIST_FURNITURE = re.compile(r"[\s•●▪*\-–—.,;]*")


def listed_quotes(
    text: str, paras: list[Span], headlines: set[int], found: Sequence[MarkedQuote], resolver: SpeakerResolver
) -> dict[int, Attribution]:
    """Return the speaker of each quotation listed under a quotations heading, by its start."""
    starts = [f.start for f in found]
    listed: dict[int, Attribution] = {}
    for k, para in enumerate(paras):
        if para.start not in headlines or _LIST_HEADING.search(text, para.start, para.end) is None:
            continue
        run = _run(text, paras[k + 1 :], headlines, found, starts)
        if not run:
            continue
        attribution = _lede_speaker(text, paras[max(0, k - LEDE_PARAGRAPHS) : k + 1], headlines, resolver)
        if attribution is not None:
            listed.update(dict.fromkeys(run, attribution))
    return listed


def _run(
    text: str, following: list[Span], headlines: set[int], found: Sequence[MarkedQuote], starts: list[int]
) -> list[int]:
    """The starts of the quotations that fill the paragraphs after a heading, up to one that does not."""
    run = []
    for para in following:
        if para.start in headlines:
            break
        k = bisect_left(starts, para.start)
        if k >= len(starts) or found[k].end > para.end:
            break
        quote = found[k]
        if not (
            _LIST_FURNITURE.fullmatch(text, para.start, quote.start)
            and _LIST_FURNITURE.fullmatch(text, quote.end, para.end)
        ):
            break
        run.append(quote.start)
    return run


def _lede_speaker(
    text: str, lede: list[Span], headlines: set[int], resolver: SpeakerResolver
) -> Attribution | None:
    """The one person the heading (last of ``lede``) and the paragraphs just above it name, if they spoke."""
    heading = lede[-1]
    above = []
    for para in reversed(lede[:-1]):
        if para.start in headlines:
            break
        above.append(para)
    mentions = [m for para in (heading, *above) for m in resolver.mentions_in(para.start, para.end)]
    names = {resolver.canonical[m.name] for m in mentions}
    if len(names) != 1 or not any(_SPOKE.search(text, p.start, p.end) for p in (heading, *above)):
        return None
    first = mentions[0]
    speaker = Speaker(first.name, resolver.canonical[first.name], "person")
    return Attribution(speaker, "X's quotes", Span(first.start, first.end))
