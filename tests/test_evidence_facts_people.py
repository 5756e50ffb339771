"""Tests for dedupe.evidence.facts_people: who the facts view says took part, on invented reports."""

from __future__ import annotations

import dataclasses

from dedupe.evidence.facts_people import bare_name, written_as_person
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def participants(text: str, language: str = "en") -> list[tuple[str, str]]:
    article = dataclasses.replace(article_from_text(text, id=language), language=language)
    return [(f.canonical, f.role) for f in facts_profile(article).participants]


def test_a_russian_titles_genitive_is_no_part_of_the_name() -> None:
    text = (
        "Министр иностранных дел России Сергей Орлов прибыл в Минск с визитом.\n\n"
        "Орлов проведет переговоры в среду."
    )
    assert participants(text, "ru") == [("Сергей Орлов", "protagonist")]


def test_names_without_a_titles_words_stay_whole() -> None:
    assert bare_name("Ким Чен Ын") == "Ким Чен Ын"
    assert bare_name("Анна Петрова") == "Анна Петрова"
    assert bare_name("Jean-Claude Marot Vidal") == "Jean-Claude Marot Vidal"


def test_a_name_opening_on_a_locative_gives_way_to_the_person() -> None:
    text = (
        "В Кремле заявили, что визит пройдет по плану.\n\n"
        "Пресс-секретарь президента Дмитрий Орехов сообщил об этом журналистам во вторник."
    )
    assert participants(text, "ru") == [("Дмитрий Орехов", "protagonist")]


def test_a_unit_after_a_count_is_no_person() -> None:
    text = (
        "Der Start der Rakete endete nach rund drei Minuten Schluss: die Rakete explodierte.\n\n"
        "Rund 90 Minuten sollte der Flug dauern, sagte SpaceX-Gründer Karl Brenner am Abend."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_date_before_a_name_is_no_count() -> None:
    text = "date 2023-11-18 Karl Brenner ran the test.\n\nOn 12 May Karl Brenner spoke again."
    assert written_as_person(text, "Karl Brenner")
    assert not written_as_person("It flew 148 Kilometer Höhe.", "Kilometer Höhe")


def test_an_abstract_noun_heading_is_no_person() -> None:
    text = (
        "Zusammenfassung Heute gelang der erste Start der Rakete.\n\n"
        "Karl Brenner sprach am Abend von einem Erfolg."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_gatherings_name_is_no_person() -> None:
    assert not written_as_person("Cumbre Mundial por la Paz comenzó el lunes.", "Cumbre Mundial")
    assert written_as_person("Tomás Ibarra habló el lunes.", "Tomás Ibarra")


def test_a_reporters_byline_never_stands_in_for_the_lead() -> None:
    text = "By Nora Vale\n\nZusammenfassung Heute gelang der erste Start der Rakete.\n\nDie Rakete flog weit."
    assert participants(text, "de") == []


def test_the_other_side_written_in_full_where_the_entity_rules_missed_it() -> None:
    text = (
        "Foreign Minister Arun Malhotra held talks with Foreign Minister of Norway Tomas Berg "
        "in Delhi on Monday.\n\n"
        "The ministers discussed trade. Mr Tomas Berg thanked his host."
    )
    assert participants(text) == [("Arun Malhotra", "participant"), ("Tomas Berg", "met")]


def test_a_greeting_given_in_person_names_the_other_side() -> None:
    text = (
        "Valdorian President Marek Hollis opened the summit on Thursday, congratulating Ostrian President "
        "Ivo Lanner on his country's entry.\n\nThe summit ends on Friday."
    )
    assert participants(text) == [("Marek Hollis", "protagonist"), ("Ivo Lanner", "met")]


def test_a_spokesperson_who_announces_the_talks_takes_no_part() -> None:
    text = (
        "Valdorian President Marek Hollis arrived in Oslo on Thursday, "
        "the ministry's spokesman Pavel Rusk said.\n\n"
        "Rusk said Hollis would hold talks with Ivo Lanner on Friday."
    )
    assert participants(text) == [("Marek Hollis", "protagonist"), ("Ivo Lanner", "met")]
