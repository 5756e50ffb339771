"""The SQLite side of the index: connecting (read-only too), schema checks, locks, sizes on disk.

``corpus.index`` keeps the articles, band rows and copy groups; this module opens the
file, creates or checks its tables, retries writers past another process's lock, wraps
a batch in one transaction and measures the file.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from dedupe.corpus.channels import CHANNELS
from dedupe.corpus.records import SCHEMA, SCHEMA_VERSION, IndexStats, spec_json
from dedupe.errors import IndexStoreError
from dedupe.settings import Settings
from dedupe.text.fingerprint import SignatureSpec, current_spec

CACHE_KIB = 64 * 1024
"""SQLite page cache of a connection, in KiB (the default is 2 MB)."""
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another's transaction (a long ``remove``) before retrying."""
BUSY_RETRIES = 5
"""Times a writer retries after a busy timeout before giving up with ``IndexStoreError``."""
_RETRY_PAUSE_S = 0.2


def open_schema(db: sqlite3.Connection, path: str, settings: Settings, *, read_only: bool) -> SignatureSpec:
    """Create a new file's tables (one process wins); check schema, spec and channels; return the spec."""
    spec = current_spec(num_perm=settings.num_perm, seed=settings.seed,
                        shingle_size=settings.shingle_size)  # fmt: skip
    channels = json.dumps([[c.name, c.bands, c.rows, c.salt] for c in CHANNELS])
    tables = table_names(db)
    if not tables and not read_only:
        with Transaction(db, path):
            if table_names(db):  # another process created it while this one waited for the lock
                return open_schema(db, path, settings, read_only=read_only)
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("spec", spec_json(spec)),
                    ("channels", channels),
                ],
            )
        tables = table_names(db)
    if "meta" not in tables and tables:
        raise IndexStoreError(f"{path}: an SQLite file, but not a dedupe index")
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    version = int(meta.get("schema_version", "0"))
    if version != SCHEMA_VERSION:
        raise IndexStoreError(
            f"{path}: index schema version {version}, this dedupe reads version {SCHEMA_VERSION}; "
            "rebuild it with `dedupe index add`"
        )
    stored = SignatureSpec(**json.loads(meta["spec"]))
    spec.check(stored, path)
    if meta["channels"] != channels:
        raise IndexStoreError(f"{path}: index built with other LSH channels {meta['channels']}")
    return stored


def table_names(db: sqlite3.Connection) -> set[str]:
    """Return the names of the tables in the file."""
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def index_stats(db: sqlite3.Connection, path: str, spec: SignatureSpec, *, read_only: bool) -> IndexStats:
    """Return counts and on-disk sizes: all, articles with their records, and LSH structures."""
    if not read_only:
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    articles = int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    sizes = dict(db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall())
    lsh = sum(sizes.get(name, 0) for name in ("bands", "articles_content", "copies", "copies_representative"))
    groups, members = db.execute("SELECT COUNT(DISTINCT representative), COUNT(*) FROM copies").fetchone()
    return IndexStats(
        path=path,
        schema_version=SCHEMA_VERSION,
        articles=articles,
        band_rows=int(db.execute("SELECT COUNT(*) FROM bands").fetchone()[0]),
        bytes_total=sum(sizes.values()),
        bytes_articles=sizes.get("articles", 0) + sizes.get("sqlite_autoindex_articles_1", 0),
        bytes_lsh=lsh,
        lsh_bytes_per_article=lsh / articles if articles else 0.0,
        spec=spec,
        copy_groups=int(groups),
        grouped_articles=int(groups) + int(members),
    )


def connect_read_only(path: str) -> sqlite3.Connection:
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


def retry(step: Callable[[], object], path: str) -> None:
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


class Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        retry(lambda: self._db.execute("BEGIN IMMEDIATE"), self._path)

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
