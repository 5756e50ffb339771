"""Resolve "the statement", "it" and "the document" to the body that issued it.

A statement's subject stands for the document the article named last ("the Washington Summit
Declaration"), the one body whose document it named, or the last institution that spoke.
"""

from __future__ import annotations

import re

from dedupe.quotes.body_words import (
    DOCUMENT_NOUN,
    DOCUMENT_REACH,
    ISSUER_ACRONYM,
    ISSUER_REACH,
    ISSUERS,
    STATEMENT_HEADS,
    TITLED,
)
from dedupe.quotes.speaker import UNKNOWN, Speaker
from dedupe.quotes.speaker_words import DETERMINERS, drop_article
from dedupe.quotes.subject_names import body_name


def statement_issuers(masked: str) -> list[tuple[int, str]]:
    """Where the text names a statement's issuer ("the ministry said in a statement"), and whom."""
    if "statement" not in masked:
        return []  # every pattern needs the word; without it, each would try every capital first
    return [
        (m.start(), m.group("issuer"))
        for p in ISSUERS
        for m in p.finditer(masked)
        if body_name(m.group("issuer"))
    ]


def institution(
    written: str,
    position: int,
    masked: str,
    institutions: list[tuple[int, Speaker]],
    issuers: list[tuple[int, str]],
) -> Speaker:
    head = written.split()[-1]
    definite = written.split()[0].casefold() in DETERMINERS
    if definite and head.casefold() in STATEMENT_HEADS - {"statement"}:
        # "the declaration said": the Declaration the article named last ("the Washington
        # Summit Declaration").
        titled = [
            m
            for m in TITLED.finditer(masked, max(0, position - DOCUMENT_REACH), position)
            if m.group("head").casefold() == head.casefold()
        ]
        if titled:
            name = titled[-1].group().strip()
            owner = [w.removesuffix("’s").removesuffix("'s") for w in name.split()[:-1]]
            if len(owner) == 1 and ISSUER_ACRONYM.fullmatch(owner[0]):
                name = f"{owner[0]} ({head.casefold()})"  # "the NATO Declaration", "NATO's declaration"
            return Speaker(written, name, "institution")
        issuer = document_issuer(masked, position)
        if issuer is not None:
            return Speaker(written, f"{issuer} ({head.casefold()})", "institution")
    named = re.match(r"(?:[Aa]n?|[Tt]he)\s+(?P<issuer>[A-Z][\w’'\-]*(?:\s+[\w’'\-]+)*?)\s+\w+$", written)
    if named is not None:
        return Speaker(written, f"{named.group('issuer')} (statement)", "institution")
    # "it" stands for one body, never for a pair such as "Russia and China".
    known = [(p, s.canonical) for p, s in institutions if p < position and " and " not in s.canonical]
    known += [(p, f"{drop_article(name)} (statement)") for p, name in issuers if p < position]
    if written.casefold() != "it":
        known = [(p, name) for p, name in known if name.endswith("(statement)")]
    if not known:
        return Speaker(written, UNKNOWN, "institution")
    return Speaker(written, max(known)[1], "institution")


def document_issuer(masked: str, position: int) -> str | None:
    """The one body whose document the article names before ``position``, if one.

    "According to the final declaration of the NATO summit …" then "the document reads":
    news names a document with its issuer once, then calls it "the document". The
    issuer is an acronym (NATO, G20, FOMC) in the noun's clause or just before it;
    documents of two bodies make "the document" anyone's.
    """
    issuers = set()
    for noun in DOCUMENT_NOUN.finditer(masked, max(0, position - DOCUMENT_REACH), position):
        after = masked[noun.end() : noun.end() + ISSUER_REACH]
        after = re.split(r"[.;:!?\n,]", after, maxsplit=1)[0]
        lead = masked[max(0, noun.start() - ISSUER_REACH) : noun.start()]
        before = re.split(r"[.;:!?\n,]", lead)[-1].split()[-2:]
        found = ISSUER_ACRONYM.search(after) or next(
            (
                m
                for w in reversed(before)
                if (m := ISSUER_ACRONYM.fullmatch(w.removesuffix("’s").removesuffix("'s")))
            ),
            None,
        )
        if found is not None:
            issuers.add(found.group())
    return issuers.pop() if len(issuers) == 1 else None
