"""The facts a report states about its own event: the event profile less what narrates another.

``dedupe.evidence.events`` profiles the reported event for telling events apart (the event
model reads it, so it stays as fitted). Comparing two reports' facts asks more: a value is
the event's only where the report narrates the event itself, so this view drops from that
profile what page furniture states:

- photo captions ("… in Geneva, Tuesday, May 7, 2024. (Photo/…)"): they describe
  a picture, often of an earlier occasion, and carry the picture's place and date;
- bylines and credits ("By Jane Roe", "Reporting by …"): the people named wrote the story;
- datelines ("MOSCOW (AP) —", "WASHINGTON, July 11. /TASS/."): where and when the story
  was filed, which is not always where and when the event happened;
- publication stamps ("date 2024-04-07", "08:41 JST, February 9, 2024 (updated …)"): when
  the page went up; a preview published the day before names its event's own date.

Such furniture (``page_furniture``) may stand in where the narration gives no place or
date, but ranks after every narrated fact and never by itself contradicts another report;
``date_ranking`` puts the event's own day first, ``facts_people`` keeps participants to people.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dedupe.evidence.date_ranking import (
    BACKGROUND_CUES,
    CLAUSE_BREAK,
    announced,
    as_stated,
    background,
    date_rank,
    longer_than_a_day,
    near_publication,
    not_its_day,
    planned,
    publication_day,
    rescue_day,
)
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.facts_lede import (
    LEDE_CONFIDENCE,
    LedeFacts,
    later_lede_days,
    lede_facts,
    lede_sentences,
    place_named,
)
from dedupe.evidence.facts_people import participants_view, people_view, quoted
from dedupe.evidence.later_places import later_lede_places, later_weekday
from dedupe.evidence.numbers import MONTH_WORDS
from dedupe.evidence.page_furniture import dateline, is_byline, is_furniture
from dedupe.evidence.place_cues import PLACE_DATE_STAMP, dated_earlier, launched_before
from dedupe.evidence.venues import launch_site, venue_named
from dedupe.models import Article, Span

# The place a dateline names: its first words before a comma, a bracket, a dash or a colon.
# A hyphen only joins words ("Novo-Ogaryovo"); a dash after the name ends it ("KANAZAWA--").
DATELINE_PLACE = re.compile(r"[A-ZÀ-Ý][\w.'’]*(?:-[\w'’]+)*(?:\s+[A-ZÀ-Ý][\w.'’]*(?:-[\w'’]+)*){0,2}")
# "from" before a place (or the list it opens) says where people come from, not where the
# event is: "heads of state from India, Iran, China", "from the Turkish province of Hatay".
ORIGIN_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)?(?:(?:city|town|village|province|region|district)\s+of\s+)?"
    r"(?:[A-Z][\w'’.-]*\s*,?\s*(?:and\s+)?){0,6}$"
)
# Looked for this far back.
ORIGIN_LOOKBACK_CHARS = 80
# A place written as a short acronym in capitals ("UN", "EU") names a body, not the city of
# that name the gazetteer holds (Un, India); countries so written ("US", "UK") stay.
ACRONYM_MAX_CHARS = 3
# Where a statement was made rather than the event: a news conference, a briefing, reporters
# ("told reporters in Tokyo", "speaks with reporters in Tokyo").
STATEMENT_VENUE = re.compile(
    r"\b(?:news conference|press conference|briefing|reporters|conférence de presse|rueda de prensa"
    r"|conferencia de prensa|pressekonferenz|conferenza stampa)\b[^.]{0,30}$",
    re.IGNORECASE,
)
# A figure's clause that gives it another moment: the cues above and "last week", "days ago",
# "days after": "the valley where over 1,000 villagers were killed last week".
FIGURE_CUES = re.compile(
    BACKGROUND_CUES.pattern
    + r"|\b(?:last (?:week|month|year)|(?:days|weeks|months|years) (?:ago|after|before))\b",
    re.IGNORECASE,
)
# The same said after a figure, in its clause and this near: "1,000 people were killed last week".
FIGURE_AFTER = re.compile(
    r"\b(?:last (?:week|month|year)|(?:days|weeks|months|years) ago|previous|earlier)\b"
)
FIGURE_AFTER_CHARS = 40
# Words a figure's "unit" may be that count nothing: articles and relative words of the
# languages read ("die", "les", "che"), and verbs of a quake's magnitude ("7.6 hit").
NOT_COUNTED = frozenset(
    "die der das den dem les la le des el los las il lo che et und hit struck shook rocked jolted".split()
)


def facts_profile(article: Article, *, profile: EventProfile | None = None) -> EventProfile:
    """Return the facts of the event ``article`` narrates, as ``compare_facts`` compares them.

    A caption's facts come after every narrated one in their slot: a caption often shows
    the event itself, so its place or date stands in where the text gives none. Bylines
    name no participant.

    Args:
        article: the report.
        profile: its event profile (``event_profile``), if already computed.
    """
    profile = profile if profile is not None else event_profile(article)
    text = article.text
    people = people_view(text, profile.people)
    return replace(
        event_place_date(article, profile),
        people=people,
        participants=participants_view(
            article, replace(profile, people=people), _ranked(text, profile.participants)
        ),
        numbers=tuple(f for f in _ranked(text, profile.numbers) if _event_figure(text, f)),
    )


def event_place_date(article: Article, profile: EventProfile) -> EventProfile:
    """Return ``profile`` with the places and dates ``facts_profile`` gives, the rest untouched
    (``facts_profile`` adds the participants and figures)."""
    text = article.text

    def ranked(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        return _ranked(text, facts)

    lede = lede_facts(article)
    published = publication_day(article, profile.dates, text)
    year = published.year if published is not None else None
    # Another occasion's place ("ahead of the meeting in Tianjin") leaves the slot to the lede's.
    places = tuple(
        _resolved(f)
        for f in ranked(profile.places)
        if _event_place(text, f) and not _elsewhere(text, f, year)
    )
    if _unnarrated(text, places):  # the lede's, then the dateline's, which may be only where it was filed
        places = (
            *(f for f in lede.places if not is_furniture(text, f) and _event_place(text, f)),
            *places,
            *_dateline_places(article, places),
        )
    if _unnarrated(text, places):  # a place the next sentences locate ("… said in Atlanta")
        later = (f for f in later_lede_places(article) if not is_furniture(text, f) and _event_place(text, f))
        places = (*(f for f in later if not _elsewhere(text, f, year)), *places)
    dates = _lede_dates_first(article, lede, ranked(profile.dates))
    # "another quake on October 7", "its original date of August 28": another occasion's day is
    # none of the event's, nor the day rescuers search ("Rescuers searched Thursday"). "July 9
    # through 11" covers three days; "scheduled for Thursday" is the coming Thursday.
    stamp = publication_day(article, dates, text)
    dates = tuple(
        as_stated(text, f, stamp)
        for f in dates
        if not (background(text, f) or rescue_day(text, f)) or planned(text, f)
    )
    # "since the summit in Vilnius", "ahead of the meeting in Tianjin", "told a news conference
    # in Tokyo": another occasion's or a statement's place is none of the event's.
    places = tuple(f for f in places if not _elsewhere(text, f, year))
    # "will hold talks on April 1, the ministry said on Friday": Friday dates the statement;
    # "another quake on October 7" another occasion, "will last until July 9" a span's end,
    # "raised the toll to 157 on Saturday" a count. All rank after the event's own.
    # A narrated day or days ("on Tuesday", "July 9 through 11") is the event's sooner than a
    # dateline's or a stamp's, and those sooner than a month or a year ("in May", "this year");
    # a week ("last week") comes last.
    dates = tuple(
        sorted(
            dates,
            key=lambda f: (
                planned(text, f),
                announced(text, f, dates) or not_its_day(text, f),
                _no_day(f),
                is_furniture(text, f),
                longer_than_a_day(f),
            ),
        )
    )
    published = publication_day(article, dates, text)
    if published is not None:  # narrated dates far from publication tell the background
        dates = tuple(sorted(dates, key=lambda f: date_rank(text, f, published)))
    return replace(profile, places=places, dates=dates)


def _ranked(text: str, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Drop bylines' facts and put furniture's after the narrated ones (stable: best first within each)."""
    kept = [f for f in facts if not is_byline(text, f.sentence)]
    return tuple(sorted(kept, key=lambda f: is_furniture(text, f)))


def _lede_dates_first(article: Article, lede: LedeFacts, dates: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The lede's narrated dates near publication, then the profile's.

    The profile keeps one fact per day, often a page stamp's ("date 2025-04-01") over the
    lede's "met on Tuesday" of the same day, and the stamp ranks last: a later body date
    ("a visit that began Monday") would then stand as the event's. A lede date far from
    publication dates the background. Where neither gives a narrated day (only a month or
    a year: "launched in September"), a day the next sentences write with its month comes
    after them (``later_lede_days``) and ranks before the month. Where nothing at all dates
    the report, the first weekday or "today" those sentences narrate stands in (not one a
    statement dates, "said Thursday", nor a day in GMT), else the lede's own stamp near
    publication ("19 июня 2024 / 14:29").
    """
    text = article.text
    near = publication_day(article, dates, text)
    seen = {f.span for f in dates}
    told = (f for f in lede.dates if f.span not in seen and not is_furniture(text, f))
    dates = (*(f for f in told if near_publication(f, near)), *dates)
    if any(not is_furniture(text, f) and not _no_day(f) for f in dates):
        return dates
    later = (f for f in later_lede_days(article) if f.span not in seen and not is_furniture(text, f))
    dates = (*dates, *(f for f in later if near_publication(f, near)))
    if dates:
        return dates
    return later_weekday(article, near) or tuple(
        f for f in lede.dates if f.date is not None and f.date.full and near_publication(f, near)
    )


def _dateline_places(article: Article, known: tuple[Fact, ...]) -> list[Fact]:
    """The places the lede's datelines name ("ASTANA –", "New Delhi:", "TOKYO (Reuters) -"), and
    those of a place and date heading a transcript ("(Moscow, April 1, 2025)")."""
    text = article.text
    names: list[tuple[re.Match[str], Span]] = []
    lede_end = 0
    for sentence, _ in lede_sentences(article):
        lede_end = sentence.end
        line_start = text.rfind("\n", 0, sentence.start) + 1
        opening = dateline(text, line_start)
        if opening is None or text[opening.end() : sentence.start].strip():
            continue  # no dateline, or one of another sentence on the line
        # A dateline the sentence splitter cut off ("ASTANA, Kazakhstan, July 4. The …") is read whole.
        start = max(opening.start(), sentence.start) if sentence.start < opening.end() else opening.start()
        name = DATELINE_PLACE.search(text, start, opening.end())
        if name is not None:
            names.append((name, sentence))
    for stamp in PLACE_DATE_STAMP.finditer(text, 0, lede_end):
        line_end = text.find("\n", stamp.end())
        names.append(
            (stamp, Span(text.rfind("\n", 0, stamp.start()) + 1, line_end if line_end >= 0 else len(text)))
        )
    found: list[Fact] = []
    for name, sentence in names:
        group = 1 if name.re is PLACE_DATE_STAMP else 0
        place = place_named(name.group(group).title()) or venue_named(name.group(group).title())
        if (
            place is None
            or not place.known
            or any(f.span.start == name.start(group) for f in (*known, *found))
        ):
            continue
        span = Span(name.start(group), name.end(group))
        found.append(
            Fact("place", name.group(group), place.name, span, sentence, LEDE_CONFIDENCE, place=place)
        )
    return found


def _resolved(fact: Fact) -> Fact:
    """The place with its country where the profile found only an unknown region: "Ishikawa
    Prefecture", "Sagaing Region" are areas named for their capitals (``place_named``)."""
    if fact.place is None or fact.place.known:
        return fact
    place = place_named(fact.value)
    return replace(fact, place=place) if place is not None and place.known else fact


def _elsewhere(text: str, fact: Fact, year: int | None) -> bool:
    """True if the place is another occasion's (``background``, or one an earlier year dates:
    "signed in Prague in 2010") or a statement's: "told a news conference in Tokyo", "your
    recent remarks during a media briefing in Beijing"."""
    return (
        background(text, fact)
        or dated_earlier(text, fact.span.end, year)
        or bool(STATEMENT_VENUE.search(text, fact.sentence.start, fact.span.start))
    )


def _no_day(fact: Fact) -> bool:
    """True for a month, a season or a year ("in May", "this year"): vaguer than a page stamp."""
    return fact.date is not None and fact.date.day is None and fact.date.weekday is None


def _unnarrated(text: str, facts: tuple[Fact, ...]) -> bool:
    """True if only page furniture states the slot, or nothing does."""
    return all(is_furniture(text, f) for f in facts)


def _day_of_month(fact: Fact) -> bool:
    """True for a figure that is the day of a date ("9 апреля"): a date, not a count."""
    return fact.quantity is not None and fact.quantity.unit in MONTH_WORDS


def _event_place(text: str, fact: Fact) -> bool:
    """False for a place the report does not narrate as its event's: where people come from,
    a place in a quotation ("«Those children in Russia …»"), a city an acronym looks like ("UN")."""
    if _origin(text, fact) and not launch_site(fact.value):  # "lifted off from Kennedy Space Center"
        return False
    if quoted(text, fact.span.start, fact.sentence.start):
        return False
    acronym = len(fact.value) <= ACRONYM_MAX_CHARS and fact.value.isupper()
    place = fact.place
    # "UN" as the gazetteer's town Un, not as the venue (``venues``) standing for New York
    return not (
        acronym
        and place is not None
        and place.kind == "city"
        and place.name.casefold() == fact.value.casefold()
    )


def _event_figure(text: str, fact: Fact) -> bool:
    """False for a figure that counts nothing of the event: a day of a month ("9 апреля"), a
    number whose "unit" is an article or a verb ("7,6 die Stärke", "2008, les", "7.6 hit"), or a
    figure its clause gives another occasion ("more than 1,000 were killed last week")."""
    if _day_of_month(fact) or fact.quantity is None:
        return False
    words = fact.value.lower().split()
    if words and words[-1] in NOT_COUNTED and fact.quantity.unit not in ("dead", "injured", "%"):
        return False
    if words and words[-1] in NOT_COUNTED and len(words) > 1 and not _counted_before(text, fact):
        return False  # "7,6 die": a German article the toll words read as "die"
    if background(text, fact, FIGURE_CUES):
        return False
    clause_end = CLAUSE_BREAK.search(text, fact.span.end, fact.sentence.end)
    stop = min(clause_end.start() if clause_end else fact.sentence.end, fact.span.end + FIGURE_AFTER_CHARS)
    return not FIGURE_AFTER.search(text, fact.span.end, stop)  # "… were killed last week"


def _counted_before(text: str, fact: Fact) -> bool:
    """True if a casualty word stands just before the figure ("Tote: 7", "muertos, 12")."""
    return bool(re.search(r"(?:killed|dead|deaths|toll|tote|morts|muertos|morti)\W{0,3}$",
                          text[max(0, fact.span.start - 20) : fact.span.start], re.IGNORECASE))  # fmt: skip


def _origin(text: str, fact: Fact) -> bool:
    """True for a place written as where someone comes from ("leaders from Azerbaijan, Qatar …"),
    not where a rocket leaves from ("launched from Kourou")."""
    start = max(fact.sentence.start, fact.span.start - ORIGIN_LOOKBACK_CHARS)
    origin = ORIGIN_BEFORE.search(text[start : fact.span.start])
    return origin is not None and not launched_before(text, start + origin.start())  # "lifted off from"
