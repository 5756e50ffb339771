"""MinHash many segments at once: datasketch's affine32 permutations, a cache-sized block at a time.

``fingerprint`` turns texts into shingle hashes and calls ``minhash_segments`` on them;
the values here are what datasketch computes, bit for bit.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

Hashes = npt.NDArray[np.uint32]
Signature = npt.NDArray[np.uint32]
EMPTY = np.uint32(0xFFFFFFFF)
"""The value of every slot of a signature with no shingles (datasketch's empty sketch)."""
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Permutations and shingles of one block of permuted values (uint32 cells): 32 x ~5,000
# is 640 kB, which stays in a core's 2 MB cache through the multiply, add and minimum.
# Blocks of all 128 permutations by 8,000 shingles (4 MB) took twice as long.
_BLOCK_ROWS = 32
_CHUNK_CELLS = 5 << 15


@cache
def permutations(num_perm: int, seed: int) -> tuple[Signature, Signature]:
    """Return datasketch's affine32 permutation parameters ``(a, b)`` for ``num_perm`` and ``seed``."""
    if num_perm < 1:
        raise ValueError(f"num_perm must be at least 1, got {num_perm}")
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def minhash_segments(values: Hashes, bounds: list[int], num_perm: int, seed: int) -> npt.NDArray[np.uint32]:
    """Return the signature of each segment ``values[bounds[i]:bounds[i + 1]]``, many per numpy pass.

    Whole segments are grouped into chunks of up to ``_CHUNK_CELLS // _BLOCK_ROWS``
    shingles, and each chunk is permuted a block of rows at a time, as many rows as fit
    ``_CHUNK_CELLS`` (at least ``_BLOCK_ROWS``), in one reused buffer: a block stays in
    the core's cache between the multiply, the add and the minimum, no fresh array pays a
    page fault per 4 kB, and one short set (``signature``) is still one block.
    """
    a, b = permutations(num_perm, seed)
    out = np.full((len(bounds) - 1, num_perm), EMPTY, dtype=np.uint32)
    mixed = _fmix32(values)
    chunks = _chunks(bounds, max(1, _CHUNK_CELLS // min(_BLOCK_ROWS, num_perm)))
    rows = [min(num_perm, max(_BLOCK_ROWS, _CHUNK_CELLS // max(1, width))) for _, _, width in chunks]
    cells = [n * width for n, (_, _, width) in zip(rows, chunks, strict=True)]
    buffer = np.empty(max(cells, default=0), dtype=np.uint32)
    for (first, last, _), step in zip(chunks, rows, strict=True):
        nonempty = [row for row in range(first, last) if bounds[row + 1] > bounds[row]]  # others stay empty
        if not nonempty:
            continue
        chunk = mixed[bounds[first] : bounds[last]]
        starts = np.array([bounds[row] - bounds[first] for row in nonempty])
        target = slice(first, last) if len(nonempty) == last - first else nonempty
        for top in range(0, num_perm, step):
            block = _block_minimum(chunk, starts, a[top : top + step], b[top : top + step], buffer)
            out[target, top : top + step] = block.T
    return out


def _chunks(bounds: list[int], columns: int) -> list[tuple[int, int, int]]:
    """Return ``(first, last, width)``: runs of whole segments of up to ``columns`` values (at least one)."""
    chunks: list[tuple[int, int, int]] = []
    first = 0
    for last in range(1, len(bounds)):
        if bounds[last] - bounds[first] > columns and last - 1 > first:
            chunks.append((first, last - 1, bounds[last - 1] - bounds[first]))
            first = last - 1
    if first < len(bounds) - 1:
        chunks.append((first, len(bounds) - 1, bounds[-1] - bounds[first]))
    return chunks


def _block_minimum(
    chunk: Hashes, starts: npt.NDArray[np.int64], a: Signature, b: Signature, buffer: Hashes
) -> npt.NDArray[np.uint32]:
    """Return ``min(a * h + b mod 2**32)`` over each segment of ``chunk``, one row per permutation."""
    # Permutations along rows, shingles along columns: reduceat then runs over
    # contiguous memory, several times faster than the transposed layout.
    permuted = buffer[: a.size * chunk.size].reshape(a.size, chunk.size)
    np.multiply(a[:, None], chunk[None, :], out=permuted)
    permuted += b[:, None]
    minimum: npt.NDArray[np.uint32] = np.minimum.reduceat(permuted, starts, axis=1)
    return minimum


def _fmix32(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    s1, m1, s2, m2 = _FMIX32
    values = values ^ (values >> s1)
    values *= m1
    values ^= values >> s2
    values *= m2
    values ^= values >> s1
    return values
