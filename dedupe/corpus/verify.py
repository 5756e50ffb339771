"""The verify stage of a scan: compare, cluster and describe one component of the candidate graph.

``verify_component`` is a pure function of the component's articles, its comparisons and its
copy groups, so that worker processes (``dedupe.corpus.scan``) and Spark executors
(``dedupe.corpus.spark``) run the very same code. Components up to ``ALL_PAIRS_LIMIT``
articles are clustered into events over every pair (``_event_scores``); pairs the clusters
contradict take the clusters' relation (``_agree_with_events``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dedupe.corpus.candidates import Work
from dedupe.corpus.cluster import (
    LEVELS,
    Cluster,
    Link,
    describe,
    event_groups,
    groups,
    link_from_report,
    sampled_groups,
    single,
)
from dedupe.corpus.copies import confirm_copy
from dedupe.models import Article, Reason
from dedupe.pair.verdict import Relation
from dedupe.settings import Settings

if TYPE_CHECKING:
    from dedupe.pair.compare import ArticleFeatures

ALL_PAIRS_LIMIT = 300
"""Components up to this many articles are clustered into events over every pair of them
(pairs not proposed as candidates scored by the event model on the articles alone);
larger ones over their verified pairs only, so cost stays bounded: there a pair never
compared is not read as unlinked (``linkage.sampled_groups``)."""
FEATURE_CACHE = 512
"""Articles of one component whose features (tokens, quotations, entities) are kept at once;
in a larger component some articles are analysed more than once."""


def verify_component(
    articles: Sequence[Article], work: Sequence[Work], copies: dict[int, list[int]], settings: Settings
) -> tuple[list[Link], list[Cluster]]:
    """Compare, cluster and describe one component (rows index ``articles``); a pure function.

    Each work item is two rows and the channels that proposed them; ``copies`` maps a copy
    group's representative row to its members' rows, each compared with it alone. A member
    the verdict confirms as a duplicate is clustered with its representative at every
    level and takes part in nothing else; one it does not stays an article of its own.
    """
    features = _Features(articles, settings)
    return _cluster(articles, features, work, _compare(features, articles, work, copies, settings), copies)


def compare_work(
    articles: Sequence[Article], work: Sequence[Work], copies: dict[int, list[int]], settings: Settings
) -> list[Link]:
    """Return the verdict of each work item, in order; a pure function, like ``verify_component``.

    Each comparison depends on its two articles alone, so a large component's work can be
    split into chunks compared apart (rows index ``articles``, which need hold only the
    chunk's articles) and clustered once with ``cluster_component``.
    """
    return _compare(_Features(articles, settings), articles, work, copies, settings)


def cluster_component(
    articles: Sequence[Article],
    work: Sequence[Work],
    links: Sequence[Link],
    copies: dict[int, list[int]],
    settings: Settings,
    *,
    all_pairs: bool | None = None,
) -> tuple[list[Link], list[Cluster]]:
    """Cluster and describe a component whose ``work`` was compared into ``links`` (in order):
    the same result as ``verify_component`` on the same component.

    ``all_pairs`` says whether events are clustered over every pair (default: when the
    component keeps at most ``ALL_PAIRS_LIMIT`` articles); ``False`` lets a caller cluster a
    piece of a larger component as that component would be.
    """
    return _cluster(articles, _Features(articles, settings), work, list(links), copies, all_pairs)


def _compare(
    features: _Features,
    articles: Sequence[Article],
    work: Sequence[Work],
    copies: dict[int, list[int]],
    settings: Settings,
) -> list[Link]:
    from dedupe.pair.compare import compare_features

    links = []
    for i, j, channels in work:
        copied = (
            confirm_copy(features.get(i), articles[j], settings, channels) if j in copies.get(i, ()) else None
        )
        links.append(
            copied
            or link_from_report(
                compare_features(features.get(i), features.get(j), settings), channels=channels
            )
        )
    return links


def _cluster(
    articles: Sequence[Article],
    features: _Features,
    work: Sequence[Work],
    links: list[Link],
    copies: dict[int, list[int]],
    all_pairs: bool | None = None,
) -> tuple[list[Link], list[Cluster]]:
    verdicts = {(i, j): link for (i, j, _), link in zip(work, links, strict=True)}
    copy_of = {
        member: rep
        for rep, rows in copies.items()
        for member in rows
        if verdicts[(rep, member)].relation is Relation.DUPLICATE
    }
    keep = [row for row in range(len(articles)) if row not in copy_of]
    held = [verdicts[(rep, member)] for member, rep in sorted(copy_of.items())]
    kept = [
        link for (i, j, _), link in zip(work, links, strict=True) if i not in copy_of and j not in copy_of
    ]
    view = _View(features, keep)
    ids = [articles[row].id for row in keep]
    row_of = {article: n for n, article in enumerate(ids)}
    copies_of: dict[str, list[str]] = {}
    for member, rep in copy_of.items():
        copies_of.setdefault(articles[rep].id, []).append(articles[member].id)
    found = []
    duplicates: set[tuple[str, ...]] = set()
    for level in LEVELS:
        every_pair = len(keep) <= ALL_PAIRS_LIMIT if all_pairs is None else all_pairs
        if level == "event" and every_pair:
            scores, apart = _event_scores(view, kept, row_of)
            grouped = event_groups(ids, scores, _threshold(), apart)
            kept = _agree_with_events(kept, grouped, view, row_of)
        else:
            grouped = (groups if every_pair else sampled_groups)(ids, kept, level)
        for group in grouped:
            whole = tuple(sorted((*group, *(c for m in group for c in copies_of.get(m, ())))))
            if level == "duplicate":
                duplicates.add(whole)
            if len(whole) > 1 and not (level == "reuse" and whole in duplicates):  # nothing beyond copies
                found.append(describe(level, whole, [*kept, *held], [view.get(row_of[m]) for m in group]))
            elif level == "event":
                published = articles[keep[row_of[group[0]]]].published
                found.append(single(group[0], published.isoformat() if published else None))
    return [*kept, *held], found


def _agree_with_events(
    links: list[Link], grouped: list[tuple[str, ...]], features: _Features, row_of: dict[str, int]
) -> list[Link]:
    """Give each pair that is neither copy nor reuse the relation its event clusters say: one
    event inside a cluster, not across two, so a report never contradicts its own clusters."""
    from dedupe.evidence.facts import compare_facts

    event_of = {member: n for n, group in enumerate(grouped) for member in group}
    agreed = []
    for link in links:
        together = event_of[link.a] == event_of[link.b]
        if link.relation.strength >= Relation.REUSE.strength or together == (
            link.relation is Relation.SAME_EVENT
        ):
            agreed.append(link)
        elif together:
            fa, fb = features.get(row_of[link.a]), features.get(row_of[link.b])
            facts = compare_facts(fa.article, fb.article, views=(fa.facts(), fb.facts()))
            reason = Reason(
                "event_cluster", "clustered into one event with the reports it is most likely to share"
            )
            agreed.append(
                replace(link, relation=Relation.SAME_EVENT, reasons=_first(reason, link), facts=facts)
            )
        else:
            reason = Reason(
                "event_cluster", "clustered into different events: closer to other reports than to each other"
            )
            agreed.append(replace(link, relation=Relation.RELATED, reasons=_first(reason, link), facts=()))
    return agreed


def _first(reason: Reason, link: Link) -> tuple[Reason, ...]:
    """Put ``reason`` first among the link's, after the note that a verdict is an exact copy's."""
    keep = 1 if link.inferred_from else 0
    return (*link.reasons[:keep], reason, *link.reasons[keep:])


def _event_scores(
    features: _Features, links: Sequence[Link], row_of: dict[str, int]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Probability of one event for every pair of a component, and the pairs whose event dates
    are too far apart for one occasion. The probability is the verdict's where the pair was compared (1 for a
    copy or reuse), the event model's on the articles alone where it was not."""
    from dedupe.pair.event_features import cheap_features, dates_far_apart
    from dedupe.pair.event_model import default_model

    count = len(row_of)
    scores = np.full((count, count), np.nan)
    strong = np.zeros((count, count), dtype=bool)
    for link in links:
        i, j = row_of[link.a], row_of[link.b]
        strong[i, j] = strong[j, i] = link.relation.strength >= Relation.REUSE.strength
        scores[i, j] = scores[j, i] = 1.0 if strong[i, j] else link.event_score
    model = default_model()
    apart = np.zeros((count, count), dtype=bool)
    for i in range(count):
        for j in range(i + 1, count):
            fi, fj = features.get(i), features.get(j)
            apart[i, j] = apart[j, i] = not strong[i, j] and dates_far_apart(fi, fj)
            if np.isnan(scores[i, j]):
                scores[i, j] = scores[j, i] = model.probability(cheap_features(fi, fj))
    np.fill_diagonal(scores, 0.0)
    return scores, apart


def _threshold() -> float:
    from dedupe.pair.event_model import default_model

    return default_model().cluster_threshold


class _Features:
    """Features of a component's articles, analysed on first use and kept in a bounded LRU."""

    def __init__(self, articles: Sequence[Article], settings: Settings) -> None:
        self._articles = articles
        self._settings = settings
        self._cache: OrderedDict[int, ArticleFeatures] = OrderedDict()

    def get(self, row: int) -> ArticleFeatures:
        from dedupe.pair.compare import analyze

        if row in self._cache:
            self._cache.move_to_end(row)
            return self._cache[row]
        made = analyze(self._articles[row], self._settings)
        self._cache[row] = made
        if len(self._cache) > FEATURE_CACHE:
            self._cache.popitem(last=False)
        return made


class _View(_Features):
    """The features of some of a component's rows, renumbered from 0 (sharing their analyses)."""

    def __init__(self, features: _Features, rows: Sequence[int]) -> None:
        self._base = features
        self._rows = rows

    def get(self, row: int) -> ArticleFeatures:
        return self._base.get(self._rows[row])
