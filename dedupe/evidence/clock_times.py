"""Find the clock times and all-digit dates in a text, whose digits count nothing.

"08:42 local time" is a moment, not 42 of anything; "2024-03-12" a day, not 12 of anything.
``numbers.find_quantities`` reads no figure inside them; ``clock_comparison`` compares the
zoned times of two reports' ledes.
"""

from __future__ import annotations

import re

from dedupe.models import Span

# The zones a clock time is read in, in English, French, Spanish, German and Italian.
ZONES = r"(?:local time|heure locale|hora local|Ortszeit|ora locale|GMT|UTC)"
# A clock time in any of the ways news writes one: "08:42", "08:42:10", "11h05", "8.42 am",
# "9.25pm", "8.42 a.m.", "8.42 GMT", "0842 GMT"; or a date in digits: "2024-03-12",
# "12/03/2024", "3.12.2023", a month of a year or a span of years ("2023-04", "2022-23",
# "2019–2021"). A point between two digit groups is a decimal ("8.42 million") unless a
# half-day or a zone follows; a colon never is ("08:42" alone is a time).
CLOCK_OR_DATE = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?![\d,.]\d)"
    r"|\b\d{1,2}[hH]\d{2}\b"
    r"|\b\d{1,2}\.\d{2}\s*(?:[ap]\.?\s?m\b\.?|" + ZONES + r"\b)"
    r"|\b\d{4}\s*(?:GMT|UTC)\b"
    r"|\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b"
    r"|\b\d{1,2}([-/.])\d{1,2}\2\d{2,4}\b"
    r"|\b(?:19|20)\d{2}[-–/](?:(?:19|20)\d{2}|\d{2})\b(?![-–/.]\d)",
    re.IGNORECASE,
)


def clock_and_date_spans(text: str, start: int, end: int) -> list[Span]:
    """Return the spans of clock times and all-digit dates in ``text[start:end]``, in order."""
    return [Span(m.start(), m.end()) for m in CLOCK_OR_DATE.finditer(text, start, end)]
