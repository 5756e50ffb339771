"""Which quotations are worth comparing at all: pairs that could pass an overlap threshold.

Comparing every quotation of a corpus with every other grows as the square of the corpus
(20,000 small files hold about 15,000 quotations). Two renderings of one statement must
share many words: a near-verbatim copy holds ``coverage`` of the shorter's words, a
translation at least ``shared`` content lemmas of one of its sentences. Prefix filtering
finds every pair that can, exactly, without looking at the others: order the elements of
all sets by how rare they are; two sets sharing ``t`` elements share one among the
``len - t + 1`` rarest of each (the last ``t - 1`` cannot hold all ``t``). Only the
postings of a set's rarest elements are read, so the cost follows the pairs that share
rare words, not the square of the corpus. The pairs found are a superset of those the
thresholds accept; the matching rules themselves still decide (``links.links``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

_E = TypeVar("_E", bound=Hashable)


def near_copies(words: Mapping[int, Sequence[str]], coverage: float) -> set[tuple[int, int]]:
    """Return the pairs ``(i, j)``, ``i < j``, whose word lists could be near-verbatim copies.

    A near-verbatim copy has ``coverage`` of the shorter list's words, in order, in the
    longer; so the shorter's words, counted with their repeats, share at least
    ``ceil(coverage * len)`` with the longer's. Each list is probed, as the shorter, by
    its rarest ``len - t + 1`` words against every list at least as long.
    """
    tagged = {i: _with_repeats(w) for i, w in words.items()}
    frequency = Counter(e for elements in tagged.values() for e in elements)
    postings: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, elements in tagged.items():
        for e in elements:
            postings[e].append(i)
    found: set[tuple[int, int]] = set()
    for i, elements in tagged.items():
        size = len(elements)
        need = _at_least(coverage * size)
        for e in _rarest(elements, frequency, size - need + 1):
            for j in postings[e]:
                if j != i and (len(tagged[j]), j) >= (size, i):
                    found.add((min(i, j), max(i, j)))
    return found


def sharing(sets: Iterable[tuple[int, Iterable[Hashable]]], shared: int) -> set[tuple[int, int]]:
    """Return the pairs ``(i, j)``, ``i < j``, of owners with two sets sharing ``shared`` elements.

    ``sets`` gives each owner's sets (an owner may have several, as a quotation has
    sentences); sets smaller than ``shared`` can share no such count and are left out.
    """
    kept = [(i, frozenset(s)) for i, s in sets]
    kept = [(i, s) for i, s in kept if len(s) >= shared]
    frequency = Counter(e for _, s in kept for e in s)
    postings: dict[Hashable, set[int]] = defaultdict(set)
    for i, s in kept:
        for e in _rarest(s, frequency, len(s) - shared + 1):
            postings[e].add(i)
    return {(min(i, j), max(i, j)) for owners in postings.values() for i in owners for j in owners if i != j}


def _with_repeats(words: Sequence[str]) -> list[tuple[str, int]]:
    """Each word with the number of times it occurred before: a multiset as a set."""
    seen: Counter[str] = Counter()
    tagged = []
    for word in words:
        tagged.append((word, seen[word]))
        seen[word] += 1
    return tagged


def _rarest(elements: Iterable[_E], frequency: Mapping[_E, int], count: int) -> list[_E]:
    """The ``count`` rarest of ``elements``, in one order for every set (rarity, then text)."""
    return sorted(elements, key=lambda e: (frequency[e], repr(e)))[: max(count, 0)]


def _at_least(bound: float) -> int:
    """The least whole count reaching ``bound``, erring low (a longer prefix, never a missed pair)."""
    return max(1, math.ceil(bound - 1e-9))
