"""Find the quotations in an article, with offsets into the original text and their speakers.

A quotation is an outermost pair of quotation marks in the body (boilerplate skipped, the
title line kept): curly, straight and low double quotes, single quotes told apart from
apostrophes, guillemets and CJK brackets. Quotes nested inside it stay part of its text.
A quotation may run over paragraphs only in the newspaper way: an opening mark on each
paragraph and a closing mark on the last. An opening mark that is never closed ends at its
paragraph's end when it opens the paragraph or follows a lead-in (``said:``, ``stated,``),
and is dropped otherwise, so it cannot swallow the rest of the article. A curly opening
mark may close with a straight one and the other way round: copy that passed through
several systems mixes them.

Readouts and live blogs print statements without marks: after a line that ends with a
colon and names a speaker ("The ministry issued the following statement:", "Key quotes
from X:"), on bullet lines under it, or after a speaker's name and a colon or dash at a
line's start ("Lavrov: We …", "Lavrov — We …"). Those are quotations of kind "readout",
whose ``span`` and ``inner`` are the same (there are no marks). Reported speech ("X said
that …") is of kind "reported" and only extracted when asked for (``reported=True``), so
counts of quotations stay counts of what the outlet quoted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dedupe.models import Article, Span
from dedupe.quotes.speaker_resolution import UNKNOWN, Speaker
from dedupe.quotes.speaker_words import VERBS
from dedupe.quotes.speakers import Attribution, SpeakerResolver
from dedupe.text import segment
from dedupe.text.segment import paragraphs

# Opening marks and the marks that close them. Straight marks open and close themselves;
# German „…“ and Swedish/Danish »…« reuse characters that close elsewhere.
_CLOSERS = {
    "“": "”\"", "„": "“”", '"': '"”', "«": "»", "»": "«", "‹": "›", "「": "」", "『": "』",
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
# A bullet opens a line of a readout's list of statements.
_BULLETS = frozenset("•●▪-–—*")
# A colon line introduces a statement when it says that someone spoke or issued words.
_READOUT_CUE = re.compile(
    r"\b(?:said|says|stated|states|told|added|declared|announced|wrote|writes|tweeted|posted|"
    r"statement|quotes?|remarks|readout|communiqu[eé]|declaration)\b",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(r"\b(?:said|says|stated|states|added|adds|told|declared|stressed|noted|wrote|"
                          r"tweeted|posted|warned|replied|stating|saying|adding|noting)\W*$")  # fmt: skip
# A quotation followed by one of these on its line has a frame of its own, even one naming nobody.
_SPEECH_VERB = re.compile(r"\b(?:" + "|".join(VERBS) + r")\b")
# "Lavrov: We …", "Lavrov — We …" at a line's start, or "X said: We …" inside it (no marks).
_INLINE = re.compile(
    r"^(?:(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*(?::|\s[—–-])"
    r"|.*?\b(?:said|says|stated|added|declared|wrote|tweeted|posted)(?=\s*:))(?P<lead>\s*:?)\s+(?P<rest>[A-Z\d].*)$",
    re.DOTALL,
)
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


def extract_quotes(
    article: Article, *, sentences: Sequence[Span] | None = None, reported: bool = False
) -> tuple[Quote, ...]:
    """Return the article's quotations in document order, each with its speaker.

    ``sentences`` are the body's sentences (``segment.article_sentences``), if already found.
    With ``reported``, reported speech ("X said that …", kind "reported") comes too.

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
    readouts = readout_statements(text, paras, found, headlines)
    hidden = [Span(p.start, p.end) for p in paras if p.start in headlines]
    resolver = SpeakerResolver(
        article, [Span(f.start, f.end) for f in found] + [r for r, _, _ in readouts], hidden=hidden
    )
    pieces: list[tuple[Span, Span, str, Span, Attribution | None, int]] = []
    for f in found:
        if not any(ch.isalnum() for ch in text[f.start + 1 : f.end - f.closed]):
            continue  # "“…”", "'—'": marks around no words quote nothing
        span = Span(f.start, f.end)
        sentence = _sentence_of(span, sents)
        kind = _kind(text, span, sentence, headlines)
        attribution = (
            None if kind == "headline" else resolver.attribute(span, sentence, embedded=kind != "full")
        )
        pieces.append((span, Span(f.start + 1, f.end - f.closed), kind, sentence, attribution, f.paragraphs))
    for statement, lead, named in readouts:
        attribution = resolver.readout(lead, named=named)
        if attribution is not None or not named:
            pieces.append((statement, statement, "readout", statement, attribution, 1))
    if reported:
        taken = [p[0] for p in pieces]
        for clause, sentence, attribution in resolver.reported(sents, taken):
            pieces.append((clause, clause, "reported", sentence, attribution, 1))
    pieces.sort(key=lambda p: p[0].start)
    quotes = [_quote(article.id, text, *piece) for piece in pieces]
    return tuple(_carry_speakers(resolver.masked, quotes))


def speaker_of(article: Article, span: Span) -> Attribution | None:
    """Return who the article says said the words at ``span``, quoted or not, with the frame.

    This reads reported speech too: in "The situation was forcing them to act, Jiechi
    added." the clause before the frame is attributed to Yang Jiechi when the article
    names him in full.
    """
    found = _find_quote_marks(article.text, paragraphs(article.text, article.body_spans))
    sentence = _sentence_of(span, segment.sentences(article.text, article.body_spans))
    return SpeakerResolver(article, [Span(f.start, f.end) for f in found]).attribute(
        span, sentence, embedded=True
    )


def _quote(
    article_id: str, text: str, span: Span, inner: Span, kind: str,
    sentence: Span, found: Attribution | None, count: int,
) -> Quote:  # fmt: skip
    speaker = found.speaker if found is not None else Speaker.unknown()
    return Quote(
        article_id=article_id,
        text=inner.slice(text),
        span=span,
        inner=inner,
        kind=kind,
        sentence=sentence,
        speaker=speaker.written,
        canonical_speaker=speaker.canonical,
        speaker_kind=speaker.kind,
        frame=found.frame if found is not None else None,
        frame_span=found.frame_span if found is not None else None,
        paragraphs=count,
    )


@dataclass(frozen=True, slots=True)
class _Found:
    """A quotation's place: from its opening mark to its closing mark (``closed``) or line end."""

    start: int
    end: int
    paragraphs: int = 1
    closed: int = 1


def _find_quote_marks(text: str, paras: list[Span]) -> list[_Found]:
    """Return each outermost quotation, marks included."""
    found: list[_Found] = []
    index = 0
    while index < len(paras):
        closed, stack = _scan(text, paras[index].start, paras[index].end, [])
        found.extend(_Found(s, e) for s, e in closed)
        chain = _continue(text, paras, index, stack[0]) if stack else None
        if chain is None:
            found.extend(_Found(s, e) for s, e in _orphans(stack))
            following = paras[index + 1] if index + 1 < len(paras) else None
            chained = (
                bool(stack)
                and following is not None
                and _FAMILY.get(text[following.start]) == _FAMILY[stack[0].mark]
            )
            if stack and not chained and _led_in(text, paras[index], stack[0].position):
                found.append(_Found(stack[0].position, _trimmed_end(text, paras[index]), closed=0))
            index += 1
            continue
        last, (first, *after), left_open = chain
        found.append(_Found(first[0], first[1], last - index + 1))
        found.extend(_Found(s, e) for s, e in after + _orphans(left_open))
        index = last + 1
    return sorted(found, key=lambda f: f.start)


def _led_in(text: str, para: Span, position: int) -> bool:
    """True if an unclosed mark follows a lead-in ("said:", "stated,") on its line."""
    lead = text[para.start : position].rstrip()
    return bool(lead) and (lead[-1] == ":" or (lead[-1] == "," and _VERB_BEFORE.search(lead) is not None))


def _trimmed_end(text: str, para: Span) -> int:
    end = para.end
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return end


def readout_statements(
    text: str, paras: list[Span], marked: Sequence[_Found], headlines: set[int]
) -> list[tuple[Span, Span, bool]]:
    """Find statements printed without marks: ``(statement, lead, named)`` for each.

    ``lead`` holds the words that introduce it; ``named`` says the lead is a bare name
    before a colon or dash at the line's start, which counts only if it names a person.
    """
    starts = sorted(f.start for f in marked)
    found: list[tuple[Span, Span, bool]] = []

    def quoted(span: Span) -> bool:
        k = bisect_left(starts, span.start)
        return k < len(starts) and starts[k] < span.end

    for index, para in enumerate(paras):
        if para.start in headlines:
            continue
        line = para.slice(text)
        if line.rstrip().endswith(":") and _READOUT_CUE.search(line):
            lead = Span(para.start + _last_sentence_start(line), _trimmed_end(text, para) - 1)
            for statement in _under(text, paras, index):
                if quoted(statement):
                    break
                found.append((statement, lead, False))
            continue
        inline = _INLINE.search(line)
        if inline is not None:
            statement = Span(para.start + inline.start("rest"), _trimmed_end(text, para))
            if not quoted(statement) and text[statement.start] not in _CLOSERS:
                named = inline.group("name") is not None
                opens = inline.start("name") if named else _last_sentence_start(line[: inline.start("rest")])
                lead = Span(para.start + opens, para.start + inline.end("lead"))
                found.append((statement, lead, named))
    return found


def _last_sentence_start(line: str) -> int:
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", line)), default=0)
    return cut


def _under(text: str, paras: list[Span], index: int) -> list[Span]:
    """The statement after a colon line: its bullets, or the next paragraph."""
    following = paras[index + 1 : index + 1 + MAX_QUOTE_PARAGRAPHS]
    bullets = []
    for para in following:
        if text[para.start] not in _BULLETS:
            break
        start = para.start + 1
        while start < para.end and text[start].isspace():
            start += 1
        bullets.append(Span(start, _trimmed_end(text, para)))
    if bullets:
        return bullets
    if following and text[following[0].start] not in _CLOSERS:
        return [Span(following[0].start, _trimmed_end(text, following[0]))]
    return []


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
    if title and len(title.split()) > HEADLINE_MAX_WORDS and title[-1] in '.!?”"»':
        title = None  # a first paragraph taken for the title: a lede, not a headline
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


def _carry_speakers(masked: str, quotes: list[Quote]) -> list[Quote]:
    """Give an unattributed statement the speaker of the quotation just before it.

    News copy attributes a run of quotations once: `"…," he said. "…"` and a paragraph that
    is only a quotation after one attributed quotation. The words between the two (quoted
    words blanked) must be nothing but the earlier one's frame sentence.
    """
    carried: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        if quote.kind in ("headline", "reported"):
            carried.append(quote)
            continue
        if quote.canonical_speaker == UNKNOWN and previous is not None and quote.kind != "fragment":
            end = max(
                previous.sentence.end,
                previous.span.end,
                previous.frame_span.end if previous.frame_span else 0,
            )
            line_end = masked.find("\n", quote.span.end)
            after = masked[quote.span.end : line_end if line_end >= 0 else len(masked)]
            if (
                end <= quote.span.start
                and not any(ch.isalnum() for ch in masked[end : quote.span.start])
                and _SPEECH_VERB.search(after) is None
            ):
                quote = replace(quote, speaker=previous.speaker, canonical_speaker=previous.canonical_speaker,
                                speaker_kind=previous.speaker_kind, frame=previous.frame,
                                frame_span=previous.frame_span)  # fmt: skip
        if quote.canonical_speaker != UNKNOWN:
            previous = quote
        elif quote.kind != "fragment":
            previous = None
        carried.append(quote)
    return carried


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
