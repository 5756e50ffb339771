"""Find a statement's words written without quotation marks in another article.

An article that does not quote a statement may still carry its words: 001 writes "Xi
pledged strong support" where 004 quotes “strong support”. A long quotation counts when
its words are copied near-verbatim; a short phrase only when the article gives it to the
same speaker ("Xi pledged …") in an article that may report the same event, because
short phrases recur everywhere.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from dedupe.models import Article, Span, Token
from dedupe.quote_diff import Side
from dedupe.quote_links import (
    LONG_QUOTE_WORDS,
    VERBATIM_MIN_COVERAGE,
    Body,
    Item,
    MayShareEvent,
    compatible,
    global_speaker,
    is_verbatim,
    score,
)
from dedupe.quotes import Quote
from dedupe.segment import sentences
from dedupe.speakers import UNKNOWN, SpeakerResolver

# Unquoted text must be this similar (rapidfuzz partial alignment) to a long quotation.
UNQUOTED_MIN_SIMILARITY = 0.9
# A phrase this short is never looked for unquoted: single words occur everywhere.
UNQUOTED_MIN_WORDS = 2


@dataclass(frozen=True, slots=True)
class Found:
    """Words of a statement found without quotation marks in an article."""

    article: int
    side: Side
    span: Span
    speaker: str


@dataclass(frozen=True, slots=True)
class _Free:
    """An article's words outside its quotations, and where each word occurs among them.

    ``positions`` are the words' places among all body words, which tells words that are
    adjacent in the text from words a quotation between them separates.
    """

    tokens: list[Token]
    positions: list[int]
    where: dict[str, list[int]]


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
        self._free: dict[int, _Free] = {}
        self._resolvers: dict[int, SpeakerResolver] = {}
        self._sentences: dict[int, list[Span]] = {}
        self._index: defaultdict[str, set[int]] | None = None

    def renderings(
        self, members: Sequence[Item], speaker: str, may_share_event: MayShareEvent
    ) -> list[Found]:
        """Return the group's words as written unquoted in each article that does not quote them."""
        quoted_in = {m.article for m in members}
        found = (self._find(members, k, speaker, may_share_event) for k in sorted(self._candidates(members)))
        return [f for f in found if f is not None and f.article not in quoted_in]

    def _candidates(self, members: Sequence[Item]) -> set[int]:
        """Articles holding enough of a member's content words to be worth a look."""
        if self._index is None:
            self._index = defaultdict(set)
            for k in range(len(self.articles)):
                for word in self._free_words(k).where:
                    self._index[word].add(k)
        candidates: set[int] = set()
        for item in members:
            if len(item.words) < UNQUOTED_MIN_WORDS or not item.content:
                continue
            counts = Counter(k for word in item.content for k in self._index.get(word, ()))
            need = len(item.content) * (VERBATIM_MIN_COVERAGE if len(item.words) >= LONG_QUOTE_WORDS else 1)
            candidates |= {k for k, n in counts.items() if n >= need}
        return candidates

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
        tokens = self._free_words(k).tokens
        target = " ".join(t.text for t in tokens)
        aligned = fuzz.partial_ratio_alignment(" ".join(item.words), target)
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

    def _short(self, item: Item, k: int, speaker: str) -> Found | None:
        free = self._free_words(k)
        words, n = item.words, len(item.words)
        for i in free.where.get(words[0], ()):
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
        if k not in self._free:
            body = self.bodies[k]
            positions = _outside(body.starts, [q.span for q in self.quotes[k]])
            tokens = [body.tokens[i] for i in positions]
            where: dict[str, list[int]] = defaultdict(list)
            for n, token in enumerate(tokens):
                where[token.text].append(n)
            self._free[k] = _Free(tokens, positions, dict(where))
        return self._free[k]


def _outside(token_starts: Sequence[int], quotes: Sequence[Span]) -> list[int]:
    """Return the indices of the tokens (by sorted start) that start outside every quotation.

    A token is inside when it starts in the last quotation opening at or before it
    (quotations in document order): between one opening and the next, only the former
    can hold it. Whole runs of tokens are kept at once, by bisecting their starts.
    """
    kept: list[int] = []
    cursor = 0
    for n, quote in enumerate(quotes):
        following = quotes[n + 1].start if n + 1 < len(quotes) else quote.end
        first = bisect_left(token_starts, quote.start)
        last = bisect_left(token_starts, min(quote.end, following), lo=first)
        kept.extend(range(cursor, first))
        cursor = max(cursor, last)
    kept.extend(range(cursor, len(token_starts)))
    return kept
