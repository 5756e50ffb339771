"""The conflict flags ``compare_facts`` raises between two invented reports, as (slot, A, B)."""

from __future__ import annotations

from dedupe.evidence.facts import compare_facts
from dedupe.ingest.build import article_from_text

CONFLICTS = frozenset(("conflict", "number_mismatch", "date_mismatch"))


def conflicts(a_text: str, b_text: str) -> list[tuple[str, str, str]]:
    """Return the slot and both values of each conflict flag between the two texts."""
    a, b = article_from_text(a_text, id="a"), article_from_text(b_text, id="b")
    return [(f.slot, f.a_value, f.b_value) for f in compare_facts(a, b) if f.kind in CONFLICTS]
