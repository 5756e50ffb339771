"""The speakers ``extract_quotes`` gives a short invented report, for the speaker-rule tests."""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes


def speakers(text: str) -> list[str]:
    """Each quotation's canonical speaker, in order, for ``text`` under a one-word headline."""
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Dam\n\n" + text, id="t"))]
