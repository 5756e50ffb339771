"""Resolve a role descriptor ("the Russian security chief") to the one person the article
itself gives every word of it, in titles or apposition; anyone else, or two people, is unknown.

Split from ``speaker_resolution``, whose ``SubjectResolver`` holds the article's people and
their role words and asks these functions.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from dedupe.evidence.lexicon import FUNCTION_WORDS, NAME_WORD, fits, fold
from dedupe.evidence.names import same_person
from dedupe.quotes import foreign_roles as foreign
from dedupe.quotes.speaker import Speaker
from dedupe.quotes.speaker_words import (
    ANY_TITLE_HEADS,
    DETERMINERS,
    EMPTY_MODIFIERS,
    LEADER_HEADS,
    LEADERS,
    ROLE_HEADS,
)

if TYPE_CHECKING:
    from dedupe.quotes.speaker_resolution import SubjectResolver


def given_roles(
    resolver: SubjectResolver, position: int, owners: set[str], owned: set[str], head: str
) -> dict[str, frozenset[str]]:
    """Each person named before ``position`` with the role words given them so far; with
    ``owners`` ("Putin's close ally"), not the owner, and ``head`` for whom their apposition links."""
    if not owners:
        found = (
            (name, bisect_right(ends, position), given) for name, (ends, given) in resolver.so_far.items()
        )
        return {name: given[k - 1] for name, k, given in found if k}
    linked_given: dict[str, frozenset[str]] = {}
    for mention, words, linked in zip(resolver.mentions, resolver.roles, resolver.linked, strict=True):
        if mention.end > position or any(same_person(mention.name, owner) for owner in owners):
            continue
        names_owner = any(fits(w, o) for w in linked for o in owned)
        name = resolver.canonical[mention.name]
        linked_given[name] = linked_given.get(name, frozenset()) | words | ({head} if names_owner else set())
    return linked_given


def descriptor_speaker(resolver: SubjectResolver, phrase: str, position: int, owners: set[str]) -> Speaker:
    """Resolve "the Russian security chief" to the one person named before whom the article
    itself gives every word of it ("Russian Security Council Secretary …", "…, the
    security chief,"): a descriptor two people fit, or nobody, is "unknown", and so is
    one that brings in someone new ("a Russian official").
    """
    if phrase.split()[0].casefold() in ("a", "an", "one"):
        return Speaker.unknown(phrase)
    owned = {fold(w) for owner in owners for w in NAME_WORD.findall(owner)}
    cues = [fold(w) for w in NAME_WORD.findall(phrase)]
    cues = [c for c in cues if c not in FUNCTION_WORDS | DETERMINERS | EMPTY_MODIFIERS and c not in owned]
    cues = cues if resolver.language == "en" else [c for c in cues if c not in foreign.OF_WORDS]
    if not cues:
        return Speaker.unknown(phrase)
    head = cues[-1]
    if head not in ROLE_HEADS and resolver.language != "en":
        # The title comes first outside English: the other words are its modifiers.
        head = next((c for c in cues if foreign.role_word(c, resolver.language)), head)
        cues = [c for c in cues if c != head] + [head]
    # "Putin's close ally": the words before the head tell the relation, not a title; the
    # person must be given the head or be linked to the owner by their apposition.
    modifiers = cues[:-1] if not owners else []
    given = given_roles(resolver, position, owners, owned, head)
    fitting = [
        name
        for name, words in given.items()
        if all(
            any(foreign.modifier_fits(cue, word, resolver.language) for word in words) for cue in modifiers
        )
        and (
            any(fits(head, word) for word in words)
            or (head in LEADER_HEADS and not words.isdisjoint(LEADERS))
            or (head in ANY_TITLE_HEADS and not words.isdisjoint(ROLE_HEADS))
        )
    ]
    return Speaker(phrase, fitting[0], "person") if len(fitting) == 1 else Speaker.unknown(phrase)
