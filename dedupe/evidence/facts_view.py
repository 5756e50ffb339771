"""The facts a report states about its own event: the event profile less what narrates another.

``dedupe.evidence.events`` profiles the reported event for telling events apart (the event
model reads it, so it stays as fitted). Comparing two reports' facts asks more: a value is
the event's only where the report narrates the event itself, so this view drops from that
profile what page furniture states:

- photo captions ("… in New York, Monday, Sept. 18, 2023. (AP Photo/…)"): they describe
  a picture, often of an earlier occasion, and carry the picture's place and date;
- bylines and credits ("By Jane Roe", "Reporting by …"): the people named wrote the story;
- datelines ("MOSCOW (AP) —", "WASHINGTON, July 11. /TASS/."): where and when the story
  was filed, which is not always where and when the event happened;
- publication stamps ("date 2024-04-07", "16:03 JST, January 3, 2024 (updated …)"): when
  the page went up; a preview published the day before names its event's own date.

Such furniture may stand in where the narration gives no place or date, but ranks after
every narrated fact and never by itself contradicts another report (``is_furniture``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from dedupe.evidence.date_mentions import WEEKDAYS, PartialDate, dates_agree
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.facts_lede import LEDE_CONFIDENCE, LOCATIVES, lede_facts, lede_sentences, place_named
from dedupe.evidence.names import same_person
from dedupe.evidence.numbers import MONTH_WORDS
from dedupe.evidence.places import lookup_exonym, lookup_place
from dedupe.models import Article, Span
from dedupe.text.dates import MONTHS

# A photo credit in a caption: "(AP Photo/…)", "REUTERS/Name", "(Xinhua/…)", "(Photo/Chinese
# Foreign Ministry)", "Photo: MFA", "in this photo taken by Kyodo".
PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w .-]{0,30}[ /])?(?:Photo|Picture|Foto)s?\b[^)]{0,80}\)"
    r"|\b(?:AP|AFP|Reuters|Xinhua|EPA|Getty|Kyodo|Anadolu|Sputnik|TASS) Photo"
    r"|\b(?:Photo|Picture|Image|Foto|File photo|Pool photo)s?\s*:"
    r"|\bin (?:this|a|the) (?:file |pool )?(?:photo|picture|image)\b"
    r"|\bphoto(?:graph)? (?:taken|distributed|released|provided)\b",
    re.IGNORECASE,
)
# The same written by an agency's own style, case and all: "REUTERS/Shannon Stapleton", "(Xinhua/Li Xueren)".
AGENCY_CREDIT = re.compile(r"\b(?:[A-Z]{3,}|Xinhua|Reuters|Getty Images)/[A-Z][a-z]+\b")
# What may follow a caption on its line: a credit ("- AP", "(AP Photo/…)", "REUTERS/…").
CREDIT_AFTER = re.compile(
    r"[-–—(]?\s*(?:AP|AFP|Reuters|REUTERS|Xinhua|EPA|Getty Images|Kyodo|Photo|Picture|Foto)\b"
)
# How far after a sentence its caption's credit may stand ("… 2023. (AP Photo/…)").
CREDIT_AFTER_CHARS = 60
# A dateline: a place in capitals (or any name before an agency's mark or a dash), maybe a
# date, maybe the agency, then a dash, colon or full stop: "MOSCOW (AP) —", "KANAZAWA--",
# "WASHINGTON, July 11. /TASS/.", "BEIJING, June 19 (Xinhua) --", "Pékin (AFP) -", and a
# capitalised name of up to three words before a colon: "New Delhi:" (not a title "Séisme en Birmanie :").
DATELINE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}|[A-ZÀ-Ý][\w .'’-]{1,30}?(?=\s*(?:\(|[-–—]\s))"
    r"|[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){0,2}(?=\s?:\s))"
    r"(?:,\s*[A-Z][\w .]{1,30}?)?"
    r"(?:,\s*(?:[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zéû]+)\.?)?"
    r"\s*(?:\([A-Z][\w .-]{1,25}\)|/\s*[A-Z]{3,}\s*/)?"
    r"\s*(?:--|[-–—:.])\s?"
)
# A page's stamp before the dateline on its line: "date 2024-07-04 ASTANA –".
STAMP_PREFIX = re.compile(
    r"\s*(?:date|dated|published|updated)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?\s+", re.IGNORECASE
)
# The place a dateline names: its first words before a comma, a bracket, a dash or a colon.
DATELINE_PLACE = re.compile(r"[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,2}")
# What may stand before a publication stamp on its line: a stamp word, a clock time.
STAMP_BEFORE = re.compile(
    r"[\W\d]*(?:(?:date|dated|published|updated|posted|last updated|publicado|publié le|publié"
    r"|veröffentlicht|pubblicato|发布时间)\s*[:|,/•-]?\s*(?:on\s+)?)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?|JST|GMT|UTC|IST|CET|ET|MSK)?\s*[,|/•-]?\s*)?",
    re.IGNORECASE,
)
# A report's own event falls within a week of its publication, before it or (a preview) after;
# a date it narrates farther off dates background ("launched on September 7" in a landing story).
NEWS_WINDOW_DAYS = 7
# "from" before a place (or the list it opens) says where people come from, not where the
# event is: "heads of state from India, Iran, China". Looked for this far back.
ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*,?\s*(?:and\s+)?){0,6}$")
ORIGIN_LOOKBACK_CHARS = 80
# A place written as a short acronym in capitals ("UN", "EU") names a body, not the city of
# that name the gazetteer holds (Un, India); countries so written ("US", "UK") stay.
ACRONYM_MAX_CHARS = 3
# Where a page runs caption and story together, the story resumes after the credit with a
# dateline or a new sentence: "REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched".
STORY_RESUMES = re.compile(r"[.!?)]\s+[A-Z]|\b[A-Z]{3,}[ ,]")
# Where a statement was made rather than the event: a news conference, a briefing.
STATEMENT_VENUE = re.compile(
    r"\b(?:news conference|press conference|briefing|told reporters|conférence de presse|rueda de prensa"
    r"|conferencia de prensa|pressekonferenz|conferenza stampa)\b[^.]{0,30}$",
    re.IGNORECASE,
)
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
    r"|dijo|informó|anunció|declaró|ha detto|ha annunciato|ha riferito|disse|informou|anunciou)"
)
STATEMENT_BEFORE = re.compile(rf"\b{_REPORTING}(?:\s+\w+)?\s+(?:on\s+)?$", re.IGNORECASE)
STATEMENT_AFTER = re.compile(rf"\s*,?\s*{_REPORTING}\b", re.IGNORECASE)
STATEMENT_CHARS = 40
# Words that put a date on another occasion than the report's own, in the date's clause: an
# earlier one ("On October 7, another quake …", "had struck", "the hardest hit by the February 6
# quake"), a later one ("the planned trip in May"), the plan it replaced ("delayed from its
# original date of August 28", "inizialmente previsto per il 26 agosto"), or a count's moment
# ("the toll stood at 65 as of Jan. 3", "the death toll reaching 128 on Sunday"). "Last" is
# not one: "last Saturday" is the latest.
BACKGROUND_CUES = re.compile(
    r"\b(?:another|previous|prior|(?<!said )earlier(?!\s+(?:on|today|this|in))|had(?!\s+to\b)|since|ahead of"
    r"|original|originally|initially|delayed|postponed"
    r"|planned|upcoming|hardest[- ]hit|as of|inizialmente|previsto|prevista|dopo il|dopo la|ursprünglich"
    r"|initialement|inicialmente|précédent|précédente|anterior|vorherigen"
    r"|toll (?:had )?(?:reach|rose|rise|rising|stood|climb)\w*)\b",
    re.IGNORECASE,
)
# A figure's clause that gives it another moment: the cues above and "last week", "days ago",
# "days after": "the same region where more than 1,000 people were killed last week".
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
# Where a date's clause begins and ends: a comma, a semicolon, a bracket, a relative word.
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:where|which|who|when|while|but|and)\b", re.IGNORECASE)
# A byline or credit line: whoever is named there wrote, edited or photographed the story.
BYLINE = re.compile(
    r"^\W*(?:by|par|por|von|di|de)\s+[A-Z]"
    r"|\b(?:reporting|writing|editing|additional reporting|compiled|translated|photos?) by\b",
    re.IGNORECASE,
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

    dates = ranked(profile.dates)
    places = tuple(f for f in ranked(profile.places) if _event_place(text, f))
    if _unnarrated(text, places) or _unnarrated(text, dates):  # the lede says what the profile missed
        lede = lede_facts(article)
        if _unnarrated(text, places):  # then the dateline's, which may be only where the story was filed
            places = (
                *(f for f in lede.places if not is_furniture(text, f) and _event_place(text, f)),
                *places,
                *_dateline_places(article, places),
            )
        if _unnarrated(text, dates):  # a lede date far from publication dates the background
            near = _published(article, dates, text)
            dates = (*(f for f in lede.dates if not is_furniture(text, f) and _near(f, near)), *dates)
    # "another quake on October 7", "its original date of August 28": another occasion's day is
    # none of the event's. "July 9 through 11" covers three days; "scheduled for Thursday" is
    # the coming Thursday.
    stamp = _published(article, dates, text)
    dates = tuple(_as_stated(text, f, stamp) for f in dates if not background(text, f) or planned(text, f))
    # "since the summit in Vilnius", "ahead of the meeting in Tianjin", "told a news conference
    # in Tokyo": another occasion's or a statement's place is none of the event's.
    places = tuple(f for f in places if not _elsewhere(text, f))
    # "will hold talks on April 1, the ministry said on Friday": Friday dates the statement;
    # "another quake on October 7" another occasion. Both rank after the event's own.
    # A day is the event's sooner than a week or a month ("last week", "in May").
    dates = tuple(
        sorted(
            dates,
            key=lambda f: (
                planned(text, f),
                announced(text, f, dates) or background(text, f),
                _longer_than_a_day(f),
            ),
        )
    )
    published = _published(article, dates, text)
    if published is not None:  # narrated dates far from publication tell the background
        dates = tuple(sorted(dates, key=lambda f: _date_rank(text, f, published)))
    return replace(
        profile,
        places=places,
        dates=dates,
        participants=_participants(article, profile, ranked(profile.participants)),
        numbers=tuple(f for f in ranked(profile.numbers) if _event_figure(text, f)),
    )


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
    "il colloquio fra … Sergei Lavrov e Wang Yi", "talks with Foreign Minister of China Wang Yi").
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
    return bool(SPOKESPERSON.search(text, max(0, person.span.start - _BEFORE_CHARS * 2), person.span.start))


def planned(text: str, fact: Fact) -> bool:
    """True if the date is the one first set for the event ("its original date of August 28",
    "inizialmente previsto per il 26 agosto"): ``compare_facts`` sets it against the other
    report's first-set date only."""
    if fact.slot != "date":
        return False
    before = text[max(fact.sentence.start, fact.span.start - STATEMENT_CHARS * 2) : fact.span.start]
    return bool(PLAN_BEFORE.search(before))


def _elsewhere(text: str, fact: Fact) -> bool:
    """True if the place is another occasion's (``background``) or a statement's: "told a news
    conference in Tokyo", "your recent remarks during a media briefing in Beijing"."""
    return background(text, fact) or bool(STATEMENT_VENUE.search(text, fact.sentence.start, fact.span.start))


def _as_stated(text: str, fact: Fact, published: PartialDate | None) -> Fact:
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


def _near(fact: Fact, published: PartialDate | None) -> bool:
    """True if the date falls within ``NEWS_WINDOW_DAYS`` of publication, or publication is unknown."""
    if published is None or fact.date is None:
        return True
    return dates_agree(fact.date, published, tolerance_days=NEWS_WINDOW_DAYS) is not False


def named_as_person(text: str, name: str) -> bool:
    """False if the text writes ``name`` as news writes a thing or a place, not a person.

    A lede's grammatical subject looks like a participant whatever it is; news writes a
    person's name bare ("Elon Musk's company", "said Wang Yi") but a thing's or a place's
    after an article or a locative ("the Smart Lander", "la Unión Africana", "Das
    Starship-Raumschiff", "in Andhra Pradesh", "en Nueva Delhi"), with its acronym after it
    ("Smart Lander for Investigating Moon (SLIM)"), in quotation marks (a title), with a
    capital inside a word ("SpaceX Starship"), or as a place the gazetteer knows.
    """
    words = name.split()
    if not words or words[0].lower() in _ARTICLES:
        return False
    if any(_BRAND.search(w) for w in words) or _is_place(name):  # "SpaceX", "Nueva Delhi", "Беларусь"
        return False
    if any(w.lower() in THING_WORDS for w in words):  # "Andhra Pradesh", "Astana Declaration"
        return False
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    if not mentions:
        return True
    if all(_ACRONYM_BEFORE.search(text, max(0, m.start() - _BEFORE_CHARS), m.start()) for m in mentions):
        return False  # "SLIM (Smart Lander for Investigating Moon)": what an acronym stands for
    if all(text[max(0, m.start() - 1) : m.start()] in _OPENING_QUOTES for m in mentions):
        return False  # a title: "“Strengthening Multilateral Dialogue …”"
    if any(_ACRONYM_AFTER.match(text, m.end()) for m in mentions):
        return False
    return not all(
        _last_word(text[max(0, m.start() - _BEFORE_CHARS) : m.start()]).lower() in _ARTICLES | LOCATIVES
        for m in mentions
    )


def _is_place(name: str) -> bool:
    place = lookup_place(name, located=True) or lookup_exonym(name)
    return place is not None and place.known


def _last_word(text: str) -> str:
    m = re.search(r"([^\W\d_][\w'’]*)['’]?\s*$", text)
    return m.group(1) if m else ""


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


def _published(article: Article, dates: tuple[Fact, ...], text: str) -> PartialDate | None:
    """The day the report went up: its metadata, else its page stamp."""
    if article.published is not None:
        day = article.published
        return PartialDate(day.year, day.month, day.day, day.weekday())
    return next((f.date for f in dates if f.date is not None and f.date.full and is_stamp(text, f)), None)


def announced(text: str, fact: Fact, dates: tuple[Fact, ...]) -> bool:
    """True if the date is the day someone announced a later event the same sentence dates.

    "Wang will visit Moscow from March 31, the ministry said on Friday": the event is the
    visit. A speech "said on Tuesday, September 19" with no later date is its own event.
    """
    before = text[max(fact.sentence.start, fact.span.start - STATEMENT_CHARS) : fact.span.start]
    after = text[fact.span.end : min(fact.sentence.end, fact.span.end + STATEMENT_CHARS)]
    if not (STATEMENT_BEFORE.search(before) or STATEMENT_AFTER.match(after)) or fact.date is None:
        return False
    others = (f for f in dates if f.sentence == fact.sentence and f is not fact and not is_furniture(text, f))
    return any(f.date is not None and f.date != fact.date and not background(text, f) for f in others)


def _longer_than_a_day(fact: Fact) -> bool:
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


def _date_rank(text: str, fact: Fact, published: PartialDate) -> int:
    """0 for a narrated date near publication, 1 for furniture, 2 for a narrated date far from it
    or one of another occasion (``background``)."""
    if is_furniture(text, fact) or _longer_than_a_day(fact):  # "last week" no surer than a page stamp
        return 1
    near = fact.date is not None and dates_agree(fact.date, published, tolerance_days=NEWS_WINDOW_DAYS)
    return 0 if near and not background(text, fact) else 2


def is_furniture(text: str, fact: Fact) -> bool:
    """True if the fact is stated only by page furniture (a caption or a byline), not narrated."""
    return (
        in_caption(text, fact)
        or is_byline(text, fact.sentence)
        or in_dateline(text, fact)
        or is_stamp(text, fact)
    )


def in_caption(text: str, fact: Fact) -> bool:
    """True if the fact stands in a photo caption.

    A caption ends at its credit; where the page runs caption and story together ("…
    REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched …") what follows the
    credit is narrated.
    """
    sentence = fact.sentence
    after = text[sentence.end : sentence.end + CREDIT_AFTER_CHARS].split("\n", 1)[0].strip()
    if CREDIT_AFTER.match(after) and not after.startswith(("(AP) ", "(Reuters) ", "(AFP) ")):
        return True
    credits = [*PHOTO_CREDIT.finditer(text, sentence.start, sentence.end),
               *AGENCY_CREDIT.finditer(text, sentence.start, sentence.end)]  # fmt: skip
    return any(
        fact.span.start < m.end() or not STORY_RESUMES.search(text, m.end(), fact.span.start) for m in credits
    )


def in_dateline(text: str, fact: Fact) -> bool:
    """True if the fact stands in the dateline that opens its line ("BEIJING, June 19 (Xinhua) --")."""
    opening = dateline(text, text.rfind("\n", 0, fact.span.start) + 1)
    return opening is not None and fact.span.start < opening.end()


def dateline(text: str, line_start: int) -> re.Match[str] | None:
    """The dateline opening the line at ``line_start``, after the page's stamp if any."""
    stamp = STAMP_PREFIX.match(text, line_start)
    return DATELINE.match(text, stamp.end() if stamp else line_start)


def is_stamp(text: str, fact: Fact) -> bool:
    """True if a date is the page's stamp: only stamp words or a clock time before it on its line."""
    if fact.slot != "date":
        return False
    line_start = text.rfind("\n", 0, fact.span.start) + 1
    return bool(STAMP_BEFORE.fullmatch(text, line_start, fact.span.start))


def is_byline(text: str, sentence: Span) -> bool:
    """True if the sentence is a byline or a credit line ("By Jane Roe", "Editing by …")."""
    words = sentence.slice(text).split()
    if len(words) > BYLINE_MAX_WORDS or not BYLINE.search(" ".join(words)):
        return False
    return len(words) < 2 or words[1].lower().strip(",.") not in _NOT_NAMES


# Words written before a thing's or a place's name and not a person's: articles (English,
# French, Spanish, German, Italian, Portuguese; "l'" and "d'" elided) and, with
# ``facts_lede.LOCATIVES``, "da" and "from".
_ARTICLES = frozenset(
    "the a an le la les l d un une des du el los las lo il gli der die das den dem des ein eine einer "
    "o os as um uma del della dello degli delle da from".split()
)
# An acronym in brackets after a name says it names an organisation or a craft: "(SLIM)", "(ISRO)".
_ACRONYM_AFTER = re.compile(r"[^\S\n]*(?:for [A-Z][\w ]{1,40})?\((?:[A-Z]{2,}|[A-Z][a-z]*[A-Z]\w*)\)")
_BEFORE_CHARS = 20
# A capital inside a word names a brand or a craft ("SpaceX", "iPhone"), not a person; a
# surname's own prefix is no such capital ("McCain", "MacArthur", "DeSantis", "LaGuardia").
_BRAND = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|O')\w*[a-z][A-Z]")
# An acronym with a bracket opening after it: the name in the bracket is what it stands for.
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s*\($")
# Nouns in names of places, bodies, documents and craft, never in a person's: "Andhra
# Pradesh", "Kyrgyz Republic", "Astana Declaration", "Smart Lander", "United States".
THING_WORDS = frozenset(
    "pradesh province region republic states state kingdom union declaration dialogue summit council "
    "agency centre center organization organisation ministry alliance lander peninsula sea mare crater "
    "plaza maidan mandapam university institute committee group party".split()
)
_OPENING_QUOTES = frozenset("\"“«„'‘")
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
# Prepositions that may open a clause before its date: "On October 7, …", "Le 7 octobre, …".
_DATE_PREPOSITIONS = frozenset("on in at by am im le el il em no".split())
# A byline is short; a sentence "by" opens may be prose ("By Monday, rescuers had …").
BYLINE_MAX_WORDS = 12
_NOT_NAMES = frozenset((*WEEKDAYS, *MONTHS, "the", "then", "now", "noon", "midday", "night"))
