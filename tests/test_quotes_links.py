"""Tests for dedupe.quotes.links: which quotations render one statement, at each threshold's edge."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest

from dedupe.evidence.lexicon import FUNCTION_WORDS
from dedupe.models import Span
from dedupe.quotes.diff import Side
from dedupe.quotes.extract import Quote
from dedupe.quotes.links import (
    CANDIDATE_MIN_SHARED,
    CONTEXT_MIN_SHARED,
    LONG_QUOTE_WORDS,
    SHORT_STATEMENT_MIN_SHARE,
    SHORT_STATEMENT_MIN_SHARED,
    TRANSLATION_MIN_OVERLAP,
    TRANSLATION_MIN_SHARED,
    VERBATIM_MIN_COVERAGE,
    VERBATIM_MIN_DENSITY,
    Item,
    is_verbatim,
    links,
)
from dedupe.quotes.speaker import UNKNOWN


def words(n: int, prefix: str = "w") -> list[str]:
    return [f"{prefix}{k}" for k in range(n)]


def test_the_verbatim_thresholds_are_what_the_cases_below_assume() -> None:
    assert (LONG_QUOTE_WORDS, VERBATIM_MIN_COVERAGE, VERBATIM_MIN_DENSITY) == (5, 0.75, 0.6)


@pytest.mark.parametrize(
    ("a", "b", "verbatim"),
    [
        (words(4), words(4), False),  # too short to be told apart from a common phrase
        (words(5), words(5), True),
        (words(8), [*words(6), "x", "y"], True),  # 6 of 8 words: the coverage exactly
        (words(8), [*words(5), "x", "y", "z"], False),  # 5 of 8: below it
        (words(6), [*words(3), "x", "x", "x", "x", "w3", "w4", "w5"], True),  # 6 words in 10: the density
        (words(6), [*words(3), "x", "x", "x", "x", "x", "w3", "w4", "w5"], False),  # 6 in 11: too spread out
        (words(5), words(5, "v"), False),
    ],
    ids=["4 words", "5 words", "coverage at", "coverage below", "density at", "density below", "no words"],
)
def test_a_near_verbatim_copy_needs_enough_words_in_a_dense_stretch(
    a: list[str], b: list[str], verbatim: bool
) -> None:
    assert is_verbatim(a, b) is verbatim
    assert is_verbatim(b, a) is verbatim


def item(
    k: int,
    article: int,
    said: list[str],
    *,
    speaker: str = "Maria Oduya",
    context: tuple[str, ...] = (),
    statements: tuple[Mapping[str, float], ...] = (),
) -> Item:
    text = " ".join(said)
    quote = Quote(
        f"a{article}",
        text,
        Span(0, len(text)),
        Span(0, len(text)),
        "full",
        Span(0, len(text)),
        speaker,
        speaker,
        "person",
        "X said",
        None,
    )
    return Item(
        article,
        quote,
        Side(f"a{article}", text, ()),
        tuple(said),
        frozenset(said) - FUNCTION_WORDS,
        speaker,
        context,
        statements,
    )


def same_event(_: int, __: int) -> bool:
    return True


def apart(_: int, __: int) -> bool:
    return False


def lemmas(shared: int, own: int, prefix: str, weight: float = 1.0) -> dict[str, float]:
    """A statement of ``shared`` lemmas common to every statement here and ``own`` of its own."""
    return {**{f"s{n}": 1.0 for n in range(shared)}, **{f"{prefix}{n}": weight for n in range(own)}}


def translations(
    shared: int, own: float, speaker: str = "Maria Oduya", first: str = "Maria Oduya", *, words: int = 1
) -> list[Item]:
    """Two renderings in other words: ``shared`` lemmas in common, and ``own`` weight each of their
    own, spread over ``words`` lemmas (enough of them and the short-statement rule cannot apply)."""
    said = ["s0", "s1", "x", "y", "z"]
    each = own / words
    return [
        item(0, 0, said, speaker=first, statements=(lemmas(shared, words, "a", each),)),
        item(
            1, 1, [*said[:2], "p", "q", "r"], speaker=speaker, statements=(lemmas(shared, words, "b", each),)
        ),
    ]


# Own lemmas enough that the shared ones are under SHORT_STATEMENT_MIN_SHARE of the statement.
LONG = math.ceil(TRANSLATION_MIN_SHARED / SHORT_STATEMENT_MIN_SHARE) - TRANSLATION_MIN_SHARED + 1


OVER = TRANSLATION_MIN_SHARED / TRANSLATION_MIN_OVERLAP - TRANSLATION_MIN_SHARED  # own weight at the edge


@pytest.mark.parametrize(
    ("made", "may_share", "linked"),
    [
        (translations(TRANSLATION_MIN_SHARED, 1.0), same_event, True),
        (translations(SHORT_STATEMENT_MIN_SHARED - 1, 0.1), same_event, False),  # too few lemmas in common
        (translations(TRANSLATION_MIN_SHARED, OVER, words=LONG), same_event, True),  # weight at the overlap
        (translations(TRANSLATION_MIN_SHARED, OVER + 0.01, words=LONG), same_event, False),  # just below it
        (translations(TRANSLATION_MIN_SHARED, 1.0), apart, False),  # articles of different events
        (
            translations(TRANSLATION_MIN_SHARED, 1.0, UNKNOWN, UNKNOWN),
            same_event,
            False,
        ),  # nobody said either
        (translations(TRANSLATION_MIN_SHARED, 1.0, "Peter Lankin"), same_event, False),  # someone else did
    ],
    ids=[
        "translation",
        "few lemmas",
        "overlap at",
        "overlap below",
        "other event",
        "unknown speaker",
        "other speaker",
    ],
)
def test_two_translations_are_one_statement_of_one_speaker(
    made: list[Item], may_share: object, linked: bool
) -> None:
    assert (links(made, may_share) == [(0, 1)]) is linked  # type: ignore[arg-type]


def test_translations_in_one_article_are_two_statements() -> None:
    first, second = translations(TRANSLATION_MIN_SHARED, 1.0)
    assert links([first, item(1, 0, list(second.words), statements=second.statements)], same_event) == []


def test_a_verbatim_copy_is_one_statement_whoever_is_named() -> None:
    said = words(6)
    made = [item(0, 0, said), item(1, 1, said, speaker=UNKNOWN)]
    assert links(made, apart) == [(0, 1)]


def test_quotations_sharing_too_few_content_words_are_not_compared() -> None:
    assert CANDIDATE_MIN_SHARED == 2
    one = ["s0", "x", "y", "z", "v"]
    made = [
        item(0, 0, one, statements=(lemmas(9, 0, "a"),)),
        item(1, 1, ["s0", "p", "q", "r", "t"], statements=(lemmas(9, 0, "a"),)),
    ]
    assert links(made, same_event) == []
    made[1] = item(1, 1, ["s0", "x", "q", "r", "t"], statements=(lemmas(9, 0, "a"),))
    assert links(made, same_event) == [(0, 1)]


HOST = ["the", "core", "interests", "of", "both", "countries"]


@pytest.mark.parametrize(
    ("fragment", "context", "may_share", "linked"),
    [
        (["core", "interests"], (), same_event, True),
        (["core", "interests"], (), apart, False),
        (["interests"], tuple(f"c{n}" for n in range(CONTEXT_MIN_SHARED)), same_event, True),
        (["interests"], tuple(f"c{n}" for n in range(CONTEXT_MIN_SHARED - 1)), same_event, False),
        (["core", "values"], (), same_event, False),
    ],
    ids=["phrase", "phrase, other event", "word, context at", "word, context below", "not inside"],
)
def test_a_fragment_joins_the_quotation_that_holds_its_words(
    fragment: list[str], context: tuple[str, ...], may_share: object, linked: bool
) -> None:
    around = tuple(f"c{n}" for n in range(CONTEXT_MIN_SHARED))
    made = [item(0, 0, HOST, context=around), item(1, 1, fragment, context=context)]
    assert (links(made, may_share) == [(1, 0)]) is linked  # type: ignore[arg-type]


def test_equal_fragments_without_a_host_join_each_other() -> None:
    made = [item(0, 0, ["unconditional", "priority"]), item(1, 1, ["unconditional", "priority"])]
    assert links(made, same_event) == [(0, 1)]
    assert links(made, apart) == []
