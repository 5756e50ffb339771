"""Tell a person's name from a thing's or a place's by how the text writes it.

A lede's grammatical subject looks like a participant whatever it is; ``named_as_person``
keeps only the names the text writes as people.
"""

from __future__ import annotations

import re

from dedupe.evidence.places import lookup_exonym, lookup_place

# Words that put the name after them as where something happens, in English, French,
# Spanish, German, Italian, Portuguese and Russian: "in Beijing", "à Tianjin", "en Kazán",
# "nach Texas", "em Astana", "в Казани".
LOCATIVES = frozenset("in at near à au aux dans en nach bei em no na в во на".split())


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
    if any(BRAND.search(w) for w in words) or _is_place(name):  # "SpaceX", "Nueva Delhi", "Беларусь"
        return False
    if any(w.lower() in THING_WORDS for w in words):  # "Andhra Pradesh", "Astana Declaration"
        return False
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    if not mentions:
        return True
    if all(_ACRONYM_BEFORE.search(text, max(0, m.start() - BEFORE_CHARS), m.start()) for m in mentions):
        return False  # "SLIM (Smart Lander for Investigating Moon)": what an acronym stands for
    if all(text[max(0, m.start() - 1) : m.start()] in _OPENING_QUOTES for m in mentions):
        return False  # a title: "“Strengthening Multilateral Dialogue …”"
    if any(_ACRONYM_AFTER.match(text, m.end()) for m in mentions):
        return False
    return not all(
        _last_word(text[max(0, m.start() - BEFORE_CHARS) : m.start()]).lower() in _ARTICLES | LOCATIVES
        for m in mentions
    )


def _is_place(name: str) -> bool:
    place = lookup_place(name, located=True) or lookup_exonym(name)
    return place is not None and place.known


def _last_word(text: str) -> str:
    m = re.search(r"([^\W\d_][\w'’]*)['’]?\s*$", text)
    return m.group(1) if m else ""


# Words written before a thing's or a place's name and not a person's: articles (English,
# French, Spanish, German, Italian, Portuguese; "l'" and "d'" elided) and, with
# ``LOCATIVES``, "da" and "from".
_ARTICLES = frozenset(
    "the a an le la les l d un une des du el los las lo il gli der die das den dem des ein eine einer "
    "o os as um uma del della dello degli delle da from".split()
)
# An acronym in brackets after a name says it names an organisation or a craft: "(SLIM)", "(ISRO)".
_ACRONYM_AFTER = re.compile(r"[^\S\n]*(?:for [A-Z][\w ]{1,40})?\((?:[A-Z]{2,}|[A-Z][a-z]*[A-Z]\w*)\)")
BEFORE_CHARS = 20
# A capital inside a word names a brand or a craft ("SpaceX", "iPhone"), not a person; a
# surname's own prefix is no such capital ("McCain", "MacArthur", "DeSantis", "LaGuardia").
BRAND = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|O')\w*[a-z][A-Z]")
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
