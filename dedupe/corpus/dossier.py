"""An event dossier: one view of the sources of one event instead of many pair verdicts.

Given the reports of one event (a scan's event cluster, or files an editor names), the
dossier lays out:

* **facts by source** — one row per fact slot (where, when, who, the counterpart, each
  figure), one cell per source holding its value and the sentence that states it. A row
  is a conflict when any pair of sources has a conflict flag on it (``compare_facts``),
  however many pairs show it; its values are grouped with how many sources hold each.
* **statements by source** — one row per statement (``match_quotes`` groups rendered by
  two sources or more): each source's rendering with its classed differences against
  the reference, and attribution conflicts (other speakers, or a person in one source
  and an institution in another).
* **lineage** — families of copies and rewrites (the scan's duplicate and reuse
  verdicts, grouped as the scan groups its reuse clusters), the credits each report gives
  (credit lines and datelines found by ingest, agencies cited in the text) and the
  earliest published member; sources that share much but not enough to be one family
  are named with the reason.
* **unique content** — per family, the sentences and statements no other family has.

Everything is computed from the existing stages (``analyze``, ``compare_features``,
``compare_facts``, ``match_quotes``, ``cluster.groups``); nothing here extracts anew.
Offsets are half-open into each article's original text. Each part has its module:
``dossier_facts``, ``dossier_statements``, ``dossier_lineage``, ``dossier_unique``; this one
assembles them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from dedupe.corpus.dossier_facts import FactRow, fact_rows
from dedupe.corpus.dossier_lineage import Family, NearMiss, find_families, find_near_misses
from dedupe.corpus.dossier_statements import Statement, statement_of
from dedupe.corpus.dossier_unique import UniqueContent, unique_content
from dedupe.corpus.linkage import Link
from dedupe.corpus.scan import ScanReport
from dedupe.evidence.facts import compare_facts
from dedupe.models import Article
from dedupe.pair.compare import ArticleFeatures, PairReport, analyze, compare_features
from dedupe.pair.verdict import Relation
from dedupe.quotes.match import match_quotes
from dedupe.settings import DEFAULT_SETTINGS, Settings

ALL_PAIRS_MEMBERS = 40
"""Dossiers up to this many reports compare every pair of them; larger ones only the pairs
the scan verified (so cost stays bounded), treating the rest as sharing no text."""


@dataclass(frozen=True, slots=True)
class Source:
    """One report of the event: how a reader knows it (outlet, title), its id, and its family."""

    id: str
    label: str  # the outlet, else the id; unique inside the dossier
    outlet: str | None
    title: str | None
    published: str | None
    family: str
    words: int


@dataclass(frozen=True, slots=True)
class Dossier:
    """The sources of one event compared: facts, statements, lineage and unique content."""

    event: str  # the scan's event cluster id, or "" for a dossier of files
    sources: tuple[Source, ...]
    facts: tuple[FactRow, ...]
    statements: tuple[Statement, ...]
    families: tuple[Family, ...]
    near_misses: tuple[NearMiss, ...]
    unique: tuple[UniqueContent, ...]
    weak_pairs: tuple[tuple[str, str, str], ...]  # pairs whose verdict is weaker than same_event
    compared_pairs: int

    @property
    def conflicts(self) -> int:
        """Return how many fact rows are conflicts."""
        return sum(1 for row in self.facts if row.status == "conflict")

    @property
    def attribution_conflicts(self) -> int:
        """Return how many statements are attributed to different speakers."""
        return sum(1 for s in self.statements if s.attributions)

    def summary(self) -> str:
        """Return the headline count: independent sources against articles."""
        families, articles = len(self.families), len(self.sources)
        return (
            f"{families} independent source{'s' * (families != 1)}, {articles} article{'s' * (articles != 1)}"
        )


def dossier(
    articles: Sequence[Article],
    *,
    links: Iterable[Link] = (),
    event: str = "",
    settings: Settings = DEFAULT_SETTINGS,
    features: Mapping[str, ArticleFeatures] | None = None,
) -> Dossier:
    """Compare the sources of one event: facts, statements, lineage and unique content.

    Args:
        articles: The reports, taken as reports of one event; their order is the columns' order
            (sorted by id here, so the dossier does not depend on input order).
        links: Verified pairs (a scan's); their relation decides families. Pairs not among
            them are compared here (all pairs up to ``ALL_PAIRS_MEMBERS`` reports).
        event: The event cluster's id, if any.
        settings: Pipeline settings.
        features: Articles already analysed, by id.

    Examples:
        >>> found = dossier(load_articles(["fixtures/seeds"])[:2])  # doctest: +SKIP
        >>> found.summary()  # doctest: +SKIP
        '2 independent sources, 2 articles'
    """
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    analysed = {a.id: (features or {}).get(a.id) or analyze(a, settings) for a in ordered}
    ids = [a.id for a in ordered]
    given = {(k.a, k.b): k for k in links if k.a in analysed and k.b in analysed}
    given.update({(k.b, k.a): k for k in list(given.values())})
    reports: dict[tuple[str, str], PairReport] = {}
    for x, y in combinations(ids, 2):
        if len(ids) <= ALL_PAIRS_MEMBERS or (x, y) in given:
            reports[(x, y)] = compare_features(analysed[x], analysed[y], settings)
    relation = {
        pair: (given[pair].relation if pair in given else report.relation) for pair, report in reports.items()
    }
    groups_found = match_quotes(
        [analysed[i].article for i in ids],
        quotes={i: analysed[i].quotes for i in ids},
        tokens={i: analysed[i].tokens for i in ids},
        same_event=_always,
    )
    families = find_families(ids, analysed, reports, relation)
    family_of = {m: f.id for f in families for m in f.members}
    flags = {
        (x, y): compare_facts(
            analysed[x].article, analysed[y].article, views=(analysed[x].facts(), analysed[y].facts())
        )
        for x, y in combinations(ids, 2)
    }
    return Dossier(
        event=event,
        sources=_sources(ordered, analysed, family_of),
        facts=fact_rows(ids, analysed, flags),
        statements=tuple(statement_of(g) for g in groups_found if len(g.articles) > 1),
        families=families,
        near_misses=find_near_misses(reports, relation, family_of, groups_found, settings),
        unique=unique_content(families, analysed, reports, groups_found),
        weak_pairs=tuple(
            (x, y, r.value)
            for (x, y), r in sorted(relation.items())
            if r.strength < Relation.SAME_EVENT.strength
        ),
        compared_pairs=len(reports),
    )


def scan_dossiers(
    report: ScanReport,
    articles: Mapping[str, Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[Dossier, ...]:
    """Return a dossier for each event cluster of two or more members, in cluster order.

    ``articles`` maps ids to articles (a lazy mapping over an index will do).
    """
    found = []
    for cluster in report.level("event"):
        if len(cluster.members) > 1:
            members = [articles[m] for m in cluster.members]
            found.append(dossier(members, links=report.pairs, event=cluster.id, settings=settings))
    return tuple(found)


def _always(a: str, b: str) -> bool:
    """The reports of a dossier are taken as one event."""
    return True


def _sources(
    ordered: Sequence[Article], analysed: Mapping[str, ArticleFeatures], family_of: Mapping[str, str]
) -> tuple[Source, ...]:
    names = [a.outlet or a.id for a in ordered]
    repeated = {n for n in names if names.count(n) > 1}
    seen: dict[str, int] = {}
    out = []
    for article, name in zip(ordered, names, strict=True):
        if name in repeated:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} #{seen[name]}"
        out.append(
            Source(
                id=article.id,
                label=name,
                outlet=article.outlet,
                title=article.title,
                published=article.published.isoformat() if article.published else None,
                family=family_of[article.id],
                words=len(analysed[article.id].tokens),
            )
        )
    return tuple(out)
