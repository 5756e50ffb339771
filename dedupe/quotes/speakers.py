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
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from dedupe.evidence.frequency import zipf
from dedupe.evidence.lexicon import (
    COMMON_PLACE_ZIPF,
    DEMONYMS,
    FUNCTION_WORDS,
    NOT_PERSON,
    SPEAKER_TITLES,
    has_org_word,
)
from dedupe.evidence.names import canonical_names, same_person
from dedupe.evidence.people import NAME_WORD, Mention, fits, fold, person_mentions
from dedupe.evidence.places import lookup_place
from dedupe.models import Article, Span

UNKNOWN = "unknown"
# Longest subject phrase a frame may have ("Russian Security Council secretary Nikolai Patrushev").
MAX_SUBJECT_WORDS = 8
# How many comma-separated stretches from a sentence's start may hold its subject.
SUBJECT_PIECES = 2
# How far back (in characters) "he" or "she" looks for the person it stands for.
PRONOUN_REACH = 800
# How many sentences before a pronoun's own are searched for the one person it can stand
# for: the sentence before and the one before that, where news copy names whom "he" is.
PRONOUN_SENTENCES = 2
# How many words before a name may describe it ("Russian Security Council Secretary").
ROLE_WORDS_BEFORE = 5
# How many words of an apposition after a name may describe it (", the Russian president,").
ROLE_WORDS_AFTER = 14

VERBS = (
    "said says say saying added adds adding told tells telling stressed stresses stressing noted noting "
    "emphasized emphasised emphasizes emphasises emphasizing emphasising reiterated reiterates reiterating "
    "stated declared insisted warned warns argued claimed announced remarked recalled wrote writes asked "
    "replied responded explained concluded promised pledged urged acknowledged observed commented confirmed "
    "underlined underscored highlighted praised hailed called described vowed mentioned "
    "stating states indicated indicates continued continues tweeted posted reads read affirmed assured "
    # The same frames in the other languages of the news this reads (es, pt, it, fr, de, ru).
    "dijo dice afirmó aseguró señaló declaró indicó añadió agregó explicó subrayó destacó insistió remarcó "
    "apuntó sentenció enfatizó manifestó expresó advirtió reaccionó reiteró precisó sostuvo "
    "disse afirmou declarou acrescentou detto dichiarato affermato "
    "déclaré affirmé indiqué ajouté souligné estimé expliqué assuré indique déclare affirme estime "
    "sagte sagt erklärte betonte fügte schrieb warnte "
    "заявил заявила сказал сказала отметил отметила подчеркнул подчеркнула написал написала объявил "
    "объявила сообщил сообщила добавил добавила указал указала"
).split()
_VERB = re.compile(rf"\b(?:{'|'.join(VERBS)})\b")
_ROLE_HEADS = SPEAKER_TITLES | frozenset(
    "ally aide diplomat counterpart officer associate politician lawmaker representative negotiator".split()
)
_INSTITUTION_HEADS = frozenset(
    "statement release communique communiqué readout report reports media agency ministry government office "
    "council committee embassy police military army court parliament kremlin".split()
)
_STATEMENT_HEADS = frozenset("statement release communique communiqué readout declaration document".split())
# "he" and "she" in the languages of VERBS ("sie" is also "they": left out).
_PERSONAL = frozenset("he she él ella il elle er он она lui lei ele ela".split())
# Subjects that stand for nobody this module can name: a guess would be a wrong speaker.
_NOBODY = frozenset("they we i you this that these those there one someone".split())
# Words between a phrase's start and a name in it that make the name no subject: "meeting
# with X", "during talks with X", "Speaking after X": the person met, not the one speaking.
_NOT_SUBJECT = frozenset(
    "with during at in on to for from by after before met meet meeting talks visit visiting and whom about "
    "against between among toward towards into under over via like than as".split()
)
# Words of dates and datelines: a phrase holding one ("On Thursday", "Friday's") names no body.
_NOT_BODIES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow tonight morning afternoon evening "
    "night week weekend month year".split()
)
# Words a role descriptor may carry that describe nobody in particular ("the top diplomat").
_EMPTY_MODIFIERS = frozenset("top senior visiting new current then".split())
# A descriptor head that stands for any of these titles: "the Russian leader" is its president.
_LEADERS = frozenset("president premier prime chancellor king queen leader sheikh emir".split())
# Descriptor heads that stand for any title ("the security chief" is the Security Council's
# secretary); the descriptor's other words must still all be the person's.
_ANY_TITLE_HEADS = frozenset("chief head official".split())
# Words where the description of a name stops: another clause or the person met
# ("Xi met with Russian President Putin": "Russian President" describes Putin, not Xi).
_DESCRIPTION_STOPS = _NOT_SUBJECT | frozenset(
    "who which that whose where when while but said says told".split()
)
# How far back a name may open the clause that makes it a sentence's subject.
SUBJECT_LOOKBACK = 80
# How far back "the declaration" looks for the Declaration it names.
DOCUMENT_REACH = 4000
# How far past a quotation that ends its sentence the frame ("Zelensky said …") may run.
TAIL_REACH = 200
# An absolute clause between a speech verb and a quotation gives the words another agent
# ("X stressed …, with the declaration calling it a “…”"): they are no longer the verb's.
_NEW_CLAUSE = re.compile(r",\s+with\s+[^,;]{1,80}?\b[a-z]{2,}ing\b")
_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\b(?:that|and|but|while|which|who)\b")
_LEAD = r"[\s,.;:!?—–-]*"
_SUBJECT = r"[^,.;:!?“”\"«»]{1,80}?"
_QUOTED_AS = re.compile(rf"{_LEAD}(?P<quoter>{_SUBJECT})\s+quoted\s+(?P<subj>{_SUBJECT})\s+as\s+saying")
_SUBJECT_FIRST = re.compile(rf"{_LEAD}(?P<subj>{_SUBJECT})\s+(?P<verb>{_VERB.pattern})")
_AUXILIARY = r"(?:(?:a|ha|hat|has|have)\s+)?"
# "…", dijo. "…", apuntó: a language that drops the subject pronoun; the speaker is "he".
_DROPPED = re.compile(rf"{_LEAD}(?P<verb>{_VERB.pattern})(?=\s*[,.;])")
# "…", sagte Regierungschef Fumio Kishida vor …: the capitalised words after the verb.
_VERB_FIRST_NAMED = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{_VERB.pattern})\s+(?P<subj>(?:[^\W\d_][\w’'.\-]*\s+)?"
    r"(?:[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*)(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*){0,3})"
)
# "…", dijo el primer ministro indio, Narendra Modi, en …: the name in apposition.
_VERB_FIRST_APPOSED = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{_VERB.pattern})\s+[^,.;:!?“”\"«»]{{1,60}},\s+(?P<subj>{_SUBJECT})(?=\s*[,.;])"
)
_VERB_FIRST = re.compile(
    rf"{_LEAD}{_AUXILIARY}(?P<verb>{_VERB.pattern})\s+(?P<subj>{_SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|after|before|when|while|who|as|to|from)\b)"
)
_ACCORDING = re.compile(rf"{_LEAD}according\s+to\s+(?P<subj>[^,.;:!?“”\"]{{1,80}})", re.IGNORECASE)
_APPOSED = re.compile(
    rf"{_LEAD}(?P<subj>{_SUBJECT}),\s+[^,.;:!?“”\"«»]{{1,80}}?,\s+(?P<verb>{_VERB.pattern})"
)
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
_TERMINATOR = re.compile(r"[.!?](?=\s|$)|\n")
_ISSUED = re.compile(r"\b(?:issued|released|published|put out)\b")
_FROM = re.compile(r"\b(?:from|by)\s+(?P<subj>[^,.;:!?“”\"]{1,80}?)\s*:?\s*$")
# A named document: "the Washington Summit Declaration", "the Joint Statement".
_TITLED = re.compile(
    r"(?:[A-Z][\w’'\-]*\s+){1,6}(?P<head>Declaration|Communiqu[eé]|Document|Release|Readout)\b"
)
_REPORTED_VERBS = "|".join(
    "said says told added stressed noted warned stated insisted argued claimed announced emphasized".split()
)
_REPORTED = re.compile(
    rf"(?P<subject>[^.!?]*?)\b(?P<verb>{_REPORTED_VERBS})\b(?:\s+(?:reporters|journalists|the\s+\w+|[A-Z]\w+))?"
    r"\s+(?:that\s+)?(?P<clause>\S)"
)
_APPOSITION_AFTER = re.compile(r"[’'s]*\s*,\s*(?P<apposition>[^,.;:\n]{1,120})")
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

    def __init__(self, article: Article, quotes: list[Span], *, hidden: Sequence[Span] = ()) -> None:
        self.text = article.text
        self.masked = _mask(article, quotes)
        # A title or headline names people but is nobody's frame: "Russia Seeks …" is no speaker.
        self.hidden = sorted((h.start, h.end) for h in hidden)
        self.mentions = _people(_trimmed(m) for m in person_mentions(self.masked))
        self.canonical = canonical_names(m.name for m in self.mentions)
        # The words the article itself gives each mention as role: its titles, the words
        # just before it and its apposition, never words that belong to a neighbouring name.
        self.roles = [
            _role_words(self.masked, m, self.mentions[k - 1].end if k else 0,
                        self.mentions[k + 1].start if k + 1 < len(self.mentions) else len(self.masked))
            for k, m in enumerate(self.mentions)
        ]  # fmt: skip
        # Whom each mention's apposition names ("X, secretary of the council chaired by
        # Putin"): that makes X "Putin's close ally".
        self.linked = [_apposition_words(self.masked, m) for m in self.mentions]
        # Every issuer pattern needs the word: without it, none can match (and each would
        # try every capitalised word of the article first).
        issued = "statement" in self.masked
        self.issuers = [
            (m.start(), m.group("issuer"))
            for p in _ISSUERS
            if issued
            for m in p.finditer(self.masked)
            if _body_name(m.group("issuer"))
        ]
        self.institutions: list[tuple[int, Speaker]] = []
        # Who spoke last: the one a dropped subject pronoun ("…", dijo) stands for.
        self.spoke: list[tuple[int, str]] = []
        # Who the narrative is about: names that open a clause, and speakers found so far.
        self.subjects: list[tuple[int, str]] = [
            (m.start, self.canonical[m.name])
            for m in self.mentions
            if not m.owner and self._opens_clause(m.start) and not self._apposed(m)
        ]

    def attribute(self, span: Span, sentence: Span, *, embedded: bool) -> Attribution | None:
        """Return who said the words at ``span``; ``embedded`` words look first at their own sentence."""
        finders = (self._head, self._tail) if embedded else (self._tail, self._head)
        for finder in (*finders, self._closing):
            found = finder(span, sentence)
            if found is not None:
                if found.speaker.kind == "institution":
                    self.institutions.append((span.start, found.speaker))
                elif found.speaker.kind == "person":
                    insort(self.subjects, (span.start, found.speaker.canonical))
                    self.spoke.append((span.start, found.speaker.canonical))
                return found
        return None

    def readout(self, lead: Span, *, named: bool) -> Attribution | None:
        """Return who speaks the statement a readout's ``lead`` introduces ("X said:", "Quotes from X:")."""
        if named:
            speaker = self.resolve(lead.start, lead.end, lead.end)
            if speaker is None or speaker.kind != "person":
                return None
            return Attribution(speaker, "X:", Span(*_strip(self.masked, lead.start, lead.end)))
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
            clause = Span(*_strip(self.masked, match.start("clause"), sentence.end))
            if len(clause) > 0:
                frame = Attribution(
                    subject[0], f"X {match.group('verb')}", Span(subject[1], match.end("verb"))
                )
                found.append((clause, sentence, frame))
        return found

    def _opens_clause(self, start: int) -> bool:
        """True if the name at ``start`` opens its clause, titles aside ("Russian President X said")."""
        lookback = max(0, start - SUBJECT_LOOKBACK)
        head = self.masked[lookback:start]
        cut = max(head.rfind(c) for c in ".!?\n,;:")
        if cut < 0 and lookback > 0:
            return False
        words = head[cut + 1 :].split()
        return all(w[:1].isupper() or w.casefold() in _ROLE_HEADS or w.casefold() == "the" for w in words)

    def _apposed(self, mention: Mention) -> bool:
        """True for a name in apposition to a noun ("the government of the Russian president,
        Vladimir Putin, uses …"): between commas after a common noun, it is no clause's subject."""
        before = self.masked[max(0, mention.start - SUBJECT_LOOKBACK) : mention.start].rstrip()
        words = NAME_WORD.findall(before.rsplit(",", 1)[0]) if before.endswith(",") else []
        return bool(words) and words[-1][:1].islower() and self.masked[mention.end : mention.end + 1] == ","

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

    def _head(self, span: Span, sentence: Span) -> Attribution | None:
        according = _ACCORDING.match(self.masked, sentence.start, span.start)
        if according is not None and self.masked[according.end() : span.start].strip() in ("", ","):
            speaker = self.resolve(according.start("subj"), according.end("subj"), span.start)
            if speaker is not None:
                return Attribution(speaker, "according to X", self._frame_span(according))
        verbs = list(_VERB.finditer(self.masked, sentence.start, span.start))
        for verb in reversed(verbs):
            if _NEW_CLAUSE.search(self.masked, verb.end(), span.start) is not None:
                return None
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
            if speaker is not None:
                return speaker, start
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
        k = bisect_left(self.hidden, (start + 1, 0))
        if k and self.hidden[k - 1][0] <= start < self.hidden[k - 1][1]:
            return None
        trailing = _TRAILING_ADVERB.search(self.text, start, end)
        end = trailing.start() if trailing is not None and trailing.start() > start else end
        phrase = self.text[start:end]
        words = phrase.split()
        if not words or len(words) > MAX_SUBJECT_WORDS:
            return None
        low = phrase.casefold()
        if low in _PERSONAL:
            return self._nearest_person(phrase, min(position, self._clause_start(start)))
        if any(w.casefold().removesuffix("’s").removesuffix("'s") in _NOT_BODIES for w in words):
            return None
        if all(lookup_place(part) is not None for part in re.split(r",\s*|\s+and\s+", _drop_article(phrase))):
            # "Beijing said", "Russia and China, which declared …": the frame is found and
            # its subject is a place, whom no outlet's speaker is; the words stay unknown.
            return Speaker.unknown(phrase)
        if low in _NOBODY:
            return None
        if low == "it" or words[-1].casefold() in _STATEMENT_HEADS:
            return self._institution(phrase, position)
        office = _OFFICE.fullmatch(phrase)
        if office is not None:
            owner = self.resolve(start, start + len(office.group("owner")), position)
            name = owner.canonical if owner is not None and owner.kind == "person" else office.group("owner")
            return Speaker(phrase, f"{name} ({office.group('noun')})", "institution")
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        if inside and _not_subject(self.text[start : inside[0].start]):
            return None
        role = words[-1].casefold().removesuffix("’s").removesuffix("'s") in _ROLE_HEADS
        if inside and not (inside[0].owner and role):
            return Speaker(phrase, self.canonical[inside[0].name], "person")
        if role:
            return self._role(phrase, position, {m.name for m in inside})
        if words[-1].casefold() in _INSTITUTION_HEADS or (
            _INSTITUTION_NAME.fullmatch(phrase) and _body_name(phrase)
        ):
            return Speaker(phrase, _drop_article(phrase), "institution")
        if len(words) == 1 and _bare_name(phrase):
            # "…", insistió Zelenski: a surname the article never gives in full.
            return Speaker(phrase, phrase, "person")
        return None

    def _nearest_person(self, written: str, position: int) -> Speaker:
        """Resolve "he"/"she" to the one person the narrative is about before ``position``.

        The subjects (clause-opening names and speakers found) of the ``PRONOUN_SENTENCES``
        sentences before must be exactly one person; none or two is "unknown". The
        pronoun's own sentence is left out: in "Speaking during a meeting with X, he said"
        he is not X.
        """
        sole = self._sole_subject(position)
        return Speaker(written, sole, "person") if sole is not None else Speaker.unknown(written)

    def _last_speaker(self, position: int) -> Speaker | None:
        """The person a dropped subject ("…", dijo) stands for: as for "he", the only one about."""
        sole = self._sole_subject(position)
        return Speaker("", sole, "person") if sole is not None else None

    def _sole_subject(self, position: int) -> str | None:
        """The only person who is a subject of the sentences just before ``position``'s, if one."""
        end = self._clause_start(position)
        reach = position - PRONOUN_REACH
        found: set[str] = set()
        for _ in range(PRONOUN_SENTENCES):
            back = end - 1
            while back > max(reach, 0) and (self.masked[back].isspace() or self.masked[back] in ".!?"):
                back -= 1
            start = max(self._clause_start(back) if back > 0 else 0, reach)
            lo, hi = bisect_left(self.subjects, (start, "")), bisect_left(self.subjects, (end, ""))
            names = {name for _, name in self.subjects[lo:hi]}
            found |= names
            if start <= max(reach, 0):
                break
            end = start
        return found.pop() if len(found) == 1 else None

    def _clause_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts in the narrative."""
        # Bounded look-back: a pronoun's sentence start is looked for within its reach only,
        # so that asking for every quotation stays linear in the article's length.
        low = max(0, position - PRONOUN_REACH)
        return max(low - 1, *(self.masked.rfind(c, low, position) for c in ".!?\n")) + 1

    def _institution(self, written: str, position: int) -> Speaker:
        head = written.split()[-1]
        if written.casefold().startswith("the ") and head.casefold() in _STATEMENT_HEADS - {"statement"}:
            # "the declaration said": the Declaration the article named last ("the Washington
            # Summit Declaration").
            titled = [
                m
                for m in _TITLED.finditer(self.masked, max(0, position - DOCUMENT_REACH), position)
                if m.group("head").casefold() == head.casefold()
            ]
            if titled:
                return Speaker(written, titled[-1].group().strip(), "institution")
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
        """Resolve "the Russian security chief" to the one person named before whom the article
        itself gives every word of it ("Russian Security Council Secretary …", "…, the
        security chief,"): a descriptor two people fit, or nobody, is "unknown", and so is
        one that brings in someone new ("a Russian official").
        """
        if phrase.split()[0].casefold() in ("a", "an", "one"):
            return Speaker.unknown(phrase)
        owned = {fold(w) for owner in owners for w in NAME_WORD.findall(owner)}
        cues = [fold(w) for w in NAME_WORD.findall(phrase)]
        cues = [c for c in cues if c not in FUNCTION_WORDS and c not in _EMPTY_MODIFIERS and c not in owned]
        if not cues:
            return Speaker.unknown(phrase)
        head = cues[-1]
        # "Putin's close ally": the words before the head tell the relation, not a title; the
        # person must be given the head or be linked to the owner by their apposition.
        modifiers = cues[:-1] if not owners else []
        given: dict[str, set[str]] = {}
        for mention, words, linked in zip(self.mentions, self.roles, self.linked, strict=True):
            if mention.end > position or any(same_person(mention.name, owner) for owner in owners):
                continue
            names_owner = bool(owned) and any(fits(w, o) for w in linked for o in owned)
            given.setdefault(self.canonical[mention.name], set()).update(
                words | ({head} if names_owner else set())
            )
        fitting = [
            name
            for name, words in given.items()
            if all(any(fits(cue, word) for word in words) for cue in modifiers)
            and (
                any(fits(head, word) for word in words)
                or (head == "leader" and not words.isdisjoint(_LEADERS))
                or (head in _ANY_TITLE_HEADS and not words.isdisjoint(_ROLE_HEADS))
            )
        ]
        return Speaker(phrase, fitting[0], "person") if len(fitting) == 1 else Speaker.unknown(phrase)

    def _frame_span(self, match: re.Match[str]) -> Span:
        return Span(*_strip(self.masked, match.start(), match.end()))


def _mask(article: Article, quotes: list[Span]) -> str:
    """Blank out quotations and boilerplate (offsets kept) so frames and names come from the narrative."""
    chars = list(article.text)
    hidden = [Span(b.start, b.end) for b in article.boilerplate] + quotes
    for span in hidden:
        chars[span.start : span.end] = " " * len(span)
    return "".join(chars)


def _trimmed(mention: Mention) -> Mention:
    """Drop a sentence-opening function word taken into a name ("Though Zelensky")."""
    first, _, rest = mention.name.partition(" ")
    if not rest or first.casefold() not in FUNCTION_WORDS:
        return mention
    return replace(mention, name=rest, start=mention.start + len(first) + 1)


def _not_subject(words: str) -> bool:
    return any(
        w.casefold() in _NOT_SUBJECT or w.casefold().endswith("ing") for w in re.findall(r"[^\W\d]+", words)
    )


def _drop_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def _people(mentions: Iterable[Mention]) -> list[Mention]:
    """Drop mentions that name a place ("New Delhi: …" opens a dateline), unless part of a person's
    name, and headline fragments: a place and an ordinary word ("Portugal Leaves")."""
    found = list(mentions)
    places = {m.name for m in found if lookup_place(m.name) is not None or _headline_fragment(m.name)}
    parts = {w for m in found if m.name not in places and " " in m.name for w in m.name.split()}
    return [m for m in found if m.name not in places or m.name in parts]


def _role_words(text: str, mention: Mention, previous_end: int, next_start: int) -> frozenset[str]:
    """The words that give ``mention`` a role: its titles and the words just before it back to a
    clause break or another name, and its apposition up to one; each stops at a word that
    starts another clause or brings in someone met ("with", "who", "met", "said")."""
    low = max(previous_end, mention.start - SUBJECT_LOOKBACK)
    before = text[low : mention.start]
    before = before[max(map(before.rfind, ".!?\n;:")) + 1 :]
    words: list[str] = []
    for word in reversed(NAME_WORD.findall(before)):
        if word.casefold() in _DESCRIPTION_STOPS or _VERB.fullmatch(word) or word.endswith("ing"):
            break
        words.append(word)
    words = words[:ROLE_WORDS_BEFORE]
    after = _APPOSITION_AFTER.match(text, mention.end, min(next_start, mention.end + SUBJECT_LOOKBACK * 2))
    if after is not None:
        for word in NAME_WORD.findall(after.group("apposition"))[:ROLE_WORDS_AFTER]:
            if word.casefold() in _DESCRIPTION_STOPS or _VERB.fullmatch(word) or word.endswith("ing"):
                break
            words.append(word)
    return frozenset(fold(w) for w in words) - FUNCTION_WORDS


def _apposition_words(text: str, mention: Mention) -> frozenset[str]:
    """The words of the apposition after ``mention`` (", secretary of the council chaired by Putin,")."""
    after = _APPOSITION_AFTER.match(text, mention.end, mention.end + SUBJECT_LOOKBACK * 2)
    if after is None:
        return frozenset()
    return frozenset(fold(w) for w in NAME_WORD.findall(after.group("apposition"))[:ROLE_WORDS_AFTER])


def _body_name(phrase: str) -> bool:
    """True if a capitalised ``phrase`` can name an institution: it has a word of one
    ("Ministry", "Kremlin") or is an acronym ("NATO"), and is no place ("New Delhi"), date
    ("On Thursday") or headline fragment ("Morocco Leaves")."""
    words = phrase.split()
    if any(w.casefold().removesuffix("’s").removesuffix("'s") in _NOT_BODIES for w in words):
        return False
    if lookup_place(_drop_article(phrase)) is not None:
        return False
    return has_org_word(w.casefold() for w in words) or any(
        len(w) > 1 and w.isupper() and w.isalpha() for w in words
    )


def _bare_name(word: str) -> bool:
    """True if a lone capitalised ``word`` can be a surname: no place, date, nationality, title
    or ordinary word ("Leaves", "Officials": as common as ``COMMON_PLACE_ZIPF`` or more)."""
    low = word.casefold().removesuffix("’s").removesuffix("'s")
    return (
        word[:1].isupper()
        and any(ch.islower() for ch in word)
        and all(ch.isalpha() or ch in "’'-" for ch in word)
        and low not in FUNCTION_WORDS | NOT_PERSON | _NOT_BODIES | DEMONYMS | SPEAKER_TITLES
        and lookup_place(word) is None
        and zipf(low) < COMMON_PLACE_ZIPF
    )


def _headline_fragment(name: str) -> bool:
    """True for a capitalised run that joins a place to an ordinary word ("Portugal Leaves",
    "Chile Seeks"): a headline's words, no one's name."""
    words = name.split()
    return (
        len(words) > 1
        and any(lookup_place(w) is not None for w in words)
        and any(zipf(w.casefold()) >= COMMON_PLACE_ZIPF for w in words)
    )
