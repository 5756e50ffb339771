"""Figures that are no number mismatch (tolls still moving, parts, ages, other things), beside ones that are.

Every sentence is invented; each pair reports one event.
"""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.facts import compare_facts
from dedupe.ingest.build import article_from_text

from fact_conflicts import conflicts


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # Bodies recovered "so far" are a count still going on, as a toll is.
        (
            "Les secouristes ont sorti 31 corps des décombres jusqu'à présent, selon la police.",
            "Selon la police, 54 corps ont été sortis des décombres jusqu'à présent.",
            [],
        ),
        (
            "Les secouristes ont sorti 31 corps des décombres, selon la police.",
            "Selon la police, 54 corps ont été sortis des décombres.",
            [("number", "31 corps", "54 corps")],
        ),
        # People "still trapped": the rescue and the toll are still going on.
        (
            "Seven people died and 520 were injured, while 60 people are still trapped.",
            "Nine people died and 610 were injured.",
            [],
        ),
        (
            "Seven people died and 520 were injured, while 60 people are trapped.",
            "Nine people died and 610 were injured.",
            [("number", "Seven people", "Nine people"), ("number", "520", "610")],
        ),
        # "The other three deaths" are the rest of a toll, not the whole of it.
        (
            "At least four people were killed when the bridge collapsed on Monday.",
            "The bridge collapsed on Monday, and the police gave no details of the other three deaths.",
            [],
        ),
        (
            "At least four people were killed when the bridge collapsed on Monday.",
            "The bridge collapsed on Monday, and the police reported three deaths.",
            [("number", "four people", "three deaths")],
        ),
    ],
)
def test_tolls_still_moving_and_parts_of_a_toll_are_no_mismatch(
    a_text: str, b_text: str, flagged: list[tuple[str, str, str]]
) -> None:
    assert conflicts(a_text, b_text) == flagged


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # Two people's ages are no figure of the event.
        (
            "A 58-year-old farmer was among the injured in the quake on Monday.",
            "A 30-year-old teacher was among the injured in the quake on Monday.",
            [],
        ),
        # "Three of them" are a part of a toll.
        (
            "The quake on Monday killed nine people.",
            "The quake on Monday killed many. Three of them died under rocks.",
            [],
        ),
        (
            "The quake on Monday killed nine people.",
            "The quake on Monday killed three people.",
            [("number", "nine people", "three people")],
        ),
        # Two percentages of different things: nothing in their clauses in common.
        (
            "The bank expects inflation to fall to 2.5% next year.",
            "The bank raised its estimate of the neutral rate to 3%.",
            [],
        ),
        (
            "The bank expects inflation to fall to 2.5% next year.",
            "The bank expects inflation to fall to 3% next year.",
            [("number", "2.5", "3")],
        ),
        # A figure read before a function word ("185 en declaraciones") says nothing of what it counts.
        (
            "El sismo del lunes dejó heridos; el portavoz situó la cifra en al menos 185 "
            "en declaraciones a la radio.",
            "El sismo del lunes: 92 personas murieron en el norte y 40 en el sur.",
            [],
        ),
    ],
)
def test_ages_parts_and_function_words_are_no_figure_of_the_event(
    a_text: str, b_text: str, flagged: list[tuple[str, str, str]]
) -> None:
    assert conflicts(a_text, b_text) == flagged


@pytest.mark.parametrize(("a_day", "b_day", "flagged"), [(1, 2, False), (1, 1, True)])
def test_tolls_of_reports_published_on_different_days_may_both_be_right(
    a_day: int, b_day: int, flagged: bool
) -> None:
    a = article_from_text(
        "Police counted 412 injured after the quake.", id="a", published=date(2024, 4, a_day)
    )
    b = article_from_text(
        "Police counted 655 injured after the quake.", id="b", published=date(2024, 4, b_day)
    )
    assert any(f.kind == "number_mismatch" for f in compare_facts(a, b)) is flagged


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # Two agencies' magnitudes of one quake, a few tenths apart: both can be right.
        (
            "A 7.3-magnitude earthquake struck the coast of Varnia on Monday morning.",
            "A 7.7-magnitude earthquake struck the coast of Varnia on Monday morning.",
            [],
        ),
        (
            "A 6.1-magnitude earthquake struck the coast of Varnia on Monday morning.",
            "A 7.4-magnitude earthquake struck the coast of Varnia on Monday morning.",
            [("number", "6.1-magnitude", "7.4-magnitude")],
        ),
    ],
)
def test_magnitudes_a_few_tenths_apart_are_two_agencies_readings(
    a_text: str, b_text: str, flagged: list[tuple[str, str, str]]
) -> None:
    assert conflicts(a_text, b_text) == flagged


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # One distance by road and as the crow flies, each rounded: both can be right.
        (
            "The talks were held at a manor some 40 kilometers from Brackton on Monday.",
            "The talks were held at a manor about 50 kilometers from Brackton on Monday.",
            [],
        ),
        (
            "La reunión del lunes fue en una finca a unos 40 kilómetros de Brackton.",
            "La reunión del lunes fue en una finca a unos 50 kilómetros de Brackton.",
            [],
        ),
        (
            "The talks were held at a manor some 40 kilometers from Brackton on Monday.",
            "The talks were held at a manor about 300 kilometers from Brackton on Monday.",
            [("number", "40 kilometers", "300 kilometers")],
        ),
    ],
)
def test_distances_a_quarter_apart_from_one_place_are_one_distance(
    a_text: str, b_text: str, flagged: list[tuple[str, str, str]]
) -> None:
    assert conflicts(a_text, b_text) == flagged


def test_a_clock_times_minutes_are_no_count_of_hours() -> None:
    a_text = "Moins de 24 heures après le feu vert, la fusée a décollé de Brackton mercredi."
    b_text = "La fusée a décollé de Brackton mercredi à 9 h 25, heure locale."
    assert conflicts(a_text, b_text) == []
    assert conflicts(a_text, "La fusée a décollé de Brackton mercredi, 25 heures après le feu vert.") != []
