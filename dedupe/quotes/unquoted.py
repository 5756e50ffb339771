"""Find a statement's words written without quotation marks in another article.

An article that does not quote a statement may still carry its words: 001 writes "Xi
pledged strong support" where 004 quotes “strong support”. A long quotation counts when
its words are copied near-verbatim; a short phrase only when the article gives it to the
same speaker ("Xi pledged …") in an article that may report the same event, because
short phrases recur everywhere.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import Any, TypeVar

from rapidfuzz import fuzz

from dedupe.models import Article, Span, Token
from dedupe.quotes.diff import Side
from dedupe.quotes.extract import Quote
from dedupe.quotes.links import (
    LONG_QUOTE_WORDS,
    VERBATIM_MIN_COVERAGE,
    Body,
    Item,
    MayShareEvent,
    is_verbatim,
)
from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_match import compatible, global_speaker, score
from dedupe.quotes.speakers import SpeakerResolver
from dedupe.quotes.word_pairs import PairIndex
from dedupe.text.segment import sentences

# Unquoted text must be this similar (rapidfuzz partial alignment) to a long quotation.
UNQUOTED_MIN_SIMILARITY = 0.9
# A long statement is aligned only with articles holding this share of its adjacent word
# pairs. A copy at 0.9 similarity keeps most of them (in the development corpus, every
# one found kept at least 72%), while articles that merely share its words keep few: in
# a corpus written from one small vocabulary, this is what keeps the search linear.
UNQUOTED_MIN_PAIR_SHARE = 0.5
# A phrase this short is never looked for unquoted: single words occur everywhere.
UNQUOTED_MIN_WORDS = 2
# A "quotation" longer than this is an unbalanced mark running on to the end of a long
# paragraph, not a statement: it is not looked for unquoted, which keeps the cost of an
# alignment bounded whatever the text's length.
UNQUOTED_MAX_WORDS = 400
# Articles with more free words than this are not aligned whole (rapidfuzz's partial
# alignment costs the product of both lengths): only the stretches where the statement's
# word pairs occur are, so the cost grows with the text, not with its square. Below it,
# the whole text is aligned, as always.
ALIGN_WHOLE_WORDS = 4000
# Word pairs occurring more often than this in an article do not anchor a stretch.
_MAX_ANCHOR_POSTINGS = 32
# Stretches aligned per statement and article, most anchored first.
_MAX_REGIONS = 3
# Articles whose free words (and their indexes) are kept at once, most recently used: a
# corpus's free words would otherwise all stay in memory; recomputing one costs little.
CACHED_ARTICLES = 2048
_TEXT, _START = attrgetter("text"), attrgetter("start")
_T = TypeVar("_T")
# rapidfuzz skips alignments that cannot reach this score (several times faster on long
# statements); the result is the same whenever it reaches it, and checked as before.
_ALIGN_CUTOFF = UNQUOTED_MIN_SIMILARITY * 100 - 1e-6


@dataclass(frozen=True, slots=True)
class Found:
    """Words of a statement found without quotation marks in an article."""

    article: int
    side: Side
    span: Span
    speaker: str


@dataclass(frozen=True, slots=True)
class _Free:
    """An article's words outside its quotations, their places and their distinct texts.

    ``positions`` are the words' places among all body words, which tells words that are
    adjacent in the text from words a quotation between them separates; ``vocabulary``
    tells which quotations' content words the article has at all.
    """

    tokens: list[Token]
    positions: list[int]
    vocabulary: frozenset[str]


class UnquotedFinder:
    """Look for a statement's words outside the quotations of other articles."""

    def __init__(
        self,
        articles: Sequence[Article],
        bodies: Sequence[Body],
        quotes: Sequence[tuple[Quote, ...]],
        names: Mapping[str, str],
    ) -> None:
        self.articles = articles
        self.bodies = bodies
        self.quotes = quotes
        self.names = names
        self._free: OrderedDict[int, _Free] = OrderedDict()
        self._where: OrderedDict[int, dict[str, list[int]]] = OrderedDict()
        self._anchors: OrderedDict[int, dict[tuple[str, str], list[int]]] = OrderedDict()
        self._resolvers: dict[int, SpeakerResolver] = {}
        self._sentences: dict[int, list[Span]] = {}
        self._index: PairIndex | None = None

    def renderings(
        self, members: Sequence[Item], speaker: str, may_share_event: MayShareEvent
    ) -> list[Found]:
        """Return the group's words as written unquoted in each article that does not quote them.

        Articles that quote the group are searched too, though never reported: a search
        may attribute words in them, and their speaker resolvers remember institutions.
        """
        quoted_in = {m.article for m in members}
        found = (self._find(members, k, speaker, may_share_event) for k in sorted(self._candidates(members)))
        return [f for f in found if f is not None and f.article not in quoted_in]

    def _candidates(self, members: Sequence[Item]) -> set[int]:
        """Articles holding enough of a member's word pairs and content words to be worth a look."""
        found: set[int] = set()
        for item in members:
            if len(item.words) < UNQUOTED_MIN_WORDS or not item.content:
                continue
            long = len(item.words) >= LONG_QUOTE_WORDS
            # A short phrase is looked for word for word: it needs all its pairs and words.
            share = UNQUOTED_MIN_PAIR_SHARE if long else 1.0
            need = len(item.content) * (VERBATIM_MIN_COVERAGE if long else 1)
            found.update(
                k
                for k in self._pair_index().holding(pairwise(item.words), share)
                if len(item.content & self._free_words(k).vocabulary) >= need
            )
        return found

    def _pair_index(self) -> PairIndex:
        """Return the index of every article's adjacent free-word pairs (built on first use)."""
        if self._index is None:
            self._index = PairIndex(
                [t.text for t in self._free_words(k).tokens] for k in range(len(self.articles))
            )
        return self._index

    def _find(
        self, members: Sequence[Item], k: int, speaker: str, may_share_event: MayShareEvent
    ) -> Found | None:
        tried: set[tuple[str, ...]] = set()
        for item in sorted(members, key=lambda m: -len(m.words)):
            if len(item.words) < UNQUOTED_MIN_WORDS or not item.content or item.words in tried:
                continue
            tried.add(item.words)
            if len(item.words) >= LONG_QUOTE_WORDS:
                found = self._long(item, k)
            elif speaker != UNKNOWN and may_share_event(item.article, k):
                found = self._short(item, k, speaker)
            else:
                continue
            if found is not None:
                return found
        return None

    def _long(self, item: Item, k: int) -> Found | None:
        if len(item.words) > UNQUOTED_MAX_WORDS:
            return None
        tokens = self._free_words(k).tokens
        for lo, hi in self._regions(item.words, k):
            found = self._aligned(item, k, tokens[lo:hi])
            if found is not None:
                return found
        return None

    def _aligned(self, item: Item, k: int, tokens: list[Token]) -> Found | None:
        target = " ".join(t.text for t in tokens)
        aligned = fuzz.partial_ratio_alignment(" ".join(item.words), target, score_cutoff=_ALIGN_CUTOFF)
        if aligned is None or score(aligned.score) < UNQUOTED_MIN_SIMILARITY:
            return None
        offsets, position = [], 0
        for token in tokens:
            offsets.append(position)
            position += len(token.text) + 1
        window = [
            t
            for t, o in zip(tokens, offsets, strict=True)
            if o < aligned.dest_end and o + len(t.text) > aligned.dest_start
        ]
        if not window or not is_verbatim(item.words, [t.text for t in window]):
            return None
        return self._found(k, window, None)

    def _regions(self, words: tuple[str, ...], k: int) -> list[tuple[int, int]]:
        """Return the stretches of article ``k``'s free words worth aligning ``words`` with.

        The whole text when it is short; otherwise up to ``_MAX_REGIONS`` stretches of about
        three times the statement's length around where most of its word pairs line up.
        """
        size = len(self._free_words(k).tokens)
        if size <= ALIGN_WHOLE_WORDS:
            return [(0, size)]
        pairs = self._pairs(k)
        n = len(words)
        votes: dict[int, int] = defaultdict(int)
        for j in range(n - 1):
            for p in pairs.get((words[j], words[j + 1]), ()):
                votes[(p - j) // n] += 1
        best = sorted(votes, key=lambda bucket: (-votes[bucket], bucket))[:_MAX_REGIONS]
        return [(max(0, (b - 1) * n), min(size, (b + 2) * n + 1)) for b in best]

    def _pairs(self, k: int) -> dict[tuple[str, str], list[int]]:
        """Return where each pair of adjacent free words starts, leaving out pairs too common to anchor."""

        def anchors() -> dict[tuple[str, str], list[int]]:
            texts = [t.text for t in self._free_words(k).tokens]
            where: dict[tuple[str, str], list[int]] = defaultdict(list)
            for n, pair in enumerate(pairwise(texts)):
                where[pair].append(n)
            return {p: at for p, at in where.items() if len(at) <= _MAX_ANCHOR_POSTINGS}

        return _recent(self._anchors, k, anchors)

    def _short(self, item: Item, k: int, speaker: str) -> Found | None:
        free = self._free_words(k)
        words, n = item.words, len(item.words)
        for i in self._positions(k).get(words[0], ()):
            run = free.tokens[i : i + n]
            if tuple(t.text for t in run) == words and free.positions[i + n - 1] - free.positions[i] == n - 1:
                found = self._found(k, run, speaker)
                if found is not None:
                    return found
        return None

    def _found(self, k: int, run: list[Token], speaker: str | None) -> Found | None:
        article = self.articles[k]
        span = Span(run[0].start, run[-1].end)
        if k not in self._resolvers:
            self._resolvers[k] = SpeakerResolver(article, [q.span for q in self.quotes[k]])
            self._sentences[k] = sentences(article.text, article.body_spans)
        resolver = self._resolvers[k]
        sentence = next((s for s in self._sentences[k] if s.start <= span.start < s.end), span)
        attribution = resolver.attribute(span, sentence, embedded=True)
        said_by = global_speaker(attribution.speaker.canonical, self.names) if attribution else UNKNOWN
        if speaker is not None and not (said_by != UNKNOWN and compatible(said_by, speaker)):
            return None
        return Found(k, Side(article.id, article.text, tuple(run)), span, said_by)

    def _free_words(self, k: int) -> _Free:
        """Return the article's body words outside its quotations."""

        def free() -> _Free:
            body = self.bodies[k]
            positions = _outside(body.tokens, [q.span for q in self.quotes[k]], start=_START)
            tokens = list(map(body.tokens.__getitem__, positions))
            return _Free(tokens, positions, frozenset(map(_TEXT, tokens)))

        return _recent(self._free, k, free)

    def _positions(self, k: int) -> dict[str, list[int]]:
        """Return where each of the article's free words occurs among them (for short phrases only)."""

        def positions() -> dict[str, list[int]]:
            where: dict[str, list[int]] = defaultdict(list)
            for n, token in enumerate(self._free_words(k).tokens):
                where[token.text].append(n)
            return dict(where)

        return _recent(self._where, k, positions)


def _recent(cache: OrderedDict[int, _T], k: int, make: Callable[[], _T]) -> _T:
    """Return ``cache[k]``, made by ``make`` if missing; keep the ``CACHED_ARTICLES`` last used."""
    if k in cache:
        cache.move_to_end(k)
        return cache[k]
    value = cache[k] = make()
    if len(cache) > CACHED_ARTICLES:
        cache.popitem(last=False)
    return value


def _outside(
    tokens: Sequence[Any], quotes: Sequence[Span], *, start: Callable[[Any], int] | None = None
) -> list[int]:
    """Return the indices of the tokens (by sorted start) that start outside every quotation.

    A token is inside when it starts in the last quotation opening at or before it
    (quotations in document order): between one opening and the next, only the former
    can hold it. Whole runs of tokens are kept at once, by bisecting their starts.
    ``tokens`` are the starts themselves, or tokens whose start ``start`` returns.
    """
    kept: list[int] = []
    cursor = 0
    for n, quote in enumerate(quotes):
        following = quotes[n + 1].start if n + 1 < len(quotes) else quote.end
        first = bisect_left(tokens, quote.start, key=start)
        last = bisect_left(tokens, min(quote.end, following), lo=first, key=start)
        kept.extend(range(cursor, first))
        cursor = max(cursor, last)
    kept.extend(range(cursor, len(tokens)))
    return kept
