"""Dates named in Chinese, Japanese, Korean, Arabic and Persian (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.script_dates import find_script_date_refs
from dedupe.ingest.build import article_from_text

PUBLISHED = date(2024, 5, 7)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年9月8日，两国部长在日内瓦会晤。", ["2023-09-08"]),
        ("部长5月3号抵达首都。", ["2024-05-03"]),
        ("部长星期日(5月5日)在首都会见了代表团。", ["2024-05-05", "2024-05-05"]),
        ("双方周一举行了会谈。", ["2024-05-06"]),
        ("部长下周一将访问首都。", ["2024-05-13"]),  # next week's Monday
        ("大臣は土曜日に到着した。", ["2024-05-04"]),
        ("장관은 5월 2일 회담했다.", ["2024-05-02"]),
        ("代表团昨天抵达。", ["2024-05-06"]),
        ("التقى الوزيران يوم الأحد في العاصمة", ["2024-05-05"]),
        ("وصل الوفد في ٣ مايو إلى المدينة", ["2024-05-03"]),
        ("تعقد المحادثات في الأول من يونيو المقبل", ["2024-06-01"]),
        ("وزیر روز شنبه وارد شد", ["2024-05-04"]),
        # Near misses: an outlet named "today", an anniversary, "this week", no 32nd, "today Friday".
        ("今日俄罗斯电视台报道了会谈。", []),
        ("两国庆祝建交75周年。", []),
        ("部长本周将访问首都。", []),
        ("وصل الوفد في 32 مايو", []),
        ("أعلنت الوزارة اليوم الجمعة أن", []),
        # A day without its month, as Chinese, Japanese and Korean news dates the event: the
        # latest such day up to publication (a day some days ahead is a preview's).
        ("大臣は5日、首都で会見した。", ["2024-05-05"]),
        ("두 정상은 30일(현지시간) 회담했다.", ["2024-04-30"]),
        ("会谈将于9日举行。", ["2024-05-09"]),
        ("장관은 오늘 오후 도착했다.", ["2024-05-07"]),
        # Near misses: a count of days, Japan, a day of a month read once.
        ("会談は2日間にわたった。", []),
        ("日本の首相が到着した。", []),
        ("5月3日に到着した。", ["2024-05-03"]),
    ],
)
def test_script_dates(text: str, expected: list[str]) -> None:
    assert [str(r.value) for r in find_script_date_refs(text, published=PUBLISHED)] == expected


def test_a_chinese_lede_opening_on_its_day_dates_the_event_not_the_stamp() -> None:
    text = "发布时间:2024-05-07\n\n2024年5月5日，两国部长在日内瓦会晤，讨论了贸易问题。"
    profile = facts_profile(article_from_text(text, id="zh", published=PUBLISHED, language="zh"))
    assert [str(f.date) for f in profile.dates][:1] == ["2024-05-05"]


def test_a_preview_title_dates_its_event_not_the_pages_stamp() -> None:
    text = "甲国与乙国部长将于5月10日在日内瓦会晤\n发布时间:2024-05-07 来源:本站\n\n双方将讨论贸易问题。"
    profile = facts_profile(article_from_text(text, id="zh", published=PUBLISHED, language="zh"))
    assert [str(f.date) for f in profile.dates][:1] == ["2024-05-10"]
