"""Tests for dedupe.unquoted: which body words lie outside an article's quotations."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Span
from dedupe.unquoted import _outside

positions = st.lists(st.integers(0, 80), max_size=30).map(sorted)
spans = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=6).map(
    lambda pairs: [Span(s, s + n) for s, n in sorted(pairs)]
)


def inside_last_opened(position: int, quotes: list[Span]) -> bool:
    """The rule, one token at a time: inside the last quotation opening at or before it."""
    i = bisect_right([q.start for q in quotes], position) - 1
    return i >= 0 and position < quotes[i].end


@settings(max_examples=200, deadline=None)
@given(positions, spans)
def test_runs_kept_by_bisection_are_the_tokens_outside_one_by_one(
    starts: list[int], quotes: list[Span]
) -> None:
    expected = [i for i, p in enumerate(starts) if not inside_last_opened(p, quotes)]
    assert _outside(starts, quotes) == expected
