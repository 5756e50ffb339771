"""Attribute quotations and reported speech to their speakers, with the frame as evidence.

The frames are those of English news copy: `"…," X said`, `said X`, `X said: "…"`,
`X told …`, `according to X`, `the statement quoted X as saying`, `X added/stressed/…`.
The subject is resolved to a named person (a pronoun to the nearest person named before
it; a role noun such as "the Russian security chief" to the person whose titles and
appositions share its words) or to an institution ("the statement", "it" → the statement's
issuer). What cannot be resolved stays "unknown": a guess is never reported as fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dedupe.evidence.lexicon import FUNCTION_WORDS, SPEAKER_TITLES
from dedupe.evidence.names import canonical_names, same_person
from dedupe.evidence.people import NAME_WORD, fits, fold, person_mentions
from dedupe.models import Article, Span

UNKNOWN = "unknown"
# Longest subject phrase a frame may have ("Russian Security Council secretary Nikolai Patrushev").
MAX_SUBJECT_WORDS = 8
# How many comma-separated stretches from a sentence's start may hold its subject.
SUBJECT_PIECES = 2
# How far back (in characters) "he" or "she" looks for the person it stands for.
PRONOUN_REACH = 800
# Words a role noun must share with a person's titles and appositions to resolve to them.
ROLE_MIN_SHARED = 1

_VERBS = (
    "said says say saying added adds adding told tells telling stressed stresses stressing noted noting "
    "emphasized emphasised emphasizes emphasises emphasizing emphasising reiterated reiterates reiterating "
    "stated declared insisted warned warns argued claimed announced remarked recalled wrote writes asked "
    "replied responded explained concluded promised pledged urged acknowledged observed commented confirmed "
    "underlined underscored highlighted praised hailed called described vowed mentioned"
).split()
_VERB = re.compile(rf"\b(?:{'|'.join(_VERBS)})\b")
_ROLE_HEADS = SPEAKER_TITLES | frozenset(
    "ally aide diplomat counterpart officer associate politician lawmaker representative negotiator".split()
)
_INSTITUTION_HEADS = frozenset(
    "statement release communique communiqué readout report reports media agency ministry government office "
    "council committee embassy police military army court parliament kremlin".split()
)
_STATEMENT_HEADS = frozenset("statement release communique communiqué readout".split())
_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\b(?:that|and|but|while|which|who)\b")
_LEAD = r"[\s,.;:!?—–-]*"
_SUBJECT = r"[^,.;:!?“”\"«»]{1,80}?"
_QUOTED_AS = re.compile(rf"{_LEAD}(?P<quoter>{_SUBJECT})\s+quoted\s+(?P<subj>{_SUBJECT})\s+as\s+saying")
_SUBJECT_FIRST = re.compile(rf"{_LEAD}(?P<subj>{_SUBJECT})\s+(?P<verb>{_VERB.pattern})")
_VERB_FIRST = re.compile(
    rf"{_LEAD}(?P<verb>{_VERB.pattern})\s+(?P<subj>{_SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|after|before|when|while|who|as|to|from)\b)"
)
_ACCORDING = re.compile(rf"{_LEAD}according\s+to\s+(?P<subj>[^,.;:!?“”\"]{{1,80}})", re.IGNORECASE)
_CLOSING_FRAME = re.compile(rf".*,\s*(?P<subj>{_SUBJECT})\s+(?P<verb>{_VERB.pattern})\W*$", re.DOTALL)
_OFFICE = re.compile(
    r"(?P<owner>.+?)[’']s\s+(?P<noun>office|press service|spokesman|spokeswoman|spokesperson)"
)
_ISSUERS = (
    re.compile(r"(?P<issuer>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of|for|and|[A-Z][\w’'\-]*))*)\s+said\s+in\s+a\s+statement"),
    re.compile(r"\b[Ii]n\s+a\s+(?:[\w-]+\s+)?statement,\s+(?P<issuer>[^,.;]{1,60}?)\s+(?:said|stated|added)"),
    re.compile(r"statement\s+(?:by|from)\s+(?P<issuer>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of|for|and|[A-Z][\w’'\-]*))*)"),
)  # fmt: skip
# "Port director Jonas Lindqvist later said": the adverb is not part of the speaker's name.
_TRAILING_ADVERB = re.compile(r"(?:\s+(?:later|earlier|again|also|then|once|[a-z]{3,}ly))+$")
_INSTITUTION_NAME = re.compile(r"(?:the\s+)?[A-Z][\w’'\-.]*(?:\s+(?:of|and|for|the|[A-Z][\w’'\-.]*))*")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said something: as the text writes it, as resolved, and whether a person or institution."""

    written: str | None
    canonical: str
    kind: str

    @staticmethod
    def unknown(written: str | None = None) -> Speaker:
        """Return the speaker of words nobody can be shown to have said."""
        return Speaker(written, UNKNOWN, UNKNOWN)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker with the evidence: the frame ("X said") and the span of its words."""

    speaker: Speaker
    frame: str
    frame_span: Span


class SpeakerResolver:
    """Resolve frames in one article; built once per article, asked once per quotation."""

    def __init__(self, article: Article, quotes: list[Span]) -> None:
        self.text = article.text
        self.masked = _mask(article, quotes)
        self.mentions = person_mentions(self.masked)
        self.canonical = canonical_names(m.name for m in self.mentions)
        self.described: dict[str, set[str]] = {}
        for mention in self.mentions:
            self.described.setdefault(self.canonical[mention.name], set()).update(mention.described)
        # Every issuer pattern needs the word: without it, none can match (and each would
        # try every capitalised word of the article first).
        issued = "statement" in self.masked
        self.issuers = [
            (m.start(), m.group("issuer")) for p in _ISSUERS if issued for m in p.finditer(self.masked)
        ]
        self.institutions: list[tuple[int, Speaker]] = []

    def attribute(self, span: Span, sentence: Span, *, embedded: bool) -> Attribution | None:
        """Return who said the words at ``span``; ``embedded`` words look first at their own sentence."""
        finders = (self._head, self._tail) if embedded else (self._tail, self._head)
        for finder in (*finders, self._closing):
            found = finder(span, sentence)
            if found is not None:
                if found.speaker.kind == "institution":
                    self.institutions.append((span.start, found.speaker))
                return found
        return None

    def _tail(self, span: Span, sentence: Span) -> Attribution | None:
        end = sentence.end
        for pattern, frame in ((_QUOTED_AS, "{quoter} quoted X as saying"), (_VERB_FIRST, "{verb} X"),
                               (_SUBJECT_FIRST, "X {verb}"), (_ACCORDING, "according to X")):  # fmt: skip
            match = pattern.match(self.masked, span.end, end)
            if match is None:
                continue
            speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
            if speaker is not None:
                words = {k: v.strip().lower() for k, v in match.groupdict().items() if k != "subj" and v}
                return Attribution(speaker, frame.format(**words), self._frame_span(match))
        return None

    def _closing(self, span: Span, sentence: Span) -> Attribution | None:
        match = _CLOSING_FRAME.match(self.masked, span.end, sentence.end)
        if match is None:
            return None
        speaker = self.resolve(match.start("subj"), match.end("subj"), span.start)
        if speaker is None:
            return None
        return Attribution(speaker, f"X {match.group('verb')}", Span(match.start("subj"), match.end("verb")))

    def _head(self, span: Span, sentence: Span) -> Attribution | None:
        according = _ACCORDING.match(self.masked, sentence.start, span.start)
        if according is not None and self.masked[according.end() : span.start].strip() in ("", ","):
            speaker = self.resolve(according.start("subj"), according.end("subj"), span.start)
            if speaker is not None:
                return Attribution(speaker, "according to X", self._frame_span(according))
        verbs = list(_VERB.finditer(self.masked, sentence.start, span.start))
        for verb in reversed(verbs):
            subject = self._subject_before(verb.start(), sentence.start, span.start)
            if subject is not None:
                speaker, start = subject
                return Attribution(speaker, f"X {verb.group()}", Span(start, verb.end()))
        return None

    def _subject_before(self, verb: int, sentence: int, position: int) -> tuple[Speaker, int] | None:
        prefix = self.masked[sentence:verb]
        cuts = [m.end() for m in _BOUNDARY.finditer(prefix)] + [m.end() for m in _VERB.finditer(prefix)]
        start, end = _strip(self.masked, sentence + max(cuts, default=0), verb)
        if start < end:
            speaker = self.resolve(start, end, position)
            return (speaker, start) if speaker is not None else None
        # "X, secretary of …, said", "X met … and said", "X hailed …, adding": the subject
        # opens the sentence, in its first or (after "On Friday,") second stretch.
        for match in list(re.finditer(r"[^,;:]+", prefix))[:SUBJECT_PIECES]:
            piece_start, piece_end = _strip(self.masked, sentence + match.start(), sentence + match.end())
            person = next((m for m in self.mentions if m.start == piece_start and not m.owner), None)
            if person is not None:
                return Speaker(person.name, self.canonical[person.name], "person"), piece_start
            speaker = self.resolve(piece_start, piece_end, position) if piece_start < piece_end else None
            if speaker is not None:
                return speaker, piece_start
        return None

    def resolve(self, start: int, end: int, position: int) -> Speaker | None:
        """Resolve the subject phrase at ``[start, end)`` said of words at ``position``."""
        start, end = _strip(self.text, start, end)
        trailing = _TRAILING_ADVERB.search(self.text, start, end)
        end = trailing.start() if trailing is not None and trailing.start() > start else end
        phrase = self.text[start:end]
        words = phrase.split()
        if not words or len(words) > MAX_SUBJECT_WORDS:
            return None
        low = phrase.casefold()
        if low in ("he", "she"):
            return self._nearest_person(phrase, position)
        if low == "it" or words[-1].casefold() in _STATEMENT_HEADS:
            return self._institution(phrase, position)
        office = _OFFICE.fullmatch(phrase)
        if office is not None:
            owner = self.resolve(start, start + len(office.group("owner")), position)
            name = owner.canonical if owner is not None and owner.kind == "person" else office.group("owner")
            return Speaker(phrase, f"{name} ({office.group('noun')})", "institution")
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        role = words[-1].casefold().removesuffix("’s").removesuffix("'s") in _ROLE_HEADS
        if inside and not (inside[0].owner and role):
            return Speaker(phrase, self.canonical[inside[0].name], "person")
        if role:
            return self._role(phrase, position, {m.name for m in inside})
        if _INSTITUTION_NAME.fullmatch(phrase) or words[-1].casefold() in _INSTITUTION_HEADS:
            return Speaker(phrase, _drop_article(phrase), "institution")
        return None

    def _nearest_person(self, written: str, position: int) -> Speaker:
        before = [
            m
            for m in self.mentions
            if m.end <= position and not m.owner and position - m.end <= PRONOUN_REACH
        ]
        if not before:
            return Speaker.unknown(written)
        return Speaker(written, self.canonical[before[-1].name], "person")

    def _institution(self, written: str, position: int) -> Speaker:
        named = re.match(r"(?:[Aa]n?|[Tt]he)\s+(?P<issuer>[A-Z][\w’'\-]*(?:\s+[\w’'\-]+)*?)\s+\w+$", written)
        if named is not None:
            return Speaker(written, f"{named.group('issuer')} (statement)", "institution")
        # "it" stands for one body, never for a pair such as "Russia and China".
        known = [
            (p, s.canonical) for p, s in self.institutions if p < position and " and " not in s.canonical
        ]
        known += [(p, f"{_drop_article(name)} (statement)") for p, name in self.issuers if p < position]
        if written.casefold() != "it":
            known = [(p, name) for p, name in known if name.endswith("(statement)")]
        if not known:
            return Speaker(written, UNKNOWN, "institution")
        return Speaker(written, max(known)[1], "institution")

    def _role(self, phrase: str, position: int, owners: set[str]) -> Speaker:
        """Resolve "the Russian security chief" to the person named before whose description fits best."""
        cues = {fold(w) for w in NAME_WORD.findall(phrase)} - FUNCTION_WORDS
        best: tuple[int, int, str] | None = None
        for mention in self.mentions:
            if mention.end > position or any(same_person(mention.name, owner) for owner in owners):
                continue
            name = self.canonical[mention.name]
            shared = sum(1 for cue in cues if any(fits(cue, word) for word in self.described[name]))
            if shared >= ROLE_MIN_SHARED and (best is None or (shared, mention.start) > best[:2]):
                best = (shared, mention.start, name)
        return Speaker(phrase, best[2], "person") if best is not None else Speaker.unknown(phrase)

    def _frame_span(self, match: re.Match[str]) -> Span:
        return Span(*_strip(self.masked, match.start(), match.end()))


def _mask(article: Article, quotes: list[Span]) -> str:
    """Blank out quotations and boilerplate (offsets kept) so frames and names come from the narrative."""
    chars = list(article.text)
    hidden = [Span(b.start, b.end) for b in article.boilerplate] + quotes
    for span in hidden:
        chars[span.start : span.end] = " " * len(span)
    return "".join(chars)


def _drop_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end
