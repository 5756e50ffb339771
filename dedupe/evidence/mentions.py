"""Find the people, organisations, places, dates and numbers an article mentions.

Rules, not a model: a capitalised run of words ("Russian Security Council Secretary
Nikolai Patrushev") splits at its title word into an organisation and a person (``name_runs``);
places come from the gazetteer in ``dedupe.evidence.places``; one person written several ways
("Nikolay Patrushev", "Patrushev") is merged through ``dedupe.evidence.names``. Each entity is
weighted by how distinctive its name is in English at large (wordfreq's Zipf scale):
"China" says little about which story this is, "Nanping" or "Guo Shengkun" a lot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from operator import attrgetter

from dedupe.evidence import frequency, lexicon
from dedupe.evidence.date_mentions import PartialDate, find_date_refs
from dedupe.evidence.name_runs import NAME_CLUE_ZIPF, Candidate, cached_place, classify_run, normalised_phrase
from dedupe.evidence.names import canonical_names, name_key, same_person, short_forms
from dedupe.evidence.numbers import Quantity, find_quantities
from dedupe.evidence.places import Place
from dedupe.models import Article, Span, Token
from dedupe.text.segment import sentence_tokens
from dedupe.text.tokens import tokenize

# Zipf frequency (log10 of uses per billion words) at which a name weighs nothing / fully.
COMMON_ZIPF = 5.5
RARE_ZIPF = 2.5
# Even "China" counts a little: sharing it is weak evidence, not none.
MIN_WEIGHT = 0.05
# A capitalised first word of a sentence is a name only if it is this rare, a known
# place, or capitalised mid-sentence elsewhere in the article ("Particular attention").
SENTENCE_START_MAX_ZIPF = 3.5
# Dates weigh by how precise they are; a shared weekday is weak evidence.
DATE_WEIGHTS = {"full": 0.8, "month_day": 0.6, "month_year": 0.4, "year": 0.3, "month": 0.2,
                "weekday": 0.1, "relative": 0.1}  # fmt: skip
NUMBER_WEIGHT = 0.3
_TEXT_ORDER = attrgetter("span.start", "span.end", "kind")


@dataclass(frozen=True, slots=True)
class Entity:
    """One mention of a person, organisation, place, date or number.

    ``text`` is as written, ``canonical`` the form all of an article's mentions of it
    share ("Patrushev" → "Nikolay Patrushev"), ``key`` what matches it across articles,
    and ``weight`` in [0, 1] how distinctive it is.
    """

    kind: str
    text: str
    canonical: str
    span: Span
    weight: float
    key: str
    place: Place | None = None
    date: PartialDate | None = None
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a text: the name as written without titles, and where it is.

    ``owner`` marks a possessive ("Putin’s close ally"): the person owns the phrase
    that follows rather than being its subject; ``end`` stops before the "’s".
    """

    name: str
    start: int
    end: int
    owner: bool


def person_mentions(text: str) -> list[Mention]:
    """Return the people ``text`` names, in order, found by the rules of ``extract_entities``.

    The one person finder: quotation speakers (``dedupe.quotes``) and entities cut names
    at the same titles and tell people from places and bodies the same way.
    """
    whole = (Span(0, len(text)),)
    grouped = sentence_tokens(text, whole, tokenize(text, whole))
    return [
        Mention(e.text, e.span.start, e.span.end, text.startswith(("’s", "'s"), e.span.end))
        for e in _names(text, grouped)
        if e.kind == "person"
    ]


def content_regions(article: Article) -> tuple[Span, ...]:
    """Return the body spans, plus the title where it stands in the text outside them."""
    regions = list(article.body_spans)
    if article.title:
        at = article.text.find(article.title)
        if at >= 0 and not any(r.start <= at < r.end for r in regions):
            regions.append(Span(at, at + len(article.title)))
    return tuple(sorted(regions, key=lambda r: r.start))


def extract_entities(
    article: Article,
    *,
    tokens: Sequence[Token] | None = None,
    sentences: list[tuple[Span, list[Token]]] | None = None,
) -> tuple[Entity, ...]:
    """Return every entity mentioned in the article's title and body, in text order.

    Args:
        article: the article; boilerplate is skipped.
        tokens: the article's tokens over ``content_regions`` if already computed.
        sentences: ``sentence_tokens`` of those regions and tokens, if already computed.
    """
    text = article.text
    regions = content_regions(article)
    if sentences is None:
        sentences = sentence_tokens(text, regions, tokens if tokens is not None else tokenize(text, regions))
    grouped = sentences
    found: list[Entity] = []
    date_spans: list[Span] = []
    for region in regions:
        for ref in find_date_refs(text, region.start, region.end, published=article.published):
            date_spans.append(ref.span)
            shown = str(ref.value) if ref.value != PartialDate() else ref.span.slice(text).lower()
            written = " ".join(ref.span.slice(text).split())
            found.append(
                Entity("date", written, shown, ref.span, DATE_WEIGHTS[ref.kind], shown, date=ref.value)
            )
    for _, toks in grouped:
        for mention in find_quantities(text, toks, date_spans, language=article.language):
            shown = str(mention.quantity)
            written = " ".join(mention.span.slice(text).split())
            found.append(Entity("number", written, shown, mention.span, NUMBER_WEIGHT, shown,
                                quantity=mention.quantity))  # fmt: skip
    found.extend(_names(text, grouped))
    return tuple(sorted(found, key=_TEXT_ORDER))


def _names(text: str, grouped: list[tuple[Span, list[Token]]]) -> list[Entity]:
    """Find people, organisations and places, merging each person's spellings."""
    caps = [lexicon.capitals(text, toks) for _, toks in grouped]
    elsewhere = {lexicon.base(t) for (_, toks), flags in zip(grouped, caps, strict=True)
                 for t in compress(toks[1:], flags[1:])}  # fmt: skip
    candidates: list[Candidate] = []
    for (_, toks), flags in zip(grouped, caps, strict=True):
        for chunk, first in lexicon.chunks(text, toks, flags):
            kept = _trim_start(text, chunk, elsewhere) if first else chunk
            if kept:
                candidates.extend(classify_run(text, toks, kept))
    people = dict.fromkeys(lexicon.written(text, c.tokens) for c in candidates if c.kind == "person")
    forms = set().union(*map(short_forms, people))
    resolved: list[Candidate] = []
    for candidate in candidates:
        if candidate.kind == "single":
            word = lexicon.written(text, candidate.tokens)
            if candidate.clue or _known_person(word, people, forms):
                candidate = Candidate("person", candidate.tokens)
                people[word] = None
                forms |= short_forms(word)
            elif (
                cached_place(normalised_phrase(candidate.tokens), located=candidate.located, common=True)
                is not None
            ):
                candidate = Candidate("place", candidate.tokens, located=candidate.located)
            else:
                continue
        resolved.append(candidate)
    canonical = canonical_names(people)
    acronyms = _acronym_names(text, resolved)
    return [_entity(text, c, canonical, acronyms) for c in resolved]


def _known_person(word: str, people: dict[str, None], forms: set[str]) -> bool:
    """True if ``word`` is ``same_person`` as one of ``people``, whose ``short_forms`` make ``forms``."""
    key = name_key(word)
    if len(key) == 1:  # a one-word mention: one set look-up, not a comparison per person
        return key[0] in forms
    return any(_same_person(word, p) for p in people)


def _trim_start(text: str, chunk: list[Token], elsewhere: set[str]) -> list[Token]:
    """Drop a sentence's capitalised first word unless it looks like a name."""
    word = lexicon.base(chunk[0])
    if (
        lexicon.acronym(text, chunk[0])
        or word in elsewhere
        or word in lexicon.DEMONYMS
        or word in lexicon.TITLES
        or frequency.zipf(word) < SENTENCE_START_MAX_ZIPF
        or cached_place(word, common=True) is not None
        or _given_and_surname(chunk)
    ):
        return chunk
    return chunk[1:]


def _given_and_surname(chunk: list[Token]) -> bool:
    """True for two words opening a sentence, a given name no commoner than ``COMMON_ZIPF``
    ("Maria") and a surname rarer than ``NAME_CLUE_ZIPF`` ("Maria Oduya said …").

    Such an opening is a name, not a capitalised sentence word; the rule is kept to
    openings because also letting everyday given names into mid-sentence names cost event
    participants on the development corpus fit half (41 → 37 of 131 right).
    """
    if len(chunk) != 2 or lexicon.base(chunk[0]) in lexicon.FUNCTION_WORDS:
        return False
    given, surname = (frequency.zipf(w) for w in lexicon.bases(chunk))
    return given < COMMON_ZIPF and surname < NAME_CLUE_ZIPF


def _acronym_names(text: str, candidates: list[Candidate]) -> dict[str, str]:
    """Map acronyms to the full name written beside them: "Shanghai Cooperation Organization (SCO)"."""
    names: dict[str, str] = {}
    orgs = [c for c in candidates if c.kind == "organization"]
    for left, right in pairwise(orgs):
        between = text[left.tokens[-1].end : right.tokens[0].start].strip()
        short, full = (right, left) if len(right.tokens) == 1 else (left, right)
        if between != "(" or len(short.tokens) != 1 or not lexicon.acronym(text, short.tokens[0]):
            continue
        name = lexicon.written(text, full.tokens)
        if lexicon.initials(name) == short.tokens[0].text.upper():
            names[short.tokens[0].text] = name
    return names


def _entity(text: str, candidate: Candidate, people: dict[str, str], acronyms: dict[str, str]) -> Entity:
    tokens = candidate.tokens
    span = Span(tokens[0].start, lexicon.end_without_possessive(text, tokens[-1]))
    written = lexicon.written(text, tokens)
    if candidate.kind == "person":
        canonical = people.get(written, written)
        return Entity("person", written, canonical, span, _weight(canonical), " ".join(name_key(canonical)))
    if candidate.kind == "place":
        place = cached_place(normalised_phrase(tokens), located=True)
        name = place.name if place else written
        key = f"geo:{place.geonameid}" if place and place.geonameid else name.casefold()
        return Entity("place", written, name, span, _weight(name), key, place=place)
    canonical = acronyms.get(tokens[0].text, written) if len(tokens) == 1 else written
    return Entity("organization", written, canonical, span, _weight(canonical), lexicon.initials(canonical))


@lru_cache(maxsize=16384)
def _same_person(a: str, b: str) -> bool:
    return same_person(a, b)


@lru_cache(maxsize=4096)
def _weight(name: str) -> float:
    """Return how distinctive a name is: 1 for rare names, ``MIN_WEIGHT`` for everyday ones."""
    share = (COMMON_ZIPF - frequency.zipf(name.lower())) / (COMMON_ZIPF - RARE_ZIPF)
    return round(min(1.0, max(MIN_WEIGHT, share)), 3)
