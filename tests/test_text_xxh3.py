"""Tests for dedupe.text.xxh3: the vectorised XXH3-64 equals xxhash's, whatever the bytes and lengths."""

from __future__ import annotations

import numpy as np
import xxhash
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.text.xxh3 import xxh3_words


def spans_of(pieces: list[bytes], gap: int) -> tuple[bytes, np.ndarray, np.ndarray]:
    buffer = (b"-" * gap).join(pieces)
    lengths = np.array([len(p) for p in pieces], dtype=np.int64)
    starts = np.cumsum(lengths + gap) - (lengths + gap)
    return buffer, starts, starts + lengths


@settings(max_examples=80, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=40), max_size=30), st.integers(0, 3))
def test_equals_xxhash_for_any_bytes_of_any_length(pieces: list[bytes], gap: int) -> None:
    buffer, starts, ends = spans_of(pieces, gap)
    assert xxh3_words(buffer, starts, ends).tolist() == [xxhash.xxh3_64_intdigest(p) for p in pieces]


def test_every_length_class_and_the_buffer_edges() -> None:
    pieces = [bytes(range(97, 97 + n)) for n in range(1, 20)] + [b"\xff" * 16, b"\x00" * 8, b"z"]
    buffer, starts, ends = spans_of(pieces, 0)  # words touching each other and both buffer ends
    got = xxh3_words(buffer, starts, ends)
    assert got.dtype == np.uint64
    assert got.tolist() == [xxhash.xxh3_64_intdigest(p) for p in pieces]
    assert xxh3_words(b"", np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)).size == 0
