"""Who took part in the event a report narrates, as ``facts_view`` compares them.

The event profile's participants feed the fitted event model and stay as fitted; the
facts view asks more of them. A participant must be written as a person, and not as
news writes a thing: a locative or an article opening the name ("В Кремле"), an abstract
noun ("Zusammenfassung", "Exploração"), a unit after a number ("148 Kilometer Höhe"), a
body's or a summit's noun ("Саммит", "Cumbre"); nor is a name the text only writes aside
from the narration: in quotations, signing an embedded post, as a correspondent's or the
late's, in a related story's teaser, alone on its line. Where none of the profile's
participants is so written, the lead is the first name that is, outside bylines and captions.
Names lose the words a title puts before them ("России Сергей Лавров", "SpaceX-Gründer
Elon Musk") and keep an article-joined surname after them ("… el-Sisi"). A spokesperson
announces the meeting rather than taking part in it, and a meeting whose sentence does not
name the lead is another. Whoever the lede or the lead's own sentence says the lead met
takes part, in any language the lede is read in, and so does whoever a sentence says joined,
attended or hosted the gathering ("the leaders attending include …", ``facts_gatherings``)
or whom the lede joins to the lead as one subject ("X and Y signed", ``facts_partners``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from dedupe.evidence import facts_partners as partners
from dedupe.evidence.events import EventProfile, Fact
from dedupe.evidence.facts_gatherings import gathering_sentences, speaking
from dedupe.evidence.facts_lede import LEDE_CONFIDENCE, lede_sentences
from dedupe.evidence.foreign_dates import FOREIGN_MONTHS
from dedupe.evidence.name_titles import after_titles, hyphen_rest, no_name, stamped_byline, without_month
from dedupe.evidence.names import same_person
from dedupe.evidence.page_furniture import is_furniture
from dedupe.evidence.participants import PROTAGONIST_CHECKS, PROTAGONIST_CONFIDENCE
from dedupe.evidence.places import lookup_exonym
from dedupe.evidence.thing_names import BEFORE_CHARS, BRAND, LOCATIVES, named_as_person
from dedupe.models import Article, Span
from dedupe.text.dates import MONTHS

# Who announces a meeting rather than taking part: "spokeswoman", "la portavoce", "Sprecherin".
SPOKESPERSON = re.compile(
    r"\b(?:spokes(?:man|woman|person)|porte-parole|portavoce|portavoz|porta-voz|sprecher(?:in)?|"
    r"представитель|официальный представитель)\b",
    re.IGNORECASE,
)
# Endings of abstract nouns in the languages read ("Zusammenfassung", "Exploração",
# "Actualidad", "Mondmission"), on words at least ``ABSTRACT_MIN_CHARS`` long: no person's name.
ABSTRACT_ENDINGS = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "sion",
    "ción",
    "sión",
    "ção",
    "são",
    "idad",
    "ität",
)
ABSTRACT_MIN_CHARS = 7
# Of those, the German endings, read in German text (or text of no known language) alone:
# in English "Ann Hartung" is a senator, in German "Zur Zündung" a heading.
GERMAN_ENDINGS = ("ung", "heit", "keit", "schaft", "ität")
GERMAN_OR_UNKNOWN = frozenset(("de", "und", ""))
# Spanish and Portuguese given names and surnames from feasts and virtues that end like an
# abstract noun: "Trinidad Jiménez", "María Concepción", "Assunção Cristas".
NAMES_LIKE_NOUNS = frozenset(
    "concepción asunción encarnación purificación anunciación presentación visitación ascensión "
    "trinidad caridad natividad conceição assunção encarnação purificação anunciação ascensão".split()
)
# Nouns of bodies and gatherings in names, in the languages read besides English (which
# ``thing_names.THING_WORDS`` covers): "Саммит Шанхайской …", "Республика Беларусь", "Cumbre Mundial".
BODY_WORDS = frozenset(
    "саммит саммита республика республики федерация союз cumbre sommet gipfel vertice cimeira "
    "república république republik unión união".split()
)
# A Russian title's genitive complement written before the name ("министр иностранных дел
# России Сергей Лавров", "Российской Федерации", "Китая"): a place or these endings.
COMPLEMENT_ENDINGS = ("ии", "ой", "ого", "ая")
# German number words: German capitalises the noun after them ("Neun Minuten", "Zwei Tage"),
# which then looks like a name; other languages write that noun in lower case.
NUMBER_WORDS = ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn")
# A count on the name's line: one to three digits, not part of a date or a time ("90 Minuten",
# not "2023-11-18 Elon Musk"), or a German number word. A word written after it is a unit, not a name.
COUNTED = re.compile(r"(?:(?<![\w\-/.:,])\d{1,3}|(?i:\b(?:" + "|".join(NUMBER_WORDS) + r")))[^\S\n]+")
# A capitalised word before a number in mid-sentence names a model, not a count: "the Boeing
# 737 Max", "Chandrayaan 3 Vikram" (a sentence's first word may open a count: "Rund 90 Minuten").
MODEL_BEFORE = re.compile(r"(?:[^.!?:\s][^\S\n]+)[A-ZÀ-Ý][\w-]*[^\S\n]+$")
# Characters before a count looked at for a model's name.
MODEL_CHARS = 40
# An embedded social post's signature after its author's name: "— Jane Roe (@janeroe)".
HANDLE_AFTER = re.compile(r"\s*\(@\w+\)")
# Before a name, who reports or is gone rather than takes part: a correspondent ("передает
# корреспондент", "our correspondent"), the dead and past office-holders ("the late", "the then").
NOT_TAKING_PART = re.compile(
    r"\b(?:correspondent|reporter|корреспондент|обозреватель|corresponsal|correspondant|korrespondent(?:in)?"
    r"|the late|the then|then-)\b[^.\n]*$",
    re.IGNORECASE,
)
# A related story's label opening its line: "READ ALSO |", "LEA TAMBIÉN:", "MIRÁ TAMBIÉN |".
RELATED_LABEL = re.compile(r"[^\S\n]*[A-ZÀ-Ý][A-ZÀ-Ý ]{3,}[^\S\n]*[|:]")
# A surname joined to its lower-case Arabic article, after the given names: "… el-Sisi", "… al-Thani".
JOINED_SURNAME = re.compile(r"[^\S\n]+((?:el|al|ad|ash|as|at|az)-[A-Z][\w'’-]*)")
# English third-person pronouns, which in a report's sentence about a meeting stand for its lead.
LEAD_PRONOUNS = ("he", "He", "she", "She", "his", "His", "her", "Her", "him")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def people_view(text: str, people: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The people named, each under its whole name (``whole_name``)."""
    return tuple(replace(p, canonical=whole_name(text, p)) for p in people)


def whole_name(text: str, person: Fact) -> str:
    """The person's name without a title's words before it and with the article-joined surname
    the entity rules leave after it: "Abdel Fattah" followed by "el-Sisi" is Abdel Fattah el-Sisi."""
    name = without_month(text, person.span.end, bare_name(person.canonical))
    if text[person.span.start : person.span.end] == name and hyphen_rest(text, person.span.end):
        return name + hyphen_rest(text, person.span.end)  # "Kim Jong" before "-un"
    after = JOINED_SURNAME.match(text, person.span.end)
    return f"{name} {after.group(1)}" if after and text[person.span.start : person.span.end] == name else name


def bare_name(name: str) -> str:
    """Drop a title's words from before a name: "России Сергей Лавров", "SpaceX-Gründer Elon Musk"."""
    words = name.split()
    while len(words) > 2 and (_complement(words[0]) or BRAND.search(words[0])):
        words = words[1:]
    titled = after_titles(words)  # "Fed Chair Jerome Powell", "Президент России Владимир Путин"
    return bare_name(" ".join(titled)) if titled != words else " ".join(words)


def _complement(word: str) -> bool:
    """True for a Russian genitive a title puts before a name: a place or a body ("Федерации")."""
    if not CYRILLIC.match(word):
        return False
    place = lookup_exonym(word)
    return word.lower().endswith(COMPLEMENT_ENDINGS) or (place is not None and place.known)


def written_as_person(text: str, name: str, language: str = "und") -> bool:
    """True if the text writes ``name`` as a person's (``named_as_person``) and as no noun's.

    Not a person's: a name opening on a locative ("В Кремле"), holding an abstract noun or a
    body's noun, or a word the text also writes after a count ("90 Minuten"); nor one every
    mention of which stands aside from the narration (``_aside``).
    """
    words = name.split()
    if not words or words[0].lower() in LOCATIVES or not named_as_person(text, name):
        return False
    if no_name(words):  # "Seit März", "Präsident"
        return False
    if any(w.lower() in BODY_WORDS or _abstract(w, language) for w in words):
        return False
    if any(_counted(text, w) for w in words):
        return False
    mentions = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    return not mentions or not all(_aside(text, m.start(), m.end()) for m in mentions)


def _aside(text: str, start: int, end: int) -> bool:
    """True for a mention that narrates nobody taking part: in a quotation, signing an embedded
    post ("— Jane Roe (@janeroe)"), a reporter's or the late's, a related story's teaser, a
    line of its own ("Zweiter Versuch" as a heading)."""
    line = text.rfind("\n", 0, start) + 1
    return bool(
        quoted(text, start, line)
        or HANDLE_AFTER.match(text, end)
        or NOT_TAKING_PART.search(text, max(line, start - BEFORE_CHARS * 3), start)
        or RELATED_LABEL.match(text, line, start)
        or text[line:].split("\n", 1)[0].strip() == text[start:end]  # a heading, a byline
        or stamped_byline(text, Span(line, line + len(text[line:].split("\n", 1)[0])))
    )


def quoted(text: str, at: int, start: int) -> bool:
    """True if ``at`` stands inside a quotation opened after ``start`` (its sentence's start).

    A straight quote may close a curly one (“… has been made," X announced); German closes
    „ with “ („Orion“), which elsewhere opens.
    """
    before = text[start:at]
    german = min(before.count("„"), before.count("“"))  # „…“ pairs: each “ after a „ closes it
    curly = sum(before.count(c) for c in "“«„") - sum(before.count(c) for c in "”»") - 2 * german
    straight = before.count('"')
    return curly > straight if curly > 0 else straight % 2 == 1


def _abstract(word: str, language: str) -> bool:
    """True for an abstract noun of the text's language ("Zusammenfassung" in German text)."""
    lower = word.lower()
    if len(lower) < ABSTRACT_MIN_CHARS or not lower.endswith(ABSTRACT_ENDINGS) or lower in NAMES_LIKE_NOUNS:
        return False
    return language.split("-")[0].lower() in GERMAN_OR_UNKNOWN or not lower.endswith(GERMAN_ENDINGS)


def _counted(text: str, word: str) -> bool:
    """True if the text writes ``word`` after a count ("90 Minuten"): not a day before a month
    ("5 May" is no count of Mays) nor a model's number ("the Boeing 737 Max")."""
    if word.lower() in MONTHS or word.lower() in FOREIGN_MONTHS:
        return False
    return any(
        not MODEL_BEFORE.search(text, max(0, m.start() - MODEL_CHARS), m.start())
        for m in re.finditer(COUNTED.pattern + re.escape(word) + r"(?!\w)", text)
    )


def participants_view(article: Article, profile: EventProfile, found: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The profile's participants written as people, and whoever a lede sentence says met them.

    The event profile reads meetings in English ("met with", "talks with"); a lede names the
    other side of its lead's meeting in any language ("tient une réunion avec … Wang Yi",
    "il colloquio fra … Sergei Lavrov e Wang Yi", "talks with China's top diplomat Wang Yi").
    Where none of the profile's is written as a person, the lead is the first name that is.
    """
    text = article.text
    named = [replace(f, canonical=whole_name(text, f)) for f in found]
    kept = [f for f in named if written_as_person(text, f.canonical, article.language)]
    # "FM Lavrov" beside "Sergey Lavrov": a title's abbreviation before the surname, one person.
    kept = [f for f in kept if not _titled_again(f, kept)]
    if not kept or not partners.in_lede(article, kept[0]):  # a lead the lede never names: a commentator's
        lead = _first_person(article, profile, lede_only=bool(kept))
        kept = [lead, *kept] if lead is not None else kept
    if not kept:
        return ()
    lead = kept[0]
    people = profile.people
    # The profile's meetings are the lead's where their sentence names the lead, if only by
    # surname or by an English pronoun ("During his visit, he will meet …").
    pronouns = LEAD_PRONOUNS if article.language == "en" else ()
    by_surname = (lead.canonical.split()[-1], *pronouns)
    kept = [lead, *(f for f in kept[1:] if _with_lead(text, f.sentence, lead, people, by_surname))]
    kept = [
        lead,
        *(
            f
            for f in kept[1:]
            if not _announcer(text, f, people) and not partners.not_with_lead(text, f, lead)
        ),
    ]
    for sentence in partners.meeting_sentences(article, lead):
        if _with_lead(text, sentence, lead, people, pronouns):
            met = _named_in(text, sentence, people) + _met_by_surname(text, sentence, people)
            _admit(text, kept, met, "met", article.language)
    _admit(text, kept, partners.coordinated_with_lead(article, lead, people), "participant", article.language)
    for sentence in gathering_sentences(text):  # "X joined the leaders", "the leaders attending include X"
        attending = [p for p in _named_in(text, sentence, people) if not speaking(text, sentence, p)]
        _admit(text, kept, attending, "participant", article.language)
    return tuple(kept)


def _admit(text: str, kept: list[Fact], people: list[Fact], role: str, language: str) -> None:
    """Add to ``kept`` those of ``people`` named in full as a person, neither a spokesperson nor
    one already kept: a one-word name beside the lead may be a word ("Азиатско-Тихоокеанскому")."""
    for person in people:
        if (
            " " in person.canonical
            and not any(partners.one_name(person.canonical, f.canonical) for f in kept)
            and not _spokesperson(text, person)
            and written_as_person(text, person.canonical, language)
        ):
            kept.append(replace(person, slot="participant", role=role, confidence=LEDE_CONFIDENCE))


def _named_in(text: str, sentence: Span, people: tuple[Fact, ...]) -> list[Fact]:
    """The people a sentence names: those the profile found in it, and those written there in
    full where the entity rules missed them ("talks with Foreign Minister of China Wang Yi")."""
    words = sentence.slice(text)
    inside = []
    for person in people:
        full = " " in person.canonical  # a one-word name may be a common word ("Will")
        if sentence.start <= person.span.start < sentence.end or (
            full and re.search(rf"(?<!\w){re.escape(person.canonical)}(?!\w)", words)
        ):
            inside.append(person)
    return inside


def _with_lead(
    text: str, sentence: Span, lead: Fact, people: tuple[Fact, ...], also: tuple[str, ...]
) -> bool:
    """True if the sentence names the lead: where the lead was found, in full, or by one of the
    words ``also`` (a surname, a pronoun); not "Meetings between X and Y …"."""
    words = sentence.slice(text)
    if sentence.start <= lead.span.start < sentence.end:
        return True
    if also and re.search(rf"(?<!\w)(?:{'|'.join(map(re.escape, also))})(?!\w)", words):
        return True
    return any(same_person(p.canonical, lead.canonical) for p in _named_in(text, sentence, people))


def _met_by_surname(text: str, sentence: Span, people: tuple[Fact, ...]) -> list[Fact]:
    """The people introduced in full elsewhere whom the sentence names by surname ("congratulated Lavrov")."""
    words = sentence.slice(text)
    return [
        p
        for p in people
        if " " in p.canonical and re.search(rf"(?<!\w){re.escape(p.canonical.split()[-1])}(?!\w)", words)
    ]


def _first_person(article: Article, profile: EventProfile, *, lede_only: bool = False) -> Fact | None:
    """The lede's first name written as a person's, else (unless ``lede_only``) the article's:
    the lead none was found for."""
    lede = [s for s, _ in lede_sentences(article)]
    in_lede = [p for p in profile.people if any(s.start <= p.span.start < s.end for s in lede)]
    order: dict[str, Fact] = {}
    for person in (*in_lede, *(() if lede_only else profile.people)):  # a name met twice is checked once
        order.setdefault(person.canonical, person)
    narrated = [p for p in order.values() if not is_furniture(article.text, p)]  # not "By Jane Roe"
    for person in narrated[:PROTAGONIST_CHECKS]:
        if written_as_person(article.text, person.canonical, article.language):
            return replace(person, slot="participant", role="protagonist", confidence=PROTAGONIST_CONFIDENCE)
    return None


def _titled_again(fact: Fact, others: list[Fact]) -> bool:
    """True for "FM Lavrov" where another participant is "Sergey Lavrov"."""
    words = fact.canonical.split()
    if len(words) != 2 or not words[0].isupper():
        return False
    return any(f is not fact and f.canonical.split()[-1] == words[-1] for f in others)


def _announcer(text: str, fact: Fact, people: tuple[Fact, ...]) -> bool:
    """True if any mention the profile holds of the person names them a spokesperson."""
    return any(_spokesperson(text, p) for p in (fact, *people) if p.canonical == fact.canonical)


def _spokesperson(text: str, person: Fact) -> bool:
    """True if the text names the person as who announced the meeting ("the ministry's spokeswoman X")."""
    return bool(SPOKESPERSON.search(text, max(0, person.span.start - BEFORE_CHARS * 2), person.span.start))
