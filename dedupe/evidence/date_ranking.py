"""Which of a report's dates is its event's: its own day before a statement's or another occasion's.

``facts_view.facts_profile`` ranks the profile's dates with these: a date far from
publication, a statement's day and another occasion's day rank after the event's own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from dedupe.evidence.date_mentions import PartialDate, dates_agree
from dedupe.evidence.events import Fact
from dedupe.evidence.page_furniture import is_furniture, is_stamp
from dedupe.models import Article

# A report's own event falls within a week of its publication, before it or (a preview) after;
# a date it narrates farther off dates background ("launched on September 7" in a landing story).
NEWS_WINDOW_DAYS = 7
# Words before the date first set for an event that was put off.
PLAN_BEFORE = re.compile(
    r"\b(?:original(?:ly)?|initial(?:ly)?|first (?:set|scheduled|planned)|inizialmente|initialement"
    r"|inicialmente|ursprünglich)\b[^.]{0,40}$",
    re.IGNORECASE,
)
# A date's range: "July 9 through 11", "July 3-4", "du 9 au 11" read as its first day.
RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|through|until|till|and|au|al|bis)\s*(\d{1,2})\b(?![.,:]\d)")
MAX_DAY = 31
# Words that put a weekday after publication: "scheduled for Thursday", "will meet on Monday".
FUTURE_BEFORE = re.compile(
    r"\b(?:scheduled|set|due|planned|expected|will|to be held|slated)\b[^.]{0,20}$", re.IGNORECASE
)
DAYS_IN_WEEK = 7
# A reporting verb just before or after a date makes it the day of a statement.
_REPORTING = (
    r"(?:said|says|announced|announces|told|reported|stated|confirmed|declared|added|wrote"
    r"|berichtete|sagte|erklärte|teilte|meldete|a annoncé|a déclaré|a indiqué|a précisé"
    r"|dijo|informó|anunció|declaró|ha detto|ha annunciato|ha riferito|disse|informou|anunciou|zufolge)"
)
STATEMENT_BEFORE = re.compile(rf"\b{_REPORTING}(?:\s+\w+)?\s+(?:on\s+)?$", re.IGNORECASE)
STATEMENT_AFTER = re.compile(rf"\s*,?\s*{_REPORTING}\b", re.IGNORECASE)
STATEMENT_CHARS = 40
# A clock time in universal time right after a date: "mercredi 23h42 GMT", "Tuesday, 22:15 UTC".
OTHER_ZONE_AFTER = re.compile(r",?\s*(?:at\s+|à\s+|a las\s+|um\s+)?\d{1,2}[h:.]\d{2}\s*(?:GMT|UTC)\b")
# Words that put a date on another occasion than the report's own, in the date's clause: an
# earlier one ("On October 7, another quake …", "had struck", "the hardest hit by the February 6
# quake"), a later one ("the planned trip in May"), the plan it replaced ("put back from its
# original date of August 28", "inizialmente previsto per il 26 agosto"), or a count's moment
# ("the toll stood at 65 as of Jan. 3", "the death toll reaching 128 on Sunday"). "Last" is
# not one: "last Saturday" is the latest.
BACKGROUND_CUES = re.compile(
    r"\b(?:another|previous|prior|(?<!said )earlier(?!\s+(?:on|today|this|in))|had(?!\s+to\b)|since|ahead of"
    r"|original|originally|initially|delayed|postponed"
    r"|planned|upcoming|hardest[- ]hit|as of|inizialmente|previsto|prevista|dopo il|dopo la|ursprünglich"
    r"|initialement|inicialmente|précédent|précédente|anterior|vorherigen"
    r"|toll (?:had )?(?:reach|rose|rise|rising|stood|climb)\w*"
    r"|last year|año pasado|l['’]année dernière|(?:letzten|vergangenen) Jahr|anno scorso|прошлом году)\b",
    re.IGNORECASE,
)
# Words just before a date that make it the end of a span, not the event's day: "will last
# until July 9", "bis zum 9. Juli", "jusqu'au 9 juillet", "hasta el 9 de julio", "до 9 июля".
UNTIL_BEFORE = re.compile(
    r"\b(?:until|till|bis(?: zum| zur)?|jusqu'(?:au|à)|jusqu’(?:au|à)|hasta(?: el)?|fino al|до)\s+$",
    re.IGNORECASE,
)
# A disaster's toll raised on a day, in the languages read: that day dates the count, not the
# disaster ("raised the toll to 157 on Saturday", "elevó el sábado a 157 el número de muertos",
# "le bilan s'est alourdi samedi", "Zahl der Toten stieg am Samstag"). Both words stand
# within ``TOLL_CHARS`` of the date in its clause: not across a semicolon or a relative word
# ("the toll rose to 128 after the quake that struck on New Year's Day" dates the quake).
TOLL_NOUN = re.compile(
    r"\b(?:toll|dead|deaths|muertos|fallecidos|víctimas|bilan|morts|tote[nr]?|todesopfer|morti|vittime"
    r"|погибших|жертв\w*)\b",
    re.IGNORECASE,
)
TOLL_RISE = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|raised|raising|elev(?:ó|a|an|aron|ado)|ascendi(?:ó|eron)"
    r"|alourdi|grimpé|stieg|gestiegen|erhöhte?|salito|salita|aumentato|вырос\w*|возрос\w*|увеличил\w*)\b",
    re.IGNORECASE,
)
TOLL_CHARS = 80
TOLL_CLAUSE_BREAK = re.compile(
    r";|\b(?:which|that|who|where|when|che|cui|dove|quando|que|qui|où|donde|cuando|wo|als"
    r"|котор\w+|где|когда)\b",
    re.IGNORECASE,
)
# Who searches after a disaster, in the languages read: a day they search or find dates a
# later step ("Rescuers searched Thursday", "On Monday, rescuers found the recorders"), not the
# disaster the report is about.
RESCUE_CUES = re.compile(
    r"\b(?:rescuers|rescue (?:workers|teams|crews)|searchers|secouristes|sauveteurs|rescatistas"
    r"|socorristas|retter|rettungskräfte|einsatzkräfte|soccorritori|спасатели)\b",
    re.IGNORECASE,
)
# Where a date's clause begins and ends: a comma, a semicolon, a bracket, a relative word.
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:where|which|who|when|while|but|and)\b", re.IGNORECASE)


def planned(text: str, fact: Fact) -> bool:
    """True if the date is the one first set for the event ("its original date of August 28",
    "inizialmente previsto per il 26 agosto"): ``compare_facts`` sets it against the other
    report's first-set date only."""
    if fact.slot != "date":
        return False
    before = text[max(fact.sentence.start, fact.span.start - STATEMENT_CHARS * 2) : fact.span.start]
    return bool(PLAN_BEFORE.search(before))


def as_stated(text: str, fact: Fact, published: PartialDate | None) -> Fact:
    """The date with the days a range after it adds ("July 9 through 11", "July 3-4"), or a
    weekday a future word puts after publication ("scheduled for Thursday")."""
    day = fact.date
    if day is None:
        return fact
    after = RANGE_AFTER.match(text, fact.span.end)
    if after and day.day is not None and day.days == 1 and day.day < int(after.group(1)) <= MAX_DAY:
        return replace(fact, date=replace(day, days=int(after.group(1)) - day.day + 1))
    before = text[max(fact.sentence.start, fact.span.start - STATEMENT_CHARS) : fact.span.start]
    if published is None or day.weekday is None or day.days != 1 or not FUTURE_BEFORE.search(before):
        return fact
    start = published.full
    if start is None or day.full is None or day.full > start:
        return fact
    ahead = start + timedelta(days=(day.weekday - start.weekday()) % DAYS_IN_WEEK or DAYS_IN_WEEK)
    return replace(fact, date=PartialDate(ahead.year, ahead.month, ahead.day, ahead.weekday()))


def near_publication(fact: Fact, published: PartialDate | None) -> bool:
    """True if the date falls within ``NEWS_WINDOW_DAYS`` of publication, or publication is unknown."""
    if published is None or fact.date is None:
        return True
    return dates_agree(fact.date, published, tolerance_days=NEWS_WINDOW_DAYS) is not False


def publication_day(article: Article, dates: tuple[Fact, ...], text: str) -> PartialDate | None:
    """The day the report went up: its metadata, else its page stamp."""
    if article.published is not None:
        day = article.published
        return PartialDate(day.year, day.month, day.day, day.weekday())
    return next((f.date for f in dates if f.date is not None and f.date.full and is_stamp(text, f)), None)


def in_other_zone(text: str, fact: Fact) -> bool:
    """True if a clock time in GMT or UTC follows the date ("(mercredi 23h42 GMT)"): the day a
    local time converts to, not the local day of the event."""
    return bool(OTHER_ZONE_AFTER.match(text, fact.span.end))


def stated(text: str, fact: Fact) -> bool:
    """True if a reporting verb stands just before or after the date ("said Thursday", "a indiqué jeudi")."""
    before = text[max(fact.sentence.start, fact.span.start - STATEMENT_CHARS) : fact.span.start]
    after = text[fact.span.end : min(fact.sentence.end, fact.span.end + STATEMENT_CHARS)]
    return bool(STATEMENT_BEFORE.search(before) or STATEMENT_AFTER.match(after))


def announced(text: str, fact: Fact, dates: tuple[Fact, ...]) -> bool:
    """True if the date is the day someone announced a later event the same sentence dates.

    "Wang will visit Moscow from March 31, the ministry said on Friday": the event is the
    visit. A speech "said on Tuesday, September 19" with no later date is its own event.
    """
    if not stated(text, fact) or fact.date is None:
        return False
    others = (f for f in dates if f.sentence == fact.sentence and f is not fact and not is_furniture(text, f))
    return any(f.date is not None and f.date != fact.date and not background(text, f) for f in others)


def not_its_day(text: str, fact: Fact) -> bool:
    """True if the date is another occasion's (``background``), a span's end ("will last until
    July 9") or the day a toll was raised ("raised the toll to 157 on Saturday")."""
    return background(text, fact) or _span_end(text, fact) or _toll_day(text, fact)


def rescue_day(text: str, fact: Fact) -> bool:
    """True if rescuers are the date's clause's subject (``RESCUE_CUES``): the day of a search."""
    return background(text, fact, RESCUE_CUES)


def _span_end(text: str, fact: Fact) -> bool:
    """True if "until" or its like stands just before the date (``UNTIL_BEFORE``)."""
    start = max(fact.sentence.start, fact.span.start - STATEMENT_CHARS)
    return bool(UNTIL_BEFORE.search(text, start, fact.span.start))


def _toll_day(text: str, fact: Fact) -> bool:
    """True if a toll word and a rise word stand near the date in its clause (``TOLL_NOUN``)."""
    start = max(fact.sentence.start, fact.span.start - TOLL_CHARS)
    start = max([start, *(m.end() for m in TOLL_CLAUSE_BREAK.finditer(text, start, fact.span.start))])
    end = min(fact.sentence.end, fact.span.end + TOLL_CHARS)
    after = TOLL_CLAUSE_BREAK.search(text, fact.span.end, end)
    end = after.start() if after else end
    return bool(TOLL_NOUN.search(text, start, end) and TOLL_RISE.search(text, start, end))


def longer_than_a_day(fact: Fact) -> bool:
    return fact.date is not None and (
        fact.date.days > 1 or (fact.date.day is None and fact.date.weekday is None)
    )


def background(
    text: str, fact: Fact, cues: re.Pattern[str] = BACKGROUND_CUES, *, whole_clause: bool = False
) -> bool:
    """True if the date's clause puts it on another occasion (``BACKGROUND_CUES``): "the
    original date of August 28", "the hardest hit by a February 6 quake", "stood at 65 as of
    Jan. 3"; or, where the date opens its clause, what follows: "On October 7, another quake …"."""
    start, end = fact.sentence.start, fact.sentence.end
    if STATEMENT_BEFORE.search(text, max(start, fact.span.start - STATEMENT_CHARS), fact.span.start):
        return False  # "said earlier on Saturday": a statement's day, which ``announced`` ranks
    breaks = list(CLAUSE_BREAK.finditer(text, start, fact.span.start))
    before = text[breaks[-1].end() if breaks else start : fact.span.start]
    if cues.search(before):
        return True
    if any(w.lower() not in _DATE_PREPOSITIONS for w in before.split()):
        return False  # the date does not open its clause: "The Jan. 1 quake …" dates the quake
    first = CLAUSE_BREAK.search(text, fact.span.end, end)
    stop = first.start() if first else end
    if first is not None and first.group() == ",":
        second = CLAUSE_BREAK.search(text, first.end(), end)
        stop = second.start() if second else end
    return bool(cues.search(text, fact.span.end, stop))


def date_rank(text: str, fact: Fact, published: PartialDate) -> int:
    """0 for a narrated date near publication, 1 for furniture, 2 for a narrated date far from it
    or one of another occasion (``background``)."""
    if is_furniture(text, fact) or longer_than_a_day(fact):  # "last week" no surer than a page stamp
        return 1
    near = fact.date is not None and dates_agree(fact.date, published, tolerance_days=NEWS_WINDOW_DAYS)
    return 0 if near and not not_its_day(text, fact) else 2


# Prepositions that may open a clause before its date: "On October 7, …", "Le 7 octobre, …".
_DATE_PREPOSITIONS = frozenset("on in at by am im le el il em no".split())
