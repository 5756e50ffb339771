"""Build an ``Article`` from an input record: boilerplate, title, outlet, date and language.

``RawArticle`` is what reading gives (text and the fields the input states);
``RawArticle.build`` does the work, so that ``scan`` and ``Index.add`` can build in
worker processes what the parent reads. Fields the input states win over what is found
in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dedupe.errors import InputError
from dedupe.ingest.boilerplate import credits, find_boilerplate
from dedupe.models import Article, Span
from dedupe.text.dates import HEADER_DATE, HEADER_LINES, header_date, is_date_line, parse_date
from dedupe.text.language import detect_language
from dedupe.text.segment import paragraphs
from dedupe.text.tokens import tokenize

_KNOWN_FIELDS = frozenset({"id", "url", "source", "outlet", "title", "published", "date", "text"})


# A first line longer than this is a paragraph, not a headline: not tokenized to find a
# title (a text without line breaks is one "line" of any length).
MAX_TITLE_CHARS = 500
_SECTION_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,30}$")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An input record before ``article_from_text`` finds its boilerplate, title, date and language.

    Cheap to read and to pickle; ``build`` does the work, in whichever process has the time.
    """

    id: str
    text: str
    source: str = ""
    fields: dict[str, Any] = field(default_factory=dict, hash=False)

    def build(self) -> Article:
        """Return the ``Article`` (``article_from_text`` with the record's own fields)."""
        return article_from_text(self.text, id=self.id, source=self.source, **self.fields)


def article_from_text(text: str, *, id: str, source: str = "", **fields: Any) -> Article:
    """Build an ``Article`` from plain text, finding boilerplate, title, outlet and date.

    Fields given explicitly (``title``, ``outlet``, ``published``, ``metadata``) win
    over what is found in the text.
    """
    every_line = paragraphs(text)
    boilerplate = find_boilerplate(text, every_line)
    body = Article(id=id, text=text, boilerplate=boilerplate).body_spans
    furniture = {b.start for b in boilerplate if b.reason != "repeated line"}
    lines = [line for line in every_line if line.start not in furniture]
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


def record_article(record: object, source: str, where: str, default_id: str) -> RawArticle:
    """Return the raw article of one JSON record, or raise ``InputError`` naming ``where``."""
    if not isinstance(record, dict):
        raise InputError(source, f"{where}: not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, f'{where}: no "text" field with article text')
    fields = {
        "title": _string(record.get("title")),
        "outlet": _string(record.get("outlet")),
        "published": parse_date(record.get("published") or record.get("date")),
        "metadata": {k: v for k, v in record.items() if k not in _KNOWN_FIELDS},
    }
    return RawArticle(
        str(record.get("id") or default_id),
        body,
        str(record.get("url") or record.get("source") or source),
        fields,
    )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _title(text: str, lines: list[Span]) -> str | None:
    for line in lines[:HEADER_LINES]:
        if line.end - line.start > MAX_TITLE_CHARS:
            continue
        raw = line.slice(text).strip()
        header = HEADER_DATE.match(raw)
        if header:
            raw = raw[header.end() :].strip()
        # Tokens, not spaces, count the words: a Chinese headline has no spaces.
        if len(tokenize(raw)) < 2 or is_date_line(raw):
            continue
        return _SECTION_SUFFIX.sub("", raw).strip()
    return None
