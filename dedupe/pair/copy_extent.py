"""Where two texts' shared passages lie: is one a cut-short or wrapped copy of the other?

A feed that stops mid-story, or a page that opens with site furniture, shares one
stretch with the full story: inside that stretch the two agree almost word for word,
and everything else of either lies before or after it. That is a copy, not reuse; a
rewrite that takes passages from here and there is not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

from dedupe.models import Span, Token
from dedupe.pair.align import Passage
from dedupe.pair.similarity import coverage

_START, _END = attrgetter("start"), attrgetter("end")


@dataclass(frozen=True, slots=True)
class Side:
    """One article's part in the shared stretch, counted in words."""

    before: int  # words before the first shared passage
    inside: int  # words from the first shared passage to the end of the last
    after: int  # words after the last shared passage
    covered: float  # share of the words inside the stretch that lie in shared passages


@dataclass(frozen=True, slots=True)
class Extent:
    """Both sides of the shared stretch, and whether the passages run in the same order."""

    a: Side
    b: Side
    in_order: bool


def extent(
    a_tokens: Sequence[Token], b_tokens: Sequence[Token], passages: Sequence[Passage]
) -> Extent | None:
    """Return where the shared passages lie in each text, or None when there are none."""
    if not passages or not a_tokens or not b_tokens:
        return None
    by_a = sorted(passages, key=lambda p: p.a.start)
    in_order = all(x.b.start <= y.b.start for x, y in pairwise(by_a))
    return Extent(
        _side(a_tokens, [p.a for p in passages]), _side(b_tokens, [p.b for p in passages]), in_order
    )


def _side(tokens: Sequence[Token], spans: list[Span]) -> Side:
    first = min(s.start for s in spans)
    last = max(s.end for s in spans)
    low = bisect_left(tokens, first, key=_START)
    high = bisect_right(tokens, last, key=_END)
    inside = tokens[low:high]
    return Side(low, len(inside), len(tokens) - high, coverage(inside, spans) if inside else 0.0)
