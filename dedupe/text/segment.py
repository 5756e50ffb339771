"""Split an article's body into paragraphs and sentences, as spans of the original text.

The one place sentences are assembled: as spans (``sentences``, ``article_sentences``)
and with their tokens (``sentence_tokens``, ``region_sentence_tokens``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

from dedupe.models import Article, Span, Token
from dedupe.text.tokens import tokenize_parts

# Every line boundary str.splitlines knows: old Mac "\r", form feeds, Unicode separators.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
# A line without what ``_trimmed`` strips at either end: from its first character that is
# neither white space (``\s`` is ``str.isspace``, line breaks included) nor a zero-width
# one, to its last.
_TRIMMED_LINE = re.compile(rf"[^\s\ufeff\u200b](?:[^{_LINE_BREAKS}]*[^\s\ufeff\u200b])?")
# A sentence ends at . ! ? (possibly followed by closing quotes or brackets) before
# whitespace and a capital (Latin, Greek, Cyrillic), a digit, an opening quote or a letter
# of a script without capitals (Hebrew, Arabic); common abbreviations do not end one.
# Chinese and Japanese full stops end a sentence with no space after them.
_SENTENCE_END = re.compile(
    r"[.!?…؟]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9\u0391-\u03a9\u0400-\u042f\u0590-\u06ff])"
    r"|[。！？]+[”’」』）)]*(?=\S)"
)
# How many (text, region) splits are remembered: the regions of the articles in hand.
SPLIT_CACHE_SIZE = 64
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt st jr sr inc ltd co corp no vs etc u.s u.k u.n e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec rep sen gov pres".split()
)


def paragraphs(text: str, regions: Iterable[Span] | None = None) -> list[Span]:
    """Return the non-blank lines/paragraphs of ``text`` within ``regions``, trimmed."""
    chosen = [Span(0, len(text))] if regions is None else regions
    return list(chain.from_iterable(_region_paragraphs(text, region) for region in chosen))


def sentences(text: str, regions: Iterable[Span] | None = None) -> list[Span]:
    """Return sentence spans of ``text`` within ``regions``; a sentence never crosses a line."""
    chosen = [Span(0, len(text))] if regions is None else regions
    return list(chain.from_iterable(_region_sentences(text, region) for region in chosen))


# Several stages of ``pipeline.analyze`` (entities, quotations, own sentences) ask for the
# same article's paragraphs and sentences: each region is split once while it is recent.
@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _region_paragraphs(text: str, region: Span) -> tuple[Span, ...]:
    return tuple(Span(*m.span()) for m in _TRIMMED_LINE.finditer(text, region.start, region.end))


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _region_sentences(text: str, region: Span) -> tuple[Span, ...]:
    out: list[Span] = []
    for para in _region_paragraphs(text, region):
        cursor = para.start
        for match in _SENTENCE_END.finditer(text, para.start, para.end):
            if _is_abbreviation(text, cursor, match.start()):
                continue
            out.extend(_trimmed(text, cursor, match.end()))
            cursor = match.end()
        out.extend(_trimmed(text, cursor, para.end))
    return tuple(out)


def article_sentences(article: Article) -> list[Span]:
    """Return the sentences of an article's body (boilerplate excluded)."""
    return sentences(article.text, article.body_spans)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    last = text[start:dot].rsplit(None, 1)
    word = last[-1] if last else ""
    word = word.lstrip("(\"'“‘").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and (text[start].isspace() or text[start] in "\ufeff\u200b"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\ufeff\u200b"):
        end -= 1
    return [Span(start, end)] if end > start else []


def sentence_tokens(
    text: str, regions: Sequence[Span], tokens: Sequence[Token]
) -> list[tuple[Span, list[Token]]]:
    """Return each sentence of ``regions`` with the tokens that lie in it.

    ``tokens`` are in text order and do not overlap (as ``tokenize`` gives them), so a
    sentence's tokens are one run: from the first starting in it to the last ending in it.
    """
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    grouped: list[tuple[Span, list[Token]]] = []
    for span in sentences(text, regions):
        first = bisect_left(starts, span.start)
        grouped.append((span, list(tokens[first : max(first, bisect_right(ends, span.end))])))
    return grouped


def region_sentence_tokens(
    text: str, body: Sequence[Span], by_region: dict[Span, tuple[Token, ...]]
) -> Iterator[tuple[Span, tuple[Token, ...]]]:
    """Yield each body sentence with its tokens, tokenised region by region (``article_sentences`` order).

    Unlike ``sentence_tokens``, which cuts one tokenisation of all regions at sentence
    ends, this keeps the tokens ``tokenize_parts`` gives each region; both are kept
    because the pair report and the entity rules were built on one each.
    """
    for region in body:
        spans = sentences(text, [region])
        yield from zip(spans, tokenize_parts(text, region, by_region[region], spans), strict=True)
