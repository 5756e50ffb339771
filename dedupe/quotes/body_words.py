"""Words and patterns for bodies and their documents as speakers: statements, declarations,
their issuers, and a body's people speaking for it ("NATO allies", "the Kremlin's office").

Split from ``speaker_words`` (the person-speaker words) so each stays a readable table.
"""

from __future__ import annotations

import re

STATEMENT_HEADS = frozenset(
    "statement release communique communiqué readout declaration document "
    # … in the other languages of VERBS ("indique le communiqué", "dice la declaración").
    "déclaration declaración comunicado documento erklärung dokument mitteilung".split()
)


# A document a body issued, named by what it is and whose: "the final declaration of the
# NATO summit", "la Declaración de la Cumbre de Líderes del G20", "NATO's declaration".
# The issuer is the acronym after the noun (within its clause) or just before it. German
# makes the noun a compound ("die Schlusserklärung des PSO-Gipfels").
DOCUMENT_NOUN = re.compile(
    r"\b(?:declarations?|communiqu[eé]s?|documents?|d[ée]clarations?|declaraci[oó]n|comunicados?"
    r"|documentos?|\w*erkl[äa]rung)\b",
    re.IGNORECASE,
)
ISSUER_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")


# How far after a document's noun its issuer may be named ("declaration of the NATO summit").
ISSUER_REACH = 60


# Nouns for a body's people that speak for it: "NATO allies", "los técnicos de la agencia".
COLLECTIVES = frozenset(
    "allies members leaders officials technicians engineers experts staff spokespeople "
    "aliados miembros líderes dirigentes funcionarios técnicos ingenieros expertos portavoces "
    "alliés membres dirigeants responsables techniciens ingénieurs experts".split()
)


# "the allies of NATO", "los técnicos de JAXA": a body's people named after them ...
COLLECTIVE_OF = re.compile(
    r"(?:(?:the|los|las|les)\s+)?(?P<group>[^\W\d_]+)\s+(?:of|de|del|des|d[’'])\s*"
    r"(?:(?:the|la|el|l[’'])\s*)?(?P<body>.+)",
    re.IGNORECASE,
)
# ... or before them, as English does: "NATO allies", "the agency's engineers".
COLLECTIVE_AFTER = re.compile(r"(?:the\s+)?(?P<body>.+?)(?:[’']s)?\s+(?P<group>[^\W\d_]+)", re.IGNORECASE)


# How far back "the declaration" looks for the Declaration it names.
DOCUMENT_REACH = 4000


OFFICE = re.compile(
    r"(?P<owner>.+?)[’']s\s+(?P<noun>office|press service|spokesman|spokeswoman|spokesperson)"
)


ISSUERS = (
    re.compile(r"(?P<issuer>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of|for|and|[A-Z][\w’'\-]*))*)\s+said\s+in\s+a\s+statement"),
    re.compile(r"\b[Ii]n\s+a\s+(?:[\w-]+\s+)?statement,\s+(?P<issuer>[^,.;]{1,60}?)\s+(?:said|stated|added)"),
    re.compile(r"statement\s+(?:by|from)\s+(?P<issuer>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of|for|and|[A-Z][\w’'\-]*))*)"),
)  # fmt: skip


# A named document: "the Washington Summit Declaration", "the Joint Statement", also with
# the noun in lower case ("the Washington Summit declaration"); "The declaration" opening a
# sentence names none.
TITLED = re.compile(
    r"(?:(?!(?:The|A|An|This|That|Its|Their|His|Her)\s)[A-Z][\w’'\-]*\s+){1,6}"
    r"(?P<head>[Dd]eclaration|[Cc]ommuniqu[eé]|Document|Release|Readout)\b"
)
