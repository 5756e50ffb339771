"""Tests for dedupe.pair.similarity: the share of words inside shared passages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Span, Token
from dedupe.pair.similarity import _walked, coverage

# Words of one to four characters with gaps of zero to three between them, in text order.
_tokens = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=40).map(
    lambda shapes: _lay_out(shapes)
)
_spans = st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30)), max_size=8).map(
    lambda pairs: [Span(s, s + n) for s, n in pairs]
)


def _lay_out(shapes: list[tuple[int, int]]) -> list[Token]:
    tokens, cursor = [], 0
    for gap, size in shapes:
        tokens.append(Token("w", cursor + gap, cursor + gap + size))
        cursor += gap + size
    return tokens


def _one_by_one(tokens: list[Token], spans: list[Span]) -> float:
    """The rule, a token at a time: the first span by start that ends after the token's start holds it."""
    if not tokens:
        return 0.0
    return _walked(tokens, sorted(spans, key=lambda s: s.start)) / len(tokens)


@settings(max_examples=300, deadline=None)
@given(_tokens, _spans)
def test_coverage_by_bisection_counts_as_the_token_walk(tokens: list[Token], spans: list[Span]) -> None:
    # Overlapping, nested and empty spans included: those fall back to the walk.
    assert coverage(tokens, spans) == _one_by_one(tokens, spans)


@settings(max_examples=200, deadline=None)
@given(_tokens, st.lists(st.integers(0, 120), max_size=10))
def test_coverage_of_disjoint_passages_is_by_bisection_and_agrees(
    tokens: list[Token], cuts: list[int]
) -> None:
    edges = sorted(set(cuts))
    spans = [Span(s, e) for s, e in zip(edges[::2], edges[1::2], strict=False)]
    assert coverage(tokens, spans) == _one_by_one(tokens, spans)


def test_coverage_counts_words_wholly_inside_a_passage() -> None:
    tokens = [Token("a", 0, 2), Token("b", 3, 5), Token("c", 6, 8), Token("d", 9, 11)]
    assert coverage(tokens, [Span(3, 8)]) == 0.5
    assert coverage(tokens, [Span(4, 8)]) == 0.25
    assert coverage(tokens, []) == 0.0
