"""Venues news names instead of their town: a seat of government, the UN, a launch site.

The gazetteer holds towns of 15,000 people or more; news often places an event by its venue
alone: "talks at the Kremlin", "a speech to the UN General Assembly", "lifted off from the
Tanegashima Space Center". Each venue here stands for the gazetteer's place it lies in, the
town where the gazetteer has it, else its state or country. A seat's name is often said for
who sits there ("the Kremlin said"), so it places an event only after a locative ("at the
Kremlin"); a launch site and the UN's assembly and council are places wherever named. A
venue followed by its own town ("at the Kremlin in Moscow") leaves the town to be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dedupe.evidence.places import Place, lookup_place
from dedupe.models import Span

# Seats named for who sits there, and the gazetteer's place each lies in.
_UN_NAMES = (
    r"United Nations|U\.N\.|UN|ONU|ООН|Naciones Unidas|Nations [Uu]nies|Vereinten Nationen|Nazioni Unite"
)
SEATS = {
    r"Kremlin|Kreml|Кремл[её]": "Moscow",
    r"White House|Maison Blanche|Casa Blanca|Wei(?:ß|ss)en Haus|Casa Bianca|Белом доме": "Washington",
    r"Élysée|Elysée|Elysee": "Paris",
    r"Downing Street": "London",
    r"Great Hall of the People|Zhongnanhai": "Beijing",
    _UN_NAMES: "New York City",
}  # fmt: skip
_UN = r"(?:U\.?N\.?|United Nations|ONU|ООН)"
# The UN's bodies that sit at its headquarters, places wherever named: "the UN General Assembly".
UN_BODIES = {
    "|".join((
        rf"{_UN}(?:'s)? (?:General Assembly|Security Council)",
        r"(?:General Assembly|Security Council) of the United Nations",
        r"(?:Asamblea General|Consejo de Seguridad) de (?:las Naciones Unidas|la ONU)",
        r"(?:Assemblée générale|Conseil de sécurité) (?:des Nations [Uu]nies|de l'ONU)",
        r"UN-(?:Generalversammlung|Sicherheitsrat)",
        r"(?:Generalversammlung|Sicherheitsrat) der (?:Vereinten Nationen|UN)",
        r"Assemblea [Gg]enerale (?:delle Nazioni Unite|dell'ONU)",
        r"Генеральн\w+ Ассамбле\w+ ООН",
    )): "New York City",
}  # fmt: skip
# Orbital launch sites whose town the gazetteer lacks, and the state or country each is in.
LAUNCH_SITES = {
    r"Tanegashima|Uchinoura": "Japan", r"Sriharikota|Satish Dhawan": "India",
    r"Cape Canaveral|Cabo Cañaveral|Cap Canaveral|Kennedy Space Cent(?:er|re)|Centro Espacial Kennedy"
    r"|Centre spatial Kennedy|Kennedy-Raumfahrtzentrum": "Florida", r"Vandenberg": "California",
    r"Wallops": "Virginia", r"Starbase": "Texas", r"Plesetsk|Плесецк": "Russia",
    # Vostochny ("eastern") only with its word for a cosmodrome, as any language names it.
    r"Vostochny [Cc]osmodrome|[Cc]osm[oó]drom[eo] (?:de |di )?Vosto(?:t)?chny|Kosmodrom Wostotschny"
    r"|космодром\w* [\"«]?Восточн\w*": "Russia",
    r"Mahia": "New Zealand", r"Sohae": "North Korea", r"Naro Space Cent(?:er|re)": "South Korea",
    r"Palmachim": "Israel", r"Guiana Space Cent(?:er|re)|Centre spatial guyanais": "Kourou",
}  # fmt: skip
# Where a seat is the event's place: after a locative, an article between ("at the Kremlin",
# "au Kremlin", "im Kreml", "в Кремле", "ante la ONU").
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|inside|à|au|dans|en|ante|im|in der|am|nel|nella|alla|all'|в|на)\s+"
    r"(?:the\s+|la\s+|le\s+|l'|el\s+|der\s+|dem\s+|il\s+)?$",
    re.IGNORECASE,
)
# How far before a seat that locative is looked for: the word and an article.
LOCATIVE_LOOKBACK_CHARS = 20
# A seat a speech verb follows speaks for who sits there even after a locative: "in the
# Kremlin, officials said", "В Кремле заявили", "В Кремле назвали" (the Kremlin said, called).
SPEECH_AFTER = re.compile(
    r"[\s,]*(?:\w+\s+){0,2}?(?:said|says|say|announced|called|named|stated|told|denied|confirmed"
    r"|заявили|назвали|сообщили|отметили|ответили|подчеркнули|считают|прокомментировали)\b"
)
# A name written after a venue, which may be its own town: "at the Kremlin in Moscow", "the
# Élysée, Paris"; the gazetteer tells a town from a region it lacks ("Sriharikota, Andhra Pradesh").
NAME_AFTER = re.compile(
    r"\s*(?:,|\bin\b|\bà\b|\ben\b|\bв\b)\s*([A-ZÀ-ÝА-Я][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2})"
)


def _pattern(table: dict[str, str]) -> re.Pattern[str]:
    """One pattern naming each venue of ``table`` as a whole word, the venue's key its group's index."""
    return re.compile("|".join(f"(?<!\\w)({p})(?!\\w)" for p in table))


# (pattern, places by group, whether a locative must come before)
# The UN's bodies first: "the U.N. General Assembly" is one venue, not "U.N." and more.
_TABLES = tuple((_pattern(t), tuple(t.values()), t is SEATS) for t in (UN_BODIES, SEATS, LAUNCH_SITES))


def venue_places(text: str, sentence: Span) -> Iterator[tuple[Span, Place]]:
    """Yield each venue ``sentence`` places its event at and the gazetteer's place it lies in."""
    taken: list[Span] = []
    for pattern, places, needs_locative in _TABLES:
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if any(s.start < m.end() and m.start() < s.end for s in taken):
                continue  # part of a venue already read: "U.N." in "the U.N. General Assembly"
            taken.append(Span(m.start(), m.end()))
            if _town_after(text, m.end()):
                continue  # its town is read where it is written
            if needs_locative and (
                not LOCATIVE_BEFORE.search(
                    text, max(sentence.start, m.start() - LOCATIVE_LOOKBACK_CHARS), m.start()
                )
                or SPEECH_AFTER.match(text, m.end())
            ):
                continue  # "the Kremlin said", "В Кремле заявили" (the Kremlin said)
            place = lookup_place(places[(m.lastindex or 1) - 1], located=True)
            if place is not None and place.known:
                yield taken[-1], place


def venue_named(name: str) -> Place | None:
    """The place a venue's name alone stands for ("UNITED NATIONS" in a dateline), if one does."""
    for pattern, places, _ in _TABLES:
        m = pattern.fullmatch(name)
        if m is not None:
            return lookup_place(places[(m.lastindex or 1) - 1], located=True)
    return None


def _town_after(text: str, at: int) -> bool:
    """True if a town the gazetteer knows is written just after ``at`` ("… in Moscow", "…, Paris")."""
    after = NAME_AFTER.match(text, at)
    if after is None:
        return False
    words = after.group(1).split()
    for n in range(len(words), 0, -1):
        place = lookup_place(" ".join(words[:n]), located=True)
        if place is not None and place.known:
            return True
    return False


def launch_site(name: str) -> bool:
    """True if ``name`` is a launch site's (``LAUNCH_SITES``): a rocket leaves "from" it, so "from"
    there says where the event is, not where someone comes from."""
    return _TABLES[-1][0].fullmatch(name) is not None
