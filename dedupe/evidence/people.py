"""Find the people an article names, with the words that describe them.

A person is a run of capitalised words with titles split off ("Russian Security Council
Secretary Nikolai Patrushev" → "Nikolai Patrushev"), not an organisation or a place
("Security Council", "South China Sea"), of two to four words, or one word that is
titled ("Mr Xi") or a short form of a full name the article gives ("Patrushev"). Each
mention keeps its describing words (titles, the words before it, its apposition) so that
"the Russian security chief" can be matched to the person those words describe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dedupe.evidence.lexicon import FUNCTION_WORDS, NOT_PERSON, TITLES
from dedupe.evidence.names import name_key

NAME_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# Where a capitalised ``NAME_WORD`` may start, with the rest of the word: an ASCII capital
# or any character outside ASCII, Latin-1 symbols and general punctuation (none of which
# is an upper-case letter), so that the search skips everything else in C.
_CAPITALISED = re.compile(r"[A-Z\u00c0-\u1fff\u2070-\U0010ffff][\w’'\-]*")
# What may come between a word's letters besides letters: digits, "_", apostrophes, hyphens.
_JOINERS = frozenset("_’'-")
# Distinct runs of capitalised words whose names are remembered (names, titles, openers).
RUN_CACHE_SIZE = 1 << 16
_SENTENCE_BREAKS = ".!?\n"
_APPOSITION = re.compile(r"[’'s]*\s*,\s*(?P<apposition>[^,.;:\n]{1,120})")
NAME_MAX_WORDS = 4
"""A name is at most this many words once its titles are cut ("Luiz Inácio Lula da" is not)."""
CONTEXT_BEFORE_CHARS = 60
CONTEXT_BEFORE_WORDS = 5
"""The words describing a name are at most this many, within that many characters before it…"""
CONTEXT_AFTER_CHARS = 140
CONTEXT_AFTER_WORDS = 14
"""…and in its apposition after it ("X, the head of the council, …")."""
FIT_MIN_PREFIX = 4
FIT_MIN_SHARE = 0.7
"""Two words are close forms ("Russian"/"Russia") when they share a prefix this long that is
this share of the shorter word."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text: the name without titles, where it is, and the words describing it.

    ``owner`` marks a possessive ("Putin’s close ally"): the person owns the phrase
    that follows rather than being its subject.
    """

    name: str
    start: int
    end: int
    owner: bool
    described: frozenset[str]


def person_mentions(text: str) -> list[Mention]:
    """Find person names: runs of capitalised words, titles split off, places and bodies left out."""
    candidates: list[_Candidate] = []
    titled: set[str] = set()
    for run in _capitalised_runs(text):
        found = _name_in_run(tuple(w for w, _, _ in run))
        if found is None:
            continue
        name, first, cut = found
        candidates.append(_Candidate(name, run, run[first:], [w for w, _, _ in run[:cut]]))
        if cut:
            titled.add(name)
    full = {c.name for c in candidates if len(c.name.split()) > 1}
    # A one-word name is a person's when it is one of a full name's parts ("Patrushev").
    parts = {part for name in full for part in name_key(name)}
    # Only the names kept are worth their describing words.
    return [
        c.mention(text)
        for c in candidates
        if c.name in full or c.name in titled or set(name_key(c.name)) & parts
    ]


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A run that may name a person: the name, the whole run, the run's name words, its titles."""

    name: str
    run: list[tuple[str, int, int]]
    named: list[tuple[str, int, int]]
    titles: list[str]

    def mention(self, text: str) -> Mention:
        """Return the mention with its describing words (titles, words before, apposition)."""
        owner = self.run[-1][0].endswith(("’s", "'s"))
        start, end = self.named[0][1], self.named[-1][2] - (2 if owner else 0)
        described = {fold(w) for w in self.titles} | _context_words(text, self.run[0][1], self.named[-1][2])
        return Mention(self.name, start, end, owner, frozenset(described - FUNCTION_WORDS))


def _capitalised_runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Return runs of capitalised words joined by single spaces, split after a possessive.

    Only capitalised words are visited: two of them are neighbours in a run exactly when
    a single space lies between them, as no word fits in one.
    """
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for word, start, end in _capitalised_words(text):
        joined = current and text[current[-1][2] : start] in (" ", "\u00a0")
        if joined and not current[-1][0].endswith(("’s", "'s")):
            current.append((word, start, end))
            continue
        if current:
            runs.append(current)
        current = [(word, start, end)]
    if current:
        runs.append(current)
    return runs


def _capitalised_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield the ``NAME_WORD`` matches of ``text`` that start with an upper-case letter.

    ``_CAPITALISED`` finds where one may start; a start that is no letter may hide one
    just after it ("—Wang"), and a letter after word characters is inside a word ("iPhone").
    """
    position = 0
    while (match := _CAPITALISED.search(text, position)) is not None:
        start = match.start()
        first = text[start]
        if not (first.isupper() and first.isalnum() and not first.isdecimal()):
            position = start + 1
            continue
        position = match.end()
        if not _inside_word(text, start):
            yield match.group(), start, position


def _inside_word(text: str, start: int) -> bool:
    """True if the letter at ``start`` continues a word (a letter before it, past digits and joiners)."""
    before = start - 1
    while before >= 0 and (text[before] in _JOINERS or text[before].isdecimal()):
        before -= 1
    return before >= 0 and text[before].isalnum()


@lru_cache(maxsize=RUN_CACHE_SIZE)
def _name_in_run(words: tuple[str, ...]) -> tuple[str, int, int] | None:
    """Return the name a run's words give, where it starts and how many titles precede it.

    Titles are split off ("Secretary Nikolai Patrushev"), then function words and
    nationalities before the name ("the Russian"); None if what is left names no one.
    The same runs recur in article after article ("The", "Xi Jinping"), so answers are kept.
    """
    cut = max((i + 1 for i, w in enumerate(words) if w.casefold().rstrip(".") in TITLES), default=0)
    first = cut
    while first < len(words) and (
        words[first].casefold() in FUNCTION_WORDS or words[first].endswith(("ian", "ese", "ish"))
    ):
        first += 1
    plain = [w.removesuffix("’s").removesuffix("'s") for w in words[first:]]
    if not plain or len(plain) > NAME_MAX_WORDS or any(_not_a_name(w) for w in plain):
        return None
    return " ".join(plain), first, cut


def _not_a_name(word: str) -> bool:
    return word.casefold() in NOT_PERSON or not any(ch.islower() for ch in word)


def _context_words(text: str, start: int, end: int) -> set[str]:
    """Words describing a name: a few before it in its sentence and its apposition after."""
    window = text[max(0, start - CONTEXT_BEFORE_CHARS) : start]
    before = window[max(map(window.rfind, _SENTENCE_BREAKS)) + 1 :]
    words = NAME_WORD.findall(before)[-CONTEXT_BEFORE_WORDS:]
    after = _APPOSITION.match(text, end, end + CONTEXT_AFTER_CHARS)
    if after is not None:
        words += NAME_WORD.findall(after.group("apposition"))[:CONTEXT_AFTER_WORDS]
    return {fold(w) for w in words}


def fold(word: str) -> str:
    """Return a word case-folded, with one apostrophe and no possessive ending."""
    return word.casefold().replace("’", "'").removesuffix("'s")


def fits(a: str, b: str) -> bool:
    """True for the same word or close forms of it ("Russian"/"Russia", "Chinese"/"China")."""
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or (common >= FIT_MIN_PREFIX and common >= FIT_MIN_SHARE * min(len(a), len(b)))
