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

from dedupe.evidence.date_mentions import WEEKDAYS, PartialDate, dates_agree
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.numbers import MONTH_WORDS
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
# "WASHINGTON, July 11. /TASS/.", "BEIJING, June 19 (Xinhua) --", "Pékin (AFP) -".
DATELINE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}|[A-ZÀ-Ý][\w .'’-]{1,30}?(?=\s*(?:\(|[-–—]\s)))"
    r"(?:,\s*[A-Z][\w .]{1,30}?)?"
    r"(?:,\s*(?:[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zéû]+)\.?)?"
    r"\s*(?:\([A-Z][\w .-]{1,25}\)|/\s*[A-Z]{3,}\s*/)?"
    r"\s*(?:--|[-–—:.])\s?"
)
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
# Where a page runs caption and story together, the story resumes after the credit with a
# dateline or a new sentence: "REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched".
STORY_RESUMES = re.compile(r"[.!?)]\s+[A-Z]|\b[A-Z]{3,}[ ,]")
# A reporting verb just before or after a date makes it the day of a statement.
_REPORTING = r"(?:said|says|announced|announces|told|reported|stated|confirmed|declared|added|wrote)"
STATEMENT_BEFORE = re.compile(rf"\b{_REPORTING}(?:\s+\w+)?\s+(?:on\s+)?$", re.IGNORECASE)
STATEMENT_AFTER = re.compile(rf"\s*,?\s*{_REPORTING}\b", re.IGNORECASE)
STATEMENT_CHARS = 40
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
    # "will hold talks on April 1, the ministry said on Friday": Friday dates the statement.
    dates = tuple(sorted(dates, key=lambda f: announced(text, f, dates)))
    published = _published(article, dates, text)
    if published is not None:  # narrated dates far from publication tell the background
        dates = tuple(sorted(dates, key=lambda f: _date_rank(text, f, published)))
    places = tuple(f for f in ranked(profile.places) if not _origin(text, f))
    return replace(
        profile,
        places=places,
        dates=dates,
        participants=ranked(profile.participants),
        numbers=tuple(f for f in ranked(profile.numbers) if not _day_of_month(f)),
    )


def _day_of_month(fact: Fact) -> bool:
    """True for a figure that is the day of a date ("9 апреля"): a date, not a count."""
    return fact.quantity is not None and fact.quantity.unit in MONTH_WORDS


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
    later = (f for f in dates if f.sentence == fact.sentence and f is not fact and not is_furniture(text, f))
    return any(f.date is not None and _after(f.date, fact.date) for f in later)


def _after(a: PartialDate, b: PartialDate) -> bool:
    first, second = a.full, b.full
    return first is not None and second is not None and first > second


def _date_rank(text: str, fact: Fact, published: PartialDate) -> int:
    """0 for a narrated date near publication, 1 for furniture, 2 for a narrated date far from it."""
    if is_furniture(text, fact):
        return 1
    near = fact.date is not None and dates_agree(fact.date, published, tolerance_days=NEWS_WINDOW_DAYS)
    return 0 if near else 2


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
    line_start = text.rfind("\n", 0, fact.span.start) + 1
    opening = DATELINE.match(text, line_start)
    return opening is not None and fact.span.start < opening.end()


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


# A byline is short; a sentence "by" opens may be prose ("By Monday, rescuers had …").
BYLINE_MAX_WORDS = 12
_NOT_NAMES = frozenset((*WEEKDAYS, *MONTHS, "the", "then", "now", "noon", "midday", "night"))
