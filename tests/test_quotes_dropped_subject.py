"""A dropped subject in a pro-drop language goes on with the subject of the sentence just before.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes


def test_a_dropped_subject_is_the_sole_subject_of_the_sentence_just_before() -> None:
    text = (
        "Tomás Ruiz recibió a la delegación en el puerto.\n\n"
        "Por su parte, Mara Velde dijo que el acuerdo sigue en pie.\n\n"
        "Subrayó que «no hay marcha atrás»."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="es"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde"]


def test_a_dropped_subject_after_a_sentence_of_two_subjects_stays_unknown() -> None:
    text = (
        "Tomás Ruiz recibió a la delegación en el puerto.\n\n"
        "Mara Velde habló primero; Tomás Ruiz respondió después.\n\n"
        "Subrayó que «no hay marcha atrás»."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="es"))
    assert [q.canonical_speaker for q in quotes] == ["unknown"]
