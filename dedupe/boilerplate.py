"""Recognise what is not the article: repeated lines, site furniture and credit lines.

Nothing is deleted: each finding is a ``Boilerplate`` span with the rule that caught
it, so a report can show what was set aside and the original offsets stay valid.
The rules are general (repetition, short link-like lines, page-chrome phrases), not a
list of particular sites' strings.
"""

from __future__ import annotations

import re

from dedupe.models import Boilerplate, Span
from dedupe.normalize import tokenize
from dedupe.segment import paragraphs

# Phrases that page chrome is made of: comment prompts, share bars, navigation,
# subscription nags. A line is furniture only if it is short AND built around one.
_FURNITURE = re.compile(
    r"\b(leave a (reply|comment)|comments?\s*(\(\d+\))?$|reply$|back to top|read (more|next|also)|"
    r"follow us|share (this|on)|share$|tweet$|bloggers like this|like this:|email address will not|"
    r"required fields|subscribe|sign (up|in)|log ?in|newsletter|click here|related (articles|posts|stories)|"
    r"you may also like|advertisement|cookies?|all rights reserved|copyright|previous (post|article)|"
    r"next (post|article)|posted (in|by)|filed under|tags?:|print$|whatsapp|facebook|twitter|telegram|"
    r"skip to (main )?content|menu$|home$|search$|loading)\b",
    re.IGNORECASE,
)
_FURNITURE_MAX_WORDS = 8
_REPEAT_MIN_WORDS = 3
_REPEAT_SHINGLE = 3
_REPEAT_CONTAINED = 0.8
_CREDIT_MAX_WORDS = 6
_CREDIT_WORD = re.compile(
    r"^(?:[A-Z]{2,}|[A-Z][a-z]+|and|&|/|-|,|Agencies|Staff|Wires?|News|Press|Reporters?)$"
)


def find_boilerplate(text: str) -> tuple[Boilerplate, ...]:
    """Return the spans of ``text`` that are page furniture, repeats or credit lines."""
    lines = paragraphs(text)
    found: dict[int, Boilerplate] = {}
    for line in lines:
        reason = _furniture_reason(line.slice(text))
        if reason:
            found[line.start] = Boilerplate(line.start, line.end, reason)
    for line in _repeated_lines(text, [ln for ln in lines if ln.start not in found]):
        found[line.start] = Boilerplate(line.start, line.end, "repeated line")
    credit = credit_line(text, [ln for ln in lines if ln.start not in found])
    if credit is not None:
        found[credit.start] = Boilerplate(credit.start, credit.end, "credit line")
    return tuple(found[k] for k in sorted(found))


def _furniture_reason(line: str) -> str | None:
    words = line.split()
    if not any(ch.isalnum() for ch in line):
        return "no words"
    if len(words) <= _FURNITURE_MAX_WORDS and _FURNITURE.search(line):
        return "site furniture"
    if line.lstrip().startswith("%") and len(words) <= _FURNITURE_MAX_WORDS:
        return "site furniture"  # an unexpanded template placeholder ("%d bloggers …")
    return None


def _shingles(line: str) -> set[tuple[str, ...]]:
    words = [t.text for t in tokenize(line)]
    if len(words) < _REPEAT_SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _REPEAT_SHINGLE]) for i in range(len(words) - _REPEAT_SHINGLE + 1)}


def _repeated_lines(text: str, lines: list[Span]) -> list[Span]:
    """Lines that repeat another line: the later copy, or the shorter one inside a longer."""
    shingled = [(line, _shingles(line.slice(text))) for line in lines]
    repeated: list[Span] = []
    for i, (line, mine) in enumerate(shingled):
        if len(line.slice(text).split()) < _REPEAT_MIN_WORDS or not mine:
            continue
        for j, (other, theirs) in enumerate(shingled):
            if i == j or other in repeated:
                continue
            contained = len(mine & theirs) / len(mine)
            if contained < _REPEAT_CONTAINED:
                continue
            identical = mine == theirs
            if (identical and j < i) or (not identical and len(theirs) > len(mine)):
                repeated.append(line)
                break
    return repeated


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
