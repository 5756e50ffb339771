"""Find quotations by their marks: the outermost pair, apostrophes told apart from closing quotes.

A quotation may run over paragraphs in the newspaper way (an opening mark on each, a
closing mark on the last); an unclosed mark after a lead-in, or in a page's last paragraph
(a story cut off mid-quotation), ends at its paragraph's end.
``extract`` turns what is found here into quotations with speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dedupe.models import Span

# Opening marks and the marks that close them. Straight marks open and close themselves;
# German „…“ and Swedish/Danish »…« reuse characters that close elsewhere.
CLOSERS = {
    "“": "”\"″", "„": "“”", '"': '"”', "«": "»", "»": "«", "‹": "›", "「": "」", "『": "』",
    "‘": "’", "‚": "‘’", "'": "'", "″": "″",
}  # fmt: skip


_FAMILY = {
    "“": "double", "„": "double", '"': "double", "«": "guillemet", "»": "guillemet", "‹": "guillemet",
    "「": "cjk", "『": "cjk", "‘": "single", "‚": "single", "'": "single", "″": "double",
}  # fmt: skip


# Marks that are also apostrophes, closers or primes (5″): they open only where a word could
# start. Korean sites print the double prime for a straight double mark (″…″라고 말했다).
_AMBIGUOUS_OPENERS = frozenset("\"'»″")


_ALL_CLOSERS = frozenset("".join(CLOSERS.values()))


# French typesetting puts a space inside guillemets: « Nous ne céderons pas »; some sites
# pad straight marks the same way: " Die Suche ist ein Kampf ", sagte …
_SPACED = frozenset('«»‹›"')


# Marks that also sit inside words: apostrophes ("Russia’s", "don't") and inch marks (5"9).
_IN_WORDS = frozenset("’'\"″")

# Korean and Japanese write the particle or verb ending right after a closing mark
# ("…"라고 말했다, "…"며, 「…」と): a mark followed by a Hangul, kana or Han letter is
# never an apostrophe, which only sits inside words of alphabetic scripts.
_NO_APOSTROPHE_SCRIPTS = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]")


# Opening marks some pages also type for the closing one ("…période« , a indiqué",
# “…program“, he said): after the words they close, never before the words they open.
_TYPED_AS_CLOSERS = frozenset("“«„")


# Every character ``_scan`` acts on: it visits only these, not each character of the text.
_MARKS = re.compile("[" + "".join(map(re.escape, sorted(_ALL_CLOSERS | set(CLOSERS)))) + "]")


# A quotation that still has not closed after this many paragraphs is taken for a stray mark.
MAX_QUOTE_PARAGRAPHS = 8


_VERB_BEFORE = re.compile(r"\b(?:said|says|stated|states|added|adds|told|declared|stressed|noted|wrote|"
                          r"tweeted|posted|warned|replied|stating|saying|adding|noting)\W*$")  # fmt: skip


@dataclass(slots=True, eq=False)
class _Open:
    mark: str
    position: int
    inside: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """A quotation's place: from its opening mark to its closing mark (``closed``) or line end."""

    start: int
    end: int
    paragraphs: int = 1
    closed: int = 1


def find_quote_marks(text: str, paras: list[Span]) -> list[MarkedQuote]:
    """Return each outermost quotation, marks included."""
    found: list[MarkedQuote] = []
    index = 0
    while index < len(paras):
        closed, stack = _scan(text, paras[index].start, paras[index].end, [])
        found.extend(MarkedQuote(s, e) for s, e in closed)
        chain = _continue(text, paras, index, stack[0]) if stack else None
        if chain is None:
            following = paras[index + 1] if index + 1 < len(paras) else None
            chained = (
                bool(stack)
                and following is not None
                and _FAMILY.get(text[following.start]) == _FAMILY[stack[0].mark]
            )
            if (
                stack
                and not chained
                and (_led_in(text, paras[index], stack[0].position) or _cut_off(text, paras, index, stack[0]))
            ):
                # The quotations closed inside it are its words, not quotations of their own.
                found.append(MarkedQuote(stack[0].position, trimmed_end(text, paras[index]), closed=0))
            else:
                found.extend(MarkedQuote(s, e) for s, e in _orphans(stack))
            index += 1
            continue
        last, (first, *after), left_open = chain
        found.append(MarkedQuote(first[0], first[1], last - index + 1))
        found.extend(MarkedQuote(s, e) for s, e in after + _orphans(left_open))
        index = last + 1
    return sorted(found, key=lambda f: f.start)


def _led_in(text: str, para: Span, position: int) -> bool:
    """True if an unclosed mark follows a lead-in ("said:", "stated,") on its line."""
    lead = text[para.start : position].rstrip()
    return bool(lead) and (lead[-1] == ":" or (lead[-1] == "," and _VERB_BEFORE.search(lead) is not None))


def _cut_off(text: str, paras: list[Span], index: int, opened: _Open) -> bool:
    """True if an unclosed mark opens in the last paragraph: the page stops inside the quotation
    (feeds and excerpts cut a story mid-sentence), unless it ends a run of paragraphs that open
    with its family's marks and never close (a stray mark repeated, not a quotation cut off)."""
    if index != len(paras) - 1:
        return False
    previous = paras[index - 1] if index > 0 else None
    return previous is None or _FAMILY.get(text[previous.start]) != _FAMILY[opened.mark]


def trimmed_end(text: str, para: Span) -> int:
    end = para.end
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return end


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
        runs_on = _runs_on(text, paras[following - 1], para)
        if _FAMILY.get(text[para.start]) != family and not runs_on:
            return None
        carried = _Open(opened.mark, opened.position)
        closed, stack = _scan(text, para.start + (0 if runs_on else 1), para.end, [carried])
        if all(entry is not carried for entry in stack):
            return following, closed, stack
    return None


def _runs_on(text: str, para: Span, following: Span) -> bool:
    """True where a page broke a sentence over two paragraphs: the first ends on a letter
    or comma, the next opens in lower case ("… mi ricordano" / "assolutamente, …")."""
    end = trimmed_end(text, para)
    open_end = end > para.start and (text[end - 1].isalpha() or text[end - 1] == ",")
    return open_end and text[following.start].islower()


def _orphans(stack: list[_Open]) -> list[tuple[int, int]]:
    """Quotations closed inside marks that never closed stand on their own."""
    return [span for opened in stack for span in opened.inside]


def _scan(text: str, start: int, end: int, stack: list[_Open]) -> tuple[list[tuple[int, int]], list[_Open]]:
    closed: list[tuple[int, int]] = []
    # Pages whose text lost the space before a straight mark ('is"still too high", that')
    # still pair their marks: where a line holds an even number, one glued to a word opens.
    paired = text.count('"', start, end) % 2 == 0
    for mark in _MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char in _ALL_CLOSERS and stack and _can_close(text, i) and _close(char, i, stack, closed):
            continue
        if stack and stack[-1].mark == char and _typed_as_closer(text, i):
            _close(CLOSERS[char][0], i, stack, closed)
            continue
        if char in CLOSERS and (_can_open(text, i) or (paired and _glued_open(text, i))):
            stack.append(_Open(char, i))
    return closed, stack


def _close(char: str, i: int, stack: list[_Open], closed: list[tuple[int, int]]) -> bool:
    """Close the innermost open mark ``char`` can close; marks opened inside it are dropped."""
    for depth in range(len(stack) - 1, -1, -1):
        if char in CLOSERS[stack[depth].mark]:
            position = stack[depth].position
            del stack[depth:]
            (stack[-1].inside if stack else closed).append((position, i + 1))
            return True
    return False


def _glued_open(text: str, i: int) -> bool:
    """True for a straight double mark glued to the word before it and opening the next ('said,"We')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] == '"' and (before.isalpha() or before == ",") and after.isalpha()


def _typed_as_closer(text: str, i: int) -> bool:
    """True for an opening mark glued to the word before it and followed by no word: it closes
    the quotation its twin opened ("…la période« , a indiqué"), it cannot open another."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] in _TYPED_AS_CLOSERS and not before.isspace() and not after.isalnum()


def _can_open(text: str, i: int) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in CLOSERS[char] or (after.isspace() and char not in _SPACED):
        return False
    if char not in _AMBIGUOUS_OPENERS:
        return True
    before = text[i - 1] if i > 0 else " "
    # 'läuft."Das …': a sentence's end glued to the next quotation's opening mark.
    glued = before in ".!?" and after.isupper()
    return before.isspace() or before in "([{—–-/:;" or before in CLOSERS or glued


def _can_close(text: str, i: int) -> bool:
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and char not in _SPACED:
        return False
    # "Russia’s", "don't": a mark between letters is an apostrophe, never a closing quote.
    return char not in _IN_WORDS or not after.isalnum() or _NO_APOSTROPHE_SCRIPTS.match(after) is not None
