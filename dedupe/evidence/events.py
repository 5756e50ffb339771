"""Say what event an article reports: where, when, who took part and the figures it gives.

An article names many places and dates; few belong to the event it reports. A place
counts as the event's when the text puts it as a location ("in Beijing", "the city of
Nanping", a SHANGHAI dateline) in the lede or in a sentence about the event (talks,
meeting, visit, fire, crash …). Sentences that look back ("last week's summit in
Samarkand", "in February") or generalise ("such consultations regularly take place in
Moscow") describe other events, so their places, dates and people are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter, le

from dedupe.evidence import frequency, lexicon
from dedupe.evidence.date_mentions import PartialDate
from dedupe.evidence.mentions import Entity, content_regions, extract_entities
from dedupe.evidence.numbers import Quantity
from dedupe.evidence.participants import Participant, find_participants
from dedupe.evidence.places import Place, lookup_place
from dedupe.models import Article, Span, Token
from dedupe.text.dates import MONTHS
from dedupe.text.segment import sentence_tokens
from dedupe.text.tokens import tokenize

# Sentences after the title that make up the lede, and the fewest words one must have.
LEDE_SENTENCES = 2
LEDE_MIN_WORDS = 6
# Evidence a fact is the event's: it passed the filters (base), stands in the lede, near
# an event word, in a dateline, and names a city or an exact day. Confidence is the sum
# over FULL_SCORE, capped at 1.
FACT_BASE = 1.0
LEDE_BONUS = 1.0
TRIGGER_BONUS = 1.0
DATELINE_BONUS = 1.0
SPECIFIC_BONUS = 1.0
FULL_SCORE = 4.0
REPEAT_BONUS = 0.25
# An event word this many words before a place makes it the event's place outside the
# lede ("talks in the Chinese city of Nanping"); farther off it is another clause's.
TRIGGER_WINDOW = 10
CITY_LEVEL = 3
TRIGGERS = frozenset(
    "talks consultations consultation meeting meetings met meet meets summit visit visited visits visiting "
    "traveled travelled trip held hold holds conference briefing session negotiations round gathered "
    "fire blaze explosion blast crash crashed collapsed collapse capsized sank flood floods flooding "
    "earthquake quake storm attack attacked shooting protest protests accident derailed landslide "
    "ceremony signed vote election match final".split()
)
_GENERIC = frozenset("regularly usually often annually traditionally routinely".split())
_LOOKING_BACK = frozenset("ago previously".split())
_DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]{1,40}?)\s*(?:,\s*[A-Za-z .]{2,30})?\s*(?:\(|[-–—]\s)")
# Words that tie a sentence to the event without being one: "speaking alongside his counterpart".
EVENT_WORDS = TRIGGERS | frozenset(("alongside", "counterpart", "counterparts"))
_MONTH_NAMES = frozenset(m for m in MONTHS if len(m) > 3)
_TEXT = attrgetter("text")


@dataclass(frozen=True, slots=True)
class Fact:
    """One slot value of an event as a report states it, with the sentence that states it.

    ``slot`` is "place", "date", "participant" or "number"; ``value`` is as written and
    ``canonical`` the comparable form ("Beijing", "2019-12-04", "Nikolai Patrushev",
    "12 dead"). ``role`` and ``side`` describe a participant ("counterpart", "Chinese").
    """

    slot: str
    value: str
    canonical: str
    span: Span
    sentence: Span
    confidence: float
    role: str = ""
    side: str = ""
    place: Place | None = None
    date: PartialDate | None = None
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class EventProfile:
    """The facts of the event an article reports, each slot ranked best first.

    ``people`` lists everyone the article names at all (slot "person"), each at the
    mention that spells the name in full, so a report can tell a participant the other
    report leaves out from one it merely names elsewhere.
    """

    article_id: str
    places: tuple[Fact, ...]
    dates: tuple[Fact, ...]
    participants: tuple[Fact, ...]
    numbers: tuple[Fact, ...]
    people: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    span: Span
    tokens: list[Token]
    lede: bool
    about_event: bool
    other_event: bool
    dateline_at: int | None


def event_profile(
    article: Article,
    *,
    entities: Sequence[Entity] | None = None,
    sentences: list[tuple[Span, list[Token]]] | None = None,
) -> EventProfile:
    """Return the facts of the event ``article`` reports: places, dates, participants, numbers.

    Args:
        article: the article.
        entities: its entities, if already extracted.
        sentences: ``segment.sentence_tokens`` over ``mentions.content_regions``, if already computed.
    """
    text = article.text
    if sentences is None:
        regions = content_regions(article)
        sentences = sentence_tokens(text, regions, tokenize(text, regions))
    found = tuple(entities) if entities is not None else extract_entities(article, sentences=sentences)
    within = _within(tuple(span for span, _ in sentences), found)
    analysed = _sentences(article, sentences, within)
    people = [e for e in found if e.kind == "person"]
    participants = find_participants(
        text, [(s.span, s.tokens, s.lede, s.about_event) for s in analysed], people
    )
    scored: dict[str, list[tuple[float, Fact]]] = {"place": [], "date": [], "number": []}
    for sentence, inside in zip(analysed, within, strict=True):
        for entity in inside:
            fact = _fact(sentence, entity)
            if fact is not None:
                scored[fact[1].slot].append(fact)
    return EventProfile(
        article_id=article.id,
        places=_ranked(scored["place"], specific_first=True),
        dates=_ranked(scored["date"]),
        participants=tuple(_participant_fact(p) for p in participants),
        numbers=_ranked(scored["number"]),
        people=_people(analysed, people),
    )


def _within(spans: Sequence[Span], found: Sequence[Entity]) -> list[list[Entity]]:
    """Return, for each span, the entities that start in it (in the order found).

    Spans in text order that do not overlap (sentences) take each entity by bisection;
    any others are searched whole for each span.
    """
    starts, ends = [s.start for s in spans], [s.end for s in spans]
    if not all(map(le, ends, starts[1:])):
        return [[e for e in found if s.start <= e.span.start < s.end] for s in spans]
    within: list[list[Entity]] = [[] for _ in spans]
    for entity in found:
        k = bisect_right(starts, entity.span.start) - 1
        if k >= 0 and entity.span.start < ends[k]:
            within[k].append(entity)
    return within


def _sentences(
    article: Article, grouped: list[tuple[Span, list[Token]]], within: list[list[Entity]]
) -> list[_Sentence]:
    """Mark each sentence: in the lede or not, about the reported event or another one.

    ``within`` holds the entities that start in each sentence.
    """
    text = article.text
    title_at = text.find(article.title) if article.title else -1
    out: list[_Sentence] = []
    lede_left = LEDE_SENTENCES
    for (span, tokens), inside in zip(grouped, within, strict=True):
        is_title = title_at >= 0 and span.start < title_at + len(article.title or "") and title_at < span.end
        publication = bool(inside) and _publication_line(text, span, inside)
        lede = is_title or lede_left > 0
        if not is_title and len(tokens) >= LEDE_MIN_WORDS and not publication:
            lede_left -= 1
        words = set(map(_TEXT, tokens))
        back = any(e.kind == "date" and _looks_back(e) for e in inside) or not _LOOKING_BACK.isdisjoint(words)
        other = publication or (back and not lede) or not words.isdisjoint(_GENERIC)
        about = not other and (lede or not words.isdisjoint(EVENT_WORDS))
        dateline = _DATELINE.match(text, span.start, span.end) if lede else None
        out.append(_Sentence(span, tokens, lede, about, other, dateline.start(1) if dateline else None))
    return out


def _looks_back(entity: Entity) -> bool:
    """True for "last week", "last month", "February": dates of some earlier event."""
    written = entity.text.lower()
    return written.startswith(("last ", "earlier")) or written in _MONTH_NAMES


def _publication_line(text: str, span: Span, inside: Sequence[Entity]) -> bool:
    """True for a line that is only a date (and time): when it was published, not what happened.

    ``inside`` are the entities that start in the line.
    """
    dates = [e for e in inside if e.kind == "date"]
    return bool(dates) and dates[0].span.start - span.start <= 2 and len(span.slice(text).split()) <= 8


def _fact(sentence: _Sentence, entity: Entity) -> tuple[float, Fact] | None:
    """Score an entity as a fact of the event, or return None if it belongs to another.

    Figures count from any sentence not about another event ("1,200 residents were
    evacuated"); places and dates only from sentences about this one, and a date that
    looks back ("last week") only in the lede, where it dates the story's own event.
    """
    score = FACT_BASE + (LEDE_BONUS if sentence.lede else 0.0)
    if entity.kind == "number" and entity.quantity is not None and not sentence.other_event:
        score += TRIGGER_BONUS if _has_trigger(sentence.tokens) else 0.0
        return score, _make("number", entity, sentence, score, quantity=entity.quantity)
    if not sentence.about_event:
        return None
    if entity.kind == "place" and entity.place is not None:
        return _place_fact(sentence, entity, entity.place, score)
    if entity.kind == "date" and entity.date is not None and (sentence.lede or not _looks_back(entity)):
        value = entity.date
        if value == PartialDate():
            return None
        exact_day = value.day is not None and value.days == 1
        score += (TRIGGER_BONUS if _has_trigger(sentence.tokens) else 0.0) + (
            SPECIFIC_BONUS if exact_day else 0.0
        )
        return score, _make("date", entity, sentence, score, date=value)
    return None


def _place_fact(sentence: _Sentence, entity: Entity, place: Place, score: float) -> tuple[float, Fact] | None:
    """Keep a place the sentence puts as the event's location ("talks in Nanping", a dateline)."""
    index = next(i for i, t in enumerate(sentence.tokens) if t.start >= entity.span.start)
    dateline = entity.span.start == sentence.dateline_at
    if not (dateline or lexicon.located_at(sentence.tokens, index)):
        return None
    near_trigger = any(
        _unanchored_trigger(sentence.tokens, k) for k in range(max(0, index - TRIGGER_WINDOW), index)
    )
    if not (near_trigger or dateline):
        return None
    score += TRIGGER_BONUS if near_trigger else 0.0
    score += (DATELINE_BONUS if dateline else 0.0) + (SPECIFIC_BONUS if place.level >= CITY_LEVEL else 0.0)
    return score, _make("place", entity, sentence, score, place=place)


def _unanchored_trigger(tokens: Sequence[Token], k: int) -> bool:
    """True if token ``k`` is an event word not already placed by the word before it.

    "a Brussels summit over Russia's role in Ukraine" and "last week's meeting" name
    their own event: the place that follows is not the reported event's.
    """
    if tokens[k].text not in TRIGGERS:
        return False
    before = tokens[k - 1].text if k > 0 else ""
    common = frequency.zipf(before) >= lexicon.COMMON_PLACE_ZIPF
    return not before.endswith("'s") and lookup_place(before, common=common) is None


def _has_trigger(tokens: Sequence[Token]) -> bool:
    return any(t.text in TRIGGERS for t in tokens)


def _make(
    slot: str,
    entity: Entity,
    sentence: _Sentence,
    score: float,
    *,
    place: Place | None = None,
    date: PartialDate | None = None,
    quantity: Quantity | None = None,
) -> Fact:
    return Fact(slot, entity.text, entity.canonical, entity.span, sentence.span, _confidence(score),
                place=place, date=date, quantity=quantity)  # fmt: skip


def _ranked(scored: list[tuple[float, Fact]], *, specific_first: bool = False) -> tuple[Fact, ...]:
    """Keep each value's best-supported mention and order them best first.

    Every further mention of a value adds ``REPEAT_BONUS``. Places go by how specific
    they are first, so the city of the talks comes before the country (Nanping, China).
    """
    best: dict[str, tuple[float, Fact]] = {}
    for score, fact in scored:
        held = best.get(fact.canonical)
        if held is None:
            best[fact.canonical] = (score, fact)
        else:
            top, kept = max((score, fact), held, key=lambda pair: (pair[0], -pair[1].span.start))
            best[fact.canonical] = (top + REPEAT_BONUS, kept)

    def key(pair: tuple[float, Fact]) -> tuple[int, float, int]:
        place = pair[1].place
        level = place.level if specific_first and place is not None and place.known else 0
        return -level, -pair[0], pair[1].span.start

    return tuple(
        replace(fact, confidence=_confidence(score)) for score, fact in sorted(best.values(), key=key)
    )


def _confidence(score: float) -> float:
    return round(min(1.0, score / FULL_SCORE), 2)


def _people(analysed: Sequence[_Sentence], people: Sequence[Entity]) -> tuple[Fact, ...]:
    """Return one fact per person named, at the first mention written as the full name."""
    chosen: dict[str, Entity] = {}
    for entity in people:
        held = chosen.get(entity.canonical)
        if held is None or (held.text != entity.canonical and entity.text == entity.canonical):
            chosen[entity.canonical] = entity
    facts = []
    for entity in sorted(chosen.values(), key=lambda e: e.span.start):
        sentence = next(
            (s.span for s in analysed if s.span.start <= entity.span.start < s.span.end), entity.span
        )
        facts.append(Fact("person", entity.text, entity.canonical, entity.span, sentence, 1.0))
    return tuple(facts)


def _participant_fact(person: Participant) -> Fact:
    entity = person.entity
    return Fact("participant", entity.text, entity.canonical, entity.span, person.sentence, person.confidence,
                role=person.role, side=person.side)  # fmt: skip
