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
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dedupe.boilerplate import find_boilerplate
from dedupe.dates import find_dates
from dedupe.errors import InputError, NoArticlesError
from dedupe.language import detect_language
from dedupe.models import Article, Span
from dedupe.segment import paragraphs

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
_KNOWN_FIELDS = frozenset({"id", "url", "source", "outlet", "title", "published", "date", "text"})
_BINARY_PROBE = 8192
_HEADER_LINES = 3
_HEADER_DATE = re.compile(r"^\s*(?:date|published|posted|updated)?[:\s]*(?P<date>\d{4}-\d{2}-\d{2})\b", re.I)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40}\s*\((?P<inner>[^()]{2,80})\)")
_SECTION_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,30}$")


class InputWarning(UserWarning):
    """Input was readable only with a guess (an encoding other than UTF-8)."""


def iter_articles(
    paths: Iterable[str | Path], *, skip_bad: bool = False, problems: list[InputError] | None = None
) -> Iterator[Article]:
    """Yield the articles of every path (file, directory, glob or "-"), in a stable order.

    With ``skip_bad`` a bad file is appended to ``problems`` and skipped instead of raising.
    """
    seen_ids: set[str] = set()
    for raw in paths:
        for file in _expand(str(raw)):
            try:
                loaded = list(load_file(file))
            except InputError as error:
                if not skip_bad:
                    raise
                if problems is not None:
                    problems.append(error)
                continue
            for article in loaded:
                unique = _unique_id(article.id, file, seen_ids)
                yield article if unique == article.id else replace(article, id=unique)


def load_articles(paths: Iterable[str | Path], *, skip_bad: bool = False) -> list[Article]:
    """Return every article of ``paths``; see ``iter_articles``."""
    return list(iter_articles(paths, skip_bad=skip_bad))


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
    credits = _credits(text, boilerplate, lines)
    found_title = _title(text, lines)
    title = fields.pop("title", None) or found_title
    outlet = fields.pop("outlet", None) or (credits[0] if credits else None)
    published = fields.pop("published", None) or _published(text, lines)
    return Article(
        id=id,
        text=text,
        source=source,
        title=title,
        outlet=outlet,
        published=published,
        credits=credits,
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


def _unique_id(article_id: str, file: str, seen: set[str]) -> str:
    candidate = article_id
    if candidate in seen:
        candidate = f"{Path(file).with_suffix('').as_posix()}#{article_id}"
    counter = 2
    base = candidate
    while candidate in seen:
        candidate = f"{base}~{counter}"
        counter += 1
    seen.add(candidate)
    return candidate


def _sniff(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return "jsonl"
    if head == b"<":
        return "html"
    return "text"


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (BOM allowed), else as a detected encoding with a warning."""
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:_BINARY_PROBE] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file (NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot decode: not UTF-8 and no other encoding fits")
    text = str(best)
    if _control_share(text) > 0.05:
        raise InputError(source, "cannot decode: bytes look binary, not text")
    warnings.warn(f"{source}: not UTF-8; decoded as {best.encoding}", InputWarning, stacklevel=2)
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    return controls / max(1, len(text))


def _parse(data: bytes, source: str, stem: str, kind: str) -> list[Article]:
    if kind in ("json", "jsonl", "ndjson"):
        return _parse_json(decode(data, source), source, stem, lines=kind != "json")
    text = decode(data, source)
    if kind == "html":
        return [_parse_html(text, source, stem)]
    if not text.strip():
        raise InputError(source, "empty file")
    return [article_from_text(text, id=stem, source=source)]


def _parse_html(html: str, source: str, stem: str) -> Article:
    import trafilatura  # heavy: imported only when an HTML page is read

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    published = _iso_date(getattr(document, "date", None))
    return article_from_text(
        text,
        id=stem,
        source=getattr(document, "url", None) or source,
        title=getattr(document, "title", None),
        outlet=getattr(document, "sitename", None),
        published=published,
        metadata={"format": "html", "file": source},
    )


def _parse_json(text: str, source: str, stem: str, *, lines: bool) -> list[Article]:
    stripped = text.lstrip()
    if not lines or stripped.startswith("["):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(source, f"not valid JSON ({error.msg}, line {error.lineno})") from error
        records = value if isinstance(value, list) else [value]
        return [_record(r, f"{source}: record {i + 1}", f"{stem}-{i + 1}" if len(records) > 1 else stem)
                for i, r in enumerate(records)]  # fmt: skip
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(source, f"line {number}: not valid JSON ({error.msg})") from error
        articles.append(_record(record, f"{source}: line {number}", f"{stem}-{number}"))
    if not articles:
        raise NoArticlesError(source, "no JSON records")
    return articles


def _record(record: object, where: str, default_id: str) -> Article:
    source, _, problem_prefix = where.partition(": ")
    if not isinstance(record, dict):
        raise InputError(source, f"{problem_prefix}: not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, f'{problem_prefix}: no "text" field with article text')
    published = _iso_date(record.get("published") or record.get("date"))
    metadata = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS}
    return article_from_text(
        body,
        id=str(record.get("id") or default_id),
        source=str(record.get("url") or record.get("source") or source),
        title=record.get("title") or None,
        outlet=record.get("outlet") or None,
        published=published,
        metadata=metadata,
    )


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        found = find_dates(value)
        return found[0].value if found else None


def _title(text: str, lines: list[Span]) -> str | None:
    for line in lines[: _HEADER_LINES + 1]:
        raw = line.slice(text).strip()
        header = _HEADER_DATE.match(raw)
        if header:
            raw = raw[header.end() :].strip()
        if len(raw.split()) < 2 or _is_date_line(raw):
            continue
        return _SECTION_SUFFIX.sub("", raw).strip()
    return None


def _is_date_line(line: str) -> bool:
    found = find_dates(line)
    return bool(found) and len(line.split()) <= 8 and found[0].span.start <= 2


def _published(text: str, lines: list[Span]) -> date | None:
    for line in lines[: _HEADER_LINES + 1]:
        raw = line.slice(text)
        header = _HEADER_DATE.match(raw)
        dateline = _DATELINE.match(raw)
        if header:
            return date.fromisoformat(header.group("date"))
        if _is_date_line(raw.strip()):
            return find_dates(raw)[0].value
        if dateline:
            found = find_dates(dateline.group("inner"))
            if found:
                return found[0].value
    return None


def _credits(text: str, boilerplate: Iterable[Any], lines: list[Span]) -> tuple[str, ...]:
    """Names of outlets and agencies credited in a credit line or a dateline."""
    names: list[str] = []
    for part in boilerplate:
        if part.reason == "credit line":
            names.extend(_split_credit(text[part.start : part.end]))
    for line in lines[: _HEADER_LINES + 1]:
        dateline = _DATELINE.match(line.slice(text))
        if dateline:
            for piece in re.split(r"\s+[-–—]\s+", dateline.group("inner")):
                names.extend(_split_credit(piece))
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return tuple(unique)


def _split_credit(line: str) -> list[str]:
    parts = re.split(r"\s*(?:/|&|,|\band\b|\s-\s)\s*", line.strip())
    return [p.strip() for p in parts if p.strip() and not any(ch.isdigit() for ch in p)]
