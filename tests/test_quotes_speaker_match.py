"""Speakers that can be one source, names asked for, and the one rapidfuzz scale conversion."""

from __future__ import annotations

import pytest

from dedupe.quotes.speaker_match import compatible, global_speaker, name_matches, score


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Maria Oduya", "Maria Oduya (mayor)", True),
        ("Maria Oduya", "Oduya", True),
        ("Maria Oduya (mayor)", "Peter Lankin (mayor)", False),
        ("Maria Oduya", "Peter Lankin", False),
    ],
)
def test_speakers_are_compatible_when_they_can_be_one_source(a: str, b: str, same: bool) -> None:
    assert compatible(a, b) is same
    assert compatible(b, a) is same


@pytest.mark.parametrize(
    ("query", "name", "matches"),
    [
        ("Oduya", "Maria Oduya", True),
        ("odyua", "Maria Oduya", True),  # 80 % alike: the threshold
        ("odxxa", "Maria Oduya", False),
        ("statement", "Tarnwell council (statement)", True),
        ("", "Maria Oduya", False),
        ("Lankin", "Maria Oduya", False),
    ],
)
def test_a_name_asked_for_matches_close_spellings(query: str, name: str, matches: bool) -> None:
    assert name_matches(query, name) is matches


def test_global_speaker_spells_the_person_as_across_articles_and_keeps_the_office() -> None:
    names = {"Oduya": "Maria Oduya"}
    assert global_speaker("Oduya (mayor)", names) == "Maria Oduya (mayor)"
    assert global_speaker("Oduya", names) == "Maria Oduya"
    assert global_speaker("Lankin", names) == "Lankin"


def test_score_converts_rapidfuzz_to_the_unit_scale() -> None:
    assert score(80.0) == 0.8
