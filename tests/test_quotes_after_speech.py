"""Tests for a quotation closing its paragraph after reported speech (dedupe.quotes.after_speech).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN

MAYORS = "Maria Oduya, the mayor of Tarnwell, met Piet Morrow, the mayor of Elsby, on Friday.\n\n"


def _fragments(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Talks\n\n" + text, id="t"))]


def test_a_quotation_after_reported_speech_in_its_paragraph_is_the_reporters_speaker() -> None:
    text = MAYORS + "Oduya said she would not leave the town. “I have packed a bag and I am ready.”"
    assert _fragments(text) == ["Maria Oduya"]


def test_a_quotation_after_a_bodys_reported_speech_stays_unknown() -> None:
    text = MAYORS + "The council said the bridge would open. “It is safe for all.”"
    assert _fragments(text) == [UNKNOWN]


def test_a_quotation_that_does_not_close_its_paragraph_is_not_carried_from_reported_speech() -> None:
    text = MAYORS + "Oduya said she would not leave. “I am ready.” Morrow was not so sure."
    assert _fragments(text) == [UNKNOWN]
