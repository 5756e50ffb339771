"""Find the dates a report names in Chinese, Japanese, Korean, Arabic or Persian.

``foreign_dates`` reads languages that write dates in words between spaces ("13 juillet");
these write them with the digits bound to their units ("2025年7月13日", "7월 13일"), in
another script ("١٣ يوليو"), or a weekday after a word for "day" ("يوم الأحد", "روز یکشنبه").
Read in a lede not written in English (``facts_lede``) and resolved against publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dedupe.evidence.date_mentions import DateRef, PartialDate, resolve_relative, resolve_weekday
from dedupe.evidence.foreign_dates import day_of_month
from dedupe.models import Span

# Arabic-Indic and Persian digits, read as ASCII ones (one character for one: spans hold).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A day of a month in Chinese or Japanese ("2025年7月13日", "7月13号") or Korean ("7월 13일").
CJK_DAY_MONTH = re.compile(
    r"(?<!\d)(?:(?P<year>(?:19|20)\d\d)\s*[年년]\s*)?(?P<month>1[0-2]|0?[1-9])\s*[月월]\s*"
    r"(?P<day>3[01]|[12]\d|0?[1-9])\s*(?:[日号號일])"
)
# A weekday: Chinese "星期日", "周二", "週三", "礼拜五", "下周一" (next week's); Japanese "月曜日";
# Korean "화요일".
CJK_WEEKDAY = re.compile(
    r"(?P<next>下个?|下個?)?(?:星期|礼拜|禮拜|周|週)(?P<zh>[一二三四五六日天])|(?P<ja>[月火水木金土日])曜"
    r"|(?P<ko>[월화수목금토일])요일"
)
_CJK_WEEKDAYS = {
    **{c: k for k, c in enumerate("一二三四五六日")},
    "天": 6,
    **{c: k for k, c in enumerate("月火水木金土日")},
}
_KOREAN_WEEKDAYS = {c: k for k, c in enumerate("월화수목금토일")}
# "Today" and "yesterday" in Chinese ("今日" also names outlets, "今日俄罗斯": left out) and Korean.
CJK_RELATIVE = re.compile(r"(?P<today>今天|오늘)|(?P<yesterday>昨天|昨日|어제)")
# A day of the month without its month, as Chinese, Japanese and Korean news dates the event
# ("21日", "13일(현지시간)"): the latest such day up to publication. Not a count of days
# ("2日間", "3일간"), nor Japan ("日本"), nor a day of a month ``CJK_DAY_MONTH`` reads.
# A day after publication's is a preview's up to a week ahead, else the month before's.
DAY_AHEAD_DAYS = 7
CJK_DAY = re.compile(
    r"(?<![\d月월年년])(?<![月월]\s)(?P<day>3[01]|[12]\d|0?[1-9])\s*[日일](?![間间간本曜요\d])"
)
# Month names in Arabic: the Egyptian and Gulf forms, then the Levantine and Iraqi ones.
_ARABIC_MONTHS = (
    "يناير كانون_الثاني",
    "فبراير شباط",
    "مارس آذار",
    "أبريل ابريل إبريل نيسان",
    "مايو أيار",
    "يونيو يونيه حزيران",
    "يوليو يوليه تموز",
    "أغسطس اغسطس آب",
    "سبتمبر أيلول",
    "أكتوبر اكتوبر تشرين_الأول",
    "نوفمبر تشرين_الثاني",
    "ديسمبر كانون_الأول",
)
ARABIC_MONTHS = {n.replace("_", " "): k for k, names in enumerate(_ARABIC_MONTHS, 1) for n in names.split()}
_ARABIC_MONTH = "|".join(sorted(map(re.escape, ARABIC_MONTHS), key=len, reverse=True))
# "13 يوليو", "13 تموز/يوليو 2025", and the first of a month, always written in words: "الأول من أبريل".
ARABIC_DAY_MONTH = re.compile(
    rf"(?:(?<![\w.,])(?P<day>[0-3]?\d)\s+|(?P<first>الأول|الاول)\s+من\s+)(?P<month>{_ARABIC_MONTH})"
    rf"(?:\s*/\s*(?:{_ARABIC_MONTH}))?(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)"
)
# A weekday after a word for its day, morning or evening: Arabic "يوم الأحد", Persian "روز یکشنبه".
_ARABIC_WEEKDAYS = (
    "الاثنين الإثنين",
    "الثلاثاء",
    "الأربعاء الاربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد الاحد",
)
_PERSIAN_WEEKDAYS = ("دوشنبه", "سه‌شنبه سه_شنبه", "چهارشنبه", "پنجشنبه پنج‌شنبه", "جمعه", "شنبه", "یکشنبه")
SCRIPT_WEEKDAYS = {
    n.replace("_", " "): k
    for table in (_ARABIC_WEEKDAYS, _PERSIAN_WEEKDAYS)
    for k, names in enumerate(table)
    for n in names.split()
}
SCRIPT_WEEKDAY = re.compile(
    r"(?<!\w)(?:يوم|صباح|مساء|ليلة|روز)\s+(?P<weekday>"
    + "|".join(sorted(map(re.escape, SCRIPT_WEEKDAYS), key=len, reverse=True))
    + r")(?!\w)"
)


def find_script_date_refs(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None
) -> list[DateRef]:
    """Return the dates ``text[start:end]`` names in Chinese, Japanese, Korean, Arabic or Persian.

    "2025年7月13日", "7月13日", "星期日", "周二", "昨天", "7월 13일", "13 يوليو", "الأول من أبريل",
    "يوم الأحد", "روز یکشنبه": a day of a month, a weekday or "yesterday", resolved against
    ``published`` as ``find_foreign_date_refs`` resolves the others; and given ``published``, a
    day without its month ("21日", "13일").

    Examples:
        >>> [str(r.value) for r in find_script_date_refs("2025年7月13日,王毅在北京")]
        ['2025-07-13']
    """
    if text.isascii():
        return []  # every pattern here needs a CJK, Arabic or Persian character; skip the translation
    stop = len(text) if end is None else end
    plain = text.translate(_DIGITS)
    found: list[DateRef] = []
    for pattern in (CJK_DAY_MONTH, ARABIC_DAY_MONTH):
        for match in pattern.finditer(plain, start, stop):
            name = match.group("month")
            month = int(name) if name.isdigit() else ARABIC_MONTHS[name]
            day = 1 if match.groupdict().get("first") else int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            value = day_of_month(day, month, year, published)
            if value is not None:
                found.append(DateRef(value, Span(match.start(), match.end()), "month_day"))
    for match in CJK_WEEKDAY.finditer(plain, start, stop):
        weekday = _KOREAN_WEEKDAYS[match["ko"]] if match["ko"] else _CJK_WEEKDAYS[match["zh"] or match["ja"]]
        found.append(_weekday(weekday, match, published, "next" if match["next"] else ""))
    for match in SCRIPT_WEEKDAY.finditer(plain, start, stop):
        found.append(_weekday(SCRIPT_WEEKDAYS[match["weekday"]], match, published))
    if published is not None:
        for match in CJK_DAY.finditer(plain, start, stop):
            value = _day_only(int(match["day"]), published)
            if value is not None:
                found.append(DateRef(value, Span(match.start(), match.end()), "day"))
    for match in CJK_RELATIVE.finditer(plain, start, stop):
        rel = "today" if match["today"] else "yesterday"
        span = Span(match.start(), match.end())
        found.append(DateRef(resolve_relative(rel, published), span, "relative", rel))
    return sorted(found, key=lambda r: r.span.start)


def _day_only(day: int, published: date) -> PartialDate | None:
    """The day of publication's month, or the month before's where the day is later (up to
    ``DAY_AHEAD_DAYS`` later is a preview's)."""
    here = day_of_month(day, published.month, published.year, published)
    if here is None or here.full is None or (here.full - published).days <= DAY_AHEAD_DAYS:
        return here
    before = date(published.year, published.month, 1) - timedelta(days=1)
    return day_of_month(day, before.month, before.year, published)


def _weekday(weekday: int, match: re.Match[str], published: date | None, rel: str = "") -> DateRef:
    """A weekday named at ``match``: the latest such day up to publication, or after it ("next")."""
    span = Span(match.start(), match.end())
    return DateRef(resolve_weekday(weekday, rel, published), span, "weekday", rel or "on")
