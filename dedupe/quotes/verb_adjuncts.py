"""French, Spanish and Italian may put where or when between a speech verb and its subject
("« … », a ajouté en conférence de presse la ministre X", "“…” ha affermato in conferenza
stampa la presidente X"): the subject is the article's phrase after that adjunct.

``speaker_resolution`` asks for it when a verb-first subject opens with a preposition.
"""

from __future__ import annotations

import re

# The languages whose verb-first frames may carry an adjunct before the subject.
ADJUNCT_LANGUAGES = frozenset("fr es it".split())
# Prepositions of place, time or occasion that open such an adjunct ("in conferenza stampa",
# "en rueda de prensa", "lors de la réunion", "durante il vertice").
ADJUNCT_PREPOSITIONS = frozenset(
    "in nel nella nei nelle durante dopo prima en dans lors après avant pendant tras después desde".split()
)
# Words in the adjunct that bring in someone else ("con la presidente", "avec le ministre"):
# the name after them is the one met, never the subject.
COMPANION_WORDS = frozenset("con col avec a à al au aux ai alla agli insieme junto".split())
# An adjunct (its preposition and up to four words), then the subject's definite article and
# lower-case descriptor words up to where the name begins.
ADJUNCT_THEN_SUBJECT = re.compile(
    r"(?P<prep>[^\W\d_]+)(?P<middle>(?:\s+[^\W\d_’']+){1,4})\s+"
    r"(?P<subject>(?:le|la|les|el|los|las|il|lo|gli)\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+){0,3})\s*,?\s*$"
)


def subject_after_adjunct(text: str, start: int, name_start: int, language: str) -> int | None:
    """Where the subject begins past a verb's adjunct in ``text[start:name_start]`` (the words
    before the name in a verb-first subject), or None if those words are no such adjunct."""
    if language not in ADJUNCT_LANGUAGES:
        return None
    found = ADJUNCT_THEN_SUBJECT.fullmatch(text, start, name_start)
    if found is None or found.group("prep").casefold() not in ADJUNCT_PREPOSITIONS:
        return None
    if any(w.casefold() in COMPANION_WORDS for w in found.group("middle").split()):
        return None
    return found.start("subject")
