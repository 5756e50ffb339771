"""The persistent index: one SQLite file of articles, their band keys and the signature setup.

Tables: ``meta`` (schema version, signature spec, channel banding), ``articles`` (metadata,
content hash, the article record zlib-compressed so that ``query`` and ``scan`` never
re-read the corpus) and ``bands`` (48-bit band key, article) — a ``WITHOUT ROWID`` table
whose primary key is the lookup index, about 12 bytes a row. Per-article band keys are
not stored a second time: ``remove`` recomputes them from the stored record.

Batches are built, sketched and compressed by ``records.entries`` (in worker processes
with ``jobs > 1``); the parent only writes. Writes go in one transaction per batch in WAL
mode, so a process killed mid-``add`` leaves whole batches only. An article whose id is
already stored with the same content hash is skipped (adding twice is idempotent); with
other content it is replaced.
Exact copies under other ids are kept: they are duplicates a scan must report.

Copy groups (``copies``: member rowid -> representative rowid): ``add`` checks a new article
against the stored articles that share most of its text-channel band keys
(``COPY_CANDIDATES``, each through ``copies.joins_group``: scan's sampled-shingle check,
then at most one text-only verdict) or its content; a copy joins the group and writes no
band rows, so a story carried a thousand times keeps the band rows of one article and its
buckets stay under ``MAX_BUCKET``. Removing (or replacing) a representative promotes its
first remaining member, which takes band rows; the other members are checked against it
and those that fail stand alone again, with band rows of their own.

Several processes may use one index: writers wait for each other (a busy timeout, then
retries), two creating one new file agree on one schema, ``read_only`` opening works on a
read-only file or folder, and a new file that a failed first ``add`` leaves empty is removed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import quote

from dedupe.corpus.channels import CHANNELS, TEXT, Sketch, sketch_batch
from dedupe.corpus.copies import is_copy, joins_group
from dedupe.corpus.lookup import Lookup
from dedupe.corpus.records import (
    BATCH_SIZE,
    SCHEMA,
    SCHEMA_VERSION,
    AddSummary,
    Entry,
    IndexStats,
    decode,
    entries,
    spec_json,
    unbuilt,
)
from dedupe.corpus.workers import ordered_map, worker_pool
from dedupe.errors import IndexStoreError, SettingsError
from dedupe.models import Article
from dedupe.settings import DEFAULT_SETTINGS, Settings
from dedupe.text.fingerprint import SignatureSpec, current_spec

if TYPE_CHECKING:
    from dedupe.pair.compare import ArticleFeatures

_CACHE_KIB = 64 * 1024
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another's transaction (a long ``remove``) before retrying."""
BUSY_RETRIES = 5
"""Times a writer retries after a busy timeout before giving up with ``IndexStoreError``."""
_RETRY_PAUSE_S = 0.2
_ORIGINAL = (
    "SELECT COALESCE(c.representative, a.rowid) FROM articles a LEFT JOIN copies c ON c.member = a.rowid"
    " WHERE a.content_hash = ? AND a.rowid != ? ORDER BY a.rowid LIMIT 1"
)  # the group an exact copy joins: its first stored original's (that article's, or its representative's)
REPRESENTATIVE_CACHE = 256
"""Stored articles whose sketch and text features ``add`` keeps while checking copies against
them: a feed carrying a few hundred stories at a time analyses each representative once."""


class Index(Lookup):
    """A persistent SQLite index of articles for incremental scans and "seen before?" queries.

    Examples:
        >>> with Index("news.db") as index:  # doctest: +SKIP
        ...     index.add(load_articles(["archive/"]))
        ...     index.query(article).matches
    """

    def __init__(
        self,
        path: str | Path,
        *,
        settings: Settings = DEFAULT_SETTINGS,
        create: bool = True,
        read_only: bool = False,
    ) -> None:
        self.path = str(path)
        self.settings = settings
        self.read_only = read_only
        self._representatives: OrderedDict[int, _Representative] = OrderedDict()
        if (not create or read_only) and not Path(path).exists():
            raise IndexStoreError(f"{self.path}: no such index (create it with `dedupe index add`)")
        self._created = not Path(path).exists()
        try:
            if read_only:
                self._db = _connect_read_only(self.path)
            else:
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
                # Set before the first table exists (ignored afterwards): compressed records of
                # 1-3 KB waste up to half of each 4 KB page, far less of a 16 KB one.
                self._db.execute("PRAGMA page_size=16384")
                _retry(lambda: self._db.execute("PRAGMA journal_mode=WAL"), self.path)
                self._db.execute("PRAGMA synchronous=NORMAL")
            # The band table is written at random keys: a 64 MB page cache (default 2 MB)
            # keeps the pages of a few million band rows in memory while adding.
            self._db.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
            self._open()
        except sqlite3.DatabaseError as error:
            self._discard()
            raise IndexStoreError(f"{self.path}: not a usable dedupe index ({error})") from error
        except BaseException:
            self._discard()
            raise

    def _open(self) -> None:
        spec = current_spec(num_perm=self.settings.num_perm, seed=self.settings.seed,
                            shingle_size=self.settings.shingle_size)  # fmt: skip
        channels = json.dumps([[c.name, c.bands, c.rows, c.salt] for c in CHANNELS])
        tables = self._tables()
        if not tables and not self.read_only:
            with self._transaction():
                if self._tables():  # another process created it while this one waited for the lock
                    return self._open()
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("spec", spec_json(spec)),
                        ("channels", channels),
                    ],
                )
            tables = self._tables()
        if "meta" not in tables and tables:
            raise IndexStoreError(f"{self.path}: an SQLite file, but not a dedupe index")
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        version = int(meta.get("schema_version", "0"))
        if version != SCHEMA_VERSION:
            raise IndexStoreError(
                f"{self.path}: index schema version {version}, this dedupe reads version {SCHEMA_VERSION}; "
                "rebuild it with `dedupe index add`"
            )
        self.spec = SignatureSpec(**json.loads(meta["spec"]))
        spec.check(self.spec, self.path)
        if meta["channels"] != channels:
            raise IndexStoreError(f"{self.path}: index built with other LSH channels {meta['channels']}")

    def _tables(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def close(self) -> None:
        """Close the database (the WAL is checkpointed into the main file)."""
        self._db.close()

    def _discard(self) -> None:
        """Close; remove the file if this object created it and it holds no article."""
        db = getattr(self, "_db", None)
        try:
            empty = db is None or "articles" not in self._tables() or len(self) == 0
        except sqlite3.Error:
            empty = True
        if db is not None:
            db.close()
        if self._created and empty:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(self.path + suffix).unlink(missing_ok=True)

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is not None and self._created:
            self._discard()  # a failed first add leaves no empty index behind
        else:
            self.close()

    def add(
        self,
        articles: Iterable[Article],
        *,
        progress: Callable[[int], None] | None = None,
        jobs: int = 1,
    ) -> AddSummary:
        """Add articles in batches, one transaction each; ``progress`` gets the running count.

        A copy of a stored article (exact, or ``copies.joins_group``) joins its copy group
        and writes no band rows.

        With ``jobs > 1``, that many worker processes build, sketch and compress the
        batches (``entries``) while this one writes; articles from ``iter_articles`` are
        then built in the workers too.
        """
        if jobs < 1:
            raise SettingsError(f"jobs must be at least 1, got {jobs}")
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        done = 0
        with worker_pool(jobs) as pool:
            for batch in ordered_map(pool, jobs, entries, unbuilt(articles, BATCH_SIZE), self.settings):
                for status in self.add_entries(batch, copies=True):
                    counts[status] += 1
                done += len(batch)
                if progress is not None:
                    progress(done)
        return AddSummary(**counts)

    def add_entries(self, batch: Sequence[Entry], *, copies: bool = False) -> list[str]:
        """Store one batch in one transaction; return each one's status.

        The status is ``added``, ``unchanged`` (same id and content already stored) or
        ``replaced`` (same id, new content). With ``copies``, an article that is a copy of
        a stored one joins its copy group instead of writing band rows (``scan`` groups
        copies itself and leaves this off).
        """
        statuses = []
        bands: list[tuple[int, int]] = []  # written once per batch, in key order: far fewer page visits
        pending: dict[
            int, list[int]
        ] = {}  # text band key -> rowids of this batch whose bands wait in ``bands``
        with self._transaction():
            for entry in batch:
                sketch = entry.sketch
                found = self._db.execute(
                    "SELECT rowid, content_hash FROM articles WHERE id = ?", (entry.id,)
                ).fetchone()
                if found is not None and found[1] == sketch.content_hash:
                    statuses.append("unchanged")
                    continue
                if found is not None:
                    self._insert_bands(bands)  # the replaced article may be earlier in this batch
                    pending.clear()
                    self._delete(found[0])
                cursor = self._db.execute(
                    "INSERT INTO articles (id, content_hash, words, title, outlet, published, record)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (entry.id, sketch.content_hash, sketch.words, entry.title, entry.outlet, entry.published,
                     entry.record),
                )  # fmt: skip
                rowid = cursor.lastrowid
                assert rowid is not None  # an INSERT always sets it
                joined = self._group_of(rowid, entry, pending) if copies else None
                if joined is not None:
                    self._db.execute("INSERT INTO copies VALUES (?, ?)", (rowid, joined))
                else:
                    bands.extend((k, rowid) for k in sketch.keys.tolist() if k >= 0)
                    for key in sketch.keys[: TEXT.bands].tolist():
                        if key >= 0:
                            pending.setdefault(key, []).append(rowid)
                statuses.append("added" if found is None else "replaced")
            self._insert_bands(bands)
        return statuses

    def _insert_bands(self, bands: list[tuple[int, int]]) -> None:
        """Write and clear pending band rows."""
        bands.sort()
        self._db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", bands)
        bands.clear()

    def remove(self, ids: Iterable[str]) -> int:
        """Remove articles by id; return how many were stored."""
        removed = 0
        with self._transaction():
            for article_id in ids:
                found = self._db.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
                if found is not None:
                    self._delete(found[0])
                    removed += 1
        return removed

    def _delete(self, rowid: int) -> None:
        """Delete an article, its band rows and group membership; promote a representative's first member."""
        self._representatives.pop(rowid, None)
        members = [row for (row,) in self._db.execute(
            "SELECT member FROM copies WHERE representative = ? ORDER BY member", (rowid,))]  # fmt: skip
        self._db.execute("DELETE FROM copies WHERE member = ? OR representative = ?", (rowid, rowid))
        (record,) = self._db.execute("SELECT record FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        (sketch,) = sketch_batch([decode(record)], self.settings)
        self._db.executemany(
            "DELETE FROM bands WHERE key = ? AND article = ?", [(int(k), rowid) for k in sketch.keys]
        )
        self._db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))
        if members:
            self._promote(members)

    def _promote(self, members: list[int]) -> None:
        """Make the first of a removed representative's members the representative of the others.

        It takes band rows; each other member is checked against it as ``add`` checks a new
        copy (one text-only verdict each) and stays in the group or stands alone with band rows.
        """
        chosen = self._representative(members[0])
        self._write_bands(members[0], chosen.sketch)
        for member in members[1:]:
            (record,) = self._db.execute("SELECT record FROM articles WHERE rowid = ?", (member,)).fetchone()
            article = decode(record)
            (sketch,) = sketch_batch([article], self.settings)
            if sketch.content_hash == chosen.sketch.content_hash or (
                joins_group(
                    chosen.features(self.settings),
                    chosen.sketch.samples,
                    article,
                    sketch.samples,
                    self.settings,
                )
                is not None
            ):
                self._db.execute("INSERT INTO copies VALUES (?, ?)", (member, members[0]))
            else:
                self._write_bands(member, sketch)

    def _write_bands(self, rowid: int, sketch: Sketch) -> None:
        self._insert_bands([(k, rowid) for k in sketch.keys.tolist() if k >= 0])

    def _group_of(self, rowid: int, entry: Entry, pending: dict[int, list[int]]) -> int | None:
        """Return the stored representative whose copy group a new article joins, or None.

        An exact copy joins its original's group with no verdict; otherwise the stored
        articles sharing most of its text band keys (``copy_candidates``) are checked in turn
        with ``copies.joins_group`` until one passes its sampled-shingle check, which alone
        gets the text verdict.
        """
        sketch = entry.sketch
        exact = self._db.execute(_ORIGINAL, (sketch.content_hash, rowid)).fetchone()
        if exact is not None:
            return int(exact[0])
        for candidate in self.copy_candidates(sketch, pending):
            stored = self._representative(candidate)
            if is_copy(stored.sketch.samples, sketch.samples):
                copy = decode(entry.record)
                link = joins_group(stored.features(self.settings), stored.sketch.samples, copy,
                                   sketch.samples, self.settings)  # fmt: skip
                return None if link is None else candidate
        return None

    def _representative(self, rowid: int) -> _Representative:
        """Return a stored article's sketch (and features, on first use), cached by rowid and content."""
        row = self._db.execute("SELECT id, content_hash FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        cached = self._representatives.get(rowid)
        if cached is not None and (cached.article.id, cached.sketch.content_hash) == (row[0], row[1]):
            self._representatives.move_to_end(rowid)
            return cached
        (record,) = self._db.execute("SELECT record FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        article = decode(record)
        (sketch,) = sketch_batch([article], self.settings)
        made = _Representative(article, sketch)
        self._representatives[rowid] = made
        if len(self._representatives) > REPRESENTATIVE_CACHE:
            self._representatives.popitem(last=False)
        return made

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def __contains__(self, article_id: object) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get(self, article_id: str) -> Article | None:
        """Return the stored article with this id, or None."""
        record = self.record(article_id)
        return None if record is None else decode(record)

    def record(self, article_id: str) -> bytes | None:
        """Return the stored article with this id as ``encode`` wrote it (``decode`` reads it), or None."""
        found = self._db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if found is None else bytes(found[0])

    def records(self) -> Iterator[tuple[str, bytes]]:
        """Yield every stored article's id and record in insertion order, without decoding."""
        yield from self._db.execute("SELECT id, record FROM articles ORDER BY rowid")

    def ids(self) -> list[str]:
        """Return every stored id, in insertion order."""
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY rowid")]

    def published(self) -> dict[str, str | None]:
        """Return every stored article's publication date (ISO) by id."""
        return dict(self._db.execute("SELECT id, published FROM articles").fetchall())

    def articles(self) -> Iterator[Article]:
        """Yield every stored article in insertion order, decoding one at a time."""
        cursor = self._db.execute("SELECT record FROM articles ORDER BY rowid")
        for (record,) in cursor:
            yield decode(record)

    def stats(self) -> IndexStats:
        """Return counts and on-disk sizes: all, articles with their records, and LSH structures."""
        if not self.read_only:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        articles = len(self)
        sizes = dict(self._db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall())
        lsh = sum(
            sizes.get(name, 0) for name in ("bands", "articles_content", "copies", "copies_representative")
        )
        groups, members = self._db.execute(
            "SELECT COUNT(DISTINCT representative), COUNT(*) FROM copies"
        ).fetchone()
        return IndexStats(
            path=self.path,
            schema_version=SCHEMA_VERSION,
            articles=articles,
            band_rows=int(self._db.execute("SELECT COUNT(*) FROM bands").fetchone()[0]),
            bytes_total=sum(sizes.values()),
            bytes_articles=sizes.get("articles", 0) + sizes.get("sqlite_autoindex_articles_1", 0),
            bytes_lsh=lsh,
            lsh_bytes_per_article=lsh / articles if articles else 0.0,
            spec=self.spec,
            copy_groups=int(groups),
            grouped_articles=int(groups) + int(members),
        )

    def _transaction(self) -> _Transaction:
        if self.read_only:
            raise IndexStoreError(f"{self.path}: opened read-only")
        return _Transaction(self._db, self.path)


class _Representative:
    """A stored article checked as a copy group's representative: its sketch, its features once needed."""

    __slots__ = ("_features", "article", "sketch")

    def __init__(self, article: Article, sketch: Sketch) -> None:
        self.article = article
        self.sketch = sketch
        self._features: ArticleFeatures | None = None

    def features(self, settings: Settings) -> ArticleFeatures:
        from dedupe.pair.compare import analyze

        if self._features is None:
            self._features = analyze(self.article, settings)
        return self._features


def _connect_read_only(path: str) -> sqlite3.Connection:
    """Open without writing anything; on a read-only folder, where SQLite cannot make the
    WAL's shared-memory file, as an immutable file (nothing else can be writing it then)."""
    uri = f"file:{quote(str(Path(path).resolve()))}"
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    return db


def _retry(step: Callable[[], object], path: str) -> None:
    """Run ``step``, retrying while another process holds the database past the busy timeout."""
    for attempt in range(BUSY_RETRIES + 1):
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if attempt == BUSY_RETRIES:
                raise IndexStoreError(
                    f"{path}: still locked by another process after {BUSY_RETRIES + 1} waits "
                    f"of {BUSY_TIMEOUT_S:.0f} s"
                ) from error
            time.sleep(_RETRY_PAUSE_S * (attempt + 1))


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        _retry(lambda: self._db.execute("BEGIN IMMEDIATE"), self._path)

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
