"""Tests for dedupe.ingest.jsonl: a streamed dump reads as the whole file does, and fails before yielding."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from dedupe.errors import InputError
from dedupe.ingest import jsonl
from dedupe.ingest.read import (
    InputWarning,
    _read_whole,
    iter_articles,
    load_file,
)


def _dump(path: Path, lines: list[str], *, ending: str = "\n", bom: bool = False) -> Path:
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + ending.join(lines).encode())
    return path


@pytest.mark.parametrize("chunk", [3, 7, 1 << 20])
@pytest.mark.parametrize(("ending", "bom"), [("\n", False), ("\r\n", True), ("\r", False)], ids=str)
def test_jsonl_streams_to_what_reading_it_whole_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, ending: str, bom: bool
) -> None:
    records = [
        {
            "id": "a",
            "text": "Ferry crews walked out.\r\nTalks resume\u00a0on Monday.",
            "title": "Strike",
        },
        {"text": "Second report of the strike, with a date.", "published": "2023-03-14", "tag": 1},
        {"id": "c", "text": "Third line " * 40},
    ]
    lines = [json.dumps(records[0], ensure_ascii=False), "", "  ", *map(json.dumps, records[1:])]
    path = _dump(tmp_path / "dump.jsonl", lines, ending=ending, bom=bom)
    whole = [r.build() for r in _read_whole(str(path))]
    monkeypatch.setattr(jsonl, "_CHUNK", chunk)
    monkeypatch.setattr(Path, "read_bytes", _no_whole_reads)
    streamed = load_file(str(path))
    assert streamed == whole
    assert [a.id for a in streamed] == ["a", "dump-4", "c"]  # line numbers count blank lines


def test_a_raw_line_separator_splits_a_streamed_line_as_it_split_the_whole(tmp_path: Path) -> None:
    # str.splitlines breaks at U+2028, which JSON allows unescaped inside a string.
    path = _dump(tmp_path / "dump.jsonl", [json.dumps({"text": "One\u2028two"}, ensure_ascii=False)])
    with pytest.raises(InputError) as whole:
        _read_whole(str(path))
    with pytest.raises(InputError) as streamed:
        load_file(str(path))
    assert str(streamed.value) == str(whole.value)


def _no_whole_reads(self: Path) -> bytes:
    raise AssertionError(f"{self} was read whole")


def test_a_bad_line_fails_the_dump_before_any_article_is_yielded(tmp_path: Path) -> None:
    path = _dump(
        tmp_path / "dump.jsonl", [json.dumps({"text": "Fine."}), "{not json", json.dumps({"text": "x"})]
    )
    articles = iter_articles([path])
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        next(articles)
    problems: list[InputError] = []
    good = _dump(tmp_path / "good.jsonl", [json.dumps({"text": "Fine."})])
    # With skip_bad only the bad line is skipped, reported with its number, not the whole dump.
    found = [a.id for a in iter_articles([path, good], skip_bad=True, problems=problems)]
    assert found == ["dump-1", "dump-3", "good-1"]
    assert [str(p) for p in problems] == [
        f"{path}: line 2: not valid JSON (Expecting property name enclosed in double quotes)"
    ]


def test_a_dump_that_is_not_plain_utf8_is_read_whole_as_before(tmp_path: Path) -> None:
    cp1252 = tmp_path / "old.jsonl"
    cp1252.write_bytes(json.dumps({"text": "Caf\u00e9 owners protest"}, ensure_ascii=False).encode("cp1252"))
    with pytest.warns(InputWarning, match="cp1252"):
        [article] = load_file(str(cp1252))
    assert article.text == "Caf\u00e9 owners protest"
    listed = _dump(tmp_path / "list.jsonl", ["[", json.dumps({"text": "In a list."}), "]"])
    assert [a.text for a in load_file(str(listed))] == ["In a list."]
