"""Whom an English "he"/"she" stands for when the sentences before it name no one subject.

``SubjectResolver`` gives a pronoun the one person who is the subject of the two sentences
before it. When the sentence just before has no subject of its own, but its only person is
the subject of a subordinate clause ("Live from the launch site now, where flight director
Ana Ruiz is addressing her team."), English news makes "she" after it that person. A
sentence that names two, or names one only as the object of a preposition ("near the office
of Mayor Li"), gives nobody: better unknown than wrong.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from dedupe.evidence.lexicon import FUNCTION_WORDS
from dedupe.evidence.mentions import Mention

if TYPE_CHECKING:
    from dedupe.quotes.speaker_resolution import SubjectResolver

# Words that open a subordinate clause whose subject follows: "…, where X is addressing".
CLAUSE_OPENERS = frozenset("where when while as after before because since although though and".split())
# How many words (titles, roles, a body's name) may stand between the clause's opener and the name.
LEAD_WORDS = 4
# What closes a sentence after its stop: closing marks and brackets, skipped to find its start.
_TAIL = frozenset('.!?”’"»)]')
# A lower-case word right after a name: its verb ("Ruiz is", "Ruiz met"), not "'s" or a comma.
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]{2,}\b")


def previous_sentence_person(resolver: SubjectResolver, position: int) -> str | None:
    """The one person the sentence just before ``position``'s is about, for an English pronoun."""
    end = resolver.clause_start(position)
    back = end - 1
    while back > 0 and (resolver.masked[back].isspace() or resolver.masked[back] in _TAIL):
        back -= 1
    if back <= 0:
        return None
    start = resolver.clause_start(back)
    subjects = resolver.subjects
    lo, hi = bisect_left(subjects, (start, "")), bisect_left(subjects, (end, ""))
    if lo < hi:
        return None  # a sentence with a subject of its own: left to the two-sentence reading
    named = resolver.mentions_in(start, end)
    people = {resolver.canonical[m.name] for m in named}
    openers = [m for m in named if not m.owner and _opens_subordinate(resolver.masked, start, m)]
    if len(people) != 1 or len(openers) != 1:
        return None
    return resolver.canonical[openers[0].name]


def _opens_subordinate(masked: str, sentence: int, mention: Mention) -> bool:
    """True if ``mention`` is a clause's subject: after its opener and a few titles, before a verb."""
    if _VERB_AFTER.match(masked, mention.end) is None:
        return False
    words = masked[sentence : mention.start].replace(",", " , ").split()
    lead: list[str] = []
    for word in reversed(words):
        if word == "," or word.casefold() in CLAUSE_OPENERS:
            break
        lead.append(word)
    return len(lead) <= LEAD_WORDS and not any(w.casefold() in FUNCTION_WORDS for w in lead)
