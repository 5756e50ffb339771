"""Join a corpus's copy groups on Spark executors: the groups ``copies.copy_groups`` finds.

Only the pairs that join two groups of a partition, and each joined group's picked
representative, reach the driver; no sketch does.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dedupe.corpus.channels import TEXT, Sketch
from dedupe.corpus.copies import CopyGroups, assemble_groups, is_copy, pick_representative

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext


def spark_copy_groups(context: SparkContext, sketches: RDD[tuple[int, Sketch]]) -> CopyGroups:
    """Return the copy groups ``copies.copy_groups`` finds, joined on the executors.

    Exact copies meet by content hash; originals meet in their text-channel buckets, where
    each row is checked with ``copies.is_copy`` against the bucket's first and its
    neighbour (the local checks: the pairs that pass join the same groups, whichever a
    local scan skips as joined already); each partition sends the driver only the pairs
    that join two of its groups, and each joined group picks its representative
    (``copies.pick_representative``) on an executor. No sketch reaches the driver.
    """
    exact = dict(
        sketches.map(lambda item: (int.from_bytes(item[1].content_hash, "big"), item[0]))
        .groupByKey()
        .map(lambda item: sorted(item[1]))
        .filter(lambda rows: len(rows) > 1)
        .map(lambda rows: (rows[0], rows[1:]))
        .collect()
    )
    copied = context.broadcast(frozenset(row for rows in exact.values() for row in rows))
    samples = sketches.filter(lambda item: item[0] not in copied.value).mapValues(
        lambda sketch: sketch.samples
    )
    checks = (
        sketches.filter(lambda item: item[0] not in copied.value)
        .flatMap(_text_keys)
        .groupByKey()
        .flatMap(_bucket_checks)
        .distinct()
    )
    passed = (
        checks.join(samples)
        .map(lambda item: (item[1][0], (item[0], item[1][1])))
        .join(samples)
        .filter(lambda item: is_copy(item[1][0][1], item[1][1]))
        .map(lambda item: (item[1][0][0], item[0]))
        .mapPartitions(_forest)
        .collect()
    )
    parent: dict[int, int] = {}
    for first, second in passed:
        x, y = _root(parent, first), _root(parent, second)
        if x != y:
            parent[max(x, y)] = min(x, y)
    joined = context.broadcast({row: _root(parent, row) for pair in passed for row in pair})
    picked = (
        samples.filter(lambda item: item[0] in joined.value)
        .map(lambda item: (joined.value[item[0]], item))
        .groupByKey()
        .map(lambda item: _pick(item[1]))
        .collect()
    )
    copied.unpersist()
    joined.unpersist()
    return assemble_groups(exact, picked)


def _text_keys(item: tuple[int, Sketch]) -> list[tuple[int, int]]:
    row, sketch = item
    return [(key, row) for key in sorted(set(sketch.keys[: TEXT.bands].tolist())) if key >= 0]


def _bucket_checks(item: tuple[int, Iterable[int]]) -> Iterator[tuple[int, int]]:
    """Yield a bucket's checks as ``copies.copy_groups`` makes them: each row with the first and previous."""
    rows = sorted(item[1])
    for n in range(1, len(rows)):
        yield rows[0], rows[n]
        if n > 1:
            yield rows[n - 1], rows[n]


def _root(parent: dict[int, int], row: int) -> int:
    while parent.get(row, row) != row:
        parent[row] = parent.get(parent[row], parent[row])
        row = parent[row]
    return row


def _forest(pairs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield the pairs of a partition that join two of its groups: a spanning forest, the same joins."""
    parent: dict[int, int] = {}
    for first, second in pairs:
        x, y = _root(parent, first), _root(parent, second)
        if x != y:
            parent[max(x, y)] = min(x, y)
            yield first, second


def _pick(rows: Iterable[tuple[int, npt.NDArray[np.uint32]]]) -> tuple[int, list[int], list[int]]:
    ordered = sorted(rows, key=operator.itemgetter(0))
    return pick_representative([row for row, _ in ordered], [found for _, found in ordered])
