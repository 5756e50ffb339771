"""A quoted phrase takes the one speaker its sentence gives its quotations, outside English.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

OPENING = "Mara Velde visitó el puerto de Lisboa el lunes.\n\n"


def test_a_phrase_in_the_participle_after_a_frame_is_the_speakers() -> None:
    text = OPENING + "« Nous avancerons », a déclaré Mara Velde, soulignant l'importance « vitale » du port."
    quotes = extract_quotes(Article(id="t", text=text, language="fr"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde", "Mara Velde"]


def test_a_phrase_in_a_sentence_that_names_another_person_stays_unknown() -> None:
    text = (
        OPENING
        + "« Nous avancerons », a déclaré Mara Velde, tandis que Tomás Ruiz évoquait une crise « grave »."
    )
    quotes = extract_quotes(Article(id="t", text=text, language="fr"))
    assert [q.canonical_speaker for q in quotes] == ["Mara Velde", "unknown"]
