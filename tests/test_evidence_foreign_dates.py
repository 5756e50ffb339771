"""Dates named in French, Spanish, German, Italian, Portuguese, Russian and more European languages."""

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
        ("date 2024-04 Aprile 20, 2024", []),  # "04" is the page stamp's month, not a day of April
        ("Verona, 3 mag. (Agenzia) –", ["2024-05-03"]),  # a dateline's month cut short
        ("Lione, 6 avr. (Agence) –", ["2024-04-06"]),
        ("entre 3 mar y tierra", []),  # "mar" (the sea) with no stop after it names no month
    ],
)
def test_foreign_dates(text: str, expected: list[str]) -> None:
    found = find_foreign_date_refs(text, published=date(2024, 5, 7), language="de")
    assert [str(r.value) for r in found] == expected


def test_french_hier_is_yesterday_only_in_french() -> None:
    (ref,) = find_foreign_date_refs("hier soir", published=date(2024, 5, 7), language="fr")
    assert ref.value.full == date(2024, 5, 6)


# Norwegian, Danish, Swedish, Dutch, Polish, Ukrainian, Bulgarian, Turkish and Lithuanian
# (issue 17), beside words of those languages that look like dates and are not.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("no", "Skjelvet rammet byen 5. mai og på søndag kom et nytt.", ["2024-05-05", "2024-05-05"]),
        ("da", "Ministrene mødtes den 2. maj i hovedstaden.", ["2024-05-02"]),
        ("sv", "Ministrarna möttes i fredags, 3 maj, i huvudstaden.", ["2024-05-03"]),
        ("nl", "De ministers spraken op zondag 5 mei met elkaar.", ["2024-05-05", "2024-05-05"]),
        ("pl", "Ministrowie spotkali się w środę 1 maja w stolicy.", ["2024-05-01", "2024-05-01"]),
        ("uk", "Міністри зустрілися у п'ятницю, 3 травня, у столиці.", ["2024-05-03", "2024-05-03"]),
        ("bg", "Министрите се срещнаха в сряда, 1 май, в столицата.", ["2024-05-01", "2024-05-01"]),
        ("tr", "Bakanlar 3 Mayıs 2024 tarihinde başkentte görüştü.", ["2024-05-03"]),
        ("lt", "Anksti trečiadienį ministras atskrido į sostinę.", ["2024-05-01"]),
        ("nl", "De minister kwam gisteren aan.", ["2024-05-06"]),
        ("fr", "Le ministre est arrivé aujourd’hui à Genève.", ["2024-05-07"]),  # was read as "aujourd"
        # Near misses: Russian "неделя" is a week; a capitalised weekday may be a name;
        # Turkish "pazar" is a market; Swedish "i fredags" says last Friday in a form not read.
        ("ru", "Министры встретятся на этой неделе, неделя будет трудной.", []),
        ("no", "Fredag Hansen talte til pressen.", []),
        ("tr", "Bakan pazar yerini ziyaret etti.", []),
    ],
)
def test_foreign_dates_in_more_languages(language: str, text: str, expected: list[str]) -> None:
    found = find_foreign_date_refs(text, published=date(2024, 5, 7), language=language)
    assert [str(r.value) for r in found] == expected
