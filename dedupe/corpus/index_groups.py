"""Copy groups of an open index: which group a new article joins, and who leads when its representative goes.

``Index`` supplies the connection and the settings (as for ``Lookup``'s queries) and the
cache of representatives; the rules are ``copies.is_copy`` and ``copies.joins_group``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from dedupe.corpus.channels import Sketch, sketch_batch
from dedupe.corpus.copies import is_copy, joins_group
from dedupe.corpus.lookup import Lookup
from dedupe.corpus.records import Entry, decode
from dedupe.models import Article
from dedupe.settings import Settings

if TYPE_CHECKING:
    from dedupe.pair.compare import ArticleFeatures

_ORIGINAL = (
    "SELECT COALESCE(c.representative, a.rowid) FROM articles a LEFT JOIN copies c ON c.member = a.rowid"
    " WHERE a.content_hash = ? AND a.rowid != ? ORDER BY a.rowid LIMIT 1"
)  # the group an exact copy joins: its first stored original's (that article's, or its representative's)
REPRESENTATIVE_CACHE = 256
"""Stored articles whose sketch and text features ``add`` keeps while checking copies against
them: a feed carrying a few hundred stories at a time analyses each representative once."""


class Representative:
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


class CopyGroupStore(Lookup):
    """Band rows and copy-group membership of stored articles; ``Index`` holds the connection."""

    _representatives: OrderedDict[int, Representative]

    def _insert_bands(self, bands: list[tuple[int, int]]) -> None:
        """Write and clear pending band rows."""
        bands.sort()
        self._db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", bands)
        bands.clear()

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
        articles sharing most of its text band keys (``copy_candidates``, a bounded few) are
        checked in turn with ``copies.joins_group``: a candidate that passes the
        sampled-shingle check gets the text verdict, and one the verdict rejects (a cut-short
        representative, say) hands over to the next, so one story does not split into groups.
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
                if link is not None:
                    return candidate
        return None

    def _representative(self, rowid: int) -> Representative:
        """Return a stored article's sketch (and features, on first use), cached by rowid and content."""
        row = self._db.execute("SELECT id, content_hash FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        cached = self._representatives.get(rowid)
        if cached is not None and (cached.article.id, cached.sketch.content_hash) == (row[0], row[1]):
            self._representatives.move_to_end(rowid)
            return cached
        (record,) = self._db.execute("SELECT record FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        article = decode(record)
        (sketch,) = sketch_batch([article], self.settings)
        made = Representative(article, sketch)
        self._representatives[rowid] = made
        if len(self._representatives) > REPRESENTATIVE_CACHE:
            self._representatives.popitem(last=False)
        return made
