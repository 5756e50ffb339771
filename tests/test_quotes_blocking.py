"""Blocking of quotation pairs: every pair the thresholds could accept is found, few others."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.quotes.blocking import NearCopies, Sharing
from dedupe.quotes.links import VERBATIM_MIN_COVERAGE, is_verbatim

# A small vocabulary, so that random lists share words often and near copies occur.
WORDS = st.sampled_from(["harbour", "ferry", "strike", "union", "wages", "port", "crew", "the", "talks"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=5, max_size=12), min_size=2, max_size=8))
def test_every_near_verbatim_pair_is_a_candidate(lists: list[list[str]]) -> None:
    copies = NearCopies(dict(enumerate(lists)), VERBATIM_MIN_COVERAGE)
    for i, j in combinations(range(len(lists)), 2):
        if is_verbatim(lists[i], lists[j]):
            assert j in copies.around(i)
            assert i in copies.around(j)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sets(WORDS, max_size=9), min_size=2, max_size=8), st.integers(1, 5))
def test_every_pair_sharing_enough_is_a_candidate(sets: list[set[str]], shared: int) -> None:
    owners = Sharing(enumerate(sets), shared)
    for i, j in combinations(range(len(sets)), 2):
        if len(sets[i] & sets[j]) >= shared:
            assert j in owners.around(i)
            assert i in owners.around(j)


COPY = "the ferry crew voted to strike over wages at the harbour".split()
CASES = [
    ("a copy with one word changed", COPY, [*COPY[:3], "agreed", *COPY[4:]], True),
    ("a copy inside a longer quotation", COPY, ["union", "leaders", "said", *COPY], True),
    ("other words altogether", COPY, "markets rallied as bond yields fell sharply".split(), False),
]


@pytest.mark.parametrize(("name", "a", "b", "expected"), CASES, ids=[c[0] for c in CASES])
def test_near_copies_pairs_copies_and_leaves_strangers(
    name: str, a: list[str], b: list[str], expected: bool
) -> None:
    assert (1 in NearCopies({0: a, 1: b}, VERBATIM_MIN_COVERAGE).around(0)) is expected


def test_sharing_pairs_owners_by_any_of_their_sets_and_skips_small_sets() -> None:
    sets = [
        (0, {"port", "strike", "wages"}),
        (0, {"mayor", "budget"}),
        (1, {"port", "strike", "wages", "crew"}),
        (2, {"port", "strike"}),  # too small to share three
    ]
    owners = Sharing(sets, 3)
    assert (owners.around(0), owners.around(1), owners.around(2)) == ({1}, {0}, set())
