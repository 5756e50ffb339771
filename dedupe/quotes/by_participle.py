"""Words a clause's subject says "by saying" or "by claiming": "X welcomed him by saying,
“…”", "The Kremlin justified the decision by claiming the deal served “…”".

The participle after "by" has no subject of its own: it is the clause's, the capitalised
subject its clause opens with (after a subordinating word: "…, where the Russian President
extended a welcome by saying"). A clause that does not open with such a subject, or whose
subject does not resolve, leaves the words unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dedupe.models import Span
from dedupe.quotes.speaker_words import ROLE_HEADS

if TYPE_CHECKING:
    from dedupe.quotes.speakers import Attribution, SpeakerResolver

# "by saying", "by claiming" and the words after it up to the quotation, without a clause break.
BY_PARTICIPLE = re.compile(
    r"\bby\s+(?P<verb>saying|claiming|stating|arguing|insisting|declaring|warning|noting)\b"
    r"[^,;:.!?“”\"«»\n]{0,100}?[,:]?\s*$"
)
# Where the clause of the participle starts: a comma, a semicolon or a line.
CLAUSE_BREAK = re.compile(r"[,;\n]")
# Words that open a subordinate clause before its subject ("…, where the President …").
SUBORDINATORS = frozenset("where when as while and but after before because".split())
# How many words a clause's opening subject may have ("the Russian President").
SUBJECT_WORDS = 5


def by_participle(resolver: SpeakerResolver, span: Span, sentence: Span) -> Attribution | None:
    """The subject of the clause whose "by saying" introduces the words at ``span``, if it resolves."""
    from dedupe.quotes.speakers import Attribution

    masked = resolver.masked
    by = BY_PARTICIPLE.search(masked, sentence.start, span.start)
    if by is None:
        return None
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(masked, sentence.start, by.start())]
    start = max(breaks, default=sentence.start)
    words = list(re.finditer(r"\S+", masked[start : by.start()]))
    if words and words[0].group().casefold() in SUBORDINATORS:
        words = words[1:]
    subject = []
    for word in words[:SUBJECT_WORDS]:
        text = word.group()
        if not (text[:1].isupper() or text.casefold() in ROLE_HEADS or text.casefold() == "the"):
            break
        subject.append(word)
    if not subject or len(subject) == len(words):
        return None  # no subject before a verb of its own
    first, last = start + subject[0].start(), start + subject[-1].end()
    speaker = resolver.resolve(first, last, span.start)
    if speaker is None or speaker.kind == "unknown":
        return None
    if speaker.kind == "person" and speaker.canonical not in resolver.canonical.values():
        return None  # "Neighbours greeted them by saying": a capitalised word, no one the article names
    return Attribution(speaker, f"X … by {by.group('verb')}", Span(first, by.end("verb")))
