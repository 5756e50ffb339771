"""Tests for dedupe.pair.copy_extent and the verdict on cut-short and wrapped copies."""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.pair.compare import compare
from dedupe.pair.verdict import Relation

STORY = " ".join(
    f"Paragraph {n} of the wire story says the committee met for the {n}th time and agreed on plan {n}."
    for n in range(1, 13)
)
FURNITURE = "Subscribe to our newsletter. Follow us on all networks. Advertisement. " * 3
OWN_WORDS = " ".join(f"Local columnist adds view {n} on regional traffic and weather." for n in range(1, 13))


def relation(a: str, b: str) -> tuple[Relation, list[str]]:
    report = compare(article_from_text(a, id="a"), article_from_text(b, id="b"))
    return report.relation, [r.code for r in report.reasons]


def test_a_feed_that_stops_early_is_a_duplicate_and_says_where_it_stops() -> None:
    cut = STORY[: len(STORY) // 2].rsplit(".", 1)[0] + "."
    found, _ = relation(STORY, cut)
    assert found is Relation.DUPLICATE
    report = compare(article_from_text(STORY, id="a"), article_from_text(cut, id="b"))
    copy = next(r for r in report.reasons if r.code == "cut_or_wrapped_copy")
    assert "B stops" in copy.text


def test_a_copy_wrapped_in_furniture_is_a_duplicate() -> None:
    found, _ = relation(STORY, FURNITURE + "\n\n" + STORY + "\n\n" + FURNITURE)
    assert found is Relation.DUPLICATE


def test_a_story_taken_into_a_longer_own_text_is_reuse_not_a_copy() -> None:
    half = STORY[: len(STORY) // 3].rsplit(".", 1)[0] + "."
    found, codes = relation(STORY, OWN_WORDS + " " + half + " " + OWN_WORDS)
    assert found is Relation.REUSE
    assert "cut_or_wrapped_copy" not in codes
