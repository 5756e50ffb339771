"""Frames of other languages' word order: German reported speech in the subjunctive, a verb-first
frame closing the sentence, a wire dateline before the subject.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.foreign_roles import place_name

OPENING = "Mara Velde visitó el puerto de Lisboa el lunes.\n\n"


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


def test_a_verb_first_frame_closing_the_sentence_gives_the_speaker() -> None:
    text = OPENING + "« La seule question est le calendrier » de ces travaux, ajoute Mara Velde."
    quotes = extract_quotes(Article(id="t", text=text, language="fr"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde"]


def test_a_closing_frame_after_another_speech_verb_is_not_taken() -> None:
    text = OPENING + "Le port reste « fermé » pour le maire, qui l'a dit hier, ajoute Mara Velde."
    quotes = extract_quotes(Article(id="t", text=text, language="fr"))
    assert [q.canonical_speaker for q in quotes] == ["unknown"]


def test_a_wire_dateline_is_no_subject() -> None:
    text = (
        "LISBONNE, 9 juillet (Reuters) – La ministre des Finances, Mara Velde, a déclaré que les "
        "réunions avaient été « directes » et utiles."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="fr"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde"]
