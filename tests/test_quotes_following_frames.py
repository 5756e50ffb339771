"""Italian frames after the words, in their sentence or the next: "“…”: lo ha detto X",
"“…”. Così la presidente, X, …", "È quanto dichiarato da X".

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

OPENING = "Il porto di Tarnia ha riaperto lunedì.\n\n"


def speakers(text: str, language: str = "it") -> list[str]:
    """The canonical speakers of the quotations in ``text``."""
    return [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language=language))]


def test_lo_ha_detto_after_a_colon_names_the_speaker() -> None:
    text = OPENING + "“Non sarebbe giusto fare paragoni”: lo ha detto il presidente Tomas Berg rispondendo."
    assert speakers(text) == ["Tomas Berg"]


def test_cosi_in_the_next_sentence_names_the_speaker_of_each_fragment() -> None:
    text = OPENING + (
        "“La decisione” è stata “presa da una larga maggioranza”. Così la presidente della banca, "
        "Mara Velde, in conferenza stampa."
    )
    assert speakers(text) == ["Mara Velde", "Mara Velde"]


def test_e_quanto_dichiarato_names_the_speaker() -> None:
    text = (
        OPENING + "La banca “non può dire” di aver finito. È quanto dichiarato dalla presidente, Mara Velde."
    )
    assert speakers(text) == ["Mara Velde"]


def test_another_name_between_keeps_the_words_unknown() -> None:
    text = (
        OPENING
        + "Tomas Berg ha chiesto “più tempo” per i lavori. Così la presidente della banca, Mara Velde."
    )
    assert speakers(text) == ["unknown"]


def test_the_frame_is_read_for_italian_only() -> None:
    text = "El puerto reabrió el lunes.\n\n“No es justo”. Così la presidenta, Mara Velde."
    assert speakers(text, "es") == ["unknown"]
