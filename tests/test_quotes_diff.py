"""Tests for dedupe.quotes.diff: word differences between renderings, each classed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.quotes.diff import Side, word_differences
from dedupe.text.tokens import tokenize

PROPERTY = settings(max_examples=150, deadline=None)


def side(text: str, key: str = "x") -> Side:
    return Side(key, text, tokenize(text))


def classed(reference: str, rendering: str, *, partial: bool = False) -> list[tuple[str, str, str]]:
    found = word_differences(side(reference, "ref"), side(rendering, "ren"), partial=partial)
    return [(d.kind, d.reference_text, d.rendering_text) for d in found]


@pytest.mark.parametrize(
    ("reference", "rendering", "expected"),
    [
        ("an absolute priority of foreign policy", "an unconditional priority of foreign policy",
         [("substitution", "absolute", "unconditional")]),
        ("we will build two hospitals soon", "we will build two modern hospitals soon",
         [("insertion", "", "modern")]),
        ("we will build two modern hospitals soon", "we will build two hospitals soon",
         [("omission", "modern", "")]),
        ("expand information sharing on countering extremism in order to derail",
         "expand information sharing on countering extremism", [("truncation", "in order to derail", "")]),
        ("we will defend the north and the south", "we will defend the south and the north",
         [("reordering", "north", "north"), ("reordering", "south", "south")]),
        ("No limits.", "no-limits", []),
        ("“Russia’s” CORE-interests", "russia's core interests,", []),
    ],
    ids=["substitution", "insertion", "omission", "truncation", "reordering", "hyphen", "case-marks"],
)  # fmt: skip
def test_differences_are_classed(
    reference: str, rendering: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sorted(classed(reference, rendering)) == sorted(expected)


def test_spans_point_into_each_original() -> None:
    reference, rendering = "They call it an absolute priority.", "They call it an  unconditional  priority!"
    [difference] = word_differences(side(reference, "ref"), side(rendering, "ren"), partial=False, index=3)
    assert difference.reference_span is not None and difference.rendering_span is not None
    assert difference.reference_span.slice(reference) == "absolute"
    assert difference.rendering_span.slice(rendering) == "unconditional"
    assert (difference.article_id, difference.rendering) == ("ren", 3)


def test_partial_compares_only_where_the_two_align() -> None:
    reference = "strengthening ties with Beijing as an unconditional priority of foreign policy"
    assert classed(reference, "unconditional priority", partial=True) == []
    assert classed(reference, "an unreserved priority", partial=True) == [
        ("substitution", "unconditional", "unreserved")
    ]
    assert classed(reference, "unconditional priority", partial=False)[0][0] == "truncation"


def test_partial_ignores_function_words_two_translators_placed_differently() -> None:
    reference = "the policy of partnership with China is a priority"
    assert classed(reference, "the policy for partnership with China is the priority", partial=True) == [
        ("substitution", "of", "for"),
        ("substitution", "a", "the"),
    ]
    assert classed(reference, "the policy of partnership with China is priority", partial=True) == []
    assert classed(reference, "the policy of partnership with China is priority", partial=False) == [
        ("omission", "a", "")
    ]


WORDS = st.lists(
    st.sampled_from(["no", "limits", "core", "interests", "Russia’s", "policy", "the", "of"]), min_size=1
)


@PROPERTY
@given(WORDS, st.data())
def test_case_hyphens_punctuation_and_marks_are_never_differences(
    words: list[str], data: st.DataObject
) -> None:
    joins = data.draw(st.lists(st.sampled_from([" ", "-", ", ", " “", "” ", " ‘", "’ ", "  "]),
                               min_size=len(words), max_size=len(words)))  # fmt: skip
    styled = [w.upper() if data.draw(st.booleans()) else w for w in words]
    rendering = "".join(w + j for w, j in zip(styled, joins, strict=True)).replace("’", "'")
    assert classed(" ".join(words), rendering) == []


@PROPERTY
@given(WORDS, WORDS)
def test_differences_exist_iff_words_differ_and_slice_to_their_texts(
    reference_words: list[str], rendering_words: list[str]
) -> None:
    reference, rendering = " ".join(reference_words), " ".join(rendering_words)
    found = word_differences(side(reference, "ref"), side(rendering, "ren"), partial=False)
    assert bool(found) == (reference_words != rendering_words)
    for difference in found:
        if difference.reference_text:
            assert difference.reference_span is not None
            assert difference.reference_span.slice(reference) == difference.reference_text
        if difference.rendering_text:
            assert difference.rendering_span is not None
            assert difference.rendering_span.slice(rendering) == difference.rendering_text
