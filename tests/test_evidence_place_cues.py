"""Where a lede puts its event without a locative: apposition, launch, visit, a country's adjective."""

from __future__ import annotations

from datetime import date

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A strong earthquake struck Taiwan early on Wednesday, toppling two old buildings.", ["Taiwan"]),
        ("A typhoon lashed Okinawa overnight, cutting power to thousands of homes there.", ["Okinawa"]),
        ("Thailand hosted a meeting of the two senior envoys late last month, officials said.", ["Thailand"]),
    ],
)
def test_a_disaster_or_host_verb_places_its_event(text: str, expected: list[str]) -> None:
    assert _names(text)[:1] == expected


def test_a_strike_verb_places_nothing_without_a_disaster() -> None:
    text = "New tariffs hit China hard this spring, the trade ministry in the capital said."
    assert _names(text) == []


def test_a_town_the_gazetteer_lacks_is_in_the_area_after_its_comma() -> None:
    text = "Rescuers reached the hill villages in Dorlakot, Nepal, late on Friday night after the tremor."
    assert _names(text) == ["Nepal"]


def test_a_town_of_another_country_gives_way_to_the_area_after_its_comma() -> None:
    text = "The rocket blasted off on Thursday from the company base in Boca Chica, Texas, at dawn."
    assert _names(text) == ["Texas"]  # the gazetteer's Boca Chica is in the Dominican Republic


def test_a_town_in_the_area_after_its_comma_stays_the_place() -> None:
    text = "The two ministers held their talks on Monday in Austin, Texas, behind closed doors."
    assert _names(text) == ["Austin"]


def test_a_town_news_writes_without_city_is_the_gazetteers_city() -> None:
    text = "Buildings leaned at odd angles on Wednesday in Hualien after the strong quake offshore."
    assert _names(text) == ["Hualien City"]


def test_an_ocean_is_no_city_named_for_it() -> None:
    text = "The capsule splashed down on Sunday in the Atlantic after a week in orbit."
    assert _names(text) == []  # not Atlantic City


@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed on Sunday the situation in Ukraine with their guest from Kyiv.",
        "Uma delas vai abordar no domingo o conflito na Ucrânia com os convidados do grupo.",
    ],
)
def test_a_place_of_a_state_of_affairs_is_no_event_place(text: str) -> None:
    assert _names(text) == []


def test_a_place_an_earlier_year_dates_is_another_occasions() -> None:
    text = (
        "The president addressed parliament on Tuesday, February 21, 2023. The treaty was signed "
        "in Prague in 2010 and extended in 2021, and the speech suspended it."
    )
    report = article_from_text(text, id="y", published=date(2023, 2, 21))
    assert [f.canonical for f in facts_profile(report).places] == []


def test_a_launch_site_after_from_is_where_the_rocket_left() -> None:
    text = "But it was not until early Wednesday that the rocket would take off from Kennedy Space Center."
    assert _names(text) == ["Florida"]


def test_hosts_as_a_noun_places_nothing() -> None:
    text = "The minister of Ghana thanked the hosts on Monday for a warm welcome and a full programme."
    assert "Ghana" not in _names(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un fuerte terremoto sacudió Taiwán el miércoles por la mañana, según las autoridades.", ["Taiwan"]),
        ("Un séisme de magnitude 6 a touché Taïwan dans la nuit de mardi à mercredi.", ["Taiwan"]),
        ("Ein Erdbeben erschütterte Taiwan am Mittwochmorgen, teilten die Behörden mit.", ["Taiwan"]),
    ],
)
def test_a_disaster_verb_places_its_event_in_other_languages(text: str, expected: list[str]) -> None:
    assert _names(text)[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un sismo sacudió el viernes una zona remota del noroeste de Nepal, según la policía.", ["Nepal"]),
        ("A delegação visitou na segunda-feira a cidade japonesa de Hiroshima.", ["Hiroshima"]),
        ("El cohete despegó el miércoles, en el estado de Florida, tras dos intentos fallidos.", ["Florida"]),
        ("Die Rakete startete am Donnerstag im US-Bundesstaat Texas, wie Livebilder zeigten.", ["Texas"]),
        ("El cohete fue lanzado el miércoles desde el Centro Espacial Kennedy.", ["Florida"]),
    ],
)
def test_a_kind_or_part_of_a_place_before_de_places_its_event(text: str, expected: list[str]) -> None:
    assert _names(text)[:1] == expected


def test_a_strike_verb_in_another_language_places_nothing_without_a_disaster() -> None:
    text = "La crisis golpeó Argentina con fuerza este año, dijo el ministro en una entrevista."
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The G7 Kyoto Summit was convened on Friday with nine guests from abroad.", ["Kyoto"]),
        ("The two men dined on Monday at a residence on the outskirts of Moscow, aides said.", ["Moscow"]),
    ],
)
def test_a_summit_named_for_its_city_or_the_outskirts_of_one_places_its_event(
    text: str, expected: list[str]
) -> None:
    assert _names(text)[:1] == expected


def test_a_groups_summit_after_a_city_does_not_split_the_citys_name() -> None:
    text = "The leaders on Saturday adopted the New Delhi G20 Leaders' Summit Declaration by consensus."
    assert "Delhi" not in _names(text)


def test_where_someone_speaks_with_reporters_is_no_event_place() -> None:
    text = "The prime minister speaks with reporters in Tokyo on Thursday before flying to the summit."
    assert _names(text) == []


def test_a_place_after_a_german_quotation_closed_with_its_low_mark_is_narrated() -> None:
    text = "Die Rakete „Orion“ startete am Mittwoch vom Weltraumbahnhof im US-Bundesstaat Florida."
    assert _names(text) == ["Florida"]


def test_a_place_inside_a_german_quotation_is_not_the_events() -> None:
    text = "Der Minister sagte am Mittwoch: „Wir bauen bald eine Fabrik in Florida“, und ging."
    assert _names(text) == []
