"""Fixed-date holidays that name an event's day (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.holiday_dates import find_holiday_refs
from dedupe.ingest.build import article_from_text

PUBLISHED = date(2025, 1, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The New Year’s Day landslide buried three farms.", ["2025-01-01"]),
        ("Am Neujahrstag bebte die Erde in Veloria.", ["2025-01-01"]),
        ("Il sisma che a Capodanno ha colpito la valle.", ["2025-01-01"]),
        ("Le séisme du jour de l'An a fait dix morts.", ["2025-01-01"]),
        ("The storm hit on Christmas Day.", ["2024-12-25"]),
        ("Fireworks lit the sky on New Year's Eve.", ["2024-12-31"]),
        # Near misses: the night or eve before, a feast's bare name, a place named like one.
        ("Nella notte di Capodanno esplose un deposito.", []),
        ("La veille du jour de l'An, un incendie.", []),
        ("Christmas shopping slowed in the capital.", []),
        ("The ship sailed to Christmas Island.", []),
        ("O avião pousou em Natal.", []),
        ("Il Capodanno cinese cade a febbraio.", []),  # another calendar's New Year
    ],
)
def test_holidays(text: str, expected: list[str]) -> None:
    assert [str(r.value) for r in find_holiday_refs(text, published=PUBLISHED)] == expected


def test_a_holiday_dates_the_event_before_the_day_a_newspaper_reported_it() -> None:
    text = (
        "Am Neujahrstag erschütterte ein Erdbeben die Küste von Veloria. Mindestens 40 Menschen "
        "wurden verletzt, wie die Zeitung am Donnerstag berichtete."
    )
    profile = facts_profile(article_from_text(text, id="de", published=None, language="de"))
    assert [str(f.date) for f in profile.dates][:1] == ["January 1"]


def test_a_toll_counted_as_of_a_later_day_leaves_the_holiday_first() -> None:
    text = "The toll of the New Year's Day quake on the coast stood at 65 as of Jan. 3, officials said."
    profile = facts_profile(article_from_text(text, id="en", published=PUBLISHED))
    assert [str(f.date) for f in profile.dates][:1] == ["2025-01-01"]
