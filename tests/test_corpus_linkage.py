"""Tests for dedupe.corpus.linkage: average-linkage groups per level, no chaining through a hub."""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.corpus.linkage import (
    LINK_SHARE,
    SHOWN_FIGURES,
    TOP_REASONS,
    Link,
    copy_link,
    event_groups,
    groups,
    link_from_report,
    representative,
    sampled_groups,
)
from dedupe.models import Reason
from dedupe.pair.compare import ArticleInfo, PairReport
from dedupe.pair.similarity import Similarity
from dedupe.pair.verdict import Relation
from dedupe.report.serialize import to_data


def link(a: str, b: str, relation: Relation = Relation.SAME_EVENT) -> Link:
    return Link(a, b, relation, 0.8, 0.6, Similarity(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0, 5, 128), ())


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


Grouping = Callable[..., list[tuple[str, ...]]]


def partition(grouping: Grouping, ids: list[str], links: list[Link]) -> list[tuple[str, ...]]:
    """Group at the event level, checking that every id lands in one group whatever the link order."""
    found = grouping(ids, links, "event")
    assert sorted(a for group in found for a in group) == sorted(ids)
    shuffled = list(links)
    random.Random(1).shuffle(shuffled)
    assert grouping(ids, shuffled, "event") == found
    return found


def random_links(articles: int, most: int) -> st.SearchStrategy[tuple[list[str], list[Link]]]:
    """Ids ``n00``, ``n01``, … and up to ``most`` links between them of any relation."""
    ids = [f"n{i:02}" for i in range(articles)]
    number = st.integers(0, articles - 1)
    edges = st.lists(st.tuples(number, number, st.sampled_from(list(Relation))), max_size=most)
    return edges.map(lambda found: (ids, [link(ids[a], ids[b], r) for a, b, r in found if a != b]))


@settings(max_examples=40, deadline=None)
@given(random_links(10, 40))
def test_every_article_lands_in_one_group_whatever_the_link_order(
    drawn: tuple[list[str], list[Link]],
) -> None:
    ids, links = drawn
    found = partition(groups, ids, links)
    for group in found:  # average linkage: within a merged group, at least half the pairs are linked
        if len(group) > 1:
            inside = {
                frozenset((x.a, x.b)) for x in links if x.relation.strength >= 2 and {x.a, x.b} <= set(group)
            }
            assert len(inside) >= 0.5 * (len(group) - 1)


# --- sampled_groups: a component too large to compare every pair ---------------------------


def sampled_events(seed: int) -> tuple[list[str], list[Link], list[tuple[str, ...]]]:
    """Three events of 30 reports, a sixth of their pairs compared (all linked), a few cross pairs (none)."""
    rng = random.Random(seed)
    events = [tuple(f"e{e}-{n:02}" for n in range(30)) for e in range(3)]
    links = []
    for members in events:
        for n, a in enumerate(members):  # every report compared with at least its next two
            links += [link(a, members[(n + 1) % 30]), link(a, members[(n + 2) % 30])]
        links += [link(a, b) for a in members for b in members if a < b and rng.random() < 0.1]
    ids = [a for members in events for a in members]
    links += [link(a, b, Relation.RELATED) for a in ids for b in ids if a[1] != b[1] and rng.random() < 0.02]
    return ids, links, sorted(events)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sampled_events_are_found_where_counting_every_pair_splits_them(seed: int) -> None:
    ids, links, events = sampled_events(seed)
    assert sampled_groups(ids, links, "event") == events
    assert len(groups(ids, links, "event")) > 3 * len(events)  # unlinked = never compared: split


def test_sampled_a_hub_joins_one_event_and_does_not_chain_two() -> None:
    links = [link("a", "b"), link("b", "c"), link("a", "c"), link("d", "e"), link("e", "f"), link("d", "f")]
    links += [link("h", "a"), link("h", "b"), link("h", "d")]  # a round-up touching both events
    assert sampled_groups("abcdefh", links, "event") == [("a", "b", "c", "h"), ("d", "e", "f")]


def test_sampled_groups_do_not_merge_on_one_link_or_mostly_unlinked_pairs() -> None:
    pair = [link("a", "b"), link("c", "d")]
    assert sampled_groups("abcd", [*pair, link("a", "c")], "event") == [("a", "b"), ("c", "d")]
    assert sampled_groups("abx", [link("a", "b"), link("a", "x")], "event") == [("a", "b"), ("x",)]
    crossed = [
        *pair,
        link("a", "c"),
        link("b", "d"),
        *(link(x, y, Relation.RELATED) for x, y in [("a", "d"), ("b", "c")]),
    ]
    assert sampled_groups("abcd", crossed, "event") == [("a", "b", "c", "d")]  # 2 of 4 compared linked
    crossed.append(link("a", "d", Relation.UNRELATED))  # a pair given twice counts once
    assert sampled_groups("abcd", crossed, "event") == [("a", "b", "c", "d")]
    crossed[3] = link("b", "d", Relation.RELATED)  # 1 of 4
    assert sampled_groups("abcd", crossed, "event") == [("a", "b"), ("c", "d")]


@settings(max_examples=60, deadline=None)
@given(random_links(12, 50))
def test_sampled_groups_are_linked_pieces_and_the_same_clustered_piece_by_piece(
    drawn: tuple[list[str], list[Link]],
) -> None:
    ids, links = drawn
    found = partition(sampled_groups, ids, links)
    strong = [x for x in links if x.relation.strength >= Relation.SAME_EVENT.strength]
    pieces = groups(ids, strong, "event") if not strong else _connected(ids, strong)
    by_piece = sorted(g for piece in pieces for g in sampled_groups(piece, links, "event"))
    assert by_piece == found  # what scan relies on to cluster a large component in pieces
    for group in found:  # every group hangs together by links at the level
        assert _connected(group, [x for x in strong if {x.a, x.b} <= set(group)]) == [group]


def _connected(ids: list[str] | tuple[str, ...], links: list[Link]) -> list[tuple[str, ...]]:
    """Connected components of ``ids`` under ``links``, each sorted, sorted."""
    parent = {a: a for a in ids}

    def root(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for x in links:
        parent[root(x.a)] = root(x.b)
    found: dict[str, list[str]] = {}
    for a in ids:
        found.setdefault(root(a), []).append(a)
    return sorted(tuple(sorted(m)) for m in found.values())


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


def two_pairs_linked(share_linked: int) -> list[Link]:
    """Groups {a, b} and {c, d} (each linked inside), with ``share_linked`` of their 4 cross pairs linked."""
    cross = [("a", "c"), ("b", "d"), ("a", "d"), ("b", "c")][:share_linked]
    return [link("a", "b"), link("c", "d"), *(link(x, y) for x, y in cross)]


@pytest.mark.parametrize(
    ("linked", "merged"),
    [(int(LINK_SHARE * 4) - 1, False), (int(LINK_SHARE * 4), True), (int(LINK_SHARE * 4) + 1, True)],
    ids=["below the share", "at the share", "above the share"],
)
def test_two_groups_merge_from_the_link_share_on(linked: int, merged: bool) -> None:
    found = groups("abcd", two_pairs_linked(linked), "event")
    assert (found == [("a", "b", "c", "d")]) is merged


def similarity(**figures: float) -> Similarity:
    base = {
        "jaccard": 0.5,
        "jaccard_estimate": 0.45,
        "containment_a": 0.6,
        "containment_b": 0.3,
        "coverage_a": 0.7,
        "coverage_b": 0.2,
        "longest_passage_words": 33,
        "shingle_size": 5,
        "num_perm": 128,
    }
    return Similarity(**{**base, **figures})  # type: ignore[arg-type]


def report(relation: Relation, reasons: tuple[Reason, ...]) -> PairReport:
    def info(name: str) -> ArticleInfo:
        return ArticleInfo(name, f"{name}.txt", None, None, None, 100)

    return PairReport(info("x"), info("y"), relation, 0.7, 0.4, reasons, similarity(), (), (), (), (), (), {})


R = {
    code: Reason(code, code)
    for code in (
        "text_overlap",
        "shared_passages",
        "shared_quotations",
        "shared_entities",
        "event_score",
        "dates_conflict",
        "other",
    )
}


@pytest.mark.parametrize(
    ("relation", "given", "kept"),
    [
        (
            Relation.DUPLICATE,
            ("other", "shared_passages", "text_overlap"),
            ["text_overlap", "shared_passages", "other"],
        ),
        (
            Relation.REUSE,
            ("text_overlap", "other", "shared_passages"),
            ["shared_passages", "text_overlap", "other"],
        ),
        (
            Relation.SAME_EVENT,
            ("text_overlap", "event_score", "shared_entities", "shared_quotations", "other"),
            ["shared_quotations", "shared_entities", "event_score", "text_overlap"],
        ),
        (
            Relation.RELATED,
            ("text_overlap", "event_score", "dates_conflict", "shared_entities"),
            ["shared_entities", "dates_conflict", "event_score", "text_overlap"],
        ),
        (
            Relation.UNRELATED,
            ("other", "text_overlap", "event_score"),
            ["event_score", "text_overlap", "other"],
        ),
    ],
)
def test_a_link_keeps_the_reasons_that_explain_its_relation_best(
    relation: Relation, given: tuple[str, ...], kept: list[str]
) -> None:
    made = link_from_report(report(relation, tuple(R[code] for code in given)), channels=("text",))
    assert [r.code for r in made.reasons] == kept[:TOP_REASONS]
    assert (made.a, made.b, made.relation, made.confidence, made.event_score) == (
        "x",
        "y",
        relation,
        0.7,
        0.4,
    )
    assert made.channels == ("text",)


def test_a_link_leaves_out_reasons_against_its_relation() -> None:
    against = Reason("dates_conflict", "dates differ", supports=False)
    made = link_from_report(report(Relation.RELATED, (R["text_overlap"], against)))
    assert [r.code for r in made.reasons] == ["text_overlap"]


def test_a_link_holds_the_pairs_text_figures_and_its_json_shows_them_flat() -> None:
    made = link_from_report(report(Relation.REUSE, ()))
    assert made.figures == similarity()
    data = to_data(made)
    assert list(data)[:12] == ["a", "b", "relation", "confidence", "event_score", *SHOWN_FIGURES, "reasons"]
    assert [data[name] for name in SHOWN_FIGURES] == [0.5, 0.6, 0.3, 0.7, 0.2, 33]
    assert "figures" not in data and "jaccard_estimate" not in data


@pytest.mark.parametrize(("first", "second", "swapped"), [("p", "q", False), ("q", "p", True)])
def test_a_copied_link_orders_its_ids_and_swaps_the_sides_figures(
    first: str, second: str, swapped: bool
) -> None:
    original = link_from_report(report(Relation.SAME_EVENT, (R["shared_entities"],)))
    made = copy_link(original, first, second, "x~y")
    assert (made.a, made.b) == ("p", "q")
    figures, before = made.figures, original.figures
    sides = [(figures.containment_a, figures.containment_b), (figures.coverage_a, figures.coverage_b)]
    expected = [(before.containment_a, before.containment_b), (before.coverage_a, before.coverage_b)]
    assert sides == ([tuple(reversed(pair)) for pair in expected] if swapped else expected)
    assert made.figures.swapped() == before if swapped else made.figures == before
    assert (made.relation, made.confidence, made.event_score) == (original.relation, 0.7, 0.4)
    assert made.reasons == (Reason("exact_copy", "same texts as x~y: their verdict"), *original.reasons)
    assert made.inferred_from == "x~y"
