"""Parse the formats: plain text and Markdown, HTML (its main text), JSON records and JSONL lines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.build import RawArticle, record_article
from dedupe.ingest.decoding import decode
from dedupe.models import Article
from dedupe.text.dates import parse_date


def sniff(data: bytes) -> str:
    """Return the kind of stdin's bytes by their first character: jsonl, html or text."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return "jsonl"
    if head == b"<":
        return "html"
    return "text"


def parse(
    data: bytes, source: str, stem: str, kind: str, problems: list[InputError] | None = None
) -> list[RawArticle]:
    """Decode ``data`` and parse it as ``kind`` (text, html, json, jsonl or ndjson) into records."""
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
        articles = [jsonl_record(line, source, stem, number) for number, line in numbered]
    else:
        articles = list(lenient_records(numbered, source, stem, problems))
    if not articles:
        raise NoArticlesError(source, "no JSON records")
    return articles


def lenient_records(
    numbered: Iterable[tuple[int, str]], source: str, stem: str, problems: list[InputError]
) -> Iterator[RawArticle]:
    """Yield the records of numbered JSONL lines; a bad line goes to ``problems`` instead."""
    for number, line in numbered:
        try:
            yield jsonl_record(line, source, stem, number)
        except InputError as error:
            problems.append(error)


def jsonl_article(line: str, *, source: str, stem: str, number: int) -> Article:
    """Parse line ``number`` (from 1) of the JSONL file ``source`` whose name is ``stem``.

    ``dedupe.corpus.spark`` calls it on lines Spark reads, so both engines read a dump alike.
    """
    return jsonl_record(line, source, stem, number).build()


def jsonl_record(line: str, source: str, stem: str, number: int) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(source, f"line {number}: not valid JSON ({error.msg})") from error
    return record_article(record, source, f"line {number}", f"{stem}-{number}")
