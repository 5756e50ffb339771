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
line's start ("Lavrov: We …", "Lavrov — We …"), embedded posts signed "— Name (@handle)
date", and the paragraphs of a published transcript after its heading ("X's opening
remarks …") and salutations. Those are quotations of kind "readout",
whose ``span`` and ``inner`` are the same (there are no marks). Reported speech ("X said
that …") is of kind "reported" and only extracted when asked for (``reported=True``), so
counts of quotations stay counts of what the outlet quoted.

The marks are found in ``quotes.marks``, the statements without marks in ``quotes.readouts``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from dedupe.models import Article, Span
from dedupe.quotes.after_speech import after_reported_sentence
from dedupe.quotes.by_participle import by_participle
from dedupe.quotes.carry import carry_back, carry_speakers
from dedupe.quotes.closing_frames import carry_closing_frames
from dedupe.quotes.marks import (
    MarkedQuote,
    find_quote_marks,
)
from dedupe.quotes.naming import naming_attribution
from dedupe.quotes.quote_lists import listed_quotes
from dedupe.quotes.readouts import (
    is_signature,
    readout_statements,
    transcript_statements,
)
from dedupe.quotes.speaker import Speaker
from dedupe.quotes.speakers import Attribution, SpeakerResolver
from dedupe.text import segment
from dedupe.text.segment import paragraphs

# A quotation followed by one of these on its line has a frame of its own, even one naming nobody.
# A title or subhead is a short line without final punctuation; quotes in it are "headline".
HEADLINE_MAX_WORDS = 16
# What ends a line that is a sentence, not a title: Latin and CJK stops, closing marks.
SENTENCE_ENDS = frozenset('.!?:,;”"»…。！？：；」』')
# A single closing mark ends a sentence only after a stop: "… to last.’" (else it may be an apostrophe).
SINGLE_CLOSE = "’"


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
    found = find_quote_marks(text, paras)
    sents = list(sentences) if sentences is not None else segment.sentences(text, article.body_spans)
    headlines = _headline_lines(article, paras)
    readouts = readout_statements(text, paras, found, headlines)
    transcript = transcript_statements(text, paras, found)
    spoken = (
        [s for s in transcript[1] if not any(s.start < r.end and r.start < s.end for r, _, _ in readouts)]
        if transcript
        else []
    )
    hidden = [Span(p.start, p.end) for p in paras if p.start in headlines]
    resolver = SpeakerResolver(
        article, [Span(f.start, f.end) for f in found] + [r for r, _, _ in readouts] + spoken, hidden=hidden
    )
    listed = listed_quotes(text, paras, headlines, found, resolver)
    pieces: list[tuple[Span, Span, str, Span, Attribution | None, int]] = []
    for f in found:
        if not any(ch.isalnum() for ch in text[f.start + 1 : f.end - f.closed]):
            continue  # "“…”", "'—'": marks around no words quote nothing
        span = Span(f.start, f.end)
        sentence = _sentence_of(span, sents)
        kind = _kind(text, span, sentence, headlines)
        attribution = (
            resolver.headline(span, _paragraph_of(paras, span.start))
            if kind == "headline"
            else resolver.attribute(span, sentence, embedded=kind != "full")
        )
        if attribution is None and kind != "headline":
            attribution = listed.get(span.start)
        if attribution is None and kind == "fragment" and resolver.language == "en":
            attribution = naming_attribution(resolver, span, sentence)
        if attribution is None and kind != "headline" and resolver.language == "en":
            attribution = by_participle(resolver, span, sentence)
        if attribution is None and kind == "full":
            attribution = _after_reported(text, paras, sents, found, span, resolver)
        if attribution is None and kind == "full":
            attribution = _after_colon(text, paras, sents, span, resolver)
        if attribution is None and kind == "full":
            attribution = after_reported_sentence(
                text, _paragraph_of(paras, span.start), sents, found, span, resolver
            )
        pieces.append((span, Span(f.start + 1, f.end - f.closed), kind, sentence, attribution, f.paragraphs))
    for statement, lead, named in readouts:
        attribution = resolver.readout(lead, named=named)
        if attribution is not None or not named:
            pieces.append((statement, statement, "readout", statement, attribution, 1))
    if transcript is not None and spoken:
        speaker = resolver.person_in(transcript[0])
        if speaker is not None:
            remarks = Attribution(speaker, "X's remarks", transcript[0])
            pieces.extend((statement, statement, "readout", statement, remarks, 1) for statement in spoken)
    if reported:
        taken = [p[0] for p in pieces]
        for clause, sentence, attribution in resolver.reported(sents, taken):
            pieces.append((clause, clause, "reported", sentence, attribution, 1))
    pieces.sort(key=lambda p: p[0].start)
    quotes = [_quote(article.id, text, *piece) for piece in pieces]
    quotes = carry_back(resolver.masked, quotes)
    if resolver.language == "en":
        quotes = carry_closing_frames(resolver.masked, quotes)
    return tuple(carry_speakers(resolver.masked, quotes))


def speaker_of(article: Article, span: Span) -> Attribution | None:
    """Return who the article says said the words at ``span``, quoted or not, with the frame.

    This reads reported speech too: in "The situation was forcing them to act, Jiechi
    added." the clause before the frame is attributed to Yang Jiechi when the article
    names him in full.
    """
    found = find_quote_marks(article.text, paragraphs(article.text, article.body_spans))
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


def _after_reported(
    text: str, paras: list[Span], sents: list[Span], found: Sequence[MarkedQuote], span: Span,
    resolver: SpeakerResolver,
) -> Attribution | None:  # fmt: skip
    """`X said Russia had …¶“…”`: a paragraph that is only a quotation, after reported speech.

    News copy introduces a speaker's words in reported speech and quotes them in the next
    paragraph. The paragraph before must be unquoted and end with a sentence whose subject
    is a person who said something ("He said …", "Zelensky warned that …").
    """
    k = next((i for i, p in enumerate(paras) if p.start <= span.start < p.end), None)
    if not k:
        return None
    para, before = paras[k], paras[k - 1]
    if any(ch.isalnum() for ch in text[para.start : span.start] + text[span.end : para.end]):
        return None
    if any(before.start <= f.start < before.end for f in found):
        return None
    last = [s for s in sents if before.start <= s.start < before.end]
    if not last:
        return None
    reported = resolver.reported(last[-1:], ())
    if not reported or reported[0][2].speaker.kind != "person":
        return None
    return reported[0][2]


def _after_colon(
    text: str, paras: list[Span], sents: list[Span], span: Span, resolver: SpeakerResolver
) -> Attribution | None:
    """`The agency issued the following statement:¶“…”`: a quotation opening the paragraph
    after a lead-in that ends with a colon is the lead-in's speaker's, as a readout's is."""
    para = _paragraph_of(paras, span.start)
    k = bisect_right(paras, para.start, key=attrgetter("start")) - 1
    if k < 1 or any(ch.isalnum() for ch in text[para.start : span.start]):
        return None
    before = paras[k - 1]
    if not text[before.start : before.end].rstrip().endswith(":"):
        return None
    last = [s for s in sents if before.start <= s.start < before.end]
    return resolver.readout(last[-1] if last else before, named=False)


def _paragraph_of(paras: list[Span], position: int) -> Span:
    """The paragraph holding ``position`` (``paras`` in text order), or the position alone."""
    k = bisect_right(paras, position, key=attrgetter("start")) - 1
    return paras[k] if k >= 0 and position < paras[k].end else Span(position, position)


def _headline_lines(article: Article, paras: list[Span]) -> set[int]:
    """Return the start offsets of the title line and of subhead-like lines."""
    text = article.text
    title = article.title.strip() if article.title else None
    if title and len(title.split()) > HEADLINE_MAX_WORDS and (title[-1] in '.!?”"»' or _closes_single(title)):
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
        and end[-1] not in SENTENCE_ENDS
        and not _closes_single(end)
        and not line.lstrip().startswith(("-", "•", "*", "–"))
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and not is_signature(line)  # a post's "— Name (@handle) May 4, 2026" names its author
    )


def _closes_single(line: str) -> bool:
    """True if ``line`` ends with a single closing mark after a stop ("… to last.’"): a sentence's end."""
    return line.endswith(SINGLE_CLOSE) and line[-2:-1] in ("!", ".", "?")


def _sentence_of(span: Span, sents: list[Span]) -> Span:
    """The span widened to the sentences it touches (``sents`` in text order, apart)."""
    first = bisect_right(sents, span.start, key=attrgetter("end"))
    last = bisect_left(sents, span.end, lo=first, key=attrgetter("start"))
    if first >= last:
        return span
    return Span(min(span.start, sents[first].start), max(span.end, sents[last - 1].end))


def _kind(text: str, span: Span, sentence: Span, headlines: set[int]) -> str:
    line_start = text.rfind("\n", 0, span.start) + 1
    while line_start < span.start and text[line_start].isspace():
        line_start += 1
    if line_start in headlines:
        return "headline"
    first = next((ch for ch in text[span.start + 1 : span.end] if ch.isalnum()), "")
    lead = text[sentence.start : span.start].rstrip()
    stands_alone = not lead or lead[-1] in ":,.!?"  # '… still."Die …': a sentence ended before it
    return "full" if (first.isupper() or first.isdigit()) and stands_alone else "fragment"
