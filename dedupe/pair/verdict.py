"""Decide how two articles relate, and say why, from the evidence gathered for the pair.

The ladder, strongest first (DESIGN.md): ``duplicate`` (the same text, lightly
edited: aligned passages cover nearly all of both), ``reuse`` (substantial shared
passages), ``same_event`` (independent reports of one event: shared quotations and
distinctive names, no dates that cannot both be right), ``related`` (same actors or
topic, a different event), ``unrelated``. Every verdict carries its reasons with
the numbers behind them; the thresholds are ``Settings`` fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from dedupe.settings import Settings

if TYPE_CHECKING:  # numpy stays out of `dedupe --help`
    from dedupe.pair.similarity import Similarity


class Relation(StrEnum):
    """How two articles relate; compare by ``strength``."""

    DUPLICATE = "duplicate"
    REUSE = "reuse"
    SAME_EVENT = "same_event"
    RELATED = "related"
    UNRELATED = "unrelated"

    @property
    def strength(self) -> int:
        """Return 4 for duplicate down to 0 for unrelated."""
        return _STRENGTH[self]


_STRENGTH = {
    Relation.DUPLICATE: 4,
    Relation.REUSE: 3,
    Relation.SAME_EVENT: 2,
    Relation.RELATED: 1,
    Relation.UNRELATED: 0,
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence behind a verdict, as a short sentence with its numbers."""

    code: str
    text: str
    supports: bool = True  # False for evidence against a stronger relation


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """What the pair shares besides text: quotations, distinctive names, date and place checks."""

    shared_quotes: int
    full_quotes: int
    quote_examples: tuple[str, ...]
    entity_score: float
    shared_entities: tuple[str, ...]
    dates_compatible: bool | None
    places_compatible: bool | None
    check_reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A relation with its confidence in [0, 1], its event score and the reasons."""

    relation: Relation
    confidence: float
    event_score: float
    reasons: tuple[Reason, ...]


# Event evidence is combined as a noisy-or: each piece alone can make the case, and
# pieces add up without exceeding 1. A full quotation rendered by both outlets is
# strong evidence of one event; a shared scare-quoted fragment ("core interests") is
# weaker; shared passages short of reuse count up to TEXT_WEIGHT.
FULL_QUOTE_WEIGHT = 0.5
FRAGMENT_QUOTE_WEIGHT = 0.25
TEXT_WEIGHT = 0.6
# Different places for the central event weaken the case without vetoing it: outlets do
# misplace a meeting (TRUTH.md: 004 puts the Nanping talks in Beijing).
PLACE_CONFLICT_FACTOR = 0.85


def event_score(similarity: Similarity, evidence: EventEvidence, settings: Settings) -> float:
    """Combine shared quotations, distinctive names and shared text into one score in [0, 1]."""
    cov_high = max(similarity.coverage_a, similarity.coverage_b)
    text = TEXT_WEIGHT * min(1.0, cov_high / settings.reuse_coverage)
    missing = (1 - FULL_QUOTE_WEIGHT) ** evidence.full_quotes
    missing *= (1 - FRAGMENT_QUOTE_WEIGHT) ** (evidence.shared_quotes - evidence.full_quotes)
    missing *= (1 - text) * (1 - evidence.entity_score)
    score = 1 - missing
    if evidence.places_compatible is False:
        score *= PLACE_CONFLICT_FACTOR
    return max(0.0, min(1.0, score))


def decide(
    similarity: Similarity, evidence: EventEvidence, passage_similarities: Sequence[float], settings: Settings
) -> Verdict:
    """Return the strongest relation the evidence supports, with its reasons."""
    reasons = [_text_reason(similarity)]
    cov_low = min(similarity.coverage_a, similarity.coverage_b)
    cov_high = max(similarity.coverage_a, similarity.coverage_b)
    mean_passage = sum(passage_similarities) / len(passage_similarities) if passage_similarities else 0.0
    score = event_score(similarity, evidence, settings)
    reasons.extend(_event_reasons(evidence, score))
    if similarity.jaccard >= settings.duplicate_jaccard or (
        cov_low >= settings.duplicate_coverage and mean_passage >= settings.duplicate_coverage
    ):
        margin = max(similarity.jaccard - settings.duplicate_jaccard, cov_low - settings.duplicate_coverage)
        return Verdict(Relation.DUPLICATE, _confidence(margin, 0.2), score, tuple(reasons))
    if (
        cov_high >= settings.reuse_coverage
        or similarity.longest_passage_words >= settings.reuse_passage_words
    ):
        reasons.append(
            Reason(
                "shared_passages",
                f"shared passages cover {cov_high:.0%} of one article "
                f"(reuse from {settings.reuse_coverage:.0%}); "
                f"longest {similarity.longest_passage_words} words",
            )
        )
        margin = max(
            cov_high - settings.reuse_coverage,
            (similarity.longest_passage_words - settings.reuse_passage_words) / settings.reuse_passage_words,
        )
        return Verdict(Relation.REUSE, _confidence(margin, 0.3), score, tuple(reasons))
    if evidence.dates_compatible is False:
        reasons.append(Reason("dates_conflict", "explicit dates rule out one event", supports=False))
        topical = max(score, evidence.entity_score)
        relation = Relation.RELATED if topical >= settings.related_score else Relation.UNRELATED
        return Verdict(
            relation, _confidence(abs(topical - settings.related_score), 0.3), score, tuple(reasons)
        )
    if score >= settings.same_event_score:
        return Verdict(
            Relation.SAME_EVENT, _confidence(score - settings.same_event_score, 0.3), score, tuple(reasons)
        )
    if score >= settings.related_score:
        margin = min(score - settings.related_score, settings.same_event_score - score)
        return Verdict(Relation.RELATED, _confidence(margin, 0.15), score, tuple(reasons))
    return Verdict(
        Relation.UNRELATED, _confidence(settings.related_score - score, 0.2), score, tuple(reasons)
    )


def _confidence(margin: float, scale: float) -> float:
    """Map the distance from the nearest threshold to a confidence between 0.5 and 1."""
    return round(0.5 + 0.5 * min(1.0, max(0.0, margin) / scale), 2)


def _shorten(text: str, limit: int = 60) -> str:
    words = " ".join(text.split()).rstrip(",.;:")
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + " …"


def _text_reason(similarity: Similarity) -> Reason:
    return Reason(
        "text_overlap",
        f"{similarity.shingle_size}-word shingle Jaccard {similarity.jaccard:.2f} "
        f"(MinHash estimate {similarity.jaccard_estimate:.2f}); aligned passages cover "
        f"{similarity.coverage_a:.0%} of A and {similarity.coverage_b:.0%} of B",
    )


def _event_reasons(evidence: EventEvidence, score: float) -> list[Reason]:
    reasons = []
    if evidence.shared_quotes:
        examples = "; ".join(f"“{_shorten(q)}”" for q in evidence.quote_examples[:3])
        reasons.append(
            Reason("shared_quotations", f"{evidence.shared_quotes} quotation(s) rendered by both: {examples}")
        )
    if evidence.shared_entities:
        names = ", ".join(evidence.shared_entities[:6])
        reasons.append(
            Reason(
                "shared_entities", f"distinctive names in common (score {evidence.entity_score:.2f}): {names}"
            )
        )
    for text in evidence.check_reasons:
        conflict = "cannot" in text or "differ" in text
        reasons.append(Reason("event_check", text, supports=not conflict))
    reasons.append(Reason("event_score", f"event score {score:.2f} from quotations, names and shared text"))
    return reasons
