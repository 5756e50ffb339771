"""Tests for dedupe.quotes.word_pairs: which articles hold enough of a statement's word pairs."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.quotes.word_pairs import PairIndex

# A tiny vocabulary, so that articles share words and pairs often.
texts = st.lists(st.sampled_from("a b c d e f".split()), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=8), texts, st.sampled_from([0.25, 0.5, 0.75, 1.0]))
def test_articles_named_are_those_holding_the_share_one_by_one(
    corpus: list[list[str]], statement: list[str], share: float
) -> None:
    pairs = set(pairwise(statement))
    need = max(1, math.ceil(share * len(pairs)))
    expected = [k for k, words in enumerate(corpus) if pairs and len(pairs & set(pairwise(words))) >= need]
    assert PairIndex(corpus).holding(pairwise(statement), share) == expected


def test_words_in_another_order_hold_none_of_the_pairs() -> None:
    index = PairIndex([["the", "harbour", "will", "reopen"], ["reopen", "will", "harbour", "the"]])
    assert index.holding(pairwise(["the", "harbour", "will", "reopen"]), 0.5) == [0]


@pytest.mark.parametrize(("share", "expected"), [(0.5, [0, 1]), (1.0, [0])])
def test_share_counts_distinct_pairs(share: float, expected: list[int]) -> None:
    # The statement's pairs: (x, y), (y, x) - repeated pairs count once.
    index = PairIndex([["y", "x", "y"], ["q", "x", "y", "q"], ["q"]])
    assert index.holding(pairwise(["x", "y", "x", "y"]), share) == expected


def test_an_empty_corpus_or_statement_names_nothing() -> None:
    assert PairIndex([]).holding(pairwise(["a", "b"]), 0.5) == []
    assert PairIndex([["a", "b"]]).holding(pairwise(["a"]), 0.5) == []
