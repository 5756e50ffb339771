"""Tests for dedupe.corpus.scan (the scan), its renderers and the `dedupe scan` / `dedupe index` commands."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.corpus import scan as corpus
from dedupe.corpus import scan_tasks, verify
from dedupe.corpus.index import Index
from dedupe.corpus.scan import ScanReport, scan, with_pairs
from dedupe.errors import SettingsError
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import iter_articles, load_articles
from dedupe.models import Article
from dedupe.pair.verdict import Relation
from dedupe.report.scan import SCAN_FORMATS, render_scan
from dedupe.settings import DEFAULT_SETTINGS

from fixture_paths import SEEDS

runner = CliRunner()


def short(members: tuple[str, ...]) -> set[str]:
    return {m.split("_")[0] for m in members}


def edited(article: Article, new_id: str) -> Article:
    """A lightly edited copy: a handful of words changed, as a sub-editor would."""
    text = article.text
    for old, new in (("said", "stated"), ("Monday", "Tuesday"), ("talks", "meeting")):
        text = text.replace(old, new, 1)
    return article_from_text(text, id=new_id)


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return load_articles([SEEDS])


@pytest.fixture(scope="module")
def seed_report(seeds: list[Article]) -> ScanReport:
    return scan(iter(seeds))


def with_copies(seeds: list[Article]) -> list[Article]:
    """The seeds, exact copies of 000 and 002, and lightly edited copies of 000 and 004."""
    by_number = {a.id[:3]: a for a in seeds}
    return [
        *seeds,
        article_from_text(by_number["000"].text, id="000x_exact"),
        edited(by_number["000"], "000e_edited"),
        article_from_text(by_number["002"].text, id="002x_exact"),
        edited(by_number["004"], "004e_edited"),
    ]


@pytest.fixture(scope="module")
def copies_report(seeds: list[Article]) -> ScanReport:
    return scan(with_copies(seeds), min_relation="related")


def test_seeds_give_exactly_three_event_clusters(seed_report: ScanReport) -> None:
    events = [short(c.members) for c in seed_report.level("event")]
    assert sorted(events, key=sorted) == [{"000", "001", "004"}, {"002"}, {"003"}]
    assert seed_report.level("duplicate") == ()
    assert seed_report.articles == 5 and seed_report.exact_copies == 0


def test_the_event_cluster_is_described(seed_report: ScanReport) -> None:
    (cluster,) = [c for c in seed_report.level("event") if len(c.members) == 3]
    assert cluster.representative in cluster.members
    assert cluster.links >= 2
    assert any("Patrushev" in name for name in cluster.entities) or "China" in cluster.entities
    assert cluster.quote_groups and all(len(q.articles) > 1 for q in cluster.quote_groups)
    assert all(pair.relation.strength >= Relation.SAME_EVENT.strength for pair in seed_report.pairs)


def test_copies_form_duplicate_groups_inside_the_right_event(copies_report: ScanReport) -> None:
    events = {frozenset(short(c.members)): c.id for c in copies_report.level("event")}
    assert set(events) == {
        frozenset({"000", "000x", "000e", "001", "004", "004e"}),
        frozenset({"002", "002x"}),
        frozenset({"003"}),
    }
    duplicates = {frozenset(short(c.members)): c for c in copies_report.level("duplicate")}
    assert set(duplicates) == {
        frozenset({"000", "000x", "000e"}),
        frozenset({"002", "002x"}),
        frozenset({"004", "004e"}),
    }
    for members, cluster in duplicates.items():
        parent = next(eid for event, eid in events.items() if members <= event)
        assert cluster.parent == parent
    assert copies_report.exact_copies == 2
    reuse = {frozenset(c.members) for c in copies_report.level("reuse")}
    assert not reuse & {frozenset(c.members) for c in copies_report.level("duplicate")}  # no repeats


def test_copies_form_copy_groups_compared_with_their_representative(copies_report: ScanReport) -> None:
    groups = {
        frozenset(short((g.representative, *(m.id for m in g.members)))): g for g in copies_report.copy_groups
    }
    assert set(groups) == {
        frozenset({"000", "000x", "000e"}),
        frozenset({"002", "002x"}),
        frozenset({"004", "004e"}),
    }
    assert [g.id for g in copies_report.copy_groups] == ["copies-1", "copies-2", "copies-3"]
    for group in copies_report.copy_groups:
        for member in group.members:
            assert member.link.relation is Relation.DUPLICATE and member.link.inferred_from is None
            assert {member.link.a, member.link.b} == {member.id, group.representative}
            assert (
                member.differences == ("exact copy",)
                if member.exact
                else member.differences[0].startswith("edited")
            )
    assert {m.id[:4] for g in copies_report.copy_groups for m in g.members if m.exact} == {"000x", "002x"}
    copies = {m.id for g in copies_report.copy_groups for m in g.members}
    links = {(m.link.a, m.link.b) for g in copies_report.copy_groups for m in g.members}
    assert {
        (p.a, p.b) for p in copies_report.pairs if p.a in copies or p.b in copies
    } == links  # compared only


def test_exact_copies_inherit_verdicts_and_say_so(copies_report: ScanReport) -> None:
    everything = with_pairs(copies_report, "all").pairs
    inferred = [p for p in everything if p.inferred_from]
    assert inferred and not [p for p in copies_report.pairs if p.inferred_from]
    assert all(p.reasons[0].code in ("exact_copy", "copy_group") for p in inferred)
    assert any({p.a[:4], p.b[:4]} == {"000x", "001_"} and p.reasons[0].code == "exact_copy" for p in inferred)
    assert any({p.a[:4], p.b[:4]} == {"000e", "001_"} and p.reasons[0].code == "copy_group" for p in inferred)
    assert any({p.a[:4], p.b[:4]} == {"000e", "000x"} for p in inferred)  # two copies of one story
    assert len({(p.a, p.b) for p in everything}) == len(everything)
    assert len(copies_report.pairs) == copies_report.compared  # related or stronger: all of them listed
    assert copies_report.compared < 15 < len(everything)


def test_pairs_option_lists_none_or_every_pair(copies_report: ScanReport) -> None:
    assert with_pairs(copies_report, "none").pairs == ()
    assert with_pairs(copies_report, "compared") == copies_report
    every = {frozenset((p.a, p.b)) for p in with_pairs(copies_report, "all").pairs}
    ids = sorted({a for g in copies_report.clusters for a in g.members})
    same_event = [c.members for c in copies_report.level("event") if len(c.members) > 1]
    assert every >= {frozenset((x, y)) for members in same_event for x in members for y in members if x < y}
    with pytest.raises(SettingsError):
        with_pairs(copies_report, "some")
    assert len(ids) == 9


@pytest.fixture
def small_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even the seeds into several read batches and verification tasks, so workers get them."""
    monkeypatch.setattr(corpus, "BATCH_SIZE", 2)
    monkeypatch.setattr(scan_tasks, "TASK_ROWS", 2)


@pytest.mark.usefixtures("small_tasks")
def test_two_worker_processes_give_the_same_report(seeds: list[Article], copies_report: ScanReport) -> None:
    assert scan(with_copies(seeds), min_relation="related", jobs=2) == copies_report


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_component_split_into_chunks_gives_the_same_report(
    monkeypatch: pytest.MonkeyPatch, seeds: list[Article], copies_report: ScanReport, jobs: int
) -> None:
    monkeypatch.setattr(corpus, "SPLIT_PAIRS", 1)  # every component with two pairs or more is split
    monkeypatch.setattr(scan_tasks, "CHUNK_PAIRS", 2)
    stages: list[tuple[str, int, int | None]] = []
    split = scan(with_copies(seeds), min_relation="related", jobs=jobs, progress=lambda *s: stages.append(s))
    assert split == copies_report
    compare = [done for stage, done, _ in stages if stage == "compare"]
    assert compare == sorted(compare) and compare[-1] == copies_report.compared
    clustered = [(done, total) for stage, done, total in stages if stage == "cluster"]
    assert clustered[-1][1] and clustered[-1][0] == clustered[-1][1]  # each split component clustered once


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    """24 rewrites of 3 invented reports (``bench/dense.py``): one candidate component, 3 events."""
    folder = tmp_path_factory.mktemp("dense") / "corpus"
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "bench"))
        from dense import write_dense  # type: ignore[import-not-found]

        write_dense(folder, 24, 3)
    return load_articles([str(folder)])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_large_component_clustered_in_pieces_gives_the_same_report(
    monkeypatch: pytest.MonkeyPatch, dense: list[Article], jobs: int
) -> None:
    # Above ALL_PAIRS_LIMIT a component is clustered over its links alone: lowered here, so
    # that a small component is "large" whether verified whole or compared in chunks.
    for module in (scan_tasks, verify):
        monkeypatch.setattr(module, "ALL_PAIRS_LIMIT", 2)
    whole = scan(dense, min_relation="unrelated")
    monkeypatch.setattr(corpus, "SPLIT_PAIRS", 1)  # compared in chunks, then clustered in pieces
    monkeypatch.setattr(scan_tasks, "CHUNK_PAIRS", 20)
    monkeypatch.setattr(scan_tasks, "TASK_ROWS", 1)  # each piece a task of its own
    stages: list[tuple[str, int, int | None]] = []
    pieces = scan(dense, min_relation="unrelated", jobs=jobs, progress=lambda *s: stages.append(s))
    assert pieces == whole
    events = [c for c in whole.level("event") if len(c.members) > 1]
    assert len(events) == 3 and any(p.relation.strength < Relation.SAME_EVENT.strength for p in whole.pairs)
    clustered = [total for stage, _, total in stages if stage == "cluster"]
    assert clustered[-1] == len(events)  # one component, clustered in one task per event


@pytest.mark.parametrize("jobs", [1, 2])
def test_chunks_taken_tile_by_tile_out_of_work_order_give_the_same_report(
    monkeypatch: pytest.MonkeyPatch, dense: list[Article], jobs: int
) -> None:
    whole = scan(dense, min_relation="unrelated")
    monkeypatch.setattr(corpus, "SPLIT_PAIRS", 1)
    monkeypatch.setattr(scan_tasks, "CHUNK_PAIRS", 7)
    monkeypatch.setattr(scan_tasks, "TILE_ROWS", 3)  # a chunk's pairs are not consecutive in the work
    assert scan(dense, min_relation="unrelated", jobs=jobs) == whole


def test_a_large_component_counts_only_the_pairs_it_compared(
    monkeypatch: pytest.MonkeyPatch, dense: list[Article]
) -> None:
    # Above ALL_PAIRS_LIMIT the candidates are a sample: clustering must not read a pair never
    # compared as unlinked. Here every level is grouped by sampled_groups, over the compared pairs.
    levels: list[tuple[str, int]] = []
    grouped = verify.sampled_groups

    def spy(ids: list[str], links: list[Any], level: str) -> list[tuple[str, ...]]:
        levels.append((level, len(links)))
        return grouped(ids, links, level)

    monkeypatch.setattr(verify, "sampled_groups", spy)
    for module in (scan_tasks, verify):
        monkeypatch.setattr(module, "ALL_PAIRS_LIMIT", 2)
    report = scan(dense, min_relation="unrelated")
    assert [level for level, _ in levels] == ["duplicate", "reuse", "event"]
    assert {count for _, count in levels} == {report.compared}  # every compared pair, linked or not
    monkeypatch.setattr(verify, "ALL_PAIRS_LIMIT", 300)
    monkeypatch.setattr(scan_tasks, "ALL_PAIRS_LIMIT", 300)
    levels.clear()
    scan(dense, min_relation="unrelated")
    assert levels == []  # within the limit, events over every pair; copies by groups()


def test_a_component_within_the_all_pairs_limit_is_clustered_whole(
    monkeypatch: pytest.MonkeyPatch, seeds: list[Article]
) -> None:
    monkeypatch.setattr(corpus, "SPLIT_PAIRS", 1)
    monkeypatch.setattr(scan_tasks, "CHUNK_PAIRS", 2)
    monkeypatch.setattr(scan_tasks, "TASK_ROWS", 1)
    stages: list[tuple[str, int, int | None]] = []
    scan(with_copies(seeds), min_relation="unrelated", progress=lambda *s: stages.append(s))
    assert [total for stage, _, total in stages if stage == "cluster"][-1] == 1  # events need every pair


def test_json_lists_members_and_level(seed_report: ScanReport) -> None:
    document = json.loads(render_scan(seed_report, "json"))
    assert document["kind"] == "scan" and document["schema_version"] >= 1
    assert {c["level"] for c in document["clusters"]} == {"event"}
    assert sorted(len(c["members"]) for c in document["clusters"]) == [1, 1, 3]
    assert document["min_relation"] == "same_event"


def test_every_format_renders(copies_report: ScanReport) -> None:
    outputs = {fmt: render_scan(copies_report, fmt) for fmt in SCAN_FORMATS}
    lines = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert lines[0]["kind"] == "scan"
    assert sum(1 for line in lines if line["kind"] == "cluster") == len(copies_report.clusters)
    assert sum(1 for line in lines if line["kind"] == "pair") == len(copies_report.pairs)
    rows = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert len(rows) == len(copies_report.pairs)
    assert {row["relation"] for row in rows} <= {r.value for r in Relation}
    assert "\n## duplicate-1: duplicate, " in outputs["md"]
    assert "\nduplicate-1: duplicate, " in outputs["table"]
    assert max(len(line) for line in outputs["table"].splitlines()) <= 80


def test_table_shows_facts_that_differ_per_event_cluster(seed_report: ScanReport) -> None:
    (event,) = [c for c in seed_report.clusters if len(c.members) == 3]
    flagged = {(f.a_id[:3], f.b_id[:3]): {(x.slot, x.kind) for x in f.flags} for f in event.facts}
    assert ("place", "conflict") in flagged[("001", "004")]
    assert ("counterpart", "conflict") in flagged[("000", "001")]
    table = render_scan(seed_report, "table")
    assert "fact differs — place, reports disagree: “Nanping”" in table
    assert "Nanping" in event.entities  # distinctive names come before China or Russia
    assert "China" not in event.entities[:4]


def test_scanning_an_index_gives_the_same_clusters(
    tmp_path: Path, seeds: list[Article], seed_report: ScanReport
) -> None:
    with Index(tmp_path / "news.db") as index:
        index.add(seeds[:2])
        report = scan(seeds[2:], index=index)
        assert len(index) == 5
    assert [c.members for c in report.clusters] == [c.members for c in seed_report.clusters]


def test_an_index_refuses_other_signature_settings(tmp_path: Path) -> None:
    with Index(tmp_path / "news.db") as index, pytest.raises(SettingsError, match="num_perm"):
        scan([], index=index, settings=DEFAULT_SETTINGS.updated(num_perm=64))


def test_cli_scan_writes_json_and_fails_on_request(tmp_path: Path, seeds: list[Article]) -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json", "--fail-on", "duplicate"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["clusters"]) == 3
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in seeds[:2]:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (folder / "copy.txt").write_text(seeds[0].text, encoding="utf-8")
    out = tmp_path / "report.csv"
    result = runner.invoke(app, ["scan", str(folder), "-f", "csv", "-o", str(out), "--fail-on", "duplicate"])
    assert result.exit_code == 1
    assert "duplicate" in out.read_text(encoding="utf-8")
    assert result.stderr.splitlines()[-1].startswith("Scanned 3 articles: ")  # the summary, last


def test_cli_scan_prints_plain_progress_lines_and_a_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEDUPE_PROGRESS_INTERVAL", "0.01")
    monkeypatch.setattr(scan_tasks, "TASK_ROWS", 1)
    slow = verify.verify_component

    def verify_slowly(*args: Any) -> Any:
        time.sleep(0.05)  # a few progress lines' worth per component, whatever the machine
        return slow(*args)

    monkeypatch.setattr(scan_tasks, "verify_component", verify_slowly)
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    progress = [line for line in lines if line.startswith("progress: ")]
    assert len(progress) >= 2
    assert any(line.startswith("progress: compare ") and "/10 pairs" in line for line in progress)
    assert all("elapsed " in line for line in progress)
    assert re.fullmatch(r"Scanned 5 articles: 10 pairs compared, 1 cluster, in \d+\.\ds\.", lines[-1])
    json.loads(result.stdout)  # stdout is the report alone


def test_cli_scan_quiet_prints_nothing_on_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEDUPE_PROGRESS_INTERVAL", "0.01")
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_cli_scan_needs_paths_or_an_index() -> None:
    result = runner.invoke(app, ["scan"])
    assert result.exit_code == 2
    assert "Error: give PATH" in result.stderr


def test_cli_index_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert "added 5" in runner.invoke(app, ["index", "add", str(SEEDS), "--db", db]).stdout
    assert "unchanged 5" in runner.invoke(app, ["index", "add", str(SEEDS), "--db", db]).stdout
    query = runner.invoke(
        app, ["index", "query", str(SEEDS / "004_6b7b728a0a1fe40e.txt"), "--db", db, "-f", "json"]
    )
    assert query.exit_code == 0, query.output
    answer = json.loads(query.stdout)
    assert answer["indexed"] is True
    assert {m["b"][:3]: m["relation"] for m in answer["matches"]}.get("000") == "same_event"
    stats = runner.invoke(app, ["index", "stats", "--db", db, "-f", "json"])
    assert json.loads(stats.stdout)["articles"] == 5
    removed = runner.invoke(app, ["index", "remove", "004_6b7b728a0a1fe40e", "--db", db])
    assert "removed 1 of 1" in removed.stdout
    scanned = runner.invoke(app, ["scan", "--db", db, "-f", "json"])
    assert sorted(len(c["members"]) for c in json.loads(scanned.stdout)["clusters"]) == [1, 1, 2]
    missing = runner.invoke(app, ["index", "stats", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such index" in missing.stderr


@pytest.mark.usefixtures("small_tasks")
def test_a_stream_built_in_two_workers_gives_the_same_report(seed_report: ScanReport) -> None:
    assert scan(iter_articles([SEEDS]), jobs=2) == seed_report
