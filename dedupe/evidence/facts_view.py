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
``date_ranking`` puts the event's own day first, ``thing_names`` keeps participants to people.
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
    planned,
    publication_day,
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
from dedupe.evidence.names import same_person
from dedupe.evidence.numbers import MONTH_WORDS
from dedupe.evidence.page_furniture import dateline, is_byline, is_furniture
from dedupe.evidence.thing_names import BEFORE_CHARS, named_as_person
from dedupe.models import Article, Span

# The place a dateline names: its first words before a comma, a bracket, a dash or a colon.
DATELINE_PLACE = re.compile(r"[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,2}")
# "from" before a place (or the list it opens) says where people come from, not where the
# event is: "heads of state from India, Iran, China". Looked for this far back.
ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*,?\s*(?:and\s+)?){0,6}$")
ORIGIN_LOOKBACK_CHARS = 80
# A place written as a short acronym in capitals ("UN", "EU") names a body, not the city of
# that name the gazetteer holds (Un, India); countries so written ("US", "UK") stay.
ACRONYM_MAX_CHARS = 3
# Where a statement was made rather than the event: a news conference, a briefing.
STATEMENT_VENUE = re.compile(
    r"\b(?:news conference|press conference|briefing|told reporters|conférence de presse|rueda de prensa"
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

    def ranked(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        kept = [f for f in facts if not is_byline(text, f.sentence)]
        return tuple(sorted(kept, key=lambda f: is_furniture(text, f)))  # stable: best first within each

    lede = lede_facts(article)
    places = tuple(f for f in ranked(profile.places) if _event_place(text, f))
    if _unnarrated(text, places):  # the lede's, then the dateline's, which may be only where it was filed
        places = (
            *(f for f in lede.places if not is_furniture(text, f) and _event_place(text, f)),
            *places,
            *_dateline_places(article, places),
        )
    dates = _lede_dates_first(article, lede, ranked(profile.dates))
    # "another quake on October 7", "its original date of August 28": another occasion's day is
    # none of the event's. "July 9 through 11" covers three days; "scheduled for Thursday" is
    # the coming Thursday.
    stamp = publication_day(article, dates, text)
    dates = tuple(as_stated(text, f, stamp) for f in dates if not background(text, f) or planned(text, f))
    # "since the summit in Vilnius", "ahead of the meeting in Tianjin", "told a news conference
    # in Tokyo": another occasion's or a statement's place is none of the event's.
    places = tuple(f for f in places if not _elsewhere(text, f))
    # "will hold talks on April 1, the ministry said on Friday": Friday dates the statement;
    # "another quake on October 7" another occasion. Both rank after the event's own.
    # A narrated day or days ("on Tuesday", "July 9 through 11") is the event's sooner than a
    # dateline's or a stamp's, and those sooner than a month or a year ("in May", "this year");
    # a week ("last week") comes last.
    dates = tuple(
        sorted(
            dates,
            key=lambda f: (
                planned(text, f),
                announced(text, f, dates) or background(text, f),
                _no_day(f),
                is_furniture(text, f),
                longer_than_a_day(f),
            ),
        )
    )
    published = publication_day(article, dates, text)
    if published is not None:  # narrated dates far from publication tell the background
        dates = tuple(sorted(dates, key=lambda f: date_rank(text, f, published)))
    return replace(
        profile,
        places=places,
        dates=dates,
        participants=_participants(article, profile, ranked(profile.participants)),
        numbers=tuple(f for f in ranked(profile.numbers) if _event_figure(text, f)),
    )


def _lede_dates_first(article: Article, lede: LedeFacts, dates: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The lede's narrated dates near publication, then the profile's.

    The profile keeps one fact per day, often a page stamp's ("date 2025-04-01") over the
    lede's "met on Tuesday" of the same day, and the stamp ranks last: a later body date
    ("a visit that began Monday") would then stand as the event's. A lede date far from
    publication dates the background. Where neither gives a narrated day (only a month or
    a year: "launched in September"), a day the next sentences write with its month comes
    after them (``later_lede_days``) and ranks before the month.
    """
    text = article.text
    near = publication_day(article, dates, text)
    seen = {f.span for f in dates}
    told = (f for f in lede.dates if f.span not in seen and not is_furniture(text, f))
    dates = (*(f for f in told if near_publication(f, near)), *dates)
    if any(not is_furniture(text, f) and not _no_day(f) for f in dates):
        return dates
    later = (f for f in later_lede_days(article) if f.span not in seen and not is_furniture(text, f))
    return (*dates, *(f for f in later if near_publication(f, near)))


def _dateline_places(article: Article, known: tuple[Fact, ...]) -> list[Fact]:
    """The places the lede's datelines name ("ASTANA –", "New Delhi:", "TOKYO (Reuters) -")."""
    text = article.text
    found = []
    for sentence, _ in lede_sentences(article):
        line_start = text.rfind("\n", 0, sentence.start) + 1
        opening = dateline(text, line_start)
        if opening is None or opening.end() <= sentence.start:
            continue
        name = DATELINE_PLACE.search(text, max(line_start, sentence.start), opening.end())
        place = place_named(name.group().title()) if name else None
        if (
            name is None
            or place is None
            or not place.known
            or any(f.span.start == name.start() for f in known)
        ):
            continue
        span = Span(name.start(), name.end())
        found.append(Fact("place", name.group(), place.name, span, sentence, LEDE_CONFIDENCE, place=place))
    return found


def _participants(article: Article, profile: EventProfile, found: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The profile's participants written as people, and whoever a lede sentence says met them.

    The event profile reads meetings in English ("met with", "talks with"); a lede names the
    other side of its lead's meeting in any language ("tient une réunion avec … Wang Yi",
    "il colloquio fra … Sergei Lavrov e Wang Yi", "talks with China's top diplomat Wang Yi").
    """
    text = article.text
    kept = [f for f in found if named_as_person(text, f.canonical)]
    # "FM Lavrov" beside "Sergey Lavrov": a title's abbreviation before the surname, one person.
    kept = [f for f in kept if not _titled_again(f, kept)]
    if not kept:
        return ()
    lead = kept[0]
    for sentence, tokens in lede_sentences(article):
        if not any(t.text in MEETING_WORDS for t in tokens):
            continue
        inside = [p for p in profile.people if sentence.start <= p.span.start < sentence.end]
        if not any(same_person(p.canonical, lead.canonical) for p in inside):
            continue
        for person in inside:
            if any(same_person(person.canonical, f.canonical) for f in kept) or _spokesperson(text, person):
                continue
            if named_as_person(text, person.canonical):
                kept.append(replace(person, slot="participant", role="met", confidence=LEDE_CONFIDENCE))
    return tuple(kept)


def _titled_again(fact: Fact, others: list[Fact]) -> bool:
    """True for "FM Lavrov" where another participant is "Sergey Lavrov"."""
    words = fact.canonical.split()
    if len(words) != 2 or not words[0].isupper():
        return False
    return any(f is not fact and f.canonical.split()[-1] == words[-1] for f in others)


def _spokesperson(text: str, person: Fact) -> bool:
    """True if the lede names the person as who announced the meeting ("the ministry's spokeswoman X")."""
    return bool(SPOKESPERSON.search(text, max(0, person.span.start - BEFORE_CHARS * 2), person.span.start))


def _elsewhere(text: str, fact: Fact) -> bool:
    """True if the place is another occasion's (``background``) or a statement's: "told a news
    conference in Tokyo", "your recent remarks during a media briefing in Beijing"."""
    return background(text, fact) or bool(STATEMENT_VENUE.search(text, fact.sentence.start, fact.span.start))


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
    if _origin(text, fact) or quoted(text, fact.span.start, fact.sentence.start):
        return False
    acronym = len(fact.value) <= ACRONYM_MAX_CHARS and fact.value.isupper()
    return not (acronym and fact.place is not None and fact.place.kind == "city")


def quoted(text: str, at: int, start: int) -> bool:
    """True if ``at`` stands inside a quotation opened after ``start`` (its sentence's start)."""
    before = text[start:at]
    curly = sum(before.count(c) for c in "“«„") - sum(before.count(c) for c in "”»")
    return curly > 0 or before.count('"') % 2 == 1


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
    """True for a place written as where someone comes from ("leaders from Azerbaijan, Qatar …")."""
    before = text[max(fact.sentence.start, fact.span.start - ORIGIN_LOOKBACK_CHARS) : fact.span.start]
    return bool(ORIGIN_BEFORE.search(before))


# Who announces a meeting rather than taking part: "spokeswoman", "la portavoce", "Sprecherin".
SPOKESPERSON = re.compile(
    r"\b(?:spokes(?:man|woman|person)|porte-parole|portavoce|portavoz|porta-voz|sprecher(?:in)?|"
    r"представитель|официальный представитель)\b",
    re.IGNORECASE,
)
# Words of a meeting, in the languages the lede is read in: "talks with", "réunion avec",
# "colloquio fra", "reunión con", "Treffen mit", "переговоры с".
MEETING_WORDS = frozenset(
    "met meet meets meeting talks talked hosted received welcomed between counterpart avec rencontré "
    "rencontre réunion entretien entretiens homologue con reunió reunión entrevista homólogo colloquio "
    "incontro incontrato fra tra omologo mit traf treffen gespräch amtskollegen com encontro reuniu "
    "homólogo с встреча встретился переговоры переговоров".split()
)
