"""Tests for subjects the general reading left unknown: names that add words in front of each
other (dedupe.quotes.name_chains), a body's acronym after a common noun
(dedupe.quotes.acronym_bodies) and a sentence's closing frame (dedupe.quotes.closing_frames).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.name_chains import merge_suffix_chains
from dedupe.quotes.speaker import UNKNOWN


def _speakers(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Dam\n\n" + text, id="t"))]


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
    assert _speakers(text) == ["Ivan Velkov"]


def test_a_body_named_by_its_acronym_after_a_common_noun_speaks() -> None:
    text = "The dam opened on Monday.\n\nState broadcaster KTV also said the dam was “a national triumph”."
    assert _speakers(text) == ["KTV"]


def test_a_fragment_before_a_closing_frame_is_that_speakers() -> None:
    text = (
        "Governor Ivan Velkov opened the dam.\n\n"
        "There will be “no more floods” if the walls hold, and the valley “will be safe,” Velkov said "
        "at the dam on Monday, May 4, to the builders."
    )
    assert _speakers(text) == ["Ivan Velkov", "Ivan Velkov"]


def test_a_fragment_after_a_verb_of_naming_is_not_carried_to_the_closing_frame() -> None:
    text = (
        "Governor Ivan Velkov opened the dam.\n\n"
        "What critics call a “vanity project” will keep the valley “safe for decades,” Velkov said "
        "at the dam on Monday, May 4, to the builders."
    )
    assert _speakers(text) == [UNKNOWN, "Ivan Velkov"]


def test_a_title_of_a_country_is_the_person_the_article_gives_it() -> None:
    text = "Indian Prime Minister Ana Rao opened it.\n\nThe Prime Minister of India said it was “a boon”."
    assert _speakers(text) == ["Ana Rao"]


def test_a_title_of_a_state_with_no_known_adjective_is_unknown_not_a_body() -> None:
    text = (
        "President Ivan Velkov visited the dam.\n\n"
        "The President of the Russian Federation said the talks were “useful”."
    )
    assert _speakers(text) == [UNKNOWN]
