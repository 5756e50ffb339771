"""Tests for dedupe.corpus.channels: band keys, the text channel's recall on edited copies, sketches."""

from __future__ import annotations

import numpy as np
import pytest

from dedupe.corpus.channels import NAMES, TERMS, TEXT, Channel, band_keys, sketch_batch
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_articles
from dedupe.settings import DEFAULT_SETTINGS
from dedupe.text.fingerprint import shingle_hashes, signatures
from dedupe.text.tokens import words

from fixture_paths import SEEDS


def test_band_keys_are_48_bit_channel_salted_and_blank_for_empty_signatures() -> None:
    rng = np.random.default_rng(5)
    sigs = signatures(
        [np.unique(rng.integers(0, 2**32, size=50, dtype=np.uint32)), np.empty(0, np.uint32)],
        num_perm=128,
        seed=1,
    )
    keys = band_keys(sigs, TEXT)
    assert keys.shape == (2, TEXT.bands)
    assert np.all((keys[0] >= 0) & (keys[0] < 2**48))
    assert len(set(keys[0].tolist())) == TEXT.bands  # bands of one article never collide
    assert np.all(keys[1] == -1)
    other = band_keys(sigs, Channel("other", TEXT.bands, TEXT.rows, salt=99))
    assert not set(other[0].tolist()) & set(keys[0].tolist())
    with pytest.raises(ValueError, match="needs"):
        band_keys(sigs[:, :10], TEXT)


def test_text_channel_finds_lightly_edited_copies() -> None:
    rng = np.random.default_rng(9)
    vocabulary = np.array([f"w{i}" for i in range(20000)])
    found = 0
    trials = 200
    for _ in range(trials):
        words = vocabulary[rng.integers(0, len(vocabulary), size=500)].tolist()
        edited = list(words)
        for position in rng.choice(len(edited), size=25, replace=False):  # 5% of words replaced
            edited[position] = str(vocabulary[rng.integers(0, len(vocabulary))])
        sigs = signatures([shingle_hashes(words, 3), shingle_hashes(edited, 3)], num_perm=128, seed=1)
        keys = band_keys(sigs, TEXT)
        found += bool(set(keys[0].tolist()) & set(keys[1].tolist()))
    assert found / trials >= 0.97


def test_sketches_give_exact_copies_one_content_hash_and_all_their_keys() -> None:
    seed = load_articles([SEEDS / "000_db8167014b393279.txt"])[0]
    copy = article_from_text(seed.text, id="copy")
    spaced = article_from_text(seed.text.replace(" ", "  "), id="spaced")
    other = load_articles([SEEDS / "002_899ef3ab63faf34f.txt"])[0]
    first, second, third, fourth = sketch_batch([seed, copy, spaced, other], DEFAULT_SETTINGS)
    assert first.content_hash == second.content_hash == third.content_hash != fourth.content_hash
    assert np.array_equal(first.keys, second.keys)
    assert first.keys.shape == (TEXT.bands + NAMES.bands + TERMS.bands,)
    assert first.words == len(words(seed.text, seed.body_spans))
