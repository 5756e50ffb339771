"""Each report's side of a fact comparison is read once: the flags are exactly the uncached ones."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from dedupe.evidence.clock_comparison import clock_flags, lede_time, time_flags
from dedupe.evidence.facts import ArticleFacts, article_facts, compare_facts
from dedupe.evidence.facts_lede import lede_sentences
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_file
from dedupe.models import Article
from dedupe.pair.compare import analyze

FACTS = Path(__file__).resolve().parent.parent / "fixtures" / "facts"

# Two invented reports of one launch that differ on its clock time, its place, its toll and
# who was there; every slot ``compare_facts`` reads has something to flag.
LAUNCH_A = (
    "Northland launched its first weather satellite from Kestrel Point on Thursday.\n\n"
    "The rocket lifted off at 06:15 local time, space agency chief Mara Ellison said.\n\n"
    "Ellison met engineer Tomas Varga at the launch site, where 12 workers were injured."
)
LAUNCH_B = (
    "Northland launched its first weather satellite from Beijing on Friday.\n\n"
    "The rocket lifted off at 07:40 a.m. local time, space agency chief Mara Elisson said.\n\n"
    "Elisson met engineer Ilse Brandt at the launch site, where 15 workers were injured."
)


def _fixture(name: str) -> Article:
    [article] = load_file(str(FACTS / f"{name}.txt"))
    return article


@pytest.fixture(scope="module")
def reports(seeds: dict[str, Article]) -> list[Article]:
    """The seeds, the fact fixtures and the two launch reports."""
    own = [article_from_text(LAUNCH_A, id="launch_a"), article_from_text(LAUNCH_B, id="launch_b")]
    return [*seeds.values(), *(_fixture(n) for n in ("fire_a", "fire_b", "talks_a", "talks_b")), *own]


def test_launch_reports_raise_flags_in_several_slots(reports: list[Article]) -> None:
    a, b = reports[-2:]
    slots = {f.slot for f in compare_facts(a, b)}
    assert {"number", "date", "counterpart", "participant"} <= slots  # pairs below differ on flags


def test_per_article_views_give_exactly_the_uncached_flags(reports: list[Article]) -> None:
    views = {r.id: article_facts(r) for r in reports}
    for a, b in permutations(reports, 2):
        assert compare_facts(a, b, views=(views[a.id], views[b.id])) == compare_facts(a, b), (a.id, b.id)


def test_analysis_keeps_one_view_and_gives_the_uncached_flags(reports: list[Article]) -> None:
    analysed = {r.id: analyze(r) for r in reports}
    for a, b in permutations(reports, 2):
        fa, fb = analysed[a.id], analysed[b.id]
        assert compare_facts(a, b, views=(fa.facts(), fb.facts())) == compare_facts(a, b), (a.id, b.id)
    first = analysed[reports[0].id]
    assert first.facts() is first.facts()  # computed once, then kept
    assert isinstance(first.facts(), ArticleFacts)
    # the analysis's places and dates (``event_place_date``) are the facts view's own
    assert all(f.facts().profile == facts_profile(f.article) for f in analysed.values())


def test_clock_flags_read_from_lede_times_match_the_pairwise_call(reports: list[Article]) -> None:
    a, b = reports[-2:]
    assert time_flags(lede_time(a), lede_time(b)) == clock_flags(a, b) != []


def test_a_lede_read_twice_is_the_same_and_a_changed_text_is_read_anew() -> None:
    article = article_from_text(LAUNCH_A, id="a")
    first = [(span, [t.text for t in tokens]) for span, tokens in lede_sentences(article)]
    assert [(span, [t.text for t in tokens]) for span, tokens in lede_sentences(article)] == first
    other = article_from_text(LAUNCH_B, id="a")
    (opening, *_) = [span.slice(other.text) for span, _ in lede_sentences(other)]
    assert opening.endswith("from Beijing on Friday.")
