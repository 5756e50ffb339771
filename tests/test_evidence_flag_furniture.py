"""Captions, embedded posts and title-case headlines raise no conflict flag; narration still does.

Every sentence is invented; each pair reports one event.
"""

from __future__ import annotations

import pytest

from fact_conflicts import conflicts


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        # A headline in title case capitalises words that are no names: no place read there contradicts.
        (
            "Leaders Gather At Garden Estate North Of San Francisco\n"
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
    assert conflicts(a_text, b_text) == flagged
