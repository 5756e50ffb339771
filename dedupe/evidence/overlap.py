"""Event evidence for a pair of articles: the entities they share and whether one event fits both.

The rules that find entities live in ``dedupe.evidence.mentions`` and those that profile the
reported event in ``dedupe.evidence.events``; this module is the evidence stage's public face:
the weighted overlap of two articles' entities, and whether their event dates and
places can both be right.

Examples:
    >>> from dedupe import article_from_text
    >>> a = article_from_text("Ministers met in Nanping. Guo Shengkun said China agreed.", id="a")
    >>> b = article_from_text("Guo Shengkun spoke in Nanping on behalf of China.", id="b")
    >>> overlap = entity_overlap(extract_entities(a), extract_entities(b))
    >>> [s.canonical for s in overlap.shared]
    ['Nanping', 'Guo Shengkun', 'China']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dedupe.evidence.date_mentions import dates_agree
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.mentions import Entity, extract_entities
from dedupe.evidence.names import same_person
from dedupe.evidence.places import places_compatible
from dedupe.models import Reason, Span

# Reports of one event may date it a day or two apart (a two-day meeting, a late report).
EVENT_DATE_TOLERANCE_DAYS = 2

__all__ = [
    "Entity",
    "EntityOverlap",
    "EventCheck",
    "EventProfile",
    "Fact",
    "SharedEntity",
    "entity_overlap",
    "event_compatibility",
    "event_profile",
    "extract_entities",
]


@dataclass(frozen=True, slots=True)
class SharedEntity:
    """An entity both articles mention: its first mention in each, and its weight."""

    kind: str
    canonical: str
    weight: float
    a_span: Span
    b_span: Span


@dataclass(frozen=True, slots=True)
class EntityOverlap:
    """What two articles' entities have in common.

    ``score`` in [0, 1] is the weighted Jaccard of their distinct entities: the weight
    of the shared ones over the weight of all, so sharing "Nanping" and "Guo Shengkun"
    counts far more than sharing "China" and "Russia". ``a_only``/``b_only`` hold the
    first mention of each entity the other article lacks.
    """

    shared: tuple[SharedEntity, ...]
    score: float
    a_only: tuple[Entity, ...]
    b_only: tuple[Entity, ...]


def entity_overlap(a: Sequence[Entity], b: Sequence[Entity]) -> EntityOverlap:
    """Match two articles' entities (people across spellings) and weigh what they share."""
    firsts_a, firsts_b = _distinct(a), _distinct(b)
    shared: list[SharedEntity] = []
    matched_b: set[int] = set()
    a_only: list[Entity] = []
    for x in firsts_a:
        j = next((j for j, y in enumerate(firsts_b) if j not in matched_b and _same(x, y)), None)
        if j is None:
            a_only.append(x)
            continue
        matched_b.add(j)
        y = firsts_b[j]
        shared.append(SharedEntity(x.kind, x.canonical, round((x.weight + y.weight) / 2, 3), x.span, y.span))
    b_only = [y for j, y in enumerate(firsts_b) if j not in matched_b]
    common = sum(s.weight for s in shared)
    total = common + sum(e.weight for e in a_only) + sum(e.weight for e in b_only)
    score = round(common / total, 4) if total else 0.0
    return EntityOverlap(tuple(shared), score, tuple(a_only), tuple(b_only))


def _distinct(entities: Sequence[Entity]) -> list[Entity]:
    """Return the first mention of each entity, in text order."""
    seen: dict[tuple[str, str], Entity] = {}
    for entity in sorted(entities, key=lambda e: e.span.start):
        seen.setdefault((entity.kind, entity.key), entity)
    return list(seen.values())


def _same(x: Entity, y: Entity) -> bool:
    if x.kind != y.kind:
        return False
    if x.kind == "person":
        return x.key == y.key or same_person(x.canonical, y.canonical)
    return x.key == y.key


@dataclass(frozen=True, slots=True)
class EventCheck:
    """Whether two reports' dates and places allow one event (None: cannot tell), and why."""

    dates_compatible: bool | None
    places_compatible: bool | None
    reasons: tuple[Reason, ...]


def event_compatibility(a: EventProfile, b: EventProfile) -> EventCheck:
    """Tell whether two reports' dates and places allow them to report one event.

    Dates are compared on each report's best-supported event date, within
    ``EVENT_DATE_TOLERANCE_DAYS``; places on the most specific event places each
    names (a city within a country it names is compatible).
    """
    reasons: list[Reason] = []
    dates: bool | None = None
    if a.dates and b.dates and a.dates[0].date is not None and b.dates[0].date is not None:
        first, second = a.dates[0].date, b.dates[0].date
        dates = dates_agree(first, second, tolerance_days=EVENT_DATE_TOLERANCE_DAYS)
        if dates is False:
            reasons.append(
                Reason("dates_conflict", f"dates cannot both be right: {first} vs {second}", False)
            )
        elif dates:
            reasons.append(Reason("dates_agree", f"dates agree: {first} / {second}"))
    places = compare_places(finest_places(a), finest_places(b))
    names_a = ", ".join(dict.fromkeys(f.canonical for f in finest_places(a)))
    names_b = ", ".join(dict.fromkeys(f.canonical for f in finest_places(b)))
    if places is False:
        reasons.append(Reason("places_differ", f"places differ: {names_a} vs {names_b}", False))
    elif places:
        reasons.append(Reason("same_place", f"same place: {names_a} / {names_b}"))
    return EventCheck(dates, places, tuple(reasons))


def finest_places(profile: EventProfile) -> list[Fact]:
    """Return the event places the gazetteer knows at the most specific level the report gives."""
    known = [f for f in profile.places if f.place is not None and f.place.known]
    level = max((f.place.level for f in known if f.place is not None), default=0)
    return [f for f in known if f.place is not None and f.place.level == level]


def compare_places(a: Sequence[Fact], b: Sequence[Fact]) -> bool | None:
    """True if some place of each can be the same, False if none can, None if either has none."""
    verdicts = [places_compatible(x.place, y.place) for x in a for y in b if x.place and y.place]
    if not verdicts:
        return None
    if any(verdicts):
        return True
    return False if all(v is False for v in verdicts) else None
