"""Titles before a name and sentence openers are no part of a participant's name (invented reports)."""

from __future__ import annotations

import dataclasses

from dedupe.evidence.events import Fact
from dedupe.evidence.facts_people import bare_name, whole_name, written_as_person
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text
from dedupe.models import Span


def participants(text: str, language: str) -> list[tuple[str, str]]:
    article = dataclasses.replace(article_from_text(text, id=language), language=language)
    return [(f.canonical, f.role) for f in facts_profile(article).participants]


def test_a_title_before_a_name_is_dropped_in_any_language_read() -> None:
    assert bare_name("Fed Chair Anna Holt") == "Anna Holt"
    assert bare_name("Президент России Иван Петров") == "Иван Петров"
    assert bare_name("Cumhurbaşkanı Ahmet Yıldız") == "Ahmet Yıldız"
    assert bare_name("Präsidenten Karl Brenner") == "Karl Brenner"


def test_a_name_that_only_looks_like_a_title_stays_whole() -> None:
    assert bare_name("Primo Levi") == "Primo Levi"
    assert bare_name("Anna Maria Holt") == "Anna Maria Holt"


def test_a_title_alone_is_no_person() -> None:
    assert not written_as_person("Der Präsident droht mit Krieg. Präsident sagte das.", "Präsident")
    assert not written_as_person("Er wurde vom Vice Primo Ministro empfangen.", "Vice Primo Ministro")
    assert written_as_person("Karl Brenner sprach am Abend.", "Karl Brenner")


def test_a_german_title_and_genitive_give_way_to_the_name() -> None:
    text = (
        "Ruritaniens Präsident Karl Brenner hat am Dienstag vor einem Krieg gewarnt.\n\nBrenner sprach lange."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_sentence_opener_before_a_noun_is_no_name() -> None:
    text = (
        "Seit März hat die Zentralbank ihren Leitzins dreimal angehoben.\n\n"
        "Wie Experten erwartet hatten, sprach Karl Brenner am Abend von einem Erfolg."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_german_compound_title_and_a_possessive_are_no_name() -> None:
    assert bare_name("Zentralbankchef Karl Brenner") == "Karl Brenner"
    assert not written_as_person("Ihre Prognose hat die Bank gesenkt.", "Ihre Prognose")


def test_a_hyphenated_given_name_is_made_whole_but_not_an_english_compound() -> None:
    korean = "Talks with Pak Song-il began on Wednesday."
    person = Fact("person", "Pak Song", "Pak Song", Span(11, 19), Span(0, len(korean)), 0.8)
    assert whole_name(korean, person) == "Pak Song-il"
    compound = "The Ravi Dutt-led delegation arrived on Monday."
    person = Fact("person", "Ravi Dutt", "Ravi Dutt", Span(4, 13), Span(0, len(compound)), 0.8)
    assert whole_name(compound, person) == "Ravi Dutt"


def test_a_byline_after_the_pages_stamp_is_no_participant() -> None:
    text = (
        "date 2023-09 Von Nora Vale, Berlin\n\n"
        "Die Zentralbank hat die Zinsen erneut angehoben.\n\nDie Bank erwartet weniger Inflation."
    )
    assert participants(text, "de") == []
