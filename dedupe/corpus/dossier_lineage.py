"""Lineage in a dossier: families of copies and rewrites, the credits each report gives, near misses."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dedupe.corpus.linkage import Link, groups, link_from_report
from dedupe.models import Article, Span
from dedupe.pair.compare import ArticleFeatures, PairReport
from dedupe.pair.verdict import Relation
from dedupe.quotes.match import QuoteGroup
from dedupe.settings import Settings

NEAR_SHARED_STATEMENTS = 2
"""Two reports in different families that render this many statements in common are named
in the lineage with why they are not one family (a shared source rewritten, most likely)."""

NEAR_COVERAGE = 0.25
"""…or whose shared passages cover this share of either report."""

# Agencies and wire services an article may cite in its own text ("TASS reported").
AGENCIES = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "TASS", "Interfax", "RIA Novosti",
    "RIA", "Sputnik", "Xinhua", "Bloomberg", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap", "PTI", "IANS", "ANI",
    "Anadolu", "UPI", "CNA", "Bernama", "Antara", "PAP", "Ukrinform", "BelTA", "Kazinform", "IRNA",
)  # fmt: skip
_AGENCY = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True)) + r")(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class Credit:
    """An agency or outlet a report credits: in a credit line or dateline (ingest), or in its text."""

    source: str
    name: str
    where: str  # "credit line or dateline", or "text"
    span: Span | None
    sentence_text: str


@dataclass(frozen=True, slots=True)
class FamilyLink:
    """A copy or reuse verdict inside a family, with how much text the pair shares."""

    a: str
    b: str
    relation: str
    coverage_a: float
    coverage_b: float
    longest_passage_words: int


@dataclass(frozen=True, slots=True)
class Family:
    """Reports that are copies or rewrites of each other: one independent source."""

    id: str
    kind: str  # "copies", "rewrites" or "independent" (a family of one)
    members: tuple[str, ...]
    earliest: str | None  # the earliest published member, when dates are known
    earliest_date: str | None
    links: tuple[FamilyLink, ...]
    credits: tuple[Credit, ...]


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Two reports in different families that share much: why they are not one family."""

    a: str
    b: str
    relation: str
    coverage_a: float
    coverage_b: float
    longest_passage_words: int
    shared_statements: int
    reason: str


def find_families(
    ids: Sequence[str],
    analysed: Mapping[str, ArticleFeatures],
    reports: Mapping[tuple[str, str], PairReport],
    relation: Mapping[tuple[str, str], Relation],
) -> tuple[Family, ...]:
    """Group copies and rewrites as the scan groups reuse (average linkage over the verdicts)."""
    strong = [
        link_from_report(reports[pair])
        for pair, r in relation.items()
        if r.strength >= Relation.REUSE.strength
    ]
    strong = [_with_relation(k, relation[(k.a, k.b)]) for k in strong]
    found = groups(ids, strong, "reuse")
    found.sort(key=lambda g: (-len(g), g))
    families = []
    for n, members in enumerate(found, 1):
        inside = [k for k in strong if k.a in members and k.b in members]
        kind = "independent" if len(members) == 1 else "rewrites"
        if inside and all(k.relation is Relation.DUPLICATE for k in inside):
            kind = "copies"
        dated = [(analysed[m].article.published, m) for m in members if analysed[m].article.published]
        earliest = min(dated) if dated else None
        families.append(
            Family(
                id=f"F{n}",
                kind=kind,
                members=members,
                earliest=earliest[1] if earliest else None,
                earliest_date=earliest[0].isoformat() if earliest and earliest[0] else None,
                links=tuple(
                    FamilyLink(
                        k.a,
                        k.b,
                        k.relation.value,
                        k.figures.coverage_a,
                        k.figures.coverage_b,
                        k.figures.longest_passage_words,
                    )
                    for k in inside
                ),
                credits=tuple(c for m in members for c in credits_of(analysed[m].article)),
            )
        )
    return tuple(families)


def _with_relation(link: Link, relation: Relation) -> Link:
    from dataclasses import replace

    return link if link.relation is relation else replace(link, relation=relation)


def credits_of(article: Article) -> tuple[Credit, ...]:
    """The agencies and outlets ``article`` credits: ingest's credit lines and datelines, then
    agencies its own text cites ("TASS reported", "according to Reuters"), each once.

    Examples:
        >>> from dedupe.ingest.build import article_from_text
        >>> art = article_from_text("Talks ended, Interfax cited an aide as saying.", id="x")
        >>> [(c.name, c.where) for c in credits_of(art)]
        [('Interfax', 'text')]
    """
    found = [Credit(article.id, name, "credit line or dateline", None, "") for name in article.credits]
    named = {c.name for c in found}
    text = article.text
    for body in article.body_spans:
        for match in _AGENCY.finditer(text, body.start, body.end):
            name = match.group(1)
            if name in named:
                continue
            named.add(name)
            sentence = sentence_around(text, body, match.start(), match.end())
            found.append(Credit(article.id, name, "text", Span(match.start(), match.end()), sentence))
    return tuple(found)


def find_near_misses(
    reports: Mapping[tuple[str, str], PairReport],
    relation: Mapping[tuple[str, str], Relation],
    family_of: Mapping[str, str],
    found: Sequence[QuoteGroup],
    settings: Settings,
) -> tuple[NearMiss, ...]:
    """Per two families, the pair of their reports that shares most, if it shares statements or
    text enough to look like one source: say why they are not one family."""
    best: dict[tuple[str, str], NearMiss] = {}
    for (x, y), report in sorted(reports.items()):
        families = (family_of[x], family_of[y])
        if families[0] == families[1]:
            continue
        shared = sum(1 for g in found if x in g.articles and y in g.articles)
        figures = report.similarity
        share = max(figures.coverage_a, figures.coverage_b)
        if shared < NEAR_SHARED_STATEMENTS and share < NEAR_COVERAGE:
            continue
        reason = (
            f"the verdict is {relation[(x, y)].value}, not reuse: shared passages cover "
            f"{figures.coverage_a:.0%} and {figures.coverage_b:.0%} (reuse takes "
            f"{settings.reuse_coverage:.0%}, or one passage of {settings.reuse_passage_words} words; the "
            f"longest is {figures.longest_passage_words}). They render {shared} statement(s) in common: "
            "both may draw on one statement or agency report, but the wording around it is their own"
        )
        miss = NearMiss(x, y, relation[(x, y)].value, figures.coverage_a, figures.coverage_b,
                        figures.longest_passage_words, shared, reason)  # fmt: skip
        key = (min(families), max(families))
        if key not in best or _weight(miss) > _weight(best[key]):
            best[key] = miss
    return tuple(best[key] for key in sorted(best))


def _weight(miss: NearMiss) -> tuple[int, float]:
    return miss.shared_statements, max(miss.coverage_a, miss.coverage_b)


def sentence_around(text: str, body: Span, start: int, end: int) -> str:
    """The line or sentence of ``text`` around ``[start, end)``, inside ``body``."""
    before = max(text.rfind(". ", body.start, start) + 2, text.rfind("\n", body.start, start) + 1, body.start)
    after = [p for p in (text.find(". ", end, body.end), text.find("\n", end, body.end)) if p >= 0]
    return text[before : min(after) + 1 if after else body.end].strip()
