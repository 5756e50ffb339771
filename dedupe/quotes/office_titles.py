"""A person's title written with its country after "of": "the President of the Russian
Federation said", "the Prime Minister of India said".

Its capitalised words read like a body's name ("… Federation"), but the phrase names the
one person who holds the title. It resolves as the descriptor "the Indian prime minister"
does, to the one person the article gives those words; a country whose adjective is not
known, or a title that fits nobody, leaves the speaker unknown, never a body.
"""

from __future__ import annotations

import re

from dedupe.evidence.places import lookup_place
from dedupe.quotes.speaker_words import ROLE_HEADS
from dedupe.quotes.subject_names import national_body

# A title of one or two words, "of", and a country: "the President of the Russian Federation".
TITLE_OF = re.compile(
    r"(?:[Tt]he\s+)?(?P<title>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+of\s+(?:the\s+)?(?P<place>.+)"
)
# Words of a state's formal name the gazetteer may not hold ("the Russian Federation").
STATE_WORDS = re.compile(r"\b(?:Federation|Republic|Kingdom|Emirates|States)\b")


def office_descriptor(phrase: str) -> str | None:
    """ "the President of India" → "the Indian president"; "" for a title of a country with no
    known adjective; None if ``phrase`` is no title of a country."""
    match = TITLE_OF.fullmatch(phrase)
    if match is None or match.group("title").split()[-1].casefold() not in ROLE_HEADS:
        return None
    place = match.group("place")
    if lookup_place(place) is None and STATE_WORDS.search(place) is None:
        return None
    title = match.group("title").casefold()
    adjective = national_body(f"{place}’s {title}")
    return "" if "’s " in adjective else f"the {adjective}"
