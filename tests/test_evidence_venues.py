"""Venues named for their town: a seat after a locative, the UN's bodies, a launch site."""

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
        ("The president received the minister at the Kremlin on Tuesday for long talks.", ["Moscow"]),
        ("The president addressed the UN General Assembly on Tuesday, urging a truce.", ["New York City"]),
        ("El presidente habló el martes ante la Asamblea General de la ONU.", ["New York City"]),
        ("The president spoke at the UN on Tuesday about the grain corridor and the war.", ["New York City"]),
        ("The probe lifted off on Thursday from the Tanegashima Space Center after two delays.", ["Japan"]),
        ("UNITED NATIONS (AP) — The president told world leaders on Tuesday that the war must end.",
         ["New York City"]),
        ("The two leaders met on Wednesday at the Vostochny cosmodrome after a long train ride.", ["Russia"]),
        ("Los dos líderes se reunieron el miércoles en el cosmódromo de Vostochny.", ["Russia"]),
        ("Лидеры провели переговоры в среду на космодроме \"Восточный\".", ["Russia"]),
        ("The probe lifted off on Thursday from the Centre spatial Kennedy, officials said.", ["Florida"]),
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


def test_eastern_without_its_cosmodrome_is_no_launch_site() -> None:
    assert _names("Власти Восточный округ посетили в среду, сообщили в мэрии.") == []
