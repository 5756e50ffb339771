"""Tests for a title written with its country after "of" (dedupe.quotes.office_titles).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.quotes.speaker import UNKNOWN

from quote_speakers import speakers


def test_a_title_of_a_country_is_the_person_the_article_gives_it() -> None:
    text = "Indian Prime Minister Ana Rao opened it.\n\nThe Prime Minister of India said it was “a boon”."
    assert speakers(text) == ["Ana Rao"]


def test_a_title_of_a_state_with_no_known_adjective_is_unknown_not_a_body() -> None:
    text = (
        "President Ivan Velkov visited the dam.\n\n"
        "The President of the Russian Federation said the talks were “useful”."
    )
    assert speakers(text) == [UNKNOWN]
