"""Compare two articles end to end: features of each, evidence for the pair, a verdict.

``analyze`` does the per-article work once (tokens, shingles, signature, quotations,
entities, event profile) so that ``scan`` can reuse it across many pairs;
``compare_features`` gathers the pair's evidence and asks ``verdict.decide``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from dedupe.evidence.fact_flags import FactFlag
from dedupe.evidence.facts import ArticleFacts, article_facts, compare_facts
from dedupe.evidence.mentions import content_regions
from dedupe.evidence.overlap import (
    Entity,
    EventProfile,
    entity_overlap,
    event_compatibility,
    event_profile,
    extract_entities,
)
from dedupe.evidence.terms import TermVector, name_terms, term_vector
from dedupe.models import Article, Reason, Span, Token
from dedupe.pair.align import Passage, align
from dedupe.pair.copy_extent import extent
from dedupe.pair.event_features import days_named, main_year, pair_features
from dedupe.pair.event_model import EventModel
from dedupe.pair.similarity import Similarity, coverage, similarity
from dedupe.pair.verdict import EventEvidence, Relation, decide
from dedupe.quotes.extract import Quote, extract_quotes
from dedupe.quotes.match import QuoteGroup, pair_quote_groups
from dedupe.settings import DEFAULT_SETTINGS, Settings
from dedupe.text.fingerprint import shingle_hashes, signature
from dedupe.text.segment import region_sentence_tokens, sentence_tokens
from dedupe.text.tokens import tokenize

# A sentence belongs to an article's own content when less than this share of its
# words lies in passages the other article shares.
OWN_SENTENCE_MAX_SHARED = 0.5


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a report says about each article it compares."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: date | None
    words: int


@dataclass(frozen=True, slots=True)
class OwnSentence:
    """A sentence only one side has (not covered by shared passages)."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Everything about one article that pair comparisons reuse."""

    article: Article
    tokens: tuple[Token, ...]
    shingles: npt.NDArray[np.uint32]
    signature: npt.NDArray[np.uint32]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    profile: EventProfile
    sentences: tuple[tuple[Span, tuple[Token, ...]], ...]  # body sentences and their tokens
    terms: TermVector  # rarity-weighted content words of body and title
    title_terms: TermVector  # the headline's alone (empty without a title)
    name_words: frozenset[str]  # folded capitalised words that do not open a sentence, any language
    main_year: int | None  # the year the body names most (``event_features.main_year``)
    days_named: frozenset[tuple[int, int]]  # (month, day) the body names (``event_features.days_named``)
    # Its ``article_facts``, made for the first same-event pair it is in (``facts``): most articles
    # of a corpus are in none, and one in many pairs is read once, not once per pair.
    facts_memo: list[ArticleFacts] = field(default_factory=list, init=False, compare=False, repr=False)

    def facts(self) -> ArticleFacts:
        """Return the article's ``article_facts``, computed on first use and kept."""
        if not self.facts_memo:
            self.facts_memo.append(article_facts(self.article, profile=self.profile))
        return self.facts_memo[0]


@dataclass(frozen=True, slots=True)
class PairReport:
    """The overlap report of two articles: verdict, figures, passages, quotations, facts."""

    a: ArticleInfo
    b: ArticleInfo
    relation: Relation
    confidence: float
    event_score: float
    reasons: tuple[Reason, ...]
    similarity: Similarity
    passages: tuple[Passage, ...]
    own_a: tuple[OwnSentence, ...]
    own_b: tuple[OwnSentence, ...]
    quote_groups: tuple[QuoteGroup, ...]
    facts: tuple[FactFlag, ...]
    event_features: dict[str, float]  # what the event model weighed (``dedupe.event_model.FEATURES``)

    @property
    def a_id(self) -> str:
        """Return the first article's id."""
        return self.a.id

    @property
    def b_id(self) -> str:
        """Return the second article's id."""
        return self.b.id


def analyze(article: Article, settings: Settings = DEFAULT_SETTINGS) -> ArticleFeatures:
    """Compute the per-article features every comparison of ``article`` needs.

    Each region is tokenized once: the body tokens, the tokens over the body and the
    title (entities, event profile) and each sentence's tokens are assembled from the
    regions' tokens, exactly as tokenizing each anew would give them.
    """
    text = article.text
    body, regions = article.body_spans, content_regions(article)
    by_region = {region: tokenize(text, [region]) for region in dict.fromkeys((*body, *regions))}
    tokens = tuple(chain.from_iterable(by_region[r] for r in body))
    content = tuple(chain.from_iterable(by_region[r] for r in regions))
    shingles = shingle_hashes([t.text for t in tokens], settings.shingle_size)
    grouped = sentence_tokens(text, regions, content)
    entities = extract_entities(article, sentences=grouped)
    own = tuple(region_sentence_tokens(text, body, by_region))
    return ArticleFeatures(
        article=article,
        tokens=tokens,
        shingles=shingles,
        signature=signature(shingles, num_perm=settings.num_perm, seed=settings.seed),
        quotes=extract_quotes(article, sentences=[span for span, _ in own]),
        entities=entities,
        profile=event_profile(article, entities=entities, sentences=grouped),
        sentences=own,
        terms=term_vector(article.body, article.language, article.title),
        title_terms=term_vector(article.title or "", article.language),
        name_words=frozenset(name_terms(article)),
        main_year=main_year(article),
        days_named=days_named(article),
    )


def compare(a: Article, b: Article, *, settings: Settings | None = None, **overrides: Any) -> PairReport:
    """Compare two articles and return their overlap report.

    Examples:
        >>> report = compare(first, second)  # doctest: +SKIP
        >>> report.relation, [r.text for r in report.reasons]  # doctest: +SKIP
    """
    chosen = (
        (settings or DEFAULT_SETTINGS).updated(**overrides) if overrides else settings or DEFAULT_SETTINGS
    )
    return compare_features(analyze(a, chosen), analyze(b, chosen), chosen)


def compare_features(
    fa: ArticleFeatures,
    fb: ArticleFeatures,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    model: EventModel | None = None,
) -> PairReport:
    """Gather the pair's evidence from precomputed features and decide the relation.

    ``model`` replaces the shipped event model (``tools/fit_event_model.py`` passes its own).
    """
    a, b = fa.article, fb.article
    passages = align(
        a.text,
        fa.tokens,
        b.text,
        fb.tokens,
        seed_ngram=settings.seed_ngram,
        min_words=settings.min_passage_words,
        a_protected=[q.span for q in fa.quotes],
        b_protected=[q.span for q in fb.quotes],
    )
    figures = similarity(
        fa.shingles,
        fb.shingles,
        fa.signature,
        fb.signature,
        fa.tokens,
        fb.tokens,
        passages,
        shingle_size=settings.shingle_size,
    )
    groups = pair_quote_groups(
        a, b, quotes={a.id: fa.quotes, b.id: fb.quotes}, tokens={a.id: fa.tokens, b.id: fb.tokens}
    )
    overlap = entity_overlap(fa.entities, fb.entities)
    check = event_compatibility(fa.profile, fb.profile)
    full = sum(1 for g in groups if _is_full(g))
    evidence = EventEvidence(
        shared_quotes=len(groups),
        full_quotes=full,
        quote_examples=tuple(g.renderings[g.reference].text for g in groups),
        entity_score=overlap.score,
        shared_entities=tuple(s.canonical for s in sorted(overlap.shared, key=lambda s: -s.weight)),
        dates_compatible=check.dates_compatible,
        places_compatible=check.places_compatible,
        check_reasons=check.reasons,
        features=pair_features(
            fa,
            fb,
            overlap=overlap,
            check=check,
            full_quotes=full,
            fragment_quotes=len(groups) - full,
            coverage=max(figures.coverage_a, figures.coverage_b),
        ),
    )
    verdict = decide(
        figures,
        evidence,
        [p.similarity for p in passages],
        settings,
        extent(fa.tokens, fb.tokens, passages),
        model,
    )
    facts: tuple[FactFlag, ...] = ()
    if verdict.relation.strength >= Relation.SAME_EVENT.strength:
        facts = compare_facts(a, b, views=(fa.facts(), fb.facts()))
    return PairReport(
        a=_info(fa),
        b=_info(fb),
        relation=verdict.relation,
        confidence=verdict.confidence,
        event_score=verdict.event_score,
        reasons=verdict.reasons,
        similarity=figures,
        passages=passages,
        own_a=_own_sentences(fa, [p.a for p in passages]),
        own_b=_own_sentences(fb, [p.b for p in passages]),
        quote_groups=groups,
        facts=facts,
        event_features=evidence.features,
    )


def _is_full(group: QuoteGroup) -> bool:
    """A group is a full quotation if any rendering of it is a quoted sentence, not a fragment."""
    return any(r.quote is not None and r.quote.kind == "full" for r in group.renderings)


def _info(features: ArticleFeatures) -> ArticleInfo:
    article = features.article
    return ArticleInfo(
        id=article.id,
        source=article.source,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        words=len(features.tokens),
    )


def _own_sentences(features: ArticleFeatures, shared: list[Span]) -> tuple[OwnSentence, ...]:
    text = features.article.text
    return tuple(
        OwnSentence(sentence, sentence.slice(text))
        for sentence, tokens in features.sentences
        if tokens and (not _touches(sentence, shared) or coverage(tokens, shared) < OWN_SENTENCE_MAX_SHARED)
    )


def _touches(sentence: Span, shared: list[Span]) -> bool:
    """Whether any shared span overlaps ``sentence``: if none does, none of its words is shared."""
    return any(s.start < sentence.end and sentence.start < s.end for s in shared)
