"""Tell who took part in a reported event, and in what role, from how sentences name them.

A participant is a person the sentence ties to the event: whoever "met", "held talks
with" or spoke "alongside" someone, a delegation "led by" or "headed by" someone, a
named "counterpart", or the subject of a sentence about the event. A person merely
mentioned (the president who "chaired" a council) is not one. Only sentences about
the event count, and only in the lede or where the article's protagonist (the first
person it names) appears: "Xi and Putin met on the sidelines" in a report on
Patrushev's talks is another meeting.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dedupe.evidence import lexicon
from dedupe.evidence.mentions import Entity
from dedupe.evidence.thing_names import named_as_person
from dedupe.models import Span, Token

# How far after "met"/"with" the person met may stand ("met with Chinese Communist Party
# official Guo Shengkun").
PARTICIPANT_WINDOW = 8
RELATION_CONFIDENCE = 0.8
PROTAGONIST_CONFIDENCE = 0.7
# Names tried, at most, for a protagonist written as a person: bounds the text searches.
PROTAGONIST_CHECKS = 8
SUBJECT_CONFIDENCE = 0.6
_MEETING_WORDS = frozenset("met meet meets meeting talks alongside hosted received with between".split())
_HEAD_WORDS = frozenset(("led", "headed"))
_GAP_WORDS = frozenset(
    "with his her their its the a an of by led headed and delegation delegations official officials "
    "counterpart counterparts".split()
)


@dataclass(frozen=True, slots=True)
class Participant:
    """A person who took part, the mention that says so, and their role and side.

    ``role`` is "delegation head", "counterpart", "met", "participant" (the subject of
    a sentence about the event) or "protagonist"; ``side`` the nationality written
    before the name ("Chinese"), empty if none.
    """

    entity: Entity
    role: str
    side: str
    sentence: Span
    confidence: float


def protagonist(people: Sequence[Entity], lede: Sequence[Span], text: str) -> Entity | None:
    """Return the first person the lede names as a person, else the lede's first, else the first at all.

    A capitalised run opening a foreign lede ("El Grupo", "Das Starship") is taken for a
    person by the entity rules; as the protagonist it would hide the people the lede names.
    The lede's names come first, then the others in text order; only the first
    ``PROTAGONIST_CHECKS`` distinct ones are checked (``named_as_person`` reads the whole text).
    """
    in_lede = [p for p in people if any(s.start <= p.span.start < s.end for s in lede)]
    order = [*in_lede, *people]  # a name met twice is checked once
    checked = list(dict.fromkeys(p.canonical for p in order))[:PROTAGONIST_CHECKS]
    written = next((name for name in checked if named_as_person(text, name)), None)
    if written is not None:
        return next(p for p in order if p.canonical == written)
    return order[0] if order else None


def find_participants(
    text: str, sentences: Sequence[tuple[Span, list[Token], bool, bool]], people: Sequence[Entity]
) -> list[Participant]:
    """Return the event's participants, the protagonist first.

    Args:
        text: the article text.
        sentences: each sentence's span, tokens, whether it is in the lede, and whether
            it is about the reported event.
        people: the article's person entities.
    """
    # By start, bisected per sentence: a scan of every person per sentence is quadratic in length.
    by_start = sorted(range(len(people)), key=lambda i: people[i].span.start)
    starts = [people[i].span.start for i in by_start]
    lead = protagonist(people, [s for s, _, lede, _ in sentences if lede], text)
    found: dict[str, Participant] = {}
    for span, tokens, lede, about in sentences:
        inside = by_start[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
        persons = [people[i] for i in sorted(inside)]
        if (
            not about
            or not persons
            or not (lede or (lead and lead.canonical in {p.canonical for p in persons}))
        ):
            continue
        for entity, role, side, confidence in _relations(text, tokens, persons):
            found.setdefault(entity.canonical, Participant(entity, role, side, span, confidence))
    if lead is not None and lead.canonical not in found:
        sentence = next(s for s, _, _, _ in sentences if s.start <= lead.span.start < s.end)
        found[lead.canonical] = Participant(lead, "protagonist", "", sentence, PROTAGONIST_CONFIDENCE)

    def order(person: Participant) -> tuple[bool, int]:
        return lead is None or person.entity.canonical != lead.canonical, person.entity.span.start

    return sorted(found.values(), key=order)


def _relations(text: str, tokens: list[Token], persons: list[Entity]) -> list[tuple[Entity, str, str, float]]:
    """Find the people a sentence ties to the event, with role and side, in sentence order."""
    starts = {next((i for i, t in enumerate(tokens) if t.start >= p.span.start), -1): p for p in persons}
    out: list[tuple[Entity, str, str, float]] = []
    for i, token in enumerate(tokens):
        head = token.text in _HEAD_WORDS and i + 1 < len(tokens) and tokens[i + 1].text == "by"
        if not (head or token.text in _MEETING_WORDS or token.text == "counterpart"):
            continue
        k = _next_person(text, tokens, i + 1, starts)
        while k is not None:
            gap = [t.text for t in tokens[max(0, i - 3) : k]]
            role = "delegation head" if "by" in gap and _HEAD_WORDS & set(gap) else (
                "counterpart" if "counterpart" in gap else "met")  # fmt: skip
            out.append((starts[k], role, _side(gap), RELATION_CONFIDENCE))
            k = _chained(text, tokens, k, starts)
    if any(t.text in _MEETING_WORDS or t.text in _HEAD_WORDS for t in tokens) or out:
        first = min(starts) if starts else -1
        if first >= 0 and all(_skippable(text, t) for t in tokens[:first]):
            out.append(
                (starts[first], "participant", _side([t.text for t in tokens[:first]]), SUBJECT_CONFIDENCE)
            )
    return out


def _next_person(text: str, tokens: list[Token], start: int, starts: dict[int, Entity]) -> int | None:
    for k in range(start, min(len(tokens), start + PARTICIPANT_WINDOW)):
        if k in starts:
            return k
        if not _skippable(text, tokens[k]):
            return None
    return None


def _chained(text: str, tokens: list[Token], k: int, starts: dict[int, Entity]) -> int | None:
    """Return the next person joined to the one at ``k`` by "and" ("… Lehtikari and Minister Koskivaara")."""
    end = next((j for j in range(k, len(tokens)) if tokens[j].end >= starts[k].span.end), k)
    if end + 1 < len(tokens) and tokens[end + 1].text == "and":
        return _next_person(text, tokens, end + 2, starts)
    return None


def _skippable(text: str, token: Token) -> bool:
    """True for words that stand between a verb and the person it links: titles, names of bodies."""
    return token.text in _GAP_WORDS or lexicon.capitalised(text, token) or token.text in lexicon.DESCRIPTORS


def _side(words: Sequence[str]) -> str:
    demonyms = [w for w in words if w in lexicon.DEMONYMS]
    return demonyms[-1].capitalize() if demonyms else ""
