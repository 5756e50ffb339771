"""Tests for dedupe.corpus.index_groups: a story carried 150 times is one group, queried in one verdict."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dedupe.corpus.channels import sketch_batch
from dedupe.corpus.index import Index
from dedupe.corpus.scan import scan
from dedupe.ingest.build import article_from_text
from dedupe.models import Article
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS

_WORDS = (
    "harbour council ferry timetable winter storm engineers bridge repairs tolls commuters mayor "
    "budget vote river flood barrier contractor delay residents petition district hospital ward "
    "nurses shifts overtime union talks minister visit factory orders export grain harvest rain "
    "farmers prices market lorry drivers depot strike airport runway lights pilots schedule"
).split()


def _story(seed: int, paragraphs: int = 10) -> list[str]:
    """An invented wire story: ``paragraphs`` paragraphs of 40-60 made-up but word-like sentences' words."""
    rng = random.Random(seed)
    story = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 4)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        story.append(" ".join(sentences))
    return story


def _copy(story: list[str], n: int) -> str:
    """The ``n``-th site's copy: in turn full, cut short, wrapped in furniture, or lightly edited."""
    rng = random.Random(f"copy/{n}")
    kind = n % 4
    if kind == 1:  # cut short after 50-80% of its paragraphs
        return "\n\n".join(story[: max(5, round(len(story) * rng.uniform(0.5, 0.8)))])
    if kind == 2:  # wrapped in site furniture, different on every site
        menu = f"Home | News | Region {n} | Sport | Weather | Site {n}"
        plea = f"Subscribe to the Site {n} daily letter for {rng.randint(2, 9)} pounds a month."
        return "\n\n".join([menu, *story, plea, f"Related: site {n} parking plans; site {n} school fair"])
    if kind == 3:  # about 3% of words replaced
        words = "\n\n".join(story).split(" ")
        for at in rng.sample(range(len(words)), k=len(words) // 33):
            words[at] = rng.choice(_WORDS)
        return " ".join(words)
    return "\n\n".join(story)


def _carried(times: int, seed: int = 1) -> list[Article]:
    story = _story(seed)
    return [article_from_text(_copy(story, n), id=f"s{seed}-site{n:03d}") for n in range(times)]


@pytest.fixture(scope="module")
def carried(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index holding one story carried 150 times and two unrelated stories."""
    path = tmp_path_factory.mktemp("copies") / "news.db"
    with Index(path) as index:
        index.add([*_carried(150), *_carried(1, seed=2), *_carried(1, seed=3)])
    return path


def test_a_story_added_150_times_is_one_group_with_the_band_rows_of_one_article(carried: Path) -> None:
    with Index(carried, read_only=True) as index:
        stats = index.stats()
        assert stats.articles == 152
        assert (stats.copy_groups, stats.grouped_articles) == (1, 150)
        representative = index.get("s1-site000")
        assert representative is not None and len(index.members("s1-site000")) == 149
        others = [index.get("s2-site000"), index.get("s3-site000")]
        sketches = sketch_batch([representative, *others], DEFAULT_SETTINGS)
        assert stats.band_rows == sum(
            len(set(s.keys.tolist()) - {-1}) for s in sketches
        )  # copies: no band rows


def test_a_new_copy_is_answered_with_its_group_in_one_verdict(carried: Path) -> None:
    story = _story(1)
    for n, fresh in enumerate([_copy(story, 1001), _copy(story, 1002), _copy(story, 1003)]):
        with Index(carried, read_only=True) as index:
            result = index.query(article_from_text(fresh, id=f"fresh{n}"))
        # the representative and (sharing the invented vocabulary) the two other stories: not 150 copies
        assert result.candidates <= 3
        compared = [m for m in result.matches if m.inferred_from is None and m.b.startswith("s1-")]
        inferred = [m for m in result.matches if m.inferred_from is not None]
        assert [(m.b, m.relation) for m in compared] == [("s1-site000", Relation.DUPLICATE)]
        assert len(inferred) == 149
        assert all(m.inferred_from == "s1-site000" and m.reasons[0].code == "copy_group" for m in inferred)
        assert all(m.relation is Relation.DUPLICATE for m in inferred)


def test_a_new_copy_added_joins_the_group_in_one_text_verdict(carried: Path, tmp_path: Path) -> None:
    import dedupe.corpus.copies as copies

    path = tmp_path / "news.db"
    path.write_bytes(carried.read_bytes())
    calls = []
    original = copies.confirm_copy

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    copies.confirm_copy = counted  # type: ignore[assignment]
    try:
        with Index(path) as index:
            rows = index.stats().band_rows
            index.add([article_from_text(_copy(_story(1), 1003), id="late")])
            assert len(calls) == 1
            assert index.stats().band_rows == rows and "late" in index.members("s1-site000")
    finally:
        copies.confirm_copy = original


def test_removing_the_representative_promotes_a_member(carried: Path, tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    path.write_bytes(carried.read_bytes())
    with Index(path) as index:
        assert index.remove(["s1-site000"]) == 1
        stats = index.stats()
        promoted = index.get("s1-site001")
        assert promoted is not None and len(index.members("s1-site001")) >= 140
        standing = 148 - len(index.members("s1-site001"))  # members that fail against a cut-short copy
        assert (stats.copy_groups, stats.grouped_articles) == (1, 149 - standing)
        result = index.query(article_from_text(_copy(_story(1), 1002), id="fresh"))
        assert result.candidates <= 3 + standing
        assert any(m.b == "s1-site001" and m.inferred_from is None for m in result.matches)
        assert index.remove(index.members("s1-site001")[:3]) == 3  # members leave without a trace
        assert index.stats().grouped_articles == 146 - standing


def _groups(report: object) -> list[tuple[str, tuple[str, ...]]]:
    return [(g.representative, tuple(m.id for m in g.members)) for g in report.copy_groups]  # type: ignore[attr-defined]


def test_scan_of_an_index_with_groups_equals_a_scan_without_one(tmp_path: Path) -> None:
    articles = [*_carried(24), *_carried(1, seed=2), *_carried(8, seed=3)]
    plain = scan(articles)
    with Index(tmp_path / "news.db") as index:
        index.add(articles)
        assert index.stats().copy_groups == 2
        indexed = scan([], index=index)
    assert _groups(indexed) == _groups(plain) and len(_groups(plain)) == 2
    assert indexed.clusters == plain.clusters
    assert indexed.pairs == plain.pairs
