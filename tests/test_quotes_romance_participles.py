"""A French, Spanish or Italian present participle of a speech verb ("…, affirmant que « … »")
gives the words after it to its sentence's subject, as "…, calling it “…”" does in English.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

OPENING = "Le port de Tarnie a rouvert lundi.\n\n"


def speakers(text: str, language: str) -> list[str]:
    """The canonical speakers of the quotations in ``text``."""
    return [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language=language))]


def test_a_french_participle_gives_the_words_to_the_subject() -> None:
    text = OPENING + "Mara Velde a salué cette décision, affirmant que « nous continuons à travailler »."
    assert speakers(text, "fr") == ["Mara Velde"]


def test_a_spanish_participle_gives_the_words_to_the_subject() -> None:
    text = OPENING + "Mara Velde saludó la decisión, afirmando que “seguimos trabajando”."
    assert speakers(text, "es") == ["Mara Velde"]


def test_an_italian_participle_gives_the_words_to_the_subject() -> None:
    text = OPENING + "Mara Velde ha salutato la decisione, affermando che “continuiamo a lavorare”."
    assert speakers(text, "it") == ["Mara Velde"]


def test_a_participle_after_two_people_names_no_one() -> None:
    text = (
        OPENING + "Mara Velde a parlé après que Tomas Berg a visité le port, affirmant que « tout va bien »."
    )
    assert speakers(text, "fr") == ["unknown"]


def test_a_participle_after_a_frame_keeps_that_frames_speaker() -> None:
    text = OPENING + (
        "« Les secours sont là », a ajouté Mara Velde, précisant que les pompiers étaient « prêts »."
    )
    assert speakers(text, "fr") == ["Mara Velde", "Mara Velde"]
