"""Tests for dedupe.text.fingerprint: datasketch-equal signatures, fast words, shingles, spec checks."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.errors import IndexStoreError
from dedupe.ingest.read import load_articles
from dedupe.text import fingerprint, minhash
from dedupe.text.tokens import tokenize, words

from fixture_paths import SEEDS

hash_sets = st.lists(st.integers(0, 2**32 - 1), max_size=300).map(
    lambda values: np.unique(np.array(values, dtype=np.uint32))
)


def reference_signature(shingles: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """Datasketch's own per-article path, fed the same hash values."""
    minhash = MinHash(num_perm=num_perm, seed=seed, hashfunc=lambda value: value, scheme="affine32")
    minhash.update_batch(shingles.tolist())
    return np.asarray(minhash.digest())


@settings(max_examples=40, deadline=None)
@given(hash_sets, st.sampled_from([1, 16, 128]), st.integers(0, 2**16))
def test_signature_equals_datasketch_reference(shingles: np.ndarray, num_perm: int, seed: int) -> None:
    ours = fingerprint.signature(shingles, num_perm=num_perm, seed=seed)
    assert ours.dtype == np.uint32
    assert np.array_equal(ours, reference_signature(shingles, num_perm, seed))


@settings(max_examples=20, deadline=None)
@given(st.lists(hash_sets, max_size=12))
def test_batched_signatures_equal_one_by_one(sets: list[np.ndarray]) -> None:
    batch = fingerprint.signatures(sets, num_perm=64, seed=7)
    assert batch.shape == (len(sets), 64)
    for row, shingles in zip(batch, sets, strict=True):
        assert np.array_equal(row, fingerprint.signature(shingles, num_perm=64, seed=7))


def test_empty_set_gives_the_empty_signature() -> None:
    empty = fingerprint.signature(np.empty(0, dtype=np.uint32), num_perm=16, seed=1)
    assert np.all(empty == minhash.EMPTY)
    assert np.array_equal(empty, reference_signature(np.empty(0, dtype=np.uint32), 16, 1))


def test_estimate_is_within_minhash_error_of_exact_jaccard() -> None:
    rng = np.random.default_rng(11)
    vocabulary = np.array([f"w{i}" for i in range(5000)])
    num_perm = 256
    errors = []
    for _ in range(60):
        base = vocabulary[rng.integers(0, len(vocabulary), size=400)].tolist()
        other = list(base)
        for position in rng.choice(len(other), size=int(rng.integers(0, 150)), replace=False):
            other[position] = str(vocabulary[rng.integers(0, len(vocabulary))])
        a, b = fingerprint.shingle_hashes(base, 4), fingerprint.shingle_hashes(other, 4)
        exact = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
        estimate = fingerprint.estimate_jaccard(
            fingerprint.signature(a, num_perm=num_perm, seed=1),
            fingerprint.signature(b, num_perm=num_perm, seed=1),
        )
        sigma = max((exact * (1 - exact) / num_perm) ** 0.5, 1 / num_perm)
        assert abs(estimate - exact) <= 4 * sigma
        errors.append(estimate - exact)
    assert abs(float(np.mean(errors))) < 0.02  # unbiased on average


def test_shingles_are_unique_sorted_and_order_sensitive() -> None:
    words = "a b c d a b c d".split()
    hashes = fingerprint.shingle_hashes(words, 4)
    assert len(hashes) == 4  # abcd, bcda, cdab, dabc; the repeated abcd counts once
    assert np.all(np.diff(hashes.astype(np.int64)) > 0)
    assert not np.array_equal(hashes, fingerprint.shingle_hashes(list(reversed(words)), 4))


def test_short_texts_give_one_shingle_and_no_words_none() -> None:
    assert len(fingerprint.shingle_hashes(["only", "two"], 4)) == 1
    assert len(fingerprint.shingle_hashes(["two", "only"], 4)) == 1
    assert not np.array_equal(
        fingerprint.shingle_hashes(["only", "two"], 4), fingerprint.shingle_hashes(["two", "only"], 4)
    )
    assert len(fingerprint.shingle_hashes([], 4)) == 0
    with pytest.raises(ValueError, match="at least 1"):
        fingerprint.shingle_hashes(["a"], 0)


def test_words_match_tokenize_on_the_seeds() -> None:
    for article in load_articles([SEEDS]):
        expected = [token.text for token in tokenize(article.text, article.body_spans)]
        assert words(article.text, article.body_spans) == expected
        assert words(article.text) == [token.text for token in tokenize(article.text)]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab Z9.,'`-\u2019\u201c\u00a0\u00ad\u2014\t\nСé\u0301x1", max_size=60))
def test_words_match_tokenize_on_any_text(text: str) -> None:
    assert words(text) == [token.text for token in tokenize(text)]


def test_signatures_are_the_same_in_another_process() -> None:
    code = (
        "from dedupe.text import fingerprint as f; from dedupe.text.tokens import words;"
        "print(f.signature(f.shingle_hashes(words('Talks opened in Nanping on Monday'), 2),"
        " num_perm=8, seed=1).tolist())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2)
    }
    here = fingerprint.signature(
        fingerprint.shingle_hashes(words("Talks opened in Nanping on Monday"), 2),
        num_perm=8,
        seed=1,
    )
    assert runs == {f"{here.tolist()}\n"}


def test_lean_minhash_works_with_datasketch_lsh() -> None:
    articles = load_articles([SEEDS])
    sigs = fingerprint.signatures(
        [fingerprint.shingle_hashes(words(a.text, a.body_spans), 4) for a in articles],
        num_perm=128,
        seed=1,
    )
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    for article, sig in zip(articles, sigs, strict=True):
        lsh.insert(article.id, fingerprint.to_lean_minhash(sig, seed=1))
    first = fingerprint.to_lean_minhash(sigs[0], seed=1)
    assert lsh.query(first) == [articles[0].id]
    second = fingerprint.to_lean_minhash(sigs[1], seed=1)
    assert first.jaccard(second) == fingerprint.estimate_jaccard(sigs[0], sigs[1])


def test_spec_mismatch_is_refused_and_a_match_accepted() -> None:
    now = fingerprint.current_spec(num_perm=128, seed=1, shingle_size=4)
    now.check(fingerprint.current_spec(num_perm=128, seed=1, shingle_size=4), "index.db")
    assert now.datasketch.startswith("2.")
    with pytest.raises(IndexStoreError, match=r"index\.db: .*num_perm 64 \(now 128\)"):
        now.check(fingerprint.current_spec(num_perm=64, seed=1, shingle_size=4), "index.db")
    with pytest.raises(IndexStoreError, match=r"datasketch '1\.6\.5'"):
        now.check(fingerprint.SignatureSpec(128, 1, 4, datasketch="1.6.5"), "index.db")
    now.check(fingerprint.SignatureSpec(128, 1, 4, datasketch="2.9.1"), "index.db")  # a 2.x upgrade


batch_texts = st.lists(
    st.text(alphabet="ab Z9 0.,'`-\u2019\u201c\u00a0\u00ad\u2014\nСé\u0301x1", max_size=50), max_size=8
)


@settings(max_examples=60, deadline=None)
@given(batch_texts, st.integers(1, 5))
def test_batch_signatures_equal_per_article_and_reference_paths(texts: list[str], size: int) -> None:
    signed = fingerprint.sign_texts(texts, size=size, num_perm=16, seed=3)
    one_by_one = [fingerprint.sign_texts([t], size=size, num_perm=16, seed=3).signatures[0] for t in texts]
    reference = fingerprint.signatures(
        [fingerprint.shingle_hashes(words(t), size) for t in texts], num_perm=16, seed=3
    )
    assert signed.signatures.shape == (len(texts), 16)
    assert np.array_equal(signed.signatures, reference)
    assert all(np.array_equal(row, alone) for row, alone in zip(reference, one_by_one, strict=True))
    assert signed.word_counts.tolist() == [len(words(t)) for t in texts]
    assert signed.joined == ()


def test_signed_seed_bodies_equal_datasketch_over_the_shingle_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_articles([SEEDS])
    texts, spans = [a.text for a in articles], [a.body_spans for a in articles]
    monkeypatch.setattr(fingerprint, "_TEXTS_PER_PASS", 2)  # several passes
    signed = fingerprint.sign_texts(texts, size=3, num_perm=128, seed=1, spans=spans, join=True)
    for article, row, count, joined in zip(
        articles, signed.signatures, signed.word_counts, signed.joined, strict=True
    ):
        found = words(article.text, article.body_spans)
        assert np.array_equal(row, reference_signature(fingerprint.shingle_hashes(found, 3), 128, 1))
        assert count == len(found)
        assert joined == " ".join(found).encode()


def test_sign_texts_rejects_a_shingle_size_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        fingerprint.sign_texts(["a b"], size=0, num_perm=8, seed=1)
