"""Tests for dedupe.text.minhash: chunks and permutation blocks of any size give the same signatures."""

from __future__ import annotations

import numpy as np
import pytest

from dedupe.text import fingerprint, minhash


def test_batches_split_across_chunks_give_the_same_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    sets = [np.unique(rng.integers(0, 2**32, size=n, dtype=np.uint32)) for n in (50, 0, 400, 7, 300)]
    whole = fingerprint.signatures(sets, num_perm=32, seed=1)
    monkeypatch.setattr(minhash, "_CHUNK_CELLS", 32 * 60)
    assert np.array_equal(fingerprint.signatures(sets, num_perm=32, seed=1), whole)


def test_blocks_of_fewer_permutations_give_the_same_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    sets = [np.unique(rng.integers(0, 2**32, size=n, dtype=np.uint32)) for n in (30, 0, 200, 1)]
    whole = fingerprint.signatures(sets, num_perm=40, seed=2)
    monkeypatch.setattr(minhash, "_BLOCK_ROWS", 7)  # 40 permutations: blocks of 7 and a last of 5
    monkeypatch.setattr(minhash, "_CHUNK_CELLS", 7 * 50)
    assert np.array_equal(fingerprint.signatures(sets, num_perm=40, seed=2), whole)
