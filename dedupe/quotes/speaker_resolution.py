"""Resolve a frame's subject to a speaker: a named person, a pronoun, a role noun, an institution.

A pronoun resolves to the one person who is the subject of the sentences just before it; a
role noun ("the Russian security chief") to the one person the article itself gives every
word of it, in titles or apposition; "the statement", "it" to the statement's issuer; a
capitalised phrase to an institution only with a word of a body in it, or an acronym.
Places, dates, weekdays and headline fragments never speak; what cannot be resolved stays
"unknown". The frames that find the subjects are in ``speakers``; a statement's issuer
is found in ``issuers``, whom a clause is about in ``clause_subjects``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from dedupe.evidence.lexicon import fits, fold
from dedupe.evidence.mentions import Mention, person_mentions
from dedupe.evidence.names import canonical_names
from dedupe.evidence.places import lookup_place
from dedupe.models import Article, Span
from dedupe.quotes import foreign_roles as foreign
from dedupe.quotes.acronym_bodies import acronym_body
from dedupe.quotes.body_words import OFFICE, STATEMENT_HEADS
from dedupe.quotes.clause_subjects import apposed, body_subjects, opens_clause, without_openers
from dedupe.quotes.descriptor_roles import descriptor_speaker, given_roles
from dedupe.quotes.issuers import institution, statement_issuers
from dedupe.quotes.name_chains import merge_suffix_chains
from dedupe.quotes.office_titles import office_descriptor
from dedupe.quotes.pronoun_fallback import previous_sentence_person
from dedupe.quotes.speaker import UNKNOWN, Speaker
from dedupe.quotes.speaker_words import (
    CAPITALISED_WORD,
    DESCRIPTOR_OPENING,
    DESCRIPTOR_WORDS,
    DETERMINERS,
    INSTITUTION_HEADS,
    INSTITUTION_NAME,
    MAX_SUBJECT_WORDS,
    NOBODY,
    NOT_BODIES,
    PERSONAL,
    PLURAL,
    PRONOUN_REACH,
    PRONOUN_SENTENCES,
    ROLE_HEADS,
    SPEECH_VERB,
    TRAILING_ADVERB,
    apposition_words,
    drop_article,
    masked_text,
    not_subject,
    role_words,
    roles_so_far,
    strip_span,
)
from dedupe.quotes.subject_names import (
    bare_name,
    body_name,
    collective_body,
    named_body,
    national_body,
    people_only,
    rare_here,
    trimmed_mention,
)

# A subject ending in a capital initial and a surname: "chief S Somanath", "K Velde".
_INITIAL_AND_NAME = re.compile(r"(?:^|\s)[A-Z]\s(?P<surname>[A-Z][^\W\d_]+)$")
# An age before a name, as news copy gives it: "the 50-year-old Hasta said".
_AGE = re.compile(r"(?:the\s+)?\d{1,3}-year-old\s+")
# Words before a subject that are not it: "…, where the ministry said", "a readout from the ministry said".
_ISSUED_BY = re.compile(r"where\s+|(?:a|the)\s+(?:statement|readout|release)\s+(?:by|from)\s+")
# What may close a sentence after its stop: the stop, a closing quotation mark, a bracket.
_TAIL = frozenset('.!?”’"»)]')


class SubjectResolver:
    """The people, roles and issuers of one article, to resolve a frame's subject against."""

    def __init__(self, article: Article, quotes: list[Span], *, hidden: Sequence[Span] = ()) -> None:
        self.text = article.text
        self.language = article.language or "en"
        self.masked = masked_text(article, quotes)
        # A title or headline names people but is nobody's frame: "Russia Seeks …" is no speaker.
        self.hidden = sorted((h.start, h.end) for h in hidden)
        # Sentence stops; outside English a colon too ("X sprach von …: „…“, sagt er": "er" is X).
        self.stops = ".!?\n" if self.language == "en" else ".!?\n:"

        # The one title line whose words may speak: its own quotation's, while it is read.
        self.within = Span(0, 0)
        found = (trimmed_mention(m, self.language) for m in person_mentions(self.masked))
        mentions = people_only(foreign.untitled(found, self.masked, self.language))
        self.mentions = sorted(without_openers(mentions, self.masked, self.language), key=attrgetter("start"))
        self.canonical = canonical_names(m.name for m in self.mentions)
        if self.language == "en":
            self.canonical = merge_suffix_chains(self.canonical)
        self.starts = [m.start for m in self.mentions]
        # The words the article itself gives each mention as role: its titles, the words
        # just before it and its apposition, never words that belong to a neighbouring name.
        self.roles = [
            role_words(self.masked, m, self.mentions[k - 1].end if k else 0,
                        self.mentions[k + 1].start if k + 1 < len(self.mentions) else len(self.masked))
            for k, m in enumerate(self.mentions)
        ]  # fmt: skip
        if self.language != "en":
            self.roles = foreign.apposed_roles(self.masked, self.mentions, self.roles)
        self.so_far = roles_so_far(self.mentions, self.roles, self.canonical)
        # Whom each mention's apposition names ("X, secretary of the council chaired by
        # Putin"): that makes X "Putin's close ally".
        self.linked = [apposition_words(self.masked, m) for m in self.mentions]
        self.issuers = statement_issuers(self.masked)
        self._capitalised: frozenset[str] | None = None
        self.institutions: list[tuple[int, Speaker]] = []
        # Who spoke last: the one a dropped subject pronoun ("…", dijo) stands for.
        self.spoke: list[tuple[int, str]] = []
        # Who the narrative is about: names that open a clause, and speakers found so far.
        self.subjects: list[tuple[int, str]] = [
            (m.start, self.canonical[m.name])
            for m in self.mentions
            if not m.owner
            and (opens_clause(self.masked, m.start) or foreign.postposed(self.masked, m.start, self.language))
            and not apposed(self.masked, m)
        ]
        self.subjects = sorted(self.subjects + self._descriptor_subjects())
        # The bodies sentences open with: whom "they" and a dropped subject may stand for.
        self.bodies = body_subjects(self.masked)

    def _descriptor_subjects(self) -> list[tuple[int, str]]:
        """Sentences whose subject is a descriptor of one person named before ("The Prime
        Minister, who chairs the talks, thanked …", "el líder ucraniano acusó …"): the narrative
        is about that person as much as when it names them, so "he" after it is them."""
        found = []
        for match in DESCRIPTOR_OPENING.finditer(self.masked):
            start = match.start("phrase")
            if self.mentions_in(start, match.end("phrase")):
                continue  # "The President Joe Biden …": a name, already a subject if it opens
            words = match.group("phrase").split()[: DESCRIPTOR_WORDS + 1]
            if self.language == "en":
                # English puts the head last: "The Prime Minister", "the Russian leader".
                n = max((k + 1 for k, w in enumerate(words) if w.casefold() in ROLE_HEADS), default=0)
            else:
                # Other languages put the title first and may follow it with an adjective of
                # place ("el líder ucraniano acusó"); any other word after it may be one of a
                # place the article does not name ("el presidente francés"), unless a speech verb.
                title = next((k for k, w in enumerate(words) if k and foreign.role_word(w, self.language)), 0)
                after = words[title + 1] if title + 1 < len(words) else ""
                n = title + 2 if after and self._of_place(after) else title + 1
                if title and after and n == title + 1 and SPEECH_VERB.fullmatch(after) is None:
                    continue
            if n < 2:
                continue
            speaker = descriptor_speaker(self, " ".join(words[:n]), start, set())
            if speaker.kind == "person":
                found.append((start, speaker.canonical))
        return found

    def _of_place(self, word: str) -> bool:
        """True if ``word`` is the adjective of a name the article writes ("ucraniano", "Ucrania")."""
        if self._capitalised is None:
            # Any capitalised word: the gazetteer knows places by their English names only.
            self._capitalised = frozenset(fold(m.group()) for m in CAPITALISED_WORD.finditer(self.masked))
        low = fold(word)
        return any(fits(low, name) for name in self._capitalised)

    def resolve(self, start: int, end: int, position: int) -> Speaker | None:
        """Resolve the subject phrase at ``[start, end)`` said of words at ``position``."""
        start, end = strip_span(self.text, start, end)
        age = _AGE.match(self.text, start, end)
        start = age.end() if age is not None and age.end() < end else start  # "the 50-year-old X"
        issued = _ISSUED_BY.match(self.text, start, end)
        start = issued.end() if issued is not None and issued.end() < end else start  # "a statement by X"
        k = bisect_left(self.hidden, (start + 1, 0))
        if (
            k
            and self.hidden[k - 1][0] <= start < self.hidden[k - 1][1]
            and not self.within.start <= start < self.within.end
        ):
            return None
        trailing = TRAILING_ADVERB.search(self.text, start, end)
        end = trailing.start() if trailing is not None and trailing.start() > start else end
        phrase = self.text[start:end]
        words = phrase.split()
        if not words or len(words) > MAX_SUBJECT_WORDS:
            return None
        low = phrase.casefold()
        if self.language != "en" and foreign.foreign_object(words, self.language):
            return None  # "dijo a Li", "a-t-il dit à Velde": the one spoken to
        if self.language != "en" and foreign.seat(words):
            # "el inquilino del Kremlin", "der Kremlchef": the one leader of the seat's country.
            holder = foreign.seat_holder(words, given_roles(self, position, set(), set(), ""))
            return Speaker(phrase, holder, "person") if holder else Speaker.unknown(phrase)
        if self.language != "en" and low in foreign.LATTER:
            before = self.mentions_in(max(0, start - PRONOUN_REACH), start)
            return foreign.latter(phrase, before, self.masked, start, self.canonical)
        if low in PERSONAL and not (self.language != "en" and phrase in foreign.ENGLISH_CAPITALS):
            return self._nearest_person(phrase, min(position, self.clause_start(start)))
        if any(w.casefold().removesuffix("’s").removesuffix("'s") in NOT_BODIES for w in words):
            return None
        if all(lookup_place(part) is not None for part in re.split(r",\s*|\s+and\s+", drop_article(phrase))):
            # "Beijing said", "Russia and China, which declared …": the frame is found and
            # its subject is a place, whom no outlet's speaker is; the words stay unknown.
            return Speaker.unknown(phrase)
        if low in PLURAL:
            body = self._sole_subject(min(position, self.clause_start(start)), self.bodies)
            return Speaker(phrase, body, "institution") if body is not None else None
        if low in NOBODY:
            return None
        if low == "it" or words[-1].casefold() in STATEMENT_HEADS:
            return institution(phrase, position, self.masked, self.institutions, self.issuers)
        office = OFFICE.fullmatch(phrase)
        if office is not None:
            owner = self.resolve(start, start + len(office.group("owner")), position)
            name = owner.canonical if owner is not None and owner.kind == "person" else office.group("owner")
            return Speaker(phrase, f"{name} ({office.group('noun')})", "institution")
        inside = [m for m in self.mentions_in(start, end) if m.end <= end]
        if inside and not_subject(self.text[start : inside[0].start]):
            return None
        if inside and self.language != "en" and foreign.described(self.text[start : inside[0].start]):
            return None  # "sagte der Präsident des Instituts X (DIW), Y": the name is Y
        initialled = _INITIAL_AND_NAME.search(phrase)
        if (
            not inside
            and initialled is not None
            and bare_name(initialled.group("surname"))
            and not not_subject(phrase[: initialled.start()])
        ):
            # "ISRO chief S Somanath said": an initial without its stop before a surname, as
            # South Asian and some wire copy write names; the finder of names wants the stop.
            return Speaker(phrase, initialled.group().strip(), "person")
        role = words[-1].casefold().removesuffix("’s").removesuffix("'s") in ROLE_HEADS
        if inside and not (inside[0].owner and role):
            return Speaker(phrase, self.canonical[inside[0].name], "person")
        if role:
            return descriptor_speaker(self, phrase, position, {m.name for m in inside})
        if (
            self.language != "en"
            and words[0].casefold() in DETERMINERS
            and any(foreign.role_word(w, self.language) for w in words[1:])
        ):
            # "dijo el presidente ucraniano": the title first, after an article. Unresolved,
            # it leaves the frame to the next reading ("dijo el primer ministro, X,").
            found = descriptor_speaker(self, phrase, position, set())
            return found if found.kind != UNKNOWN else None
        titled = office_descriptor(phrase) if self.language == "en" else None
        if titled is not None:  # "the President of India said": the one who holds the title
            return descriptor_speaker(self, titled, position, set()) if titled else Speaker.unknown(phrase)
        body = collective_body(phrase)
        if body is not None:
            return Speaker(phrase, body, "institution")
        if (
            self.language != "en"
            and words[0].casefold() in DETERMINERS - foreign.INDEFINITES
            and named_body(words[1:], self.language)
        ):
            # "écrit la Fed", "dijo el Kremlin": a body's own name after an article.
            return Speaker(phrase, " ".join(words[1:]), "institution")
        if words[-1].casefold() in INSTITUTION_HEADS or (
            INSTITUTION_NAME.fullmatch(phrase) and body_name(phrase)
        ):
            return Speaker(phrase, national_body(drop_article(phrase)), "institution")
        if len(words) == 1 and bare_name(phrase) and rare_here(self.text, start, phrase, self.language):
            # "…", insistió Zelenski: a surname the article never gives in full.
            return Speaker(phrase, phrase, "person")
        acronym = acronym_body(phrase) if self.language == "en" else None
        return Speaker(phrase, acronym, "institution") if acronym is not None else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The people named from ``start`` up to ``end``, by bisection: asked per frame, linear overall."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def person_in(self, span: Span) -> Speaker | None:
        """The person named in ``span`` (a heading: "Foreign Minister X's remarks"), if exactly one."""
        names = {self.canonical[m.name] for m in self.mentions_in(span.start, span.end)}
        if len(names) != 1:
            return None
        name = names.pop()
        return Speaker(span.slice(self.text).strip(), name, "person")

    def _nearest_person(self, written: str, position: int) -> Speaker:
        """Resolve "he"/"she" to the one person the narrative is about before ``position``.

        The subjects (clause-opening names and speakers found) of the ``PRONOUN_SENTENCES``
        sentences before must be exactly one person; none or two is "unknown". The
        pronoun's own sentence is left out: in "Speaking during a meeting with X, he said"
        he is not X.
        """
        sole = self._sole_subject(position, self.subjects)
        if sole is None and self.language == "en":
            sole = previous_sentence_person(self, position)
        return Speaker(written, sole, "person") if sole is not None else Speaker.unknown(written)

    def _last_speaker(self, position: int) -> Speaker | None:
        """The person a dropped subject ("…", dijo) stands for: as for "he", the only one about."""
        sole = self._sole_subject(position, self.subjects)
        if sole is not None:
            return Speaker("", sole, "person")
        # "La declaración final del G20 … Dijo que … “…”, afirmó": a body, if no person is about.
        body = self._sole_subject(position, self.bodies)
        return Speaker("", body, "institution") if body is not None else None

    def _sole_subject(self, position: int, subjects: list[tuple[int, str]]) -> str | None:
        """The only one of ``subjects`` in the sentences just before ``position``'s, if one."""
        end = self.clause_start(position)
        reach = position - PRONOUN_REACH
        found: set[str] = set()
        for _ in range(PRONOUN_SENTENCES):
            back = end - 1
            # A sentence's end includes a closing mark or bracket after its stop ("… fees.”"):
            # left in, it would count as a sentence of its own.
            while back > max(reach, 0) and (self.masked[back].isspace() or self.masked[back] in _TAIL):
                back -= 1
            start = max(self.clause_start(back) if back > 0 else 0, reach)
            lo, hi = bisect_left(subjects, (start, "")), bisect_left(subjects, (end, ""))
            names = {name for _, name in subjects[lo:hi]}
            found |= names
            if start <= max(reach, 0):
                break
            end = start
        return found.pop() if len(found) == 1 else None

    def clause_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts in the narrative."""
        # Bounded look-back: a pronoun's sentence start is looked for within its reach only,
        # so that asking for every quotation stays linear in the article's length.
        low = max(0, position - PRONOUN_REACH)
        return max(low - 1, *(self.masked.rfind(c, low, position) for c in self.stops)) + 1
