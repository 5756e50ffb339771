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
against the groups whose band holders share most of its text-channel band keys
(``COPY_CANDIDATES``; each through ``copies.joins_group``: scan's sampled-shingle check, then
a text-only verdict, against the representative first) or its content. A copy joins the
group; the representative is re-picked as the scan picks it; a copy of two groups merges
them. Most copies write no band rows, so a story carried a thousand times keeps the band
rows of a few articles (the representative and a few cut-short "doors",
``index_groups.COPY_DOOR_KEYS``) and its buckets stay under ``MAX_BUCKET``. Removing (or
replacing) a representative promotes its first remaining member, which takes band rows; the
other members are checked against it and those that fail stand alone again, with band rows
of their own.

Several processes may use one index: writers wait for each other (a busy timeout, then
retries), two creating one new file agree on one schema, ``read_only`` opening works on a
read-only file or folder, and a new file that a failed first ``add`` leaves empty is removed.

The SQLite plumbing (opening, schema checks, locks, sizes) is in ``corpus.index_db``, the
copy-group rules in ``corpus.index_groups``, the queries in ``corpus.lookup``.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from dedupe.corpus.channels import sketch_batch
from dedupe.corpus.index_db import (
    BUSY_TIMEOUT_S,
    CACHE_KIB,
    Transaction,
    connect_read_only,
    index_stats,
    open_schema,
    retry,
    table_names,
)
from dedupe.corpus.index_groups import CopyGroupStore, Representative
from dedupe.corpus.records import (
    BATCH_SIZE,
    AddSummary,
    Entry,
    IndexStats,
    decode,
    entries,
    unbuilt,
)
from dedupe.corpus.workers import ordered_map, worker_pool
from dedupe.errors import IndexStoreError, SettingsError
from dedupe.models import Article
from dedupe.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    pass


class Index(CopyGroupStore):
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
        self._representatives: OrderedDict[int, Representative] = OrderedDict()
        if (not create or read_only) and not Path(path).exists():
            raise IndexStoreError(f"{self.path}: no such index (create it with `dedupe index add`)")
        self._created = not Path(path).exists()
        try:
            if read_only:
                self._db = connect_read_only(self.path)
            else:
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
                # Set before the first table exists (ignored afterwards): compressed records of
                # 1-3 KB waste up to half of each 4 KB page, far less of a 16 KB one.
                self._db.execute("PRAGMA page_size=16384")
                retry(lambda: self._db.execute("PRAGMA journal_mode=WAL"), self.path)
                self._db.execute("PRAGMA synchronous=NORMAL")
            # The band table is written at random keys: a 64 MB page cache (default 2 MB)
            # keeps the pages of a few million band rows in memory while adding.
            self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.spec = open_schema(self._db, self.path, self.settings, read_only=self.read_only)
        except sqlite3.DatabaseError as error:
            self._discard()
            raise IndexStoreError(f"{self.path}: not a usable dedupe index ({error})") from error
        except BaseException:
            self._discard()
            raise

    def close(self) -> None:
        """Close the database (the WAL is checkpointed into the main file)."""
        self._db.close()

    def _discard(self) -> None:
        """Close; remove the file if this object created it and it holds no article."""
        db = getattr(self, "_db", None)
        try:
            empty = db is None or "articles" not in table_names(self._db) or len(self) == 0
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
        copies itself and leaves this off for its temporary index).
        """
        statuses = []
        bands: list[tuple[int, int]] = []  # written once per batch, in key order: far fewer page visits
        pending: dict[int, list[int]] = {}  # text band key -> this batch's rowids whose bands wait
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
                if copies:
                    self._place(rowid, entry, bands, pending)
                else:
                    bands.extend((k, rowid) for k in sketch.keys.tolist() if k >= 0)
                statuses.append("added" if found is None else "replaced")
            self._insert_bands(bands)
        return statuses

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
        return index_stats(self._db, self.path, self.spec, read_only=self.read_only)

    def _transaction(self) -> Transaction:
        if self.read_only:
            raise IndexStoreError(f"{self.path}: opened read-only")
        return Transaction(self._db, self.path)
