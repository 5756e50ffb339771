"""Describe clusters for the reports: members, representative, dates, key names, quotations, facts.

The groups themselves (the levels, average linkage, the ``Link`` of a verified pair) are
found in ``corpus.linkage``; ``corpus.scan`` and ``corpus.verify`` import the linkage
names they need from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

# Re-exported: corpus.scan and corpus.verify import these from here.
from dedupe.corpus.linkage import LEVELS as LEVELS
from dedupe.corpus.linkage import Link as Link
from dedupe.corpus.linkage import event_groups as event_groups
from dedupe.corpus.linkage import groups as groups
from dedupe.corpus.linkage import link_from_report as link_from_report
from dedupe.corpus.linkage import representative
from dedupe.corpus.linkage import sampled_groups as sampled_groups
from dedupe.evidence.fact_flags import PairFlags

if TYPE_CHECKING:
    from dedupe.pair.compare import ArticleFeatures

TOP_ENTITIES = 8
"""Key entities listed per cluster, most mentioned across its members first."""


@dataclass(frozen=True, slots=True)
class QuoteSummary:
    """One quotation as several outlets rendered it, and whether they agree."""

    speaker: str
    text: str  # the reference rendering
    articles: tuple[str, ...]
    consistency: str  # "identical", "trivial" (marks, case, hyphens) or "differs"
    differences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cluster:
    """A group of articles at one level, with what an editor needs to read it."""

    id: str
    level: str
    members: tuple[str, ...]
    representative: str
    dates: tuple[str, ...]  # ISO dates (or partial ones, "2022-09") the members state, then publish
    entities: tuple[str, ...]
    quote_groups: tuple[QuoteSummary, ...]
    links: int  # verified links inside the cluster at its level
    parent: str | None = None  # the event cluster holding this duplicate or reuse group
    facts: tuple[PairFlags, ...] = ()  # facts that differ between members (event clusters)


def describe(
    level: str, members: tuple[str, ...], links: Sequence[Link], analysed: Sequence[ArticleFeatures]
) -> Cluster:
    """Describe a group of two or more: representative, dates, key entities, quote groups (id unset)."""
    inside = set(members)
    weakest = LEVELS[level].strength
    count = sum(1 for k in links if k.relation.strength >= weakest and k.a in inside and k.b in inside)
    return Cluster(
        id="",
        level=level,
        members=members,
        representative=representative(members, links, level),
        dates=_dates(analysed),
        entities=_entities(analysed),
        quote_groups=_quote_groups(analysed),
        links=count,
        facts=_facts(members, links) if level == "event" else (),
    )


def single(member: str, published: str | None) -> Cluster:
    """Return the event cluster of an article nothing else was found to share an event with."""
    return Cluster("", "event", (member,), member, (published,) if published else (), (), (), 0)


def number(clusters: Iterable[Cluster]) -> tuple[Cluster, ...]:
    """Give clusters stable ids ("event-1", …) by first member, and each smaller group its event.

    Returns event clusters, then reuse groups, then duplicate groups.
    """
    by_level: dict[str, list[Cluster]] = {level: [] for level in ("event", "reuse", "duplicate")}
    for cluster in clusters:
        by_level[cluster.level].append(cluster)
    event_of: dict[str, str] = {}
    numbered: list[Cluster] = []
    for level, found in by_level.items():
        for n, cluster in enumerate(sorted(found, key=lambda c: c.members), start=1):
            cluster_id = f"{level}-{n}"
            if level == "event":
                event_of.update(dict.fromkeys(cluster.members, cluster_id))
            parent = None if level == "event" else event_of.get(cluster.representative)
            numbered.append(replace(cluster, id=cluster_id, parent=parent))
    return tuple(numbered)


def _dates(analysed: Sequence[ArticleFeatures]) -> tuple[str, ...]:
    """The event dates the members state (best first in each), then their publication dates."""
    stated = {f.profile.dates[0].canonical for f in analysed if f.profile.dates}
    published = {f.article.published.isoformat() for f in analysed if f.article.published}
    return tuple(sorted(stated)) + tuple(sorted(published - stated))


def _facts(members: tuple[str, ...], links: Sequence[Link]) -> tuple[PairFlags, ...]:
    inside = set(members)
    return tuple(
        PairFlags(k.a, k.b, k.facts)
        for k in links
        if k.facts and k.inferred_from is None and k.a in inside and k.b in inside
    )


def _entities(analysed: Sequence[ArticleFeatures]) -> tuple[str, ...]:
    """The names the members share most, the distinctive ones first ("Nanping" before "China")."""
    counts: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for item in analysed:
        for entity in item.entities:
            if entity.kind not in ("date", "number"):
                weight[entity.canonical] = max(weight.get(entity.canonical, 0.0), entity.weight)
        counts.update({e.canonical for e in item.entities if e.kind not in ("date", "number")})
    ranked = sorted(counts, key=lambda name: (-counts[name] * weight[name], name))
    return tuple(ranked[:TOP_ENTITIES])


def _quote_groups(analysed: Sequence[ArticleFeatures]) -> tuple[QuoteSummary, ...]:
    from dedupe.quotes.diff import describe_difference
    from dedupe.quotes.match import match_quotes

    matched = match_quotes(
        [f.article for f in analysed],
        quotes={f.article.id: f.quotes for f in analysed},
        same_event=_always,
        tokens={f.article.id: f.tokens for f in analysed},
    )
    return tuple(
        QuoteSummary(
            speaker=group.speaker,
            text=group.renderings[group.reference].text,
            articles=group.articles,
            consistency=group.consistency,
            differences=tuple(
                f"{d.article_id}: {describe_difference(d.kind, d.reference_text, d.rendering_text)}"
                for d in group.differences
            ),
        )
        for group in matched
        if len(group.articles) > 1
    )


def _always(a: str, b: str) -> bool:
    """Members of one cluster report one event."""
    return True
