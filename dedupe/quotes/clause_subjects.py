"""Who a clause is about: names that open it, not names in apposition or a sentence's opening word,
and the bodies a sentence opens with ("G20 leaders …", "La declaración final del G20 …").

``speaker_resolution.SubjectResolver`` reads these to know whom "he" stands for.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from dedupe.evidence.lexicon import COMMON_PLACE_ZIPF, NAME_WORD
from dedupe.evidence.mentions import Mention
from dedupe.evidence.terms import SPACELESS, ZIPF_CEILING, rarity
from dedupe.quotes.body_words import DOCUMENT_NOUN, ISSUER_ACRONYM
from dedupe.quotes.speaker_words import ROLE_HEADS, SUBJECT_LOOKBACK
from dedupe.quotes.subject_names import collective_body

# A sentence's opening words up to its first comma or stop: where its subject is.
_OPENING = re.compile(
    r"(?:^|(?<=[.!?\n]))[^\S\n]*(?P<words>[^\s,.;:!?“”\"«»()]+(?:[^\S\n]+[^\s,.;:!?“”\"«»()]+){0,5})"
)
# The word of a byline before its writer's name ("By Jane Doe – LONDON – …"): no subject.
_BYLINE = "By"
# How many words of a sentence's opening may name a body's people ("the G20 leaders").
BODY_OPENING_WORDS = 4
# How many words may stand before a document's noun that opens a sentence ("La declaración").
DOCUMENT_LEAD_WORDS = 2


def without_openers(mentions: list[Mention], masked: str, language: str) -> list[Mention]:
    """Drop a sentence's opening word taken into the name after it ("Ранее Песков",
    "Earlier Peskov"): a common word of the language, when the article writes that
    surname alone elsewhere ("Песков") and with no other first word: the person stays
    the one so named. A second full name ("Мария Смит") keeps "Анна Смит" whole.

    English has its list of such words (``trimmed_mention``); a cased language writes
    its opening adverbs capitalised too, and wordfreq cannot tell them from given names.
    """
    if language == "en" or language in SPACELESS:
        return mentions
    firsts = Counter(m.name.split()[0] for m in mentions if " " in m.name)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        by_surname[m.name.split()[-1]].add(m.name)
    kept = []
    for m in mentions:
        words = m.name.split()
        if (
            len(words) == 2
            and masked[max(0, m.start - SUBJECT_LOOKBACK) : m.start].rstrip()[-1:]
            in ("", ".", "!", "?", "\n")
            and firsts[words[0]] == 1
            and by_surname[words[1]] == {m.name, words[1]}
            and rarity(words[0].casefold(), language) <= ZIPF_CEILING - COMMON_PLACE_ZIPF
        ):
            m = replace(m, name=words[1], start=m.start + len(words[0]) + 1)
        kept.append(m)
    return kept


def opens_clause(masked: str, start: int) -> bool:
    """True if the name at ``start`` opens its clause, titles aside ("Russian President X said")."""
    lookback = max(0, start - SUBJECT_LOOKBACK)
    head = masked[lookback:start]
    cut = max(head.rfind(c) for c in ".!?\n,;:")
    if cut < 0 and lookback > 0:
        return False
    words = head[cut + 1 :].split()
    if words[:1] == [_BYLINE]:
        return False  # a byline's writer is no subject of the story
    return all(w[:1].isupper() or w.casefold() in ROLE_HEADS or w.casefold() == "the" for w in words)


def apposed(masked: str, mention: Mention) -> bool:
    """True for a name in apposition to a noun ("the government of the Russian president,
    Vladimir Putin, uses …"): between commas after a common noun, it is no clause's subject."""
    before = masked[max(0, mention.start - SUBJECT_LOOKBACK) : mention.start].rstrip()
    words = NAME_WORD.findall(before.rsplit(",", 1)[0]) if before.endswith(",") else []
    return bool(words) and words[-1][:1].islower() and masked[mention.end : mention.end + 1] == ","


def body_subjects(masked: str) -> list[tuple[int, str]]:
    """The bodies sentences open with, where: their people ("G20 leaders have called …" is
    the G20's) or their document ("La declaración final del G20, publicada …"). "They" and a
    dropped subject ("…”, afirmó") after one stand for it."""
    found = []
    for match in _OPENING.finditer(masked):
        words = match.group("words").split()
        body = next(
            (b for n in range(2, BODY_OPENING_WORDS + 1) if (b := collective_body(" ".join(words[:n])))),
            None,
        )
        if body is None:
            body = _document_issuer(match.group("words"))
        if body is not None:
            found.append((match.start("words"), body))
    return found


def _document_issuer(phrase: str) -> str | None:
    """ "la declaración final del G20" → "G20 (declaración)": a document and its issuer's acronym."""
    noun = DOCUMENT_NOUN.search(phrase)
    if noun is None or len(phrase[: noun.start()].split()) > DOCUMENT_LEAD_WORDS:
        return None
    issuer = ISSUER_ACRONYM.search(phrase, noun.end())
    return f"{issuer.group()} ({noun.group().casefold()})" if issuer is not None else None
