"""Tests for tools/devcorpus.py and the committed development corpus: labels without bodies."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from fixture_paths import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import devcorpus

CORPUS = ROOT / "fixtures" / "realnews"


def rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line]


def test_the_manifest_holds_labels_and_hashes_never_bodies() -> None:
    manifest = rows("manifest.jsonl")
    assert set().union(*(row.keys() for row in manifest)) == {
        *devcorpus.KEPT_FIELDS,
        "sha256",
        "chars",
        "half",
    }
    assert all(re.fullmatch(r"[0-9a-f]{64}", str(row["sha256"])) for row in manifest)
    assert all(isinstance(row["chars"], int) and row["chars"] > 100 for row in manifest)
    for quote in rows("quotes.jsonl"):
        assert set(quote) == {"doc", "start", "end", "sha256", "speaker", "set"}
        assert 0 <= int(quote["start"]) < int(quote["end"])  # type: ignore[call-overload]


def test_the_corpus_is_as_large_and_varied_as_issue_13_asks() -> None:
    manifest = rows("manifest.jsonl")
    assert len(manifest) >= 200
    assert len({row["event"] for row in manifest}) >= 25
    assert len({row["outlet"] for row in manifest}) >= 40
    assert sum(1 for row in manifest if row["language"] != "en") >= 40
    sets = defaultdict(set)
    for quote in rows("quotes.jsonl"):
        if quote["set"]:
            sets[quote["set"]].add(quote["doc"])
    assert sum(1 for docs in sets.values() if len(docs) > 1) >= 20
    assert len(rows("pairs.jsonl")) >= 40


def test_halves_split_by_event_and_keep_the_evaluation_topics_out() -> None:
    manifest = rows("manifest.jsonl")
    halves = defaultdict(set)
    for row in manifest:
        halves[row["event"]].add(row["half"])
    assert all(len(found) == 1 for found in halves.values())
    found_halves = {h for found in halves.values() for h in found}
    assert {"fit", "test"} <= found_halves <= {"fit", "test", "val", "check"}
    for row in manifest:
        words = f"{row['title']} {row['url']} {row['event']}".lower()
        assert "patrushev" not in words


def test_merge_and_verify_round_trip_a_gatherers_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "g1"
    (folder / "bodies").mkdir(parents=True)
    body = "Invented report: the mayor said “we will rebuild the bridge” on Tuesday.\n" * 4
    (folder / "bodies" / "g1-001.txt").write_text(body, encoding="utf-8")
    meta = dict.fromkeys(devcorpus.KEPT_FIELDS, None) | {"id": "g1-001", "event": "bridge", "outlet": "Own"}
    (folder / "docs.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    quote = {"doc": "g1-001", "text": "we will rebuild the bridge", "speaker": "mayor", "set": "s1"}
    (folder / "quotes.jsonl").write_text(json.dumps(quote) + "\n", encoding="utf-8")
    root = tmp_path / "corpus"
    devcorpus.merge([folder], root)
    (merged,) = rows_of(root / "quotes.jsonl")
    assert "text" not in merged
    assert body[merged["start"] : merged["end"]] == "we will rebuild the bridge"
    assert devcorpus.verify(root) == 0
    (root / "bodies" / "g1-001.txt").write_text(body.replace("bridge", "tunnel"), encoding="utf-8")
    assert devcorpus.verify(root) == 1
    assert "missing or changed: g1-001" in capsys.readouterr().out
    assert devcorpus.load(root).docs[0].text is None  # a changed body is never used half-right


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_add_appends_a_whole_half_and_leaves_the_rest_untouched(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    devcorpus.merge([_gatherer(tmp_path, "g1", "bridge")], root)
    before = (root / "manifest.jsonl").read_text(encoding="utf-8")
    devcorpus.add([_gatherer(tmp_path, "v1", "ferry")], "val", root)
    manifest = rows_of(root / "manifest.jsonl")
    assert {(r["id"], r["half"]) for r in manifest} == {
        ("g1-001", json.loads(before)["half"]),
        ("v1-001", "val"),
    }
    assert before.splitlines()[0] in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert [q["doc"] for q in rows_of(root / "quotes.jsonl")] == ["g1-001", "v1-001"]
    assert devcorpus.verify(root) == 0
    with pytest.raises(ValueError, match="already in the corpus: ferry, v1-001"):
        devcorpus.add([_gatherer(tmp_path / "again", "v1", "ferry")], "val", root)


def _gatherer(tmp_path: Path, name: str, event: str) -> Path:
    """A gatherer's folder with one invented report of ``event`` and one quotation in it."""
    folder = tmp_path / name
    (folder / "bodies").mkdir(parents=True)
    body = f"Invented report: the mayor said “we will mend the {event}” on Tuesday.\n" * 4
    (folder / "bodies" / f"{name}-001.txt").write_text(body, encoding="utf-8")
    meta = dict.fromkeys(devcorpus.KEPT_FIELDS, None) | {"id": f"{name}-001", "event": event, "outlet": "Own"}
    (folder / "docs.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    quote = {"doc": f"{name}-001", "text": f"we will mend the {event}", "speaker": "mayor", "set": None}
    (folder / "quotes.jsonl").write_text(json.dumps(quote) + "\n", encoding="utf-8")
    return folder
