"""Load articles from text, Markdown, HTML, JSON and JSONL files, folders, globs or stdin.

Each input becomes an ``Article`` whose ``text`` is the decoded original (for HTML, the
main text a well-kept extractor finds), with title, outlet, date and boilerplate
recognised but nothing removed. Bad input raises ``InputError`` naming the file.

Reading is split from building (``ingest.build``): this module finds the inputs and
parses them into ``RawArticle`` records, which are built where there is time. A
JSONL dump is streamed, one megabyte at a time, in two passes: the first checks every
line as reading it whole would (encoding, control characters, JSON, a "text" field),
so a bad dump still fails before any article is yielded; the second yields them. With
``skip_bad`` a dump is read once, and a bad line is reported (with its number) and skipped
rather than the whole file.

An article longer than ``max_chars`` characters (``Settings.max_article_chars``) is
refused as bad input: a file far larger is refused before it is read.
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.build import RawArticle, record_article
from dedupe.ingest.decoding import InputWarning as InputWarning  # re-exported: callers catch it from here
from dedupe.ingest.decoding import decode
from dedupe.models import Article
from dedupe.settings import DEFAULT_SETTINGS
from dedupe.text.dates import parse_date

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
STREAM_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files read line by line rather than whole (any size: memory holds one chunk)."""
_CHUNK = 1 << 20
# What ``decoding.decode`` refuses or guesses at; a file showing any of these is read whole
# so that it fails or warns exactly as before. UTF-32 LE's mark starts with UTF-16 LE's.
_NOT_UTF8 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_PROBE = 8192
_MAX_CONTROL_SHARE = 0.05
# UTF-8 takes at most 4 bytes a character: a file larger than 4 bytes per allowed character
# is refused unread.
_MAX_BYTES_PER_CHAR = 4
_reading: list[str] = [""]


def current_source() -> str:
    """Return the file being read last (for a message about an unexpected failure), or ""."""
    return _reading[0]


class ArticleStream(Iterator[Article]):
    """The articles of some paths, read lazily in order; what ``iter_articles`` returns.

    Iterate it for ``Article``s, or call ``raw()`` before iterating for the same records
    unbuilt, to build them elsewhere: ``scan`` and ``Index.add`` do so in their workers.
    """

    def __init__(self, raw: Iterator[RawArticle]) -> None:
        self._raw = raw
        self._built = map(RawArticle.build, raw)

    def __next__(self) -> Article:
        return next(self._built)

    def raw(self) -> Iterator[RawArticle]:
        """Return the records still to come, unbuilt (iterating either view consumes both)."""
        return self._raw


def iter_articles(
    paths: Iterable[str | Path],
    *,
    skip_bad: bool = False,
    problems: list[InputError] | None = None,
    max_chars: int = DEFAULT_SETTINGS.max_article_chars,
) -> Iterator[Article]:
    """Yield the articles of every path (file, directory, glob or "-"), in a stable order.

    With ``skip_bad`` a bad file, bad JSONL line, unreadable or empty folder or unmatched
    glob is appended to ``problems`` and skipped instead of raising. An article over
    ``max_chars`` characters is bad input. The iterator is an ``ArticleStream``: its
    ``raw()`` gives the records unbuilt.
    """
    return ArticleStream(_iter_raw(paths, skip_bad, problems, max_chars))


def _iter_raw(
    paths: Iterable[str | Path], skip_bad: bool, problems: list[InputError] | None, max_chars: int
) -> Iterator[RawArticle]:
    seen_ids: set[str] = set()
    for raw in paths:
        unreadable: list[InputError] = []
        try:
            files = input_files(str(raw), unreadable=unreadable)
        except InputError as error:
            _skip_or_raise(error, skip_bad, problems)
            continue
        for refused in unreadable:
            _skip_or_raise(refused, skip_bad, problems)
        for file in files:
            _reading[0] = file
            try:
                loaded = _read_file(file, max_chars, problems if skip_bad else None)
            except InputError as error:
                _skip_or_raise(error, skip_bad, problems)
                continue
            try:
                for record in loaded:
                    unique = unique_id(record.id, file, seen_ids)
                    yield record if unique == record.id else replace(record, id=unique)
            except InputError as error:  # a streamed dump fails part-way (``skip_bad`` only)
                _skip_or_raise(error, skip_bad, problems)


def load_articles(
    paths: Iterable[str | Path],
    *,
    skip_bad: bool = False,
    problems: list[InputError] | None = None,
    max_chars: int = DEFAULT_SETTINGS.max_article_chars,
) -> list[Article]:
    """Return every article of ``paths``; see ``iter_articles``."""
    return list(iter_articles(paths, skip_bad=skip_bad, problems=problems, max_chars=max_chars))


def load_file(path: str, *, max_chars: int = DEFAULT_SETTINGS.max_article_chars) -> list[Article]:
    """Load one file (or "-" for stdin) by its suffix; stdin is sniffed."""
    _reading[0] = path
    return [record.build() for record in _read_file(path, max_chars)]


def _read_file(path: str, max_chars: int, problems: list[InputError] | None = None) -> Iterator[RawArticle]:
    """Read one file's records: a JSONL dump streamed if it is plain UTF-8, anything else whole.

    With ``problems`` (``skip_bad``), a bad record is appended there and skipped.
    """
    if path != "-" and Path(path).suffix.lower() in STREAM_SUFFIXES and Path(path).is_file():
        lenient = None if problems is None else _stream_lenient(path, Path(path).stem, problems)
        if lenient is not None:
            return _checked(lenient, max_chars, problems)
        streamed = _stream_jsonl(path, Path(path).stem)
        if streamed is not None:
            return _checked(streamed, max_chars, None)
    return _checked(iter(_read_whole(path, max_chars, problems)), max_chars, problems)


def _checked(
    records: Iterator[RawArticle], max_chars: int, problems: list[InputError] | None
) -> Iterator[RawArticle]:
    """Refuse (or, with ``problems``, skip and report) records longer than ``max_chars``."""
    for record in records:
        if len(record.text) <= max_chars:
            yield record
            continue
        error = InputError(
            record.source,
            f"{record.id}: {len(record.text):,} characters, over the limit of {max_chars:,} (--max-chars)",
        )
        if problems is None:
            raise error
        problems.append(error)


def _read_whole(
    path: str, max_chars: int = DEFAULT_SETTINGS.max_article_chars, problems: list[InputError] | None = None
) -> list[RawArticle]:
    limit = _MAX_BYTES_PER_CHAR * max_chars
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError("<stdin>", f"over {limit:,} bytes, more than --max-chars {max_chars:,} allows")
        return _parse(data, "<stdin>", "stdin", _sniff(data), problems)
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file or directory")
    try:
        size = file.stat().st_size
        if size > limit and file.suffix.lower() not in JSON_SUFFIXES:
            raise InputError(path, f"{size:,} bytes, more than --max-chars {max_chars:,} allows")
        data = file.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    suffix = file.suffix.lower()
    kind = "text" if suffix in TEXT_SUFFIXES else "html" if suffix in HTML_SUFFIXES else suffix.lstrip(".")
    if suffix not in ARTICLE_SUFFIXES:
        kind = _sniff(data)
    return _parse(data, path, file.stem, kind, problems)


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


def _skip_or_raise(error: InputError, skip_bad: bool, problems: list[InputError] | None) -> None:
    if not skip_bad:
        raise error
    if problems is not None:
        problems.append(error)


def unique_id(article_id: str, file: str, seen: set[str]) -> str:
    """Return ``article_id``, or a name qualified by ``file`` when taken; record it in ``seen``."""
    base = article_id if article_id not in seen else f"{Path(file).with_suffix('').as_posix()}#{article_id}"
    candidate, counter = base, 2
    while candidate in seen:
        candidate, counter = f"{base}~{counter}", counter + 1
    seen.add(candidate)
    return candidate


def _sniff(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return "jsonl"
    if head == b"<":
        return "html"
    return "text"


def _parse(
    data: bytes, source: str, stem: str, kind: str, problems: list[InputError] | None = None
) -> list[RawArticle]:
    text = decode(data, source)
    if kind in ("json", "jsonl", "ndjson"):
        return _parse_json(text, source, stem, lines=kind != "json", problems=problems)
    return [_parse_html(text, source, stem) if kind == "html" else RawArticle(stem, text, source)]


def _parse_html(html: str, source: str, stem: str) -> RawArticle:
    import trafilatura  # heavy: imported only when an HTML page is read

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(document, "text", None)
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    fields = {
        "title": getattr(document, "title", None),
        "outlet": getattr(document, "sitename", None),
        "published": parse_date(getattr(document, "date", None)),
        "metadata": {"format": "html", "file": source},
    }
    return RawArticle(stem, text, getattr(document, "url", None) or source, fields)


def _parse_json(
    text: str, source: str, stem: str, *, lines: bool, problems: list[InputError] | None = None
) -> list[RawArticle]:
    if not lines or text.lstrip().startswith("["):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(source, f"not valid JSON ({error.msg}, line {error.lineno})") from error
        records = value if isinstance(value, list) else [value]
        if not records:
            raise NoArticlesError(source, "an empty JSON list, no records")
        return [record_article(r, source, f"record {i + 1}", f"{stem}-{i + 1}" if len(records) > 1 else stem)
                for i, r in enumerate(records)]  # fmt: skip
    numbered = ((number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip())
    if problems is None:
        articles = [_jsonl_record(line, source, stem, number) for number, line in numbered]
    else:
        articles = list(_lenient(numbered, source, stem, problems))
    if not articles:
        raise NoArticlesError(source, "no JSON records")
    return articles


def _lenient(
    numbered: Iterable[tuple[int, str]], source: str, stem: str, problems: list[InputError]
) -> Iterator[RawArticle]:
    """Yield the records of numbered JSONL lines; a bad line goes to ``problems`` instead."""
    for number, line in numbered:
        try:
            yield _jsonl_record(line, source, stem, number)
        except InputError as error:
            problems.append(error)


def _stream_lenient(path: str, stem: str, problems: list[InputError]) -> Iterator[RawArticle] | None:
    """Read a JSONL dump once, for ``skip_bad``: a bad line goes to ``problems``, the rest is yielded.

    Returns None (read it whole, line by line alike) where the file is not plain UTF-8
    lines or is one JSON list, as ``_stream_jsonl`` does.
    """
    try:
        with open(path, "rb") as stream:  # noqa: PTH123 - a binary probe
            head = stream.read(_PROBE)
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    if head.startswith(_NOT_UTF8) or b"\x00" in head or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
        return None

    def records() -> Iterator[RawArticle]:
        found = 0
        try:
            numbered = ((n, line) for n, line in enumerate(_lines(path), start=1) if line.strip())
            for record in _lenient(numbered, path, stem, problems):
                found += 1
                yield record
        except UnicodeDecodeError as error:
            raise InputError(path, f"not UTF-8 text after {found} records ({error.reason})") from error
        except OSError as error:
            raise InputError(path, f"cannot read ({error.strerror})") from error
        if not found:
            raise NoArticlesError(path, "no usable JSON records")

    return records()


def jsonl_article(line: str, *, source: str, stem: str, number: int) -> Article:
    """Parse line ``number`` (from 1) of the JSONL file ``source`` whose name is ``stem``.

    ``dedupe.corpus.spark`` calls it on lines Spark reads, so both engines read a dump alike.
    """
    return _jsonl_record(line, source, stem, number).build()


def _jsonl_record(line: str, source: str, stem: str, number: int) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"line {number}: not valid JSON ({error.msg})") from error
    return record_article(record, source, f"line {number}", f"{stem}-{number}")


def _stream_jsonl(path: str, stem: str) -> Iterator[RawArticle] | None:
    """Check a JSONL dump line by line, then return a generator of its records.

    Returns None (read it whole) where ``decode`` would refuse, guess or warn, or where
    the text is one JSON list: then reading it whole says exactly what is wrong.
    """
    try:
        with open(path, "rb") as stream:  # noqa: PTH123 - a binary probe, then text chunks
            head = stream.read(_PROBE)
        counts = [0, 0]  # characters, control characters
        first_error: InputError | None = None
        records = 0
        opening = ""
        for number, line in enumerate(_lines(path, counts), start=1):
            if first_error is not None or not line.strip():
                continue
            opening = opening or line.lstrip()[0]
            try:
                _jsonl_record(line, path, stem, number)
                records += 1
            except InputError as error:
                first_error = error
    except UnicodeDecodeError:
        return None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    if (
        head.startswith(_NOT_UTF8)
        or b"\x00" in head
        or opening in ("", "[")
        or counts[1] / counts[0] > _MAX_CONTROL_SHARE
    ):
        return None
    if first_error is not None:
        raise first_error
    if not records:
        raise NoArticlesError(path, "no JSON records")
    return (
        _jsonl_record(line, path, stem, number)
        for number, line in enumerate(_lines(path), start=1)
        if line.strip()
    )


def _lines(path: str, counts: list[int] | None = None) -> Iterator[str]:
    """Yield a UTF-8 file's lines as ``text.splitlines()`` splits the whole, one chunk in memory.

    With ``counts``, add the characters read to ``counts[0]`` and the control characters
    (other than tab and line breaks) to ``counts[1]``.
    """
    with open(path, encoding="utf-8-sig", newline="") as stream:  # noqa: PTH123 - chunked reading
        rest: list[str] = []  # the last, maybe unfinished line, in pieces: a line may span chunks
        while chunk := stream.read(_CHUNK):
            if counts is not None:
                counts[0] += len(chunk)
                counts[1] += len(_CONTROL.findall(chunk))
            lines = chunk.splitlines(keepends=True)
            if len(lines) == 1 and lines[0].splitlines()[0] == chunk and not (rest and rest[-1][-1] == "\r"):
                rest.append(chunk)  # no line ends in this chunk
                continue
            if rest:  # joined first: a "\r" ending the last chunk and a "\n" opening this one are one break
                lines[:1] = ("".join(rest) + lines[0]).splitlines(keepends=True)
            rest = [lines.pop()]
            for line in lines:
                yield line.splitlines()[0]
        yield from "".join(rest).splitlines()
