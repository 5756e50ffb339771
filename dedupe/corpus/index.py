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

Several processes may use one index: writers wait for each other (a busy timeout, then
retries), two creating one new file agree on one schema, ``read_only`` opening works on a
read-only file or folder, and a new file that a failed first ``add`` leaves empty is removed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from dedupe.corpus.candidates import (
    CHANNELS,
    sketch_batch,
)
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

_CACHE_KIB = 64 * 1024
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another's transaction (a long ``remove``) before retrying."""
BUSY_RETRIES = 5
"""Times a writer retries after a busy timeout before giving up with ``IndexStoreError``."""
_RETRY_PAUSE_S = 0.2


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
                for status in self.add_entries(batch):
                    counts[status] += 1
                done += len(batch)
                if progress is not None:
                    progress(done)
        return AddSummary(**counts)

    def add_entries(self, batch: Sequence[Entry]) -> list[str]:
        """Store one batch in one transaction; return each one's status.

        The status is ``added``, ``unchanged`` (same id and content already stored) or
        ``replaced`` (same id, new content).
        """
        statuses = []
        bands: list[tuple[int, int]] = []  # written once per batch, in key order: far fewer page visits
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
                    self._delete(found[0])
                cursor = self._db.execute(
                    "INSERT INTO articles (id, content_hash, words, title, outlet, published, record)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (entry.id, sketch.content_hash, sketch.words, entry.title, entry.outlet, entry.published,
                     entry.record),
                )  # fmt: skip
                rowid = cursor.lastrowid
                assert rowid is not None  # an INSERT always sets it
                bands.extend((k, rowid) for k in sketch.keys.tolist() if k >= 0)
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
        (record,) = self._db.execute("SELECT record FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        (sketch,) = sketch_batch([decode(record)], self.settings)
        self._db.executemany(
            "DELETE FROM bands WHERE key = ? AND article = ?", [(int(k), rowid) for k in sketch.keys]
        )
        self._db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

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
        lsh = sizes.get("bands", 0) + sizes.get("articles_content", 0)
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
        )

    def _transaction(self) -> _Transaction:
        if self.read_only:
            raise IndexStoreError(f"{self.path}: opened read-only")
        return _Transaction(self._db, self.path)


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
