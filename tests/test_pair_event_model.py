"""Tests for dedupe.pair.event_model and event_features: the fitted same-event judgement."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dedupe.errors import SettingsError
from dedupe.ingest.build import article_from_text
from dedupe.pair.compare import analyze
from dedupe.pair.event_features import cheap_features
from dedupe.pair.event_model import FEATURES, default_model, model_from_json, publication_features

QUAKE = (
    "A magnitude 6.3 earthquake struck Herat province in western Afghanistan on Saturday, "
    "October 7, 2023, flattening villages in Zindajan district. Rescuers dug through rubble "
    "as aftershocks shook the region, officials said."
)
QUAKE_AGAIN = (
    "Rescue teams searched collapsed mud houses in Zindajan, Herat, after the magnitude 6.3 "
    "earthquake of October 7, 2023. Aftershocks rattled survivors, the Taliban government said."
)
QUAKE_LATER = (
    "Another strong earthquake hit Herat province on Sunday, October 15, 2023, a week after "
    "the deadly quake; this time the epicentre lay near Herat city, officials said."
)
LAUNCH = (
    "SpaceX launched its Starship rocket from Boca Chica, Texas, on Thursday, April 20, 2023; "
    "the vehicle exploded minutes after lift-off."
)


def features(a: str, b: str) -> dict[str, float]:
    return cheap_features(analyze(article_from_text(a, id="a")), analyze(article_from_text(b, id="b")))


def test_the_shipped_model_has_every_feature_and_its_provenance() -> None:
    model = default_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.threshold < 1
    assert model.provenance["half"] == "fit+val"  # never the test half, nor the held-out check slice
    assert model.provenance["fitted_by"] == "tools/fit_event_model.py"


def test_reports_of_one_quake_score_above_a_later_quake_and_an_unrelated_story() -> None:
    model = default_model()
    same = model.probability(features(QUAKE, QUAKE_AGAIN))
    later = model.probability(features(QUAKE, QUAKE_LATER))
    other = model.probability(features(QUAKE, LAUNCH))
    assert same > later > other
    assert same >= model.threshold > other


def test_features_are_symmetric() -> None:
    assert features(QUAKE, QUAKE_LATER) == features(QUAKE_LATER, QUAKE)


def test_dates_a_week_apart_are_a_gap_and_the_same_date_is_none() -> None:
    assert features(QUAKE, QUAKE_LATER)["date_gap"] > 0.3
    assert features(QUAKE, QUAKE_AGAIN)["date_gap"] == 0.0


def test_contributions_explain_the_log_odds() -> None:
    model = default_model()
    found = features(QUAKE, QUAKE_AGAIN)
    parts = model.contributions(found)
    assert {name for name, _ in parts} <= set(FEATURES)
    total = model.intercept + sum(value for _, value in parts)
    assert model.probability(found) == pytest.approx(1 / (1 + pow(2.718281828459045, -total)), rel=1e-6)


def test_publication_gap_features() -> None:
    assert publication_features(date(2023, 10, 7), date(2023, 10, 8)) == {"published_apart": 0.0}
    assert publication_features(date(2023, 1, 1), date(2023, 10, 8)) == {"published_apart": 1.0}
    assert publication_features(None, date(2023, 10, 8)) == {}


SUMMIT = (
    "Leaders of twenty economies gathered in Norvale for a two-day summit on trade and debt "
    "relief; the host prime minister opened the talks with a call for cheaper loans."
)


def test_reports_published_the_same_week_are_not_one_event_for_that_alone() -> None:
    """Many events are reported every day: publication days close together, with nothing else
    in common, must not make a summit and a rocket launch one event, nor glue them in a cluster."""
    model = default_model()
    summit = analyze(article_from_text(SUMMIT, id="a", published=date(2023, 4, 19)))
    launch = analyze(article_from_text(LAUNCH, id="b", published=date(2023, 4, 20)))
    found = cheap_features(summit, launch)
    assert found["published_apart"] == 0.0
    assert model.probability(found) < model.cluster_threshold


def test_a_model_for_other_features_is_refused() -> None:
    data = json.loads(json.dumps({"features": ["terms_cosine"], "same_event": {}, "related": {}}))
    with pytest.raises(SettingsError, match="refit"):
        model_from_json(data)
