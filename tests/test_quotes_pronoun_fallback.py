"""Tests for "he"/"she" after sentences that name no one subject (dedupe.quotes.pronoun_fallback).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.quotes.speaker import UNKNOWN

from quote_speakers import speakers


def test_she_is_the_subject_of_a_clause_that_opens_after_where() -> None:
    text = (
        "More from the harbour now, where port director Ana Ruiz is thanking her crews.\n\n"
        "“This is your day,” she says."
    )
    assert speakers(text) == ["Ana Ruiz"]


def test_he_after_a_name_that_follows_a_preposition_stays_unknown() -> None:
    text = "Rescuers searched near the home of Mayor Tomas Brill overnight.\n\n“We heard cries,” he said."
    assert speakers(text) == [UNKNOWN]


def test_she_after_a_sentence_with_a_subject_of_its_own_keeps_the_two_sentence_reading() -> None:
    text = (
        "Talks on the port ended in Kelmor, where director Ana Ruiz is based. "
        "Mayor Tomas Brill signed the deal.\n\n“This is your day,” she says."
    )
    assert speakers(text) == ["Tomas Brill"]
