"""Speech frames of the other languages of ``speaker_words.VERBS`` that English has no form of.

French inverts a pronoun subject after the quotation ("« … », a-t-il déclaré", "ajoute-t-elle",
"dit-il"); German and Italian give a quotation to a speaker with "so" / "così" ("„…“, so
Putin", "Così la presidente, X"); German puts the subject after the verb when a sentence
opens with anything else ("Als Antwort darauf sagte Velde, …"). ``speakers`` tries them
with its own frames, for the article's language only.
"""

from __future__ import annotations

import re

from dedupe.models import Span
from dedupe.quotes.frame_patterns import LEAD, SUBJECT
from dedupe.quotes.speaker import UNKNOWN, Speaker
from dedupe.quotes.speaker_resolution import SubjectResolver
from dedupe.quotes.speaker_words import SPEECH_VERB

# Verbs French inverts with an impersonal "il" ("semble-t-il", "faut-il"): no speaker.
IMPERSONAL = "semble|faut|paraît|parait|reste|suffit|agit"
# "« … », a-t-il déclaré", "ajoute-t-elle", "dit-il", "révèle t-il": the inversion is the frame.
FR_INVERTED = re.compile(
    rf"{LEAD}(?!(?:{IMPERSONAL})\b)(?P<verb>[^\W\d_]+)(?:[-\s]t-|-)(?P<subj>il|elle)(?![\w-])"
)
# "„…“, so Putin", "„…“, so der russische Präsident", "”. Così la presidente, X, in …".
SO_FRAME = re.compile(
    rf"{LEAD}(?P<verb>so|[Cc]osì)\s+(?P<subj>{SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:in|im|am|bei|vor|nach|auf|gegenüber|durante|a|al|alla|nel|nella|dopo)\b)"
)
# The frames by language, each with how its evidence is written.
BY_LANGUAGE: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "fr": ((FR_INVERTED, "{verb}-t-X"),),
    "de": ((SO_FRAME, "{verb} X"),),
    "it": ((SO_FRAME, "{verb} X"),),
}
# Languages that drop a subject pronoun, whose sentences may open with the speech verb.
PRO_DROP = frozenset("es it pt".split())
# A sentence's opening word ("Subrayó que «…»", "Aggiunge: “…”").
OPENING_WORD = re.compile(r"\s*(?P<word>[^\W\d_]+)")
# A capitalised subject right after a verb, up to a comma ("dijo He, pero …").
NAMED_AFTER = re.compile(r"\s+(?P<subj>[A-ZÀ-ÝА-ЯЁ][\w’'\-]*(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'\-]*){0,3})\s*,")
# The subject German puts after its verb in a sentence that opens with something else: "er"
# or a capitalised name up to a comma, colon or lower-case word ("… sagte Velde, die …").
INVERTED_SUBJECT = re.compile(
    r"\s+(?P<subj>er|[A-ZÄÖÜ][\w\-’']*(?:\s+[A-ZÄÖÜ][\w\-’']*){0,3})(?=\s*[,.:;]|\s+[a-zäöüß])"
)


class ForeignFrameResolver(SubjectResolver):
    """The frame readings of other languages' word order, for ``speakers.SpeakerResolver``."""

    def inverted_subject(
        self, verb: re.Match[str], sentence: int, position: int
    ) -> tuple[Speaker, Span] | None:
        """German puts the subject after the verb when the sentence opens with anything else
        ("Als Antwort darauf sagte Velde, …", "Dann sagte er: …"): the name or "er" right after it."""
        if self.language != "de" or self.mentions_in(sentence, sentence + 1):
            return None
        after = INVERTED_SUBJECT.match(self.masked, verb.end())
        if after is None:
            return None
        named = self.mentions_in(after.start("subj"), after.start("subj") + 1)
        if after.group("subj") != "er" and not named:
            return None
        speaker = self.resolve(after.start("subj"), after.end("subj"), position)
        if speaker is None or speaker.kind != "person":
            return None
        return speaker, Span(verb.start(), after.end("subj"))

    def apposed_after(self, speaker: Speaker) -> bool:
        """True outside English for a title no one fits ("sagte der Präsident"): a name may follow."""
        return self.language != "en" and speaker.kind == UNKNOWN

    def dropped_opening(self, sentence: int, position: int) -> tuple[Speaker, re.Match[str]] | None:
        """A sentence that opens with a speech verb in a language that drops the subject
        ("Subrayó que «…»"): as "…", dijo, the one person (or body) the narrative is about."""
        if self.language not in PRO_DROP:
            return None
        opening = OPENING_WORD.match(self.masked, sentence, position)
        if opening is None or SPEECH_VERB.fullmatch(opening.group("word").lower()) is None:
            return None
        speaker = self._last_speaker(position)
        return (speaker, opening) if speaker is not None else None

    def unresolved_before(self, start: int, end: int) -> bool:
        """True outside English if a verb-first frame in ``[start, end)`` has a subject no one
        resolved ("«…», dijo He, pero «…», afirmó"): the dropped subject after it is that one."""
        if self.language == "en":
            return False
        for verb in SPEECH_VERB.finditer(self.masked, start, end):
            subject = NAMED_AFTER.match(self.masked, verb.end(), end)
            if subject is not None and self.resolve(subject.start("subj"), subject.end("subj"), end) is None:
                return True
        return False
