"""Frames of other languages' word order: German reported speech in the subjunctive, a verb-first
frame closing the sentence, a wire dateline before the subject; Romance participles of speech
verbs ("…, affirmant que « … »") and French's narrative infinitive ("Et d'ajouter : « … »").

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


# Romance participles of speech verbs and the French narrative infinitive.
PORT = "Le port de Tarnie a rouvert lundi.\n\n"


def _speakers(text: str, language: str) -> list[str]:
    """The canonical speakers of the quotations in ``text``."""
    return [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language=language))]


def test_a_french_participle_gives_the_words_to_the_subject() -> None:
    text = PORT + "Mara Velde a salué cette décision, affirmant que « nous continuons à travailler »."
    assert _speakers(text, "fr") == ["Mara Velde"]


def test_a_spanish_participle_gives_the_words_to_the_subject() -> None:
    text = PORT + "Mara Velde saludó la decisión, afirmando que “seguimos trabajando”."
    assert _speakers(text, "es") == ["Mara Velde"]


def test_an_italian_participle_gives_the_words_to_the_subject() -> None:
    text = PORT + "Mara Velde ha salutato la decisione, affermando che “continuiamo a lavorare”."
    assert _speakers(text, "it") == ["Mara Velde"]


def test_a_participle_after_two_people_names_no_one() -> None:
    text = PORT + "Mara Velde a parlé après que Tomas Berg a visité le port, affirmant que « tout va bien »."
    assert _speakers(text, "fr") == ["unknown"]


def test_a_participle_after_a_frame_keeps_that_frames_speaker() -> None:
    text = PORT + (
        "« Les secours sont là », a ajouté Mara Velde, précisant que les pompiers étaient « prêts »."
    )
    assert _speakers(text, "fr") == ["Mara Velde", "Mara Velde"]


def test_a_french_narrative_infinitive_goes_on_with_the_last_speaker() -> None:
    text = PORT + "« Le port doit rouvrir », a déclaré Mara Velde. Et d’ajouter : « Nous sommes prêts »."
    assert _speakers(text, "fr") == ["Mara Velde", "Mara Velde"]


def test_an_infinitive_of_no_speech_verb_is_no_frame() -> None:
    text = PORT + "« Le port doit rouvrir », a déclaré Mara Velde. Et de partir vers « le nouveau quai »."
    assert _speakers(text, "fr") == ["Mara Velde", "unknown"]


def test_a_narrative_infinitive_with_no_one_before_names_no_one() -> None:
    text = PORT + "Et d’ajouter : « Nous sommes prêts »."
    assert _speakers(text, "fr") == ["unknown"]
