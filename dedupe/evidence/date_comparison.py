"""Compare the days two reports date their event to: flag days that cannot both be right.

``facts.compare_facts`` flags the event dated to different days, and a first-set date
("its original date of August 28") only against the other report's (``date_flags``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from dedupe.evidence.date_mentions import WEEKDAYS, PartialDate, dates_agree
from dedupe.evidence.date_ranking import planned
from dedupe.evidence.events import EventProfile, Fact
from dedupe.evidence.fact_flags import FactFlag, fact_flag
from dedupe.evidence.foreign_dates import FOREIGN_WEEKDAYS

# Reports of one occasion may give calendar dates a day apart and both be right: a night
# that spans two dates, two time zones (landed 19 January UTC, 20 January JST), a filing
# dateline the day after. Weekdays are named from the writer's own day, so two differ.
DATE_TOLERANCE_DAYS = 1
# Two dates further apart than this many years are two occasions (the 1945 bombing a summit
# recalls), not two readings of one: a slip of the year is off by one.
OCCASION_YEARS_APART = 1


def date_flags(pa: EventProfile, pb: EventProfile, a_text: str, b_text: str) -> list[FactFlag]:
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
            flags.append(fact_flag("date", "date_mismatch", x, y, min(x.confidence, y.confidence), note))
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
    if _same_weekday_named(x, y) or _years_apart(x.date, y.date):
        return []
    tolerance = DATE_TOLERANCE_DAYS if calendar_days else 0
    if dates_agree(x.date, y.date, tolerance_days=tolerance) is False:
        note = f"A dates the event {x.date}, B {y.date}"
    elif _misnamed_weekday(x, years) and y.date.weekday != x.date.weekday:
        note = f"A's {x.value}: that day fell on another weekday"
    elif _misnamed_weekday(y, years) and x.date.weekday != y.date.weekday:
        note = f"B's {y.value}: that day fell on another weekday"
    else:
        return []
    return [fact_flag("date", "date_mismatch", x, y, min(x.confidence, y.confidence), note)]


def _same_weekday_named(x: Fact, y: Fact) -> bool:
    """True if one report names only a weekday ("Wednesday") and the other's day fell on it: the
    week a bare weekday was placed in by a page's stamp may be the wrong one."""
    if x.date is None or y.date is None or _weekday(x.date) is None or _weekday(x.date) != _weekday(y.date):
        return False
    return any(_names_weekday(f) and not re.search(r"\d", f.value) for f in (x, y))


def _weekday(day: PartialDate) -> int | None:
    """The weekday a date names, or the calendar gives it where it states year, month and day."""
    if day.weekday is not None or day.year is None or day.month is None or day.day is None:
        return day.weekday
    if day.day > calendar.monthrange(day.year, day.month)[1]:
        return None
    return date(day.year, day.month, day.day).weekday()


def _years_apart(a: PartialDate, b: PartialDate) -> bool:
    """True for dates more than ``OCCASION_YEARS_APART`` years apart: another occasion's."""
    return a.year is not None and b.year is not None and abs(a.year - b.year) > OCCASION_YEARS_APART


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
