"""Who stands beside a report's lead: met by it, joined to it in the lede, or denied a meeting.

The sentences that tell the lead's meeting are the lede's and the lead's own that hold a
meeting word (``meeting_sentences``); "between" alone is none unless the lead is one side
("deepening ties between our two countries" is no meeting, nor "the agreement between A and
B" another pair's).

Two people a lede joins by a conjunction, each maybe with a title or an apposition between
commas, are the sentence's subject together: both take part in what the lede narrates
("Vladimir Orlov and Kim Sun Ho signed a pact", "Ana Ruiz, presidenta de A, y Pedro Gil,
presidente de B, se reunieron"). Read in the lede alone, where the event is told; a name
joined to the lead further into the body may belong to another occasion. Whom a sentence
says the lead will not meet ("was not expected to meet") takes no part; a lead the lede
never names (``in_lede``) is likely a commentator; a name written inside another ("Kim
Jong" in "Kim Jong-Un") is the same person (``one_name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dedupe.evidence.events import Fact
from dedupe.evidence.facts_lede import lede_sentences
from dedupe.evidence.names import same_person
from dedupe.models import Article, Span

# Words of a meeting, in the languages the lede is read in: "talks with", "réunion avec",
# "colloquio fra", "reunión con", "Treffen mit", "переговоры с"; and of a greeting one
# gives in person ("announced, congratulating President …"), of a visit ("visitou") and of
# a reception ("a été reçue par").
MEETING_WORDS = frozenset(
    "met meet meets meeting talks talked hosted received welcomed between counterpart avec rencontré "
    "rencontre réunion entretien entretiens homologue con reunió reunión entrevista homólogo colloquio "
    "incontro incontrato fra tra omologo mit traf treffen gespräch amtskollegen com encontro reuniu "
    "homólogo с встреча встретился переговоры переговоров congratulated congratulates "
    "congratulating meetings visited visiting visitou visitó visité besuchte посетил "
    "reçu reçue reçoit recibió recebeu empfing ricevuto принял".split()
)
# A word of a sentence, looked up in ``MEETING_WORDS``.
WORD = re.compile(r"\w+")
# Conjunctions that join two subjects, in English, Spanish, Portuguese, Italian, French,
# German and Russian.
AND_WORDS = ("and", "y", "e", "ed", "et", "und", "и")
# The longest apposition set off by commas after the first name ("Joe Roe, president of A,").
APPOSITION_CHARS = 60
# The longest title written before the second name ("North Korea's leader", "el asesor de
# Seguridad Nacional de Estados Unidos").
TITLE_CHARS = 60
# What may stand between the two names: an apposition, the conjunction, a title (maybe set off
# by a comma: "y el primer ministro, Li Wen"); no clause break (a full stop, a semicolon, a
# colon, a bracket, a quotation mark, a line break).
JOINED = re.compile(
    rf"(?:[^\S\n]*,[^,.;:!?()\"“”«»\n]{{1,{APPOSITION_CHARS}}},)?[^\S\n]*,?[^\S\n]+"
    rf"(?:{'|'.join(AND_WORDS)})[^\S\n]+(?:[^,.;:!?()\"“”«»\n]{{0,{TITLE_CHARS}}},?[^\S\n]*)?"
)
# A meeting the sentence says did not or will not happen, before the name: "was not expected to
# meet with", "will not meet", "no meeting with"; in Spanish, Italian, Portuguese, French "no se
# reunirá con", "non incontrerà", "não se reunirá com", "ne rencontrera pas".
NOT_MET = re.compile(
    r"\b(?:not|never|no|non|não|ne)\b[^.;:!?\n]{0,30}\b(?:meet|meeting|reuni\w*|incontr\w*|encontr\w*"
    r"|rencontr\w*)\b[^.;:!?\n]{0,60}$",
    re.IGNORECASE,
)


def coordinated_with_lead(article: Article, lead: Fact, people: tuple[Fact, ...]) -> list[Fact]:
    """The people a lede sentence joins to the lead as one subject, each named in full."""
    text = article.text
    joined = []
    for sentence, _ in lede_sentences(article):
        mentions = list(_lead_mentions(text, sentence, lead))
        for person in people:
            if not sentence.start <= person.span.start < sentence.end or " " not in person.canonical:
                continue
            if same_person(person.canonical, lead.canonical):
                continue
            if any(_joined(text, mention, person.span) for mention in mentions):
                joined.append(person)
    return joined


def _lead_mentions(text: str, sentence: Span, lead: Fact) -> Iterator[Span]:
    """Where the sentence names the lead, in full or by surname."""
    names = sorted({lead.canonical, lead.canonical.split()[-1]}, key=len, reverse=True)
    pattern = rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)"
    for m in re.finditer(pattern, text[sentence.start : sentence.end]):
        yield Span(sentence.start + m.start(), sentence.start + m.end())


def _joined(text: str, mention: Span, other: Span) -> bool:
    """True if only a conjunction (with an apposition or a title) stands between the two names."""
    first, second = (mention, other) if mention.end <= other.start else (other, mention)
    if first.end > second.start:
        return False
    return JOINED.fullmatch(text, first.end, second.start) is not None


def one_name(a: str, b: str) -> bool:
    """True if two names are one person's: ``same_person``, or one written inside the other
    ("Kim Jong" in "Kim Jong-Un", a sentence's first word taken with it: "Já Kim Jong-Un")."""
    return same_person(a, b) or a in b or b in a


# After the name, the same denial: "a meeting with Premier Li Wen was not scheduled".
NOT_MET_AFTER = re.compile(
    r"[^.;:!?\n]{0,20}?\b(?:was|is|were|are|will)[^\S\n]+not[^\S\n]+(?:be[^\S\n]+)?"
    r"(?:scheduled|planned|expected)\b",
    re.IGNORECASE,
)
# Words that name a meeting's two sides ("talks between A and B", "il colloquio fra A e B").
BETWEEN_WORDS = frozenset(("between", "fra", "tra"))
# A "between A and B" phrase: the words up to the end of its clause.
BETWEEN = re.compile(r"\b(?:between|fra|tra)\b[^,.;:!?\n]{1,80}", re.IGNORECASE)


def not_met(text: str, person: Fact) -> bool:
    """True if the person's sentence says that the meeting did not or will not happen ("Roe was
    not expected to meet Premier Li Wen", "a meeting with Premier Li Wen was not scheduled")."""
    return (
        NOT_MET.search(text, person.sentence.start, person.span.start) is not None
        or NOT_MET_AFTER.match(text, person.span.end, person.sentence.end) is not None
    )


def not_with_lead(text: str, person: Fact, lead: Fact) -> bool:
    """True if the sentence denies the person's meeting with the lead or names the person in
    another pair's "between" (``not_met``, ``between_others``)."""
    return not_met(text, person) or between_others(text, person, lead)


def between_others(text: str, person: Fact, lead: Fact) -> bool:
    """True if the person is one side of a "between A and B" the lead is not ("the agreement
    between Xi and President Biden" in a report of Yellen's visit): another meeting's."""
    for phrase in BETWEEN.finditer(text, person.sentence.start, person.sentence.end):
        if phrase.start() < person.span.start < phrase.end():
            return next(_lead_mentions(text, Span(phrase.start(), phrase.end()), lead), None) is None
    return False


def only_between_others(text: str, sentence: Span, words: frozenset[str], lead: Fact) -> bool:
    """True if the sentence's only meeting word is "between" and no "between A and B" in it names
    the lead ("deepening communication between our two countries")."""
    if not words or not words <= BETWEEN_WORDS:
        return False
    return not any(
        next(_lead_mentions(text, Span(m.start(), m.end()), lead), None)
        for m in BETWEEN.finditer(text, sentence.start, sentence.end)
    )


def in_lede(article: Article, person: Fact) -> bool:
    """True if a lede sentence names the person, in full or by surname."""
    return any(next(_lead_mentions(article.text, s, person), None) for s, _ in lede_sentences(article))


def meeting_sentences(article: Article, lead: Fact) -> list[Span]:
    """The lede's sentences and the lead's own that speak of a meeting ("talks with", "réunion avec")."""
    spans = [s for s, _ in lede_sentences(article)]
    spans += [] if lead.sentence in spans else [lead.sentence]
    text = article.text
    words = [MEETING_WORDS.intersection(WORD.findall(s.slice(text).lower())) for s in spans]
    return [s for s, w in zip(spans, words, strict=True) if w and not only_between_others(text, s, w, lead)]
