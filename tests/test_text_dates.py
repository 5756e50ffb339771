"""Tests for dedupe.text.dates: dates written in text, header dates and metadata fields."""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.models import Article
from dedupe.text.dates import find_dates, header_date, is_date_line, parse_date
from dedupe.text.segment import paragraphs


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("on June 7, 2014, 9:47 am", [date(2014, 6, 7)]),
        ("date 2019-12-04 Moscow", [date(2019, 12, 4)]),
        ("(Sputnik - 04th December, 2019)", [date(2019, 12, 4)]),
        ("on 1st of March 2020 and Sept. 3 2021", [date(2020, 3, 1), date(2021, 9, 3)]),
        ("Dec 25 2001", [date(2001, 12, 25)]),
        ("on Monday, September 19", []),
        ("February 30, 2020 and 2019-13-01", []),
        ("in 1848 and 2014 only", []),
    ],
    ids=str,
)
def test_find_dates_reads_full_dates_only(text: str, found: list[date]) -> None:
    assert [d.value for d in find_dates(text)] == found


def test_date_spans_slice_the_date_as_written() -> None:
    text = "Talks on June 6, 2014 [Xinhua] and 2019-12-04."
    assert [d.span.slice(text) for d in find_dates(text)] == ["June 6, 2014", "2019-12-04"]
    assert [d.value for d in find_dates(text, 20)] == [date(2019, 12, 4)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 7, 2014, 9:47 am", True),
        ("7 June 2014", True),
        ("Talks began on June 7, 2014 in Beijing", False),
    ],
    ids=str,
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2019-12-04 Headline here\n\nBody.", date(2019, 12, 4)),
        ("Published: 2021-05-06\nHeadline\n\nBody.", date(2021, 5, 6)),
        ("Headline\nJune 7, 2014, 9:47 am\n\nBody.", date(2014, 6, 7)),
        ("Headline\n\nSHANGHAI (Wire - 04th December, 2019) Body.", date(2019, 12, 4)),
        ("Headline\n\nBody on June 7, 2014 in the text, not the header.", None),
        ("date 2019-13-45 Headline\n\nBody.", None),
        ("a\nb\nc\nd\nJune 7, 2014", None),
    ],
    ids=["field", "published-field", "date-line", "dateline", "body-date", "impossible", "past-header"],
)
def test_header_date(text: str, expected: date | None) -> None:
    assert header_date(text, paragraphs(text)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-09-20T08:15:00+00:00", date(2022, 9, 20)),
        ("2022-09-20T23:15:00Z", date(2022, 9, 20)),
        ("2022-09-20", date(2022, 9, 20)),
        ("March 14, 2023", date(2023, 3, 14)),
        ("yesterday", None),
        ("", None),
        (20220920, None),
        (None, None),
    ],
    ids=str,
)
def test_parse_date_reads_metadata_fields(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_seed_002_states_both_june_dates(seeds: dict[str, Article]) -> None:
    text = seeds["002"].text
    assert sorted({d.value for d in find_dates(text)}) == [date(2014, 6, 6), date(2014, 6, 7)]
