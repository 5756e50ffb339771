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

Where each step lives: ``ingest.inputs`` finds the files an input stands for,
``ingest.formats`` parses text, HTML and JSON, ``ingest.jsonl`` streams a dump.

An article longer than ``max_chars`` characters (``Settings.max_article_chars``) is
refused as bad input: a file far larger is refused before it is read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from dedupe.errors import InputError
from dedupe.ingest.build import RawArticle
from dedupe.ingest.decoding import InputWarning as InputWarning  # re-exported: callers catch it from here
from dedupe.ingest.formats import (
    parse,
    sniff,
)
from dedupe.ingest.inputs import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    STREAM_SUFFIXES,
    TEXT_SUFFIXES,
    input_files,
    unique_id,
)
from dedupe.ingest.jsonl import (
    stream_jsonl,
    stream_lenient,
)
from dedupe.models import Article
from dedupe.settings import DEFAULT_SETTINGS

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


def load_file(
    path: str,
    *,
    max_chars: int = DEFAULT_SETTINGS.max_article_chars,
    problems: list[InputError] | None = None,
) -> list[Article]:
    """Load one file (or "-" for stdin) by its suffix; stdin is sniffed.

    With ``problems`` (``skip_bad``), a bad record is appended there and skipped.
    """
    _reading[0] = path
    return [record.build() for record in _read_file(path, max_chars, problems)]


def _read_file(path: str, max_chars: int, problems: list[InputError] | None = None) -> Iterator[RawArticle]:
    """Read one file's records: a JSONL dump streamed if it is plain UTF-8, anything else whole.

    With ``problems`` (``skip_bad``), a bad record is appended there and skipped.
    """
    if path != "-" and Path(path).suffix.lower() in STREAM_SUFFIXES and Path(path).is_file():
        lenient = None if problems is None else stream_lenient(path, Path(path).stem, problems)
        if lenient is not None:
            return _checked(lenient, max_chars, problems)
        streamed = stream_jsonl(path, Path(path).stem)
        if streamed is not None:
            return _checked(streamed, max_chars, None)
    return _checked(iter(_read_whole(path, max_chars, problems)), max_chars, problems)


def _checked(
    records: Iterator[RawArticle], max_chars: int, problems: list[InputError] | None
) -> Iterator[RawArticle]:
    """Refuse (or, with ``problems``, skip and report) records longer than ``max_chars``."""
    for record in records:
        error = too_long(record, max_chars)
        if error is None:
            yield record
        elif problems is None:
            raise error
        else:
            problems.append(error)


def too_long(record: RawArticle, max_chars: int) -> InputError | None:
    """Return the error refusing ``record`` if it is longer than ``max_chars`` characters."""
    if len(record.text) <= max_chars:
        return None
    return InputError(
        record.source,
        f"{record.id}: {len(record.text):,} characters, over the limit of {max_chars:,} (--max-chars)",
    )


def _read_whole(
    path: str, max_chars: int = DEFAULT_SETTINGS.max_article_chars, problems: list[InputError] | None = None
) -> list[RawArticle]:
    limit = _MAX_BYTES_PER_CHAR * max_chars
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError("<stdin>", f"over {limit:,} bytes, more than --max-chars {max_chars:,} allows")
        return parse(data, "<stdin>", "stdin", sniff(data), problems)
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
        kind = sniff(data)
    return parse(data, path, file.stem, kind, problems)


def _skip_or_raise(error: InputError, skip_bad: bool, problems: list[InputError] | None) -> None:
    if not skip_bad:
        raise error
    if problems is not None:
        problems.append(error)
