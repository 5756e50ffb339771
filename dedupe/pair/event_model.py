"""The same-event judgement: pair features combined by a logistic model fitted on real news.

Independent reports of one event share little text; what they share is the occasion's
vocabulary, names, figures, places and time. Each of those is one feature of the pair
(``pair_features``), and a logistic regression fitted on labelled real reports
(``tools/fit_event_model.py``, the development corpus in ``fixtures/realnews``) turns
them into the probability that the two report one event. The coefficients ship as data
(``dedupe/pair/data/event_model.json``) with their provenance; the verdict shows each
feature's contribution, so a reader sees why.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any

from dedupe.errors import SettingsError

FEATURES = (
    "terms_cosine",
    "rare_terms",
    "names",
    "name_words",
    "people_shared",
    "numbers_shared",
    "dates_agree",
    "dates_conflict",
    "date_gap",
    "places_agree",
    "places_conflict",
    "quotations",
    "shared_text",
    "title_cosine",
    "published_apart",
    "languages_differ",
    "years_differ",
    "days_shared",
    "days_disjoint",
)
"""Pair features in model order; each is 0 where its evidence is absent."""

# What a reader is told for each feature (the verdict's reasons).
DESCRIPTIONS = {
    "terms_cosine": "shared vocabulary, rarer words counting more (0 to 1)",
    "rare_terms": "rare words in common",
    "names": "distinctive names in common (0 to 1)",
    "name_words": "name words in common, in any language (0 to 1)",
    "people_shared": "people named by both",
    "numbers_shared": "figures stated by both",
    "dates_agree": "event dates agree",
    "dates_conflict": "event dates cannot both be right",
    "date_gap": "time between the event dates (0 same day, 1 a year or more)",
    "places_agree": "event places agree",
    "places_conflict": "event places differ",
    "quotations": "quotations rendered by both (a fragment counts half)",
    "shared_text": "shared passages",
    "title_cosine": "headline vocabulary in common",
    "published_apart": "published more than 10 days apart",
    "languages_differ": "written in different languages (shared words cannot show)",
    "years_differ": "the years each report names most differ",
    "days_shared": "days of the month named by both",
    "days_disjoint": "both name days of the month, none the same",
}
COUNTED = frozenset({"rare_terms", "people_shared", "numbers_shared", "quotations", "days_shared"})
"""Features that are log(1 + count): a reader is shown the count."""
FLAGS = frozenset({"dates_agree", "dates_conflict", "places_agree", "places_conflict", "published_apart",
                   "languages_differ", "years_differ", "days_disjoint"})  # fmt: skip
"""Features that are 0 or 1: a reader is shown no number."""
PUBLISHED_APART_DAYS = 10
"""Reports published further apart than this are rarely of one occasion. Publication days close
together are no feature: on any day many events are reported, so nearness alone says nothing
of two reports, and fitted on a corpus whose look-alike events lie months apart it would read
as strong evidence (two reports of a summit and a rocket launch in one week came out one event)."""


@dataclass(frozen=True, slots=True)
class EventModel:
    """A fitted logistic model: weights per feature, intercept, decision threshold, provenance."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float  # a pair is one event from this probability on (best pairwise F1 when fitted)
    cluster_threshold: float  # groups merge while their mean probability reaches this (best cluster F1)
    related_weights: tuple[float, ...]
    related_intercept: float
    related_threshold: float
    provenance: dict[str, Any]
    # A pair in two languages is one event from this probability on (best F1 of such pairs when
    # fitted; None: ``threshold``). Across languages far fewer pairs are one event and fewer
    # features can show it, so the threshold that best tells them apart lies lower.
    across_threshold: float | None = None

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES) or len(self.related_weights) != len(FEATURES):
            raise SettingsError(f"event model needs {len(FEATURES)} weights per model")
        for name in ("threshold", "cluster_threshold", "related_threshold", "across_threshold"):
            value = getattr(self, name)
            if value is not None and not 0.0 < value < 1.0:
                raise SettingsError(f"event model {name} must be within (0, 1)")

    def pair_threshold(self, features: dict[str, float]) -> float:
        """Return the probability from which this pair is one event: ``across_threshold`` for two
        languages, ``threshold`` otherwise."""
        if features.get("languages_differ") and self.across_threshold is not None:
            return self.across_threshold
        return self.threshold

    def probability(self, features: dict[str, float]) -> float:
        """Return the probability that the pair reports one event."""
        return _logistic(self.intercept + sum(c for _, c in self.contributions(features)))

    def related_probability(self, features: dict[str, float]) -> float:
        """Return the probability that the pair shares actors or topic (one event or not)."""
        z = self.related_intercept + sum(
            w * features.get(name, 0.0) for name, w in zip(FEATURES, self.related_weights, strict=True)
        )
        return _logistic(z)

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Return each present feature's contribution to the log-odds, largest in size first."""
        found = [
            (name, w * features.get(name, 0.0))
            for name, w in zip(FEATURES, self.weights, strict=True)
            if features.get(name, 0.0)
        ]
        return sorted(found, key=lambda item: (-abs(item[1]), item[0]))


def describe(name: str, value: float, contribution: float) -> str:
    """Say in words what a feature found and how much it moved the verdict."""
    if name in FLAGS:
        shown = ""
    elif name in COUNTED:
        shown = f": {math.expm1(value):.3g}"
    else:
        shown = f": {value:.2f}"
    return f"{DESCRIPTIONS[name]}{shown} (weight {contribution:+.2f})"


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@lru_cache(maxsize=1)
def default_model() -> EventModel:
    """Return the model shipped with the package (``dedupe/pair/data/event_model.json``)."""
    data = json.loads(files("dedupe.pair").joinpath("data/event_model.json").read_text(encoding="utf-8"))
    return model_from_json(data)


def model_from_json(data: dict[str, Any]) -> EventModel:
    """Build a model from its JSON form, checking that its features are this version's."""
    if tuple(data["features"]) != FEATURES:
        raise SettingsError("event model features differ from this version of dedupe; refit it")
    return EventModel(
        weights=tuple(float(w) for w in data["same_event"]["weights"]),
        intercept=float(data["same_event"]["intercept"]),
        threshold=float(data["same_event"]["threshold"]),
        cluster_threshold=float(data["same_event"]["cluster_threshold"]),
        related_weights=tuple(float(w) for w in data["related"]["weights"]),
        related_intercept=float(data["related"]["intercept"]),
        related_threshold=float(data["related"]["threshold"]),
        provenance=dict(data.get("provenance", {})),
        across_threshold=_optional(data["same_event"].get("across_threshold")),
    )


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)


def publication_features(a: date | None, b: date | None) -> dict[str, float]:
    """Return the publication-gap feature (none when either date is unknown)."""
    if a is None or b is None:
        return {}
    return {"published_apart": 1.0 if abs((a - b).days) > PUBLISHED_APART_DAYS else 0.0}
