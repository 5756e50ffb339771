"""Find the dates a report names in the European languages read (French to Lithuanian) and Turkish.

``date_mentions`` reads English dates; these are read in the lede of a report not written in
English (``facts_lede``) and resolved against publication the same way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from dedupe.evidence.date_mentions import (
    AHEAD_DAYS,
    LEAP_YEAR,
    DateRef,
    PartialDate,
    resolve_relative,
    resolve_weekday,
)
from dedupe.models import Span

# Month and weekday names and the words for "yesterday" and "today" in French, Spanish,
# German, Italian, Portuguese, Russian, Norwegian, Danish, Swedish, Dutch, Polish, Ukrainian,
# Bulgarian, Turkish and Lithuanian (month names as a day before them declines them; none for
# Lithuanian, which writes the month first), read only by ``find_foreign_date_refs``: the
# event profile the event model was fitted on reads English alone.
_FOREIGN_MONTHS = (
    "janvier enero januar jänner gennaio janeiro января januari stycznia січня януари ocak",
    "février febrero februar febbraio fevereiro февраля februari lutego лютого февруари şubat",
    "mars marzo märz março марта marts maart marca березня март mart",
    "avril abril april aprile апреля kwietnia квітня април nisan",
    "mai mayo maggio maio мая maj mei maja травня май mayıs",
    "juin junio juni giugno junho июня czerwca червня юни haziran",
    "juillet julio juli luglio julho июля lipca липня юли temmuz",
    "août agosto august августа augusti augustus sierpnia серпня август ağustos",
    "septembre septiembre setiembre september settembre setembro сентября września вересня септември eylül",
    "octobre octubre oktober ottobre outubro октября października жовтня октомври ekim",
    "novembre noviembre november novembro ноября listopada листопада ноември kasım",
    "décembre diciembre dezember dicembre dezembro декабря desember december grudnia грудня декември aralık",
)
FOREIGN_MONTHS = {name: k for k, names in enumerate(_FOREIGN_MONTHS, 1) for name in names.split()}
# The same cut short with a full stop, as datelines write them ("Torino, 16 mar. (Agenzia) –",
# "7 janv.", "3 dic.", "5 Okt.", "9 апр."): read only with the stop after them.
_ABBREVIATED_MONTHS = (
    "gen janv ene jan янв", "févr fev feb фев", "mar mär мар", "avr abr apr апр", "mag mai may",
    "giu jun juin июн", "lug juil jul июл", "ago aug авг", "set sept sep сент",
    "ott oct out okt окт", "nov нояб", "dic déc dez dec дек",
)  # fmt: skip
ABBREVIATED_MONTHS = {name: k for k, names in enumerate(_ABBREVIATED_MONTHS, 1) for name in names.split()}
# Weekdays as written after "on" ("в среду", "w środę", "у п'ятницю", "trečiadienį"). Bulgarian
# "неделя" (Sunday) is Russian for "week", and Turkish weekdays name markets and prayers: left out.
_FOREIGN_WEEKDAYS = (
    "lundi lunes montag lunedì lunedi segunda-feira понедельник mandag måndag maandag poniedziałek "
    "понеділок понеделник pirmadienį pirmadienis",
    "mardi martes dienstag martedì martedi terça-feira вторник tirsdag tisdag dinsdag wtorek "
    "вівторок antradienį antradienis",
    "mercredi miércoles mittwoch mercoledì mercoledi quarta-feira среду среда onsdag woensdag środę "
    "środa середу середа сряда trečiadienį trečiadienis",
    "jeudi jueves donnerstag giovedì giovedi quinta-feira четверг torsdag donderdag czwartek четвер "
    "четвъртък ketvirtadienį ketvirtadienis",
    "vendredi viernes freitag venerdì venerdi sexta-feira пятницу пятница fredag vrijdag piątek "
    "п'ятницю п'ятниця петък penktadienį penktadienis",
    "samedi sábado samstag sabato субботу суббота lørdag lördag zaterdag sobotę sobota суботу "
    "субота събота šeštadienį šeštadienis",
    "dimanche domingo sonntag domenica воскресенье søndag söndag zondag niedzielę niedziela неділю "
    "неділя sekmadienį sekmadienis",
)
FOREIGN_WEEKDAYS = {name: k for k, names in enumerate(_FOREIGN_WEEKDAYS) for name in names.split()}
# "hier" is French for yesterday but German for here, so it counts only in French text.
FOREIGN_RELATIVE = {"ayer": "yesterday", "gestern": "yesterday", "ieri": "yesterday", "ontem": "yesterday",
                    "вчера": "yesterday", "gisteren": "yesterday", "wczoraj": "yesterday",
                    "вчора": "yesterday", "vakar": "yesterday", "aujourd'hui": "today", "hoy": "today",
                    "heute": "today", "oggi": "today", "hoje": "today", "сегодня": "today",
                    "vandaag": "today", "dzisiaj": "today", "сьогодні": "today", "днес": "today",
                    "šiandien": "today"}  # fmt: skip
# A day and its month in words; not the month of a page stamp before a month ("2023-09 Settembre").
_FOREIGN_DAY_MONTH = re.compile(
    r"(?<![\w.,])(?<!\d\d\d\d-)(?P<day>[0-3]?\d)(?:er|º|°)?\.?[^\S\n]+(?:de[^\S\n]+)?(?P<month>[^\W\d_]+)"
    r"(?:[^\S\n]+(?:de[^\S\n]+)?(?P<year>(?:19|20)\d\d))?"
)
# German joins a weekday to the time of day: "Donnerstagmorgen", "am Freitagabend".
_FOREIGN_WORD = re.compile(
    r"(?<![\w-])(?P<word>aujourd['’]hui|п['’ʼ]ятниц[юя]|[^\W\d_]+(?:-feira)?)(?![\w-])"
)
_GERMAN_WEEKDAYS = frozenset("montag dienstag mittwoch donnerstag freitag samstag sonntag".split())
_DAY_PARTS = ("morgen", "abend", "nachmittag", "vormittag", "mittag", "nacht")


def find_foreign_date_refs(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None, language: str = "und"
) -> list[DateRef]:
    """Return the dates ``text[start:end]`` names in French, Spanish, German, Italian, Portuguese or Russian.

    "13 juillet", "19 de septiembre de 2023", "20. April", "9 апреля", "jeudi",
    "Donnerstagmorgen", "ayer", "сегодня": a day and month, or a weekday or "yesterday"
    resolved against ``published`` as ``find_date_refs`` resolves English ones.

    Examples:
        >>> [str(r.value) for r in find_foreign_date_refs("le 13 juillet 2025 à Pékin")]
        ['2025-07-13']
    """
    stop = len(text) if end is None else end
    found = find_foreign_month_days(text, start, stop, published=published)
    for match in _FOREIGN_WORD.finditer(text, start, stop):
        word = match.group("word").lower().replace("’", "'").replace("ʼ", "'")
        stem = next((word[: -len(p)] for p in _DAY_PARTS if word.endswith(p) and len(word) > len(p)), word)
        span = Span(match.start(), match.end())
        german = stem in _GERMAN_WEEKDAYS
        if stem in FOREIGN_WEEKDAYS and (stem == word or german) and (german or match.group().islower()):
            found.append(
                DateRef(resolve_weekday(FOREIGN_WEEKDAYS[stem], "", published), span, "weekday", "on")
            )
        elif word in FOREIGN_RELATIVE or (word == "hier" and language == "fr"):
            rel = FOREIGN_RELATIVE.get(word, "yesterday")
            found.append(DateRef(resolve_relative(rel, published), span, "relative", rel))
    return sorted(found, key=lambda r: r.span.start)


def find_foreign_month_days(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None
) -> list[DateRef]:
    """The days with their month ``text[start:end]`` names in those languages ("13 juillet",
    "9 апреля"), without weekdays or "yesterday": for readers that want named days only."""
    stop = len(text) if end is None else end
    found: list[DateRef] = []
    for match in _FOREIGN_DAY_MONTH.finditer(text, start, stop):
        word = match.group("month").lower()
        month = FOREIGN_MONTHS.get(word)
        if month is None and text.startswith(".", match.end("month")) and match.group("year") is None:
            month = ABBREVIATED_MONTHS.get(word)
        year = int(match.group("year")) if match.group("year") else None
        value = day_of_month(int(match.group("day")), month, year, published)
        if value is not None:
            found.append(DateRef(value, Span(match.start(), match.end()), "month_day"))
    return found


def day_of_month(day: int, month: int | None, year: int | None, published: date | None) -> PartialDate | None:
    """The date a day and month name, in the year given or else the latest such day up to
    ``AHEAD_DAYS`` after publication; None for no such day ("32 mars")."""
    if month is None or not 1 <= day <= calendar.monthrange(LEAP_YEAR, month)[1]:
        return None
    if year is None and published is not None:
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        if year < published.year and 0 < (date(published.year, month, day) - published).days <= AHEAD_DAYS:
            year = published.year
    return PartialDate(year, month, day)
