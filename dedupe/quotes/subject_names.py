"""Tell a frame's subject by its words: a person's name, a body's name, or a headline's fragment.

``speaker_words`` holds the word lists; these tests read them (and the gazetteer and word
frequencies) so that places, dates and headlines never speak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from dedupe.evidence.frequency import zipf
from dedupe.evidence.lexicon import (
    COMMON_PLACE_ZIPF,
    DEMONYMS,
    FUNCTION_WORDS,
    NOT_PERSON,
    TITLES,
    fits,
    has_org_word,
)
from dedupe.evidence.mentions import Mention
from dedupe.evidence.places import lookup_place
from dedupe.evidence.terms import SPACELESS, ZIPF_CEILING, rarity
from dedupe.quotes.body_words import COLLECTIVE_AFTER, COLLECTIVE_OF, COLLECTIVES
from dedupe.quotes.speaker_words import ACCORDING_WORDS, DETERMINERS, NOT_BODIES, drop_article

# Two capitals in a row: an acronym, which names a body ("RBC-Ukraine"), never a surname.
_ACRONYM_PART = re.compile(r"[A-Z]{2}")

# The demonyms in a fixed order, so that the first that fits a country's name is always one.
_DEMONYMS = sorted(DEMONYMS)
# How far back the stop before a word is looked for (spaces and marks in between).
OPENING_REACH = 40
# The most words of a body's name written after an article ("la Reserva Federal").
NAMED_BODY_WORDS = 3


def trimmed_mention(mention: Mention, language: str = "en") -> Mention:
    """Drop a sentence-opening function word taken into a name ("Though Zelensky", "Pour
    Mara Velde"): an English one, or a word as common as any in the article's language.
    An article stays: "Das Ende" is a noun phrase, which ``people_only`` drops whole."""
    first, _, rest = mention.name.partition(" ")
    low = first.casefold()
    # English has its list (which keeps "Will Smith" whole); other languages ask wordfreq.
    common = language not in SPACELESS | {"en"} and rarity(low, language) == 0
    if not rest or low in DETERMINERS or (low not in FUNCTION_WORDS | ACCORDING_WORDS and not common):
        return mention
    return replace(mention, name=rest, start=mention.start + len(first) + 1)


def people_only(mentions: Iterable[Mention]) -> list[Mention]:
    """Drop mentions that name a place ("New Delhi: …" opens a dateline), unless part of a person's
    name, headline fragments: a place and an ordinary word ("Portugal Leaves"), and capitalised
    runs that open with an article ("Das Ende", "El Grupo"): a noun phrase, no one's name."""
    found = [m for m in mentions if m.name.split()[0].casefold() not in DETERMINERS]
    places = {m.name for m in found if lookup_place(m.name) is not None or headline_fragment(m.name)}
    parts = {w for m in found if m.name not in places and " " in m.name for w in m.name.split()}
    return [m for m in found if m.name not in places or m.name in parts]


def body_name(phrase: str) -> bool:
    """True if a capitalised ``phrase`` can name an institution: it has a word of one
    ("Ministry", "Kremlin") or is an acronym ("NATO", "G20", "RBC-Ukraine"), and is no place
    ("New Delhi"), date ("On Thursday") or headline fragment ("Morocco Leaves")."""
    words = phrase.split()
    if any(w.casefold().removesuffix("’s").removesuffix("'s") in NOT_BODIES for w in words):
        return False
    if lookup_place(drop_article(phrase)) is not None:
        return False
    return has_org_word(w.casefold() for w in words) or any(
        len(p) > 1 and p.isupper() and p.isalnum() and p[0].isalpha() for w in words for p in w.split("-")
    )


def collective_body(phrase: str) -> str | None:
    """The body whose people a subject names ("NATO allies", "los técnicos de JAXA" → "NATO",
    "JAXA"): they speak for it. A nation's people ("Russian officials") name no body, nor
    does a lone common word ("Agency officials": which agency, the article said before)."""
    for pattern in (COLLECTIVE_OF, COLLECTIVE_AFTER):
        match = pattern.fullmatch(phrase)
        if match is None or match.group("group").casefold() not in COLLECTIVES:
            continue
        body = match.group("body").strip()
        lone = " " not in body and not body.isupper() and zipf(body.casefold()) >= COMMON_PLACE_ZIPF
        if body[:1].isupper() and body_name(body) and not lone:
            return body
    return None


def named_body(words: list[str], language: str) -> bool:
    """True for a body's name written after an article in another language ("la Fed", "la
    OTAN"): capitalised words, the first an acronym or rare in the language (so never a noun
    German capitalises, "das Unternehmen", nor a body's people, "les Alliés"), no place."""
    if not words or len(words) > NAMED_BODY_WORDS or not all(w[:1].isupper() for w in words):
        return False
    first = words[0]
    if first.casefold() in COLLECTIVES:
        return False
    known = first.isupper() or rarity(first.casefold(), language) > ZIPF_CEILING - COMMON_PLACE_ZIPF
    return known and lookup_place(" ".join(words)) is None


def rare_here(text: str, start: int, word: str, language: str) -> bool:
    """True unless ``word`` (at ``start`` in ``text``) opens a sentence and is common in ``language``.

    ``bare_name`` knows English words; "Además" or "Ende" open Spanish and German
    sentences capitalised and are no one's name. Inside a sentence the capital says
    more, and a famous surname is common in its own language ("…», — сказал Путин")."""
    before = text[max(0, start - OPENING_REACH) : start].rstrip()
    if language == "en" or (before and before[-1] not in '.!?:;—–-«“"\n'):
        return True
    low = word.casefold().removesuffix("’s").removesuffix("'s")
    return rarity(low, language) > ZIPF_CEILING - COMMON_PLACE_ZIPF


def national_body(name: str) -> str:
    """ "Russia’s foreign ministry" → "Russian foreign ministry": a country's body named by its
    demonym, as other outlets name it; any other name is returned as it is."""
    owner, mark, rest = name.partition("’s ") if "’s " in name else name.partition("'s ")
    if not mark or " " in owner or lookup_place(owner) is None:
        return name
    demonym = next((d for d in _DEMONYMS if fits(d, owner.casefold())), None)
    return f"{demonym.capitalize()} {rest}" if demonym is not None else name


def bare_name(word: str) -> bool:
    """True if a lone capitalised ``word`` can be a surname: no place, date, nationality, title
    or ordinary word ("Leaves", "Officials": as common as ``COMMON_PLACE_ZIPF`` or more)."""
    low = word.casefold().removesuffix("’s").removesuffix("'s")
    return (
        word[:1].isupper()
        and any(ch.islower() for ch in word)
        and all(ch.isalpha() or ch in "’'-" for ch in word)
        and _ACRONYM_PART.search(word) is None
        and low not in FUNCTION_WORDS | NOT_PERSON | NOT_BODIES | DEMONYMS | TITLES
        and lookup_place(word) is None
        and zipf(low) < COMMON_PLACE_ZIPF
    )


def headline_fragment(name: str) -> bool:
    """True for a capitalised run that joins a place to an ordinary word ("Portugal Leaves",
    "Chile Seeks"): a headline's words, no one's name."""
    words = name.split()
    return (
        len(words) > 1
        and any(lookup_place(w) is not None for w in words)
        and any(zipf(w.casefold()) >= COMMON_PLACE_ZIPF for w in words)
    )
