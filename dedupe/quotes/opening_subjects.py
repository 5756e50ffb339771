"""The subject of a speech verb in its own sentence: the stretch just before the verb, or the
person, title-led name or body that opens one of the sentence's first stretches.

Split from ``speakers`` (which finds the frames) so that frame finding and subject finding
read apart; ``SpeakerResolver`` builds on this class.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from dedupe.evidence.mentions import Mention
from dedupe.quotes.foreign_frames import ForeignFrameResolver
from dedupe.quotes.frame_patterns import BOUNDARY
from dedupe.quotes.speaker import Speaker
from dedupe.quotes.speaker_words import (
    ACRONYM_GLOSS,
    NOT_SUBJECT,
    NOUN_MARKERS,
    ROLE_HEADS,
    SPEECH_VERB,
    not_subject,
    strip_span,
)

# How many comma-separated stretches from a sentence's start may hold its subject.
SUBJECT_PIECES = 2

# How far before a verb's form the word that may make it a noun is looked for.
WORD_REACH = 16


class OpeningSubjectResolver(ForeignFrameResolver):
    """Finds the subject of a speech verb within its sentence."""

    def _noun_form(self, verb: re.Match[str]) -> bool:
        """True for a verb's form that a determiner makes a noun ("all states", "the reads"),
        or that ends a compound adjective ("the so-called “…”", "a well-said line")."""
        if self.masked[verb.start() - 1 : verb.start()] == "-":
            return True
        before = self.masked[max(0, verb.start() - WORD_REACH) : verb.start()].split()
        return bool(before) and before[-1].casefold() in NOUN_MARKERS

    def _sole_named(self, speaker: Speaker, start: int, end: int) -> bool:
        """True if ``speaker`` is the only person named (possessives aside) in ``[start, end)``."""
        named = {self.canonical[m.name] for m in self.mentions_in(start, end) if not m.owner}
        return speaker.kind == "person" and named == {speaker.canonical}

    def subject_before(self, verb: int, sentence: int, position: int) -> tuple[Speaker, int] | None:
        """The subject of the speech verb at ``verb`` in its sentence starting at ``sentence``."""
        # "The Space Agency (SPA) issued": the brackets gloss the name, they break no clause.
        prefix = ACRONYM_GLOSS.sub(lambda m: " " * len(m.group()), self.masked[sentence:verb])
        cuts = [m.end() for m in BOUNDARY.finditer(prefix)] + [m.end() for m in SPEECH_VERB.finditer(prefix)]
        start, end = strip_span(self.masked, sentence + max(cuts, default=0), verb)
        if start < end:
            speaker = self.resolve(start, end, position)
            if speaker is not None:
                return speaker, start
        # "X, secretary of …, said", "X met … and said", "X hailed …, adding": the subject
        # opens the sentence, in its first or (after "On Friday,") second stretch.
        for match in list(re.finditer(r"[^,;:]+", prefix))[:SUBJECT_PIECES]:
            piece_start, piece_end = strip_span(self.masked, sentence + match.start(), sentence + match.end())
            opening = self.masked[piece_start:piece_end].split()
            if opening and opening[0].casefold() in NOT_SUBJECT:
                continue  # "In a joint communique, they called": an adverbial, no subject
            if prefix[match.end() : match.end() + 1] == ":":
                continue  # "Moscow: Putin … said": a dateline or label before a colon
            person = next((m for m in self.mentions_in(piece_start, piece_start + 1) if not m.owner), None)
            person = person or self._titled_opening(piece_start, piece_end)
            if person is not None:
                return Speaker(person.name, self.canonical[person.name], "person"), piece_start
            k = bisect_left(self.bodies, (piece_start, ""))
            if k < len(self.bodies) and self.bodies[k][0] == piece_start:
                # "NATO allies confined themselves to stating": a body's people open it.
                return Speaker(self.bodies[k][1], self.bodies[k][1], "institution"), piece_start
            speaker = self.resolve(piece_start, piece_end, position) if piece_start < piece_end else None
            if speaker is not None:
                return speaker, piece_start
        return None

    def _titled_opening(self, start: int, end: int) -> Mention | None:
        """The person a stretch opens with after titles only ("PM Modi took to X and said"):
        the first name in it, if every word before it is capitalised or a role."""
        person = next((m for m in self.mentions_in(start, end) if not m.owner), None)
        if person is None:
            return None
        before = self.masked[start : person.start].split()
        if not_subject(" ".join(before)) or not all(
            w[:1].isupper() or w.casefold() in ROLE_HEADS for w in before
        ):
            return None
        return person
