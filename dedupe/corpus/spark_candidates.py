"""Propose candidate pairs on Spark: band-key buckets per channel, as ``candidates.proposed_pairs`` does.

Buckets are keyed by ``channel << KEY_BITS | key`` (ints: Spark hashes them alike in every
process); pairs only the names channel found are joined to both articles' name terms.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dedupe.corpus.candidates import MAX_BUCKET, NAMES_MIN_JACCARD, TERMS_MIN_SHARED, names_jaccard
from dedupe.corpus.channels import CHANNELS, KEY_BITS, NAMES, TERMS, TEXT, Sketch

if TYPE_CHECKING:
    from pyspark import RDD

_NAMES_BIT = 1 << CHANNELS.index(NAMES)
_TEXT_BIT = 1 << CHANNELS.index(TEXT)
_TERMS_BIT = 1 << CHANNELS.index(TERMS)


def spark_pairs(
    sketches: RDD[tuple[int, Sketch]], copies: frozenset[int]
) -> dict[tuple[int, int], tuple[str, ...]]:
    """Return the candidate pairs with their channels, as ``candidates.proposed_pairs`` does."""
    marked = (
        sketches.flatMap(partial(_bucket_entries, copies))
        .groupByKey()
        .flatMap(_bucket_pairs)
        .reduceByKey(lambda x, y: (x[0] | y[0], x[1] + y[1]))
        .map(lambda item: (item[0], _enough_terms(*item[1])))
        .filter(lambda item: item[1] != 0)
    )
    terms = sketches.mapValues(lambda sketch: sketch.terms)
    names_only = (
        marked.filter(lambda item: bool(item[1] & _NAMES_BIT) and not item[1] & _TEXT_BIT)
        .map(lambda item: (item[0][0], (item[0][1], item[1])))
        .join(terms)
        .map(lambda item: (item[1][0][0], (item[0], item[1][0][1], item[1][1])))
        .join(terms)
        .map(
            lambda item: ((item[1][0][0], item[0]), _names_checked(item[1][0][1], item[1][0][2], item[1][1]))
        )
        .filter(lambda item: item[1] != 0)
    )
    kept = (
        marked.filter(lambda item: not item[1] & _NAMES_BIT or bool(item[1] & _TEXT_BIT))
        .union(names_only)
        .collect()
    )
    return {
        pair: tuple(c.name for n, c in enumerate(CHANNELS) if mask >> n & 1) for pair, mask in sorted(kept)
    }


def _enough_terms(mask: int, shared_terms: int) -> int:
    """Drop the terms channel's bit from a pair sharing fewer than ``TERMS_MIN_SHARED`` term keys."""
    return mask if shared_terms >= TERMS_MIN_SHARED else mask & ~_TERMS_BIT


def _names_checked(mask: int, first: npt.NDArray[np.uint32], second: npt.NDArray[np.uint32]) -> int:
    """Drop the names channel's bit from a pair whose name terms overlap too little."""
    return mask if names_jaccard(first, second) >= NAMES_MIN_JACCARD else mask & ~_NAMES_BIT


def _bucket_entries(copies: frozenset[int], item: tuple[int, Sketch]) -> Iterator[tuple[int, int]]:
    """Yield ``(bucket, row)`` once per distinct usable band key of each channel."""
    row, sketch = item
    if row in copies:
        return
    start = 0
    for channel_number, channel in enumerate(CHANNELS):
        keys = set(sketch.keys[start : start + channel.bands].tolist())
        start += channel.bands
        yield from ((channel_number << KEY_BITS | key, row) for key in sorted(keys) if key >= 0)


def _bucket_pairs(item: tuple[int, Iterable[int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Return a bucket's row pairs with its channel's bit and terms count (none for a crowded bucket)."""
    bucket, rows = item
    members = sorted(rows)
    if len(members) > MAX_BUCKET:
        return []
    channel = bucket >> KEY_BITS
    value = (1 << channel, 1 if CHANNELS[channel] is TERMS else 0)
    return [(pair, value) for pair in itertools.combinations(members, 2)]
