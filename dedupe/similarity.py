"""Text similarity figures of a pair: shingle Jaccard (exact and MinHash), containment, coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dedupe.align import Passage
from dedupe.models import Span, Token


@dataclass(frozen=True, slots=True)
class Similarity:
    """How much text two articles share, by several measures (all in [0, 1] but the last)."""

    jaccard: float
    jaccard_estimate: float
    containment_a: float  # share of A's shingles found in B: |A∩B| / |A|
    containment_b: float  # share of B's shingles found in A: |A∩B| / |B|
    coverage_a: float  # share of A's words inside aligned passages
    coverage_b: float
    longest_passage_words: int
    shingle_size: int
    num_perm: int


def similarity(
    a_shingles: npt.NDArray[np.uint32],
    b_shingles: npt.NDArray[np.uint32],
    a_signature: npt.NDArray[np.uint32],
    b_signature: npt.NDArray[np.uint32],
    a_tokens: Sequence[Token],
    b_tokens: Sequence[Token],
    passages: Sequence[Passage],
    *,
    shingle_size: int,
) -> Similarity:
    """Compute the figures from precomputed shingle sets, signatures and passages."""
    shared = int(np.intersect1d(a_shingles, b_shingles, assume_unique=True).size)
    union = int(a_shingles.size + b_shingles.size - shared)
    return Similarity(
        jaccard=shared / union if union else 0.0,
        jaccard_estimate=float(np.mean(a_signature == b_signature)) if a_signature.size else 0.0,
        containment_a=shared / a_shingles.size if a_shingles.size else 0.0,
        containment_b=shared / b_shingles.size if b_shingles.size else 0.0,
        coverage_a=coverage(a_tokens, [p.a for p in passages]),
        coverage_b=coverage(b_tokens, [p.b for p in passages]),
        longest_passage_words=max((max(p.a_words, p.b_words) for p in passages), default=0),
        shingle_size=shingle_size,
        num_perm=int(a_signature.size),
    )


def coverage(tokens: Sequence[Token], spans: Sequence[Span]) -> float:
    """Return the share of ``tokens`` lying inside any of ``spans``."""
    if not tokens:
        return 0.0
    ordered = sorted(spans, key=lambda s: s.start)
    covered = 0
    k = 0
    for token in tokens:
        while k < len(ordered) and ordered[k].end <= token.start:
            k += 1
        if k < len(ordered) and ordered[k].start <= token.start and token.end <= ordered[k].end:
            covered += 1
    return covered / len(tokens)
