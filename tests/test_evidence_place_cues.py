"""Where a lede puts its event without a locative: apposition, launch, visit, a country's adjective."""

from __future__ import annotations

import pytest

from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def _names(text: str) -> list[str]:
    """The facts view's place names of an invented report, best first."""
    return [f.canonical for f in facts_profile(article_from_text(text, id="t")).places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit opened on Thursday in the capital Astana with a minute of silence.", ["Astana"]),
        ("The quake struck at dawn some 30 km north of the city Herat, officials said.", ["Herāt"]),
        ("Die Rettungskräfte erreichten am Dienstag die Stadt Wajima nach dem Beben.", ["Wajima"]),
    ],
)
def test_a_city_in_apposition_to_its_kind_is_the_place(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_a_town_the_gazetteer_lacks_is_in_the_country_its_adjective_names() -> None:
    text = "The ministers met on Thursday in the Chinese city of Lanxiu for a regional conference."
    (fact,) = facts_profile(article_from_text(text, id="c")).places
    assert fact.place is not None
    assert (fact.value, fact.place.kind, fact.place.country) == ("Lanxiu", "country", "CN")


def test_a_rocket_launched_from_a_region_is_placed_there() -> None:
    text = "The company launched its largest rocket on Saturday from South Texas, minutes after dawn."
    assert _names(text) == ["Texas"]


def test_a_visit_places_its_event_where_it_goes() -> None:
    text = "Ahead of the summit in Tianjin, the foreign minister will visit Lisbon on Monday for talks."
    assert _names(text) == ["Lisbon"]  # not the other occasion's Tianjin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war in Ukraine dominated the talks the two ministers held on Friday.", []),
        ("Heads of state from India, Iran and China gathered for the opening on Friday.", []),
        ("The ministers held talks on Monday ahead of the summit in Tianjin next month.", []),
        ("Aid workers arrived on Monday in South Sudan after the floods cut the roads.", ["South Sudan"]),
        ("Officials came on Monday from the Turkish province of Karavan to see the site.", []),
    ],
)
def test_near_misses_are_not_taken_as_the_event_place(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Opening remarks by the foreign minister at talks with his guest (Lisbon, May 6, 2024)\n\n"
        "Dear colleagues, we are pleased to see you again and to continue our work together.",
        "Opening remarks by the foreign minister at talks with his guest\n\nLisbon, 6 May 2024\n\n"
        "Dear colleagues, we are pleased to see you again and to continue our work together.",
    ],
)
def test_a_place_and_date_heading_a_transcript_place_it(text: str) -> None:
    assert _names(text) == ["Lisbon"]


def test_a_place_and_date_inside_a_sentence_are_no_heading() -> None:
    text = "Their joint statement, Lisbon, May 6, 2019, still guides the talks between the two ministers."
    assert _names(text) == []
