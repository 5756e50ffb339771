"""XXH3-64 of many short byte strings at once, bit for bit ``xxhash.xxh3_64_intdigest``.

XXH3 (seed 0, default secret) hashes an input of 1 to 16 bytes with a few reads of it
and fixed arithmetic, in three cases by length; each case here runs over all the
inputs of its length with numpy. Longer inputs, rare among words, go to ``xxhash``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import xxhash

Bytes = npt.NDArray[np.uint8]
Positions = npt.NDArray[np.int64]
Hashes64 = npt.NDArray[np.uint64]

# Room after the last byte for the 8-byte reads: a read never starts before a word's
# first byte, but may run past its end.
_PAD = 8

# XXH3-64 (seed 0, default secret) of inputs of 1 to 16 bytes: the secret words each
# length class mixes in, taken from the first 56 bytes of XXH3's default secret.
_SECRET = bytes.fromhex(
    "b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671f"
    "cb79e64eccc0e578825ad07dccff7221b8084674f743248ee03590e6813a264c"
)
_WORD64 = [int.from_bytes(_SECRET[i : i + 8], "little") for i in range(0, 64, 8)]
_FLIP_1TO3 = np.uint64(int.from_bytes(_SECRET[0:4], "little") ^ int.from_bytes(_SECRET[4:8], "little"))
_FLIP_4TO8 = np.uint64(_WORD64[1] ^ _WORD64[2])
_FLIP_LO = np.uint64(_WORD64[3] ^ _WORD64[4])
_FLIP_HI = np.uint64(_WORD64[5] ^ _WORD64[6])
_PRIME64_2 = np.uint64(0xC2B2AE3D27D4EB4F)
_PRIME64_3 = np.uint64(0x165667B19E3779F9)
_PRIME_MX1 = np.uint64(0x165667919E3779F9)
_RRMXMX = np.uint64(0x9FB21C651E98DF25)
_LOW32 = np.uint64(0xFFFFFFFF)
_MAX_VECTOR_LENGTH = 16  # longer words (rare) are hashed one by one with xxhash


def xxh3_words(buffer: bytes, starts: Positions, ends: Positions) -> Hashes64:
    """Return ``xxhash.xxh3_64_intdigest(buffer[s:e])`` for every non-empty ``[s, e)``, vectorised."""
    padded = buffer + bytes(_PAD)
    data = np.frombuffer(padded, dtype=np.uint8)
    # Every unaligned little-endian 8-byte read at once: element i is bytes i..i+7.
    reads = np.ndarray((len(buffer) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    lengths = ends - starts
    out = np.empty(starts.size, dtype=np.uint64)
    short = np.flatnonzero(lengths <= 3)
    middle = np.flatnonzero((lengths >= 4) & (lengths <= 8))
    long_ = np.flatnonzero((lengths >= 9) & (lengths <= _MAX_VECTOR_LENGTH))
    out[short] = _xxh3_1to3(data, starts[short], lengths[short])
    out[middle] = _xxh3_4to8(reads, starts[middle], lengths[middle])
    out[long_] = _xxh3_9to16(reads, starts[long_], lengths[long_])
    for i in np.flatnonzero(lengths > _MAX_VECTOR_LENGTH).tolist():
        out[i] = xxhash.xxh3_64_intdigest(buffer[starts[i] : ends[i]])
    return out


def _xxh3_1to3(data: Bytes, starts: Positions, lengths: Positions) -> Hashes64:
    first = data[starts].astype(np.uint64)
    middle = data[starts + (lengths >> 1)].astype(np.uint64)
    last = data[starts + lengths - 1].astype(np.uint64)
    combined = (
        (first << np.uint64(16))
        | (middle << np.uint64(24))
        | last
        | (lengths.astype(np.uint64) << np.uint64(8))
    )
    combined ^= _FLIP_1TO3
    return _xxh64_avalanche(combined)


def _xxh3_4to8(reads: Hashes64, starts: Positions, lengths: Positions) -> Hashes64:
    # One 8-byte read holds both 4-byte reads of a word of at most 8 bytes.
    read = reads[starts]
    last = (read >> ((lengths - 4) * 8).astype(np.uint64)) & _LOW32
    x: Hashes64 = (last + (read << np.uint64(32))) ^ _FLIP_4TO8
    x ^= _rotl(x, 49) ^ _rotl(x, 24)
    x *= _RRMXMX
    x ^= (x >> np.uint64(35)) + lengths.astype(np.uint64)
    x *= _RRMXMX
    x ^= x >> np.uint64(28)
    return x


def _xxh3_9to16(reads: Hashes64, starts: Positions, lengths: Positions) -> Hashes64:
    lo = reads[starts] ^ _FLIP_LO
    hi = reads[starts + lengths - 8] ^ _FLIP_HI
    acc: Hashes64 = lengths.astype(np.uint64) + _byteswap(lo) + hi + _mul128_fold64(lo, hi)
    acc ^= acc >> np.uint64(37)
    acc *= _PRIME_MX1
    acc ^= acc >> np.uint64(32)
    return acc


def _xxh64_avalanche(h: Hashes64) -> Hashes64:
    h ^= h >> np.uint64(33)
    h *= _PRIME64_2
    h ^= h >> np.uint64(29)
    h *= _PRIME64_3
    h ^= h >> np.uint64(32)
    return h


def _rotl(x: Hashes64, bits: int) -> Hashes64:
    return (x << np.uint64(bits)) | (x >> np.uint64(64 - bits))


def _byteswap(x: Hashes64) -> Hashes64:
    swapped: Hashes64 = x.byteswap()
    return swapped


def _mul128_fold64(a: Hashes64, b: Hashes64) -> Hashes64:
    """Return the low 64 bits XOR the high 64 bits of each 128-bit product ``a * b``."""
    shift = np.uint64(32)
    a_lo, a_hi = a & _LOW32, a >> shift
    b_lo, b_hi = b & _LOW32, b >> shift
    lo_lo = a_lo * b_lo
    hi_lo = a_hi * b_lo
    lo_hi = a_lo * b_hi
    cross = (lo_lo >> shift) + (hi_lo & _LOW32) + lo_hi
    high = a_hi * b_hi + (hi_lo >> shift) + (cross >> shift)
    low = (cross << shift) | (lo_lo & _LOW32)
    folded: Hashes64 = low ^ high
    return folded
