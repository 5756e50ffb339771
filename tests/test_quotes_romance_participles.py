"""A French, Spanish or Italian present participle of a speech verb ("…, affirmant que « … »")
gives the words after it to its sentence's subject, as "…, calling it “…”" does in English;
French's narrative infinitive ("Et d'ajouter : « … »") goes on with the last speaker.

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


def test_a_french_narrative_infinitive_goes_on_with_the_last_speaker() -> None:
    text = OPENING + "« Le port doit rouvrir », a déclaré Mara Velde. Et d’ajouter : « Nous sommes prêts »."
    assert speakers(text, "fr") == ["Mara Velde", "Mara Velde"]


def test_an_infinitive_of_no_speech_verb_is_no_frame() -> None:
    text = OPENING + "« Le port doit rouvrir », a déclaré Mara Velde. Et de partir vers « le nouveau quai »."
    assert speakers(text, "fr") == ["Mara Velde", "unknown"]


def test_a_narrative_infinitive_with_no_one_before_names_no_one() -> None:
    text = OPENING + "Et d’ajouter : « Nous sommes prêts »."
    assert speakers(text, "fr") == ["unknown"]
