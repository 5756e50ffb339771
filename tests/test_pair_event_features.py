"""The event features compare dates the facts view reads in any language (issue 13)."""

from __future__ import annotations

from dedupe import article_from_text
from dedupe.pair.compare import analyze
from dedupe.pair.event_features import cheap_features, dates_far_apart

ENGLISH = (
    "Foreign ministers of Norland and Sudavia met in Geneva on March 3, 2025 to discuss fishing "
    "quotas. The talks lasted four hours, officials said."
)
FRENCH = (
    "Les ministres des Affaires étrangères de Norland et de Sudavia se sont réunis à Genève le {day} "
    "pour discuter des quotas de pêche. Les discussions ont duré quatre heures."
)


def _pair(day: str):  # type: ignore[no-untyped-def]
    """Analyse the English report and a French one dated ``day``."""
    english = analyze(article_from_text(ENGLISH, id="en"))
    french = analyze(article_from_text(FRENCH.format(day=day), id="fr"))
    return english, french


def test_a_french_report_of_the_same_day_agrees_on_the_date() -> None:
    english, french = _pair("3 mars 2025")
    found = cheap_features(english, french)
    assert found["dates_agree"] == 1.0
    assert found["dates_conflict"] == 0.0
    assert not dates_far_apart(english, french)


def test_a_french_report_months_later_is_another_occasion() -> None:
    english, french = _pair("9 juin 2025")
    found = cheap_features(english, french)
    assert found["dates_agree"] == 0.0
    assert found["dates_conflict"] == 1.0
    assert dates_far_apart(english, french)
