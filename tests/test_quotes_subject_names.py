"""A frame's subject told by its words: a surname, a body's name, a headline fragment."""

from __future__ import annotations

import pytest

from dedupe.quotes import subject_names


@pytest.mark.parametrize(
    ("word", "surname"),
    [
        ("Oduya", True),
        ("oduya", False),
        ("Paris", False),
        ("Russian", False),
        ("Minister", False),
        ("Officials", False),
        ("Leaves", False),
    ],
)
def test_a_lone_capitalised_word_can_be_a_surname(word: str, surname: bool) -> None:
    assert subject_names.bare_name(word) is surname


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("Ministry of Works", True),
        ("NATO", True),
        ("Tarnwell council", True),
        ("New Delhi", False),
        ("On Thursday", False),
        ("Maria Oduya", False),
    ],
)
def test_a_phrase_can_name_an_institution(phrase: str, body: bool) -> None:
    assert subject_names.body_name(phrase) is body


@pytest.mark.parametrize(
    ("name", "fragment"), [("Portugal Leaves", True), ("Maria Oduya", False), ("Portugal", False)]
)
def test_a_place_and_an_ordinary_word_are_a_headline_fragment(name: str, fragment: bool) -> None:
    assert subject_names.headline_fragment(name) is fragment
