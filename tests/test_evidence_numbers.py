"""Quantities: value, unit and bound from the words, and when two of them can both be right."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.evidence import numbers
from dedupe.evidence.numbers import Quantity, find_quantities, quantities_agree
from dedupe.models import Span
from dedupe.text.tokens import tokenize


def _quantities(text: str) -> list[tuple[str, str]]:
    return [(str(m.quantity), m.span.slice(text)) for m in find_quantities(text, tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A fire killed 12 people.", [("12 dead", "12 people")]),
        ("The blaze left 15 dead, and 1.2 thousand residents fled.",
         [("15 dead", "15 dead"), ("1200 resident", "1.2 thousand residents")]),
        ("The death toll rose to 15 on Wednesday.", [("15 dead", "15")]),
        ("At least 12 were killed and twenty-five soldiers wounded.",
         [("≥12 dead", "12"), ("25 injured", "twenty-five soldiers")]),
        ("China and Russia inked fifty agreements.", [("50 agreement", "fifty agreements")]),
        ("This was the 10th round of talks.", [("10th round", "10th round")]),
        ("Turnout was 30% and aid reached $5 million.", [("30%", "30"), ("5,000,000 usd", "5 million")]),
        ("He wished the 20th National Congress success at 9:47 am, one of his aides said.", []),
    ],
    ids=["casualty-noun", "scale-word", "toll", "bounds", "spelled", "ordinal", "percent-currency",
         "no-unit"],
)  # fmt: skip
def test_quantities_with_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


def test_numbers_inside_skipped_spans_are_not_counted() -> None:
    text = "Delegates recalled the 2019 talks."
    assert _quantities(text) == [("2019 talk", "2019 talks")]
    assert find_quantities(text, tokenize(text), [Span(23, 27)]) == []  # a date finder claimed "2019"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (Quantity(1200, "resident"), Quantity(1200, "resident", "about"), True),
        (Quantity(12, "dead"), Quantity(15, "dead"), False),
        (Quantity(12, "dead", "at_least"), Quantity(15, "dead"), True),
        (Quantity(20, "dead", "at_most"), Quantity(15, "dead"), True),
        (Quantity(12, "dead"), Quantity(12, "injured"), None),
        (Quantity(10, "round", ordinal=True), Quantity(10, "round"), None),
    ],
)
def test_agreement(a: Quantity, b: Quantity, agree: bool | None) -> None:
    assert quantities_agree(a, b) is agree
    assert quantities_agree(b, a) is agree


@settings(max_examples=60)
@given(st.integers(min_value=2, max_value=10**9))
def test_written_figures_read_back(value: int) -> None:
    text = f"Officials counted {value:,} ballots."
    (mention,) = find_quantities(text, tokenize(text))
    assert mention.quantity == Quantity(float(value), "ballot")
    assert mention.span.slice(text) == f"{value:,} ballots"


BOUNDS = st.sampled_from(["exact", "about", "at_least", "at_most"])
VALUES = st.floats(min_value=1, max_value=1e6)


@settings(max_examples=60)
@given(VALUES, VALUES, BOUNDS, BOUNDS)
def test_agreement_is_symmetric(x: float, y: float, bx: str, by: str) -> None:
    a, b = Quantity(x, "dead", bx), Quantity(y, "dead", by)
    assert quantities_agree(a, b) == quantities_agree(b, a)
    assert quantities_agree(a, a) is True


_NUMBER_WORDS = (
    "12", "1,200", "1.2", "٣", "twenty", "five", "dozen", "thousand", "million", "at", "least", "about",
    "killed", "dead", "injured", "people", "soldiers", "percent", "per", "cent", "dollars", "new", "the",
    "and", "th", "were", "Congress", "9:47", "am",
)  # fmt: skip


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.sampled_from(_NUMBER_WORDS), st.sampled_from([" ", "-", ", ", "$", "% "])), max_size=16
    )
)
def test_reading_only_where_a_number_can_start_finds_what_reading_every_word_finds(
    words: list[tuple[str, str]],
) -> None:
    text = "".join(word + gap for word, gap in words)
    tokens = tokenize(text)
    found = find_quantities(text, tokens)
    with patch.object(numbers, "_number_starts", lambda tokens: range(len(tokens))):
        assert find_quantities(text, tokens) == found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The quake left 1,037 victims.", "en", ["1037 victim"]),
        ("The quake left 1.037 victims.", "es", ["1037 victim"]),
        ("The quake left 1.5 thousand victims.", "en", ["1500 victim"]),
        ("The quake left 3,5 thousand victims.", "de", ["3500 victim"]),
        ("The quake left 2 719 victims.", "fr", ["2719 victim"]),
        ("The quake left 2 719 victims.", "en", ["719 victim"]),
        ("The quake left 11\u202f300 victims.", "fr", ["11300 victim"]),
        ("The quake left 1.037 victims.", "pt-BR", ["1037 victim"]),
    ],
    ids=["en-comma", "es-point", "en-decimal", "de-decimal-comma", "fr-space", "en-space-is-two",
         "fr-thin-space", "region-tag"],
)  # fmt: skip
def test_digits_read_as_the_language_groups_them(text: str, language: str, expected: list[str]) -> None:
    found = find_quantities(text, tokenize(text), language=language)
    assert [str(m.quantity) for m in found] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Al menos 1.037 muertos y 1.204 heridos", "es", ["≥1037 dead", "1204 injured"]),
        ("au moins 512 morts et 1 308 blessés", "fr", ["≥512 dead", "1308 injured"]),
        ("Das Beben forderte 632 Tote und 329 Verletzte", "de", ["632 dead", "329 injured"]),
        ("il bilancio è salito a 128 morti", "it", ["128 dead"]),
        ("o sismo deixou cerca de 40 mortos e 200 feridos", "pt", ["~40 dead", "200 injured"]),
        ("dejó 2 mil 500 muertos", "es", ["2500 dead"]),
    ],
    ids=["es", "fr", "de", "it", "pt", "es-mil"],
)  # fmt: skip
def test_tolls_in_other_languages(text: str, language: str, expected: list[str]) -> None:
    found = find_quantities(text, tokenize(text), language=language)
    assert [str(m.quantity) for m in found] == expected


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (Quantity(45, "minute", "about"), Quantity(47, "minute", "about"), False),
        (Quantity(45, "minute", "about"), Quantity(47, "minute"), True),
        (Quantity(45, "minute", "about"), Quantity(45, "minute", "about"), True),
    ],
    ids=["two-hedges-differ", "hedge-covers-exact", "same-hedge"],
)
def test_two_hedged_figures_are_two_readings(a: Quantity, b: Quantity, agree: bool) -> None:
    assert quantities_agree(a, b) is agree


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: Span(t[0], t[0] + t[1])))


@given(spans, st.lists(st.integers(0, 90), max_size=30))
def test_skip_spans_are_checked_in_one_pass_as_each_span_would_be(skip: list[Span], asked: list[int]) -> None:
    inside = numbers._inside(skip)  # overlapping, empty and unsorted spans, positions asked in order
    for position in sorted(asked):
        assert inside(position) == any(s.start <= position < s.end for s in skip)


@pytest.mark.parametrize(
    "text",
    [
        "The rocket lifted off at 08:42 local time.",
        "The quake struck at 8.42 am on Monday.",
        "The quake struck at 8.42 a.m. on Monday.",
        "The ship sank at 08:42 GMT.",
        "The ship sank at 0842 GMT.",
        "Le navire a coulé à 11h05 heure locale.",
        "The ship sank at 08:42:10 on the dot.",
        "The vote was held on 2024-03-12 without incident.",
        "The vote was held on 2023/12/03 without incident.",
    ],
    ids=["colon-local", "point-am", "point-a.m.", "colon-gmt", "four-digits-gmt", "french-h", "seconds",
         "iso-date", "slashed-date"],
)  # fmt: skip
def test_no_figure_is_read_out_of_a_clock_time_or_a_date(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 08:42 local time, 42 local councils closed their schools.", [("42 local", "42 local")]),
        ("At 08:42 local time 30 trucks stopped.", [("30 truck", "30 trucks")]),
        ("Exports reached 8.42 million tonnes.", [("8,420,000 tonne", "8.42 million tonnes")]),
        ("On 2024-03-12 three ships sailed.", [("3 ship", "three ships")]),
    ],
    ids=["figure-after-a-time", "figure-right-after-a-time", "decimal-with-a-scale", "figure-after-a-date"],
)
def test_a_figure_next_to_a_clock_time_or_a_date_still_counts(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    ["The 2022-23 season ended.", "The 2019–2021 plan ended.", "date 2023-04 Die Rakete flog."],
    ids=["season", "span-of-years", "month-of-a-year"],
)
def test_no_figure_is_read_out_of_a_span_of_years_or_a_month_of_a_year(text: str) -> None:
    assert _quantities(text) == []
