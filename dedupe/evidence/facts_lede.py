"""The place and date a report's lede gives its event, in any language the tool reads.

The event profile (``dedupe.evidence.events``) keeps a place only beside an English event
word ("talks in Nanping") and reads dates in English; the event model was fitted on it as
it is. A lede, though, states the event's own place and day in every language: "Sergey Lavrov
flew into Beijing on Monday", "Le ministre … a rencontré
le 13 juillet à Tianjin …", "Am Donnerstagmorgen hob die Rakete in Texas ab". Where the
profile finds no narrated place or date, ``facts_view`` takes the lede's (``lede_facts``),
ranked after anything narrated and before page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dedupe.evidence.date_mentions import DateRef, find_date_refs
from dedupe.evidence.events import LEDE_MIN_WORDS, LEDE_SENTENCES, Fact
from dedupe.evidence.foreign_dates import find_foreign_date_refs
from dedupe.evidence.frequency import zipf
from dedupe.evidence.holiday_dates import find_holiday_refs
from dedupe.evidence.mentions import content_regions
from dedupe.evidence.place_cues import demonym_country, placed_without_locative
from dedupe.evidence.places import Place, lookup_exonym, lookup_place
from dedupe.evidence.script_dates import find_script_date_refs
from dedupe.evidence.script_places import script_places
from dedupe.evidence.thing_names import LOCATIVES
from dedupe.evidence.venues import venue_places
from dedupe.models import Article, Span, Token
from dedupe.text.segment import sentence_tokens
from dedupe.text.tokens import tokenize

# Italian "a" locates too ("a Pechino"), where Spanish "a" marks an object ("condenar a
# Rusia") and is left out of ``LOCATIVES``.
ITALIAN_LOCATIVES = LOCATIVES | {"a"}
# Words after a name that make it an administrative area, mostly named for its capital city:
# "Herat province", "Ishikawa Prefecture". A "peninsula" or "sea" is not ("Noto Peninsula").
ADMIN_WORDS = frozenset("province prefecture oblast governorate region district county".split())
# Nouns of a state of affairs that a place after them locates, not the event: "the war in
# Ukraine", "la guerra in Ucraina", "военной операции на Украине", "la crise en Birmanie".
ONGOING = frozenset(
    "war wars conflict crisis invasion occupation operation offensive fighting situation guerra guerre "
    "krieg conflitto conflicto conflit conflito crisi crise krise invasione invasión operazione operación "
    "opération situación situazione situação войны война войне конфликта конфликт операции кризиса "
    "ситуация ситуации ситуацию происходящее происходящем".split()
)
# How many words before the locative such a noun reaches: "la guerra de Rusia en Ucrania".
ONGOING_WINDOW = 4
# Words before a name that place the event in or near it without a locative: compass
# adjectives ("shook western Afghanistan", "in central Myanmar"; "north-western" is two tokens).
COMPASS = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern southwestern".split()
)
# A kind of place before "of" or its French, Spanish, Italian, Portuguese "de", "di", "d'": the
# name after is the place ("the Turkish province of Hatay", "the Chinese city of Tunxi").
PLACE_KINDS = frozenset(
    "city town village province prefecture region district county capital ville ciudad cidade città "
    "provincia province région región regione préfecture prefectura state estado état stato localidad "
    "localité località municipio comune commune outskirts suburbs afueras banlieue periferia".split()
)
OF_WORDS = frozenset("of de di d del du".split())
# Of those, the kinds of area larger than the city they are named for.
AREA_KINDS = frozenset(
    "province provincia région región regione prefecture préfecture prefectura region district county "
    "state estado état stato".split()
)
# Compass nouns before "of" and a name, which put the event in that part of it: "del noroeste
# de Nepal", "in the west of Nepal", "dans l'ouest du pays" (of a name: "au nord de Kaboul").
COMPASS_NOUNS = frozenset(
    "north south east west northwest northeast southwest southeast norte sur este oeste noroeste "
    "nordeste noreste suroeste sudoeste sureste sudeste nord sud ouest est nordovest sudovest".split()
)
# Words after a name that make it a place without a locative: "Herat province", "Herat city".
PLACE_AFTER = frozenset("province prefecture oblast governorate district county city".split())
# A meeting named for where it is held, right after the name: "the G7 Hiroshima Summit".
MEETING_AFTER = frozenset("summit".split())
# Or before "of" and the name, as French, Italian, Spanish and Portuguese name it: "le sommet
# d'Hiroshima", "il vertice di Hiroshima", "la cumbre de Madrid", "a cimeira de Lisboa".
MEETING_OF = frozenset("summit sommet vertice cumbre cimeira cúpula".split())
# A name as common as this in English (wordfreq's Zipf scale: "atlantic" 4.4, "center" 5.2) is
# a word, not a town the gazetteer names with "City" after it ("hualien" 1.6, "quezon" 2.8).
CITY_NAME_MAX_ZIPF = 3.5
# The longest place name looked up, in words ("Salt Lake City").
PLACE_MAX_WORDS = 3
# How many sentences a date is looked for in where the first ``LEDE_SENTENCES`` give none;
# past those only a day written with its month (``WITH_MONTH``) is taken: a bare weekday
# there more often dates a statement ("said Thursday") or an earlier step.
LATER_SENTENCES = 6
WITH_MONTH = frozenset(("full", "month_day"))
# A sentence ending on a day's ordinal ("am 20.") that a segmenter cut before its month
# ("April 2023"), and how far past its end the month is looked for.
ORDINAL_END = re.compile(r"(?<![\d.])[0-3]?\d\.$")
ORDINAL_REACH = 20
# A lede's fact is less sure than one the profile ties to an event word.
LEDE_CONFIDENCE = 0.5
# How many (text, sentence count) ledes are remembered: one report's are read one after
# another (analyze, then its facts view), and few are kept, as a lede without a sentence end
# holds the tokens of its whole text.
LEDE_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class LedeFacts:
    """The places and dates the lede states, in text order."""

    places: tuple[Fact, ...]
    dates: tuple[Fact, ...]


def lede_facts(article: Article) -> LedeFacts:
    """Return the located places and the dates in the title and the lede's first sentences.

    Args:
        article: the report; its ``published`` date resolves "on Monday", "jeudi", "ayer".
    """
    text = article.text
    places: list[Fact] = []
    venues: list[Fact] = []  # after every place the lede names: "at the Kremlin" is less than "in Kazan"
    dates: list[Fact] = []
    for sentence, tokens in lede_sentences(article):
        dates.extend(_date_facts(article, sentence))
        locatives = ITALIAN_LOCATIVES if article.language == "it" else LOCATIVES
        places.extend(located_places(text, sentence, tokens, locatives))
        places.extend(
            Fact("place", span.slice(text), place.name, span, sentence, LEDE_CONFIDENCE, place=place)
            for span, place in script_places(text, sentence)
        )
        venues.extend(
            Fact("place", span.slice(text), place.name, span, sentence, LEDE_CONFIDENCE, place=place)
            for span, place in venue_places(text, sentence)
        )
    # A day of a month before a weekday of no known week: "el sábado … el 11 de octubre".
    dates.sort(key=lambda f: f.date is not None and f.date.month is None)
    return LedeFacts((*places, *venues), tuple(dates))


def later_lede_days(article: Article, kinds: frozenset[str] | None = WITH_MONTH) -> tuple[Fact, ...]:
    """The days the first ``LATER_SENTENCES`` sentences write with their month ("9 апреля",
    "19 September 2023", "7月13日"), or as ``kinds`` says (None: weekdays too), for a report
    whose lede's first sentences give none."""
    return tuple(
        fact
        for sentence, _ in lede_sentences(article, LATER_SENTENCES)
        for fact in _date_facts(article, sentence, kinds)
    )


def _date_facts(article: Article, sentence: Span, kinds: frozenset[str] | None = None) -> Iterator[Fact]:
    """The sentence's dates of one day (those written as ``kinds`` if given), as facts."""
    text = article.text
    for ref in _date_refs(text, sentence, article.published, article.language):
        if kinds is None or ref.kind in kinds:
            yield Fact("date", ref.span.slice(text), str(ref.value), ref.span, sentence, LEDE_CONFIDENCE,
                       date=ref.value)  # fmt: skip


def lede_sentences(article: Article, count: int = LEDE_SENTENCES) -> Iterator[tuple[Span, list[Token]]]:
    """Yield the title's sentence and the first ``count`` long enough to narrate.

    The facts view reads one lede several times (places, dates, datelines, meetings, the
    clock time): the article is tokenised once for them (``_lede``), not once each.
    """
    yield from _lede(article.text, article.title, content_regions(article), count)


@lru_cache(maxsize=LEDE_CACHE_SIZE)
def _lede(
    text: str, title: str | None, regions: tuple[Span, ...], count: int
) -> tuple[tuple[Span, list[Token]], ...]:
    """The ``lede_sentences`` of a text (kept: only a few sentences, not the article's tokens)."""
    title_at = text.find(title) if title else -1
    left = count
    found: list[tuple[Span, list[Token]]] = []
    for span, tokens in sentence_tokens(text, regions, tokenize(text, regions)):
        if left <= 0:
            break
        is_title = title_at >= 0 and span.start < title_at + len(title or "") and title_at < span.end
        if not is_title and len(tokens) < LEDE_MIN_WORDS:
            continue
        left -= not is_title
        found.append((span, tokens))
    return tuple(found)


def _date_refs(text: str, sentence: Span, published: date | None, language: str) -> list[DateRef]:
    """The lede's dates of one day: a day of a month, or a weekday (any week's where no
    publication date resolves it: ``facts.compare_facts`` then sets it against no calendar date)."""
    english = find_date_refs(text, sentence.start, sentence.end, published=published)
    taken = [r.span for r in english]
    # A sentence cut after a day's ordinal ("am 20." | "April 2023 …") reads on to the month.
    reach = (
        sentence.end + ORDINAL_REACH
        if ORDINAL_END.search(text, sentence.start, sentence.end)
        else sentence.end
    )
    day_month = find_foreign_date_refs(
        text, sentence.start, min(len(text), reach), published=published, language=language
    )
    written = (
        *(r for r in day_month if r.span.start < sentence.end),
        *find_script_date_refs(text, sentence.start, sentence.end, published=published),
        *find_holiday_refs(text, sentence.start, sentence.end, published=published),
    )
    foreign = [r for r in written if not any(s.start < r.span.end and r.span.start < s.end for s in taken)]
    one_day = (
        r
        for r in (*english, *foreign)
        if r.value.days == 1 and (r.value.month or r.value.weekday is not None)
    )
    return sorted(one_day, key=lambda r: r.span.start)


def located_places(
    text: str, sentence: Span, tokens: list[Token], locatives: frozenset[str]
) -> Iterator[Fact]:
    """Yield each place the gazetteer knows written just after a locative word ("in Beijing") or
    placed otherwise (``_placed``, ``place_cues``: "the capital Astana", "will visit Moscow")."""
    for k in range(len(tokens)):
        if not text[tokens[k].start].isupper():
            continue
        if not (_placed(tokens, k, locatives) or placed_without_locative(text, tokens, k)):
            continue
        if any(t.text in ONGOING for t in tokens[max(0, k - ONGOING_WINDOW) : k]):
            continue
        country = demonym_country(tokens, k, OF_WORDS, PLACE_KINDS)
        area = _apposed_area(text, tokens, k)
        for n in range(min(PLACE_MAX_WORDS, len(tokens) - k), 0, -1):
            span = Span(tokens[k].start, tokens[k + n - 1].end)
            place = place_named(span.slice(text))
            if place is not None and area is not None and place.country not in (None, area[1].country):
                place = None  # "in Boca Chica, Texas": not the town of that name elsewhere
            if place is not None:  # "in Noto Peninsula" names the peninsula, not the town of Noto
                if (
                    place.kind == "city"
                    and k >= 2
                    and tokens[k - 1].text in OF_WORDS
                    and tokens[k - 2].text in AREA_KINDS
                ):
                    # "la région de Sagaing": the region, larger than its capital (``place_named``)
                    place = Place(span.slice(text), "state", place.country, place.continent, place.geonameid)
                if place.known:
                    yield Fact(
                        "place", span.slice(text), place.name, span, sentence, LEDE_CONFIDENCE, place=place
                    )
                break
        else:  # "the Chinese city of Tunxi", "in Jajarkot, Nepal": a town the gazetteer lacks, in an area
            if area is not None:
                yield Fact("place", area[0].slice(text), area[1].name, area[0], sentence, LEDE_CONFIDENCE,
                           place=area[1])  # fmt: skip
            elif country is not None:
                span = Span(tokens[k].start, tokens[k].end)
                yield Fact(
                    "place", span.slice(text), country.name, span, sentence, LEDE_CONFIDENCE, place=country
                )


def _apposed_area(text: str, tokens: list[Token], k: int) -> tuple[Span, Place] | None:
    """The state or country written after a comma behind the name token ``k`` opens, which
    holds that town: "in Boca Chica, Texas", "in Jajarkot, Nepal"."""
    for j in range(k + 1, min(k + 1 + PLACE_MAX_WORDS, len(tokens))):
        if text[tokens[j - 1].end : tokens[j].start].strip() == ",":
            for n in range(min(PLACE_MAX_WORDS - 1, len(tokens) - j), 0, -1):
                span = Span(tokens[j].start, tokens[j + n - 1].end)
                place = lookup_place(span.slice(text), located=True) if text[span.start].isupper() else None
                if place is not None and place.known and place.kind in ("state", "country"):
                    return span, place
            return None
        if not text[tokens[j].start].isupper():
            return None
    return None


def _placed(tokens: list[Token], k: int, locatives: frozenset[str]) -> bool:
    """True if the text writes the capitalised token ``k`` as where something is: after a
    locative ("in Beijing"), a compass adjective ("western Afghanistan"), a kind of place or a
    compass noun and "of" ("the province of Hatay", "del oeste de Nepal"), or before a kind of
    place ("Herat province")."""
    before = tokens[k - 1].text if k >= 1 else ""
    if before in locatives or before in COMPASS:
        return True
    if k >= 2 and before in OF_WORDS and tokens[k - 2].text in PLACE_KINDS | COMPASS_NOUNS | MEETING_OF:
        return True
    if k >= 3 and before in OF_WORDS and tokens[k - 3].text in PLACE_KINDS:
        return True  # "la ciudad japonesa de Hiroshima": the kind, its adjective, "de"
    if _meeting_after(tokens, k):
        return True
    return any(t.text in PLACE_AFTER for t in tokens[k + 1 : k + 1 + PLACE_MAX_WORDS])


def _meeting_after(tokens: list[Token], k: int) -> bool:
    """True if a meeting's word follows the name token ``k`` opens, or its second word:
    "Hiroshima Summit", "San Francisco summit"; not "Delhi G20 Leaders' Summit", the group's."""
    after = [t.text for t in tokens[k + 1 : k + 3]]
    return bool(after) and (
        after[0] in MEETING_AFTER or (len(after) == 2 and after[1] in MEETING_AFTER and after[0].isalpha())
    )


def place_named(name: str) -> Place | None:
    """The place a name written as a location names: its own name, a province or city named
    for its capital ("Herat province" is in Afghanistan as Herat is, "Herat city"), a foreign
    name ("Pékin") or one written without its accents ("Elazig")."""
    place = lookup_place(name, located=True)
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in ADMIN_WORDS | {"city"} and (place is None or not place.known):
        capital = place_named(" ".join(words[:-1]))
        if capital is None or not capital.known:
            return place
        if words[-1].lower() == "city":
            return capital
        # The province is larger than its capital: a state-level place, so another city of the
        # country may lie within it ("Ishikawa Prefecture" and Wajima) while another province may not.
        return Place(name, "state", capital.country, capital.continent, capital.geonameid)
    if place is not None:
        return place
    return lookup_exonym(name) or _city_named(name)


def _city_named(name: str) -> Place | None:
    """The city the gazetteer names with "City" after the name news writes alone: "Hualien" for
    "Hualien City", "Ho Chi Minh" for "Ho Chi Minh City"; not for an English word ("Center",
    "Atlantic": the ocean, not Atlantic City)."""
    city = lookup_place(f"{name} City", located=True)
    if city is None or not city.known or city.kind != "city":
        return None
    # Asked second: the gazetteer rarely has "X City", and a word's frequency may load wordfreq.
    return None if zipf(name.casefold()) >= CITY_NAME_MAX_ZIPF else city
