"""Tests for dedupe.text.segment: paragraphs and sentences as trimmed spans of the original text."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Article, Span
from dedupe.text.segment import _region_sentences, article_sentences, paragraphs, sentences


def _texts(text: str, spans: list[Span]) -> list[str]:
    return [s.slice(text) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a  \r\n\n b\r\n", ["a", "b"]),
        ("first\rsecond\u2028third\u2029fourth", ["first", "second", "third", "fourth"]),
        ("\ufeffheading\n\u00a0\n\tbody text\t", ["heading", "body text"]),
        ("", []),
        (" \n \n", []),
    ],
    ids=["crlf", "old-mac-and-unicode-separators", "bom-nbsp-tab", "empty", "blank"],
)
def test_paragraphs_are_trimmed_non_blank_lines(text: str, expected: list[str]) -> None:
    assert _texts(text, paragraphs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Mr. Putin met Dr. Xi in the U.S. on Monday. "We agree," he said. Talks end.',
            ["Mr. Putin met Dr. Xi in the U.S. on Monday.", '"We agree," he said.', "Talks end."],
        ),
        (
            "“The policy is an absolute priority.” Patrushev said it twice. Then he left?",
            ["“The policy is an absolute priority.”", "Patrushev said it twice.", "Then he left?"],
        ),
        ("Prices rose 3.5 percent. Sales fell.", ["Prices rose 3.5 percent.", "Sales fell."]),
        ("It ended... the talks did not.", ["It ended... the talks did not."]),
        ("Путин прибыл. Переговоры начались.", ["Путин прибыл.", "Переговоры начались."]),
        (
            "توقف العمال. وقالت النقابة إن الإضراب سيستمر؟ نعم.",
            ["توقف العمال.", "وقالت النقابة إن الإضراب سيستمر؟", "نعم."],
        ),
        ("港口工人停止工作。工会表示，罢工将持续。", ["港口工人停止工作。", "工会表示，罢工将持续。"]),
    ],
    ids=["abbreviations", "closing-quote", "decimal", "ellipsis-lowercase", "cyrillic", "arabic", "chinese"],
)
def test_sentences_split_at_ends_not_at_abbreviations(text: str, expected: list[str]) -> None:
    assert _texts(text, sentences(text)) == expected


def test_a_sentence_never_crosses_a_line() -> None:
    text = "A headline without a stop\nThe body starts here. It goes on."
    assert _texts(text, sentences(text)) == [
        "A headline without a stop",
        "The body starts here.",
        "It goes on.",
    ]


def test_sentences_stay_inside_the_regions_given() -> None:
    text = "Skip me. Keep this one. And this."
    assert _texts(text, sentences(text, [Span(9, len(text))])) == ["Keep this one.", "And this."]


def test_article_sentences_leave_out_boilerplate(seeds: dict[str, Article]) -> None:
    article = seeds["001"]
    found = _texts(article.text, article_sentences(article))
    assert "Leave a Reply" not in found and "Read More" not in found
    assert found[-1].startswith("President Putin wished")


texts = st.text(alphabet=st.sampled_from("ab. !?\n\r\u2028“”\"'MrU.S3 \u00a0\t。"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_spans_are_ordered_trimmed_and_cover_every_visible_character(text: str) -> None:
    paras = paragraphs(text)
    sents = sentences(text)
    for spans in (paras, sents):
        for span in spans:
            piece = span.slice(text)
            assert piece and piece == piece.strip()
        for before, after in itertools.pairwise(spans):
            assert before.end <= after.start
    for spans in (paras, sents):
        covered = {i for span in spans for i in range(span.start, span.end)}
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert all(any(p.start <= s.start and s.end <= p.end for p in paras) for s in sents)


def test_split_regions_are_remembered_but_callers_get_their_own_lists() -> None:
    text = "Mr. Li spoke. He left.\n\nThe talks ended. Both sides met."
    first = sentences(text)
    first.append(Span(0, 1))
    assert sentences(text) == [Span(0, 13), Span(14, 22), Span(24, 40), Span(41, 56)]
    assert paragraphs(text) == [Span(0, 22), Span(24, 56)]
    assert paragraphs(text) is not paragraphs(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab. !?\n\r”"), max_size=60), st.integers(0, 60))
def test_sentences_of_regions_are_each_region_split_afresh(text: str, cut: int) -> None:
    cut = min(cut, len(text))
    regions = [Span(0, cut), Span(cut, len(text))]
    fresh = [s for region in regions for s in _region_sentences.__wrapped__(text, region)]
    assert sentences(text, regions) == fresh
    assert sentences(text, regions) == fresh  # a second time, from the cache


def _lines_trimmed_one_by_one(text: str, region: Span) -> list[Span]:
    """Paragraphs as first written: split at each line break, then trim each line."""
    out, cursor = [], region.start
    breaks = re.compile(r"\r\n?|[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]").finditer(
        text, region.start, region.end
    )
    for match in breaks:
        out.append((cursor, match.start()))
        cursor = match.end()
    out.append((cursor, region.end))
    blank = lambda ch: ch.isspace() or ch in "\ufeff\u200b"  # noqa: E731
    spans = []
    for start, end in out:
        while start < end and blank(text[start]):
            start += 1
        while end > start and blank(text[end - 1]):
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "ab \t\r\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u00a0\u3000\ufeff\u200b-"
        ),
        max_size=40,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_paragraphs_are_the_lines_trimmed(text: str, start: int, length: int) -> None:
    region = Span(min(start, len(text)), min(start + length, len(text)))
    assert paragraphs(text, [region]) == _lines_trimmed_one_by_one(text, region)
