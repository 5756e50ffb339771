"""Turn word sequences into shingle hashes and MinHash signatures, fast and datasketch-compatible.

Each distinct token is hashed once (xxh3-64, memoised); a word n-gram's hash is combined
from its tokens' hashes with vectorised uint64 arithmetic, so no per-shingle string is
ever built. Signatures use datasketch 2's ``affine32`` scheme: the 32-bit shingle hash
is pre-mixed with the MurmurHash3 finalizer, then permuted by ``a * h + b mod 2**32``
with ``(a, b)`` drawn exactly as datasketch draws them from ``seed``. A signature here
is therefore bit-for-bit what ``MinHash(num_perm, seed, hashfunc=identity)`` gives
after ``update_batch(shingle_hashes)``, and ``to_lean_minhash`` hands it to datasketch's
LSH classes. Many articles' permutations run in one numpy pass (``signatures``).

Nothing here uses Python's ``hash()``: signatures are equal across runs and processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import xxhash

from dedupe.errors import IndexStoreError
from dedupe.normalize import words as words  # re-exported: the signature path's tokenizer

if TYPE_CHECKING:
    from datasketch import LeanMinHash

Hashes = npt.NDArray[np.uint32]
Signature = npt.NDArray[np.uint32]

SCHEME = "affine32"
"""The datasketch permutation scheme of every signature (datasketch 2's default)."""
TOKEN_HASH = "xxh3_64"
"""The per-token hash; part of a signature's identity, recorded beside stored signatures."""
EMPTY = np.uint32(0xFFFFFFFF)
"""The value of every slot of a signature with no shingles (datasketch's empty sketch)."""

# Odd multiplier of the polynomial that folds token hashes into an n-gram hash
# (the 64-bit golden ratio): order-sensitive, so "a b" and "b a" differ.
_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Bound on the shingles x permutations matrix of one numpy pass (uint32 cells): ~4 MB
# keeps the working set in cache while still amortising numpy's per-call overhead.
_CHUNK_CELLS = 1 << 20
# Bound on memoised token hashes: a news vocabulary is a few hundred thousand words;
# past this the cache is dropped and refilled rather than grown without limit.
_TOKEN_CACHE_LIMIT = 1 << 20
_token_cache: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class SignatureSpec:
    """Everything that makes two signatures comparable; stored beside saved signatures."""

    num_perm: int
    seed: int
    shingle_size: int
    scheme: str = SCHEME
    token_hash: str = TOKEN_HASH
    datasketch: str = ""

    def check(self, stored: SignatureSpec, where: str) -> None:
        """Raise ``IndexStoreError`` naming ``where`` if ``stored`` signatures differ from these."""
        mine, theirs = _spec_items(self), _spec_items(stored)
        diffs = [
            f"{key} {theirs[key]!r} (now {value!r})" for key, value in mine.items() if value != theirs[key]
        ]
        if diffs:
            raise IndexStoreError(f"{where}: signatures were made with another setup: {', '.join(diffs)}")


def _spec_items(spec: SignatureSpec) -> dict[str, object]:
    return {name: getattr(spec, name) for name in SignatureSpec.__slots__}


def current_spec(*, num_perm: int, seed: int, shingle_size: int) -> SignatureSpec:
    """Return the spec of signatures made now, with the installed datasketch version."""
    from importlib.metadata import version

    return SignatureSpec(num_perm, seed, shingle_size, datasketch=version("datasketch"))


def token_hashes(tokens: Sequence[str]) -> npt.NDArray[np.uint64]:
    """Return one deterministic 64-bit hash per token, memoised across calls."""
    if len(tokens) < 2:  # itemgetter of one key returns the value, not a tuple
        return np.array([_token_hash(t) for t in tokens], dtype=np.uint64)
    table = _token_cache
    pick = itemgetter(*tokens)  # one C loop over the memo for all tokens
    try:
        return np.fromiter(pick(table), dtype=np.uint64, count=len(tokens))
    except KeyError:
        if len(table) > _TOKEN_CACHE_LIMIT:
            table.clear()
        for token in tokens:
            if token not in table:
                table[token] = _token_hash(token)
        return np.fromiter(pick(table), dtype=np.uint64, count=len(tokens))


def _token_hash(token: str) -> int:
    return xxhash.xxh3_64_intdigest(token.encode())


def shingle_hashes(tokens: Sequence[str], size: int) -> Hashes:
    """Return the sorted unique 32-bit hashes of the ``size``-word shingles of ``tokens``.

    A text shorter than ``size`` words gives one shingle of all its words; no words, none.

    Examples:
        >>> len(shingle_hashes("the talks began on monday".split(), 4))
        2
    """
    if size < 1:
        raise ValueError(f"shingle size must be at least 1, got {size}")
    hashes = token_hashes(tokens)
    if hashes.size == 0:
        return np.empty(0, dtype=np.uint32)
    width = min(size, hashes.size)
    count = hashes.size - width + 1
    combined = hashes[:count].copy()
    for offset in range(1, width):
        combined *= _COMBINE
        combined += hashes[offset : offset + count]
    return _sorted_unique((mix64(combined) >> np.uint64(32)).astype(np.uint32))


def _sorted_unique(values: Hashes) -> Hashes:
    # Sort and mask: several times faster than ``np.unique`` on a few hundred values.
    values.sort()
    keep = np.empty(values.size, dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


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


def signature(shingles: Hashes, *, num_perm: int, seed: int) -> Signature:
    """Return the MinHash signature (``num_perm`` uint32 values) of one set of shingle hashes."""
    row: Signature = signatures([shingles], num_perm=num_perm, seed=seed)[0]
    return row


def signatures(shingle_sets: Sequence[Hashes], *, num_perm: int, seed: int) -> npt.NDArray[np.uint32]:
    """Return the signatures of many shingle sets as a ``(len(shingle_sets), num_perm)`` array.

    Sets are processed in chunks whose permuted values fit ``_CHUNK_CELLS``; an empty
    set gets the empty signature (every slot ``EMPTY``), as datasketch does.
    """
    a, b = permutations(num_perm, seed)
    out = np.full((len(shingle_sets), num_perm), EMPTY, dtype=np.uint32)
    rows: list[int] = []
    cells = 0
    for row, shingles in enumerate(shingle_sets):
        if len(shingles) == 0:
            continue
        if rows and cells + len(shingles) * num_perm > _CHUNK_CELLS:
            _fill(out, rows, shingle_sets, a, b)
            rows, cells = [], 0
        rows.append(row)
        cells += len(shingles) * num_perm
    if rows:
        _fill(out, rows, shingle_sets, a, b)
    return out


def _fill(
    out: npt.NDArray[np.uint32], rows: list[int], sets: Sequence[Hashes], a: Signature, b: Signature
) -> None:
    parts = [np.asarray(sets[row], dtype=np.uint32) for row in rows]
    starts = np.cumsum([0] + [len(p) for p in parts[:-1]])
    mixed = _fmix32(np.concatenate(parts))
    # Permutations along rows, shingles along columns: reduceat then runs over
    # contiguous memory, several times faster than the transposed layout.
    permuted = a[:, None] * mixed[None, :]
    permuted += b[:, None]
    out[rows] = np.minimum.reduceat(permuted, starts, axis=1).T


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Return the MinHash estimate of the Jaccard similarity of two signatures' sets."""
    if a.shape != b.shape:
        raise ValueError(f"signatures differ in length: {a.shape[0]} vs {b.shape[0]}")
    return float(np.count_nonzero(a == b)) / float(a.shape[0])


def to_lean_minhash(sig: Signature, *, seed: int) -> LeanMinHash:
    """Wrap a signature as a datasketch ``LeanMinHash`` (for ``MinHashLSH`` and friends)."""
    from datasketch import LeanMinHash

    lean: Any = LeanMinHash(seed=seed, hashvalues=sig, scheme=SCHEME)
    return lean


def mix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return MurmurHash3's 64-bit finalizer of each value: an avalanching bijection."""
    shift, m1, m2 = _FMIX64
    values = values ^ (values >> shift)
    values *= m1
    values ^= values >> shift
    values *= m2
    values ^= values >> shift
    return values


def _fmix32(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    s1, m1, s2, m2 = _FMIX32
    values = values ^ (values >> s1)
    values *= m1
    values ^= values >> s2
    values *= m2
    values ^= values >> s1
    return values
