"""Arabic speech frames: the verb first, its subject, the complementiser, the quotation.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

CASES = [
    ("verb-subject-that", 'وأعلن فيلدان أن "الميناء سيفتح قريبا".', ["فيلدان"]),
    ("title-then-name", 'وأكد الرئيس فيلدان أن "العمل مستمر".', ["فيلدان"]),
    ("reported-as-saying", 'ونقلت وكالات أنباء عن فيلدان قوله "نحن مستعدون".', ["فيلدان"]),
    (
        "no-subject-goes-on-with-the-last-speaker",
        'وأعلن فيلدان أن "الميناء سيفتح قريبا". والمح إلى أن "العمل مستمر".',
        ["فيلدان", "فيلدان"],
    ),
    ("body-without-its-article", 'اعلن الكرملين أن "اللقاء انتهى".', ["كرملين"]),
]


@pytest.mark.parametrize(("text", "speakers"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_arabic_quotation_gets_the_subject_after_its_verb(text: str, speakers: list[str]) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language="ar"))
    assert [q.canonical_speaker for q in quotes] == speakers


def test_a_long_subject_after_the_verb_stays_unknown() -> None:
    text = 'وذكرت وكالة الأنباء المحلية أن "الميناء سيفتح قريبا".'
    assert [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language="ar"))] == [
        "unknown"
    ]


def test_a_nationality_after_a_title_is_no_name() -> None:
    text = 'وقال رئيس نوردي أن "العمل مستمر".'
    assert [q.canonical_speaker for q in extract_quotes(Article(id="t", text=text, language="ar"))] == [
        "unknown"
    ]
