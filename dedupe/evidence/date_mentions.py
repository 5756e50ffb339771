"""Find every date a report mentions, partial or relative, and resolve it where it can.

``dedupe.text.dates`` finds full calendar dates; reports also say "Monday, September 19"
(no year), "in February", "on Friday" and "last week". A ``PartialDate`` keeps what
the text says and nothing more: unknown parts stay None, and a relative mention is
resolved only against a known publication date ("on Friday" in a report published
Saturday 2014-06-07 is 2014-06-06).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dedupe.models import Span
from dedupe.text.dates import MONTHS, find_dates

# A day or month named without a year up to this many days after the report's date is
# this year's (a preview: "talks on March 31" published March 28); later, last year's.
AHEAD_DAYS = 60
# Year-less dates are compared inside a leap year, so February 29 exists, and go round
# its end where that is nearer.
LEAP_YEAR = 2004
LEAP_YEAR_DAYS = 366
# "Last week" and "this week" cover a week from its Monday; a weekday named without
# "next" or "last" is the latest such day up to the report's date.
DAYS_IN_WEEK = 7
_PREPOSITIONS = frozenset(("on", "in", "of", "from", "since", "by", "until"))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_REL_MONTH = r"(?P<rel>(?i:in|since|last|this|next|early|late|mid-|until|by))"
_REL_WEEKDAY = r"(?P<rel>(?i:on|last|this|next|since|until|by))"
_RELATIVE = r"(?P<rel>yesterday|today|tonight|(?:last|this|earlier this) (?:week|month|year))"
# No pattern (nor ``dedupe.text.dates``'s) matches across a line break, and each needs one of
# these words: a pattern runs only on the lines holding its anchor, 5–20% of the text.
_MONTH_ANCHOR = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WEEKDAY_ANCHOR = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_YEAR_ANCHOR = re.compile(r"(?:19|20)\d\d")  # every full date ``find_dates`` reads has a year
_ANCHORS = (_YEAR_ANCHOR, _MONTH_ANCHOR, _WEEKDAY_ANCHOR)
# The relative words' anchor, sought in the lowercased text: a case-insensitive search
# gets no fast prefix scan and would cost three times the pattern's own. Every character
# that matches one of these letters case-insensitively lowercases to it, but for the
# dotless "ı", which stays as it is.
_RELATIVE_ANCHOR = re.compile(r"terday|today|ton[iı]ght|week|month|year")
_PATTERNS = (
    (
        "month_day",
        _MONTH_ANCHOR,
        re.compile(rf"\b(?:{_WEEKDAY},?[^\S\n]+)?{_MONTH}[^\S\n]+(?P<day>[0-3]?\d){_ORDINAL}\b"),
    ),
    (
        "month_day",
        _MONTH_ANCHOR,
        re.compile(rf"\b(?:{_WEEKDAY},?[^\S\n]+)?(?P<day>[0-3]?\d){_ORDINAL}[^\S\n]+(?:of[^\S\n]+)?{_MONTH}"),
    ),
    ("month_year", _MONTH_ANCHOR, re.compile(rf"\b{_MONTH},?[^\S\n]+(?P<year>(?:19|20)\d\d)\b")),
    ("month", _MONTH_ANCHOR, re.compile(rf"\b{_REL_MONTH}[^\S\n]*{_FULL_MONTH}\b")),
    ("weekday", _WEEKDAY_ANCHOR, re.compile(rf"\b(?:{_REL_WEEKDAY}[^\S\n]+)?{_WEEKDAY}\b")),
    ("relative", _RELATIVE_ANCHOR, re.compile(rf"\b{_RELATIVE}\b", re.IGNORECASE)),
    (
        "year",
        _YEAR_ANCHOR,
        re.compile(r"\b(?P<rel>in|since|of|by|until|from)[^\S\n]+(?P<year>(?:19|20)\d\d)\b(?![,.]?\d)"),
    ),
)
# A weekday written just before a full date belongs to it: "Thursday, December 6, 2018".
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY},?\s+$")
_WEEKDAY_BEFORE_CHARS = 12


@dataclass(frozen=True, slots=True)
class PartialDate:
    """What a report says about a day: any of year, month, day and weekday may be unknown.

    ``days`` is the length of the period the mention covers from that day on ("last
    week" resolved is a Monday and 7 days).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    days: int = 1

    @property
    def full(self) -> date | None:
        """Return the calendar date if year, month and day are all known."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        day = self.full
        if day is not None:
            return f"week of {day.isoformat()}" if self.days == DAYS_IN_WEEK else day.isoformat()
        parts = []
        if self.weekday is not None:
            parts.append(calendar.day_name[self.weekday])
        if self.month is not None:
            month = calendar.month_name[self.month]
            parts.append(f"{month} {self.day}" if self.day is not None else month)
        shown = ", ".join(parts)
        return f"{shown} {self.year}".strip() if self.year is not None else shown or "unknown date"


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date mention: what it says, where, and how it was written.

    ``kind`` is "full", "month_day", "month_year", "month", "weekday", "relative" or
    "year"; ``relative`` is the word that ties it to the time of writing ("last",
    "on", "yesterday"), empty for absolute dates.
    """

    value: PartialDate
    span: Span
    kind: str
    relative: str = ""


def find_date_refs(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None
) -> list[DateRef]:
    """Return every date mention in ``text[start:end]``, in order, resolved against ``published``."""
    stop = len(text) if end is None else end
    found: dict[int, DateRef] = {}
    taken: list[Span] = []
    lines = {anchor: _lines_with(anchor, text, start, stop) for anchor in _ANCHORS}
    lines[_RELATIVE_ANCHOR] = _lowercase_lines_with(_RELATIVE_ANCHOR, text, start, stop)
    for line_start, line_end in lines[_YEAR_ANCHOR]:
        for mention in find_dates(text, line_start, line_end):
            before = text[max(start, mention.span.start - _WEEKDAY_BEFORE_CHARS) : mention.span.start]
            weekday = _WEEKDAY_BEFORE.search(before)
            span = (
                mention.span
                if weekday is None
                else Span(mention.span.start - len(weekday.group()), mention.span.end)
            )
            value = mention.value
            # A weekday written beside the date is kept as written, even where the calendar puts
            # the day on another ("Wednesday, September 19, 2023"): that is for the reader to see.
            written = WEEKDAYS.index(weekday.group("weekday").lower()) if weekday else value.weekday()
            found[span.start] = DateRef(
                PartialDate(value.year, value.month, value.day, written), span, "full"
            )
            taken.append(span)
    for kind, anchor, pattern in _PATTERNS:
        for line_start, line_end in lines[anchor]:
            for match in pattern.finditer(text, line_start, line_end):
                rel = match.groupdict().get("rel")
                # "on Monday", "since 2014": the preposition is not part of the date.
                first = match.end("rel") if rel and rel.lower() in _PREPOSITIONS else match.start()
                while text[first].isspace():
                    first += 1
                span = Span(first, match.end())
                if any(s.start < span.end and span.start < s.end for s in taken):
                    continue
                ref = _ref(kind, match, span, published)
                if ref is not None:
                    found[span.start] = ref
                    taken.append(span)
    return [found[k] for k in sorted(found)]


def _lines_with(anchor: re.Pattern[str], text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Return the bounds (line break excluded) of each line of ``text[start:stop]`` holding ``anchor``."""
    lines: list[tuple[int, int]] = []
    at = start
    while (hit := anchor.search(text, at, stop)) is not None:
        line_start = max(start, text.rfind("\n", start, hit.start()) + 1)
        line_end = text.find("\n", hit.end(), stop)
        line_end = stop if line_end < 0 else line_end
        lines.append((line_start, line_end))
        at = line_end + 1
    return lines


def _lowercase_lines_with(anchor: re.Pattern[str], text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Return ``_lines_with`` of the lowercased text (all of it where lowercasing moves offsets)."""
    lowered = text[start:stop].lower()
    if len(lowered) != stop - start:  # a letter lowercased to two ("İ" to "i̇")
        return [(start, stop)]
    return [(start + first, start + last) for first, last in _lines_with(anchor, lowered, 0, len(lowered))]


def _ref(kind: str, match: re.Match[str], span: Span, published: date | None) -> DateRef | None:
    groups = match.groupdict()
    rel = (groups.get("rel") or "").lower()
    weekday = WEEKDAYS.index(groups["weekday"].lower()) if groups.get("weekday") else None
    month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(LEAP_YEAR, month)[1]):
        return None
    if kind == "relative":
        return DateRef(resolve_relative(rel, published), span, kind, rel)
    if kind == "weekday" and weekday is not None:
        value = resolve_weekday(weekday, rel, published)
        return DateRef(value, span, kind, rel or "on")
    if kind in ("month_day", "month") and published is not None and month is not None and rel != "next":
        # A month named without a year is the latest such month up to the report's date, unless
        # it comes within AHEAD_DAYS after it: a preview's "will meet on March 31".
        year = published.year if (month, day or 1) <= (published.month, published.day) else published.year - 1
        this_year = day is None or day <= calendar.monthrange(published.year, month)[1]
        ahead = (date(published.year, month, day or 1) - published).days if this_year else -1
        if year < published.year and 0 < ahead <= AHEAD_DAYS:
            year = published.year
    value = PartialDate(year, month, day, weekday)
    if value.full is not None and weekday is not None and value.full.weekday() != weekday:
        value = PartialDate(None, month, day, weekday)  # the text contradicts the guessed year
    return DateRef(value, span, kind, rel if kind == "month" else "")


def resolve_weekday(weekday: int, rel: str, published: date | None) -> PartialDate:
    if published is None:
        return PartialDate(weekday=weekday)
    back = (published.weekday() - weekday) % DAYS_IN_WEEK
    if rel == "next":
        day = published + timedelta(days=(weekday - published.weekday()) % DAYS_IN_WEEK or DAYS_IN_WEEK)
    else:
        day = published - timedelta(days=back or (DAYS_IN_WEEK if rel == "last" else 0))
    return PartialDate(day.year, day.month, day.day, weekday)


def resolve_relative(rel: str, published: date | None) -> PartialDate:
    if published is None:
        return PartialDate()
    if rel in ("today", "tonight", "yesterday"):
        day = published - timedelta(days=rel == "yesterday")
        return PartialDate(day.year, day.month, day.day, day.weekday())
    unit = rel.rsplit(" ", 1)[-1]
    last = rel.startswith("last")
    if unit == "week":
        monday = published - timedelta(days=published.weekday() + (DAYS_IN_WEEK if last else 0))
        return PartialDate(monday.year, monday.month, monday.day, 0, days=DAYS_IN_WEEK)
    if unit == "month":
        first = (published.replace(day=1) - timedelta(days=1)) if last else published
        return PartialDate(first.year, first.month)
    return PartialDate(published.year - last)


def dates_agree(a: PartialDate, b: PartialDate, *, tolerance_days: int = 0) -> bool | None:
    """Tell whether two date mentions can refer to the same day.

    True if what both state agrees (within ``tolerance_days``), False if they cannot
    both be right, None if they share nothing to compare.

    Examples:
        >>> dates_agree(PartialDate(2014, 6, 6), PartialDate(2019, 12, 4))
        False
        >>> dates_agree(PartialDate(weekday=0), PartialDate(None, 9, 19, 0))
        True
    """
    if a.month is not None and a.day is not None and b.month is not None and b.day is not None:
        return _day_gap(a, b) <= tolerance_days
    if a.year is not None and b.year is not None and a.days == b.days == 1:
        if a.year != b.year:
            return False
        if a.month is not None and b.month is not None:
            return a.month == b.month
    elif a.month is not None and b.month is not None and a.month != b.month:
        return False
    if a.weekday is not None and b.weekday is not None and a.days == b.days == 1:
        return True if a.weekday == b.weekday else (False if tolerance_days == 0 else None)
    shared = (a.year is not None and b.year is not None) or (a.month is not None and b.month is not None)
    return True if shared else None


def days_apart(a: PartialDate, b: PartialDate) -> int | None:
    """Return the days between two mentions that state month and day (a missing year read as
    the nearer way round the year), or None when either lacks them."""
    if a.month is None or a.day is None or b.month is None or b.day is None:
        return None
    return _day_gap(a, b)


def _day_gap(a: PartialDate, b: PartialDate) -> int:
    """Days between two month-day dates, the period of a "last week" counted as a whole."""
    if a.year is not None and b.year is not None:
        first, second = date(a.year, a.month or 1, a.day or 1), date(b.year, b.month or 1, b.day or 1)
        if first > second:
            first, second, a, b = second, first, b, a
        return max(0, (second - first).days - (a.days - 1))
    # A missing year: compare within one leap year, going round the year's end if nearer.
    gap = abs((date(LEAP_YEAR, b.month or 1, b.day or 1) - date(LEAP_YEAR, a.month or 1, a.day or 1)).days)
    return max(0, min(gap, LEAP_YEAR_DAYS - gap) - (max(a.days, b.days) - 1))
