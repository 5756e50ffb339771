"""Load articles from text, Markdown, HTML, JSON and JSONL files, folders, globs or stdin.

Each input becomes an ``Article`` whose ``text`` is the decoded original (for HTML, the
main text a well-kept extractor finds), with title, outlet, date and boilerplate
recognised but nothing removed. Bad input raises ``InputError`` naming the file.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from dedupe.boilerplate import credits, find_boilerplate
from dedupe.dates import HEADER_DATE, HEADER_LINES, header_date, is_date_line, parse_date
from dedupe.decoding import InputWarning as InputWarning  # re-exported: callers catch it from here
from dedupe.decoding import decode
from dedupe.errors import InputError, NoArticlesError
from dedupe.language import detect_language
from dedupe.models import Article, Span
from dedupe.normalize import tokenize
from dedupe.segment import paragraphs

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
_KNOWN_FIELDS = frozenset({"id", "url", "source", "outlet", "title", "published", "date", "text"})
_SECTION_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,30}$")


def iter_articles(
    paths: Iterable[str | Path], *, skip_bad: bool = False, problems: list[InputError] | None = None
) -> Iterator[Article]:
    """Yield the articles of every path (file, directory, glob or "-"), in a stable order.

    With ``skip_bad`` a bad file, empty folder or unmatched glob is appended to
    ``problems`` and skipped instead of raising.
    """
    seen_ids: set[str] = set()
    for raw in paths:
        try:
            files = _expand(str(raw))
        except InputError as error:
            _skip_or_raise(error, skip_bad, problems)
            continue
        for file in files:
            try:
                loaded = load_file(file)
            except InputError as error:
                _skip_or_raise(error, skip_bad, problems)
                continue
            for article in loaded:
                unique = _unique_id(article.id, file, seen_ids)
                yield article if unique == article.id else replace(article, id=unique)


def load_articles(
    paths: Iterable[str | Path], *, skip_bad: bool = False, problems: list[InputError] | None = None
) -> list[Article]:
    """Return every article of ``paths``; see ``iter_articles``."""
    return list(iter_articles(paths, skip_bad=skip_bad, problems=problems))


def load_file(path: str) -> list[Article]:
    """Load one file (or "-" for stdin) by its suffix; stdin is sniffed."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return _parse(data, "<stdin>", "stdin", _sniff(data))
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file or directory")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    suffix = file.suffix.lower()
    kind = "text" if suffix in TEXT_SUFFIXES else "html" if suffix in HTML_SUFFIXES else suffix.lstrip(".")
    if suffix not in ARTICLE_SUFFIXES:
        kind = _sniff(data)
    return _parse(data, path, file.stem, kind)


def article_from_text(text: str, *, id: str, source: str = "", **fields: Any) -> Article:
    """Build an ``Article`` from plain text, finding boilerplate, title, outlet and date.

    Fields given explicitly (``title``, ``outlet``, ``published``, ``metadata``) win
    over what is found in the text.
    """
    boilerplate = find_boilerplate(text)
    body = Article(id=id, text=text, boilerplate=boilerplate).body_spans
    furniture = {b.start for b in boilerplate if b.reason != "repeated line"}
    lines = [line for line in paragraphs(text) if line.start not in furniture]
    credited = credits(text, boilerplate, lines)
    title = fields.pop("title", None) or _title(text, lines)
    outlet = fields.pop("outlet", None) or (credited[0] if credited else None)
    published = fields.pop("published", None) or header_date(text, lines)
    return Article(
        id=id,
        text=text,
        source=source,
        title=title,
        outlet=outlet,
        published=published,
        credits=credited,
        boilerplate=boilerplate,
        language=detect_language(" ".join(s.slice(text) for s in body)),
        metadata=fields.pop("metadata", {}),
    )


def _expand(raw: str) -> list[str]:
    if raw == "-":
        return ["-"]
    path = Path(raw)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
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


def _skip_or_raise(error: InputError, skip_bad: bool, problems: list[InputError] | None) -> None:
    if not skip_bad:
        raise error
    if problems is not None:
        problems.append(error)


def _unique_id(article_id: str, file: str, seen: set[str]) -> str:
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


def _parse(data: bytes, source: str, stem: str, kind: str) -> list[Article]:
    text = decode(data, source)
    if kind in ("json", "jsonl", "ndjson"):
        return _parse_json(text, source, stem, lines=kind != "json")
    return [
        _parse_html(text, source, stem) if kind == "html" else article_from_text(text, id=stem, source=source)
    ]


def _parse_html(html: str, source: str, stem: str) -> Article:
    import trafilatura  # heavy: imported only when an HTML page is read

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(document, "text", None)
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    return article_from_text(
        text,
        id=stem,
        source=getattr(document, "url", None) or source,
        title=getattr(document, "title", None),
        outlet=getattr(document, "sitename", None),
        published=parse_date(getattr(document, "date", None)),
        metadata={"format": "html", "file": source},
    )


def _parse_json(text: str, source: str, stem: str, *, lines: bool) -> list[Article]:
    if not lines or text.lstrip().startswith("["):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(source, f"not valid JSON ({error.msg}, line {error.lineno})") from error
        records = value if isinstance(value, list) else [value]
        if not records:
            raise NoArticlesError(source, "an empty JSON list, no records")
        return [_record(r, source, f"record {i + 1}", f"{stem}-{i + 1}" if len(records) > 1 else stem)
                for i, r in enumerate(records)]  # fmt: skip
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(source, f"line {number}: not valid JSON ({error.msg})") from error
        articles.append(_record(record, source, f"line {number}", f"{stem}-{number}"))
    if not articles:
        raise NoArticlesError(source, "no JSON records")
    return articles


def _record(record: object, source: str, where: str, default_id: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(source, f"{where}: not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, f'{where}: no "text" field with article text')
    return article_from_text(
        body,
        id=str(record.get("id") or default_id),
        source=str(record.get("url") or record.get("source") or source),
        title=_string(record.get("title")),
        outlet=_string(record.get("outlet")),
        published=parse_date(record.get("published") or record.get("date")),
        metadata={k: v for k, v in record.items() if k not in _KNOWN_FIELDS},
    )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _title(text: str, lines: list[Span]) -> str | None:
    for line in lines[:HEADER_LINES]:
        raw = line.slice(text).strip()
        header = HEADER_DATE.match(raw)
        if header:
            raw = raw[header.end() :].strip()
        # Tokens, not spaces, count the words: a Chinese headline has no spaces.
        if len(tokenize(raw)) < 2 or is_date_line(raw):
            continue
        return _SECTION_SUFFIX.sub("", raw).strip()
    return None
