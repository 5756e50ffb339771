"""Tests for dedupe.corpus.linkage: average-linkage groups per level, no chaining through a hub."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.corpus.linkage import Link, event_groups, groups, representative
from dedupe.pair.verdict import Relation


def link(a: str, b: str, relation: Relation = Relation.SAME_EVENT) -> Link:
    return Link(a, b, relation, 0.8, 0.6, 0.1, 0.1, 0.1, 0.1, 0.1, 0, ())


def test_a_hub_joins_one_event_and_does_not_chain_two() -> None:
    links = [link("a", "b"), link("b", "c"), link("a", "c"), link("d", "e"), link("e", "f"), link("d", "f")]
    links += [link("h", "a"), link("h", "b"), link("h", "d")]  # a round-up touching both events
    found = groups("abcdefh", links, "event")
    assert found == [("a", "b", "c", "h"), ("d", "e", "f")]
    # single linkage would have given one group of all seven
    assert len(max(found, key=len)) < 7


def test_levels_nest_and_weak_links_do_not_count() -> None:
    links = [
        link("a", "b", Relation.DUPLICATE),
        link("a", "c", Relation.REUSE),
        link("b", "c", Relation.REUSE),
        link("c", "d", Relation.SAME_EVENT),
        link("a", "d", Relation.SAME_EVENT),
        link("d", "e", Relation.RELATED),
    ]
    ids = "abcde"
    assert groups(ids, links, "duplicate") == [("a", "b"), ("c",), ("d",), ("e",)]
    assert groups(ids, links, "reuse") == [("a", "b", "c"), ("d",), ("e",)]
    assert groups(ids, links, "event") == [("a", "b", "c", "d"), ("e",)]


def test_a_chain_stops_where_links_thin_out() -> None:
    links = [link("a", "b"), link("b", "c"), link("c", "d"), link("d", "e")]
    found = groups("abcde", links, "event")
    assert all(len(group) <= 3 for group in found)
    assert sorted(a for group in found for a in group) == list("abcde")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(list(Relation))), max_size=40)
)
def test_every_article_lands_in_one_group_whatever_the_link_order(
    edges: list[tuple[int, int, Relation]],
) -> None:
    ids = [f"n{i}" for i in range(10)]
    links = [link(f"n{a}", f"n{b}", relation) for a, b, relation in edges if a != b]
    found = groups(ids, links, "event")
    members = sorted(a for group in found for a in group)
    assert members == sorted(ids)
    shuffled = list(links)
    random.Random(1).shuffle(shuffled)
    assert groups(ids, shuffled, "event") == found
    for group in found:  # average linkage: within a merged group, at least half the pairs are linked
        if len(group) > 1:
            inside = {
                frozenset((x.a, x.b)) for x in links if x.relation.strength >= 2 and {x.a, x.b} <= set(group)
            }
            assert len(inside) >= 0.5 * (len(group) - 1)


def test_representative_is_the_best_linked_member() -> None:
    links = [link("b", "a"), link("b", "c"), link("a", "c", Relation.RELATED)]
    assert representative(("a", "b", "c"), links, "event") == "b"
    assert representative(("a", "c"), [], "event") == "a"


def matrix(n: int, links: dict[tuple[int, int], float]) -> np.ndarray:
    m = np.zeros((n, n))
    for (i, j), p in links.items():
        m[i, j] = m[j, i] = p
    return m


def test_pairs_never_verified_still_count_with_their_probability() -> None:
    # a-b and b-c verified; a-c only scored by the model: the three still form one event
    found = event_groups(["a", "b", "c"], matrix(3, {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.6}), 0.5)
    assert found == [("a", "b", "c")]


def test_a_round_up_joins_one_event_and_does_not_chain_two() -> None:
    links = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (3, 4): 0.9, (3, 5): 0.9, (4, 5): 0.9}
    links.update({(6, 0): 0.8, (6, 1): 0.8, (6, 3): 0.7})  # the round-up, closer to the first event
    found = event_groups(list("abcdefh"), matrix(7, links), 0.5)
    assert found == [("a", "b", "c", "h"), ("d", "e", "f")]


def test_ids_order_does_not_change_the_groups() -> None:
    links = {(0, 1): 0.9, (2, 3): 0.8, (1, 2): 0.2}
    ids = ["d", "c", "b", "a"]
    assert event_groups(ids, matrix(4, links), 0.5) == [("a", "b"), ("c", "d")]
    same = event_groups(["a", "b", "c", "d"], matrix(4, {(3, 2): 0.9, (1, 0): 0.8, (2, 1): 0.2}), 0.5)
    assert same == [("a", "b"), ("c", "d")]


@given(st.lists(st.floats(0, 1), min_size=15, max_size=15), st.floats(0.05, 0.95))
def test_every_id_lands_in_exactly_one_group(values: list[float], threshold: float) -> None:
    pairs = [(i, j) for i in range(6) for j in range(i + 1, 6)]
    found = event_groups(list("abcdef"), matrix(6, dict(zip(pairs, values, strict=True))), threshold)
    members = [m for g in found for m in g]
    assert sorted(members) == list("abcdef")
    assert found == sorted(found)
