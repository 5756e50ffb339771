"""Where and when a report places its event past the lede, when the lede places or dates nothing.

``facts_lede`` reads the title and the first sentences; a report that opens on what was
decided or said often names the place or the day a few sentences on ("… she told students at
a college in Atlanta", "launched the rocket on Thursday"). The located towns and states, and
the first narrated weekday, of the next sentences stand in there.
"""

from __future__ import annotations

import itertools
import re

from dedupe.evidence.date_mentions import PartialDate
from dedupe.evidence.date_ranking import in_other_zone, near_publication, stated
from dedupe.evidence.events import Fact
from dedupe.evidence.facts_lede import (
    ITALIAN_LOCATIVES,
    LATER_SENTENCES,
    LEDE_CONFIDENCE,
    later_lede_days,
    lede_sentences,
    located_places,
)
from dedupe.evidence.page_furniture import is_furniture
from dedupe.evidence.script_places import script_places
from dedupe.evidence.thing_names import LOCATIVES
from dedupe.models import Article

# A place's level (``Place.level``) from which a later sentence's place is taken: a state or a town.
STATE_LEVEL = 2
# Reported speech before a place in its sentence: what someone said happens there is not the
# event's place ("the minister said that talks in Rome would resume", "dijo que en Lima …").
REPORTED_THAT = re.compile(
    r"\b(?:said|says|told \w+|warned|added|claimed) that\b|\b(?:dijo|afirmó|aseguró|declaró) que\b"
    r"|\ba (?:dit|déclaré|affirmé) que\b|\b(?:sagte|erklärte|betonte), dass\b|\bha (?:detto|affermato) che\b"
    r"|\b(?:заявил|сказал|отметил)а?, что\b",
    re.IGNORECASE,
)


def later_lede_places(article: Article, count: int = LATER_SENTENCES) -> tuple[Fact, ...]:
    """The located towns and states of the first ``count`` sentences past the lede's, for a
    report whose lede and dateline place nothing ("… said in Atlanta" in its fourth sentence).

    A country located there more often names another party's ground ("the war in Ukraine",
    "talks with Iran") than the event's, and is left out, as is a place in reported speech.
    """
    text = article.text
    seen = {span for span, _ in lede_sentences(article)}
    locatives = ITALIAN_LOCATIVES if article.language == "it" else LOCATIVES
    found: list[Fact] = []
    for sentence, tokens in lede_sentences(article, count):
        if sentence in seen:
            continue
        found.extend(located_places(text, sentence, tokens, locatives))
        found.extend(
            Fact("place", span.slice(text), place.name, span, sentence, LEDE_CONFIDENCE, place=place)
            for span, place in script_places(text, sentence)
        )
    return tuple(
        f
        for f in found
        if f.place is not None
        and f.place.level >= STATE_LEVEL
        and not REPORTED_THAT.search(text, f.sentence.start, f.span.start)
    )


def later_weekday(article: Article, published: PartialDate | None) -> tuple[Fact, ...]:
    """The first weekday or "today" the first ``LATER_SENTENCES`` sentences narrate near
    publication, for a report nothing else dates; not a statement's day ("said Thursday") nor
    a day given in universal time ("(mercredi 23h42 GMT)")."""
    text = article.text
    days = (
        f
        for f in later_lede_days(article, None)
        if f.date is not None
        and (f.date.day is not None or f.date.weekday is not None)
        and not is_furniture(text, f)
        and not stated(text, f)
        and not in_other_zone(text, f)
        and near_publication(f, published)
    )
    return tuple(itertools.islice(days, 1))
