"""The query side of the index: which stored articles share band keys, and how they relate.

A query looks up the band keys (and the content hash) of one article, compares the
stored articles that share most of them with the ``compare`` verdict, and keeps those
at least related. Stored records are fetched a chunk of hits at a time.

Copies joined to a copy group (``Index.add``) have no band rows: a query finds a group
by its representative, compares it alone, and lists each member with the
representative's verdict, marked inferred (``inferred_from``, reason ``copy_group``), so
a story stored a thousand times costs one verdict. A member found by its content is
answered through its representative too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace

from dedupe.corpus.candidates import MAX_BUCKET, NAMES_MIN_JACCARD, TERMS_MIN_SHARED, names_jaccard
from dedupe.corpus.channels import CHANNELS, NAMES, TERMS, TEXT, Sketch, sketch_batch, term_hashes
from dedupe.corpus.linkage import Link, link_from_report
from dedupe.corpus.records import Hit, QueryResult, decode
from dedupe.corpus.workers import batches
from dedupe.models import Article, Reason
from dedupe.settings import Settings

QUERY_CANDIDATES = 200
"""Most stored articles compared with a query: exact copies, then those sharing most band keys."""
COPY_CANDIDATES = 4
"""Stored articles (those sharing most text band keys) ``Index.add`` checks a new article against
as a copy; only the first whose sampled shingles pass gets a verdict."""
_FETCH_CHUNK = 64  # stored hits fetched per statement: a query with many hits holds few records at once


class Lookup:
    """Queries of an open index; ``Index`` supplies the connection and the settings."""

    _db: sqlite3.Connection
    settings: Settings

    def lookup(self, sketch: Sketch) -> list[Hit]:
        """Return the stored articles sharing the content or a band key (buckets up to ``MAX_BUCKET``).

        Hits come with the channels they share keys in, exact copies first, then by keys shared.
        """
        names = [c.name for c in CHANNELS for _ in range(c.bands)]
        channel_of = {int(k): names[n] for n, k in enumerate(sketch.keys)}
        channel_of.pop(-1, None)
        usable: list[int] = []
        for chunk in batches(list(channel_of), 500):
            marks = ",".join("?" * len(chunk))
            usable += [row[0] for row in self._db.execute(
                f"SELECT key FROM bands WHERE key IN ({marks}) GROUP BY key HAVING COUNT(*) <= ?",
                [*chunk, MAX_BUCKET])]  # fmt: skip
        shared: dict[int, list[str]] = {}
        for chunk in batches(usable, 500):
            marks = ",".join("?" * len(chunk))
            for key, rowid in self._db.execute(
                f"SELECT key, article FROM bands WHERE key IN ({marks})", chunk
            ):
                shared.setdefault(rowid, []).append(channel_of[key])
        for (rowid,) in self._db.execute(
            "SELECT rowid FROM articles WHERE content_hash = ?", (sketch.content_hash,)
        ):
            shared.setdefault(rowid, []).insert(0, "content")
        id_of: dict[int, str] = {}
        for chunk in batches(list(shared), 500):
            marks = ",".join("?" * len(chunk))
            id_of.update(self._db.execute(f"SELECT rowid, id FROM articles WHERE rowid IN ({marks})", chunk))
        hits = [
            Hit(id_of[rowid], _channels(channels), len(channels) - channels.count("content"))
            for rowid, channels in shared.items()
        ]
        hits = [hit for hit in hits if hit.channels]
        return sorted(hits, key=lambda hit: ("content" not in hit.channels, -hit.shared_keys, hit.id))

    def copy_candidates(self, sketch: Sketch, pending: dict[int, list[int]] | None = None) -> list[int]:
        """Return the rowids of up to ``COPY_CANDIDATES`` stored articles sharing most of the sketch's
        text band keys (buckets up to ``MAX_BUCKET``), most first; ``pending`` adds rows of the
        current transaction whose band rows are not written yet (key -> rowids)."""
        keys = sorted({k for k in sketch.keys[: TEXT.bands].tolist() if k >= 0})
        if not keys:
            return []
        shared: dict[int, int] = {}
        marks = ",".join("?" * len(keys))
        for rowid, count in self._db.execute(
            f"SELECT article, COUNT(*) FROM bands WHERE key IN ({marks}) AND key IN"
            f" (SELECT key FROM bands WHERE key IN ({marks}) GROUP BY key HAVING COUNT(*) <= ?)"
            " GROUP BY article",
            [*keys, *keys, MAX_BUCKET],
        ):
            shared[rowid] = count
        for key in keys:
            for rowid in (pending or {}).get(key, ()):
                shared[rowid] = shared.get(rowid, 0) + 1
        return sorted(shared, key=lambda rowid: (-shared[rowid], rowid))[:COPY_CANDIDATES]

    def members(self, representative: str) -> list[str]:
        """Return the ids of the copies joined to a stored representative's group, in insertion order."""
        return [row[0] for row in self._db.execute(
            "SELECT m.id FROM copies c JOIN articles m ON m.rowid = c.member"
            " JOIN articles r ON r.rowid = c.representative WHERE r.id = ? ORDER BY c.member",
            (representative,))]  # fmt: skip

    def _as_representatives(self, hits: list[Hit]) -> list[Hit]:
        """Replace each hit that is a group member by its representative (channels merged), keeping order."""
        ids = [hit.id for hit in hits]
        rep_of: dict[str, str] = {}
        for chunk in batches(ids, 500):
            marks = ",".join("?" * len(chunk))
            rep_of.update(self._db.execute(
                "SELECT m.id, r.id FROM copies c JOIN articles m ON m.rowid = c.member"
                " JOIN articles r ON r.rowid = c.representative"
                f" WHERE m.id IN ({marks})", chunk))  # fmt: skip
        if not rep_of:
            return hits
        merged: dict[str, Hit] = {}
        for hit in hits:
            name = rep_of.get(hit.id, hit.id)
            known = merged.get(name)
            if known is None:
                merged[name] = Hit(name, hit.channels, hit.shared_keys)
            else:
                channels = _ordered_channels((*known.channels, *hit.channels))
                merged[name] = Hit(name, channels, max(known.shared_keys, hit.shared_keys))
        return sorted(
            merged.values(), key=lambda hit: ("content" not in hit.channels, -hit.shared_keys, hit.id)
        )

    def query(self, article: Article, *, settings: Settings | None = None) -> QueryResult:
        """Compare ``article`` with the stored articles that share a band key or its content.

        Matches are every compared article whose relation is not ``unrelated``, strongest
        first; the stored copy of the query itself (same id) is left out.
        """
        from dedupe.pair.compare import analyze, compare_features

        chosen = settings or self.settings
        (sketch,) = sketch_batch([article], self.settings)
        hits = self.lookup(sketch)
        indexed = any(hit.id == article.id and "content" in hit.channels for hit in hits)
        hits = self._as_representatives([hit for hit in hits if hit.id != article.id])
        features = analyze(article, chosen)
        compared = 0
        matches = []
        for hit, stored in self._stored(hits):
            if compared == QUERY_CANDIDATES:
                break
            if not _worth_comparing(hit, sketch, stored):
                continue
            compared += 1
            link = link_from_report(
                compare_features(features, analyze(stored, chosen), chosen), channels=hit.channels
            )
            if link.relation.strength > 0:
                matches.append(link)
                matches.extend(_member_link(link, m) for m in self.members(hit.id) if m != article.id)
        matches.sort(key=_strongest)
        return QueryResult(article.id, indexed, compared, tuple(matches))

    def _stored(self, hits: Iterable[Hit]) -> Iterator[tuple[Hit, Article]]:
        """Yield each hit with its stored article, fetching records a chunk of hits at a time."""
        for chunk in batches(hits, _FETCH_CHUNK):
            marks = ",".join("?" * len(chunk))
            records = dict(
                self._db.execute(
                    f"SELECT id, record FROM articles WHERE id IN ({marks})", [h.id for h in chunk]
                )
            )
            yield from ((hit, decode(records[hit.id])) for hit in chunk if hit.id in records)


def _strongest(link: Link) -> tuple[int, float, bool, str]:
    """Sort key of matches: strongest relation, then confidence, compared before inferred, then id."""
    return (-link.relation.strength, -link.confidence, link.inferred_from is not None, link.b)


def _member_link(link: Link, member: str) -> Link:
    """The query's verdict with a group's representative (``link.b``), inferred for one of its members."""
    reason = Reason("copy_group", f"a copy in the copy group of {link.b}: the verdict with it, not compared")
    return replace(link, b=member, inferred_from=link.b, reasons=(reason, *link.reasons))


def _ordered_channels(channels: Iterable[str]) -> tuple[str, ...]:
    """Channels without repeats, "content" first."""
    unique = tuple(dict.fromkeys(channels))
    return tuple(sorted(unique, key=lambda c: c != "content"))


def _channels(shared: list[str]) -> tuple[str, ...]:
    """The channels a hit counts in: the terms channel only from ``TERMS_MIN_SHARED`` shared terms on,
    as ``candidates.proposed_pairs`` has it."""
    return tuple(c for c in dict.fromkeys(shared) if c != TERMS.name or shared.count(c) >= TERMS_MIN_SHARED)


def _worth_comparing(hit: Hit, sketch: Sketch, stored: Article) -> bool:
    """Apply ``scan``'s candidate rule: shared text or content, or enough shared name terms."""
    if hit.channels != (NAMES.name,):
        return True
    return names_jaccard(sketch.terms, term_hashes(stored)) >= NAMES_MIN_JACCARD
