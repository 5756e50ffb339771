"""The event's place in ``dedupe facts``: where the lede, an event word or a dateline puts it."""

from __future__ import annotations

from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def _places(text: str) -> list[tuple[str, str | None, bool]]:
    """The facts view's places of an invented report: name, country, and whether the gazetteer knows it."""
    profile = facts_profile(article_from_text(text, id="t"))
    return [(f.canonical, f.place.country, f.place.known) for f in profile.places if f.place is not None]


def test_a_region_named_for_its_capital_is_placed_in_its_country() -> None:
    text = "The earthquake in Kagoshima Prefecture damaged two hundred homes on Monday, officials said."
    assert _places(text)[:1] == [("Kagoshima Prefecture", "JP", True)]
