"""Tests for dedupe.corpus.index: the SQLite index — idempotent adds, queries, checks, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dedupe.corpus import index as store
from dedupe.corpus.candidates import MAX_BUCKET
from dedupe.corpus.channels import CHANNELS, TEXT, sketch_batch
from dedupe.corpus.index import Index
from dedupe.corpus.records import BATCH_SIZE, decode, encode, entries
from dedupe.errors import IndexStoreError
from dedupe.ingest import build
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import iter_articles, load_articles
from dedupe.models import Article
from dedupe.pair.compare import compare
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS

from fixture_paths import ROOT, SEEDS


def band_rows(articles: list) -> int:
    """The band rows ``articles`` should hold: each one's distinct usable keys."""
    return sum(len({k for k in s.keys.tolist() if k >= 0}) for s in sketch_batch(articles, DEFAULT_SETTINGS))


@pytest.fixture(scope="module")
def seeds() -> list:
    return load_articles([SEEDS])


def test_adding_the_seeds_twice_stores_five_articles(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        first = index.add(seeds)
        second = index.add(seeds)
        assert (first.added, first.unchanged) == (5, 0)
        assert (second.added, second.unchanged, second.replaced) == (0, 5, 0)
        assert len(index) == 5
        assert index.stats().band_rows == band_rows(seeds)
    with Index(tmp_path / "news.db") as reopened:
        assert reopened.ids() == [a.id for a in seeds]


def test_new_text_under_a_stored_id_replaces_it_and_copies_under_new_ids_are_kept(
    tmp_path: Path, seeds: list
) -> None:
    original = seeds[0]
    with Index(tmp_path / "news.db") as index:
        index.add([original, article_from_text(original.text, id="reprint")])
        changed = article_from_text(original.text + "\nA correction was appended later.", id=original.id)
        summary = index.add([changed])
        assert summary.replaced == 1
        assert len(index) == 2
        stored = index.get(original.id)
        assert stored is not None and stored.text.endswith("appended later.")
        # the reprint joined the original's copy group, was promoted when the original was replaced,
        # and the changed text (a copy of it) joined it: only the reprint's band rows are stored
        assert index.stats().band_rows == band_rows([index.get("reprint")])
        assert (index.stats().copy_groups, index.stats().grouped_articles) == (1, 2)


def test_a_text_replaced_within_one_batch_leaves_only_the_new_bands(tmp_path: Path, seeds: list) -> None:
    original = seeds[0]
    changed = article_from_text(seeds[1].text, id=original.id)
    with Index(tmp_path / "news.db") as index:
        summary = index.add([original, changed])  # one batch: the second replaces the first
        assert (summary.added, summary.replaced) == (1, 1)
        orphans = index._db.execute(
            "SELECT COUNT(*) FROM bands WHERE article NOT IN (SELECT rowid FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        assert index.stats().band_rows == band_rows([changed])
        (sketch,) = sketch_batch([seeds[1]], DEFAULT_SETTINGS)
        assert [hit.id for hit in index.lookup(sketch) if "content" in hit.channels] == [original.id]


def test_records_round_trip(seeds: list) -> None:
    for article in seeds:
        back = decode(encode(article))
        assert back == article
        assert back.metadata == article.metadata


def test_remove_deletes_the_article_and_its_bands(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds)
        assert index.remove([seeds[1].id, "missing"]) == 1
        assert seeds[1].id not in index and seeds[0].id in index
        assert index.stats().band_rows == band_rows([a for a in seeds if a.id != seeds[1].id])
        (sketch,) = sketch_batch([seeds[1]], DEFAULT_SETTINGS)
        assert all(hit.id != seeds[1].id for hit in index.lookup(sketch))


def test_query_with_seed_004_finds_its_event_and_not_the_other_talks(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds)
        query = next(a for a in seeds if a.id.startswith("004"))
        result = index.query(query)
    assert result.indexed
    relations = {m.b[:3]: m.relation for m in result.matches}
    assert relations.get("000") == Relation.SAME_EVENT
    assert relations.get("001") in (Relation.SAME_EVENT, Relation.REUSE)
    # a query judges each stored article as `dedupe compare` does, pair by pair (002 and 003 are
    # TRUTH.md's known disagreements of compare alone: tests/test_pair_compare.py)
    for other in ("002", "003"):
        stored = next(a for a in seeds if a.id.startswith(other))
        assert relations.get(other, Relation.UNRELATED) == compare(query, stored).relation
    assert all(m.a == query.id for m in result.matches)
    assert "004" not in relations


def test_lookup_names_exact_copies_first_and_skips_crowded_buckets(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        # stored as a scan stores them (no copy groups), so that the reprint keeps band rows
        index.add_entries(entries([*seeds, article_from_text(seeds[0].text, id="reprint")], DEFAULT_SETTINGS))
        (sketch,) = sketch_batch([seeds[0]], DEFAULT_SETTINGS)
        hits = index.lookup(sketch)
        assert [h.id for h in hits[:2]] == sorted([seeds[0].id, "reprint"])
        distinct = len({k for k in sketch.keys.tolist() if k >= 0})
        assert all(h.channels[0] == "content" and h.shared_keys == distinct for h in hits[:2])
        assert {h.id for h in hits[2:]} <= {a.id for a in seeds[1:]}
        with index._transaction():  # crowd one of the query's text buckets past the cap
            key = int(sketch.keys[0])
            index._db.executemany(
                "INSERT INTO bands VALUES (?, ?)", [(key, 10_000 + n) for n in range(MAX_BUCKET)]
            )
        crowded = index.lookup(sketch)
        assert all(h.shared_keys == distinct - 1 for h in crowded[:2])


def test_query_without_the_article_stored_recognises_an_exact_copy(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds[:1])
        result = index.query(article_from_text(seeds[0].text, id="fresh"))
    assert not result.indexed
    assert [(m.b, m.relation) for m in result.matches] == [(seeds[0].id, Relation.DUPLICATE)]


def test_other_signature_settings_are_refused(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds[:1])
    with pytest.raises(IndexStoreError, match=r"news\.db: .*num_perm 128 \(now 64\)"):
        Index(tmp_path / "news.db", settings=DEFAULT_SETTINGS.updated(num_perm=64))


def test_other_schema_versions_and_foreign_files_are_refused(tmp_path: Path) -> None:
    with Index(tmp_path / "news.db"):
        pass
    with sqlite3.connect(tmp_path / "news.db") as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(IndexStoreError, match="schema version 99"):
        Index(tmp_path / "news.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (x)")
    db.close()
    with pytest.raises(IndexStoreError, match="not a dedupe index"):
        Index(other)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(IndexStoreError, match=r"garbage\.db: not a usable dedupe index"):
        Index(garbage)
    with pytest.raises(IndexStoreError, match="no such index"):
        Index(tmp_path / "missing.db", create=False)


def test_stats_report_compact_band_storage(tmp_path: Path, seeds: list) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds)
        stats = index.stats()
    assert stats.articles == 5
    assert stats.bytes_total >= stats.bytes_articles + stats.bytes_lsh
    assert stats.spec.num_perm == DEFAULT_SETTINGS.num_perm


_WRITER = """
import importlib.util, sys
from dedupe.models import Article
from dedupe.corpus.index import Index
spec = importlib.util.spec_from_file_location("synth", sys.argv[2])
synth = sys.modules["synth"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(synth)
articles = (Article(id=record["id"], text=record["text"]) for _, record in synth.articles(20000, 3))
with Index(sys.argv[1]) as index:
    index.add(articles)
"""


def test_a_killed_add_leaves_whole_articles_only(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(ROOT / "bench" / "synth.py")])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and writer.poll() is None:
            if path.exists() and _count(path) >= 3 * BATCH_SIZE:
                break
            time.sleep(0.05)
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with Index(path) as index:
        stored = index.ids()
        assert len(stored) >= 3 * BATCH_SIZE and len(stored) % BATCH_SIZE == 0  # whole batches
        articles = list(index.articles())
        sketches = sketch_batch(articles, DEFAULT_SETTINGS)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rowids = dict(db.execute("SELECT id, rowid FROM articles").fetchall())
        bands = set(db.execute("SELECT key, article FROM bands").fetchall())
        grouped = dict(db.execute("SELECT member, representative FROM copies").fetchall())
    db.close()
    own = {rowids[s.id]: {(int(k), rowids[s.id]) for k in s.keys if k >= 0} for s in sketches}
    holders = {article for _, article in bands}
    assert holders >= set(own) - set(grouped)  # every stored article outside a copy group holds band rows
    assert bands == set().union(*(own[h] for h in holders))  # holders hold all their keys, none orphaned
    assert set(grouped.values()) <= set(rowids.values()) - set(
        grouped
    )  # groups point at stored representatives
    width = sum(c.bands for c in CHANNELS)
    assert all(len(s.keys) == width and (s.keys[: TEXT.bands] >= 0).all() for s in sketches)


def _count(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _built_only_in_workers(parent: int) -> Callable[..., Article]:
    """``article_from_text`` that fails in the process ``parent``: proof the build ran elsewhere."""

    def build(text: str, **fields: Any) -> Article:
        if os.getpid() == parent:
            raise AssertionError("an article was built in the parent process")
        return article_from_text(text, **fields)

    return build


def test_two_workers_build_the_same_index_and_the_parent_builds_nothing(
    tmp_path: Path, seeds: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [SEEDS, ROOT / "fixtures" / "jsonl" / "ferry_strike.jsonl"]
    with Index(tmp_path / "one.db") as one:
        one.add(iter_articles(paths))
        expected = [(i, one.get(i)) for i in one.ids()]
        band_rows = one.stats().band_rows
    monkeypatch.setattr(build, "article_from_text", _built_only_in_workers(os.getpid()))
    monkeypatch.setattr(store, "BATCH_SIZE", 4)  # several batches: one alone is built here
    with Index(tmp_path / "two.db") as two:
        summary = two.add(iter_articles(paths), jobs=2)
        assert summary.added == len(expected)
        assert [(i, two.get(i)) for i in two.ids()] == expected
        assert two.stats().band_rows == band_rows


def test_entries_carry_what_sketching_and_encoding_give(seeds: list) -> None:
    made = entries(seeds, DEFAULT_SETTINGS)
    for entry, article, sketch in zip(made, seeds, sketch_batch(seeds, DEFAULT_SETTINGS), strict=True):
        assert decode(entry.record) == article
        assert (entry.id, entry.sketch.content_hash, entry.sketch.keys.tolist()) == (
            article.id,
            sketch.content_hash,
            sketch.keys.tolist(),
        )
