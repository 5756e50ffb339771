"""Page furniture: captions, datelines, publication stamps and bylines are told from narration."""

from __future__ import annotations

import pytest

from dedupe.evidence.events import Fact
from dedupe.evidence.page_furniture import in_caption, in_dateline, is_byline, is_stamp
from dedupe.models import Span


def _fact(text: str, value: str, slot: str = "date") -> Fact:
    start = text.index(value)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    sentence = Span(line_start, len(text) if line_end < 0 else line_end)
    return Fact(slot, value, value, Span(start, start + len(value)), sentence, 1.0)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Leaders talk in Samarkand, Friday, Sept. 16, 2022. (AP Photo/Jane Roe)\nBody.", "Samarkand", True),
        ("Wang Yi meets Lavrov in Beijing, July 13, 2025. (Xinhua/Li Wei)\nBody.", "Beijing", True),
        ("Its pad in this photo taken by Harbour Wire on August 28, 2023.", "August 28, 2023", True),
        ("Mandatory credit REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched", "Sept 7", False),
        ("The ministers met in Beijing on Monday.\nThey agreed.", "Beijing", False),
        ("En esta foto cedida por la agencia, el cohete en Riverton.\nDespegó.", "Riverton", True),
        ("Photo/Jane Roe The launch pad at Riverton on May 3.\nIt lifted off.", "Riverton", True),
        ("Esta foto no cambia nada: el cohete despegó en Riverton.", "Riverton", False),
    ],
    ids=[
        "ap-credit-after",
        "xinhua-credit-after",
        "in-this-photo",
        "story-after-credit",
        "prose",
        "foreign-caption-words",
        "photo-slash-opening",
        "foto-in-prose",
    ],
)
def test_captions(text: str, value: str, expected: bool) -> None:
    assert in_caption(text, _fact(text, value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("MOSCOW (AP) — The ministers met on Tuesday.", "MOSCOW", True),
        ("WASHINGTON, July 11. /TASS/. Ukraine is on a path.", "July 11", True),
        ("BEIJING, June 19 (Xinhua) -- Xi met Blinken.", "BEIJING", True),
        ("KANAZAWA--The death toll rose.", "KANAZAWA", True),
        ("The ministers met in Moscow on Tuesday.", "Moscow", False),
        ("date 2024-09 OSLO (dpa-AFX) - The bank cut its rate on Wednesday.", "OSLO", True),
        ("By Jane Roe – LIMA (Andesnews) – The minister said on Thursday talks went well.", "LIMA", True),
        ("By Jane Roe – the minister in Lima said on Thursday that talks went well.", "Lima", False),
    ],
    ids=["ap", "tass", "xinhua", "double-dash", "prose", "lowercase-agency", "after-byline", "byline-prose"],
)
def test_datelines(text: str, value: str, expected: bool) -> None:
    assert in_dateline(text, _fact(text, value)) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("date 2024-04-07 Lavrov arrived on April 8.", "2024-04-07", True),
        ("08:41 JST, February 9, 2024 (updated at 11:05 JST)", "February 9, 2024", True),
        ("Published on March 20, 2023", "March 20, 2023", True),
        ("On September 7 Japan launched a rocket.", "September 7", False),
        ("Lavrov arrived on April 8.", "April 8", False),
        ("6月2日清晨，探测器成功降落在预选区。", "6月2日", False),  # a Chinese sentence opening on its day
        ("2024年6月2日 08:26", "2024年6月2日", True),
    ],
    ids=["date-word", "clock", "published", "on-is-prose", "prose", "zh-opening", "zh-stamp"],
)
def test_publication_stamps(text: str, value: str, expected: bool) -> None:
    assert is_stamp(text, _fact(text, value)) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Roe and John Doe", True),
        ("Reporting by Jane Roe; Editing by John Doe", True),
        ("By Monday, rescuers had reached the village.", False),
        (
            "The pact was signed by Foreign Minister Aino Lehtikari after two days of talks in Helsinki.",
            False,
        ),
    ],
    ids=["by", "credits", "by-a-day", "by-in-prose"],
)
def test_bylines(line: str, expected: bool) -> None:
    assert is_byline(line, Span(0, len(line))) is expected
