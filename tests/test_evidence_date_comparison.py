"""Dates that are no date mismatch (a weekday of the same name, another era's date), beside ones that are.

Every sentence is invented; each pair reports one event.
"""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.facts import compare_facts
from dedupe.ingest.build import article_from_text


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
