"""Tests for dedupe.corpus.index_groups: a story carried 150 times is one group, queried in one verdict."""

from __future__ import annotations

import functools
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

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


def test_a_story_added_150_times_is_one_group_with_the_band_rows_of_a_few_articles(carried: Path) -> None:
    with Index(carried, read_only=True) as index:
        stats = index.stats()
        assert stats.articles == 152
        assert (stats.copy_groups, stats.grouped_articles) == (1, 150)
        representative = index.get("s1-site000")
        assert representative is not None and len(index.members("s1-site000")) == 149
        others = [index.get("s2-site000"), index.get("s3-site000")]
        sketches = sketch_batch([representative, *others], DEFAULT_SETTINGS)
        least = sum(len(set(s.keys.tolist()) - {-1}) for s in sketches)
        # most copies write no band rows; a few cut-short ones keep theirs as doors into the group
        assert least < stats.band_rows <= least + 10 * len(set(sketches[0].keys.tolist()) - {-1})


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


_HOUSE = "This report was supplied by our wire partners and edited by the {} desk."


def _variants(story: list[str], seed: int) -> dict[str, str]:
    """One invented story as sites carry it: full, cut short at three points, wrapped (twice), with a
    house line added, and lightly edited (twice)."""
    full = "\n\n".join(story)
    return {
        f"t{seed}-full": full,
        f"t{seed}-cut4": "\n\n".join(story[:4]),
        f"t{seed}-cut6": "\n\n".join(story[:6]),
        f"t{seed}-cut8": "\n\n".join(story[:8]),
        f"t{seed}-wrapped": _copy(story, 2),
        f"t{seed}-house": "\n\n".join([*story, _HOUSE.format(f"north{seed}")]),
        f"t{seed}-house-cut": "\n\n".join([*story[:7], _HOUSE.format(f"south{seed}")]),
        f"t{seed}-edited": _copy(story, 3),
        f"t{seed}-wrapped2": _copy(story, 6),
        f"t{seed}-edited2": _copy(story, 7),
    }


@functools.cache
def _feed() -> tuple[list[Article], list[set[str]]]:
    """Three invented stories in ten variants each, and two stories carried once; the plant."""
    articles, planted = [], []
    for seed in (11, 12, 13):
        variants = _variants(_story(seed), seed)
        articles += [article_from_text(text, id=name) for name, text in variants.items()]
        planted.append(set(variants))
    articles += [article_from_text("\n\n".join(_story(seed)), id=f"alone{seed}") for seed in (14, 15)]
    return articles, planted


@functools.cache
def _scanned(articles: tuple[Article, ...]) -> list[set[str]]:
    report = scan(articles)
    return sorted(({g.representative, *(m.id for m in g.members)} for g in report.copy_groups), key=min)


@pytest.fixture(scope="module")
def wire_feed() -> tuple[list[Article], list[set[str]]]:
    return _feed()


def _partition(index: Index) -> list[set[str]]:
    return sorted(({rep, *members} for rep, members in index.copy_groups().items()), key=min)


@pytest.fixture(scope="module")
def scanned_groups(wire_feed: tuple[list[Article], list[set[str]]]) -> list[set[str]]:
    return _scanned(tuple(wire_feed[0]))


def test_the_scan_finds_the_planted_stories(
    wire_feed: tuple[list[Article], list[set[str]]], scanned_groups: list[set[str]]
) -> None:
    assert scanned_groups == wire_feed[1]


@pytest.mark.parametrize(
    "first", ["cut4", "house-cut", "wrapped", "edited"], ids=str
)  # a variant that is not the story's full text arrives first
def test_a_short_or_wrapped_first_copy_does_not_split_its_story(
    wire_feed: tuple[list[Article], list[set[str]]], first: str, tmp_path: Path
) -> None:
    articles = sorted(wire_feed[0], key=lambda a: (not a.id.endswith(f"-{first}"), a.id))
    with Index(tmp_path / "news.db") as index:
        index.add(articles)
        assert _partition(index) == wire_feed[1]
        # the representative is re-picked as the scan picks it: the story's full text, not the first to arrive
        assert sorted(index.copy_groups()) == ["t11-full", "t12-full", "t13-full"]


@given(shuffle=st.integers(min_value=0, max_value=2**32 - 1))
@hypothesis_settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failing order is printed; shrinking it takes minutes
)
def test_index_groups_equal_the_scans_in_any_order_of_arrival(shuffle: int) -> None:
    articles, _ = _feed()
    arrived = random.Random(shuffle).sample(articles, len(articles))
    with tempfile.TemporaryDirectory() as folder, Index(Path(folder) / "news.db") as index:
        index.add(arrived[:16])  # two adds: groups carry over from one process's add to the next
        index.add(arrived[16:])
        assert _partition(index) == _scanned(tuple(articles))


def test_a_copy_bridging_two_groups_merges_them(tmp_path: Path) -> None:
    story = _story(22, paragraphs=12)  # each half shares text band keys with the whole
    head = article_from_text("\n\n".join(story[:6]), id="head")
    tail = article_from_text("\n\n".join(story[6:]), id="tail")
    whole = article_from_text("\n\n".join(story), id="whole")
    with Index(tmp_path / "news.db") as index:
        index.add([head, tail])
        assert index.copy_groups() == {}  # two halves of a story share no text
        index.add([whole])
        assert index.copy_groups() == {"whole": ["head", "tail"]}  # one group, led by the whole story


def test_a_scan_with_an_index_adds_its_new_articles_to_copy_groups(
    wire_feed: tuple[list[Article], list[set[str]]], scanned_groups: list[set[str]], tmp_path: Path
) -> None:
    articles = wire_feed[0]
    with Index(tmp_path / "news.db") as index:
        index.add(articles[::2])
        report = scan(articles[1::2], index=index)
        assert _partition(index) == scanned_groups  # as if every article had come by `index add`
    assert sorted(({g.representative, *(m.id for m in g.members)} for g in report.copy_groups), key=min) == (
        scanned_groups
    )
