"""Copy groups of an open index: which group a new article joins, who leads it, which groups merge.

``Index`` supplies the connection and the settings (as for ``Lookup``'s queries) and the
cache of stored articles checked against; the rules are ``copies.is_copy``,
``copies.joins_group`` and ``copies.best_representative``. A group's band holders are its
representative and its doors (``_keeps_bands``); its other members write no band rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from dedupe.corpus.channels import TEXT, Sketch, sketch_batch
from dedupe.corpus.copies import COPY_MIN_SAMPLES, best_representative, is_copy, joins_group, shared_samples
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
REPRESENTATIVE_CACHE = 4096
"""Stored articles whose sketch and text features ``add`` keeps while checking copies against
them: a feed carrying a few hundred stories at a time reads each representative, its doors and
its panel (``COPY_PANEL``) once (sketching one again costs ~20 ms, analysing it as much)."""
COPY_PANEL = 6
"""Latest members of a copy group (distinct texts) that ``add`` also checks a new article against
when the representative's verdict rejects it, and among which it re-picks the representative:
bounded work per add whatever the group's size, and enough variants of a story (full, cut
short, wrapped, edited) that one of them is its full text."""
COPY_DOOR_KEYS = 8
"""A group member sharing fewer text band keys (of ``TEXT.bands``, 16) than this with each band
holder of its group keeps band rows of its own (``_keeps_bands``): half the keys. Expected
shares are ``16 * J ** TEXT.rows`` at text Jaccard J: 8 at 0.8 (a copy cut to 80% of the story
against the full text), 1 at 0.4, when that 40% copy expects 5 with a 60% one. At 6 and at 4,
some arrival orders of an invented story cut at 40/60/80% (tests/test_corpus_index_groups.py)
left the 40% copy outside its group; at 8 none of 80 did."""


class Representative:
    """A stored article checked as a copy group's representative: its sketch, its features once needed."""

    __slots__ = ("_article", "_features", "_record", "sketch")

    def __init__(self, article: Article | None, sketch: Sketch, record: bytes = b"") -> None:
        self._article = article
        self._record = record  # decoded on first use: most new articles are nobody's copy
        self.sketch = sketch
        self._features: ArticleFeatures | None = None

    @property
    def article(self) -> Article:
        if self._article is None:
            self._article = decode(self._record)
            self._record = b""
        return self._article

    def features(self, settings: Settings) -> ArticleFeatures:
        from dedupe.pair.compare import analyze

        if self._features is None:
            self._features = analyze(self.article, settings)
        return self._features


class CopyGroupStore(Lookup):
    """Band rows and copy-group membership of stored articles; ``Index`` holds the connection."""

    _representatives: OrderedDict[int, Representative]

    def copy_groups(self) -> dict[str, list[str]]:
        """Return every copy group as its representative's id -> its members' ids, in insertion order."""
        found: dict[str, list[str]] = {}
        for member, representative in self._db.execute(
            "SELECT m.id, r.id FROM copies c JOIN articles m ON m.rowid = c.member"
            " JOIN articles r ON r.rowid = c.representative ORDER BY c.representative, c.member"
        ):
            found.setdefault(representative, []).append(member)
        return found

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

    def _place(
        self, rowid: int, entry: Entry, bands: list[tuple[int, int]], pending: dict[int, list[int]]
    ) -> None:
        """Join a new, stored article to a copy group, or give it band rows of its own.

        An exact copy joins its original's group with no verdict. Otherwise the stored
        articles with band rows sharing most of its text band keys (``copy_candidates``, a
        bounded few: representatives and doors, see ``_keeps_bands``) name the groups to try,
        in turn: the first it is a copy of (``_matches``) takes it, and each other group it
        is also a copy of is merged into that one (the new article bridges them). Then the
        group's representative is re-picked (``_repick``). ``bands`` and ``pending`` are the
        batch's unwritten band rows.
        """
        sketch = entry.sketch
        exact = self._db.execute(_ORIGINAL, (sketch.content_hash, rowid)).fetchone()
        if exact is not None:
            self._db.execute("INSERT INTO copies VALUES (?, ?)", (rowid, int(exact[0])))
            return
        groups: dict[int, list[int]] = {}  # representative -> its band holders sharing keys with the article
        for hit in self.copy_candidates(sketch, pending):
            groups.setdefault(self._leader(hit), []).append(hit)
        joined: int | None = None
        copy = Representative(None, sketch, entry.record)
        holders: list[int] = []
        for representative, found in groups.items():
            if joined is None:
                if self._matches(representative, found, copy, panel=True):
                    joined = representative
                    holders += found
                    self._db.execute("INSERT INTO copies VALUES (?, ?)", (rowid, representative))
                    self._remember(rowid, copy)
            elif self._matches(representative, found, copy, panel=False):
                self._flush(bands, pending)
                self._merge(representative, joined)
                holders += found
        if joined is None:
            self._remember(rowid, copy)  # a new band holder: later copies check against it
        if joined is None or self._keeps_bands(sketch, holders):
            bands.extend((k, rowid) for k in sketch.keys.tolist() if k >= 0)
            for key in sketch.keys[: TEXT.bands].tolist():
                if key >= 0:
                    pending.setdefault(key, []).append(rowid)
        if joined is not None:
            chosen = self._repick(joined)
            if chosen != joined:
                self._flush(bands, pending)
                self._lead(joined, chosen)

    def _leader(self, rowid: int) -> int:
        """Return the representative of a stored article's group (itself, if it leads or stands alone)."""
        found = self._db.execute("SELECT representative FROM copies WHERE member = ?", (rowid,)).fetchone()
        return rowid if found is None else int(found[0])

    def _keeps_bands(self, sketch: Sketch, holders: Sequence[int]) -> bool:
        """Return whether a group member keeps band rows of its own: it is a door into its group.

        A copy that shares fewer than ``COPY_DOOR_KEYS`` text band keys with every band holder
        of its group (a cut-short copy, most often) is where shorter copies still to come
        find the group: they may share no key with the full text at all. A copy that finds a
        door sharing enough keys does not become one (one copy in eight is a door on the
        syndicated bench, nearly all cut short).
        A representative that gives way (``_lead``, ``_merge``) keeps its band rows as a door
        too: copies still to come that resemble it more than the new one find the group there.
        """
        own = sketch.keys[: TEXT.bands]
        return all(
            int(np.sum((own == self._representative(h).sketch.keys[: TEXT.bands]) & (own >= 0)))
            < COPY_DOOR_KEYS
            for h in holders
        )

    def _matches(
        self, representative: int, holders: Sequence[int], copy: Representative, *, panel: bool
    ) -> bool:
        """Return whether a new article is a copy of a group: of its representative, a band holder
        of it that it shares keys with, or (``panel``, when it shares sampled shingles with one
        of those) one of the group's latest members.

        Each partner costs ``is_copy`` on the sampled shingles, and one that passes, the text
        verdict (``joins_group``); a verdict that rejects (against a cut-short copy, say)
        hands over to the next partner, so one story does not split into groups.
        """
        rows = list(dict.fromkeys([representative, *holders]))  # the representative: most often the full text
        partners = [self._representative(r) for r in rows]
        if panel and any(
            shared_samples(p.sketch.samples, copy.sketch.samples) >= COPY_MIN_SAMPLES for p in partners
        ):
            partners += [self._representative(m) for m in self._panel(representative) if m not in rows]
        for partner in partners:
            if is_copy(partner.sketch.samples, copy.sketch.samples) and joins_group(
                partner.features(self.settings), partner.sketch.samples, copy.article, copy.sketch.samples,
                self.settings,
            ) is not None:  # fmt: skip
                return True
        return False

    def _panel(self, representative: int) -> list[int]:
        """Return a group's panel: its ``COPY_PANEL`` latest members of distinct texts (not the
        representative's), a bounded sample of the ways the story is carried."""
        rows = self._db.execute(
            "SELECT c.member, a.content_hash FROM copies c JOIN articles a ON a.rowid = c.member"
            " WHERE c.representative = ? ORDER BY c.member DESC LIMIT ?",
            (representative, 4 * COPY_PANEL),
        ).fetchall()
        seen = {self._representative(representative).sketch.content_hash}
        chosen: list[int] = []
        for member, content in rows:
            if content not in seen and len(chosen) < COPY_PANEL:
                seen.add(content)
                chosen.append(int(member))
        return chosen

    def _repick(self, representative: int) -> int:
        """Return which of a group's representative and its panel should stand for it
        (``copies.best_representative``, as the scan picks: the fullest, unwrapped copy)."""
        rows = [representative, *self._panel(representative)]
        samples = [self._representative(r).sketch.samples for r in rows]
        return rows[best_representative(samples)]

    def _lead(self, old: int, new: int) -> None:
        """Make member ``new`` the representative of ``old``'s group; ``old`` stays a band holder (a door)."""
        self._db.execute("DELETE FROM copies WHERE member = ?", (new,))
        self._db.execute("UPDATE copies SET representative = ? WHERE representative = ?", (new, old))
        self._db.execute("INSERT INTO copies VALUES (?, ?)", (old, new))
        self._write_bands(new, self._representative(new).sketch)  # ``old`` keeps its band rows: a door

    def _merge(self, other: int, representative: int) -> None:
        """Move group ``other`` (its representative and members) into ``representative``'s group."""
        self._db.execute(
            "UPDATE copies SET representative = ? WHERE representative = ?", (representative, other)
        )
        self._db.execute("INSERT INTO copies VALUES (?, ?)", (other, representative))  # a door now

    def _flush(self, bands: list[tuple[int, int]], pending: dict[int, list[int]]) -> None:
        """Write the batch's pending band rows, so that groups can be changed in the table."""
        self._insert_bands(bands)
        pending.clear()

    def _remember(self, rowid: int, copy: Representative) -> None:
        """Cache a new member's sketch and article: the next adds read it in the group's panel."""
        self._representatives[rowid] = copy
        if len(self._representatives) > REPRESENTATIVE_CACHE:
            self._representatives.popitem(last=False)

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
        self._remember(rowid, made)
        return made
