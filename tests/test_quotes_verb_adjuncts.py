"""A place or occasion between a Romance speech verb and its subject ("ha affermato in
conferenza stampa la presidente X"): the subject is the phrase after it; a name apposed
after a long title of a body ("reaccionó el secretario general de la … (OPMIN), X").

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.verb_adjuncts import subject_after_adjunct

BANK = "La banca ha alzato i tassi.\n\n"


def speakers(text: str, language: str) -> list[str]:
    """The canonical speakers of the quotations in ``text``."""
    return [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language=language))]


def test_an_italian_subject_after_an_adjunct_speaks() -> None:
    text = BANK + "“Non è ancora finita” ha affermato in conferenza stampa la presidente Mara Velde."
    assert speakers(text, "it") == ["Mara Velde"]


def test_an_adjunct_of_time_before_the_subject_is_passed() -> None:
    text = "Il porto ha chiuso lunedì.\n\n“Siamo pronti”, ha aggiunto in serata il ministro Tomas Berg."
    assert speakers(text, "it") == ["Tomas Berg"]


def test_a_name_met_in_the_adjunct_is_not_the_speaker() -> None:
    text = BANK + "“Non è ancora finita” ha detto in conferenza stampa con la presidente Mara Velde."
    assert speakers(text, "it") == ["unknown"]


def test_english_keeps_no_adjunct_reading() -> None:
    phrase = "in the hall the minister "
    assert subject_after_adjunct(phrase, 0, len(phrase), "en") is None
    assert subject_after_adjunct(phrase.replace("the", "la"), 0, len(phrase), "it") == len("in la hall ")


PORT = "El puerto cerró el lunes.\n\n"


def test_a_name_apposed_after_a_long_body_title_speaks() -> None:
    text = PORT + (
        "«Lamento la decisión», reaccionó de inmediato el secretario general de la Organización "
        "de Puertos del Mar Interior del Norte (OPMIN), Tomas Berg."
    )
    assert speakers(text, "es") == ["Tomas Berg"]


def test_a_name_past_a_whole_clause_after_the_verb_is_not_taken() -> None:
    text = PORT + (
        "«Lamento la decisión», dijo el portavoz de la comisión que visitó los puertos del norte y del "
        "sur durante la primera semana de la temporada de lluvias intensas del año pasado, Tomas Berg."
    )
    assert speakers(text, "es") == ["unknown"]
