"""The body words of a corpus's articles, packed for an audit that keeps them all at hand."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from typing import overload

from dedupe.models import Article, Token
from dedupe.quotes.links import Body


class PackedBodies(Sequence[Body]):
    """The body words of many articles, packed: about a tenth of the memory of their tokens.

    A corpus audit keeps every article's body words at hand (any article may carry a
    statement unquoted), so they are kept as interned word texts and arrays of offsets,
    and unpacked into a ``Body`` when asked for.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        self._words: list[tuple[str, ...]] = []
        self._starts: list[array[int]] = []
        self._ends: list[array[int]] = []
        for article in articles:
            tokens = Body.of(article).tokens
            self._words.append(tuple(sys.intern(t.text) for t in tokens))
            # Four bytes an offset: an article is refused long before 4 G characters.
            self._starts.append(array("I", (t.start for t in tokens)))
            self._ends.append(array("I", (t.end for t in tokens)))

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, k: int) -> Body: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[Body]: ...
    def __getitem__(self, k: int | slice) -> Body | Sequence[Body]:
        if isinstance(k, slice):
            return [self[n] for n in range(len(self))[k]]
        words, starts, ends = self._words[k], self._starts[k], self._ends[k]
        return Body(tuple(map(Token, words, starts, ends)))
