"""Text similarity figures of a pair: shingle Jaccard (exact and MinHash), containment, coverage."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter, le

import numpy as np
import numpy.typing as npt

from dedupe.models import Span, Token
from dedupe.pair.align import Passage

_START, _END = attrgetter("start"), attrgetter("end")


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

    def swapped(self) -> Similarity:
        """Return the figures with the sides exchanged, for the pair read as (B, A)."""
        return replace(
            self,
            containment_a=self.containment_b,
            containment_b=self.containment_a,
            coverage_a=self.coverage_b,
            coverage_b=self.coverage_a,
        )


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
    """Return the share of ``tokens`` lying inside any of ``spans``.

    ``tokens`` must be in text order and not overlap, as ``tokenize`` gives them. A token
    counts when the first span (by start) that ends after the token's start holds it.
    Spans whose ends follow their starts (aligned passages) are counted by bisection,
    without a step per token; spans that nest or overlap are walked token by token.
    """
    if not tokens or not spans:
        return 0.0
    ordered = sorted(spans, key=_START)
    ends = [span.end for span in ordered]
    if all(map(le, ends, ends[1:])):
        return _bisected(tokens, ordered, ends) / len(tokens)
    return _walked(tokens, ordered) / len(tokens)


def _bisected(tokens: Sequence[Token], ordered: Sequence[Span], ends: list[int]) -> int:
    """Count tokens inside spans ordered by start whose ``ends`` never decrease.

    The tokens a span is the first to end after are those starting at or after the
    previous span's end; of those, it holds the ones from its start up to its end. Only
    the spans between the first token's start and the last token's end can hold any.
    """
    first = bisect_right(ends, tokens[0].start)
    last = bisect_left(ordered, tokens[-1].end, lo=first, key=_START)
    covered = 0
    previous_end = ends[first - 1] if first else 0
    for span in ordered[first:last]:
        low = bisect_left(tokens, max(span.start, previous_end), key=_START)
        covered += max(0, bisect_right(tokens, span.end, key=_END) - low)
        previous_end = span.end
    return covered


def _walked(tokens: Sequence[Token], ordered: Sequence[Span]) -> int:
    """Count tokens inside spans ordered by start, one token at a time."""
    covered = 0
    k = 0
    for token in tokens:
        while k < len(ordered) and ordered[k].end <= token.start:
            k += 1
        if k < len(ordered) and ordered[k].start <= token.start and token.end <= ordered[k].end:
            covered += 1
    return covered
