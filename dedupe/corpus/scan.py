"""Scan a corpus: which articles are duplicates, which reuse each other, which report one event.

Stages, each bounded in memory by sketches and candidate state, never by corpus text:

1. *read* — articles stream into an ``Index`` (a temporary one unless given), batch by
   batch; only each article's sketch (content hash, band keys, name-term hashes) stays
   in memory. With ``jobs > 1`` the workers build (``RawArticle.build``: boilerplate,
   title, date, language), sketch and compress each batch (``store.entries``) and this
   process only reads the input and writes the index.
2. *candidates* — LSH channels (``dedupe.corpus.candidates``) propose pairs; pairs that only the
   ``names`` channel found must also share ``candidates.NAMES_MIN_JACCARD`` of their name terms.
   Copies of one story (exact, edited, cut short, wrapped) are grouped first
   (``dedupe.corpus.copies``): only a group's representative takes part in candidates;
   each copy is compared once with it and clustered with it.
3. *verify* — the candidate graph splits into connected components (a scan of at most
   ``verify.ALL_PAIRS_LIMIT`` articles is one, so every pair of it is scored); clusters never span
   two, so each component is re-read from the index, its pairs go through
   ``pipeline.compare_features`` (the very verdict of ``dedupe compare``), and it is
   clustered and described on its own (``verify.verify_component``, a pure function: with
   ``jobs > 1`` components run in worker processes, which also decode their articles). A
   component of more than ``SPLIT_PAIRS`` comparisons is compared in chunks, then clustered
   whole, or, above ``verify.ALL_PAIRS_LIMIT`` articles, piece by piece (``split_pieces``: the
   connected pieces of its same-event links, which no cluster crosses).
4. *cluster* — duplicate groups, reuse groups and event clusters by average linkage
   (``dedupe.corpus.cluster``), numbered stably by first member.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dedupe.corpus.candidates import ChannelCount, Sketch, components, proposed_pairs
from dedupe.corpus.cluster import Cluster, Link, number, single
from dedupe.corpus.copies import CopyGroups, copy_groups
from dedupe.corpus.copy_groups import PAIRS_MODES, CopyGroup, describe_groups, expand_pairs
from dedupe.corpus.index import Index
from dedupe.corpus.records import BATCH_SIZE, entries, unbuilt
from dedupe.corpus.scan_tasks import (
    Component,
    Piece,
    cluster_tasks,
    compare_tasks,
    in_work_order,
    piece_tasks,
    run_task,
    sketch_records,
    split_pieces,
)
from dedupe.corpus.verify import ALL_PAIRS_LIMIT
from dedupe.corpus.workers import batches, completed, ordered_map, worker_pool
from dedupe.errors import SettingsError
from dedupe.models import Article, Progress
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS, Settings

SPLIT_PAIRS = 400
"""Components with more comparisons than this are split: their pairs compared in chunks over
the workers, then clustered once, so that one dense component keeps every core busy."""


@dataclass(frozen=True, slots=True)
class ScanReport:
    """The overlap report of a corpus: clusters per level and the verified pairs inside them."""

    articles: int
    exact_copies: int
    candidates: int
    compared: int
    channels: tuple[ChannelCount, ...]
    min_relation: Relation
    clusters: tuple[Cluster, ...]
    pairs: tuple[Link, ...]  # compared pairs: none inferred for the copies of a copy group
    copy_groups: tuple[CopyGroup, ...] = ()  # copies of one story, each standing as its representative
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title, for articles that have one

    def level(self, name: str) -> tuple[Cluster, ...]:
        """Return the clusters of one level ("duplicate", "reuse" or "event")."""
        return tuple(c for c in self.clusters if c.level == name)


def with_pairs(report: ScanReport, mode: str) -> ScanReport:
    """Return ``report`` listing the pairs ``mode`` (one of ``copy_groups.PAIRS_MODES``) asks for.

    "compared" lists the report's own pairs (each compared); "all" adds every pair inferred
    for the copies of a copy group, marked ``inferred_from``; "none" lists no pairs.
    """
    if mode not in PAIRS_MODES:
        raise SettingsError(f"pairs must be one of {', '.join(PAIRS_MODES)}, got {mode!r}")
    if mode == "none":
        return replace(report, pairs=())
    if mode == "all":
        return replace(report, pairs=expand_pairs(report.pairs, report.copy_groups))
    return report


def scan(
    articles: Iterable[Article],
    *,
    index: Index | None = None,
    min_relation: Relation | str = Relation.SAME_EVENT,
    jobs: int = 1,
    progress: Progress | None = None,
    settings: Settings | None = None,
    **overrides: Any,
) -> ScanReport:
    """Scan ``articles`` (and everything already in ``index``) and return the overlap report.

    Args:
        articles: Articles to scan; streamed, so a generator over a huge dump is fine.
        index: A persistent index to add them to and scan whole; a temporary one otherwise.
        min_relation: The weakest relation of the pairs listed in the report.
        jobs: Worker processes for sketching and verification (1: all in this process).
        progress: Called as ``progress(stage, done, total)`` while the scan runs.
        settings: Pipeline settings; keyword ``overrides`` update them.

    Examples:
        >>> report = scan(load_articles(["fixtures/seeds"]))  # doctest: +SKIP
        >>> [c.members for c in report.level("event")]  # doctest: +SKIP
    """
    chosen = (
        (settings or DEFAULT_SETTINGS).updated(**overrides) if overrides else settings or DEFAULT_SETTINGS
    )
    if jobs < 1:
        raise SettingsError(f"jobs must be at least 1, got {jobs}")
    run = _Run(chosen, Relation(min_relation), progress or _silent, jobs)
    if index is not None:
        _check_compatible(chosen, index)
        return run.scan(articles, index, group=True)
    with (
        tempfile.TemporaryDirectory(prefix="dedupe-scan-") as folder,
        Index(Path(folder) / "scan.db", settings=chosen) as temporary,
    ):
        return run.scan(articles, temporary)


def assemble_report(
    ids: Sequence[str],
    published: Mapping[str, str | None],
    copies: CopyGroups,
    candidates: int,
    channels: tuple[ChannelCount, ...],
    links: Sequence[Link],
    clusters: Sequence[Cluster],
    weakest: Relation,
    titles: Mapping[str, str | None] | None = None,
) -> ScanReport:
    """Build the report both engines return: numbered clusters, copy groups and the compared pairs,
    strongest first, and the title of each article that has one (in ``ids`` order)."""
    listed = sorted((k for k in links if k.relation.strength >= weakest.strength),
                    key=lambda k: (-k.relation.strength, k.a, k.b))  # fmt: skip
    return ScanReport(
        articles=len(ids),
        exact_copies=copies.exact_copies,
        candidates=candidates,
        compared=sum(1 for k in links if k.inferred_from is None),
        channels=channels,
        min_relation=weakest,
        clusters=number(clusters),
        pairs=tuple(listed),
        copy_groups=describe_groups(copies, ids, published, links),
        titles={i: t for i in ids if (t := (titles or {}).get(i))},
    )


def _check_compatible(settings: Settings, index: Index) -> None:
    for name in ("shingle_size", "num_perm", "seed"):
        if getattr(settings, name) != getattr(index.settings, name):
            raise SettingsError(
                f"{name} {getattr(settings, name)} differs from the index's {getattr(index.settings, name)}"
            )


def _silent(stage: str, done: int, total: int | None) -> None:
    """Ignore progress."""


class _Run:
    """One scan: settings, progress, and the worker pool when ``jobs > 1``."""

    def __init__(self, settings: Settings, weakest: Relation, progress: Progress, jobs: int) -> None:
        self.settings = settings
        self.weakest = weakest
        self.progress = progress
        self.jobs = jobs

    def scan(self, articles: Iterable[Article], index: Index, *, group: bool = False) -> ScanReport:
        """Scan; with ``group`` new articles join the (persistent) index's copy groups as in ``add``."""
        titles: dict[str, str] = {}
        with worker_pool(self.jobs) as pool:
            sketches = self._read(articles, index, pool, titles, group)
            ids = [s.id for s in sketches]
            copies = copy_groups(sketches)
            pairs, channels = proposed_pairs(sketches, copies.members)
            del sketches
            links, clusters, grouped = self._verify(ids, pairs, copies, index, pool)
        published = index.published()
        clusters.extend(single(ids[r], published.get(ids[r])) for r in range(len(ids)) if r not in grouped)
        return assemble_report(
            ids, published, copies, len(pairs), channels, links, clusters, self.weakest, titles
        )

    def _read(
        self,
        articles: Iterable[Article],
        index: Index,
        pool: Executor | None,
        titles: dict[str, str],
        group: bool,
    ) -> list[Sketch]:
        """Add the articles to the index (``group``: into its copy groups) and sketch everything it
        holds; fill ``titles``."""
        self.progress("read", 0, None)  # at once: the first batch takes seconds to come back
        sketches: list[Sketch] = []
        seen: set[str] = set()
        for batch in ordered_map(pool, self.jobs, entries, unbuilt(articles, BATCH_SIZE), self.settings):
            index.add_entries(batch, copies=group)
            for entry in batch:
                if entry.id not in seen:
                    seen.add(entry.id)
                    sketches.append(entry.sketch)
                    if entry.title:
                        titles[entry.id] = entry.title
            self.progress("read", len(sketches), None)
        if len(index) > len(seen):  # a persistent index holds articles not given this time
            stored = batches((record for found, record in index.records() if found not in seen), BATCH_SIZE)
            for made, named in ordered_map(pool, self.jobs, sketch_records, stored, self.settings):
                sketches.extend(made)
                titles.update(named)
                self.progress("read", len(sketches), None)
        return sketches

    def _verify(
        self,
        ids: list[str],
        pairs: dict[tuple[int, int], tuple[str, ...]],
        copies: CopyGroups,
        index: Index,
        pool: Executor | None,
    ) -> tuple[list[Link], list[Cluster], set[int]]:
        """Verify and cluster each connected component of the candidate graph."""
        found_components = components(len(ids), pairs, copies.members, copies.same_text, ALL_PAIRS_LIMIT)
        large = [n for n, (_, work) in enumerate(found_components) if len(work) > SPLIT_PAIRS]
        results: dict[int, tuple[list[Link], list[Cluster]]] = {}
        compared: dict[int, dict[int, list[Link]]] = {n: {} for n in large}
        total = sum(len(work) for _, work in found_components)
        done = 0
        self.progress("compare", done, total)
        tasks = compare_tasks(found_components, set(large), copies.members, ids, index)
        for key, result in completed(pool, self.jobs, run_task, tasks, self.settings):
            if key[0] == "chunk":
                compared[key[1]][key[2]] = result
                done += len(result)
            else:
                for n, verified in zip(key[1], result, strict=True):
                    results[n] = verified
                    done += len(found_components[n][1])
            self.progress("compare", done, total)
        if large:  # clustered over the links of all their chunks: whole, or piece by piece
            self._cluster_large(large, found_components, compared, results, copies, ids, index, pool)
        links: list[Link] = []
        clusters: list[Cluster] = []
        grouped: set[int] = set()
        for n, (rows, _) in enumerate(found_components):  # component order: the report does not
            found, described = results[n]  # depend on which task finished first
            links.extend(found)
            clusters.extend(described)
            grouped.update(rows)
        return links, clusters, grouped

    def _cluster_large(
        self,
        large: list[int],
        found: Sequence[Component],
        compared: dict[int, dict[int, list[Link]]],
        results: dict[int, tuple[list[Link], list[Cluster]]],
        copies: CopyGroups,
        ids: Sequence[str],
        index: Index,
        pool: Executor | None,
    ) -> None:
        """Cluster each large component over its compared links into ``results``: whole, or piece
        by piece over the workers when it can be split with the same result (``split_pieces``)."""
        plans: list[tuple[int, list[Link], list[list[int]] | None]] = []
        for n in large:
            linked = in_work_order(found[n][1], compared[n])
            plans.append((n, linked, split_pieces(*found[n], linked, copies.members)))
        tasks: list[tuple[tuple[Any, ...], list[Piece] | None]] = []
        for n, linked, pieces in plans:
            if pieces is None:
                tasks.append((("whole", n), None))
                continue
            piece_of = {row: p for p, piece in enumerate(pieces) for row in piece}
            inside: list[list[int]] = [[] for _ in pieces]  # each piece's comparisons, by position
            across: list[Link] = []  # weaker than one event: as compared, in no cluster
            for position, ((i, j, _), link) in enumerate(zip(found[n][1], linked, strict=True)):
                if piece_of[i] == piece_of[j]:
                    inside[piece_of[i]].append(position)
                else:
                    across.append(link)
            results[n] = (across, [])
            tasks.extend(
                (("pieces", n), task) for task in piece_tasks(list(zip(pieces, inside, strict=True)))
            )
        self.progress("cluster", 0, len(tasks))
        finals = cluster_tasks(
            tasks, {n: linked for n, linked, _ in plans}, found, copies.members, ids, index
        )
        for finished, (key, result) in enumerate(
            completed(pool, self.jobs, run_task, finals, self.settings), 1
        ):
            if key[0] == "whole":
                results[key[1]] = result
            else:
                for piece_links, described in result:
                    results[key[1]][0].extend(piece_links)
                    results[key[1]][1].extend(described)
            self.progress("cluster", finished, len(tasks))
