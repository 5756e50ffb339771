"""False alarms of conflict flags on real news, each beside a true conflict that must still be flagged.

Every sentence is invented; each pair reports one event.
"""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.events import Fact
from dedupe.evidence.facts import _same_side, compare_facts
from dedupe.ingest.build import article_from_text
from dedupe.models import Span

CONFLICTS = frozenset(("conflict", "number_mismatch", "date_mismatch"))


def _conflicts(a_text: str, b_text: str) -> list[tuple[str, str, str]]:
    a, b = article_from_text(a_text, id="a"), article_from_text(b_text, id="b")
    return [(f.slot, f.a_value, f.b_value) for f in compare_facts(a, b) if f.kind in CONFLICTS]


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # A headline in title case capitalises words that are no names: no place read there contradicts.
        (
            "Presidents Meet At Lakeside Estate South Of San Francisco\n"
            "The two presidents met at a lakeside estate on Tuesday, November 14, 2023, "
            "for four hours of talks.",
            "The two presidents met on Tuesday, November 14, 2023, in San Francisco for four hours of talks.",
            [],
        ),
        (
            "The two presidents met on Tuesday in Boston.",
            "The two presidents met on Tuesday in Chicago.",
            [("place", "Boston", "Chicago")],
        ),
        # An embedded post's credit and its author's signature are no narration of the event.
        (
            "The two leaders met in Moscow on Monday, July 8, 2024.",
            "The two leaders held talks on Monday, July 8, 2024.\n\n"
            "A warm welcome (Source: Ruritanian Embassy in India) pic.twitter.com/aBc123",
            [],
        ),
        (
            "The two leaders met on Monday, July 8, 2024, in Moscow.",
            "— Ravi Sen (@ravisen) July 10, 2024\n\nThe two leaders held talks in Moscow.",
            [],
        ),
        (
            "The two leaders met in Moscow on Monday, July 8, 2024.",
            "The two leaders met in Delhi on Monday, July 8, 2024.",
            [("place", "Moscow", "Delhi")],
        ),
        # A Spanish caption shows the rocket on its pad days before the launch.
        (
            "En esta foto proporcionada por la agencia, el cohete se ve en la plataforma de lanzamiento "
            "el viernes 11 de noviembre de 2022.\nEl cohete despegó el miércoles desde Florida.",
            "The rocket lifted off from Florida on Wednesday, Nov. 16, 2022.",
            [],
        ),
        (
            "El cohete despegó el viernes 11 de noviembre de 2022 desde Florida.",
            "The rocket lifted off from Florida on Wednesday, Nov. 16, 2022.",
            [("date", "11 de noviembre de 2022", "Wednesday, Nov. 16, 2022")],
        ),
    ],
)
def test_captions_posts_and_title_case_headlines_cannot_contradict(
    a_text: str, b_text: str, flagged: list[tuple[str, str, str]]
) -> None:
    assert _conflicts(a_text, b_text) == flagged


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
    assert _conflicts(a_text, b_text) == flagged


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
    assert _conflicts(a_text, b_text) == flagged


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
    ("a_text", "a_published", "b_text", "flagged"),
    [
        # A bare "Wednesday" placed in the wrong week by its page's date still names the launch's day.
        (
            "The rocket lifted off early on Wednesday from Florida.",
            date(2022, 11, 15),
            "November 16, 2022",
            False,
        ),
        (
            "The rocket lifted off early on Monday from Florida.",
            date(2022, 11, 15),
            "November 16, 2022",
            True,
        ),
        # A date decades before is another occasion the report recalls.
        (
            "The leaders laid a wreath for those killed on 6 August 1945 in the city.",
            None,
            "19 May 2023",
            False,
        ),
        ("The leaders met in the city on 19 May 2022.", None, "19 May 2023", True),
    ],
)
def test_a_weekday_of_the_same_name_and_a_date_of_another_era_are_no_date_mismatch(
    a_text: str, a_published: date | None, b_text: str, flagged: bool
) -> None:
    a = article_from_text(a_text, id="a", published=a_published)
    b = article_from_text(f"The event took place on {b_text}.", id="b", published=date(2022, 11, 16))
    assert any(f.kind == "date_mismatch" for f in compare_facts(a, b)) is flagged


def _met(name: str) -> Fact:
    return Fact("participant", name, name, Span(0, len(name)), Span(0, len(name)), 0.8, role="met")


@pytest.mark.parametrize(
    ("a_name", "b_name", "counterparts"),
    [
        ("Pak Song Il", "Пак Сон Ир", False),  # one man in two scripts
        ("Li Wenbo", "Li", False),  # the surname alone, written first as Chinese does
        ("Li Wenbo", "Zhao Ming", True),
        ("Pak Song Il", "Kim Yong", True),
    ],
)
def test_names_that_may_be_one_person_are_no_counterpart_conflict(
    a_name: str, b_name: str, counterparts: bool
) -> None:
    assert _same_side(_met(a_name), _met(b_name)) is counterparts
