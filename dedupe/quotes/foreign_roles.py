"""Role words that other languages write capitalised inside a name's run of capitals.

German capitalises every noun, so "Russlands Präsident Wladimir Putin", "Notenbankchefin
Christine Lagarde" or "Gründer Musk" come out of the finder of names whole: the person is
the name after the last role word ("Wladimir Putin"), and the words before it are the
article's description of them, which ``role_words`` reads from the text before the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from dedupe.evidence.lexicon import TITLES, fits
from dedupe.evidence.mentions import Mention
from dedupe.quotes.speaker import Speaker
from dedupe.quotes.speaker_words import FOREIGN_TITLES, LEADERS, SPEECH_VERB

# The endings of German role nouns, whole or as a compound's last part ("Regierungschef",
# "Einsatzleiter", "Außenministerin"); each also with the feminine "-in".
GERMAN_ROLE_ENDINGS = tuple(
    e + suffix
    for e in (
        "präsident chef minister kanzler sprecher leiter direktor gründer sekretär botschafter "
        "vorsitzender gouverneur bürgermeister kommandeur premier ökonom analyst experte beamter "
        "beamtin berater chefökonom"
    ).split()
    for suffix in ("", "in")
)
# The words that make a name the object of a description ("el secretario del Tesoro de X").
OF_WORDS = frozenset("de del des du d of der di della dello dei".split())
# The same, where a subject phrase names its subject first ("der Präsident des Instituts X"):
# German "der" is left out, as it is also the article of a subject.
DESCRIBED_WORDS = OF_WORDS - {"der"}
# How far back the word before a name is looked for.
OF_REACH = 12
# What stands between a described name and the person it describes: the rest of the
# description's name ("für Wirtschaftsforschung"), a bracketed gloss, a comma.
APPOSED_NEXT = re.compile(r"[^,.;:!?()\n]{0,40}(?:\([^()]{1,20}\)\s*)?,\s*")
# How many first letters two words must share to be forms of one place's name outside
# English, whose adjectives inflect ("russische", "Russlands"; "russo", "Russia").
PLACE_STEM = 4
# The words that mark a name after a verb as the one spoken to: Spanish's and Italian's "a",
# French's "à" ("dijo a Li", "ha detto a Velde"), by language.
OBJECT_MARKERS = {
    "es": frozenset({"a", "al"}),
    "it": frozenset({"a", "al", "alla"}),
    "fr": frozenset({"à", "au"}),
}
# The most words of a phrase that is only the one spoken to: the marker and a full name.
OBJECT_WORDS = 3
# A name right after a speech verb, titles and articles between: the subject other languages
# put after the verb ("a indiqué Powell", "dijo el presidente X"), no one spoken to ("dit à X").
POSTPOSED = re.compile(
    rf"\b(?:{SPEECH_VERB.pattern})\s+(?:(?!(?:à|au|aux|a|al|alla)\s)[^\W\d_][\w’'-]*\s+){{0,4}}$"
)
# How far back the verb of a postposed subject is looked for.
POSTPOSED_REACH = 60
# "The latter" in the other languages: the last person named ("„…“, sagte dieser").
LATTER = frozenset(
    "dieser, letzterer, ce dernier, cette dernière, este último, esta última, quest'ultimo, quest’ultimo, "
    "questa ultima, последний".split(", ")
)
# A capitalised word, where a name the finder of names missed may be.
CAPITAL = re.compile(r"\b[A-ZÀ-ÝА-ЯЁ]")
# Indefinite articles: a name after one is no body's ("sagte eine Anwohnerin").
INDEFINITES = frozenset("ein eine un une una uno".split())
# Seats of power a descriptor names its leader by ("el inquilino del Kremlin", "der
# Kremlchef"), each with how the words of its country begin ("ruso", "russische", "российский").
SEATS = {"kreml": ("rus", "рос"), "кремл": ("rus", "рос"), "élysée": ("fran", "фран"), "elíseo": ("fran",)}
# The seats' own names, which speak as bodies ("dijo el Kremlin", "в Кремле заявили").
SEAT_NAMES = frozenset("kreml kremlin кремль кремля кремле élysée elysée elíseo".split())
# The words the seat's leader is given: a head of state's or government's title.
SEAT_TITLES = LEADERS
# "He" and "She" as written inside another language's sentence: a name ("dijo He"), for
# English's pronouns are no pronouns there.
ENGLISH_CAPITALS = frozenset({"He", "She"})
# How far back a sentence's opening preposition before a name is looked for.
OPENING_REACH = 40
# The last word before a name, and the sentence's stop before it if it opens the sentence.
LAST_WORD = re.compile(r"(?:(?P<stop>^|[.!?:\n«»„“”\"])\s*)?(?P<word>[^\W\d_]+)\s+$")
# Role words in the other languages that may be written capitalised before a name
# ("Premier Mara Velde", "Presidente Mara Velde").
ROLE_WORDS = FOREIGN_TITLES | TITLES


# Prepositions that open a German sentence before a bare noun ("Nach Angaben des Militärs",
# "Mit Blick auf …", "Auf Nachfrage"): the capitalised word after one is a noun, no name.
GERMAN_OPENING_PREPOSITIONS = frozenset(
    "nach mit von aus bei zu seit auf unter über vor gegen für durch ohne trotz wegen zur zum im am beim vom "
    "angesichts infolge dank".split()
)


def role_word(word: str, language: str) -> bool:
    """True if ``word`` is a title or, in German, a role noun or a compound ending in one."""
    low = word.casefold()
    return low in ROLE_WORDS or (language == "de" and low.endswith(GERMAN_ROLE_ENDINGS))


def untitled(mentions: Iterable[Mention], masked: str, language: str) -> list[Mention]:
    """The names after the last role word of each mention ("Russlands Präsident Wladimir
    Putin" → "Wladimir Putin"), outside English, whose finder of names cuts at its own
    titles; a run of role words alone ("Präsidentin", "Der Kremlchef") names nobody, nor
    does a German noun after a sentence's opening preposition ("Nach Angaben")."""
    if language == "en":
        return list(mentions)
    found = []
    for mention in mentions:
        words = mention.name.split(" ")
        if language == "de" and len(words) == 1 and _after_opening_preposition(masked, mention.start):
            continue
        last = max((k for k, w in enumerate(words) if role_word(w, language)), default=-1)
        if last == len(words) - 1:
            continue
        cut = len(" ".join(words[: last + 1])) + 1 if last >= 0 else 0
        found.append(replace(mention, name=mention.name[cut:], start=mention.start + cut))
    return found


def apposed_roles(masked: str, mentions: list[Mention], roles: list[frozenset[str]]) -> list[frozenset[str]]:
    """Give the role words of a name inside a description to the person the description is
    apposed to: "la secretaria de Comercio de Nueva Tarnia (NT), Mara Velde" describes
    Velde, not "Nueva Tarnia", which the finder of names takes for a person."""
    moved = list(roles)
    for k in range(len(mentions) - 1):
        before = masked[max(0, mentions[k].start - OF_REACH) : mentions[k].start].split()
        between = masked[mentions[k].end : mentions[k + 1].start]
        if before and before[-1].casefold() in OF_WORDS and APPOSED_NEXT.fullmatch(between):
            moved[k + 1] = moved[k + 1] | moved[k]
            moved[k] = frozenset()
    return moved


def described(words: str) -> bool:
    """True if ``words`` end in a word that makes the name after them a description's object."""
    last = words.split()[-1:]
    return bool(last) and last[0].casefold() in DESCRIBED_WORDS


def _after_opening_preposition(masked: str, start: int) -> bool:
    """True if the word before ``start`` is a capitalised preposition that opens its sentence."""
    before = LAST_WORD.search(masked, max(0, start - OPENING_REACH), start)
    if before is None or not before.group("word")[:1].isupper():
        return False
    return before.group("word").casefold() in GERMAN_OPENING_PREPOSITIONS and before.group("stop") is not None


def modifier_fits(cue: str, word: str, language: str) -> bool:
    """True if a descriptor's modifier is a word the article gives the person; outside English
    also another form of one place's name ("russische" of "Russlands", "russo" of "Russia"),
    whose adjectives inflect: the same first ``PLACE_STEM`` letters."""
    if fits(cue, word):
        return True
    return (
        language != "en"
        and len(cue) > PLACE_STEM
        and len(word) > PLACE_STEM
        and cue[:PLACE_STEM] == word[:PLACE_STEM]
    )


def foreign_object(words: list[str], language: str) -> bool:
    """True if a subject phrase is the one spoken to, its marker and a name ("a Li", "a Mara
    Velde"); a longer one may go on to the subject ("a déclaré à l'AFP Mara Velde")."""
    return len(words) <= OBJECT_WORDS and words[0].casefold() in OBJECT_MARKERS.get(language, frozenset())


def postposed(masked: str, start: int, language: str) -> bool:
    """True outside English for a name that is the subject after its speech verb ("…, a
    indiqué Powell"): the narrative is about them as when a name opens a clause."""
    if language == "en":
        return False
    return POSTPOSED.search(masked, max(0, start - POSTPOSED_REACH), start) is not None


def unfound_name(masked: str, start: int, end: int) -> bool:
    """True if a capitalised word that opens no sentence stands in ``[start, end)``: a name the
    finder of names may have missed ("He Lifeng"), so that "the latter" may be someone else."""
    for match in CAPITAL.finditer(masked, start, end):
        before = masked[start : match.start()].rstrip()
        if before and before[-1] not in '.!?\n:«»„“”"':
            return True
    return False


def latter(
    written: str, before: list[Mention], masked: str, position: int, canonical: dict[str, str]
) -> Speaker:
    """ "The latter" ("sagte dieser", "este último"): the last person named ``before`` it, unless
    a capitalised word the finder of names did not take stands in between ("He Lifeng")."""
    if not before or unfound_name(masked, before[-1].end, position):
        return Speaker.unknown(written)
    return Speaker(written, canonical[before[-1].name], "person")


def _seat_stems(word: str) -> tuple[str, ...]:
    """The stems of the country whose seat ``word`` names or begins with ("Kremlchef"), or none."""
    low = word.casefold()
    return next((stems for seat, stems in SEATS.items() if low.startswith(seat)), ())


def seat(words: list[str]) -> bool:
    """True for a descriptor by a seat of power: "el inquilino del Kremlin", "der Kremlchef";
    not the seat itself ("el Kremlin", which speaks as a body)."""
    last = words[-1].casefold()
    if len(words) < 2 or not _seat_stems(last):
        return False
    if last in SEAT_NAMES:
        return len(words) > 2 and words[-2].casefold() in OF_WORDS | {"im", "au", "en", "al"}
    seat_name = next(name for name in SEATS if last.startswith(name))
    return role_word(last[len(seat_name) :], "de")  # "Kremlchef"


def seat_holder(words: list[str], given: dict[str, frozenset[str]]) -> str | None:
    """The one person named so far with the descriptor's own word ("Kremlchef X") or, failing
    that, with a leader's title and a word of the seat's country ("el presidente ruso, X")."""
    named = [name for name, roles in given.items() if words[-1].casefold() in roles]
    if named:
        return named[0] if len(named) == 1 else None
    stems = _seat_stems(words[-1])
    holders = [
        name
        for name, roles in given.items()
        if not roles.isdisjoint(SEAT_TITLES) and any(r.startswith(stems) for r in roles)
    ]
    return holders[0] if len(holders) == 1 else None
