"""Tests for names that add words in front of one another are one person (dedupe.quotes.name_chains).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.quotes.name_chains import merge_suffix_chains

from quote_speakers import speakers


def test_names_that_end_with_one_another_are_one_person() -> None:
    canonical = {"Dal Ivan Velkov": "Dal Ivan Velkov", "Ivan Velkov": "Ivan Velkov", "Velkov": "Velkov"}
    assert set(merge_suffix_chains(canonical).values()) == {"Ivan Velkov"}


def test_two_full_names_with_one_surname_stay_apart() -> None:
    canonical = {"Ivan Velkov": "Ivan Velkov", "Maria Velkov": "Maria Velkov", "Velkov": "Velkov"}
    assert merge_suffix_chains(canonical) == canonical


def test_a_stray_word_before_a_name_does_not_split_the_person_for_a_descriptor() -> None:
    text = (
        "Ostravan Governor Ivan Velkov opened the dam.\n\nKelm Ivan Velkov cut the ribbon. "
        "Velkov thanked the builders.\n\nThe Ostravan governor urged calm on Monday.\n\n"
        "“It will hold,” he stressed."
    )
    assert speakers(text) == ["Ivan Velkov"]
