"""Tests for dedupe.ingest.inputs: folders, globs, unreadable subfolders and ids unique across folders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.read import (
    load_articles,
)

from fixture_paths import SEEDS


def test_empty_directory_and_empty_glob_are_no_articles_errors(tmp_path: Path) -> None:
    with pytest.raises(NoArticlesError, match="holds no article files"):
        load_articles([tmp_path])
    with pytest.raises(NoArticlesError, match="pattern matches no file"):
        load_articles([str(tmp_path / "*.jsonl")])


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for relative in ("b/zeta.txt", "a/deep/beta.md", "a/alpha.txt", "gamma.TXT", "notes.csv"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"Headline of {path.stem}\n\nThe body of {path.stem} says something new.\n", encoding="utf-8"
        )
    articles = load_articles([tmp_path])
    assert [a.id for a in articles] == ["alpha", "beta", "zeta", "gamma"]
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in articles] == [
        "a/alpha.txt",
        "a/deep/beta.md",
        "b/zeta.txt",
        "gamma.TXT",
    ]


def test_duplicate_stems_across_folders_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("monday", "tuesday", "wednesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story of {folder}\n\nIt happened on {folder}.\n")
    ids = [a.id for a in load_articles([tmp_path])]
    assert ids[0] == "story"
    assert len(set(ids)) == 3
    assert "tuesday" in ids[1] and "wednesday" in ids[2]


def test_glob_expands_to_sorted_files(seed_paths: dict[str, Path]) -> None:
    articles = load_articles([str(SEEDS / "00[13]_*.txt")])
    assert [a.id for a in articles] == [seed_paths["001"].stem, seed_paths["003"].stem]


def test_an_unreadable_subfolder_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.txt").write_text("A readable article about the harbour.")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # root reads every folder: refuse this one as chmod 000 would
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(InputError, match="locked: cannot read directory"):
        load_articles([tmp_path])
    problems: list[InputError] = []
    assert [a.id for a in load_articles([tmp_path], skip_bad=True, problems=problems)] == ["ok"]
    assert [Path(p.source).name for p in problems] == ["locked"]
