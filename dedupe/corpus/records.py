"""What the index stores and answers: its schema, article records, entries and result types.

Articles are built (``RawArticle.build``), sketched and compressed by ``entries``, a pure
function that ``Index.add`` and ``scan`` run in worker processes with ``jobs > 1``; the
parent only writes. A record is the article as zlib-compressed JSON, so that ``query``
and ``scan`` never re-read the corpus.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from dedupe.corpus.channels import Sketch, sketch_batch
from dedupe.corpus.linkage import Link
from dedupe.corpus.workers import batches
from dedupe.ingest.build import RawArticle
from dedupe.ingest.read import ArticleStream
from dedupe.models import Article, Boilerplate
from dedupe.settings import Settings
from dedupe.text.fingerprint import SignatureSpec

BATCH_SIZE = 256
"""Articles per transaction (and per sketching batch): small enough that a kill loses little."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One article ready to store: its metadata, compressed record and sketch."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    record: bytes
    sketch: Sketch


def entries(articles: Sequence[Article | RawArticle], settings: Settings) -> list[Entry]:
    """Build, sketch and compress a batch of articles (a pure function: safe in a worker process)."""
    built = [a.build() if isinstance(a, RawArticle) else a for a in articles]
    return [
        Entry(a.id, a.title, a.outlet, a.published.isoformat() if a.published else None, encode(a), sketch)
        for a, sketch in zip(built, sketch_batch(built, settings), strict=True)
    ]


@dataclass(frozen=True, slots=True)
class AddSummary:
    """What ``Index.add`` did: counts of articles added, unchanged and replaced."""

    added: int
    unchanged: int
    replaced: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A stored article that shares band keys (or the whole content) with a looked-up article."""

    id: str
    channels: tuple[str, ...]  # "content" for an exact copy, then "text" and/or "names"
    shared_keys: int


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to "have we seen this story?": stored articles related to the query, strongest first."""

    article: str
    indexed: bool  # the query article itself is stored (same id and content)
    candidates: int  # stored articles compared with it
    matches: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IndexStats:
    """Size and setup of an index."""

    path: str
    schema_version: int
    articles: int
    band_rows: int
    bytes_total: int
    bytes_articles: int  # metadata and compressed records, with the id index
    bytes_lsh: int  # band keys, the content-hash index and copy groups: the cost of finding candidates
    lsh_bytes_per_article: float
    spec: SignatureSpec
    copy_groups: int = 0  # stored representatives with at least one copy joined to them
    grouped_articles: int = 0  # articles in those groups, representatives included


def unbuilt(articles: Iterable[Article], size: int) -> Iterator[list[Article | RawArticle]]:
    """Batch ``articles``; from an ``ArticleStream``, batch its records unbuilt, to build in workers."""
    return batches(articles.raw() if isinstance(articles, ArticleStream) else articles, size)


def encode(article: Article) -> bytes:
    """Return an article as compressed JSON (text, metadata and boilerplate spans)."""
    data = {
        "id": article.id,
        "text": article.text,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "credits": list(article.credits),
        "boilerplate": [[b.start, b.end, b.reason] for b in article.boilerplate],
        "language": article.language,
        "metadata": article.metadata,
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, default=str).encode(), 6)


def decode(record: bytes) -> Article:
    """Rebuild an article from ``encode``'s bytes."""
    data = json.loads(zlib.decompress(record))
    return Article(
        id=data["id"],
        text=data["text"],
        source=data["source"],
        title=data["title"],
        outlet=data["outlet"],
        published=date.fromisoformat(data["published"]) if data["published"] else None,
        credits=tuple(data["credits"]),
        boilerplate=tuple(Boilerplate(s, e, r) for s, e, r in data["boilerplate"]),
        language=data["language"],
        metadata=data["metadata"],
    )


SCHEMA_VERSION = 3
"""Bump when tables change; an index of another version is refused with a rebuild hint.
Version 3 added ``copies`` (copy-group membership)."""


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash BLOB NOT NULL,
    words INTEGER NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    record BLOB NOT NULL
);
CREATE INDEX articles_content ON articles (content_hash);
CREATE TABLE bands (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
CREATE TABLE copies (member INTEGER PRIMARY KEY, representative INTEGER NOT NULL);
CREATE INDEX copies_representative ON copies (representative);
"""


def spec_json(spec: SignatureSpec) -> str:
    """Return the signature setup as the JSON stored in ``meta``."""
    return json.dumps({name: getattr(spec, name) for name in SignatureSpec.__slots__}, sort_keys=True)
