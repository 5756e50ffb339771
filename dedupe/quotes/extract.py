"""Find the quotations in an article, with offsets into the original text and their speakers.

A quotation is an outermost pair of quotation marks in the body (boilerplate skipped, the
title line kept): curly, straight and low double quotes, single quotes told apart from
apostrophes, guillemets and CJK brackets. Quotes nested inside it stay part of its text.
A quotation may run over paragraphs only in the newspaper way: an opening mark on each
paragraph and a closing mark on the last. An opening mark that is never closed is dropped
at its paragraph's end, so it cannot swallow the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dedupe.models import Article, Span
from dedupe.quotes.speakers import Attribution, Speaker, SpeakerResolver
from dedupe.text import segment
from dedupe.text.segment import paragraphs

# Opening marks and the marks that close them. Straight marks open and close themselves;
# German „…“ and Swedish/Danish »…« reuse characters that close elsewhere.
_CLOSERS = {
    "“": "”", "„": "“”", '"': '"', "«": "»", "»": "«", "‹": "›", "「": "」", "『": "』",
    "‘": "’", "‚": "‘’", "'": "'",
}  # fmt: skip
_FAMILY = {
    "“": "double", "„": "double", '"': "double", "«": "guillemet", "»": "guillemet", "‹": "guillemet",
    "「": "cjk", "『": "cjk", "‘": "single", "‚": "single", "'": "single",
}  # fmt: skip
# Marks that are also apostrophes or closers: they open only where a word could start.
_AMBIGUOUS_OPENERS = frozenset("\"'»")
_ALL_CLOSERS = frozenset("".join(_CLOSERS.values()))
# French typesetting puts a space inside guillemets: « Nous ne céderons pas ».
_SPACED = frozenset("«»‹›")
# Marks that also sit inside words: apostrophes ("Russia’s", "don't") and inch marks (5"9).
_IN_WORDS = frozenset("’'\"")
# Every character ``_scan`` acts on: it visits only these, not each character of the text.
_MARKS = re.compile("[" + "".join(map(re.escape, sorted(_ALL_CLOSERS | set(_CLOSERS)))) + "]")
# A quotation that still has not closed after this many paragraphs is taken for a stray mark.
MAX_QUOTE_PARAGRAPHS = 8
# A title or subhead is a short line without final punctuation; quotes in it are "headline".
HEADLINE_MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its words, where it is, what kind it is and who said it.

    Attributes:
        article_id: The article it was found in.
        text: The characters between the outer marks, exactly as in the original.
        span: From the opening mark to the closing mark, both included.
        inner: The span of ``text``.
        kind: "full" (a quoted sentence), "fragment" (a phrase inside the writer's own
            sentence, such as a scare-quoted word) or "headline" (in the title or a subhead).
        sentence: The sentence(s) the quotation sits in.
        speaker: The speaker as the text writes it ("Patrushev", "he", "the statement").
        canonical_speaker: The person or institution that resolves to, or "unknown".
        speaker_kind: "person", "institution" or "unknown".
        frame: The attribution frame with the speaker as X ("X said", "according to X").
        frame_span: The words of the frame in the original text.
        paragraphs: How many paragraphs the quotation runs over.
    """

    article_id: str
    text: str
    span: Span
    inner: Span
    kind: str
    sentence: Span
    speaker: str | None
    canonical_speaker: str
    speaker_kind: str
    frame: str | None
    frame_span: Span | None
    paragraphs: int = 1


@dataclass(slots=True, eq=False)
class _Open:
    mark: str
    position: int
    inside: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(article: Article, *, sentences: Sequence[Span] | None = None) -> tuple[Quote, ...]:
    """Return the article's quotations in document order, each with its speaker.

    ``sentences`` are the body's sentences (``segment.article_sentences``), if already found.

    Examples:
        >>> from dedupe.ingest.build import article_from_text
        >>> article = article_from_text("Ana Petrova met the press.\\n\\n“We agree,” Petrova said.", id="a")
        >>> [(q.text, q.speaker, q.canonical_speaker) for q in extract_quotes(article)]
        [('We agree,', 'Petrova', 'Ana Petrova')]
    """
    text = article.text
    paras = paragraphs(text, article.body_spans)
    found = _find_quote_marks(text, paras)
    sents = list(sentences) if sentences is not None else segment.sentences(text, article.body_spans)
    headlines = _headline_lines(article, paras)
    resolver = SpeakerResolver(article, [Span(s, e) for s, e, _ in found])
    quotes = []
    for start, end, count in found:
        if not any(ch.isalnum() for ch in text[start + 1 : end - 1]):
            continue  # "“…”", "'—'": marks around no words quote nothing
        span = Span(start, end)
        sentence = _sentence_of(span, sents)
        kind = _kind(text, span, sentence, headlines)
        attribution = resolver.attribute(span, sentence, embedded=kind != "full")
        quotes.append(_quote(article.id, text, span, kind, sentence, attribution, count))
    return tuple(quotes)


def speaker_of(article: Article, span: Span) -> Attribution | None:
    """Return who the article says said the words at ``span``, quoted or not, with the frame.

    This reads reported speech too: in "The situation was forcing them to act, Jiechi
    added." the clause before the frame is attributed to Yang Jiechi when the article
    names him in full.
    """
    found = _find_quote_marks(article.text, paragraphs(article.text, article.body_spans))
    sentence = _sentence_of(span, segment.sentences(article.text, article.body_spans))
    return SpeakerResolver(article, [Span(s, e) for s, e, _ in found]).attribute(
        span, sentence, embedded=True
    )


def _quote(
    article_id: str, text: str, span: Span, kind: str, sentence: Span, found: Attribution | None, count: int
) -> Quote:
    speaker = found.speaker if found is not None else Speaker.unknown()
    return Quote(
        article_id=article_id,
        text=text[span.start + 1 : span.end - 1],
        span=span,
        inner=Span(span.start + 1, span.end - 1),
        kind=kind,
        sentence=sentence,
        speaker=speaker.written,
        canonical_speaker=speaker.canonical,
        speaker_kind=speaker.kind,
        frame=found.frame if found is not None else None,
        frame_span=found.frame_span if found is not None else None,
        paragraphs=count,
    )


def _find_quote_marks(text: str, paras: list[Span]) -> list[tuple[int, int, int]]:
    """Return ``(start, end, paragraphs)`` of each outermost quotation, marks included."""
    found: list[tuple[int, int, int]] = []
    index = 0
    while index < len(paras):
        closed, stack = _scan(text, paras[index].start, paras[index].end, [])
        found.extend((s, e, 1) for s, e in closed)
        chain = _continue(text, paras, index, stack[0]) if stack else None
        if chain is None:
            found.extend((s, e, 1) for s, e in _orphans(stack))
            index += 1
            continue
        last, (first, *after), left_open = chain
        found.append((first[0], first[1], last - index + 1))
        found.extend((s, e, 1) for s, e in after + _orphans(left_open))
        index = last + 1
    return sorted(found)


def _continue(
    text: str, paras: list[Span], index: int, opened: _Open
) -> tuple[int, list[tuple[int, int]], list[_Open]] | None:
    """Follow an unclosed quotation into paragraphs that open with a mark of its family.

    Returns the index of the paragraph where it closes, the quotations closed there (the
    continued one first) and the marks left open after it, or None for a stray mark.
    """
    family = _FAMILY[opened.mark]
    for following in range(index + 1, min(len(paras), index + MAX_QUOTE_PARAGRAPHS)):
        para = paras[following]
        if _FAMILY.get(text[para.start]) != family:
            return None
        carried = _Open(opened.mark, opened.position)
        closed, stack = _scan(text, para.start + 1, para.end, [carried])
        if all(entry is not carried for entry in stack):
            return following, closed, stack
    return None


def _orphans(stack: list[_Open]) -> list[tuple[int, int]]:
    """Quotations closed inside marks that never closed stand on their own."""
    return [span for opened in stack for span in opened.inside]


def _scan(text: str, start: int, end: int, stack: list[_Open]) -> tuple[list[tuple[int, int]], list[_Open]]:
    closed: list[tuple[int, int]] = []
    for mark in _MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char in _ALL_CLOSERS and stack and _can_close(text, i) and _close(char, i, stack, closed):
            continue
        if char in _CLOSERS and _can_open(text, i):
            stack.append(_Open(char, i))
    return closed, stack


def _close(char: str, i: int, stack: list[_Open], closed: list[tuple[int, int]]) -> bool:
    """Close the innermost open mark ``char`` can close; marks opened inside it are dropped."""
    for depth in range(len(stack) - 1, -1, -1):
        if char in _CLOSERS[stack[depth].mark]:
            position = stack[depth].position
            del stack[depth:]
            (stack[-1].inside if stack else closed).append((position, i + 1))
            return True
    return False


def _can_open(text: str, i: int) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in _CLOSERS[char] or (after.isspace() and char not in _SPACED):
        return False
    if char not in _AMBIGUOUS_OPENERS:
        return True
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-/:;" or before in _CLOSERS


def _can_close(text: str, i: int) -> bool:
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and char not in _SPACED:
        return False
    # "Russia’s", "don't": a mark between letters is an apostrophe, never a closing quote.
    return char not in _IN_WORDS or not after.isalnum()


def _headline_lines(article: Article, paras: list[Span]) -> set[int]:
    """Return the start offsets of the title line and of subhead-like lines."""
    text = article.text
    title = article.title.strip() if article.title else None
    starts: set[int] = set()
    for para in paras:
        line = para.slice(text)
        if title and title in line:
            starts.add(para.start)
            title = None
        elif _looks_like_subhead(line):
            starts.add(para.start)
    return starts


def _looks_like_subhead(line: str) -> bool:
    # Most lines end a sentence: that is told before their words are counted.
    end = line.rstrip()
    return (
        bool(end)
        and end[-1] not in '.!?:,;”"»…'
        and not line.lstrip().startswith(("-", "•", "*", "–"))
        and len(line.split()) <= HEADLINE_MAX_WORDS
    )


def _sentence_of(span: Span, sents: list[Span]) -> Span:
    touching = [s for s in sents if s.start < span.end and span.start < s.end]
    if not touching:
        return span
    return Span(min(span.start, touching[0].start), max(span.end, touching[-1].end))


def _kind(text: str, span: Span, sentence: Span, headlines: set[int]) -> str:
    line_start = text.rfind("\n", 0, span.start) + 1
    while line_start < span.start and text[line_start].isspace():
        line_start += 1
    if line_start in headlines:
        return "headline"
    first = next((ch for ch in text[span.start + 1 : span.end] if ch.isalnum()), "")
    lead = text[sentence.start : span.start].rstrip()
    stands_alone = not lead or lead[-1] in ":,"
    return "full" if (first.isupper() or first.isdigit()) and stands_alone else "fragment"
