"""The facts a report narrates: captions, datelines, bylines and stamps stand in, never contradict.

Each false-alarm class of issue 17 has an invented pair of reports that must raise no
conflict, beside invented pairs with a true conflict that must still be flagged
(``fixtures/cases/fact_flags.csv``; texts in ``fixtures/facts/pairs``).
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from dedupe.corpus.fact_audit import CONFLICT_KINDS
from dedupe.evidence.events import event_profile
from dedupe.evidence.facts import compare_facts
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text
from dedupe.models import Article

from fixture_paths import FIXTURES

CASES = list(csv.DictReader((FIXTURES / "cases" / "fact_flags.csv").read_text(encoding="utf-8").splitlines()))


def _article(case: str, side: str, published: str) -> Article:
    text = (FIXTURES / "facts" / "pairs" / f"{case}_{side}.txt").read_text(encoding="utf-8")
    day = date.fromisoformat(published) if published else None
    return article_from_text(text, id=f"{case}-{side}", published=day)


def _pair(row: dict[str, str]) -> tuple[Article, Article]:
    return _article(row["case"], "a", row["a_published"]), _article(row["case"], "b", row["b_published"])


@pytest.mark.parametrize("row", [r for r in CASES if not r["expected"]], ids=lambda r: r["case"])
def test_false_alarm_classes_raise_no_conflict(row: dict[str, str]) -> None:
    a, b = _pair(row)
    conflicts = [
        (f.slot, f.kind, f.a_value, f.b_value) for f in compare_facts(a, b) if f.kind in CONFLICT_KINDS
    ]
    assert conflicts == [], row["why"]


@pytest.mark.parametrize("row", [r for r in CASES if r["expected"]], ids=lambda r: r["case"])
def test_true_conflicts_are_still_flagged(row: dict[str, str]) -> None:
    a, b = _pair(row)
    slot, kind = row["expected"].split(":")
    forward = {(f.slot, f.kind) for f in compare_facts(a, b)}
    backward = {(f.slot, f.kind) for f in compare_facts(b, a)}
    assert (slot, kind) in forward, row["why"]
    assert (slot, kind) in backward


def test_a_byline_names_no_participant() -> None:
    a, b = _pair(next(r for r in CASES if r["case"] == "byline"))
    assert all("Invented Reporter" not in f.a_value + f.b_value for f in compare_facts(a, b))
    assert all("Invented Reporter" not in f.canonical for f in facts_profile(a).participants)


def test_furniture_stands_in_where_the_narration_gives_nothing() -> None:
    a, _ = _pair(next(r for r in CASES if r["case"] == "dateline"))
    dates = [f.value for f in facts_profile(a).dates]
    assert dates == ["July 14"]  # the only date A gives, from its dateline: shown, never a conflict


def test_narrated_facts_rank_before_a_caption() -> None:
    a, _ = _pair(next(r for r in CASES if r["case"] == "caption"))
    profile = facts_profile(a)
    assert profile.dates[0].date is not None and profile.dates[0].date.full == date(2023, 3, 20)
    assert profile.places[0].canonical == "Moscow"
    assert {f.canonical for f in profile.places} >= {"Samarkand"}  # kept, ranked after
    # The event model's profile is left as it reads it: the caption's date is still first there.
    assert event_profile(a).dates[0].value == "Friday, Sept. 16, 2022"


def test_a_day_of_a_month_the_date_finder_misses_is_no_figure_of_the_event() -> None:
    text = "Переговоры\n\nПереговоры прошли 9 апреля, погибли 12 человек."
    article = article_from_text(text, id="ru", language="ru")
    assert "9 апреля" in [f.value for f in event_profile(article).numbers]  # an entity the model reads
    assert "9 апреля" not in [f.value for f in facts_profile(article).numbers]


# Invented: a date of another occasion stated before the event's own ranks after it.
OTHER_OCCASIONS = [
    ("earlier", "On October 7, another quake of the same strength had destroyed villages nearby.\n\n"
     "A strong earthquake shook the western province on Sunday morning.", "2023-10-09", "2023-10-08"),
    ("plan", "Delayed from its original date of September 5 by rain, the rocket lifted off on Thursday.",
     "2023-09-08", "2023-09-07"),
    ("statement", "Officials said on Saturday that 18 people died when the quake struck on Friday night.",
     "2020-01-25", "2020-01-24"),
    ("count", "The death toll from the quake stood at 65 as of Jan. 3, officials said, after it struck the "
     "coast on Jan. 1.", "2024-01-04", "2024-01-01"),
    ("count-update", "The death toll reached 128 on Sunday, six days after the quake of Jan. 1 struck.",
     "2024-01-08", "2024-01-01"),
    ("week", "Ministers had met last week to prepare the summit, which opened on Tuesday in the capital.",
     "2024-07-04", "2024-07-02"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "text", "published", "day"), OTHER_OCCASIONS, ids=[c[0] for c in OTHER_OCCASIONS]
)
def test_a_date_of_another_occasion_ranks_after_the_events_own(
    case: str, text: str, published: str, day: str
) -> None:
    profile = facts_profile(article_from_text(text, id=case, published=date.fromisoformat(published)))
    assert profile.dates and profile.dates[0].date is not None
    assert profile.dates[0].date.full == date.fromisoformat(day)


def test_last_saturday_is_the_latest_not_another_occasion() -> None:
    text = "Le module s'est posé sur la Lune samedi dernier, a annoncé ce jeudi l'agence spatiale."
    profile = facts_profile(article_from_text(text, id="s", published=date(2024, 1, 25), language="fr"))
    assert [str(f.date) for f in profile.dates][:1] == ["2024-01-20"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A quake of magnitude 7.6 hit the coast on Monday."),  # a verb, not what 7.6 counts
        ("de", "Das Beben hatte eine Stärke von 6,2 die Behörden sprachen von Schäden."),  # an article
        ("fr", "Depuis 2008, les alliés promettent une adhésion."),  # a year, then an article
    ],
)
def test_a_figure_whose_unit_is_an_article_or_a_verb_counts_nothing(language: str, text: str) -> None:
    profile = facts_profile(article_from_text(text, id=language, language=language))
    assert [f.value for f in event_profile(article_from_text(text, id=language, language=language)).numbers]
    assert profile.numbers == ()


def test_a_region_named_for_its_capital_is_placed_in_its_country() -> None:
    text = "The earthquake in Kagoshima Prefecture damaged two hundred homes on Monday, officials said."
    (fact, *_) = facts_profile(article_from_text(text, id="k")).places
    assert fact.place is not None
    assert (fact.canonical, fact.place.country, fact.place.known) == ("Kagoshima Prefecture", "JP", True)


def test_a_dateline_cut_off_as_its_own_sentence_still_places_the_story() -> None:
    text = "Summit opens\n\nLISBON, Portugal, May 6. The summit opened with a ceremony for new members."
    assert [f.canonical for f in facts_profile(article_from_text(text, id="d")).places] == ["Lisbon"]
