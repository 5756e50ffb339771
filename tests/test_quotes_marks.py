"""Tests for dedupe.quotes.marks: mark styles, apostrophes, quotations over paragraphs and stray marks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.marks import MAX_QUOTE_PARAGRAPHS
from dedupe.text.segment import paragraphs

OPENING = "“‘\"'«»„‚「『‹″"
CLOSING = "”’\"'»«“‘」』›″"
PROPERTY = settings(max_examples=150, deadline=None)


WORDS = st.sampled_from(["the", "minister", "said", "Smith", "it’s", "don't", "Russia’s", "talks", "we", "x"])
MARKS = st.sampled_from(list("“”‘’\"'«»„‚"))
PIECES = st.lists(st.one_of(WORDS, MARKS, st.sampled_from([" ", " ", "\n\n", ", ", ". "])), max_size=60)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("« Nous ne céderons pas », a dit Ortega.", " Nous ne céderons pas "),
        ("„Wir bleiben hart“, sagte Ortega.", "Wir bleiben hart"),
        ("»Vi giver ikke op«, sagde Ortega.", "Vi giver ikke op"),
        ("「我们不会让步」他说。", "我们不会让步"),
        ("He said 'fine' and the crowd's mood 'lifted'.", "fine"),
    ],
    ids=str,
)
def test_mark_styles(text: str, inner: str) -> None:
    quotes = extract_quotes(Article(id="x", text=text))
    assert quotes[0].text == inner


def test_quotation_that_never_closes_over_many_paragraphs_is_dropped() -> None:
    text = "\n\n".join(["He said: “this keeps going"] + ["“and going"] * (MAX_QUOTE_PARAGRAPHS + 2))
    assert extract_quotes(Article(id="x", text=text)) == ()


@PROPERTY
@given(PIECES)
def test_spans_start_and_end_at_quotation_marks(pieces: list[str]) -> None:
    text = " ".join(pieces)
    article = Article(id="p", text=text)
    quotes = extract_quotes(article)
    for quote in quotes:
        marked = quote.span.slice(text)
        # A statement without marks (readout) has none; one left open after "said:" ends its line.
        assert quote.kind == "readout" or marked[0] in OPENING
        assert quote.kind == "readout" or marked[-1] in CLOSING or quote.inner.end == quote.span.end
        assert quote.inner.slice(text) == quote.text
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(quotes))


@PROPERTY
@given(
    st.text(
        alphabet=st.one_of(st.characters(exclude_categories=["Cs"]), MARKS, st.sampled_from(" \n")),
        max_size=200,
    )
)
def test_extraction_never_crashes_on_any_text(text: str) -> None:
    for quote in extract_quotes(Article(id="p", text=text)):
        marked = quote.span.slice(text)
        assert quote.kind == "readout" or marked[0] in OPENING
        assert quote.kind == "readout" or marked[-1] in CLOSING or quote.inner.end == quote.span.end
        assert quote.canonical_speaker == "unknown" or quote.speaker_kind in ("person", "institution")


@PROPERTY
@given(PIECES)
def test_a_quotation_crosses_paragraphs_only_into_ones_that_open_with_a_mark(pieces: list[str]) -> None:
    text = " ".join(pieces)
    paras = paragraphs(text)
    for quote in extract_quotes(Article(id="p", text=text)):
        inside = [p for p in paras if quote.span.start < p.start < quote.span.end]
        assert len(inside) == quote.paragraphs - 1 < MAX_QUOTE_PARAGRAPHS
        assert all(text[p.start] in OPENING for p in inside)


@PROPERTY
@given(st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=2, max_size=6), st.data())
def test_a_stray_opening_mark_swallows_nothing(paras: list[list[str]], data: st.DataObject) -> None:
    lines = [" ".join(words).replace("’", "").replace("'", "") for words in paras]
    where = data.draw(st.integers(0, len(lines) - 1))
    lines[where] = lines[where] + " “" + data.draw(WORDS).replace("’", "")
    lines.append("Later the minister spoke. “We will see,” Smith said.")
    quotes = extract_quotes(Article(id="p", text="\n\n".join(lines)))
    assert [q.text for q in quotes] == ["We will see,"]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ('김 장관은 "회담이 유익했다"며 "또 만나겠다"고 말했다.', ["회담이 유익했다", "또 만나겠다"]),
        ("박 대사는 ″협력을 더 늘리겠다″고 밝혔다.", ["협력을 더 늘리겠다"]),
        ("이 장관은 ‘새 출발’이라고 불렀다.", ["새 출발"]),
    ],
    ids=str,
)
def test_korean_particle_right_after_a_closing_mark(text: str, inner: list[str]) -> None:
    assert [q.text for q in extract_quotes(Article(id="x", text=text, language="ko"))] == inner


def test_an_apostrophe_or_prime_between_latin_letters_still_closes_nothing() -> None:
    text = "Ortega, who stands 6″2 tall, said 'we don't know yet' and left."
    assert [q.text for q in extract_quotes(Article(id="x", text=text))] == ["we don't know yet"]


def test_a_page_that_stops_inside_a_quotation_keeps_it() -> None:
    text = "The mayor spoke at noon.\n\nOrtega said the plan works. “We will build it by sprin"
    assert [q.text for q in extract_quotes(Article(id="x", text=text))] == ["We will build it by sprin"]


def test_an_unclosed_mark_before_the_last_paragraph_is_still_stray() -> None:
    text = "Ortega said the plan works. “We will build the bridge\n\nThe mayor left at noon."
    assert extract_quotes(Article(id="x", text=text)) == ()


def test_straight_marks_glued_to_the_word_before_still_open() -> None:
    text = 'Ortega said the river was"higher than ever", that help was"on its way", that we"will reopen".'
    quotes = extract_quotes(Article(id="x", text=text))
    assert [q.text for q in quotes] == ["higher than ever", "on its way", "will reopen"]


def test_a_glued_straight_mark_on_a_line_with_an_odd_count_opens_nothing() -> None:
    text = 'The mayor said the river was"higher than ever, and help is "on its way".'
    quotes = extract_quotes(Article(id="x", text=text))
    assert [q.text for q in quotes] == ["on its way"]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "Ortega said the bridge would “change the valley for good“. He left at noon.",
            ["change the valley for good"],
        ),
        (
            "Le texte dit que « la hausse restera modérée longtemps« , a indiqué Ortega.",
            ["la hausse restera modérée longtemps"],
        ),
        ("Ortega sagte, das sei „ein guter Tag für die Stadt„, und ging.", ["ein guter Tag für die Stadt"]),
        ("Ortega said “we stay“ and “we build”.", ["we stay", "we build"]),
    ],
    ids=str,
)
def test_an_opening_mark_typed_for_the_closing_one_closes(text: str, inner: list[str]) -> None:
    assert [q.text.strip() for q in extract_quotes(Article(id="x", text=text))] == inner


def test_an_opening_mark_before_a_word_inside_a_quotation_still_opens_a_nested_one() -> None:
    text = "Ortega said “the motto “build first” is ours” and left."
    assert [q.text for q in extract_quotes(Article(id="x", text=text))] == ["the motto “build first” is ours"]


def test_a_quotation_runs_on_over_a_paragraph_break_inside_its_sentence() -> None:
    text = "The mayor spoke.\n\n“We will rebuild the old\n\nbridge and the school by spring”, Ortega said."
    assert [q.text for q in extract_quotes(Article(id="x", text=text))] == [
        "We will rebuild the old\n\nbridge and the school by spring"
    ]


def test_an_unclosed_quotation_ending_its_sentence_does_not_run_on() -> None:
    text = (
        "The mayor spoke.\n\n“We will rebuild the old bridge.\n\nbut the school waits”, he added.\n\nHe left."
    )
    assert [q.text for q in extract_quotes(Article(id="x", text=text))] == []


def test_a_quotation_closed_inside_one_the_page_cuts_off_is_not_reported_apart() -> None:
    text = "The mayor spoke.\n\nOrtega said the plan, “the «new» bridge first, is"
    quotes = extract_quotes(Article(id="x", text=text))
    assert [q.text for q in quotes] == ["the «new» bridge first, is"]
