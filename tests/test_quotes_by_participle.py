"""Tests for words a clause's subject says "by saying" (dedupe.quotes.by_participle).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN

LEAD = "Ostravan Governor Ivan Velkov hosted Mayor Ana Ruiz in Kelmor on Monday.\n\n"


def _speakers(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Visit\n\n" + text, id="t"))]


def test_by_saying_after_where_gives_the_words_to_that_clauses_subject() -> None:
    text = LEAD + "The visit began at noon, where the Ostravan governor met her by saying, “You are home.”"
    assert _speakers(text) == ["Ivan Velkov"]


def test_by_claiming_gives_a_fragment_to_the_body_the_sentence_opens_with() -> None:
    text = LEAD + "The Kelmor Council defended the levy by claiming it only served “to mend the roads”."
    assert _speakers(text) == ["Kelmor Council"]


def test_by_saying_after_a_subject_that_does_not_resolve_stays_unknown() -> None:
    text = LEAD + "Neighbours in Kelmor greeted the pair by saying, “You are both welcome.”"
    assert _speakers(text) == [UNKNOWN]
