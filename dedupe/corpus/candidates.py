"""Pick the article pairs worth comparing, without comparing all N² of them: LSH channels.

An article's *sketch* holds its content hash and, per channel, the band keys of a MinHash
signature; two articles are candidates when they share a band key in any channel.
The channels, their banding and the sketches are in ``corpus.channels``.

Buckets with more than ``MAX_BUCKET`` articles are skipped: a key that many articles
share (a stock phrase, an organisation every article names) says nothing about any pair.
A pair that only the ``names`` channel proposed is kept if the two articles' name-term
sets have Jaccard ``NAMES_MIN_JACCARD`` or more (``proposed_pairs``). Exact copies are
caught apart from LSH, by content hash (``exact_copies``), and ``components`` splits the
candidate graph into the independent parts that ``scan`` verifies one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dedupe.corpus.channels import CHANNELS, NAMES, TERMS, TEXT, Keys

# Re-exported: corpus.scan imports these from here.
from dedupe.corpus.channels import Sketch as Sketch
from dedupe.corpus.channels import sketch_batch as sketch_batch

Work = tuple[int, int, tuple[str, ...]]  # two rows to compare and the channels that proposed them
TERMS_MIN_SHARED = 2
"""A pair proposed by the terms channel alone is compared only if this many of the two
articles' heaviest content terms (``TERMS.bands`` each, ``dedupe.terms``) are common to both:
one shared rare word is chance, two start to be a story."""
NAMES_MIN_JACCARD = 0.3
"""A pair proposed by the names channel alone is compared only if this share of the two
articles' name terms is common to both (Jaccard). On the development corpus's fitting half
(fixtures/realnews, same-language pairs of one topic family) reports of different events
reach 0.3 in 7% of pairs and independent reports of one event in 42%: the names channel
alone stays precise, and the terms channel finds the rest (with it, 89% of same-event
pairs are candidates). On the synthetic corpus chance pairs sharing one common name sit at
0.27 or below."""
MAX_BUCKET = 100
"""Buckets (articles sharing one band key) larger than this are not turned into pairs."""
_JACCARD_CHUNK = 1 << 18  # pairs per vectorised names-Jaccard pass: ~30 MB of tagged terms


def candidate_pairs(
    keys: Keys, *, max_bucket: int = MAX_BUCKET, min_shared: int = 1
) -> npt.NDArray[np.int64]:
    """Return the sorted unique ``(i, j)`` row pairs, ``i < j``, that share ``min_shared`` keys in ``keys``.

    ``keys`` is ``(n, k)``: one row per article, any number of band keys per row.
    """
    n = keys.shape[0]
    flat = keys.ravel()
    owners = np.repeat(np.arange(n, dtype=np.int64), keys.shape[1])
    usable = flat >= 0
    flat, owners = flat[usable], owners[usable]
    order = np.lexsort((owners, flat))
    flat, owners = flat[order], owners[order]
    distinct = np.ones(flat.size, dtype=bool)  # an article counts once per bucket
    distinct[1:] = (flat[1:] != flat[:-1]) | (owners[1:] != owners[:-1])
    flat, owners = flat[distinct], owners[distinct]
    edges = np.flatnonzero(np.diff(flat)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [flat.size]))
    sizes = ends - starts
    codes: list[npt.NDArray[np.int64]] = []
    for size in range(2, max_bucket + 1):
        chosen = starts[sizes == size]
        if chosen.size == 0:
            continue
        members = owners[chosen[:, None] + np.arange(size)]
        left, right = np.triu_indices(size, k=1)
        first, second = members[:, left].ravel(), members[:, right].ravel()
        codes.append(np.minimum(first, second) * n + np.maximum(first, second))
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    ordered = np.sort(np.concatenate(codes))  # sort and mask: np.unique hashes, several times slower here
    starts_of = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    unique = ordered[starts_of]
    if min_shared > 1:
        runs = np.diff(np.append(np.flatnonzero(starts_of), ordered.size))
        unique = unique[runs >= min_shared]
    return np.stack([unique // n, unique % n], axis=1)


@dataclass(frozen=True, slots=True)
class ChannelCount:
    """How many candidate pairs a channel proposed (a pair found by both counts in both)."""

    channel: str
    pairs: int


def exact_copies(sketches: Sequence[Sketch]) -> dict[int, list[int]]:
    """Map the row of each original (first of its content) to the rows of its exact copies."""
    first: dict[bytes, int] = {}
    copies: dict[int, list[int]] = {}
    for row, sketch in enumerate(sketches):
        original = first.setdefault(sketch.content_hash, row)
        if original != row:
            copies.setdefault(original, []).append(row)
    return copies


def proposed_pairs(
    sketches: Sequence[Sketch], copies: dict[int, list[int]]
) -> tuple[dict[tuple[int, int], tuple[str, ...]], tuple[ChannelCount, ...]]:
    """Return candidate row pairs between originals (copies excluded), with their channels."""
    width = sum(c.bands for c in CHANNELS)
    keys = np.empty((len(sketches), width), dtype=np.int64)
    for row, sketch in enumerate(sketches):
        keys[row] = sketch.keys
    for rows in copies.values():
        keys[rows] = -1
    n = max(len(sketches), 1)
    names_from = TEXT.bands
    terms_from = names_from + NAMES.bands
    text = _codes(candidate_pairs(keys[:, :names_from]), n)
    names = _codes(candidate_pairs(keys[:, names_from:terms_from]), n)
    terms = _codes(candidate_pairs(keys[:, terms_from:], min_shared=TERMS_MIN_SHARED), n)
    only_names = names[~np.isin(names, text, assume_unique=True)]
    close = only_names[_names_jaccards(sketches, only_names // n, only_names % n) >= NAMES_MIN_JACCARD]
    found: dict[int, tuple[str, ...]] = {}
    for channel, codes in (
        (TEXT, text),
        (NAMES, np.union1d(names[np.isin(names, text)], close)),
        (TERMS, terms),
    ):
        for code in codes.tolist():
            found[code] = (*found.get(code, ()), channel.name)
    counts = tuple(ChannelCount(c.name, sum(c.name in f for f in found.values())) for c in CHANNELS)
    return {divmod(code, n): found[code] for code in sorted(found)}, counts


def _codes(pairs: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    """Encode sorted ``(i, j)`` row pairs as sorted integers ``i * n + j``."""
    codes: npt.NDArray[np.int64] = pairs[:, 0] * n + pairs[:, 1]
    return codes


def names_jaccard(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Return the Jaccard similarity of two articles' name-term hash sets."""
    shared = int(np.intersect1d(a, b, assume_unique=True).size)
    union = a.size + b.size - shared
    return shared / union if union else 0.0


def _names_jaccards(
    sketches: Sequence[Sketch], first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Return ``names_jaccard`` of many row pairs at once, in chunks of ``_JACCARD_CHUNK`` pairs.

    Each pair's second-side terms are tagged with the pair's number in the high 32 bits,
    which makes one sorted array of the whole chunk; the first-side terms, tagged alike,
    are looked up in it with one ``searchsorted``: no Python loop per pair.
    """
    lengths = np.array([s.terms.size for s in sketches], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    flat = (
        np.concatenate([s.terms for s in sketches]).astype(np.uint64) if sketches else np.empty(0, np.uint64)
    )
    out = np.zeros(first.size, dtype=np.float64)
    for lo in range(0, first.size, _JACCARD_CHUNK):
        i, j = first[lo : lo + _JACCARD_CHUNK], second[lo : lo + _JACCARD_CHUNK]
        pair_i, tagged_i = _tagged(flat, starts[i], lengths[i])
        _, tagged_j = _tagged(flat, starts[j], lengths[j])
        at = np.minimum(np.searchsorted(tagged_j, tagged_i), max(tagged_j.size - 1, 0))
        found = tagged_j[at] == tagged_i if tagged_j.size else np.zeros(tagged_i.size, dtype=bool)
        shared = np.bincount(pair_i[found], minlength=i.size)
        union = lengths[i] + lengths[j] - shared
        out[lo : lo + i.size] = np.divide(shared, union, out=np.zeros(i.size), where=union > 0)
    return out


def _tagged(
    flat: npt.NDArray[np.uint64], starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
    """Return, for pairs whose terms are ``flat[starts[p] : starts[p] + lengths[p]]``, each term's pair
    number and the term tagged ``p << 32 | term`` (sorted, as each pair's terms are)."""
    pair = np.repeat(np.arange(lengths.size, dtype=np.int64), lengths)
    offset = np.arange(pair.size, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    terms = flat[np.repeat(starts, lengths) + offset]
    return pair, (pair.astype(np.uint64) << np.uint64(32)) | terms


def components(
    count: int,
    pairs: dict[tuple[int, int], tuple[str, ...]],
    copies: dict[int, list[int]],
    same_text: frozenset[int] | None = None,
    whole_up_to: int = 0,
) -> list[tuple[list[int], list[Work]]]:
    """Split the candidate graph into connected components: their rows and the comparisons inside.

    Each copy is compared with its original (``copies``: original row to copy rows), under
    the channel "content" if it has its very text (every copy, without ``same_text``), "copy" otherwise.
    A graph of at most ``whole_up_to`` rows is one component holding every row, proposed or
    not: reports of one event that no channel paired (a translation shares no words, a
    brief few names) are still scored against each other when the events are clustered,
    since a pair never compared is not a pair found different.
    """
    if 0 < count <= whole_up_to:
        found = components(count, pairs, copies, same_text)
        return [(list(range(count)), [item for _, work in found for item in work])]
    parent = list(range(count))

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    work = [(i, j, channels) for (i, j), channels in pairs.items()]
    work += [
        (original, copy, ("content",) if same_text is None or copy in same_text else ("copy",))
        for original, rows in copies.items()
        for copy in rows
    ]
    for i, j, _ in work:
        parent[root(j)] = root(i)
    rows_of: dict[int, list[int]] = {}
    for row in range(count):
        rows_of.setdefault(root(row), []).append(row)
    work_of: dict[int, list[Work]] = {}
    for item in work:
        work_of.setdefault(root(item[0]), []).append(item)
    return [(rows_of[r], work_of[r]) for r in sorted(work_of, key=lambda r: rows_of[r][0])]
