"""Attribute quotations and reported speech to their speakers, with the frame as evidence.

The frames are those of English news copy: `"…," X said`, `said X`, `X said: "…"`,
`X told …`, `according to X`, `the statement quoted X as saying`, `X added/stressed/…`.
The subject is resolved to a named person (a pronoun to the one person who is the subject
of the sentences just before it; a role noun such as "the Russian security chief" to the
one person the article itself gives every word of it, in titles or apposition) or to an
institution ("the statement", "it" → the statement's issuer; a capitalised phrase only
with a word of a body in it, or an acronym). Places, dates, weekdays and headline
fragments never speak. What cannot be resolved stays "unknown": a guess is never reported
as fact, and "unknown" is better than a wrong speaker.

This module finds the frames; ``speaker_resolution`` resolves their subjects, with the word
lists and word tests of ``speaker_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

from dedupe.evidence.lexicon import FUNCTION_WORDS
from dedupe.models import Span
from dedupe.quotes.body_words import STATEMENT_HEADS
from dedupe.quotes.foreign_frames import BY_LANGUAGE
from dedupe.quotes.frame_patterns import (
    ABSOLUTE,
    ACCORDING,
    APPOSED,
    BY_AGENT,
    CLOSING_FRAME,
    CLOSING_QUOTED_AS,
    DE_PERFECT,
    DE_SEPARABLE,
    DROPPED,
    FOR_WHOM,
    FROM,
    HEADLINE_LEAD,
    IN_DOCUMENT,
    ISSUED,
    NAME_COLON,
    NAME_GOES_ON,
    NEW_CLAUSE,
    PASSIVE_LEAD,
    QUOTED_AS,
    REPORTED,
    SUBJECT_FIRST,
    TERMINATOR,
    VERB_FIRST,
    VERB_FIRST_APPOSED,
    VERB_FIRST_NAMED,
    looks_ahead,
)
from dedupe.quotes.opening_subjects import OpeningSubjectResolver
from dedupe.quotes.speaker import UNKNOWN, Speaker
from dedupe.quotes.speaker_words import (
    PARTICIPLES,
    SPEECH_VERB,
    strip_span,
)

# How far past a quotation that ends its sentence the frame ("Zelensky said …") may run.
TAIL_REACH = 200


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker with the evidence: the frame ("X said") and the span of its words."""

    speaker: Speaker
    frame: str
    frame_span: Span


class SpeakerResolver(OpeningSubjectResolver):
    """Resolve frames in one article; built once per article, asked once per quotation."""

    def attribute(self, span: Span, sentence: Span, *, embedded: bool) -> Attribution | None:
        """Return who said the words at ``span``; ``embedded`` words look first at their own sentence."""
        finders = (self._head, self._tail) if embedded else (self._tail, self._head)
        for finder in (*finders, self._closing, self._name_colon, self._passive):
            found = finder(span, sentence)
            if found is not None:
                if found.speaker.kind == "institution":
                    self.institutions.append((span.start, found.speaker))
                elif found.speaker.kind == "person":
                    insort(self.subjects, (span.start, found.speaker.canonical))
                    self.spoke.append((span.start, found.speaker.canonical))
                return found
        return None

    def headline(self, span: Span, line: Span) -> Attribution | None:
        """Who speaks a quotation in a title, read from the title line alone.

        Titles print a speaker's words after their name and a colon ("X at the UN: “…”":
        the one person named before the colon, who opens it) or with a frame ("“…”, said
        X"). The title's words are no frame for any quotation outside it.
        """
        self.within = line
        try:
            lead = HEADLINE_LEAD.fullmatch(self.masked, line.start, span.start)
            if lead is None:
                return self._tail(span, line)
            named = self.mentions_in(lead.start("lead"), lead.end("lead"))
            if len(named) != 1 or named[0].start != lead.start("lead") or named[0].owner:
                return None
            speaker = Speaker(named[0].name, self.canonical[named[0].name], "person")
            return Attribution(speaker, "X:", Span(named[0].start, named[0].end))
        finally:
            self.within = Span(0, 0)

    def readout(self, lead: Span, *, named: bool) -> Attribution | None:
        """Return who speaks the statement a readout's ``lead`` introduces ("X said:", "Quotes from X:")."""
        if named:
            speaker = self.resolve(lead.start, lead.end, lead.end)
            if speaker is None or speaker.kind != "person":
                return None
            return Attribution(speaker, "X:", Span(*strip_span(self.masked, lead.start, lead.end)))
        found = self._head(Span(lead.end, lead.end), lead)
        if found is not None:
            return found
        cue = ISSUED.search(self.masked, lead.start, lead.end)
        if cue is not None:
            subject = self.subject_before(cue.start(), lead.start, lead.end)
            if subject is not None:
                return Attribution(subject[0], "X issued:", Span(subject[1], cue.end()))
        source = FROM.search(self.masked, lead.start, lead.end)
        if source is not None:
            speaker = self.resolve(source.start("subj"), source.end("subj"), lead.end)
            if speaker is not None:
                return Attribution(speaker, "from X:", self._frame_span(source))
        return None

    def reported(
        self, sentences: Sequence[Span], taken: Sequence[Span]
    ) -> list[tuple[Span, Span, Attribution]]:
        """Return reported speech: ``(clause, sentence, attribution)`` for "X said (that) …" sentences.

        Sentences that hold a quotation or readout statement (``taken``) are left to it.
        """
        found = []
        starts = sorted(t.start for t in taken)
        for sentence in sentences:
            k = bisect_left(starts, sentence.start)
            if (k < len(starts) and starts[k] < sentence.end) or (
                k and any(taken[i].end > sentence.start for i in range(max(0, k - 1), k))
            ):
                continue
            match = REPORTED.match(self.masked, sentence.start, sentence.end)
            if match is None:
                continue
            subject = self.subject_before(match.start("verb"), sentence.start, match.start("verb"))
            if subject is None or subject[0].kind == UNKNOWN:
                continue
            clause = Span(*strip_span(self.masked, match.start("clause"), sentence.end))
            if len(clause) > 0:
                frame = Attribution(
                    subject[0], f"X {match.group('verb')}", Span(subject[1], match.end("verb"))
                )
                found.append((clause, sentence, frame))
        return found

    def _tail_end(self, span: Span, sentence: Span) -> int:
        """Where a frame after the quotation may end: its sentence, or the next if the quotation ends one."""
        if sentence.end > span.end + 1:
            return sentence.end
        stop = TERMINATOR.search(self.masked, span.end, min(len(self.masked), span.end + TAIL_REACH))
        return stop.end() if stop is not None else sentence.end

    def _tail(self, span: Span, sentence: Span) -> Attribution | None:
        end = self._tail_end(span, sentence)
        for pattern, frame in ((QUOTED_AS, "{quoter} quoted X as saying"), (VERB_FIRST, "{verb} X"),
                               (SUBJECT_FIRST, "X {verb}"), (APPOSED, "X, …, {verb}"),
                               (VERB_FIRST_NAMED, "{verb} X"), (VERB_FIRST_APPOSED, "{verb} …, X"),
                               (DE_PERFECT, "{aux} X {verb}"), (DE_SEPARABLE, "{verb} X {particle}"),
                               (IN_DOCUMENT, "{verb} in X"), *BY_LANGUAGE.get(self.language, ()),
                               (DROPPED, "{verb}"), (ACCORDING, "according to X")):  # fmt: skip
            match = pattern.match(self.masked, span.end, end)
            if match is None:
                continue
            if pattern is VERB_FIRST_NAMED and self._name_goes_on(match.end()):
                continue
            if pattern is DROPPED and self.unresolved_before(sentence.start, span.start):
                return None  # "«…», dijo He, pero «…», afirmó": He's, whom no one resolved
            if looks_ahead(pattern, match, self.text[span.start : span.end]):
                continue
            if pattern is DROPPED:
                speaker = self._last_speaker(span.start)
            elif self._told_itself(match):
                return None
            else:
                speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
            if speaker is not None and pattern is VERB_FIRST_NAMED and self.apposed_after(speaker):
                continue  # "sagte der Präsident des Instituts, X,": the name in apposition
            if speaker is not None:
                words = {k: v.strip().lower() for k, v in match.groupdict().items() if k != "subj" and v}
                return Attribution(speaker, frame.format(**words), self._frame_span(match))
        return None

    def _name_goes_on(self, end: int) -> bool:
        """True if an English subject after its verb goes on past a noun: "SpaceX commentator John"."""
        more = NAME_GOES_ON.match(self.masked, end)
        return self.language == "en" and more is not None and more.group("noun") not in FUNCTION_WORDS

    def _told_itself(self, match: re.Match[str]) -> bool:
        """True for a garbled frame "X told X": one name as speaker and listener, so neither is sure."""
        if "verb" not in match.groupdict() or match.group("verb") not in ("told", "tells"):
            return False
        subject = match.group("subj").strip()
        return self.masked.startswith(subject, match.end("verb") + 1) if subject else False

    def _closing(self, span: Span, sentence: Span) -> Attribution | None:
        quoted = CLOSING_QUOTED_AS.match(self.masked, span.end, self._tail_end(span, sentence))
        if quoted is not None:
            speaker = self.resolve(quoted.start("subj"), quoted.end("subj"), span.start)
            frame = f"{quoted.group('quoter').strip()} quoted X as saying"
            return Attribution(speaker, frame, self._frame_span(quoted)) if speaker is not None else None
        match = CLOSING_FRAME.match(self.masked, span.end, self._tail_end(span, sentence))
        if match is None:
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        if speaker is None:
            return None
        return Attribution(speaker, f"X {match.group('verb')}", Span(match.start("subj"), match.end("verb")))

    def _passive(self, span: Span, sentence: Span) -> Attribution | None:
        """`described as “…” by X`, `qualifié de « … » par X`: the agent of the participle."""
        if PASSIVE_LEAD.search(self.masked, sentence.start, span.start) is None:
            return None
        match = BY_AGENT.match(self.masked, span.end, self._tail_end(span, sentence))
        if match is None:
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        return Attribution(speaker, "by X", self._frame_span(match)) if speaker is not None else None

    def _name_colon(self, span: Span, sentence: Span) -> Attribution | None:
        """`Elon Musk: “…”`: a line that is a person's name and a colon, then the quotation.

        Interviews, live blogs and readouts print speech this way; only a name that
        resolves to a person counts (``Update: “…”`` names nobody).
        """
        line = self.masked.rfind("\n", 0, span.start) + 1
        if self.language != "en":  # "… Собранию. Владимир Путин: «…»": after a sentence's stop too
            line = max(line, *(self.masked.rfind(c, line, span.start) + 1 for c in ".!?"))
        match = NAME_COLON.fullmatch(self.masked, line, span.start)
        if match is None or (self.language != "en" and self._inside_quotation(match.end("subj"), span.start)):
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        if speaker is None or speaker.kind != "person":
            return None
        return Attribution(speaker, "X:", self._frame_span(match))

    def _inside_quotation(self, start: int, end: int) -> bool:
        """True if words stand in ``[start, end)`` that the mask hides: the quotation is nested in another."""
        return any(ch.isalnum() for ch in self.text[start:end])

    def _head(self, span: Span, sentence: Span) -> Attribution | None:
        # "According to X, … “…”": the sentence is X's account, quotations and all, unless
        # another speech verb gives the words to someone else.
        according = ACCORDING.match(self.masked, sentence.start, span.start)
        if according is not None and SPEECH_VERB.search(self.masked, according.end(), span.start) is None:
            speaker = self.resolve(according.start("subj"), according.end("subj"), span.start)
            if speaker is not None:
                return Attribution(speaker, "according to X", self._frame_span(according))
        # "…, with the declaration referring to it as “…”": a document's words ("with the
        # Charter calling it …" may be the writer's reading of it: left unknown).
        absolute = ABSOLUTE.search(self.masked, sentence.start, span.start)
        if absolute is not None and absolute.group("subj").split()[-1].casefold() in STATEMENT_HEADS:
            speaker = self.resolve(absolute.start("subj"), absolute.end("subj"), span.start)
            if speaker is not None and speaker.canonical != UNKNOWN:
                frame = f"with X {absolute.group('verb')}"
                return Attribution(speaker, frame, Span(absolute.start("subj"), absolute.end("verb")))
        whose = FOR_WHOM.fullmatch(self.masked, sentence.start, span.start)
        if whose is not None:
            speaker = self.resolve(whose.start("subj"), whose.end("subj"), span.start)
            if speaker is not None and speaker.kind != UNKNOWN:
                return Attribution(speaker, "for X", self._frame_span(whose))
        opening = self.dropped_opening(sentence.start, span.start)
        if opening is not None:
            return Attribution(
                opening[0], opening[1].group().strip(), Span(*strip_span(self.masked, *opening[1].span()))
            )
        # "all states", "the reads": a verb's form after a determiner is a noun.
        verbs = [
            v for v in SPEECH_VERB.finditer(self.masked, sentence.start, span.start) if not self._noun_form(v)
        ]
        for verb in reversed(verbs):
            if NEW_CLAUSE.search(self.masked, verb.end(), span.start) is not None:
                return None
            if verb.group() in PARTICIPLES:
                # "…, with the Charter calling it “…”": the participle is the absolute clause's own.
                absolute = NEW_CLAUSE.search(self.masked, sentence.start, verb.end())
                if absolute is not None and absolute.end() == verb.end():
                    return None
            inverted = self.inverted_subject(verb, sentence.start, span.start)
            if inverted is not None:
                return Attribution(inverted[0], f"{verb.group()} X", inverted[1])
            subject = self.subject_before(verb.start(), sentence.start, span.start)
            if (
                subject is not None
                and verb.group() in PARTICIPLES
                and not self._sole_named(subject[0], sentence.start, verb.start())
            ):
                return None
            if subject is not None:
                speaker, start = subject
                return Attribution(speaker, f"X {verb.group()}", Span(start, verb.end()))
        return None

    def _frame_span(self, match: re.Match[str]) -> Span:
        return Span(*strip_span(self.masked, match.start(), match.end()))
