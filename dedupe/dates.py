"""Find calendar dates written in English news text ("June 7, 2014", "2019-12-04", "04th December, 2019")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
)


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
