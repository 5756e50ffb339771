"""Sentences saying who took part in a gathering: "X joined allied leaders", "attended by X".

``facts_people`` adds whoever such a sentence names in full to the participants. A sentence
that says someone did not take part ("did not attend", "declined to attend"), that someone
joined a body ("joined the alliance", "joined her office as an adviser") or that tells of
another occasion ("had attended", "last year") is none; in a passive ("attended by 300
delegates, was organised by …") only the names after the word take part, and whoever the
sentence quotes ("…, President X said") is its speaker, not an attendee.
"""

from __future__ import annotations

import re

from dedupe.evidence.date_ranking import BACKGROUND_CUES
from dedupe.evidence.events import Fact
from dedupe.evidence.lexicon import ORG_WORDS, SPEECH_VERBS
from dedupe.models import Span

# Words saying who took part in a gathering, in the languages read: "joined allied leaders",
# "the leaders attending the summit include …", "s'est joint aux dirigeants", "участвовали".
TOOK_PART = re.compile(
    r"\b(?:joined|joins?|attend|attends|attended|attending|took part|participated|participating"
    r"|s['’]est joint|a participé|ont participé|participó|participaron|asistió|asistieron|si è unito"
    r"|ha partecipato|hanno partecipato|nahm(?:en)? \w+ teil|teilgenommen|участвовал\w*|принял\w* участие"
    r"|присоединил\w*"
    # who hosted it, and who came along: "who hosted the summit", "flanked by", "together with",
    # "insieme al", "junto al", "zusammen mit", "accompagné de", "acompañado por"
    r"|hosted|hosting|accompanied|flanked|greeted|together with|along with|alongside|insieme a\w*"
    r"|junto (?:a|al|con)|zusammen mit|accompagn[ée]e?s? (?:de|par)|acompañad[oa]s? (?:de|por))(?!\w)",
    re.IGNORECASE,
)
# Sentences saying who took part read, at most: each is searched for every name the article holds.
GATHERING_SENTENCES = 8
# What ends a sentence, for the sentences around a word of taking part.
SENTENCE_ENDS = (". ", "! ", "? ", "\n")
# Another occasion's time: "last year", "two years ago", "in 2019".
PAST_CUES = re.compile(
    r"\b(?:last (?:week|month|year)|(?:days|weeks|months|years) ago|in (?:19|20)\d\d)\b", re.IGNORECASE
)
# A denial or a refusal up to two words before the word of taking part, in English, French,
# Spanish, German and Russian: "did not attend", "declined to attend", "refusing to join",
# "n'a pas participé", "no asistió", "nicht teilgenommen", "не участвовал".
NEGATED = re.compile(
    r"(?:\b(?:not|never|no|cannot|refus\w*|declin\w*|unable|fail\w*|pas|nicht|nie|не)|n['’]t)"
    r"[^\w\n]+(?:\w+[^\w\n]+){0,2}$",
    re.IGNORECASE,
)
# After "join": a body one becomes a member of, not a gathering ("joined the alliance",
# "join NATO", "joined her office as an adviser").
JOINED_BODY = re.compile(
    r"[^\S\n]+(?:(?:the|a|an|her|his|their|its)[^\S\n]+)?"
    r"(?:(?P<acronym>[A-Z][A-Z0-9]+)\b(?![^\S\n]+[A-Z])|(?P<noun>[\w-]+))"
)
JOIN_WORDS = frozenset(("join", "joins", "joined"))
# A passive ("attended by", "joined by") names the attendees after it.
PASSIVE = re.compile(r"[^\S\n]+by\b", re.IGNORECASE)
# Where a passive's list of attendees ends: a comma before a lower-case word other than "and"
# or "including".
LIST_END = re.compile(r",[^\S\n]*(?!and\b|including\b)[a-zà-ÿ]")
# A speech verb beside a name: "…, President X said", "said President X".
SPOKEN_AFTER = re.compile(rf"[^\S\n]*,?[^\S\n]*(?:{'|'.join(sorted(SPEECH_VERBS))})\b")
SPOKEN_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))})[^\S\n]+(?:[A-Z][\w'’.-]*[^\S\n]+){{0,4}}$"
)


def gathering_sentences(text: str) -> list[Span]:
    """The first sentences (or, for a passive, the words from "attended by" on) saying who took
    part in a gathering; not a denial, a membership or another occasion's."""
    found: list[Span] = []
    for word in TOOK_PART.finditer(text):
        start = max(text.rfind(end, 0, word.start()) for end in SENTENCE_ENDS) + 1
        ends = [at for at in (text.find(end, word.end()) for end in SENTENCE_ENDS) if at >= 0]
        sentence = Span(start, min(ends, default=len(text)))
        said = sentence.slice(text)
        if (
            BACKGROUND_CUES.search(said)
            or PAST_CUES.search(said)
            or NEGATED.search(text, start, word.start())
            or "nicht" in word.group().lower()
            or _joined_body(text, word)
        ):
            continue
        if PASSIVE.match(text, word.end()):
            listed = LIST_END.search(text, word.end(), sentence.end)
            sentence = Span(word.start(), listed.start() if listed else sentence.end)
        if sentence not in found:
            found.append(sentence)
        if len(found) == GATHERING_SENTENCES:
            break
    return found


def _joined_body(text: str, word: re.Match[str]) -> bool:
    """True for "join" followed by a body's noun or an acronym: "joined the alliance", "join NATO"."""
    if word.group().lower() not in JOIN_WORDS:
        return False
    body = JOINED_BODY.match(text, word.end())
    return body is not None and (body.group("acronym") is not None or body.group("noun").lower() in ORG_WORDS)


def speaking(text: str, sentence: Span, person: Fact) -> bool:
    """True if the sentence names the person as who says it ("…, President X said")."""
    if sentence.start <= person.span.start < sentence.end:
        spans = [(person.span.start, person.span.end)]
    else:
        pattern = re.compile(rf"(?<!\w){re.escape(person.canonical)}(?!\w)")
        spans = [m.span() for m in pattern.finditer(text, sentence.start, sentence.end)]
    return any(
        SPOKEN_AFTER.match(text, end) or SPOKEN_BEFORE.search(text, sentence.start, start)
        for start, end in spans
    )
