"""Recognise what is not the article: repeated lines, site furniture and credit lines.

Nothing is deleted: each finding is a ``Boilerplate`` span with the rule that caught
it, so a report can show what was set aside and the original offsets stay valid.
The rules are general (repetition, short link-like lines, page-chrome phrases), not a
list of particular sites' strings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from dedupe.models import Boilerplate, Span
from dedupe.text.dates import DATELINE, HEADER_LINES
from dedupe.text.segment import paragraphs
from dedupe.text.tokens import words as token_words

# Page chrome is short and reads like a link or a prompt. A short line is furniture when
# it opens with a chrome phrase ("Read More", "Leave a Reply", "Follow us on:"), holds a
# phrase no article sentence uses ("%d bloggers like this"), or is made only of menu and
# share-bar words ("Facebook Twitter WhatsApp"). A headline that merely mentions Twitter
# or ends in "home" is none of these, so it stays.
_CHROME_START = re.compile(
    r"^\W*(?:\d+\s+)?(?:leave a (?:reply|comment)|back to top|read (?:more|next|also)|follow us|"
    r"share (?:this|on|via|article|story)|comments?\b|related (?:articles|posts|stories|news|topics)|"
    r"you (?:may|might) also like|more (?:stories|from|news)|recommended\b|subscribe|sign (?:up|in)|"
    r"log ?in\b|click here|advertisement|previous (?:post|article|story)|next (?:post|article|story)|"
    r"posted (?:in|by|on)|filed under|tags?\s*:|skip to|jump to|see also|most (?:read|popular|viewed))",
    re.IGNORECASE,
)
_CHROME_ANYWHERE = re.compile(
    r"bloggers like this|email address will not be published|required fields are marked|"
    r"all rights reserved|uses cookies|cookie (?:policy|settings)|©",
    re.IGNORECASE,
)
_MENU_WORDS = frozenset(
    "home menu search print share shares tweet email e-mail mail reply comments comment loading close "
    "top next previous prev more whatsapp facebook twitter telegram linkedin reddit pinterest vk "
    "instagram youtube messenger pocket copy link".split()
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_FURNITURE_MAX_WORDS = 8
_REPEAT_MIN_WORDS = 3
_REPEAT_SHINGLE = 3
_REPEAT_CONTAINED = 0.8
_CREDIT_MAX_WORDS = 6
_CREDIT_WORD = re.compile(
    r"^(?:[A-Z]{2,}|[A-Z][a-z]+|and|&|/|-|,|Agencies|Staff|Wires?|News|Press|Reporters?)$"
)


def find_boilerplate(text: str, lines: Sequence[Span] | None = None) -> tuple[Boilerplate, ...]:
    """Return the spans of ``text`` that are page furniture, repeats or credit lines.

    ``lines`` are ``segment.paragraphs(text)`` if the caller has them already.
    """
    lines = paragraphs(text) if lines is None else lines
    found: dict[int, Boilerplate] = {}
    for line in lines:
        reason = _furniture_reason(line.slice(text))
        if reason:
            found[line.start] = Boilerplate(line.start, line.end, reason)
    for line in _repeated_lines(text, [ln for ln in lines if ln.start not in found]):
        found[line.start] = Boilerplate(line.start, line.end, "repeated line")
    credit = credit_line(text, [ln for ln in lines if ln.start not in found])
    if credit is not None and not _holds_a_repeat(text, credit, found.values()):
        found[credit.start] = Boilerplate(credit.start, credit.end, "credit line")
    return tuple(found[k] for k in sorted(found))


def _holds_a_repeat(text: str, line: Span, found: Iterable[Boilerplate]) -> bool:
    """True if ``line`` is the copy a repeated line was set aside for: it stays in the body."""
    mine = _shingles(line.slice(text))
    repeats = (_shingles(text[b.start : b.end]) for b in found if b.reason == "repeated line")
    return any(theirs and len(theirs & mine) >= _REPEAT_CONTAINED * len(theirs) for theirs in repeats)


def _furniture_reason(line: str) -> str | None:
    if not any(ch.isalnum() for ch in line):
        return "no words"
    if len(line.split()) > _FURNITURE_MAX_WORDS:
        return None
    if _CHROME_START.search(line) or _CHROME_ANYWHERE.search(line):
        return "site furniture"
    if line.lstrip().startswith("%"):
        return "site furniture"  # an unexpanded template placeholder ("%d bloggers …")
    words = [w.lower() for w in _WORD.findall(line)]
    if words and all(w in _MENU_WORDS for w in words):
        return "site furniture"
    return None


def _shingles(line: str) -> set[tuple[str, ...]]:
    words = token_words(line)  # the texts of ``tokenize``'s tokens, without making the tokens
    if len(words) < _REPEAT_SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(_REPEAT_SHINGLE)), strict=False))  # the n-grams, made in C


def _repeated_lines(text: str, lines: list[Span]) -> list[Span]:
    """Lines that repeat a kept line: the later copy, or the shorter one inside a longer.

    Lines are judged longest first against the lines already kept, so a repeat is set
    aside only when a copy of it stays in the body: nothing is lost.
    """
    shingled = [(line, _shingles(line.slice(text))) for line in lines]
    elsewhere = _shared_shingles(shingled)
    order = sorted(range(len(shingled)), key=lambda i: (-len(shingled[i][1]), i))
    # The kept lines by shingle: a line is checked only against kept lines sharing one,
    # so a text of many paragraphs costs what they share, not their number squared.
    kept: dict[tuple[str, ...], list[int]] = defaultdict(list)
    repeated: list[Span] = []
    for i in order:
        line, mine = shingled[i]
        if (
            mine
            and elsewhere[i] / len(mine) >= _REPEAT_CONTAINED
            and len(line.slice(text).split()) >= _REPEAT_MIN_WORDS
            and _repeats(i, mine, kept, shingled)
        ):
            repeated.append(line)
        else:
            for shingle in mine:
                kept[shingle].append(i)
    return sorted(repeated, key=lambda span: span.start)


def _shared_shingles(shingled: list[tuple[Span, set[tuple[str, ...]]]]) -> list[int]:
    """Count, for each line, its shingles that some other line has too.

    A line with fewer than ``_REPEAT_CONTAINED`` of its shingles elsewhere cannot repeat
    any line, so most articles (no repeats at all) skip the pairwise check.
    """
    lines_with: Counter[tuple[str, ...]] = Counter()
    for _, mine in shingled:
        lines_with.update(mine)
    return [sum(1 for shingle in mine if lines_with[shingle] > 1) for _, mine in shingled]


def _repeats(
    i: int,
    mine: set[tuple[str, ...]],
    kept: dict[tuple[str, ...], list[int]],
    shingled: list[tuple[Span, set[tuple[str, ...]]]],
) -> bool:
    """True if a kept line holds ``_REPEAT_CONTAINED`` of line ``i``'s shingles and is its copy or longer."""
    shared = Counter(j for shingle in mine for j in kept.get(shingle, ()))
    for j, count in shared.items():
        if count / len(mine) < _REPEAT_CONTAINED:
            continue
        theirs = shingled[j][1]
        if (mine == theirs and j < i) or len(theirs) > len(mine):
            return True
    return False


def credit_line(text: str, lines: list[Span]) -> Span | None:
    """Return the last line if it is a bare credit such as "AP" or "TBP and Agencies"."""
    if len(lines) < 2:
        return None
    last = lines[-1]
    line = last.slice(text).strip()
    words = re.findall(r"[^\s/&,]+|[/&,]", line)
    if not words or len(line.split()) > _CREDIT_MAX_WORDS or line[-1] in '.!?"”':
        return None
    if all(_CREDIT_WORD.match(word) for word in words) and any(w[0].isupper() for w in words):
        return last
    return None


def credits(text: str, boilerplate: Iterable[Boilerplate], lines: Sequence[Span]) -> tuple[str, ...]:
    """Return the outlets and agencies credited in a credit line or a header dateline, in order."""
    names: list[str] = []
    for part in boilerplate:
        if part.reason == "credit line":
            names.extend(_split_credit(text[part.start : part.end]))
    for line in lines[:HEADER_LINES]:
        dateline = DATELINE.match(line.slice(text))
        if dateline:
            for piece in re.split(r"\s+[-–—]\s+", dateline.group("inner")):
                names.extend(_split_credit(piece))
    return tuple(dict.fromkeys(names))


def _split_credit(line: str) -> list[str]:
    parts = re.split(r"\s*(?:/|&|,|\band\b|\s-\s)\s*", line.strip())
    return [p.strip() for p in parts if p.strip() and not any(ch.isdigit() for ch in p)]
