"""Cues in a lede that put a name as where its event happened without a locative before it.

``facts_lede`` takes a place after a locative ("in Beijing"). News also writes the event's
place as an apposition ("in the capital Astana", "north of the city Herat"), as the place a
rocket leaves ("lifted off from South Texas"), as what a visit goes to ("will visit Moscow",
"a trip to Lisbon"), or only as a country's adjective when the town itself is too small for
the gazetteer ("the Chinese city of Tunxi" is in China). A transcript or a release may head
its text with the place and date alone ("(Moscow, April 1, 2025)"), as a dateline does.
"""

from __future__ import annotations

import re

from dedupe.evidence.places import Place, lookup_place
from dedupe.models import Token

# Kinds of place written just before a city's name in apposition: "the capital Astana",
# "die Stadt Wajima". Only kinds of city: an area's name often is a city's elsewhere.
APPOSITIVE_KINDS = frozenset(
    "capital city town village port capitale hauptstadt stadt ville ciudad città cidade bundesstaat "
    "staat".split()
)
# Articles one of which opens such an apposition, at most this many tokens before the name:
# "the capital Astana", "the Kazakh capital Astana".
APPOSITION_ARTICLES = frozenset("the la le el il o der die im dem".split())
APPOSITION_REACH = 3
# Words of a rocket's departure after which "from" gives where the event happened: "launched
# from", "lifted off from", "liftoff from". Elsewhere "from" says where people come from.
LAUNCH_WORDS = frozenset("launch launched launches launching liftoff lifted lifts blasted".split())
# How many words before "from" a launch word may stand, within its clause: "launched the
# second test flight of its rocket from".
LAUNCH_REACH = 12
# The characters looked back for them: a dozen words.
LAUNCH_LOOKBACK_CHARS = 160
# What ends a clause before "from": a launch word beyond it launched something else.
CLAUSE_MARKS = re.compile(r"[,;:()]")
# Words of a visit that the place right after them, or after "to", is the event's: "will visit
# Moscow", "a three-day trip to Lisbon".
VISIT_WORDS = frozenset("visit visits visited visiting trip".split())
# Compass words written capitalised in a region's name: "South Texas", "Northern Sindh". The
# name after is the place unless the two are one name ("South Sudan", "North Carolina").
COMPASS_NAMES = frozenset("north south east west".split())
# Verbs of a quake or a storm that the place right after them is struck by: "struck Taiwan",
# "hit Nepal", "jolted eastern Turkey"; read only where the sentence names such a disaster
# (``DISASTER_WORDS``): "tariffs hit China" places nothing.
STRIKE_WORDS = frozenset(
    "struck strikes strike hit hits jolted jolts rocked rocks shook shakes lashed sacudió sacude golpeó "
    "azotó frappé secoué touché erschütterte erschüttert colpito scosso atingiu abalou".split()
)
DISASTER_WORDS = re.compile(
    r"\b(?:earthquake|quake|tremor|typhoon|cyclone|hurricane|storm|tsunami|flood|floods|terremoto|sismo"
    r"|séisme|tremblement de terre|erdbeben|beben|typhon|tifón|ouragan|huracán|uragano)s?\b",
    re.IGNORECASE,
)
# Verbs after a place that make it where the event is held: "Thailand hosted a meeting", "Lisbon hosts".
HOST_WORDS = frozenset("host hosts hosted hosting".split())
# How many words the name before a host verb may have: "South Korea hosted".
HOST_REACH = 3
# A year written just after a place, which dates what happened there: "signed in Prague in 2010",
# "firmado en Praga en 2010", "2010 in Prag".
YEAR_AFTER = re.compile(r"\s+(?:in|en|im|nel|em|в)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)")
# A place and a full date alone in brackets or on a line of their own, as a transcript or a
# release heads its text: "(Lisbon, May 6, 2024)", "Lisbon, 6 May 2024".
PLACE_DATE_STAMP = re.compile(
    r"(?:^|\()[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}),[ \t]+"
    r"(?:[A-Z][a-z]+\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]+),?[ \t]+\d{4}[ \t]*(?:\)|$)",
    re.MULTILINE,
)
# A country's adjective before a kind of place and "of": "the Turkish province of Hatay". The
# adjectives of countries news most often names.
DEMONYM_COUNTRIES = {
    "afghan": "Afghanistan", "american": "United States", "australian": "Australia", "brazilian": "Brazil",
    "british": "United Kingdom", "burmese": "Myanmar", "canadian": "Canada", "chinese": "China",
    "egyptian": "Egypt", "french": "France", "german": "Germany", "greek": "Greece", "indian": "India",
    "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "israeli": "Israel", "italian": "Italy",
    "japanese": "Japan", "kazakh": "Kazakhstan", "mexican": "Mexico", "moroccan": "Morocco",
    "nepali": "Nepal", "pakistani": "Pakistan", "philippine": "Philippines", "polish": "Poland",
    "russian": "Russia", "spanish": "Spain", "syrian": "Syria", "thai": "Thailand", "turkish": "Turkey",
    "ukrainian": "Ukraine", "uzbek": "Uzbekistan", "vietnamese": "Vietnam",
}  # fmt: skip


def placed_without_locative(text: str, tokens: list[Token], k: int) -> bool:
    """True if token ``k`` opens a name an apposition, a launch, a visit, a compass word, a
    disaster's verb ("struck Taiwan") or a host's ("Thailand hosted") places."""
    before = tokens[k - 1].text if k >= 1 else ""
    if before in STRIKE_WORDS:
        return bool(DISASTER_WORDS.search(text, tokens[0].start, tokens[-1].end))
    after = k + 1
    while after < len(tokens) and after - k < HOST_REACH and text[tokens[after].start].isupper():
        after += 1  # "South Korea hosted": the verb right after the whole name
    if after < len(tokens) and tokens[after].text in HOST_WORDS:
        return True
    if before in APPOSITIVE_KINDS:
        return any(t.text in APPOSITION_ARTICLES for t in tokens[max(0, k - APPOSITION_REACH) : k - 1])
    if before == "from":
        return launched_before(text, tokens[k - 1].start)
    if before in VISIT_WORDS or (before == "to" and k >= 2 and tokens[k - 2].text in VISIT_WORDS):
        return True
    if before in COMPASS_NAMES and text[tokens[k - 1].start].isupper():
        return lookup_place(f"{before} {tokens[k].text}", located=True) is None
    return False


def launched_before(text: str, at: int) -> bool:
    """True if a launch word is among the last ``LAUNCH_REACH`` words of the clause ending at ``at``."""
    clause = CLAUSE_MARKS.split(text[max(0, at - LAUNCH_LOOKBACK_CHARS) : at])[-1]
    return any(w in LAUNCH_WORDS for w in clause.lower().split()[-LAUNCH_REACH:])


def demonym_country(
    tokens: list[Token], k: int, of_words: frozenset[str], kinds: frozenset[str]
) -> Place | None:
    """The country whose adjective opens "the Chinese city of" before token ``k``, if known."""
    if k < 3 or tokens[k - 1].text not in of_words or tokens[k - 2].text not in kinds:
        return None
    country = DEMONYM_COUNTRIES.get(tokens[k - 3].text)
    return lookup_place(country) if country else None


def dated_earlier(text: str, at: int, year: int | None) -> bool:
    """True if a year before ``year`` (the report's) follows the place ending at ``at``: "in
    Prague in 2010" dates another occasion."""
    after = YEAR_AFTER.match(text, at)
    return after is not None and year is not None and int(after.group(1)) < year
