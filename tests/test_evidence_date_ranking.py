"""The event's own date among a report's dates (issue 17): the lede's day before the body's.

A page stamp ("date 2025-04-01") names the same day as the lede's "on Tuesday"; the event
profile keeps one of the two, the stamp, which ranks after every narrated date.
"""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def _first_date(text: str, published: date | None, language: str = "en") -> str | None:
    """The date ``facts_profile`` ranks first for an invented report."""
    profile = facts_profile(article_from_text(text, id="t", published=published, language=language))
    return str(profile.dates[0].date) if profile.dates else None


LEDE_FIRST = [
    ("visit-began", "date 2025-04-01 The president received the visiting minister on Tuesday, "
     "who is in the country for a three-day visit that began Monday."
     "\n\nThe two men spoke of trade and of the coming summit.",
     date(2025, 4, 1), "2025-04-01"),
    ("earlier-quake", "date 2023-10-11 A new quake of magnitude 6.1 hit the valley at dawn on Wednesday."
     "\n\nDozens were hurt. Many families slept outside because their homes were destroyed on Saturday.",
     date(2023, 10, 11), "2023-10-11"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "published", "day"), LEDE_FIRST, ids=[c[0] for c in LEDE_FIRST])
def test_the_ledes_day_ranks_before_a_day_the_body_gives_an_event_word(
    case: str, text: str, published: date, day: str
) -> None:
    assert _first_date(text, published) == day


def test_a_background_date_in_the_lede_is_not_the_events() -> None:
    text = (
        "A strong quake struck the coast of Veloria on Thursday, weeks after the quake of 6 February "
        "that destroyed the old port.\n\nRescuers reached the villages by night."
    )
    assert _first_date(text, date(2023, 3, 2)) == "2023-03-02"


def test_a_dateline_that_repeats_the_stamp_is_no_event_date() -> None:
    text = (
        "date 2023-09-20 Wednesday, September 20, 2023 – The minister said in a speech to the assembly "
        "on Tuesday, September 19, that the blockade threatens the harvest."
    )
    assert _first_date(text, date(2023, 9, 20)) == "2023-09-19"


def test_a_narrated_range_ranks_before_the_datelines_day() -> None:
    text = (
        "OSTRAVA, June 12. /WIRE/. The alliance's summit, held in the city from June 10 through 12, "
        "ended with a joint declaration on grain corridors."
    )
    assert _first_date(text, None) == "June 10"


def test_a_month_ranks_after_the_pages_stamp() -> None:
    text = "date 2024-04-02 Leaders will meet again in May to sign the accord, the ministry said."
    assert _first_date(text, None) == "2024-04-02"


LATER = (
    "Министр прибыл в столицу\n\n"
    "Министр иностранных дел прибыл в столицу с официальным визитом по приглашению коллеги. "
    "Самолет министра приземлился в аэропорту поздно вечером, сообщили в министерстве. "
    "Министры обсудят торговлю, энергетику и положение в регионе в ходе встречи. "
    "Переговоры пройдут 9 апреля в резиденции правительства."
)


def test_a_day_with_its_month_after_the_lede_dates_a_lede_that_gives_none() -> None:
    assert _first_date(LATER, date(2024, 4, 8), "ru") == "2024-04-09"


@pytest.mark.parametrize(
    ("case", "language", "text"),
    [
        ("weekday", "fr", "La sonde s'est posée\n\nL'agence spatiale a déclaré son atterrissage réussi "
         "malgré une panne. La sonde a envoyé des images de la surface de la Lune vers la salle de contrôle. "
         "L'agence a indiqué jeudi que la sonde serait étudiée pendant des semaines."),
        ("far-off", "en", "Rescuers search Veloria\n\nRescuers searched the ruins of the old port of Veloria "
         "through the night. Families waited at the gates of the hospital for news of their relatives. "
         "The town had barely rebuilt after the quake of 6 February that destroyed its harbour."),
    ],
)  # fmt: skip
def test_past_the_lede_no_bare_weekday_nor_far_off_day(case: str, language: str, text: str) -> None:
    assert _first_date(text, date(2024, 4, 12), language) is None


def test_a_later_day_ranks_before_a_month_the_lede_gives() -> None:
    text = (
        "Lander rights itself\n\n"
        "The agency declared its small lander a success even though it lies on its side. "
        "The lander left the launch pad in September and circled the moon for weeks. "
        "It touched down near its target crater on Jan. 20, the agency said."
    )
    assert _first_date(text, None) == "January 20"


def test_a_german_day_cut_from_its_month_by_the_segmenter_is_read_whole() -> None:
    text = (
        "Rakete gestartet\n\nDie Rakete des Unternehmens Nordwind ist vom Hafen Veloria gestartet. "
        "Nach zwei Verschiebungen hob sie am 18. Mai 2023 um 15 Uhr ab."
    )
    assert _first_date(text, None, "de") == "2023-05-18"


def test_the_end_of_a_span_is_not_the_events_day() -> None:
    text = (
        "date 2025-05-12 The two presidents held talks over dinner at the lakeside residence."
        "\n\nThe delegation stays in the capital until May 13. Both sides spoke of trade."
    )
    assert _first_date(text, date(2025, 5, 12)) == "2025-05-12"


def test_a_day_the_span_starts_on_is_still_the_events() -> None:
    text = (
        "date 2025-05-13 The two presidents held talks on May 12 at the lakeside residence."
        "\n\nBoth sides spoke of trade."
    )
    assert _first_date(text, date(2025, 5, 13)) == "2025-05-12"


TOLL_DAYS = [
    ("es-opens", "es", "El sábado 8 de marzo, el gobierno regional elevó hasta 90 la cifra de fallecidos por "
     "el sismo. La sacudida se sintió en Ostra durante la noche del viernes 7 de marzo.", "2025-03-07"),
    ("es-inside", "es", "Protección Civil elevó el sábado 8 de marzo hasta 90 el balance de víctimas del "
     "sismo. La sacudida se sintió en Ostra durante la noche del viernes 7 de marzo.", "2025-03-07"),
    ("de-stieg", "de", "Am Samstagabend stieg die Zahl der Toten auf 90. Die Erdstöße waren in Ostra schon "
     "am Freitagabend zu spüren.", "2025-03-07"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "language", "text", "day"), TOLL_DAYS, ids=[c[0] for c in TOLL_DAYS])
def test_the_day_a_toll_was_raised_is_not_the_disasters(
    case: str, language: str, text: str, day: str
) -> None:
    assert _first_date(text, date(2025, 3, 9), language) == day


def test_a_disaster_day_in_a_relative_clause_of_the_toll_sentence_is_kept() -> None:
    text = (
        "Il numero delle vittime della scossa che il 7 marzo ha colpito la valle di Ostra è salito a 90."
        "\n\nI soccorsi sono proseguiti l'8 marzo in tutta la valle."
    )
    assert _first_date(text, None, "it") == "March 7"


def test_a_date_in_a_bracketed_label_ranks_after_the_narrated_one() -> None:
    text = (
        "【限定価格 1200円】保温マグカップ【週末セール(6月3日)】\n"
        "首相は5月21日、大阪市内で記者会見し、新しい経済対策を発表した。"
    )
    assert _first_date(text, None, "ja") == "May 21"


def test_a_date_between_two_labels_is_narrated() -> None:
    text = "【速報】首相は5月21日、大阪市内で記者会見した。【動画】"
    assert _first_date(text, None, "ja") == "May 21"


STAMP_ONLY = (
    "12 марта 2025 / 14:29\n\n"
    "Министр открыл новый мост через реку и пообещал построить ещё два моста к осени."
)


def test_the_ledes_stamp_stands_in_where_nothing_else_dates_the_report() -> None:
    assert _first_date(STAMP_ONLY, date(2025, 3, 12), "ru") == "2025-03-12"


def test_a_stamp_far_from_publication_does_not_stand_in() -> None:
    assert _first_date(STAMP_ONLY, date(2025, 4, 30), "ru") is None


LATER_WEEKDAYS = [
    ("narrated", "de", "Ein neuer Testflug\n\nIngenieure jubelten im Kontrollraum, als der Booster zündete. "
     "Drei der vier Testziele wurden laut der Zusammenfassung erreicht.\n\nDie Auswertung der Daten "
     "soll mehrere Wochen dauern.\n\nDie Firma ließ den Booster am Donnerstag von der Küste fliegen.",
     "2024-03-14"),
    ("zone", "fr", "Un lanceur en orbite\n\nAprès plusieurs reports, le lanceur a quitté la base sans "
     "incident. Il emportait deux satellites de mesure du climat. Le départ a eu lieu à 10h15 heure "
     "locale (mercredi 22h15 GMT) depuis le sud du pays.", None),
    ("zufolge", "de", "Der Flug endete früh\n\nDie Ingenieure sprachen von wertvollen Daten für die nächste "
     "Version. Die Kapsel landete weit vor dem geplanten Ort im Meer. Das erklärte die Leiterin einem "
     "Bericht des Senders zufolge am Samstag.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "language", "text", "day"), LATER_WEEKDAYS, ids=[c[0] for c in LATER_WEEKDAYS]
)
def test_a_later_weekday_dates_a_report_nothing_else_dates(
    case: str, language: str, text: str, day: str | None
) -> None:
    assert _first_date(text, date(2024, 3, 14), language) == day


RESCUE_DAYS = [
    ("after-quake", "en", "OSTRA, Veloria (Wire) — Rescuers dug through collapsed flats on Thursday, "
     "hoping to find survivors under the concrete.\n\nRoads into the valley are closed. "
     "Hundreds were hurt in the quake that struck Wednesday morning.", "2024-04-03"),
    ("only-search", "en", "Rescuers dug through the rubble of two schools on Thursday.\n\n"
     "Roads into the valley remain closed.", None),
    ("in-clause", "fr", "Les secouristes ont retrouvé lundi matin les enregistreurs de vol de l'avion.\n\n"
     "L'enquête ne fait que commencer.", None),
]  # fmt: skip


@pytest.mark.parametrize(("case", "language", "text", "day"), RESCUE_DAYS, ids=[c[0] for c in RESCUE_DAYS])
def test_the_day_rescuers_search_is_not_the_disasters(
    case: str, language: str, text: str, day: str | None
) -> None:
    assert _first_date(text, date(2024, 4, 5), language) == day


def test_a_disaster_day_beside_rescuers_in_another_clause_is_kept() -> None:
    text = "The quake struck on Wednesday, and rescuers reached the valley by night.\n\nRoads remain closed."
    assert _first_date(text, date(2024, 4, 5)) == "2024-04-03"
