"""Find the fixed-date holidays a report names its event's day by, in the languages read.

A report of an event on a holiday often names the day by the holiday alone: "the New
Year's Day earthquake", "am Neujahrstag", "a Capodanno", "le jour de l'An". These hold one
day of the calendar every year; ``facts_lede`` reads them in the lede and resolves the year
against publication as it does "13 juillet". Feasts whose day moves (Easter) or differs by
church (Orthodox Christmas) are left out.
"""

from __future__ import annotations

import re
from datetime import date

from dedupe.evidence.date_mentions import DateRef
from dedupe.evidence.foreign_dates import day_of_month
from dedupe.models import Span

# Each holiday's month and day, then its names in English, German, French, Spanish, Italian,
# Portuguese, Chinese and Japanese. A feast's bare name names a season or a thing as often
# ("Christmas shopping", "Christmas Island", the city of Natal): only its day's name is read.
_HOLIDAYS = (
    (1, 1, "New Year's Day|Neujahrstag|Neujahr|jour de l'An|día de Año Nuevo|Año Nuevo|Capodanno"
     "|dia de Ano Novo|元旦|元日"),
    (12, 24, "Christmas Eve|Heiligabend|Nochebuena"),
    (12, 25, "Christmas Day|Weihnachtstag|jour de Noël|día de Navidad|giorno di Natale"),
    (12, 31, "New Year's Eve|Nochevieja|Saint-Sylvestre"),
)  # fmt: skip
HOLIDAYS = {name.lower(): (month, day) for month, day, names in _HOLIDAYS for name in names.split("|")}
HOLIDAY = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n).replace("'", "['’]") for n in sorted(HOLIDAYS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Words just before a holiday that make it the night or the eve before: "la notte di
# Capodanno", "la veille de Noël", "в канун", "on the eve of Christmas".
EVE_BEFORE = re.compile(
    r"\b(?:eve|night|notte|vigilia|veille|nuit|réveillon|noche|víspera|véspera|nacht|vorabend)"
    r"\s+(?:of|di|de|du|del|da|vor|zu)?\s*(?:the\s+|la\s+|l['’]|el\s+)?$",
    re.IGNORECASE,
)
EVE_CHARS = 25
# Words after a New Year that make it another calendar's, on another day: "Capodanno cinese",
# "Año Nuevo lunar".
OTHER_CALENDAR = re.compile(
    r"\s+(?:cinese|chino|china|chinois|chinesisch\w*|lunar|lunare|lunaire|judío|ebraico|juif|persa|persan"
    r"|islámico|islamico)\b",
    re.IGNORECASE,
)


def find_holiday_refs(
    text: str, start: int = 0, end: int | None = None, *, published: date | None = None
) -> list[DateRef]:
    """Return the fixed-date holidays ``text[start:end]`` names, as the day each falls on.

    Examples:
        >>> [str(r.value) for r in find_holiday_refs("the New Year's Day quake", published=date(2024, 1, 3))]
        ['2024-01-01']
    """
    stop = len(text) if end is None else end
    found = []
    for match in HOLIDAY.finditer(text, start, stop):
        if EVE_BEFORE.search(text, max(start, match.start() - EVE_CHARS), match.start()) or (
            OTHER_CALENDAR.match(text, match.end())
        ):
            continue
        month, day = HOLIDAYS[match.group().lower().replace("’", "'")]
        value = day_of_month(day, month, None, published)
        if value is not None:
            found.append(DateRef(value, Span(match.start(), match.end()), "month_day"))
    return found
