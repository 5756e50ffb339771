"""Partial and relative dates: what the text says, resolved only against a known publication date."""

from __future__ import annotations

from datetime import date, timedelta
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.evidence import date_mentions
from dedupe.evidence.date_mentions import WEEKDAYS, PartialDate, dates_agree, find_date_refs


def _refs(text: str, published: date | None = None) -> list[tuple[str, str, PartialDate]]:
    return [(r.kind, r.span.slice(text), r.value) for r in find_date_refs(text, published=published)]


def test_month_and_day_without_a_year_keeps_the_year_unknown() -> None:
    text = "officials told the agencies on Monday, September 19."
    assert _refs(text) == [("month_day", "Monday, September 19", PartialDate(None, 9, 19, 0))]


def test_full_dates_come_with_their_weekday() -> None:
    text = "SHANGHAI (Sputnik - 04th December, 2019) and 2019-12-04"
    assert [(k, w, str(v)) for k, w, v in _refs(text)] == [
        ("full", "04th December, 2019", "2019-12-04"),
        ("full", "2019-12-04", "2019-12-04"),
    ]


def test_relative_mentions_resolve_only_with_a_publication_date() -> None:
    text = "Xi met him on Friday; last month's summit was in May. Last week was busy."
    assert [v for _, _, v in _refs(text)] == [
        PartialDate(weekday=4),
        PartialDate(),
        PartialDate(month=5),
        PartialDate(),
    ]
    resolved = _refs(text, published=date(2014, 6, 7))  # a Saturday
    assert [(w, str(v)) for _, w, v in resolved] == [
        ("Friday", "2014-06-06"),
        ("last month", "May 2014"),
        ("May", "May 2014"),
        ("Last week", "week of 2014-05-26"),
    ]


def test_prepositions_are_not_part_of_the_date() -> None:
    assert [w for _, w, _ in _refs("talks on Tuesday, a deal in February, since 2014")] == [
        "Tuesday",
        "February",
        "2014",
    ]


def test_impossible_days_are_not_dates() -> None:
    assert _refs("on February 30 the talks") == []


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "agree"),
    [
        (PartialDate(2014, 6, 6), PartialDate(2019, 12, 4), 0, False),
        (PartialDate(None, 9, 19, 0), PartialDate(2019, 12, 4, 2), 2, False),
        (PartialDate(weekday=0), PartialDate(None, 9, 19, 0), 0, True),
        (PartialDate(weekday=1), PartialDate(weekday=2), 0, False),
        (PartialDate(weekday=1), PartialDate(weekday=2), 2, None),
        (PartialDate(2022, 9, 19), PartialDate(2022, 9, 20), 2, True),
        (PartialDate(None, 12, 31), PartialDate(None, 1, 1), 1, True),
        (PartialDate(2014, 5, 26, 0, days=7), PartialDate(2014, 6, 1), 0, True),
        (PartialDate(month=2), PartialDate(month=3), 0, False),
        (PartialDate(), PartialDate(2020, 1, 1), 0, None),
    ],
)
def test_dates_agree(a: PartialDate, b: PartialDate, tolerance: int, agree: bool | None) -> None:
    assert dates_agree(a, b, tolerance_days=tolerance) is agree
    assert dates_agree(b, a, tolerance_days=tolerance) is agree


@settings(max_examples=50)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 6))
def test_a_weekday_resolves_to_that_weekday_within_the_week_before(published: date, weekday: int) -> None:
    text = f"They met on {WEEKDAYS[weekday].capitalize()}."
    ((_, _, value),) = _refs(text, published)
    assert value.full is not None
    assert value.full.weekday() == weekday
    assert published - timedelta(days=6) <= value.full <= published


_DATE_WORDS = (
    "on", "in", "since", "last", "this", "earlier", "next", "mid-", "of", "Monday", "Friday", "May", "Sept.",
    "September", "Dec", "December", "19", "4th", "31", "2019", "1999", "2014-06-07", "week", "month",
    "yesterday", "Tonight", "TODAY", "Last", "WEEK", "year", "holiday", "TONIGHT", "tonıght", "yesterday's",
    "İstanbul", "talks",
)  # fmt: skip
_DATE_TEXTS = st.lists(
    st.tuples(st.sampled_from(_DATE_WORDS), st.sampled_from([" ", "\n", ", ", " \n ", "\u00a0", ". "])),
    max_size=14,
).map(lambda words: "".join(w + gap for w, gap in words))


@settings(max_examples=200)
@given(_DATE_TEXTS, st.none() | st.dates(min_value=date(1990, 1, 1)), st.integers(0, 6), st.integers(0, 6))
def test_scanning_only_the_lines_with_an_anchor_word_finds_what_scanning_all_finds(
    text: str, published: date | None, cut_start: int, cut_end: int
) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, min(cut_start, len(text)))
    found = find_date_refs(text, start, end, published=published)
    with patch.object(date_mentions, "_lines_with", lambda _anchor, _text, first, stop: [(first, stop)]):
        assert find_date_refs(text, start, end, published=published) == found


def test_a_letter_that_lowercases_to_two_does_not_move_relative_dates() -> None:
    text = "İstanbul talks ended.\nYesterday they resumed."
    assert _refs(text) == [("relative", "Yesterday", PartialDate())]
