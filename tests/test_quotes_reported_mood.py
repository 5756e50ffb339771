"""German reported speech: a sentence in the subjunctive I goes on with what the last speaker said.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.foreign_roles import place_name


def test_a_sentence_in_the_subjunctive_is_the_last_speakers() -> None:
    text = (
        "Mara Velde machte am Montag klar, dass die Arbeiten im Hafen bald beginnen.\n\n"
        "Doch sei dies nicht «das Ende der Debatte»."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="de"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde"]


def test_a_place_named_in_another_language_is_no_subject() -> None:
    assert place_name("Russland", "de") and place_name("Nueva Delhi", "es")
    assert not place_name("Mara Velde", "de")


def test_an_indicative_sentence_is_not_taken_for_reported_speech() -> None:
    text = (
        "Mara Velde machte am Montag klar, dass die Arbeiten im Hafen bald beginnen.\n\n"
        "Doch ist dies nicht «das Ende der Debatte»."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="de"))
    assert [q.canonical_speaker for q in quotes] == ["unknown"]
