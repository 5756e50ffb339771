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
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from dedupe.models import Reason
from dedupe.pair.event_model import EventModel, default_model, describe
from dedupe.settings import Settings

if TYPE_CHECKING:  # numpy stays out of `dedupe --help`
    from dedupe.pair.copy_extent import Extent
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


REUSE_CONFIDENCE_SCALE = 0.3
"""Confidence climbs from 0.5 to 1 as a reuse verdict's margin over its threshold reaches this."""
DUPLICATE_CONFIDENCE_SCALE = 0.2
"""…and a duplicate verdict's (Jaccard or coverage), whose thresholds sit nearer to 1."""
EXTRA_WORDS_PART = 4
"""A cut-short or wrapped copy's note names an end one side has beyond the other only when it
is longer than this part of ``Settings.copy_min_words`` (shorter ends are furniture)."""

_STRENGTH = {
    Relation.DUPLICATE: 4,
    Relation.REUSE: 3,
    Relation.SAME_EVENT: 2,
    Relation.RELATED: 1,
    Relation.UNRELATED: 0,
}


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """What the pair shares besides text: quotations, distinctive names, date and place checks, features."""

    shared_quotes: int
    full_quotes: int
    quote_examples: tuple[str, ...]
    entity_score: float
    shared_entities: tuple[str, ...]
    dates_compatible: bool | None
    places_compatible: bool | None
    check_reasons: tuple[Reason, ...]
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A relation with its confidence in [0, 1], its event score and the reasons."""

    relation: Relation
    confidence: float
    event_score: float
    reasons: tuple[Reason, ...]


SHOWN_CONTRIBUTIONS = 5
"""The event model's largest contributions a verdict lists (JSON keeps every feature's value)."""
MIN_SHOWN_CONTRIBUTION = 0.25
"""Smaller contributions to the log-odds move the probability by a few points at most: not listed."""


def decide(
    similarity: Similarity,
    evidence: EventEvidence,
    passage_similarities: Sequence[float],
    settings: Settings,
    extent: Extent | None = None,
    model: EventModel | None = None,
) -> Verdict:
    """Return the strongest relation the evidence supports, with its reasons.

    Copies and reuse are told by shared text; between independent reports the fitted
    event model (``dedupe.event_model``) gives the probability of one event, which is
    the pair's event score.
    """
    model = model or default_model()
    reasons = [_text_reason(similarity)]
    cov_high = max(similarity.coverage_a, similarity.coverage_b)
    score = round(model.probability(evidence.features), 4)
    related = model.related_probability(evidence.features)
    reasons.extend(_event_reasons(evidence, model, score))
    duplicate = copy_verdict(similarity, passage_similarities, settings, extent)
    if duplicate is not None:
        confidence, told = duplicate
        return Verdict(Relation.DUPLICATE, confidence, score, (*told[:1], *reasons[1:], *told[1:]))
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
        return Verdict(Relation.REUSE, _confidence(margin, REUSE_CONFIDENCE_SCALE), score, tuple(reasons))
    if score >= model.pair_threshold(evidence.features):
        return Verdict(Relation.SAME_EVENT, round(score, 2), score, tuple(reasons))
    if related >= model.related_threshold:
        return Verdict(Relation.RELATED, round((1 - score) * related, 2), score, tuple(reasons))
    return Verdict(Relation.UNRELATED, round((1 - score) * (1 - related), 2), score, tuple(reasons))


def copy_verdict(
    similarity: Similarity,
    passage_similarities: Sequence[float],
    settings: Settings,
    extent: Extent | None = None,
) -> tuple[float, tuple[Reason, ...]] | None:
    """Return the confidence and reasons of a duplicate if the shared text makes one, else None.

    The text alone decides a duplicate (``decide`` asks this first), so copies of one story
    can be confirmed without the event evidence (``dedupe.corpus.copies``).
    """
    cov_low = min(similarity.coverage_a, similarity.coverage_b)
    mean_passage = sum(passage_similarities) / len(passage_similarities) if passage_similarities else 0.0
    text = _text_reason(similarity)
    if similarity.jaccard >= settings.duplicate_jaccard or (
        cov_low >= settings.duplicate_coverage and mean_passage >= settings.duplicate_coverage
    ):
        margin = max(similarity.jaccard - settings.duplicate_jaccard, cov_low - settings.duplicate_coverage)
        return _confidence(margin, DUPLICATE_CONFIDENCE_SCALE), (text,)
    copy = _copy_reason(extent, mean_passage, settings)
    if copy is not None:
        return _confidence(mean_passage - settings.duplicate_coverage, DUPLICATE_CONFIDENCE_SCALE), (
            text,
            copy,
        )
    return None


def _copy_reason(extent: Extent | None, mean_passage: float, settings: Settings) -> Reason | None:
    """Say how one text is a cut-short or wrapped copy of the other, or return None if it is not."""
    if extent is None or not extent.in_order or mean_passage < settings.duplicate_coverage:
        return None
    a, b = extent.a, extent.b
    if min(a.inside, b.inside) < settings.copy_min_words:
        return None
    if min(a.covered, b.covered) < settings.duplicate_coverage:
        return None
    share = max(side.inside / (side.before + side.inside + side.after) for side in (a, b))
    if share < settings.copy_min_share:
        return None
    notes = []
    for name, side, other in (("A", a, b), ("B", b, a)):
        if side.before > other.before + settings.copy_min_words // EXTRA_WORDS_PART:
            notes.append(f"{name} opens with {side.before - other.before} words the other lacks")
        if side.after > other.after + settings.copy_min_words // EXTRA_WORDS_PART:
            other_name = "B" if name == "A" else "A"
            notes.append(f"{other_name} stops {side.after - other.after} words before {name} does")
    detail = "; ".join(notes) or "the rest differs only in furniture"
    return Reason("cut_or_wrapped_copy", f"the two agree wherever both have text: {detail}")


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


def _event_reasons(evidence: EventEvidence, model: EventModel, score: float) -> list[Reason]:
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
    reasons.extend(evidence.check_reasons)
    threshold = model.pair_threshold(evidence.features)
    for name, weight in model.contributions(evidence.features)[:SHOWN_CONTRIBUTIONS]:
        if abs(weight) < MIN_SHOWN_CONTRIBUTION:
            break
        reasons.append(
            Reason(
                f"event:{name}",
                describe(name, evidence.features[name], weight),
                supports=weight > 0,
            )
        )
    reasons.append(
        Reason(
            "event_score",
            f"probability of one event {score:.2f} (same event from {threshold:.2f})",
            supports=score >= threshold,
        )
    )
    return reasons
