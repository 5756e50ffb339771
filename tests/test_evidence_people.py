"""Tests for dedupe.evidence.people: capitalised runs and the person mentions made of them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.evidence.lexicon import ORG_WORDS
from dedupe.evidence.people import NAME_WORD, _capitalised_runs, person_mentions


def _runs_word_by_word(text: str) -> list[list[tuple[str, int, int]]]:
    """The runs as first written: every word visited, a lower-case one ending the run."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for match in NAME_WORD.finditer(text):
        word = match.group()
        joined = current and text[current[-1][2] : match.start()] in (" ", "\u00a0")
        possessive_before = current and current[-1][0].endswith(("’s", "'s"))
        if word[0].isupper() and joined and not possessive_before:
            current.append((word, match.start(), match.end()))
            continue
        if current:
            runs.append(current)
        current = [(word, match.start(), match.end())] if word[0].isupper() else []
    if current:
        runs.append(current)
    return runs


# Word characters that do not start a word (digits, "_", apostrophes, hyphens), letters of
# both cases in and out of ASCII, letters without case, symbols and punctuation that sit
# right before a word, the gaps that join or split runs, and any other character.
_texts = st.text(
    alphabet=st.one_of(
        st.sampled_from("aZqMé É ßǅ²٣7_-'’s.,\n\u00a0\u2014\u201cⒶΣ ǈµ "),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_runs_from_capitalised_words_alone_match_the_word_by_word_walk(text: str) -> None:
    assert _capitalised_runs(text) == _runs_word_by_word(text)


def test_lower_case_word_between_capitals_splits_the_run() -> None:
    text = "Nikolai Patrushev met Wang Yi in Beijing's Hall"
    assert [[w for w, _, _ in run] for run in _capitalised_runs(text)] == [
        ["Nikolai", "Patrushev"],
        ["Wang", "Yi"],
        ["Beijing's"],
        ["Hall"],
    ]


def test_short_form_keeps_its_describing_words() -> None:
    text = "Security Council Secretary Nikolai Patrushev, a close ally, spoke. Patrushev left."
    mentions = person_mentions(text)
    assert [(m.name, m.start) for m in mentions] == [("Nikolai Patrushev", 27), ("Patrushev", 67)]
    assert {"secretary", "close", "ally"} <= mentions[0].described


def test_capital_right_after_a_dash_or_quote_starts_a_word_but_not_inside_one() -> None:
    text = "talks—Wang Yi “Li” iPhone 3M x-Ray"
    # A digit is no letter: "M" of "3M" starts a word, as NAME_WORD reads it.
    assert [[w for w, _, _ in run] for run in _capitalised_runs(text)] == [["Wang", "Yi"], ["Li"], ["M"]]
    assert _capitalised_runs(text) == _runs_word_by_word(text)


BODIES = ["Kazan Tribunal", "Baltic Alliance", "Tarnwell Coalition", "Ruritania Reuters"]


@pytest.mark.parametrize("body", BODIES)
def test_a_run_with_an_organisation_word_names_no_person(body: str) -> None:
    assert person_mentions(f"Officials of the {body} met on Friday.") == []
    assert any(word.casefold() in ORG_WORDS for word in body.split())
