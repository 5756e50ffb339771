"""Statements printed without quotation marks: readouts, bullets under a colon line, "Name: …" lines.

Also embedded posts ("… — Name (@handle) May 4, 2026", or a paragraph ending on its image
link with that signature apart or none) and published transcripts: a
heading "X's opening remarks …", salutations, then the speech in plain paragraphs.

``extract`` gives them the kind "readout"; a bare name before the colon counts only if it
names a person, which the speaker resolver decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from dedupe.evidence.places import lookup_place
from dedupe.models import Span
from dedupe.quotes.marks import (
    CLOSERS,
    MAX_QUOTE_PARAGRAPHS,
    MarkedQuote,
    trimmed_end,
)

# A bullet opens a line of a readout's list of statements.
_BULLETS = frozenset("•●▪-–—*")


# A colon line introduces a statement when it says that someone spoke or issued words.
_READOUT_CUE = re.compile(
    r"\b(?:said|says|stated|states|told|added|declared|announced|wrote|writes|tweeted|posted|"
    r"statements?|quotes?|remarks|readout|communiqu[eé]|declaration)\b",
    re.IGNORECASE,
)


# "Lavrov: We …", "Lavrov — We …" at a line's start, or "X said: We …" inside it (no marks).
_INLINE = re.compile(
    r"^(?:(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*(?::|\s[—–-])"
    r"|.*?\b(?:said|says|stated|added|declared|wrote|tweeted|posted)(?=\s*:))(?P<lead>\s*:?)\s+(?P<rest>[A-Z\d].*)$",
    re.DOTALL,
)


# An embedded post as news pages print it: the words, an optional link, then "— Name
# (@handle) Month D, YYYY". The name is the author; the rest of the paragraph is the post.
_EMBEDDED_POST = re.compile(
    r"^(?P<rest>\S.*?)\s*(?:https?://\S+\s*)?[—–-]\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
    r"\s*\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$",
    re.DOTALL,
)


# A post whose signature the page printed apart: the words, then its image link at the end of
# the paragraph ("… pic.twitter.com/AbC123"), and maybe "— Name (@handle) Month D, YYYY" as
# the next paragraph, which names the author.
_POST_LINK = re.compile(r"^(?P<rest>\S.*?)\s*\bpic\.twitter\.com/\w+\s*$", re.DOTALL)
_SIGNATURE = re.compile(
    r"^\s*[—–-]\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
    r"\s*\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$"
)


# A heading that says a transcript follows: "Foreign Minister X's opening remarks at …".
_TRANSCRIPT_HEADING = re.compile(
    r"\s*(?P<who>[^\n’']{3,80}?)[’']s\s+(?:(?:opening|closing|introductory|concluding|keynote)\s+)?"
    r"(?:remarks|speech|address|statement)\b"
)
# How many paragraphs from the top may hold that heading.
TRANSCRIPT_HEADING_PARAS = 6
# A transcript opens with salutations, each a short line ending in a comma ("Esteemed Mr
# Minister,", "Dear friends,", "“Colleagues,"): the heading counts only with one this close
# after it, so an article headed "X's speech: what it means" is never taken for a transcript.
TRANSCRIPT_SALUTATION_REACH = 4
SALUTATION_MAX_WORDS = 6
# A question line ends the speaker's monologue: the answers belong to a Q&A, read otherwise.
_QUESTION = re.compile(r"\s*(?:question|q)\s*[:.(]", re.IGNORECASE)


def transcript_statements(
    text: str, paras: list[Span], marked: Sequence[MarkedQuote]
) -> tuple[Span, list[Span]] | None:
    """Find a published transcript: ``(who, statements)``, the heading's speaker words and each
    paragraph of the speech after its salutations, or None.

    Ministries and agencies publish speeches as "X's opening remarks at …", salutations, then
    the speech in plain paragraphs without quotation marks.
    """
    starts = sorted(f.start for f in marked)
    for k, para in enumerate(paras[:TRANSCRIPT_HEADING_PARAS]):
        heading = _TRANSCRIPT_HEADING.match(text, para.start, para.end)
        if heading is None:
            continue
        following = paras[k + 1 : k + 1 + TRANSCRIPT_SALUTATION_REACH]
        salutes = [i for i, p in enumerate(following) if _salutation(p.slice(text))]
        if not salutes:
            continue
        statements = []
        for p in paras[k + 2 + salutes[-1] :]:
            if _QUESTION.match(text, p.start, p.end):
                break
            end = trimmed_end(text, p)
            k_mark = bisect_left(starts, p.start)
            if text[end - 1] in ".!?…" and not (k_mark < len(starts) and starts[k_mark] < p.end):
                statements.append(Span(p.start, end))
        return Span(heading.start("who"), heading.end("who")), statements
    return None


def _salutation(line: str) -> bool:
    words = line.strip().lstrip('“"«').split()
    return bool(words) and len(words) <= SALUTATION_MAX_WORDS and line.rstrip().endswith(",")


def readout_statements(
    text: str, paras: list[Span], marked: Sequence[MarkedQuote], headlines: set[int]
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
        line = para.slice(text)
        # A post ends on its link, not a stop, and a short one looks like a subhead.
        linked = _POST_LINK.match(line)
        if linked is not None:
            statement = Span(para.start + linked.start("rest"), para.start + linked.end("rest"))
            if not quoted(statement):
                found.append((statement, *_signed(text, paras, index, statement)))
            continue
        if para.start in headlines:
            continue
        if line.rstrip().endswith(":") and _READOUT_CUE.search(line):
            lead = Span(para.start + _last_sentence_start(line), trimmed_end(text, para) - 1)
            for statement in _under(text, paras, index):
                if quoted(statement):
                    break
                found.append((statement, lead, False))
            continue
        post = _EMBEDDED_POST.match(line)
        if post is not None:
            statement = Span(para.start + post.start("rest"), para.start + post.end("rest"))
            if not quoted(statement):
                found.append(
                    (statement, Span(para.start + post.start("name"), para.start + post.end("name")), True)
                )
            continue
        inline = _INLINE.search(line)
        if inline is not None and _dateline(inline.group("name")):
            continue  # "New Delhi: Prime Minister X said …" is the story, not a statement
        if inline is not None:
            statement = Span(para.start + inline.start("rest"), trimmed_end(text, para))
            if not quoted(statement) and text[statement.start] not in CLOSERS:
                named = inline.group("name") is not None
                opens = inline.start("name") if named else _last_sentence_start(line[: inline.start("rest")])
                lead = Span(para.start + opens, para.start + inline.end("lead"))
                found.append((statement, lead, named))
    return found


def _signed(text: str, paras: list[Span], index: int, post: Span) -> tuple[Span, bool]:
    """The lead of a post that ends paragraph ``index``: the signature's name in the next
    paragraph, or nothing (an author the page does not name) before the post."""
    following = paras[index + 1] if index + 1 < len(paras) else None
    signature = _SIGNATURE.match(following.slice(text)) if following is not None else None
    if following is None or signature is None:
        return Span(post.start, post.start), False
    return Span(following.start + signature.start("name"), following.start + signature.end("name")), True


def is_signature(line: str) -> bool:
    """True for a post's signature line printed on its own: "— Name (@handle) May 4, 2026"."""
    return _SIGNATURE.match(line) is not None


def _dateline(name: str | None) -> bool:
    """True for a place before a line's colon or dash: a dateline ("New Delhi:", "KYIV —")."""
    return name is not None and lookup_place(name) is not None


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
        bullets.append(Span(start, trimmed_end(text, para)))
    if bullets:
        return bullets
    if following and text[following[0].start] not in CLOSERS:
        return [Span(following[0].start, trimmed_end(text, following[0]))]
    return []
