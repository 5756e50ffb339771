"""Tests for dedupe.quotes.readouts: an embedded post whose signature is printed apart (the
paragraph ending on its image link is a statement, the next paragraph's name its author)."""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

POST = "Today we agreed on a new plan for the harbour. pic.twitter.com/AbC123"


def _said(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.canonical_speaker) for q in extract_quotes(Article(id="x", text=text, language="es"))]


def test_a_post_signed_in_the_next_paragraph_is_its_authors() -> None:
    text = f"La reunión terminó tarde.\n\n{POST}\n\n— Lena Ortega (@lenaortega) March 3, 2025\n\nLuego habló."
    assert _said(text) == [("Today we agreed on a new plan for the harbour.", "Lena Ortega")]


def test_an_unsigned_post_is_found_and_nobody_is_credited() -> None:
    text = f"La reunión terminó tarde.\n\n{POST}\n\nLa alcaldesa Lena Ortega habló después."
    assert _said(text) == [("Today we agreed on a new plan for the harbour.", "unknown")]


def test_a_link_inside_a_paragraph_makes_no_post() -> None:
    text = "La foto (pic.twitter.com/AbC123) circuló mucho.\n\nLa alcaldesa habló después."
    assert _said(text) == []
