"""Link articles at the cluster levels and group them by average linkage: duplicate, reuse, event.

A level's links are the verified pairs whose relation is at least that strong (a
duplicate is also reuse and also the same event), so duplicate groups sit inside reuse
groups, which sit inside event clusters.

The rule is average linkage over verified links: two groups merge only when at least
``LINK_SHARE`` of all pairs across them are linked at the level (a pair never compared,
or compared and found weaker, counts as unlinked). Single linkage (connected components)
would chain unrelated articles through one hub — a round-up that quotes two different
events would glue both events together; under average linkage the hub joins one of
them, the better connected, and the other event stays apart. Merges go best-linked first;
ties break on article ids, so clusters and their ids are stable from run to run.

``cluster`` describes the groups found here for the reports.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dedupe.evidence.fact_flags import FactFlag
from dedupe.models import Reason
from dedupe.pair.similarity import Similarity
from dedupe.pair.verdict import Relation

if TYPE_CHECKING:
    from dedupe.pair.compare import PairReport

LINK_SHARE = 0.5
"""Least share of cross pairs that must be linked for two groups to merge (average linkage)."""
LEVELS = {"duplicate": Relation.DUPLICATE, "reuse": Relation.REUSE, "event": Relation.SAME_EVENT}
"""Cluster levels and the weakest relation that links two articles at each."""
TOP_REASONS = 4
"""Reasons kept per link (``dedupe compare`` shows them all)."""
SHOWN_FIGURES = (
    "jaccard",
    "containment_a",
    "containment_b",
    "coverage_a",
    "coverage_b",
    "longest_passage_words",
)
"""The text figures of its pair a link's JSON shows as its own (``serialize.to_data`` inlines them)."""


@dataclass(frozen=True, slots=True)
class Link:
    """A verified pair: its relation, confidence, text figures and the top reasons."""

    a: str
    b: str
    relation: Relation
    confidence: float
    event_score: float
    figures: Similarity = field(metadata={"inline": SHOWN_FIGURES})  # the pair's, sides as a and b
    reasons: tuple[Reason, ...]
    channels: tuple[str, ...] = ()  # the candidate channels that proposed the pair
    inferred_from: str | None = None  # set when b is an exact copy and the verdict is its original's
    facts: tuple[FactFlag, ...] = ()  # facts that differ, for same-event (or stronger) pairs


def groups(ids: Iterable[str], links: Iterable[Link], level: str) -> list[tuple[str, ...]]:
    """Return the groups of ``ids`` at ``level`` by average linkage, each sorted, in order of first id.

    Every id lands in exactly one group; groups of one are returned too.
    """
    weakest = LEVELS[level].strength
    order = sorted(set(ids))
    number = {article: n for n, article in enumerate(order)}
    members: dict[int, list[int]] = {n: [n] for n in range(len(order))}
    between: dict[int, dict[int, int]] = {n: {} for n in range(len(order))}
    for link in links:
        if link.relation.strength < weakest or link.a not in number or link.b not in number:
            continue
        x, y = number[link.a], number[link.b]
        if x != y and y not in between[x]:
            between[x][y] = between[y][x] = 1
    _merge_best_first(members, between, lambda x, y: between[x][y] / (len(members[x]) * len(members[y])))
    found = [tuple(order[n] for n in sorted(group)) for group in members.values()]
    return sorted(found)


def sampled_groups(ids: Iterable[str], links: Iterable[Link], level: str) -> list[tuple[str, ...]]:
    """Return the groups of ``ids`` at ``level`` by average linkage over the pairs compared only.

    For a component too large to compare every pair: there the candidates are a sample (a
    story told by hundreds of reports fills band buckets past ``MAX_BUCKET``, whose pairs
    are not proposed), and counting every pair never compared as unlinked would split one
    event into many. Every link given counts as compared; those at ``level`` as linked.
    Two groups merge when ``LINK_SHARE`` of their compared cross pairs are linked, at least
    as many were compared as the smaller group has members, and the links reach two members
    of each group (the one of a group of one), so a round-up linked to two events does not
    glue them together. Merges go best-shared first; ties break on ids.
    """
    weakest = LEVELS[level].strength
    order = sorted(set(ids))
    number = {article: n for n, article in enumerate(order)}
    group_of = list(range(len(order)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(order))}
    linked: dict[int, dict[int, int]] = {n: {} for n in range(len(order))}
    compared: dict[int, dict[int, int]] = {n: {} for n in range(len(order))}
    neighbours: dict[int, list[int]] = {n: [] for n in range(len(order))}
    for link in links:
        if link.a not in number or link.b not in number or link.a == link.b:
            continue
        x, y = sorted((number[link.a], number[link.b]))
        compared[x][y] = compared[y][x] = 1  # a pair given twice counts once, linked if either is
        if link.relation.strength >= weakest and y not in linked[x]:
            linked[x][y] = linked[y][x] = 1
            neighbours[x].append(y)
            neighbours[y].append(x)

    def share(x: int, y: int) -> float:
        return linked[x].get(y, 0) / compared[x][y]

    def reaches(x: int, y: int) -> bool:
        """True if the links between groups x and y touch two members of each (or all of one)."""
        small, large = (x, y) if len(members[x]) <= len(members[y]) else (y, x)
        need_small, need_large = min(2, len(members[small])), min(2, len(members[large]))
        touched, reached = 0, set()
        for m in members[small]:
            across = [n for n in neighbours[m] if group_of[n] == large]
            touched += bool(across)
            reached.update(across[:need_large])
            if touched >= need_small and len(reached) >= need_large:
                return True
        return False

    def allowed(x: int, y: int) -> bool:
        return compared[x][y] >= min(len(members[x]), len(members[y])) and reaches(x, y)

    def merging(x: int, y: int) -> None:
        for m in members[y]:
            group_of[m] = x
        _fold(x, y, compared)

    _merge_best_first(members, linked, share, allowed, merging)
    found = [tuple(order[n] for n in sorted(group)) for group in members.values()]
    return sorted(found)


def event_groups(
    ids: Sequence[str],
    scores: npt.NDArray[np.float64],
    threshold: float,
    apart: npt.NDArray[np.bool_] | None = None,
) -> list[tuple[str, ...]]:
    """Group ``ids`` by average linkage over pair probabilities of one event, ``scores[i, j]``.

    Two groups merge, best first, while the mean probability over all pairs across them is
    at least ``threshold``: every pair counts with its own probability, so a pair never
    verified is not read as "different", and a round-up article linked to two events
    joins only the one it is closer to. Two groups holding a pair marked ``apart`` (event
    dates that cannot both be right) never merge: one event cannot have two dates, however
    alike the reports read. Ties break on ids; groups come sorted.
    """
    order = sorted(range(len(ids)), key=lambda n: ids[n])
    total = scores[np.ix_(order, order)].astype(np.float64).copy()
    blocked = apart[np.ix_(order, order)].copy() if apart is not None else np.zeros(total.shape, dtype=bool)
    np.fill_diagonal(total, 0.0)
    sizes = np.ones(len(order))
    alive = np.ones(len(order), dtype=bool)
    members: dict[int, list[int]] = {n: [n] for n in range(len(order))}
    while alive.sum() > 1:
        mean = total / np.outer(sizes, sizes)
        mean[~alive, :] = -1.0
        mean[:, ~alive] = -1.0
        mean[blocked] = -1.0
        np.fill_diagonal(mean, -1.0)
        best = int(np.argmax(mean))
        x, y = divmod(best, len(order))
        if mean[x, y] < threshold:
            break
        x, y = min(x, y), max(x, y)
        total[x, :] += total[y, :]
        total[:, x] += total[:, y]
        total[x, x] = 0.0
        total[y, :] = total[:, y] = 0.0
        blocked[x, :] |= blocked[y, :]
        blocked[:, x] |= blocked[:, y]
        sizes[x] += sizes[y]
        alive[y] = False
        members[x].extend(members.pop(y))
    return sorted(tuple(sorted(ids[order[n]] for n in group)) for group in members.values())


def _merge_best_first(
    members: dict[int, list[int]],
    linked: dict[int, dict[int, int]],
    share: Callable[[int, int], float],
    allowed: Callable[[int, int], bool] = lambda x, y: True,
    merging: Callable[[int, int], None] = lambda x, y: None,
) -> None:
    """Average linkage: merge linked groups, best ``share`` first, while it reaches ``LINK_SHARE``.

    ``allowed`` may refuse a merge; ``merging`` updates the caller's own counts before
    group ``y`` folds into ``x``. Ties break on group numbers (article ids in order).
    """
    heap = [(-1.0, x, y) for x in linked for y in linked[x] if x < y]
    heapq.heapify(heap)
    while heap:
        negative, x, y = heapq.heappop(heap)
        if x not in members or y not in members or y not in linked[x]:
            continue
        current = share(x, y)
        if current != -negative:
            heapq.heappush(heap, (-current, x, y))
            continue
        if current < LINK_SHARE or not allowed(x, y):
            continue
        merging(x, y)
        _merge(x, y, members, linked)
        for other in linked[x]:
            if share(x, other) >= LINK_SHARE:
                heapq.heappush(heap, (-share(x, other), min(x, other), max(x, other)))


def _merge(x: int, y: int, members: dict[int, list[int]], between: dict[int, dict[int, int]]) -> None:
    """Fold group ``y`` into group ``x``, summing their link counts to every other group."""
    members[x].extend(members.pop(y))
    _fold(x, y, between)


def _fold(x: int, y: int, counts: dict[int, dict[int, int]]) -> None:
    """Fold the counts of group ``y`` into group ``x`` (pair counts kept both ways)."""
    for other, count in counts.pop(y).items():
        del counts[other][y]
        if other != x:
            counts[x][other] = counts[other][x] = counts[x].get(other, 0) + count
    counts[x].pop(y, None)


def representative(members: Sequence[str], links: Iterable[Link], level: str) -> str:
    """Return the member with the most links at ``level`` inside the group (ties: smallest id)."""
    inside = set(members)
    weakest = LEVELS[level].strength
    degree = dict.fromkeys(members, 0)
    for link in links:
        if link.relation.strength >= weakest and link.a in inside and link.b in inside:
            degree[link.a] += 1
            degree[link.b] += 1
    return min(members, key=lambda article: (-degree[article], article))


def link_from_report(report: PairReport, *, channels: tuple[str, ...] = ()) -> Link:
    """Summarise a pair report as a cluster link with its top reasons."""
    reasons = sorted((r for r in report.reasons if r.supports), key=_priority(report.relation))
    return Link(
        report.a_id,
        report.b_id,
        report.relation,
        report.confidence,
        report.event_score,
        report.similarity,
        tuple(reasons[:TOP_REASONS]),
        channels=channels,
        facts=report.facts,
    )


# Which evidence explains each relation best, first: text for copies, quotations and
# names for events. Sorting is stable, so reasons of equal rank keep the verdict's order.
_REASON_ORDER = {
    Relation.DUPLICATE: ("text_overlap", "shared_passages"),
    Relation.REUSE: ("shared_passages", "text_overlap"),
    Relation.SAME_EVENT: ("event_cluster", "shared_quotations", "shared_entities", "event_score"),
    Relation.RELATED: ("event_cluster", "shared_entities", "dates_conflict", "places_differ", "event_score"),
    Relation.UNRELATED: ("event_score", "text_overlap"),
}


def _priority(relation: Relation) -> Callable[[Reason], int]:
    order = _REASON_ORDER[relation]
    return lambda reason: order.index(reason.code) if reason.code in order else len(order)


def copy_link(link: Link, first: str, second: str, source: str) -> Link:
    """Copy ``link``'s verdict to a pair whose articles have the same texts as ``source``."""
    swap = first > second
    a, b = (second, first) if swap else (first, second)
    reason = Reason("exact_copy", f"same texts as {source}: their verdict")
    return replace(
        link,
        a=a,
        b=b,
        figures=link.figures.swapped() if swap else link.figures,
        reasons=(reason, *link.reasons),
        inferred_from=source,
        facts=(),
    )
