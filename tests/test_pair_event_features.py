"""Tests for the year and the days a report names (event_features.main_year, days_named) as features."""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.pair.compare import analyze
from dedupe.pair.event_features import cheap_features, days_named, main_year

TALKS_2031 = (
    "The trade ministers of Norland and Sudmark met in Vellingen on Tuesday for their 2031 round of talks. "
    "The 2031 round follows the first meeting in 2019, and both sides hope to agree on tariffs in 2031."
)
TALKS_2032 = (
    "Ministers from Norland and Sudmark opened the 2032 round of their trade talks in Vellingen. "
    "Officials said the 2032 session would revisit the tariff deal struck in 2031."
)
TALKS_UNDATED = (
    "Trade ministers of Norland and Sudmark met again in Vellingen, where they discussed tariffs "
    "and the export of grain, officials said on Tuesday."
)


def year_of(text: str) -> int | None:
    return main_year(article_from_text(text, id="a"))


def test_the_year_named_most_is_the_main_year_whatever_background_years_the_report_gives() -> None:
    assert year_of(TALKS_2031) == 2031
    assert year_of(TALKS_2032) == 2032


def test_a_tie_goes_to_the_latest_year_and_no_year_is_none() -> None:
    assert year_of("The plant opened in 2011 and was rebuilt in 2024 after a fire.") == 2024
    assert year_of(TALKS_UNDATED) is None


def test_years_are_read_in_any_script_and_counts_are_not_years() -> None:
    assert year_of("2031年3月，两国部长在首都举行会谈。") == 2031
    assert year_of("Some 12031 people and 3000 volunteers joined the rally in Vellingen.") is None


def test_reports_naming_different_years_most_differ_and_a_report_without_one_does_not() -> None:
    def differ(a: str, b: str) -> float:
        return cheap_features(analyze(article_from_text(a, id="a")), analyze(article_from_text(b, id="b")))[
            "years_differ"
        ]

    assert differ(TALKS_2031, TALKS_2032) == 1.0
    assert differ(TALKS_2031, TALKS_2031.replace("Tuesday", "Wednesday")) == 0.0
    assert differ(TALKS_2031, TALKS_UNDATED) == 0.0  # unknown, not a conflict


def test_days_of_the_month_are_read_in_english_french_and_chinese() -> None:
    english = "The ministers met in Vellingen on March 14, and talks resume on March 20."
    french = "Les ministres se sont réunis à Vellingen le 14 mars pour leurs négociations commerciales."
    chinese = "两国部长3月14日在首都举行会谈，并将于3月20日再次会面。"
    assert days_named(article_from_text(english, id="a")) == {(3, 14), (3, 20)}
    assert days_named(article_from_text(french, id="b")) == {(3, 14)}
    assert days_named(article_from_text(chinese, id="c")) == {(3, 14), (3, 20)}


def test_days_shared_and_days_that_never_meet() -> None:
    def found(a: str, b: str) -> dict[str, float]:
        return cheap_features(analyze(article_from_text(a, id="a")), analyze(article_from_text(b, id="b")))

    march = "The ministers of Norland and Sudmark met in Vellingen on March 14 to discuss tariffs."
    french = "Les ministres de Norland et de Sudmark se sont réunis à Vellingen le 14 mars."
    june = "The ministers of Norland and Sudmark met in Vellingen on June 9 to discuss tariffs."
    shared = found(march, french)
    assert shared["days_shared"] > 0.0 and shared["days_disjoint"] == 0.0
    apart = found(march, june)
    assert apart["days_shared"] == 0.0 and apart["days_disjoint"] == 1.0
    assert found(march, TALKS_UNDATED)["days_disjoint"] == 0.0  # no day named: unknown, not apart
