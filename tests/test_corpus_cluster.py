"""Tests for dedupe.corpus.cluster: average-linkage groups per level, no chaining through a hub."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.corpus.cluster import Link, groups, representative
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
