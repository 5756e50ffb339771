"""The event's place in ``dedupe facts``: where the lede, an event word or a dateline puts it."""

from __future__ import annotations

import pytest

from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def _places(text: str) -> list[tuple[str, str | None, bool]]:
    """The facts view's places of an invented report: name, country, and whether the gazetteer knows it."""
    profile = facts_profile(article_from_text(text, id="t"))
    return [(f.canonical, f.place.country, f.place.known) for f in profile.places if f.place is not None]


def test_a_region_named_for_its_capital_is_placed_in_its_country() -> None:
    text = "The earthquake in Kagoshima Prefecture damaged two hundred homes on Monday, officials said."
    assert _places(text)[:1] == [("Kagoshima Prefecture", "JP", True)]


def _names(text: str) -> list[str]:
    """The facts view's place names of an invented report, best first."""
    return [name for name, _, _ in _places(text)]


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
    assert _places(text) == [("China", "CN", True)]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president received the minister at the Kremlin on Tuesday for long talks.", ["Moscow"]),
        ("The president addressed the UN General Assembly on Tuesday, urging a truce.", ["New York City"]),
        ("El presidente habló el martes ante la Asamblea General de la ONU.", ["New York City"]),
        ("The president spoke at the UN on Tuesday about the grain corridor and the war.", ["New York City"]),
        ("The probe lifted off on Thursday from the Tanegashima Space Center after two delays.", ["Japan"]),
        ("UNITED NATIONS (AP) — The president told world leaders on Tuesday that the war must end.",
         ["New York City"]),
    ],
)  # fmt: skip
def test_a_venue_places_the_event_in_the_town_it_stands_in(text: str, expected: list[str]) -> None:
    assert _names(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin said on Tuesday that the talks with the visiting minister had gone well.", []),
        ("The envoy spoke at the UN in Geneva on Tuesday about the refugees in the camps.", ["Geneva"]),
        ("He met the minister at the Kremlin in Moscow on Tuesday for three hours of talks.", ["Moscow"]),
        ("The president spoke at the UN General Assembly in New York on Tuesday.", ["New York"]),
        ("В Кремле назвали встречу министров в Казани важным событием для всех участников.", ["Kazan"]),
    ],
)
def test_a_seat_named_for_who_sits_there_or_before_its_town_is_no_venue(
    text: str, expected: list[str]
) -> None:
    assert _names(text) == expected


def test_a_dateline_cut_off_as_its_own_sentence_still_places_the_story() -> None:
    text = "Summit opens\n\nLISBON, Portugal, May 6. The summit opened with a ceremony for new members."
    assert _names(text) == ["Lisbon"]
