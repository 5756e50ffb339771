"""Dates named in French, Spanish, German, Italian, Portuguese and Russian."""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.foreign_dates import find_foreign_date_refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 13 juillet 2025 à Pékin", ["2025-07-13"]),
        ("el 19 de septiembre de 2023", ["2023-09-19"]),
        ("am 20. April", ["2024-04-20"]),
        ("9 апреля в Пекине", ["2024-04-09"]),
        ("Am Donnerstagmorgen hob die Rakete ab", ["2024-05-02"]),
        ("giovedì scorso", ["2024-05-02"]),
        ("ayer por la tarde", ["2024-05-06"]),
        ("Plácido Domingo cantó", []),  # a weekday names a person where it is capitalised
        ("hier ist es", []),  # German "here"; French "hier" only in French text
        ("32 mars", []),
    ],
)
def test_foreign_dates(text: str, expected: list[str]) -> None:
    found = find_foreign_date_refs(text, published=date(2024, 5, 7), language="de")
    assert [str(r.value) for r in found] == expected


def test_french_hier_is_yesterday_only_in_french() -> None:
    (ref,) = find_foreign_date_refs("hier soir", published=date(2024, 5, 7), language="fr")
    assert ref.value.full == date(2024, 5, 6)
