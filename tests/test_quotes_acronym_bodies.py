"""Tests for a body named by an acronym: a word with one in it ("NRT-Kelmor") is a body, never a
person (dedupe.quotes.subject_names), and so is one after a common noun ("broadcaster KTV",
dedupe.quotes.acronym_bodies).

Each case is a short invented report; "he" must not be given to the outlet.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.subject_names import bare_name, body_name


def _speakers(text: str) -> list[tuple[str, str]]:
    quotes = extract_quotes(article_from_text("Bridge\n\n" + text, id="t"))
    return [(q.canonical_speaker, q.speaker_kind) for q in quotes]


def test_a_hyphened_acronym_is_no_surname_but_names_a_body() -> None:
    assert not bare_name("NRT-Kelmor")
    assert body_name("NRT-Kelmor")
    assert bare_name("Velkov-Brill")


def test_an_outlet_with_an_acronym_speaks_as_a_body() -> None:
    text = "Governor Ivan Velkov spoke in Kelmor.\n\n“The plans are real,” NRT-Kelmor wrote on Monday."
    assert _speakers(text) == [("NRT-Kelmor", "institution")]


def test_he_after_an_outlet_with_an_acronym_is_the_person_not_the_outlet() -> None:
    text = (
        "Governor Ivan Velkov spoke in Kelmor on Monday.\n\n"
        "NRT-Kelmor wrote that it had seen his “final plans”. He also promised “a new bridge” for the town."
    )
    assert _speakers(text) == [("NRT-Kelmor", "institution"), ("Ivan Velkov", "person")]


def test_a_body_named_by_its_acronym_after_a_common_noun_speaks() -> None:
    text = "The dam opened on Monday.\n\nState broadcaster KTV also said the dam was “a national triumph”."
    assert [s for s, _ in _speakers(text)] == ["KTV"]
