"""Tell whether two quotations' speakers can be one source, and whether a name asked for is theirs.

A speaker is compared as ``quotes.speakers`` canonicalised it: "X", "X (office)" or
"Y (statement)", a person's name spelled as across all articles (``person_names``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from dedupe.evidence.names import canonical_names, same_person
from dedupe.quotes.extract import Quote
from dedupe.quotes.speaker import UNKNOWN
from dedupe.text.normalize import normalize

# What a canonical speaker adds to a person or body it speaks for: "X (office)", "Y (statement)".
_ROLE_SUFFIX = re.compile(r" \([^()]*\)$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
# A name asked for (``audit_quotes(speaker=…)``) matches a speaker when each of its words
# is this similar to one of the speaker's ("Patrushov" → "Patrushev", "statement").
NAME_MATCH_MIN = 0.8


def score(rapidfuzz_score: float) -> float:
    """Convert a rapidfuzz 0–100 score to the [0, 1] scale of every dedupe result."""
    return rapidfuzz_score / 100.0


def person_names(quotes: Iterable[Quote]) -> dict[str, str]:
    """Map each article's name for a person speaker to one name across all articles."""
    people = {
        q.canonical_speaker for q in quotes if q.speaker_kind == "person" and q.canonical_speaker != UNKNOWN
    }
    return canonical_names(people)


def global_speaker(name: str, names: Mapping[str, str]) -> str:
    """Return ``name`` with its person part spelled as across all articles ("X (office)" too)."""
    role = _ROLE_SUFFIX.search(name)
    person = name[: role.start()] if role else name
    return names.get(person, person) + (role.group() if role else "")


def compatible(a: str, b: str) -> bool:
    """True if two canonical speakers can be one source ("X" and "X (office)" can).

    A body's acronym in two languages is one body when it has the same letters: languages
    that put the adjective after the noun reorder them ("NATO" / "OTAN", "EU" / "UE"). A
    full name is the same person with a title before it that the outlet capitalised
    ("Regierungschef Fumio Kishida", "Premier Mara Velde").
    """
    bare_a, bare_b = _ROLE_SUFFIX.sub("", a), _ROLE_SUFFIX.sub("", b)
    if _ACRONYM.fullmatch(bare_a) and _ACRONYM.fullmatch(bare_b):
        return sorted(bare_a) == sorted(bare_b)
    if bare_a == bare_b or same_person(bare_a, bare_b):
        return True
    short, long = sorted((bare_a.split(), bare_b.split()), key=len)
    return len(short) >= 2 and long[-len(short) :] == short


def speaker_key(speaker: str) -> str:
    """What every speaker ``compatible`` with ``speaker`` shares: an acronym's letters in any
    order, else the last word of the name (a person's surname after any title)."""
    bare = _ROLE_SUFFIX.sub("", speaker)
    if _ACRONYM.fullmatch(bare):
        return "".join(sorted(bare))
    return bare.rsplit(" ", 1)[-1].casefold()


def name_matches(query: str, name: str) -> bool:
    """True if ``query`` names ``name``: the same person, or each query word close to one of its words."""
    if same_person(query, name):
        return True
    mine, theirs = normalize(query).split(), re.findall(r"[^\W_]+", normalize(name))
    return bool(mine) and all(
        max((score(fuzz.ratio(w, o)) for o in theirs), default=0.0) >= NAME_MATCH_MIN for w in mine
    )
