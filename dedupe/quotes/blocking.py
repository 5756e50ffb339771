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


class NearCopies:
    """The quotations that could be near-verbatim copies of each quotation (by number).

    A near-verbatim copy has ``coverage`` of the shorter list's words, in order, in the
    longer; so the shorter's words, counted with their repeats, share at least
    ``t = ceil(coverage * len)`` with the longer's, and one of them is among its rarest
    ``len - t + 1``. Only postings are kept (memory linear in the words): the candidates
    of one quotation are gathered when asked for.
    """

    def __init__(self, words: Mapping[int, Sequence[str]], coverage: float) -> None:
        self._tagged = {i: _with_repeats(w) for i, w in words.items()}
        frequency = Counter(e for elements in self._tagged.values() for e in elements)
        self._all: dict[tuple[str, int], list[int]] = defaultdict(list)
        self._prefix: dict[tuple[str, int], list[int]] = defaultdict(list)
        self._prefixes: dict[int, list[tuple[str, int]]] = {}
        for i, elements in self._tagged.items():
            for e in elements:
                self._all[e].append(i)
            size = len(elements)
            self._prefixes[i] = _rarest(elements, frequency, size - _at_least(coverage * size) + 1)
            for e in self._prefixes[i]:
                self._prefix[e].append(i)

    def around(self, i: int) -> set[int]:
        """Quotations that could be a near copy of quotation ``i``, as its shorter or its longer."""
        size = len(self._tagged[i])
        found = {j for e in self._prefixes[i] for j in self._all.get(e, ()) if len(self._tagged[j]) >= size}
        found.update(
            j for e in self._tagged[i] for j in self._prefix.get(e, ()) if len(self._tagged[j]) <= size
        )
        found.discard(i)
        return found


class Sharing:
    """The owners with a set sharing ``shared`` elements with one of an owner's sets.

    ``sets`` gives each owner's sets (an owner may have several, as a quotation has
    sentences); sets smaller than ``shared`` can share no such count and are left out.
    Two sets sharing ``shared`` elements share one among the ``len - shared + 1`` rarest
    of each, so only those are indexed and probed.
    """

    def __init__(self, sets: Iterable[tuple[int, Iterable[Hashable]]], shared: int) -> None:
        kept = [(i, frozenset(s)) for i, s in sets]
        kept = [(i, s) for i, s in kept if len(s) >= shared]
        frequency = Counter(e for _, s in kept for e in s)
        self._postings: dict[Hashable, list[int]] = defaultdict(list)
        self._prefixes: dict[int, list[Hashable]] = defaultdict(list)
        for i, s in kept:
            prefix = _rarest(s, frequency, len(s) - shared + 1)
            self._prefixes[i].extend(prefix)
            for e in prefix:
                self._postings[e].append(i)

    def around(self, i: int) -> set[int]:
        """Owners other than ``i`` with a set that could share enough with one of ``i``'s."""
        found = {j for e in self._prefixes.get(i, ()) for j in self._postings[e]}
        found.discard(i)
        return found


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
