"""Find calendar dates written in English news text ("June 7, 2014", "2019-12-04", "04th December, 2019").

Also reads the publication date an article's header states: a "date 2019-12-04" field,
a line that is only a date and time, or a wire dateline "SHANGHAI (Sputnik - 04th
December, 2019)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dedupe.models import Span

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}[^\S\n]+{_DAY},?[^\S\n]+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MONTH},?[^\S\n]+{_YEAR}\b"),
)
HEADER_LINES = 4
"""How many first lines of an article can hold its title, date and dateline."""
HEADER_DATE = re.compile(r"^\s*(?:date|published|posted|updated)?[:\s]*(?P<date>\d{4}-\d{2}-\d{2})\b", re.I)
"""A scraped metadata field opening a header line: "date 2019-12-04", "Published: 2019-12-04"."""
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40}\s*\((?P<inner>[^()]{2,80})\)")
"""A wire dateline: a place in capitals, then credits and date in brackets."""
_DATE_LINE_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class DateMention:
    """A full calendar date stated in the text, with where it was stated."""

    value: date
    span: Span


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Return every full date (day, month and year) written in ``text[start:end]``, in order."""
    stop = len(text) if end is None else end
    found: dict[int, DateMention] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, stop):
            value = _to_date(match)
            if value is not None and match.start() not in found:
                found[match.start()] = DateMention(value, Span(match.start(), match.end()))
    return [found[k] for k in sorted(found)]


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def is_date_line(line: str) -> bool:
    """True for a short line that opens with a date ("June 7, 2014, 9:47 am")."""
    found = find_dates(line)
    return bool(found) and len(line.split()) <= _DATE_LINE_MAX_WORDS and found[0].span.start <= 2


def header_date(text: str, lines: Sequence[Span]) -> date | None:
    """Return the publication date the first header ``lines`` of ``text`` state, if any."""
    for line in lines[:HEADER_LINES]:
        raw = line.slice(text)
        header = HEADER_DATE.match(raw)
        dateline = DATELINE.match(raw)
        if header:
            found = find_dates(header.group("date"))
        elif is_date_line(raw.strip()):
            found = find_dates(raw)
        elif dateline:
            found = find_dates(dateline.group("inner"))
        else:
            continue
        if found:
            return found[0].value
    return None


def parse_date(value: object) -> date | None:
    """Read a metadata field's date: ISO 8601 ("2022-09-20T08:15:00Z") or written out."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        found = find_dates(value)
        return found[0].value if found else None
