"""Tests for dedupe.evidence.events: entities grouped by the sentence they start in."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.evidence.events import _within
from dedupe.models import Span

_spans = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 15)), max_size=8).map(
    lambda pairs: [Span(s, s + n) for s, n in pairs]
)
_starts = st.lists(st.integers(0, 100), max_size=20)


def _entities(starts: list[int]) -> list[Any]:
    return [SimpleNamespace(span=Span(s, s + 1), n=k) for k, s in enumerate(starts)]


def _each_span_searched(spans: list[Span], found: list[Any]) -> list[list[Any]]:
    return [[e for e in found if s.start <= e.span.start < s.end] for s in spans]


@settings(max_examples=300, deadline=None)
@given(_spans, _starts)
def test_entities_by_span_agree_with_searching_each_span(spans: list[Span], starts: list[int]) -> None:
    # Unordered and overlapping spans take the search; sentences in order the bisection.
    found = _entities(starts)
    assert _within(spans, found) == _each_span_searched(spans, found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 100), max_size=12), _starts)
def test_sentences_in_text_order_take_entities_by_bisection(cuts: list[int], starts: list[int]) -> None:
    edges = sorted(set(cuts))
    spans = [Span(s, e) for s, e in itertools.pairwise(edges)][::2]
    found = _entities(starts)
    assert _within(spans, found) == _each_span_searched(spans, found)
