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

from dedupe.evidence.mentions import Mention
from dedupe.models import Span
from dedupe.quotes.speaker import UNKNOWN, Speaker
from dedupe.quotes.speaker_resolution import SubjectResolver
from dedupe.quotes.speaker_words import (
    ACRONYM_GLOSS,
    PARTICIPLES,
    ROLE_HEADS,
    SPEECH_VERB,
    not_subject,
    strip_span,
)

# How many comma-separated stretches from a sentence's start may hold its subject.
SUBJECT_PIECES = 2

# How far past a quotation that ends its sentence the frame ("Zelensky said …") may run.
TAIL_REACH = 200
# An absolute clause between a speech verb and a quotation gives the words another agent
# ("X stressed …, with the declaration calling it a “…”"): they are no longer the verb's.
_NEW_CLAUSE = re.compile(r",\s+with\s+[^,;]{1,80}?\b[a-z]{2,}ing\b")
_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\b(?:that|and|but|while|which|who)\b")
_LEAD = r"[\s,.;:!?—–-]*"
_SUBJECT = r"[^,.;:!?“”\"«»]{1,80}?"
_QUOTED_AS = re.compile(rf"{_LEAD}(?P<quoter>{_SUBJECT})\s+quoted\s+(?P<subj>{_SUBJECT})\s+as\s+saying")
_SUBJECT_FIRST = re.compile(rf"{_LEAD}(?P<subj>{_SUBJECT})\s+(?P<verb>{SPEECH_VERB.pattern})")
_AUXILIARY = r"(?:(?:a|ha|hat|has|have)\s+)?"
# "…", dijo. "…", apuntó: a language that drops the subject pronoun; the speaker is "he".
_DROPPED = re.compile(rf"{_LEAD}(?P<verb>{SPEECH_VERB.pattern})(?=\s*[,.;])")
# "…", sagte Regierungschef Fumio Kishida vor …: the capitalised words after the verb.
_VERB_FIRST_NAMED = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+(?P<subj>(?:[^\W\d_][\w’'.\-]*\s+)?"
    r"(?:[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*)(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*){0,3})"
)
# "…", dijo el primer ministro, Narendra Modi, en …: the name in apposition.
_VERB_FIRST_APPOSED = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+[^,.;:!?“”\"«»]{{1,60}},\s+(?P<subj>{_SUBJECT})(?=\s*[,.;])"
)
_VERB_FIRST = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+(?P<subj>{_SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|after|before|when|while|who|as|to|from"
    # … and where the other languages of VERBS go on after the subject ("dijo X en la sede").
    r"|en|ante|durante|tras|dans|devant|lors|après|vor|bei|nach|im)\b)"
)
# German puts the subject after the verb's first part: „…“, hatte er damals erklärt;
# „…“, teilte dazu die Firma mit; „…“, kündigt er an. The subject is a pronoun, a
# capitalised name or an article's noun phrase; lower-case adverbs may stand around it.
_DE_SUBJECT = (
    r"(?:er|sie|[A-ZÄÖÜ][\w\-’']*(?:\s+[A-ZÄÖÜ][\w\-’']*){0,3}"
    r"|(?:der|die|das)\s+[\w\-]+(?:\s+[A-ZÄÖÜ][\w\-’']*){0,3})"
)
_DE_ADVERBS = r"(?:\s+[a-zäöüß]+){0,2}?"
_DE_PERFECT = re.compile(
    rf"{_LEAD}(?P<aux>hat|hatte|haben|hatten)\s+(?P<subj>{_DE_SUBJECT}){_DE_ADVERBS}\s+"
    r"(?P<verb>gesagt|erklärt|betont|geschrieben|gewarnt|angekündigt|mitgeteilt|versichert|bekräftigt)"
    r"(?=\s*[,.;:!?]|\s*$)"
)
_DE_SEPARABLE = re.compile(
    rf"{_LEAD}(?P<verb>teilte|teilt|kündigte|kündigt|fügte|fügt){_DE_ADVERBS}\s+(?P<subj>{_DE_SUBJECT})"
    rf"{_DE_ADVERBS}\s+(?P<particle>mit|an|hinzu)(?=\s*[,.;:!?]|\s*$)"
)
# "« … », peut-on lire dans le document", "„…“, heißt es in der Erklärung", "“…”, se lee en
# el comunicado": the words are the document's; it is resolved as "the document" is.
_IN_DOCUMENT = re.compile(
    rf"{_LEAD}(?P<verb>peut-on\s+lire|lit-on|(?:se\s+)?lee|heißt\s+es|steht)\s+(?:dans|en|in)\s+"
    r"(?P<subj>(?:le|la|el|der|die|dem|das)\s+[^\W\d_][\w\-]*(?:\s+[^\W\d_][\w\-]*){0,3}?)"
    r"(?=\s*[,.;:!?]|\s*$)"
)
_ACCORDING = re.compile(rf"{_LEAD}according\s+to\s+(?P<subj>[^,.;:!?“”\"]{{1,80}})", re.IGNORECASE)
# "For Zelensky, “…”", "Pour le président, « … »": whose view the quotation that follows is.
_FOR_WHOM = re.compile(r"\s*(?:For|Pour|Para|Per)\s+(?P<subj>[^,.;:!?“”\"«»]{1,60}),\s*$")
_APPOSED = re.compile(
    rf"{_LEAD}(?P<subj>{_SUBJECT}),\s+[^,.;:!?“”\"«»]{{1,80}}?,\s+(?P<verb>{SPEECH_VERB.pattern})"
)
_CLOSING_FRAME = re.compile(rf".*,\s*(?P<subj>{_SUBJECT})\s+(?P<verb>{SPEECH_VERB.pattern})\W*$", re.DOTALL)
_NAME_COLON = re.compile(r"\s*(?P<subj>[^\W\d_][^,.;:!?“”\"«»\n]{0,60}?)\s*:\s*")
# A title's lead before its quotation: "X en la ONU sobre Rusia: “…”", "Lavrov: “…”".
_HEADLINE_LEAD = re.compile(r"\s*(?P<lead>[^:“”\"«»\n]{1,80}?)\s*:\s*")
_TERMINATOR = re.compile(r"[.!?](?=\s|$)|\n")
_ISSUED = re.compile(r"\b(?:issued|released|published|put out)\b")
_FROM = re.compile(r"\b(?:from|by)\s+(?P<subj>[^,.;:!?“”\"]{1,80}?)\s*:?\s*$")
_REPORTED_VERBS = "|".join(
    "said says told added stressed noted warned stated insisted argued claimed announced emphasized".split()
)
_REPORTED = re.compile(
    rf"(?P<subject>[^.!?]*?)\b(?P<verb>{_REPORTED_VERBS})\b(?:\s+(?:reporters|journalists|the\s+\w+|[A-Z]\w+))?"
    r"\s+(?:that\s+)?(?P<clause>\S)"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker with the evidence: the frame ("X said") and the span of its words."""

    speaker: Speaker
    frame: str
    frame_span: Span


class SpeakerResolver(SubjectResolver):
    """Resolve frames in one article; built once per article, asked once per quotation."""

    def attribute(self, span: Span, sentence: Span, *, embedded: bool) -> Attribution | None:
        """Return who said the words at ``span``; ``embedded`` words look first at their own sentence."""
        finders = (self._head, self._tail) if embedded else (self._tail, self._head)
        for finder in (*finders, self._closing, self._name_colon):
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
            lead = _HEADLINE_LEAD.fullmatch(self.masked, line.start, span.start)
            if lead is None:
                return self._tail(span, line)
            named = [m for m in self.mentions if lead.start("lead") <= m.start < lead.end("lead")]
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
        cue = _ISSUED.search(self.masked, lead.start, lead.end)
        if cue is not None:
            subject = self._subject_before(cue.start(), lead.start, lead.end)
            if subject is not None:
                return Attribution(subject[0], "X issued:", Span(subject[1], cue.end()))
        source = _FROM.search(self.masked, lead.start, lead.end)
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
            match = _REPORTED.match(self.masked, sentence.start, sentence.end)
            if match is None:
                continue
            subject = self._subject_before(match.start("verb"), sentence.start, match.start("verb"))
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
        stop = _TERMINATOR.search(self.masked, span.end, min(len(self.masked), span.end + TAIL_REACH))
        return stop.end() if stop is not None else sentence.end

    def _tail(self, span: Span, sentence: Span) -> Attribution | None:
        end = self._tail_end(span, sentence)
        for pattern, frame in ((_QUOTED_AS, "{quoter} quoted X as saying"), (_VERB_FIRST, "{verb} X"),
                               (_SUBJECT_FIRST, "X {verb}"), (_APPOSED, "X, …, {verb}"),
                               (_VERB_FIRST_NAMED, "{verb} X"), (_VERB_FIRST_APPOSED, "{verb} …, X"),
                               (_DE_PERFECT, "{aux} X {verb}"), (_DE_SEPARABLE, "{verb} X {particle}"),
                               (_IN_DOCUMENT, "{verb} in X"),
                               (_DROPPED, "{verb}"), (_ACCORDING, "according to X")):  # fmt: skip
            match = pattern.match(self.masked, span.end, end)
            if match is None:
                continue
            if pattern is _DROPPED:
                speaker = self._last_speaker(span.start)
            elif self._told_itself(match):
                return None
            else:
                speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
            if speaker is not None:
                words = {k: v.strip().lower() for k, v in match.groupdict().items() if k != "subj" and v}
                return Attribution(speaker, frame.format(**words), self._frame_span(match))
        return None

    def _told_itself(self, match: re.Match[str]) -> bool:
        """True for a garbled frame "X told X": one name as speaker and listener, so neither is sure."""
        if "verb" not in match.groupdict() or match.group("verb") not in ("told", "tells"):
            return False
        subject = match.group("subj").strip()
        return self.masked.startswith(subject, match.end("verb") + 1) if subject else False

    def _closing(self, span: Span, sentence: Span) -> Attribution | None:
        match = _CLOSING_FRAME.match(self.masked, span.end, self._tail_end(span, sentence))
        if match is None:
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        if speaker is None:
            return None
        return Attribution(speaker, f"X {match.group('verb')}", Span(match.start("subj"), match.end("verb")))

    def _name_colon(self, span: Span, sentence: Span) -> Attribution | None:
        """`Elon Musk: “…”`: a line that is a person's name and a colon, then the quotation.

        Interviews, live blogs and readouts print speech this way; only a name that
        resolves to a person counts (``Update: “…”`` names nobody).
        """
        line = self.masked.rfind("\n", 0, span.start) + 1
        match = _NAME_COLON.fullmatch(self.masked, line, span.start)
        if match is None:
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        if speaker is None or speaker.kind != "person":
            return None
        return Attribution(speaker, "X:", self._frame_span(match))

    def _head(self, span: Span, sentence: Span) -> Attribution | None:
        # "According to X, … “…”": the sentence is X's account, quotations and all, unless
        # another speech verb gives the words to someone else.
        according = _ACCORDING.match(self.masked, sentence.start, span.start)
        if according is not None and SPEECH_VERB.search(self.masked, according.end(), span.start) is None:
            speaker = self.resolve(according.start("subj"), according.end("subj"), span.start)
            if speaker is not None:
                return Attribution(speaker, "according to X", self._frame_span(according))
        whose = _FOR_WHOM.fullmatch(self.masked, sentence.start, span.start)
        if whose is not None:
            speaker = self.resolve(whose.start("subj"), whose.end("subj"), span.start)
            if speaker is not None and speaker.kind != UNKNOWN:
                return Attribution(speaker, "for X", self._frame_span(whose))
        verbs = list(SPEECH_VERB.finditer(self.masked, sentence.start, span.start))
        for verb in reversed(verbs):
            if _NEW_CLAUSE.search(self.masked, verb.end(), span.start) is not None:
                return None
            if verb.group() in PARTICIPLES:
                # "…, with the Charter calling it “…”": the participle is the absolute clause's own.
                absolute = _NEW_CLAUSE.search(self.masked, sentence.start, verb.end())
                if absolute is not None and absolute.end() == verb.end():
                    return None
            subject = self._subject_before(verb.start(), sentence.start, span.start)
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

    def _sole_named(self, speaker: Speaker, start: int, end: int) -> bool:
        """True if ``speaker`` is the only person named (possessives aside) in ``[start, end)``."""
        named = {self.canonical[m.name] for m in self.mentions if start <= m.start < end and not m.owner}
        return speaker.kind == "person" and named == {speaker.canonical}

    def _subject_before(self, verb: int, sentence: int, position: int) -> tuple[Speaker, int] | None:
        # "The Space Agency (SPA) issued": the brackets gloss the name, they break no clause.
        prefix = ACRONYM_GLOSS.sub(lambda m: " " * len(m.group()), self.masked[sentence:verb])
        cuts = [m.end() for m in _BOUNDARY.finditer(prefix)] + [m.end() for m in SPEECH_VERB.finditer(prefix)]
        start, end = strip_span(self.masked, sentence + max(cuts, default=0), verb)
        if start < end:
            speaker = self.resolve(start, end, position)
            if speaker is not None:
                return speaker, start
        # "X, secretary of …, said", "X met … and said", "X hailed …, adding": the subject
        # opens the sentence, in its first or (after "On Friday,") second stretch.
        for match in list(re.finditer(r"[^,;:]+", prefix))[:SUBJECT_PIECES]:
            piece_start, piece_end = strip_span(self.masked, sentence + match.start(), sentence + match.end())
            person = next((m for m in self.mentions if m.start == piece_start and not m.owner), None)
            person = person or self._titled_opening(piece_start, piece_end)
            if person is not None:
                return Speaker(person.name, self.canonical[person.name], "person"), piece_start
            speaker = self.resolve(piece_start, piece_end, position) if piece_start < piece_end else None
            if speaker is not None:
                return speaker, piece_start
        return None

    def _titled_opening(self, start: int, end: int) -> Mention | None:
        """The person a stretch opens with after titles only ("PM Modi took to X and said"):
        the first name in it, if every word before it is capitalised or a role."""
        person = next((m for m in self.mentions if start <= m.start < end and not m.owner), None)
        if person is None:
            return None
        before = self.masked[start : person.start].split()
        if not_subject(" ".join(before)) or not all(
            w[:1].isupper() or w.casefold() in ROLE_HEADS for w in before
        ):
            return None
        return person

    def _frame_span(self, match: re.Match[str]) -> Span:
        return Span(*strip_span(self.masked, match.start(), match.end()))
