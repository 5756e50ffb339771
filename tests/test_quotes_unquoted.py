"""Tests for dedupe.quotes.unquoted: which body words lie outside the quotations (and ``Body.within``)."""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Span, Token
from dedupe.quotes.links import Body
from dedupe.quotes.unquoted import _outside

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


@settings(max_examples=200, deadline=None)
@given(positions, spans)
def test_tokens_are_kept_by_their_starts_as_the_starts_themselves_are(
    starts: list[int], quotes: list[Span]
) -> None:
    tokens = [Token("w", s, s + 1) for s in starts]
    assert _outside(tokens, quotes, start=attrgetter("start")) == _outside(starts, quotes)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=30),
    st.integers(0, 90),
    st.integers(0, 40),
)
def test_body_words_within_a_span_are_those_wholly_inside(
    shapes: list[tuple[int, int]], start: int, length: int
) -> None:
    tokens, cursor = [], 0
    for gap, size in shapes:
        tokens.append(Token("w", cursor + gap, cursor + gap + size))
        cursor += gap + size
    span = Span(start, start + length)
    expected = tuple(t for t in tokens if span.start <= t.start and t.end <= span.end)
    assert Body(tuple(tokens)).within(span) == expected
