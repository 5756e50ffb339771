"""Unique content in a dossier: per family, the sentences and statements no other family has."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dedupe.corpus.dossier_lineage import Family
from dedupe.models import Span
from dedupe.pair.compare import OWN_SENTENCE_MAX_SHARED, ArticleFeatures, PairReport
from dedupe.pair.similarity import coverage
from dedupe.quotes.match import ATTRIBUTION_MIN_WORDS, QuoteGroup

UNIQUE_MIN_WORDS = 5
"""Sentences shorter than this (headings, bylines) are not listed as unique content."""


@dataclass(frozen=True, slots=True)
class UniqueSentence:
    """A sentence of one report that no report of another family shares."""

    source: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class UniqueContent:
    """What one family reports that no other family does."""

    family: str
    source: str  # the member the sentences are taken from (earliest, else longest)
    sentences: tuple[UniqueSentence, ...]
    statements: tuple[str, ...]  # quotations only this family renders, as "speaker: words"


def unique_content(
    families: Sequence[Family],
    analysed: Mapping[str, ArticleFeatures],
    reports: Mapping[tuple[str, str], PairReport],
    found: Sequence[QuoteGroup],
) -> tuple[UniqueContent, ...]:
    """Per family, the sentences of its lead member that no other family's report shares."""
    if len(families) < 2:
        return ()
    family_of = {m: f.id for f in families for m in f.members}
    out = []
    for family in families:
        lead = family.earliest or max(family.members, key=lambda m: (len(analysed[m].tokens), m))
        shared: list[Span] = []
        for (x, y), report in reports.items():
            if lead == x and family_of[y] != family.id:
                shared.extend(p.a for p in report.passages)
            elif lead == y and family_of[x] != family.id:
                shared.extend(p.b for p in report.passages)
        statements = []
        for group in found:
            outside = any(family_of[a] != family.id for a in group.articles)
            if outside:
                shared.extend(r.span for r in group.renderings if r.article_id == lead)
            elif any(r.article_id in family.members and r.quoted for r in group.renderings):
                words = group.renderings[group.reference].text
                if len(words.split()) < ATTRIBUTION_MIN_WORDS:  # a scare-quoted phrase is no statement
                    continue
                statements.append(f"{group.speaker}: {words}")
        text = analysed[lead].article.text
        sentences = tuple(
            UniqueSentence(lead, span, span.slice(text).strip())
            for span, tokens in analysed[lead].sentences
            if len(tokens) >= UNIQUE_MIN_WORDS
            and (not _touches(span, shared) or coverage(tokens, shared) < OWN_SENTENCE_MAX_SHARED)
        )
        out.append(UniqueContent(family.id, lead, sentences, tuple(statements)))
    return tuple(out)


def _touches(sentence: Span, shared: Sequence[Span]) -> bool:
    return any(s.start < sentence.end and sentence.start < s.end for s in shared)
