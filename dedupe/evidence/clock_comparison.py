"""Compare the clock times two reports give their event: "lifted off at 06:15 local time".

A launch, a quake or a landing is often timed to the minute in the lede, with the zone the
time is read in. Two reports of one event that time it in one zone ("local time", "GMT")
and minutes apart cannot both be right. Only the lede's first zoned time is read (later
ones time other moments: a separation, a shutdown), only a narrated one (a page's "11:20
GMT" stamp says when it went up), and never a time set ahead ("scheduled for 19:45 GMT").
"""

from __future__ import annotations

import re

from dedupe.evidence.clock_times import ZONES
from dedupe.evidence.events import Fact
from dedupe.evidence.fact_flags import FactFlag, fact_flag
from dedupe.evidence.facts_lede import LEDE_CONFIDENCE, lede_sentences
from dedupe.evidence.page_furniture import is_furniture
from dedupe.models import Article, Span

# A clock time with the zone it is read in: "06:15 local time", "07:40 a.m. local time",
# "9.25pm local time", "11h05 GMT", "à 06h15 heure locale", "14:50 UTC".
CLOCK_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})[:.hH](?P<minute>\d{2})\s*(?P<half>[ap])?\.?\s*m?\.?\s*"
    r"(?P<zone>" + ZONES + r")\b(?![+-]\d)",
    re.IGNORECASE,
)
# Zone words that mean the same clock: the event's own place, or universal time.
ZONE_OF = {"local time": "local", "heure locale": "local", "hora local": "local", "ortszeit": "local",
           "ora locale": "local", "gmt": "utc", "utc": "utc"}  # fmt: skip
# Words of the sentence before a time that set it ahead, and words just before it that hedge
# it, in English, French, Spanish, German, Italian: "scheduled for 19:45", "prévue à 19h45",
# "at around 7:00".
AHEAD = re.compile(
    r"\b(?:scheduled|planned|set|due|expected|window|prévue?s?|programad[oa]|geplant|previst[oa])\b",
    re.IGNORECASE,
)
HEDGED = re.compile(
    r"\b(?:around|about|roughly|approximately|vers|hacia|gegen|circa|verso)\s*(?:at\s*)?$", re.IGNORECASE
)
# Characters before a time looked at for a hedge.
BEFORE_CHARS = 40
# Two times of one moment this many minutes apart may both be right (a minute's rounding);
# a hedged time ("around 7:00") may be off by more.
EXACT_MINUTES = 5
HEDGED_MINUTES = 30
MINUTES_PER_HOUR = 60
HOURS_PER_DAY = 24
MINUTES_PER_DAY = HOURS_PER_DAY * MINUTES_PER_HOUR
NOON_HOURS = 12


# A lede's clock time: its fact, its zone, minutes after midnight, and whether it is hedged.
LedeTime = tuple[Fact, str, int, bool]


def clock_flags(a: Article, b: Article) -> list[FactFlag]:
    """Flag two lede clock times of one zone that are too far apart to time one moment."""
    return time_flags(lede_time(a), lede_time(b))


def time_flags(x: LedeTime | None, y: LedeTime | None) -> list[FactFlag]:
    """``clock_flags`` on the two reports' ``lede_time``, read once per report in a corpus."""
    if x is None or y is None or x[1] != y[1]:
        return []
    if _gap(x[2], y[2]) <= (HEDGED_MINUTES if x[3] or y[3] else EXACT_MINUTES):
        return []
    note = f"A times the event {x[0].value}, B {y[0].value}"
    return [fact_flag("number", "number_mismatch", x[0], y[0], LEDE_CONFIDENCE, note)]


def clock_zone(value: str) -> str | None:
    """The zone ("local", "utc") of a clock time as a flag gives it, or None for no clock time."""
    m = CLOCK_TIME.fullmatch(value)
    return ZONE_OF[m.group("zone").lower()] if m else None


def same_clock_time(a: str, b: str) -> bool:
    """True for two clock times as flags give them that time one moment: one zone, minutes apart."""
    x, y = CLOCK_TIME.fullmatch(a), CLOCK_TIME.fullmatch(b)
    if x is None or y is None or clock_zone(a) != clock_zone(b):
        return False
    mx, my = _minutes(x), _minutes(y)
    if mx is None or my is None:
        return False
    return _gap(mx, my) <= EXACT_MINUTES


def _gap(a: int, b: int) -> int:
    """Minutes between two times of day, either way round midnight."""
    gap = abs(a - b)
    return min(gap, MINUTES_PER_DAY - gap)


def lede_time(article: Article) -> LedeTime | None:
    """The lede's first narrated clock time: its fact, zone, minutes after midnight, hedged or not."""
    text = article.text
    for sentence, _ in lede_sentences(article):
        for m in CLOCK_TIME.finditer(text, sentence.start, sentence.end):
            fact = Fact("number", m.group(0), m.group(0), Span(m.start(), m.end()), sentence, LEDE_CONFIDENCE)
            before = text[max(sentence.start, m.start() - BEFORE_CHARS) : m.start()]
            if is_furniture(text, fact) or AHEAD.search(text, sentence.start, m.start()):
                return None  # the lede's first time is a stamp's or a plan's, not the event's
            minutes = _minutes(m)
            if minutes is None:
                return None
            return fact, ZONE_OF[m.group("zone").lower()], minutes, bool(HEDGED.search(before))
    return None


def _minutes(m: re.Match[str]) -> int | None:
    """Minutes after midnight of a matched time, or None if it is no time of day ("25:70")."""
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    half = (m.group("half") or "").lower()
    if half == "p" and hour < NOON_HOURS:
        hour += NOON_HOURS
    elif half == "a" and hour == NOON_HOURS:
        hour = 0
    if hour >= HOURS_PER_DAY or minute >= MINUTES_PER_HOUR:
        return None
    return hour * MINUTES_PER_HOUR + minute
