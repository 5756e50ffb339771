"""The LSH channels and an article's sketch: per channel, the band keys of a MinHash signature.

Channels and thresholds (probabilities for ``b`` bands of ``r`` rows: 1 - (1 - J^r)^b):

- ``text`` — word shingles of ``Settings.shingle_size``, the first ``TEXT.bands * TEXT.rows``
  values of the article's signature (the one ``compare`` uses). 16 bands of 3 rows:
  a pair at shingle Jaccard 0.3 is found with p = 0.36, 0.5 with 0.88, 0.6 with 0.98,
  0.7 with 0.999; lightly edited copies (≤ 6% of words changed) sit at 0.7 or more.
  Measured on 10,000 synthetic articles (bench/bench_scan.py): recall 0.997 on planted
  duplicate pairs from this channel alone (20x4 bands: 0.994; 24x3: 1.0 at 50% more
  storage), 0.41 on reuse pairs. Catches duplicates and much reuse.
- ``names`` — the set of capitalised words that do not open a sentence (people, places,
  organisations; transliteration-folded with ``names.part_key``), under their own 20-value
  MinHash. 10 bands of 2 rows: p = 0.95 at Jaccard 0.51, p = 0.33 at 0.2. On the
  development corpus's fitting half the median same-event pair (same language) shares
  0.26 of its name terms, so this channel finds the pairs that share most names and the
  ``terms`` channel the rest (89% of same-event pairs become candidates). Independent reports of one
  event share names far more than wording; reports of other events with the same actors
  also pass, and the verdict tells them apart. On 10,000 synthetic articles: recall 1.0
  on planted same-event pairs, 0.95 on reuse pairs.

``sketch_batch`` is a pure function from articles to sketches, so batches can be
farmed out to worker processes; ``corpus.candidates`` turns shared keys into pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import xxhash

from dedupe.evidence.terms import name_terms, term_vector, top_terms
from dedupe.models import Article
from dedupe.settings import Settings
from dedupe.text.fingerprint import mix64, sign_texts, signatures, token_hashes

Keys = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Channel:
    """One LSH channel: its name, its banding and the salt that keeps its keys apart."""

    name: str
    bands: int
    rows: int
    salt: int

    @property
    def width(self) -> int:
        """Return the number of signature values the channel uses."""
        return self.bands * self.rows


TEXT = Channel("text", bands=16, rows=3, salt=1)
NAMES = Channel("names", bands=10, rows=2, salt=2)
TERMS = Channel("terms", bands=10, rows=1, salt=3)
CHANNELS = (TEXT, NAMES, TERMS)
KEY_BITS = 48
"""Band keys are 48-bit: SQLite stores them in 6 bytes; 10 million articles x 26 bands
still give a chance collision about once per 10^6 lookups, and a collision only adds
a candidate that the verdict then rejects."""
COPY_SAMPLE = 8
"""One shingle in this many (by hash) is kept in a sketch as copy evidence (``dedupe.corpus.copies``):
~75 hashes, 300 bytes, for a 600-word article; a 50-word shared stretch holds ~6 of them."""
_KEY_MASK = np.uint64((1 << KEY_BITS) - 1)
_KEY_INT_MASK = (1 << KEY_BITS) - 1
_BAND_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)
_NAMES_SEED_OFFSET = 7919  # the names channel's permutations differ from the text channel's


@dataclass(frozen=True, slots=True)
class Sketch:
    """What candidate search keeps of an article: no text, only hashes and band keys."""

    id: str
    content_hash: bytes
    words: int
    keys: Keys  # TEXT.bands keys, then NAMES.bands keys, then TERMS.bands keys
    terms: npt.NDArray[np.uint32]  # sorted unique hashes of the name terms
    samples: npt.NDArray[np.uint32] = field(default_factory=lambda: np.empty(0, np.uint32))
    """Sampled shingle hashes, sorted unique (``copies.COPY_SAMPLE``): the evidence that groups copies."""


def content_hash(joined: bytes) -> bytes:
    """Return a 16-byte hash of an article's normalised words, space-joined UTF-8: equal for exact copies."""
    return xxhash.xxh3_128_digest(joined)


def sketch_batch(articles: Sequence[Article], settings: Settings) -> list[Sketch]:
    """Sketch many articles at once (a pure function: safe to run in a worker process)."""
    signed = sign_texts(
        [a.text for a in articles],
        spans=[a.body_spans for a in articles],
        size=settings.shingle_size,
        num_perm=settings.num_perm,
        seed=settings.seed,
        join=True,
        sample=COPY_SAMPLE,
    )
    terms = [term_hashes(a) for a in articles]
    names = signatures(terms, num_perm=NAMES.width, seed=settings.seed + _NAMES_SEED_OFFSET)
    keys = np.hstack(
        [
            band_keys(signed.signatures[:, : TEXT.width], TEXT),
            band_keys(names, NAMES),
            np.array([topic_keys(a) for a in articles], dtype=np.int64).reshape(len(articles), TERMS.bands),
        ]
    )
    return [
        Sketch(
            a.id,
            content_hash(signed.joined[row]),
            int(signed.word_counts[row]),
            keys[row].copy(),
            terms[row],
            signed.samples[row],
        )
        for row, a in enumerate(articles)
    ]


def topic_keys(article: Article) -> list[int]:
    """Return the terms channel's keys: 48-bit hashes of the article's heaviest content terms, -1 padded."""
    heaviest = top_terms(term_vector(article.body, article.language, article.title), TERMS.bands)
    keys = [int.from_bytes(xxhash.xxh3_64_digest(f"{TERMS.salt}:{t}".encode()), "big") & _KEY_INT_MASK
            for t in heaviest]  # fmt: skip
    return keys + [-1] * (TERMS.bands - len(keys))


def term_hashes(article: Article) -> npt.NDArray[np.uint32]:
    """Return the sorted unique 32-bit hashes of an article's name terms."""
    hashes = (token_hashes(name_terms(article)) >> np.uint64(32)).astype(np.uint32)
    return np.unique(hashes)


def band_keys(sigs: npt.NDArray[np.uint32], channel: Channel) -> Keys:
    """Return the ``(n, channel.bands)`` band keys of ``n`` signatures (48-bit, channel-salted).

    An empty signature (no shingles) gets no usable keys: every band of it is the same
    value, so its keys are set to -1, which ``candidate_pairs`` ignores.
    """
    if sigs.shape[1] < channel.width:
        raise ValueError(
            f"{channel.name} channel needs {channel.width} signature values, got {sigs.shape[1]}"
        )
    rows = sigs[:, : channel.width].reshape(len(sigs), channel.bands, channel.rows).astype(np.uint64)
    keys = np.arange(channel.bands, dtype=np.uint64)[None, :] + np.uint64(channel.salt << 8)
    keys = np.broadcast_to(keys, rows.shape[:2]).copy()
    for column in range(channel.rows):
        keys *= _BAND_MULTIPLIER
        keys += rows[:, :, column]
    result: Keys = (mix64(keys) & _KEY_MASK).astype(np.int64)
    empty = np.all(sigs[:, : channel.width] == np.uint32(0xFFFFFFFF), axis=1)
    result[empty] = -1
    return result
