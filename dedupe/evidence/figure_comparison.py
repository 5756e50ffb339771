"""Compare the figures two reports give: one count given two ways is flagged, a toll still rising is not.

``facts.compare_facts`` flags a figure both reports give for one thing only where no reading
of one fits the other (``number_flags``).
"""

from __future__ import annotations

import math
import re

from dedupe.evidence.events import EventProfile, Fact
from dedupe.evidence.fact_flags import FactFlag, fact_flag
from dedupe.evidence.numbers import ROUND_TO, quantities_agree
from dedupe.evidence.places import lookup_exonym, lookup_place

# Nouns that say what a figure counts too loosely to compare: "14 countries" signed one thing,
# "two countries" are the talks' parties; "33,400 people" were evacuated, "72 people" died.
# The singular forms ``numbers`` gives, in English, French, Spanish, German, Italian, Portuguese
# and Russian (whose noun after a number is genitive plural).
GENERIC_UNITS = frozenset(
    "people person country state nation member leader delegation organisation organization "
    "personne pay persona paíse paesi pessoa "
    "государств стран человек людей".split()
)
# Units of a toll: a figure that changes as the count goes on.
CASUALTY_UNITS = frozenset(("dead", "injured"))
# Bodies recovered, as ``numbers`` gives the noun (singular, "corps" without its s), in English,
# French, Spanish, Italian, Portuguese and German: a count that rises as the search goes on.
BODY_UNITS = frozenset("body corp cuerpo cadáver cadavere corpo leiche".split())
TOLL_UNITS = CASUALTY_UNITS | BODY_UNITS
# Words that tell a toll as a count still going on, in English, French, Spanish, German,
# Italian and Portuguese: "the toll rose to", "as of 3 p.m.", "bilan provisoire", "subió a".
TOLL_UPDATE_WORDS = frozenset(
    "rose risen rising climbed climbing reached jumped increased stood stands now so far still "
    "latest updated "
    "provisional preliminary toll tally count "
    "bilan provisoire hausse passé atteint "
    "balance aumentó ascendió subió ascienden asciende cifra provisional "
    "bilanz gestiegen stieg "
    "bilancio salito provvisorio "
    "balanço subiu aumentou "
    # "so far" and "still trapped" in the other languages: "jusqu'à présent", "pour l'instant",
    # "hasta ahora", "hasta el momento", "aún atrapadas", "bisher", "finora", "até agora", "ainda"
    "présent instant encore ahora momento aún todavía bisher bislang noch finora ancora agora ainda".split()
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
# Words before a figure that make it the rest of a toll another sentence gives in part ("the other
# three deaths"), in English, French, Spanish, German, Italian and Portuguese; not "an additional
# 1,700 injured", which adds the injured to the dead.
PART_BEFORE = re.compile(
    r"\b(?:the|les|los|las|die|gli|le|os|as)\s+"
    r"(?:other|autres|otros|otras|anderen|altri|altre|outros|outras)\s+$",
    re.IGNORECASE,
)
# Words after a figure that make it a part of a toll ("three of them", "tres de ellos") or a
# person's age ("a 58-year-old worker"), not a figure of the event.
PART_OR_AGE_AFTER = re.compile(
    r"(?:[\s-]+(?:year|yr)s?)?[\s-]+old\b"
    r"|\s+(?:of them|de ellos|de ellas|d['’]entre eux|von ihnen|di loro|deles)\b",
    re.IGNORECASE,
)
# Function words ``numbers`` may take for the noun after a figure ("185 en declaraciones", "von 4,25
# auf 4,5", "magnitud 7,8 que", "5.6 according to"): a figure so read says nothing of what it counts.
FUNCTION_UNITS = frozenset(
    "en auf que de à a y e et und of in to with according von por para la le el il das der die from for "
    "sur zu um bei".split()
)
# Words of four letters or more, of which two percentages must share one in the words just before
# them to be of one thing: "inflation to fall to 2%" is not "the neutral rate to 3%".
CLAUSE_WORD = re.compile(r"[^\W\d_]{4,}")
# How many words before a percentage say what it is of.
PERCENT_CONTEXT_WORDS = 5
# How far before a figure its part word is looked for.
PART_BEFORE_CHARS = 20
# Units of time: a duration is of one thing only with the same word after it.
DURATION_UNITS = frozenset("year month week day hour minute second".split())
# Words after a count that say nothing of what happened to it.
PREDICATE_SKIP = frozenset(
    "were was are is have has had been be being of the a an that which who in on at by to all some".split()
)
# Units a quake's magnitude is read with ("7.3-magnitude", "a 7.4 earthquake"): agencies give one
# quake magnitudes a few tenths apart (on their own networks and scales), so two magnitudes at most
# ``MAGNITUDE_SPREAD`` apart can both be right.
MAGNITUDE_UNITS = frozenset(("magnitude", "earthquake", "quake"))
MAGNITUDE_SPREAD = 0.5
# Two distances from one place this close (relative to the larger) can both be right: one is
# given by road, the other as the crow flies, each rounded ("about 40 km", "some 50 km").
DISTANCE_SPREAD = 0.25
# The hour of a clock time written with "h" before a figure: "9 h 25" is a time, not 25 of anything.
CLOCK_HOUR_BEFORE = re.compile(r"\b\d{1,2}[^\S\n]?h[^\S\n]?$")
# Units of length (in English, Spanish, French, Italian, Portuguese), and what tells a quake's
# depth from a distance to a place ("from", and "de", "da", "di", "von" in the other languages).
LENGTH_UNITS = frozenset(
    "km kilometer kilometre mile meter metre kilómetro kilomètre chilometro quilômetro quilómetro "
    "milla mille miglio metro mètre".split()
)
MEASURE_CHARS = 50
DEPTH_WORDS = re.compile(
    r"\b(?:deep|depth|below|beneath|underground|focal|profundidad|profondeur|tiefe)\b", re.I
)
FROM_PLACE = re.compile(
    r"\b(?:(?:north|south|east|west)\w*\s+(?:of|from)|from|de|da|di|von|outside|away from)\s+(?:the\s+)?"
    r"(?:(?:city|town|capital|province)\s+(?:of\s+)?)?([A-Z][\w-]+)"
)


def number_flags(
    pa: EventProfile, pb: EventProfile, a_text: str, b_text: str, *, filed_apart: bool = False
) -> list[FactFlag]:
    """Flag a figure both reports give for one thing where no reading of one fits the other.

    The pair shown is the closest one, so a near miss (1,037 vs 1,035 dead) is not hidden
    behind a figure of another hour. A toll that either report gives as a count still
    going on ("rose to", "as of 3 p.m.", "bilan provisoire"), or that two reports published
    on different days (``filed_apart``) give, is flagged only where both figures belong to
    one tally (``_one_tally``): tolls rise from hour to hour, and two reports filed at
    different times both tell the truth.
    """
    flags: list[FactFlag] = []
    for unit in dict.fromkeys(_unit(f) for f in pa.numbers):
        xs = [f for f in pa.numbers if _unit(f) == unit]
        ys = [f for f in pb.numbers if _unit(f) == unit]
        # A length is one thing only if both say what it measures: a quake's depth, or how
        # far from which place (28 km north of Herat is not the 10 km depth).
        pairs = [
            (x, y)
            for x in xs
            for y in ys
            if _same_thing(x, y, a_text, b_text) and not (_part(x, a_text) or _part(y, b_text))
        ]
        if unit[0] in GENERIC_UNITS or not pairs or any(_agree(x, y) for x in xs for y in ys):
            continue
        x, y = min(pairs, key=lambda pair: _gap(*pair))
        if _measure(x, a_text).startswith("from") and _gap(x, y) <= DISTANCE_SPREAD:
            continue  # one distance by road and as the crow flies, rounded
        moving = filed_apart or _moving(x, y, a_text, b_text)
        if unit[0] in TOLL_UNITS and moving and not _one_tally(x, y, pa, pb):
            continue
        note = f"A gives {x.canonical}, B {y.canonical}"
        flags.append(fact_flag("number", "number_mismatch", x, y, min(x.confidence, y.confidence), note))
    return flags


def _same_thing(x: Fact, y: Fact, a_text: str, b_text: str) -> bool:
    """True if two figures of one unit can count the same thing.

    A length measures the same (``_measure``); a toll counts the same area: one given for a
    province ("18 killed in Elazig province") is a part of one the other report gives for the
    country or for another province (``_scope``); a duration needs the same word after it
    ("23 years in the valley" is not "22 years in office"), a percentage needs a word just
    before it in common ("inflation at 2%" is not "the neutral rate at 3%"), and other counts must
    not say two different things happened to them ("six villages destroyed", "twelve villages flooded").
    """
    if _measure(x, a_text) != _measure(y, b_text):
        return False
    if x.quantity is not None and x.quantity.unit in TOLL_UNITS:
        sx, sy = _scope(x, a_text), _scope(y, b_text)
        return sx == sy or (sx is None and sy is None)
    if x.quantity is not None and x.quantity.unit == "%":
        return bool(_clause_words(x, a_text) & _clause_words(y, b_text))
    px, py = _predicate(x, a_text), _predicate(y, b_text)
    if x.quantity is not None and x.quantity.unit in DURATION_UNITS:
        return px == py  # "23 years in the valley" is not "22 years in office"
    return px == py or not (px.endswith("ed") and py.endswith("ed"))  # "destroyed" is not "flooded"


def _part(fact: Fact, text: str) -> bool:
    """True if the figure is no count of the event's own: the rest or a part of a toll ("the other
    three deaths", "three of them"), a person's age ("58-year-old"), a clock time's minutes ("9 h
    25"), or read before a function word."""
    start = max(fact.sentence.start, fact.span.start - PART_BEFORE_CHARS)
    if fact.quantity is not None and fact.quantity.unit in FUNCTION_UNITS:
        return True
    before = text[start : fact.span.start]
    return bool(
        PART_BEFORE.search(before)
        or CLOCK_HOUR_BEFORE.search(before)
        or PART_OR_AGE_AFTER.match(text, fact.span.end)
    )


def _clause_words(fact: Fact, text: str) -> set[str]:
    """The words of four letters or more among the last few of the figure's clause before it,
    lower-cased: what a percentage is of."""
    start, _ = _clause(fact, text)
    before = text[start : fact.span.start].split()[-PERCENT_CONTEXT_WORDS:]
    return {w.lower() for w in CLAUSE_WORD.findall(" ".join(before))}


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
        if f.quantity is not None and f.quantity.unit in TOLL_UNITS and f.quantity.unit != _unit(x)[0]
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

    Two magnitudes of one quake a few tenths apart are two agencies' readings. A bound on a
    count written to the unit ("at least 5,385") is as exact as the count: 5,383
    is not at least 5,385, though ``quantities_agree`` allows any figure a rounding's margin.
    """
    a, b = x.quantity, y.quantity
    if (
        a is not None
        and b is not None
        and a.unit in MAGNITUDE_UNITS
        and abs(a.value - b.value) <= MAGNITUDE_SPREAD
    ):
        return True  # two agencies' magnitudes of one quake
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
