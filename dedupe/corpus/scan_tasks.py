"""Schedule a scan's verification over the workers: tasks of components, chunks and pieces.

``scan._Run`` sends these tasks to ``workers.completed``; each carries only its articles'
stored records (``_payload``), renumbered to local rows, so a worker needs no index.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dedupe.corpus.candidates import Sketch, Work, sketch_batch
from dedupe.corpus.cluster import Link
from dedupe.corpus.index import Index
from dedupe.corpus.records import decode
from dedupe.corpus.verify import ALL_PAIRS_LIMIT, cluster_component, compare_work, verify_component
from dedupe.pair.verdict import Relation
from dedupe.settings import Settings

TASK_ROWS = 48
"""Articles per verification task: small components travel together, so that sending a
task costs little beside analysing its articles (~6 ms each)."""
CHUNK_PAIRS = 200
"""Comparisons per chunk of a split component (~1 s of work: progress moves, workers share)."""
TILE_ROWS = 16
"""A split component's comparisons are chunked tile by tile: rows in blocks of this many, each
pair by its two blocks. A chunk then touches a few dozen articles, each analysed (and its facts
read) once per chunk, where a run of one row's pairs touches as many articles as pairs."""

Component = tuple[list[int], list[Work]]
Task = tuple[str, Any, Any]
Piece = tuple[list[int], list[int]]  # a piece's rows, and the positions of its comparisons in the work


def split_pieces(
    rows: Sequence[int], work: Sequence[Work], links: Sequence[Link], copies: dict[int, list[int]]
) -> list[list[int]] | None:
    """Split a compared component into the pieces it can be clustered in apart, or None.

    Above ``verify.ALL_PAIRS_LIMIT`` articles (copies a verdict confirmed aside), every level
    groups by average linkage over the verified links (``linkage.groups``): two groups merge
    only when at least half the pairs across them are linked, never without one link at the
    level. So clusters at every level stay inside the connected pieces of the graph of
    same-event (or stronger) links, and each piece clustered alone gives the same clusters
    (merges in one piece never change the shares in another; ties break on ids in both);
    links across pieces are weaker than one event and stay as compared. At or below the
    limit, events are clustered over every pair, scored by the event model where no link
    was verified, and average linkage may then merge groups no link joins: such a component
    is clustered whole (None).
    """
    verdict = {(i, j): link for (i, j, _), link in zip(work, links, strict=True)}
    confirmed = {
        member
        for rep, members in copies.items()
        for member in members
        if (rep, member) in verdict and verdict[(rep, member)].relation is Relation.DUPLICATE
    }
    if len(rows) - len(confirmed) <= ALL_PAIRS_LIMIT:
        return None
    parent = {row: row for row in rows}

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    for (i, j), link in verdict.items():
        if link.relation.strength >= Relation.SAME_EVENT.strength:
            parent[root(i)] = root(j)
    pieces: dict[int, list[int]] = {}
    for row in rows:
        pieces.setdefault(root(row), []).append(row)
    return sorted(pieces.values())


def piece_tasks(pieces: list[Piece]) -> Iterator[list[Piece]]:
    """Group pieces into tasks of about ``TASK_ROWS`` articles (a large piece is a task alone)."""
    task: list[Piece] = []
    rows = 0
    for piece in pieces:
        task.append(piece)
        rows += len(piece[0])
        if rows >= TASK_ROWS:
            yield task
            task, rows = [], 0
    if task:
        yield task


def cluster_tasks(
    tasks: Sequence[tuple[tuple[Any, ...], list[Piece] | None]],
    linked: Mapping[int, list[Link]],
    found: Sequence[Component],
    copies: dict[int, list[int]],
    ids: Sequence[str],
    index: Index,
) -> Iterator[tuple[tuple[Any, ...], Task]]:
    """Yield the cluster stage's tasks, keyed, fetching their articles only as each is sent: a
    whole component with its links, or pieces, each with its own comparisons and links."""
    for key, pieces in tasks:
        n = key[1]
        rows, work = found[n]
        if pieces is None:
            yield key, ("cluster", _payload(rows, work, copies, ids, index), linked[n])
            continue
        parts = [
            (_payload(piece, [work[p] for p in inside], copies, ids, index), [linked[n][p] for p in inside])
            for piece, inside in pieces
        ]
        yield key, ("pieces", parts, None)


def compare_tasks(
    found: Sequence[Component],
    large: set[int],
    copies: dict[int, list[int]],
    ids: Sequence[str],
    index: Index,
) -> Iterator[tuple[tuple[Any, ...], Task]]:
    """Yield the compare stage's tasks, keyed: small components together (``_tasks``), each
    large one's work in chunks of ``CHUNK_PAIRS`` comparisons carrying only their articles."""
    small = [(n, component) for n, component in enumerate(found) if n not in large]
    for task in _tasks(small):
        payloads = [_payload(rows, work, copies, ids, index) for _, (rows, work) in task]
        yield ("verify", tuple(n for n, _ in task)), ("verify", payloads, None)
    for n in sorted(large):
        work = found[n][1]
        for c, positions in enumerate(chunk_positions(work)):
            chunk = [work[p] for p in positions]
            rows = sorted({row for i, j, _ in chunk for row in (i, j)})
            yield ("chunk", n, c), ("compare", _payload(rows, chunk, copies, ids, index), None)


def chunk_positions(work: Sequence[Work]) -> list[list[int]]:
    """The positions in ``work`` each chunk of a split component compares: ``CHUNK_PAIRS`` of
    them, taken tile by tile (``TILE_ROWS``), in work order within a tile."""
    order = sorted(range(len(work)), key=lambda p: (work[p][0] // TILE_ROWS, work[p][1] // TILE_ROWS, p))
    return [order[start : start + CHUNK_PAIRS] for start in range(0, len(order), CHUNK_PAIRS)]


def in_work_order(work: Sequence[Work], compared: Mapping[int, list[Link]]) -> list[Link]:
    """The links of every chunk of a split component (``compared``, by chunk), in work order."""
    linked: dict[int, Link] = {}
    for c, positions in enumerate(chunk_positions(work)):
        linked.update(zip(positions, compared[c], strict=True))
    return [linked[position] for position in range(len(work))]


def _tasks(found: Sequence[tuple[int, Component]]) -> Iterator[list[tuple[int, Component]]]:
    """Group consecutive components into tasks of about ``TASK_ROWS`` articles."""
    task: list[tuple[int, Component]] = []
    rows = 0
    for numbered in found:
        task.append(numbered)
        rows += len(numbered[1][0])
        if rows >= TASK_ROWS:
            yield task
            task, rows = [], 0
    if task:
        yield task


Payload = tuple[list[bytes], list[Work], dict[int, list[int]]]


def sketch_records(records: list[bytes], settings: Settings) -> tuple[list[Sketch], dict[str, str]]:
    """Sketch stored records, and return the titles they hold."""
    articles = [decode(record) for record in records]
    return sketch_batch(articles, settings), {a.id: a.title for a in articles if a.title}


def run_task(task: Task, settings: Settings) -> Any:
    """Run one verification task in a worker: verify whole components, compare a chunk of a
    large one's pairs, or cluster a large one (or pieces of it) over its compared links."""
    kind, payload, links = task
    if kind == "verify":
        return [
            verify_component([decode(record) for record in records], work, copies, settings)
            for records, work, copies in payload
        ]
    if kind == "pieces":
        return [
            cluster_component([decode(r) for r in records], work, linked, copies, settings, all_pairs=False)
            for (records, work, copies), linked in payload
        ]
    records, work, copies = payload
    articles = [decode(record) for record in records]
    if kind == "compare":
        return compare_work(articles, work, copies, settings)
    return cluster_component(articles, work, links, copies, settings)


def _payload(
    rows: list[int], work: list[Work], copies: dict[int, list[int]], ids: Sequence[str], index: Index
) -> Payload:
    """Fetch a component's stored records and renumber its comparisons and copies to local rows."""
    local = {row: n for n, row in enumerate(rows)}
    records = []
    for row in rows:
        record = index.record(ids[row])
        if record is None:
            raise KeyError(ids[row])
        records.append(record)
    renumbered = [(local[i], local[j], channels) for i, j, channels in work]
    local_copies = {
        local[o]: [local[c] for c in found if c in local] for o, found in copies.items() if o in local
    }  # a chunk holds only some of a group's copies
    return records, renumbered, local_copies
