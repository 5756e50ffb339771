"""Tests for dedupe.corpus.copies: copies of one story are grouped, compared once, and reported as a group."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.corpus.channels import sketch_batch
from dedupe.corpus.copies import copy_groups, is_copy
from dedupe.corpus.scan import ScanReport, scan, with_pairs
from dedupe.ingest.read import load_articles
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS

from fixture_paths import ROOT

runner = CliRunner()


def syndicate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("syndicate", ROOT / "bench" / "syndicate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("wire") / "wire.jsonl"
    return path, syndicate().write_syndicated(path, 4, 16, 2)


@pytest.fixture(scope="module")
def wire_report(wire: tuple[Path, dict[str, Any]]) -> ScanReport:
    return scan(load_articles([wire[0]]), min_relation="related")


def test_sampled_shingles_find_cut_short_and_wrapped_copies_not_strangers(wire: tuple[Path, Any]) -> None:
    articles = {a.id: a for a in load_articles([wire[0]])}
    sketches = {s.id: s for s in sketch_batch(list(articles.values()), DEFAULT_SETTINGS)}
    full, cut, wrapped, edited = (sketches[f"s00000c{n:03d}"].samples for n in range(4))
    other = sketches["s00001c000"].samples
    assert is_copy(full, cut) and is_copy(full, wrapped) and is_copy(full, edited) and is_copy(cut, wrapped)
    assert not is_copy(full, other)
    assert not is_copy(np.arange(4, dtype=np.uint32), np.arange(4, dtype=np.uint32))  # too short to tell


def test_copy_groups_are_the_planted_stories(wire: tuple[Path, Any], wire_report: ScanReport) -> None:
    groups = copy_groups(sketch_batch(load_articles([wire[0]]), DEFAULT_SETTINGS))
    assert len(groups.members) == 4 and groups.exact_copies >= 4 * 3  # full texts (and furniture stripped)
    found = sorted(sorted((g.representative, *(m.id for m in g.members))) for g in wire_report.copy_groups)
    assert found == sorted(wire[1]["groups"])
    for group in wire_report.copy_groups:
        assert group.earliest is not None and group.latest is not None and group.earliest <= group.latest
        kinds = {m.id[-3:]: m.differences for m in group.members}
        assert all(d == ("exact copy",) for n, d in kinds.items() if int(n) % 4 == 0)
        assert any("stops" in " ".join(d) for n, d in kinds.items() if int(n) % 4 == 1)  # cut short


def test_each_copy_is_compared_once_and_clusters_with_its_representative(wire_report: ScanReport) -> None:
    assert wire_report.articles == 64
    assert (
        wire_report.compared <= 60 + 4 * 3 // 2
    )  # a copy once with its representative, then the four stories
    duplicates = sorted(len(c.members) for c in wire_report.level("duplicate"))
    assert duplicates == [16, 16, 16, 16]
    for cluster in wire_report.level("event"):
        group = next((g for g in wire_report.copy_groups if g.representative in cluster.members), None)
        assert group is not None and {m.id for m in group.members} <= set(cluster.members)


def test_inferred_pairs_are_marked_and_listed_only_on_request(wire_report: ScanReport) -> None:
    assert not [p for p in wire_report.pairs if p.inferred_from]
    every = with_pairs(wire_report, "all").pairs
    inside = [p for p in every if p.a[:6] == p.b[:6]]
    assert len(inside) == 4 * 16 * 15 // 2  # every pair of copies of one story
    assert all(p.relation is Relation.DUPLICATE for p in inside)
    inferred = [p for p in every if p.inferred_from]
    assert len(inferred) == len(every) - len(wire_report.pairs)
    assert {p.reasons[0].code for p in inferred} <= {"exact_copy", "copy_group"}
    assert with_pairs(wire_report, "none").pairs == ()


def test_cli_pairs_option(wire: tuple[Path, Any]) -> None:
    counts = {}
    for mode in ("compared", "all", "none"):
        result = runner.invoke(app, ["scan", str(wire[0]), "-f", "json", "--pairs", mode, "--quiet"])
        assert result.exit_code == 0, result.output
        document = json.loads(result.stdout)
        assert len(document["copy_groups"]) == 4
        counts[mode] = len(document["pairs"])
    assert counts["none"] == 0 < counts["compared"] < counts["all"]
    shown = runner.invoke(app, ["scan", str(wire[0]), "--quiet"]).stdout
    assert "copies-1: copies of one story, 16 articles" in shown and "… and 9 more copies" in shown
