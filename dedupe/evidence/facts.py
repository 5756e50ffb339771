"""Compare two reports of one event slot by slot and flag where their facts disagree.

Each flag is one difference an editor would check, with both sentences that state it:

    conflict          one slot, two values that cannot both be right (Nanping vs Beijing
                      as the place of the talks; two different counterparts named)
    different_detail  one report names a participant the other never mentions
    spelling_variant  the same person or place spelled two ways (Nikolay / Nikolai)
    number_mismatch   the same count given differently (12 vs 15 dead); "1,200" and
                      "1.2 thousand" agree, "at least 12" and 15 agree
    date_mismatch     the event dated to different days (Tuesday vs Wednesday)

Precision over recall: a slot is compared only on facts the event profile ties to the
event, and a difference is flagged only where both reports say something comparable.
The caller compares only pairs it judged to report the same event.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date

from dedupe.evidence.date_mentions import FOREIGN_WEEKDAYS, WEEKDAYS, PartialDate, dates_agree
from dedupe.evidence.date_ranking import planned
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.names import name_key, same_person
from dedupe.evidence.numbers import ROUND_TO, quantities_agree
from dedupe.evidence.overlap import compare_places, finest_places
from dedupe.evidence.page_furniture import is_furniture
from dedupe.evidence.places import lookup_exonym, lookup_place
from dedupe.models import Article, Span
from dedupe.text.normalize import normalize

# Telling a person's role from sentence shape is less sure than reading a place or a
# date, so a conflict between two named counterparts is held with less confidence.
COUNTERPART_CONFIDENCE_FACTOR = 0.8
# Name keys fold only transliteration, so two spellings with one key are one name.
SPELLING_CONFIDENCE = 0.9
# Participants found with less confidence than this are not flagged when one report lacks them.
MIN_DETAIL_CONFIDENCE = 0.6
_SLOT_ORDER = {"place": 0, "date": 1, "counterpart": 2, "participant": 3, "number": 4}
# Nouns that say what a figure counts too loosely to compare: "14 countries" signed one thing,
# "two countries" are the talks' parties; "33,400 people" were evacuated, "72 people" died.
# The singular forms ``numbers`` gives, in English, French, Spanish, German, Italian, Portuguese
# and Russian (whose noun after a number is genitive plural).
GENERIC_UNITS = frozenset(
    "people person country state nation member leader delegation organisation organization "
    "personne pay persona paíse paesi pessoa "
    "государств стран человек людей".split()
)
# Reports of one occasion may give calendar dates a day apart and both be right: a night
# that spans two dates, two time zones (landed 19 January UTC, 20 January JST), a filing
# dateline the day after. Weekdays are named from the writer's own day, so two differ.
DATE_TOLERANCE_DAYS = 1
# Units of a toll: a figure that changes as the count goes on.
CASUALTY_UNITS = frozenset(("dead", "injured"))
# Words that tell a toll as a count still going on, in English, French, Spanish, German,
# Italian and Portuguese: "the toll rose to", "as of 3 p.m.", "bilan provisoire", "subió a".
TOLL_UPDATE_WORDS = frozenset(
    "rose risen rising climbed climbing reached jumped increased stood stands now so far latest updated "
    "provisional preliminary toll tally count "
    "bilan provisoire hausse passé atteint "
    "balance aumentó ascendió subió ascienden asciende cifra provisional "
    "bilanz gestiegen stieg "
    "bilancio salito provvisorio "
    "balanço subiu aumentou".split()
)
# Two exact tolls this close (relative to the larger) are one tally told two ways: official
# updates of a disaster's toll move by more than a few percent, a slip of a digit does not.
SAME_TALLY_GAP = 0.05
# Where a figure's clause begins and ends: a comma, a semicolon, a bracket, "and", "while".
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|while|but|whereas|et|y|und|e)\b", re.IGNORECASE)
# A place a toll's clause gives it: after a locative, maybe with a region word after it.
SCOPE_PLACE = re.compile(
    r"\b(?:in|at|across|à|en|im|in der|nella|na|no)\s+(?:the\s+)?"
    r"((?:province|region|prefecture|state|provincia|región|région)\s+(?:of|de|di)\s+)?"
    r"([A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?)"
    r"(\s+(?:province|prefecture|region|district|oblast|governorate|county|state))?"
)
# A word after a place that makes a toll given there a part: "in Hatay alone".
PART_AFTER = re.compile(r"\s*(?:alone|only|solo|seulement|allein)\b", re.IGNORECASE)
# Units of time: a duration is of one thing only with the same word after it.
DURATION_UNITS = frozenset("year month week day hour minute second".split())
# Words after a count that say nothing of what happened to it.
PREDICATE_SKIP = frozenset(
    "were was are is have has had been be being of the a an that which who in on at by to all some".split()
)
# Units of length, and what tells a quake's depth from a distance to a place.
LENGTH_UNITS = frozenset("km kilometer kilometre mile meter metre".split())
MEASURE_CHARS = 50
DEPTH_WORDS = re.compile(
    r"\b(?:deep|depth|below|beneath|underground|focal|profundidad|profondeur|tiefe)\b", re.I
)
FROM_PLACE = re.compile(
    r"\b(?:(?:north|south|east|west)\w*\s+(?:of|from)|from|outside|away from)\s+(?:the\s+)?"
    r"(?:(?:city|town|capital|province)\s+(?:of\s+)?)?([A-Z][\w-]+)"
)
_CONFLICTS = frozenset(("conflict", "number_mismatch", "date_mismatch"))
_OTHER_SIDE_ROLES = frozenset(("counterpart", "delegation head", "met"))


@dataclass(frozen=True, slots=True)
class FactFlag:
    """One difference between two reports' facts, with the text on both sides.

    ``a_value``/``b_value`` are as written; for ``different_detail`` the side that
    lacks the fact has an empty value and an empty span at the start of its sentence
    about the same slot. ``a_sentence_text``/``b_sentence_text`` are the sentences'
    text, so a report needs no second look-up.
    """

    slot: str
    kind: str
    a_value: str
    b_value: str
    a_span: Span
    b_span: Span
    a_sentence: Span
    b_sentence: Span
    confidence: float
    note: str
    a_sentence_text: str = ""
    b_sentence_text: str = ""


@dataclass(frozen=True, slots=True)
class PairFlags:
    """The flags raised between two articles, named by their ids."""

    a_id: str
    b_id: str
    flags: tuple[FactFlag, ...]


def compare_facts(
    a: Article, b: Article, *, profiles: tuple[EventProfile, EventProfile] | None = None
) -> tuple[FactFlag, ...]:
    """Return the flags for where two reports of one event state its facts differently.

    Args:
        a: the first report.
        b: the second report.
        profiles: their event profiles, if already computed.

    Examples:
        >>> from dedupe import article_from_text
        >>> a = article_from_text("Twelve miners died on Tuesday. A blast killed 12 miners.", id="a")
        >>> b = article_from_text("A blast killed 15 miners on Tuesday.", id="b")
        >>> [(f.kind, f.a_value, f.b_value) for f in compare_facts(a, b)]
        [('number_mismatch', '12 miners', '15 miners')]
    """
    given = profiles if profiles is not None else (event_profile(a), event_profile(b))
    pa, pb = facts_profile(a, profile=given[0]), facts_profile(b, profile=given[1])
    flags = [
        *_places(pa, pb),
        *_dates(pa, pb, a.text, b.text),
        *_participants(pa, pb),
        *_numbers(pa, pb, a.text, b.text),
    ]
    # A caption or byline may stand in for a missing fact, but cannot by itself contradict one.
    flags = [f for f in flags if f.kind not in _CONFLICTS or not _furniture(f, a.text, b.text)]
    ordered = sorted(flags, key=lambda f: (_SLOT_ORDER.get(f.slot, 9), f.a_span.start, f.b_span.start))
    return tuple(_with_text(f, a.text, b.text) for f in ordered)


def _furniture(flag: FactFlag, a_text: str, b_text: str) -> bool:
    return any(
        is_furniture(text, Fact(flag.slot, "", "", span, sentence, 0.0))
        for text, span, sentence in (
            (a_text, flag.a_span, flag.a_sentence),
            (b_text, flag.b_span, flag.b_sentence),
        )
    )


def _flag(slot: str, kind: str, x: Fact, y: Fact, confidence: float, note: str) -> FactFlag:
    return FactFlag(
        slot, kind, x.value, y.value, x.span, y.span, x.sentence, y.sentence, round(confidence, 2), note
    )


def _with_text(flag: FactFlag, a_text: str, b_text: str) -> FactFlag:
    return replace(
        flag, a_sentence_text=flag.a_sentence.slice(a_text), b_sentence_text=flag.b_sentence.slice(b_text)
    )


def _nested(x: Fact, y: Fact) -> bool:
    """True for two cities of one country where one's name ends with the other's: the city and
    its metropolis ("New Delhi" and "Delhi"), which the gazetteer holds as two cities."""
    if x.place is None or y.place is None or x.place.country != y.place.country:
        return False
    a, b = x.place.name.casefold().split(), y.place.name.casefold().split()
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short != long and long[-len(short) :] == short


def _places(pa: EventProfile, pb: EventProfile) -> list[FactFlag]:
    a_places, b_places = finest_places(pa), finest_places(pb)
    if compare_places(a_places, b_places) is False and not any(
        _nested(x, y) for x in a_places for y in b_places
    ):
        x, y = a_places[0], b_places[0]
        note = f"A places the event in {x.canonical}, B in {y.canonical}; neither lies within the other"
        return [_flag("place", "conflict", x, y, min(x.confidence, y.confidence), note)]
    flags = []
    for x in a_places:
        for y in b_places:
            if x.place == y.place and normalize(x.value) != normalize(y.value):
                note = f"{x.value} / {y.value}: one place, two spellings"
                flags.append(_flag("place", "spelling_variant", x, y, SPELLING_CONFIDENCE, note))
    return flags


def _dates(pa: EventProfile, pb: EventProfile, a_text: str, b_text: str) -> list[FactFlag]:
    """Flag the event dated to days that cannot both be right, and first-set days likewise.

    A date the event was first set for ("its original date of August 28") is compared only
    with the other report's first-set date (``date_ranking.planned``).
    """
    a_plans = [f for f in pa.dates if planned(a_text, f)]
    b_plans = [f for f in pb.dates if planned(b_text, f)]
    flags = _event_dates(
        replace(pa, dates=tuple(f for f in pa.dates if f not in a_plans)),
        replace(pb, dates=tuple(f for f in pb.dates if f not in b_plans)),
    )
    if a_plans and b_plans:
        x, y = a_plans[0], b_plans[0]
        if x.date is not None and y.date is not None and dates_agree(x.date, y.date) is False:
            note = f"A says the event was first set for {x.date}, B for {y.date}"
            flags.append(_flag("date", "date_mismatch", x, y, min(x.confidence, y.confidence), note))
    return flags


def _event_dates(pa: EventProfile, pb: EventProfile) -> list[FactFlag]:
    """Flag the event dated to days that cannot both be right.

    Calendar dates a day apart may both be right (``DATE_TOLERANCE_DAYS``); two weekdays
    named for one meeting are not, nor a weekday the calendar puts on another day
    ("Wednesday, September 19" in 2023 against a report that dates the speech Tuesday). A
    month or a year alone is set against nothing.
    """
    if not (pa.dates and pb.dates):
        return []
    x, y = pa.dates[0], pb.dates[0]
    if x.date is None or y.date is None:
        return []
    if any(d.day is None and d.weekday is None for d in (x.date, y.date)):
        return []  # "launched in September": a month dates no day, and is often another occasion's
    years = {f.date.year for f in (*pa.dates, *pb.dates) if f.date is not None and f.date.year is not None}
    calendar_days = all(d.month is not None and d.day is not None for d in (x.date, y.date))
    if any(_bare_weekday(f.date) and not _names_weekday(g) for f, g in ((x, y), (y, x))):
        return []  # "Friday" of no known week may be the announcement's day, not the event's April 1
    tolerance = DATE_TOLERANCE_DAYS if calendar_days else 0
    if dates_agree(x.date, y.date, tolerance_days=tolerance) is False:
        note = f"A dates the event {x.date}, B {y.date}"
    elif _misnamed_weekday(x, years) and y.date.weekday != x.date.weekday:
        note = f"A's {x.value}: that day fell on another weekday"
    elif _misnamed_weekday(y, years) and x.date.weekday != y.date.weekday:
        note = f"B's {y.value}: that day fell on another weekday"
    else:
        return []
    return [_flag("date", "date_mismatch", x, y, min(x.confidence, y.confidence), note)]


def _bare_weekday(day: PartialDate | None) -> bool:
    """True for a weekday no publication date placed in a week: "Friday", "sábado"."""
    return day is not None and day.weekday is not None and day.month is None and day.year is None


def _names_weekday(fact: Fact) -> bool:
    """True if the date is written with its weekday ("Wednesday, September 19", "jeudi")."""
    words = re.findall(r"[^\W\d_]+(?:-feira)?", fact.value.lower())
    return any(w in WEEKDAYS or w in FOREIGN_WEEKDAYS for w in words)


def _misnamed_weekday(fact: Fact, years: set[int]) -> bool:
    """True if the fact names a weekday on which its day fell in none of the years the reports give."""
    d = fact.date
    if d is None or d.weekday is None or d.month is None or d.day is None:
        return False
    candidates = {d.year} if d.year is not None else years
    valid = [y for y in candidates if d.day <= calendar.monthrange(y, d.month)[1]]
    return bool(valid) and all(date(y, d.month, d.day).weekday() != d.weekday for y in valid)


def _participants(pa: EventProfile, pb: EventProfile) -> list[FactFlag]:
    """Flag spelling variants of shared participants, differing counterparts, and people only one names."""
    pairs, a_only, b_only = _match(pa, pb)
    flags = [_spelling(x, y, pa, pb) for x, y in pairs if _variant(x.canonical, y.canonical)]
    # Someone the other report names anywhere (not as a participant) is no detail it lacks.
    a_only = [x for x in a_only if not any(same_person(x.canonical, p.canonical) for p in pb.people)]
    b_only = [y for y in b_only if not any(same_person(y.canonical, p.canonical) for p in pa.people)]
    same_lead = bool(pa.participants and pb.participants) and same_person(
        pa.participants[0].canonical, pb.participants[0].canonical
    )
    for x in list(a_only):
        partner = next((y for y in b_only if same_lead and _same_side(x, y)), None)
        if partner is not None:
            a_only.remove(x)
            b_only.remove(partner)
            flags.append(_counterparts(x, partner))
    flags.extend(_detail(x, pb, x_in_a=True) for x in a_only if x.confidence >= MIN_DETAIL_CONFIDENCE)
    flags.extend(_detail(y, pa, x_in_a=False) for y in b_only if y.confidence >= MIN_DETAIL_CONFIDENCE)
    return flags


def _match(pa: EventProfile, pb: EventProfile) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Pair the participants both reports name (across spellings); return the pairs and the rest."""
    pairs: list[tuple[Fact, Fact]] = []
    a_only: list[Fact] = []
    left = list(pb.participants)
    for x in pa.participants:
        y = next((y for y in left if same_person(x.canonical, y.canonical)), None)
        if y is None:
            a_only.append(x)
        else:
            left.remove(y)
            pairs.append((x, y))
    return pairs, a_only, left


def _variant(a: str, b: str) -> bool:
    """True for two spellings of one full name ("Nikolay" / "Nikolai"), not a name and its short form."""
    return name_key(a) == name_key(b) and normalize(a) != normalize(b)


def _spelling(x: Fact, y: Fact, pa: EventProfile, pb: EventProfile) -> FactFlag:
    x, y = _full_mention(x, pa), _full_mention(y, pb)
    note = f"{x.canonical} / {y.canonical}: one person, two transliterations"
    return _flag("participant", "spelling_variant", x, y, SPELLING_CONFIDENCE, note)


def _counterparts(x: Fact, y: Fact) -> FactFlag:
    side = f"{x.side or y.side} " if x.side or y.side else ""
    note = f"different {side}counterpart named: {x.canonical} in A, {y.canonical} in B"
    confidence = min(x.confidence, y.confidence) * COUNTERPART_CONFIDENCE_FACTOR
    return _flag("counterpart", "conflict", x, y, confidence, note)


def _full_mention(fact: Fact, profile: EventProfile) -> Fact:
    """Return the mention that spells a participant's name in full ("Nikolai Patrushev", not "Patrushev")."""
    return next((p for p in profile.people if p.canonical == fact.canonical), fact)


def _same_side(x: Fact, y: Fact) -> bool:
    """True if both are on the other side from the protagonist and of one nationality, where stated."""
    roles_fit = x.role in _OTHER_SIDE_ROLES and y.role in _OTHER_SIDE_ROLES
    return roles_fit and (not x.side or not y.side or x.side == y.side)


def _detail(fact: Fact, other: EventProfile, *, x_in_a: bool) -> FactFlag:
    """Flag a participant only one report names; the other side points at its participant sentence."""
    facts = other.participants or other.places or other.dates
    anchor = facts[0].sentence if facts else Span(0, 0)
    empty = Fact(fact.slot, "", "", Span(anchor.start, anchor.start), anchor, 0.0)
    side = "A" if x_in_a else "B"
    role = f" ({fact.role})" if fact.role not in ("", "participant", "protagonist") else ""
    note = f"only {side} names {fact.canonical}{role} as taking part"
    x, y = (fact, empty) if x_in_a else (empty, fact)
    return _flag("participant", "different_detail", x, y, fact.confidence, note)


def _numbers(pa: EventProfile, pb: EventProfile, a_text: str, b_text: str) -> list[FactFlag]:
    """Flag a figure both reports give for one thing where no reading of one fits the other.

    The pair shown is the closest one, so a near miss (1,037 vs 1,035 dead) is not hidden
    behind a figure of another hour. A toll that either report gives as a count still
    going on ("rose to", "as of 3 p.m.", "bilan provisoire") is flagged only where both
    figures belong to one tally (``_one_tally``): tolls rise from hour to hour, and two
    reports filed at different times both tell the truth.
    """
    flags: list[FactFlag] = []
    for unit in dict.fromkeys(_unit(f) for f in pa.numbers):
        xs = [f for f in pa.numbers if _unit(f) == unit]
        ys = [f for f in pb.numbers if _unit(f) == unit]
        # A length is one thing only if both say what it measures: a quake's depth, or how
        # far from which place (28 km north of Herat is not the 10 km depth).
        pairs = [(x, y) for x in xs for y in ys if _same_thing(x, y, a_text, b_text)]
        if unit[0] in GENERIC_UNITS or not pairs or any(_agree(x, y) for x in xs for y in ys):
            continue
        x, y = min(pairs, key=lambda pair: _gap(*pair))
        if unit[0] in CASUALTY_UNITS and _moving(x, y, a_text, b_text) and not _one_tally(x, y, pa, pb):
            continue
        note = f"A gives {x.canonical}, B {y.canonical}"
        flags.append(_flag("number", "number_mismatch", x, y, min(x.confidence, y.confidence), note))
    return flags


def _same_thing(x: Fact, y: Fact, a_text: str, b_text: str) -> bool:
    """True if two figures of one unit can count the same thing.

    A length measures the same (``_measure``); a toll counts the same area: one given for a
    province ("18 killed in Elazig province") is a part of one the other report gives for the
    country or for another province (``_scope``); a duration needs the same word after it
    ("23 years in the valley" is not "22 years in office"), and other counts must not say two
    different things happened to them ("six villages destroyed", "twelve villages flooded").
    """
    if _measure(x, a_text) != _measure(y, b_text):
        return False
    if x.quantity is not None and x.quantity.unit in CASUALTY_UNITS:
        sx, sy = _scope(x, a_text), _scope(y, b_text)
        return sx == sy or (sx is None and sy is None)
    px, py = _predicate(x, a_text), _predicate(y, b_text)
    if x.quantity is not None and x.quantity.unit in DURATION_UNITS:
        return px == py  # "23 years in the valley" is not "22 years in office"
    return px == py or not (px.endswith("ed") and py.endswith("ed"))  # "destroyed" is not "flooded"


def _clause(fact: Fact, text: str) -> tuple[int, int]:
    """The figure's clause: from the last break before it to the first after it."""
    start, end = fact.sentence.start, fact.sentence.end
    breaks = list(CLAUSE_BREAK.finditer(text, start, fact.span.start))
    after = CLAUSE_BREAK.search(text, fact.span.end, end)
    return (breaks[-1].end() if breaks else start), (after.start() if after else end)


def _scope(fact: Fact, text: str) -> str | None:
    """The region a toll's clause counts it in ("in Elazig province", "in the province of Hatay",
    "in Texas", "in Hatay alone"), or None: a city is where the event happened, not a part of it."""
    start, end = _clause(fact, text)
    for m in SCOPE_PLACE.finditer(text, start, end):
        place = lookup_place(m.group(2), located=True) or lookup_exonym(m.group(2))
        state = place is not None and place.kind == "state"
        if m.group(1) or m.group(3) or state or PART_AFTER.match(text, m.end()):
            return m.group(2).casefold()
    return None


def _predicate(fact: Fact, text: str) -> str:
    """The first word after a count that says what happened to it ("destroyed", "old"), or ""."""
    _, end = _clause(fact, text)
    words = re.findall(r"[^\W\d_]+", text[fact.span.end : end].lower())
    return next((w for w in words if w not in PREDICATE_SKIP), "")


def _measure(fact: Fact, text: str) -> str:
    """What a length measures: "depth", "from <place>" ("33 km northwest of Herat"), or ""."""
    if fact.quantity is None or fact.quantity.unit not in LENGTH_UNITS:
        return ""
    around = text[max(fact.sentence.start, fact.span.start - MEASURE_CHARS) : fact.span.end + MEASURE_CHARS]
    if DEPTH_WORDS.search(around):
        return "depth"
    after = text[fact.span.end : min(fact.sentence.end, fact.span.end + MEASURE_CHARS)]
    origin = FROM_PLACE.search(after)
    return f"from {origin.group(1)}" if origin else "length"


def _moving(x: Fact, y: Fact, a_text: str, b_text: str) -> bool:
    """True if either toll's sentence tells it as a count still going on."""
    return any(
        not TOLL_UPDATE_WORDS.isdisjoint(re.findall(r"[^\W\d_]+", f.sentence.slice(text).lower()))
        for f, text in ((x, a_text), (y, b_text))
    )


def _gap(x: Fact, y: Fact) -> float:
    """How far apart two figures are, relative to the larger."""
    a = x.quantity.value if x.quantity else 0.0
    b = y.quantity.value if y.quantity else 0.0
    return abs(a - b) / max(abs(a), abs(b), 1e-9)


def _one_tally(x: Fact, y: Fact, pa: EventProfile, pb: EventProfile) -> bool:
    """True if two differing tolls are one tally told two ways, so both cannot be right.

    They are when both are exact and within ``SAME_TALLY_GAP`` of each other (a slip of
    a digit or two, not an update), or when the reports give another casualty figure
    alike (694 dead in both, then 1,640 vs 1,670 injured).
    """
    exact = all(f.quantity is not None and f.quantity.bound == "exact" for f in (x, y))
    if exact and _gap(x, y) <= SAME_TALLY_GAP:
        return True
    shared = {
        (f.quantity.unit, f.quantity.value)
        for f in pa.numbers
        if f.quantity is not None and f.quantity.unit in CASUALTY_UNITS and f.quantity.unit != _unit(x)[0]
    }
    return any(
        f.quantity is not None
        and f.quantity.bound == "exact"
        and (f.quantity.unit, f.quantity.value) in shared
        for f in pb.numbers
    )


def _unit(fact: Fact) -> tuple[str, bool]:
    return (fact.quantity.unit, fact.quantity.ordinal) if fact.quantity else ("", False)


def _agree(x: Fact, y: Fact) -> bool:
    """True if both figures can be right.

    A bound on a count written to the unit ("at least 5,385") is as exact as the count: 5,383
    is not at least 5,385, though ``quantities_agree`` allows any figure a rounding's margin.
    """
    a, b = x.quantity, y.quantity
    if a is None or b is None or quantities_agree(a, b) is not True:
        return False
    if "about" in (a.bound, b.bound) or not all(_to_the_unit(q.value) for q in (a, b)):
        return True
    (low_a, high_a), (low_b, high_b) = _strict_range(a.value, a.bound), _strict_range(b.value, b.bound)
    return low_a <= high_b and low_b <= high_a


def _to_the_unit(value: float) -> bool:
    return value == int(value) and int(value) % ROUND_TO != 0


def _strict_range(value: float, bound: str) -> tuple[float, float]:
    if bound == "at_least":
        return value, math.inf
    if bound == "at_most":
        return -math.inf, value
    return value, value
