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
from dataclasses import dataclass

from dedupe.names import name_key

# Words too common to tell what a passage is about: matching and role descriptions count
# only the others.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as into onto over under about after before "
    "during since until than that this these those there here it its it's he she his her they their them we "
    "our us you your i me my is are was were be been being has have had do does did will would shall should "
    "can could may might must not no so if then also both each all any some such very more most much many "
    "which who whom whose what when where why how while even further last other own same only just up "
    "out".split()
)
TITLES = frozenset(
    "president secretary minister councilor councillor member chairman chairwoman premier official envoy "
    "ambassador spokesman spokeswoman spokesperson mr mrs ms dr prof general gen leader mayor chief director "
    "head adviser advisor governor senator king queen prince pope chancellor sheikh sir lord judge commander "
    "admiral colonel captain deputy".split()
)
_NOT_PERSON = frozenset(
    "council ministry party government office agency committee commission organization organisation union "
    "nations states kingdom republic federation assembly parliament congress court bank institute university "
    "company corporation group news press times post daily radio television service services department "
    "bureau army navy forces police kremlin politburo cooperation structure region province city sea ocean "
    "island islands peninsula river north south east west central autonomous charter summit conference forum "
    "year week sports exchange initiative center centre house palace monday tuesday wednesday thursday "
    "friday saturday sunday january february april june july august september october november "
    "december".split()
)
NAME_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


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
    candidates: list[Mention] = []
    titled: set[str] = set()
    for run in _capitalised_runs(text):
        words = [w for w, _, _ in run]
        owner = words[-1].endswith(("’s", "'s"))
        cut = max((i + 1 for i, w in enumerate(words) if w.casefold().rstrip(".") in TITLES), default=0)
        name = run[cut:]
        while name and (
            name[0][0].casefold() in FUNCTION_WORDS or name[0][0].endswith(("ian", "ese", "ish"))
        ):
            name = name[1:]
        plain = [w.removesuffix("’s").removesuffix("'s") for w, _, _ in name]
        if not plain or len(plain) > 4 or any(_not_a_name(w) for w in plain):
            continue
        start, end = name[0][1], name[-1][2] - (2 if owner else 0)
        described = {fold(w) for w in words[:cut]} | _context_words(text, run[0][1], name[-1][2])
        candidates.append(Mention(" ".join(plain), start, end, owner, frozenset(described - FUNCTION_WORDS)))
        if cut:
            titled.add(candidates[-1].name)
    full = {m.name for m in candidates if len(m.name.split()) > 1}
    # A one-word name is a person's when it is one of a full name's parts ("Patrushev").
    parts = {part for name in full for part in name_key(name)}
    return [m for m in candidates if m.name in full or m.name in titled or set(name_key(m.name)) & parts]


def _capitalised_runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Return runs of capitalised words joined by single spaces, split after a possessive."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for match in NAME_WORD.finditer(text):
        word = match.group()
        joined = current and text[current[-1][2] : match.start()] in (" ", "\u00a0")
        possessive_before = current and current[-1][0].endswith(("’s", "'s"))
        if word[0].isupper() and joined and not possessive_before:
            current.append((word, match.start(), match.end()))
            continue
        if current:
            runs.append(current)
        current = [(word, match.start(), match.end())] if word[0].isupper() else []
    if current:
        runs.append(current)
    return runs


def _not_a_name(word: str) -> bool:
    return word.casefold() in _NOT_PERSON or not any(ch.islower() for ch in word)


def _context_words(text: str, start: int, end: int) -> set[str]:
    """Words describing a name: a few before it in its sentence and its apposition after."""
    before = re.split(r"[.!?\n]", text[max(0, start - 60) : start])[-1]
    words = NAME_WORD.findall(before)[-5:]
    after = re.match(r"[’'s]*\s*,\s*(?P<apposition>[^,.;:\n]{1,120})", text[end : end + 140])
    if after is not None:
        words += NAME_WORD.findall(after.group("apposition"))[:14]
    return {fold(w) for w in words}


def fold(word: str) -> str:
    """Return a word case-folded, with one apostrophe and no possessive ending."""
    return word.casefold().replace("’", "'").removesuffix("'s")


def fits(a: str, b: str) -> bool:
    """True for the same word or close forms of it ("Russian"/"Russia", "Chinese"/"China")."""
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or (common >= 4 and common >= 0.7 * min(len(a), len(b)))
