"""What an input path stands for: a file, a folder's article files, a glob's matches or stdin; unique ids."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from dedupe.errors import InputError, NoArticlesError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
STREAM_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files read line by line rather than whole (any size: memory holds one chunk)."""


def input_files(raw: str, *, unreadable: list[InputError] | None = None) -> list[str]:
    """Return the files one input path stands for: itself, a folder's article files or a glob's matches.

    A folder (or subfolder) that cannot be listed raises ``InputError``, or with
    ``unreadable`` is appended there while the readable rest is returned.
    """
    if raw == "-":
        return ["-"]
    path = Path(raw)
    if path.is_dir():
        found = sorted(_walk(path, unreadable))
        if not found and unreadable:
            raise unreadable.pop(0)
        if not found:
            raise NoArticlesError(raw, "directory holds no article files (.txt, .md, .html, .json, .jsonl)")
        return [str(p) for p in found]
    if not path.exists() and any(ch in raw for ch in "*?["):
        matches = sorted(glob.glob(raw, recursive=True))  # noqa: PTH207 - Path.glob takes no absolute pattern
        files = [m for m in matches if Path(m).is_file()]
        if not files:
            raise NoArticlesError(raw, "pattern matches no file")
        return files
    return [raw]


def _walk(folder: Path, unreadable: list[InputError] | None) -> Iterator[Path]:
    """Yield the article files under ``folder``; a folder that cannot be listed is reported."""

    def refused(error: OSError) -> None:
        problem = InputError(str(error.filename or folder), f"cannot read directory ({error.strerror})")
        if unreadable is None:
            raise problem
        unreadable.append(problem)

    for root, _, names in os.walk(folder, onerror=refused):
        for name in names:
            file = Path(root, name)
            if file.suffix.lower() in ARTICLE_SUFFIXES and file.is_file():
                yield file


def unique_id(article_id: str, file: str, seen: set[str]) -> str:
    """Return ``article_id``, or a name qualified by ``file`` when taken; record it in ``seen``."""
    base = article_id if article_id not in seen else f"{Path(file).with_suffix('').as_posix()}#{article_id}"
    candidate, counter = base, 2
    while candidate in seen:
        candidate, counter = f"{base}~{counter}", counter + 1
    seen.add(candidate)
    return candidate
