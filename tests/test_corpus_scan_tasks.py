"""A split component's comparisons are chunked tile by tile and put back in work order."""

from __future__ import annotations

from itertools import combinations
from typing import Any, cast

from dedupe.corpus.candidates import Work
from dedupe.corpus.cluster import Link
from dedupe.corpus.scan_tasks import CHUNK_PAIRS, TILE_ROWS, chunk_positions, in_work_order

ROWS = 120


def _dense() -> list[Work]:
    """Every pair of ``ROWS`` rows, in the order components list them (row by row)."""
    return [(i, j, ("text",)) for i, j in combinations(range(ROWS), 2)]


def test_every_comparison_is_in_one_chunk_of_at_most_chunk_pairs() -> None:
    chunks = chunk_positions(_dense())
    assert sorted(p for chunk in chunks for p in chunk) == list(range(len(_dense())))
    assert all(len(chunk) <= CHUNK_PAIRS for chunk in chunks)


def _rows(work: list[Work], chunks: list[list[int]]) -> list[int]:
    """How many articles each chunk analyses."""
    return [len({row for p in chunk for row in work[p][:2]}) for chunk in chunks]


def test_a_dense_components_chunks_analyse_fewer_articles_than_runs_in_work_order() -> None:
    work = _dense()
    tiled = _rows(work, chunk_positions(work))
    in_order = _rows(
        work, [list(range(s, min(s + CHUNK_PAIRS, len(work)))) for s in range(0, len(work), CHUNK_PAIRS)]
    )
    assert max(tiled) <= 4 * TILE_ROWS < max(in_order)  # a run of one row's pairs: one article per pair
    assert 2 * sum(tiled) < sum(in_order)


def test_links_come_back_in_work_order() -> None:
    work = _dense()
    chunks = chunk_positions(work)
    assert [p for chunk in chunks for p in chunk] != list(range(len(work)))  # the chunks reorder
    # stand-ins for links: each chunk's results, in the chunk's order, are the positions compared
    compared = {c: cast("list[Link]", [cast("Any", p) for p in chunk]) for c, chunk in enumerate(chunks)}
    assert cast("list[Any]", in_work_order(work, compared)) == list(range(len(work)))
