"""Which articles hold enough of a statement's adjacent word pairs to be worth aligning with it.

A statement written out without quotation marks keeps most of its words next to each
other, so its pairs of adjacent words are a sharp filter where single words are not: in a
corpus written from one vocabulary, every article holds most of any statement's words,
but few hold its pairs. Pairs are kept as 64-bit hashes in two sorted arrays, one by
hash (which articles hold a pair) and one by article (which pairs an article holds),
about 20 bytes per distinct pair of each article, whatever the vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray


class PairIndex:
    """The distinct adjacent word pairs of each of a corpus's articles, by article number."""

    def __init__(self, articles: Iterable[Sequence[str]]) -> None:
        chunks: list[NDArray[np.int64]] = []
        offsets = [0]
        for words in articles:
            chunk = np.unique(np.fromiter(map(hash, pairwise(words)), dtype=np.int64))
            chunks.append(chunk)
            offsets.append(offsets[-1] + len(chunk))
        self._by_article = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
        self._offsets = np.array(offsets, dtype=np.int64)
        owners = np.repeat(np.arange(len(chunks), dtype=np.int32), np.diff(self._offsets))
        order = np.argsort(self._by_article, kind="stable")
        self._by_hash = self._by_article[order]
        self._owners = owners[order]

    def holding(self, pairs: Iterable[tuple[str, str]], share: float) -> list[int]:
        """Return the articles (ascending) holding at least ``share`` of ``pairs`` (at least one).

        Prefix filtering: an article with ``need`` of ``n`` pairs has one of any
        ``n - need + 1`` of them, so only the articles holding the rarest are counted.
        """
        keys = np.unique(np.fromiter(map(hash, pairs), dtype=np.int64))
        if not len(keys):
            return []
        need = max(1, math.ceil(share * len(keys) - 1e-9))
        first = np.searchsorted(self._by_hash, keys, side="left")
        last = np.searchsorted(self._by_hash, keys, side="right")
        rarest = np.argsort(last - first, kind="stable")[: len(keys) - need + 1]
        named = np.unique(np.concatenate([self._owners[first[i] : last[i]] for i in rarest]))
        return [int(k) for k in named if self._count(int(k), keys) >= need]

    def _count(self, k: int, keys: NDArray[np.int64]) -> int:
        """How many of ``keys`` (sorted, distinct) article ``k`` holds."""
        own = self._by_article[self._offsets[k] : self._offsets[k + 1]]
        if not len(own):
            return 0
        at = np.minimum(np.searchsorted(own, keys), len(own) - 1)
        return int(np.count_nonzero(own[at] == keys))
