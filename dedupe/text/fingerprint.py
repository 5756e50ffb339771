"""Turn word sequences into shingle hashes and MinHash signatures, fast and datasketch-compatible.

Each distinct token is hashed once (xxh3-64, memoised); a word n-gram's hash is combined
from its tokens' hashes with vectorised uint64 arithmetic, so no per-shingle string is
ever built. Signatures use datasketch 2's ``affine32`` scheme: the 32-bit shingle hash
is pre-mixed with the MurmurHash3 finalizer, then permuted by ``a * h + b mod 2**32``
with ``(a, b)`` drawn exactly as datasketch draws them from ``seed``. A signature here
is therefore bit-for-bit what ``MinHash(num_perm, seed, hashfunc=identity)`` gives
after ``update_batch(shingle_hashes)``, and ``to_lean_minhash`` hands it to datasketch's
LSH classes. Many articles' permutations run in one numpy pass (``signatures``).

``sign_texts`` goes straight from a batch of texts to signatures: ``wordhash`` finds
and hashes the words of many texts at once with the same XXH3-64, and the shingles
need not be sorted or made unique (a minimum needs neither), so the signatures equal
those of ``signatures([shingle_hashes(words(text), size)])`` at a fraction of the cost.

Nothing here uses Python's ``hash()``: signatures are equal across runs and processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from dedupe.errors import IndexStoreError
from dedupe.models import Span
from dedupe.text.minhash import (
    Hashes,
    Signature,
    minhash_segments,
)
from dedupe.text.wordhash import WordHashes, hash_words, word_hash

if TYPE_CHECKING:
    from datasketch import LeanMinHash


SCHEME = "affine32"
"""The datasketch permutation scheme of every signature (datasketch 2's default)."""
TOKEN_HASH = "xxh3_64"
"""The per-token hash; part of a signature's identity, recorded beside stored signatures."""

# Odd multiplier of the polynomial that folds token hashes into an n-gram hash
# (the 64-bit golden ratio): order-sensitive, so "a b" and "b a" differ.
_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
# Texts whose words are found and hashed in one numpy pass: their arrays stay near 1 MB,
# which the allocator reuses; a pass over 256 texts was a third slower, its larger arrays
# going back to the operating system and faulting in again on every pass.
_TEXTS_PER_PASS = 64
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
            f"{key} {theirs[key]!r} (now {value!r})"
            for key, value in mine.items()
            if _comparable(key, value) != _comparable(key, theirs[key])
        ]
        if diffs:
            raise IndexStoreError(f"{where}: signatures were made with another setup: {', '.join(diffs)}")


def _spec_items(spec: SignatureSpec) -> dict[str, object]:
    return {name: getattr(spec, name) for name in SignatureSpec.__slots__}


def _comparable(key: str, value: object) -> object:
    """Reduce a datasketch version to its major number: within one, its MinHash scheme is fixed,
    so an index made under 2.0.0 stays usable after a 2.x upgrade."""
    return str(value).split(".", 1)[0] if key == "datasketch" else value


def current_spec(*, num_perm: int, seed: int, shingle_size: int) -> SignatureSpec:
    """Return the spec of signatures made now, with the installed datasketch version."""
    from importlib.metadata import version

    return SignatureSpec(num_perm, seed, shingle_size, datasketch=version("datasketch"))


def token_hashes(tokens: Sequence[str]) -> npt.NDArray[np.uint64]:
    """Return one deterministic 64-bit hash per token, memoised across calls."""
    if len(tokens) < 2:  # itemgetter of one key returns the value, not a tuple
        return np.array([word_hash(t) for t in tokens], dtype=np.uint64)
    table = _token_cache
    pick = itemgetter(*tokens)  # one C loop over the memo for all tokens
    try:
        return np.fromiter(pick(table), dtype=np.uint64, count=len(tokens))
    except KeyError:
        if len(table) > _TOKEN_CACHE_LIMIT:
            table.clear()
        for token in tokens:
            if token not in table:
                table[token] = word_hash(token)
        return np.fromiter(pick(table), dtype=np.uint64, count=len(tokens))


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
    return _sorted_unique(_combine(hashes, min(size, hashes.size)))


def _sorted_unique(values: Hashes) -> Hashes:
    # Sort and mask: several times faster than ``np.unique`` on a few hundred values.
    values.sort()
    keep = np.empty(values.size, dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def signature(shingles: Hashes, *, num_perm: int, seed: int) -> Signature:
    """Return the MinHash signature (``num_perm`` uint32 values) of one set of shingle hashes."""
    row: Signature = signatures([shingles], num_perm=num_perm, seed=seed)[0]
    return row


def signatures(shingle_sets: Sequence[Hashes], *, num_perm: int, seed: int) -> npt.NDArray[np.uint32]:
    """Return the signatures of many shingle sets as a ``(len(shingle_sets), num_perm)`` array.

    An empty set gets the empty signature (every slot ``minhash.EMPTY``), as datasketch does.
    """
    parts = [np.asarray(s, dtype=np.uint32) for s in shingle_sets]
    values = (
        np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else np.empty(0, dtype=np.uint32))
    )
    return minhash_segments(values, list(accumulate((p.size for p in parts), initial=0)), num_perm, seed)


@dataclass(frozen=True, slots=True)
class SignedTexts:
    """The signatures of a batch of texts, and what else a sketch needs of their words."""

    signatures: npt.NDArray[np.uint32]  # (texts, num_perm)
    word_counts: npt.NDArray[np.int64]  # len(words(text)) per text
    joined: tuple[bytes, ...]  # with ``join``: " ".join(words(text)).encode() per text
    samples: tuple[Hashes, ...] = ()  # with ``sample``: each text's sampled shingle hashes, sorted unique


def sign_texts(
    texts: Sequence[str],
    *,
    size: int,
    num_perm: int,
    seed: int,
    spans: Sequence[Iterable[Span]] | None = None,
    join: bool = False,
    sample: int = 0,
) -> SignedTexts:
    """Sign the ``size``-word shingles of many texts (or of their ``spans``), straight from the text.

    The signatures equal ``signatures([shingle_hashes(words(t, s), size) ...])``, but each
    pass finds and hashes the words of ``_TEXTS_PER_PASS`` texts at once
    (``wordhash.hash_words``) without a Python string per word: the fast way to sign
    a batch of article bodies.

    With ``sample`` (a power of two), each text also gets the hashes of its shingles whose
    low bits are zero, about one in ``sample``: a subset chosen by content, so a copy's
    sampled shingles are a subset of its source's wherever their texts agree.
    """
    if sample and sample & (sample - 1):
        raise ValueError(f"sample must be a power of two, got {sample}")
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    counts = np.empty(len(texts), dtype=np.int64)
    joined: list[bytes] = []
    sampled: list[Hashes] = []
    for first in range(0, len(texts), _TEXTS_PER_PASS):
        last = first + _TEXTS_PER_PASS
        found = hash_words(texts[first:last], None if spans is None else spans[first:last], join=join)
        values, bounds = _batch_shingles(found, size)
        out[first:last] = minhash_segments(values, bounds, num_perm, seed)
        counts[first:last] = np.diff(found.bounds)
        joined.extend(found.joined)
        if sample:
            sampled.extend(_sampled(values, bounds, sample))
    return SignedTexts(out, counts, tuple(joined), tuple(sampled))


def _sampled(values: Hashes, bounds: list[int], sample: int) -> list[Hashes]:
    """Return each segment's hashes with their low ``log2(sample)`` bits zero, sorted unique."""
    keep = np.flatnonzero((values & np.uint32(sample - 1)) == 0)
    cuts = np.searchsorted(keep, bounds)
    return [np.unique(values[keep[cuts[i] : cuts[i + 1]]]) for i in range(len(bounds) - 1)]


def _batch_shingles(words: WordHashes, size: int) -> tuple[Hashes, list[int]]:
    """Return every text's shingle hashes, concatenated, and where each text's begin.

    As ``shingle_hashes`` but neither sorted nor unique (a minimum needs neither): a
    shingle is kept where its first and last word belong to the same text, and a text
    shorter than ``size`` words gets its one shingle of all its words.
    """
    if size < 1:
        raise ValueError(f"shingle size must be at least 1, got {size}")
    hashes, bounds = words.hashes, words.bounds
    counts = np.diff(bounds)
    full = np.empty(0, dtype=np.uint32)
    if hashes.size >= size:
        owner = np.repeat(np.arange(counts.size), counts)
        whole = owner[: owner.size - size + 1] == owner[size - 1 :]
        full = _combine(hashes, size)[whole]
    shingles = np.where(counts >= size, counts - size + 1, np.minimum(counts, 1))
    short = np.flatnonzero((counts > 0) & (counts < size))
    if short.size:
        extra = [_combine(hashes[bounds[i] : bounds[i + 1]], int(counts[i]))[0] for i in short]
        before = np.cumsum(shingles)[short] - 1 - np.arange(short.size)
        full = np.insert(full, before, extra)
    return full, [0, *np.cumsum(shingles).tolist()]


def _combine(hashes: npt.NDArray[np.uint64], width: int) -> Hashes:
    """Return the 32-bit hash of every ``width``-word window of ``hashes``, in order."""
    count = hashes.size - width + 1
    combined = hashes[:count].copy()
    for offset in range(1, width):
        combined *= _COMBINE
        combined += hashes[offset : offset + count]
    return (mix64(combined) >> np.uint64(32)).astype(np.uint32)


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
