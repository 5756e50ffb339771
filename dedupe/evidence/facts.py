"""Compare two reports of one event slot by slot and flag where their facts disagree.

Each flag is one difference an editor would check, with both sentences that state it:

    conflict          one slot, two values that cannot both be right (Nanping vs Beijing
                      as the place of the talks; two different counterparts named)
    different_detail  one report names a participant the other never mentions
    spelling_variant  the same person or place spelled two ways (Nikolay / Nikolai)
    number_mismatch   the same count given differently (12 vs 15 dead); "1,200" and
                      "1.2 thousand" agree, "at least 12" and 15 agree
    date_mismatch     the event dated to different days (Tuesday vs Wednesday)

Precision over recall: a slot is compared only on facts the event profile ties to the
event, and a difference is flagged only where both reports say something comparable.
The caller compares only pairs it judged to report the same event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dedupe.evidence.clock_comparison import LedeTime, lede_time, time_flags
from dedupe.evidence.date_comparison import date_flags
from dedupe.evidence.events import EventProfile, Fact, event_profile
from dedupe.evidence.fact_flags import FactFlag, fact_flag
from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.figure_comparison import number_flags
from dedupe.evidence.flag_furniture import cannot_contradict
from dedupe.evidence.names import name_key, same_person
from dedupe.evidence.overlap import compare_places, finest_places
from dedupe.evidence.page_furniture import is_furniture
from dedupe.models import Article, Span
from dedupe.text.normalize import normalize

# Telling a person's role from sentence shape is less sure than reading a place or a
# date, so a conflict between two named counterparts is held with less confidence.
COUNTERPART_CONFIDENCE_FACTOR = 0.8
# Name keys fold only transliteration, so two spellings with one key are one name.
SPELLING_CONFIDENCE = 0.9
# Participants found with less confidence than this are not flagged when one report lacks them.
MIN_DETAIL_CONFIDENCE = 0.6
_SLOT_ORDER = {"place": 0, "date": 1, "counterpart": 2, "participant": 3, "number": 4}
_CONFLICTS = frozenset(("conflict", "number_mismatch", "date_mismatch"))
_OTHER_SIDE_ROLES = frozenset(("counterpart", "delegation head", "met"))


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """One report's side of ``compare_facts``: what it reads of the report alone, so that a
    report compared with many others is read once (``article_facts``), not once per pair."""

    profile: EventProfile  # ``facts_profile``
    clock: LedeTime | None  # ``clock_comparison.lede_time``


def article_facts(article: Article, *, profile: EventProfile | None = None) -> ArticleFacts:
    """Return the facts ``compare_facts`` reads of one report.

    Args:
        article: the report.
        profile: its event profile (``event_profile``), if already computed.
    """
    return ArticleFacts(facts_profile(article, profile=profile), lede_time(article))


def compare_facts(
    a: Article,
    b: Article,
    *,
    profiles: tuple[EventProfile, EventProfile] | None = None,
    views: tuple[ArticleFacts, ArticleFacts] | None = None,
) -> tuple[FactFlag, ...]:
    """Return the flags for where two reports of one event state its facts differently.

    Args:
        a: the first report.
        b: the second report.
        profiles: their event profiles, if already computed.
        views: their ``article_facts``, if already computed (``profiles`` is then not read).

    Examples:
        >>> from dedupe import article_from_text
        >>> a = article_from_text("Twelve miners died on Tuesday. A blast killed 12 miners.", id="a")
        >>> b = article_from_text("A blast killed 15 miners on Tuesday.", id="b")
        >>> [(f.kind, f.a_value, f.b_value) for f in compare_facts(a, b)]
        [('number_mismatch', '12 miners', '15 miners')]
    """
    if views is None:
        given = profiles if profiles is not None else (event_profile(a), event_profile(b))
        views = (article_facts(a, profile=given[0]), article_facts(b, profile=given[1]))
    pa, pb = views[0].profile, views[1].profile
    flags = [
        *_places(pa, pb),
        *date_flags(pa, pb, a.text, b.text),
        *_participants(pa, pb),
        *number_flags(pa, pb, a.text, b.text, filed_apart=_filed_apart(a, b)),
        *time_flags(views[0].clock, views[1].clock),
    ]
    # A caption or byline may stand in for a missing fact, but cannot by itself contradict one.
    flags = [f for f in flags if f.kind not in _CONFLICTS or not _furniture(f, a.text, b.text)]
    ordered = sorted(flags, key=lambda f: (_SLOT_ORDER.get(f.slot, 9), f.a_span.start, f.b_span.start))
    return tuple(_with_text(f, a.text, b.text) for f in ordered)


def _filed_apart(a: Article, b: Article) -> bool:
    """True if both reports say when they were published, and on different days."""
    return a.published is not None and b.published is not None and a.published != b.published


def _furniture(flag: FactFlag, a_text: str, b_text: str) -> bool:
    """True if either side of the flag stands in page furniture, a caption or a title-case headline."""
    return any(
        is_furniture(text, Fact(flag.slot, "", "", span, sentence, 0.0))
        or cannot_contradict(text, span, sentence)
        for text, span, sentence in (
            (a_text, flag.a_span, flag.a_sentence),
            (b_text, flag.b_span, flag.b_sentence),
        )
    )


def _with_text(flag: FactFlag, a_text: str, b_text: str) -> FactFlag:
    return replace(
        flag, a_sentence_text=flag.a_sentence.slice(a_text), b_sentence_text=flag.b_sentence.slice(b_text)
    )


def _nested(x: Fact, y: Fact) -> bool:
    """True for two cities of one country where one's name ends with the other's: the city and
    its metropolis ("New Delhi" and "Delhi"), which the gazetteer holds as two cities."""
    if x.place is None or y.place is None or x.place.country != y.place.country:
        return False
    a, b = x.place.name.casefold().split(), y.place.name.casefold().split()
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short != long and long[-len(short) :] == short


def _places(pa: EventProfile, pb: EventProfile) -> list[FactFlag]:
    a_places, b_places = finest_places(pa), finest_places(pb)
    if compare_places(a_places, b_places) is False and not any(
        _nested(x, y) for x in a_places for y in b_places
    ):
        x, y = a_places[0], b_places[0]
        note = f"A places the event in {x.canonical}, B in {y.canonical}; neither lies within the other"
        return [fact_flag("place", "conflict", x, y, min(x.confidence, y.confidence), note)]
    flags = []
    for x in a_places:
        for y in b_places:
            if x.place == y.place and normalize(x.value) != normalize(y.value):
                note = f"{x.value} / {y.value}: one place, two spellings"
                flags.append(fact_flag("place", "spelling_variant", x, y, SPELLING_CONFIDENCE, note))
    return flags


def _participants(pa: EventProfile, pb: EventProfile) -> list[FactFlag]:
    """Flag spelling variants of shared participants, differing counterparts, and people only one names."""
    pairs, a_only, b_only = _match(pa, pb)
    flags = [_spelling(x, y, pa, pb) for x, y in pairs if _variant(x.canonical, y.canonical)]
    # Someone the other report names anywhere (not as a participant) is no detail it lacks.
    a_only = [x for x in a_only if not any(same_person(x.canonical, p.canonical) for p in pb.people)]
    b_only = [y for y in b_only if not any(same_person(y.canonical, p.canonical) for p in pa.people)]
    same_lead = bool(pa.participants and pb.participants) and same_person(
        pa.participants[0].canonical, pb.participants[0].canonical
    )
    for x in list(a_only):
        partner = next((y for y in b_only if same_lead and _same_side(x, y)), None)
        if partner is not None:
            a_only.remove(x)
            b_only.remove(partner)
            flags.append(_counterparts(x, partner))
    flags.extend(_detail(x, pb, x_in_a=True) for x in a_only if x.confidence >= MIN_DETAIL_CONFIDENCE)
    flags.extend(_detail(y, pa, x_in_a=False) for y in b_only if y.confidence >= MIN_DETAIL_CONFIDENCE)
    return flags


def _match(pa: EventProfile, pb: EventProfile) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Pair the participants both reports name (across spellings); return the pairs and the rest."""
    pairs: list[tuple[Fact, Fact]] = []
    a_only: list[Fact] = []
    left = list(pb.participants)
    for x in pa.participants:
        y = next((y for y in left if same_person(x.canonical, y.canonical)), None)
        if y is None:
            a_only.append(x)
        else:
            left.remove(y)
            pairs.append((x, y))
    return pairs, a_only, left


def _variant(a: str, b: str) -> bool:
    """True for two spellings of one full name ("Nikolay" / "Nikolai"), not a name and its short form."""
    return name_key(a) == name_key(b) and normalize(a) != normalize(b)


def _spelling(x: Fact, y: Fact, pa: EventProfile, pb: EventProfile) -> FactFlag:
    x, y = _full_mention(x, pa), _full_mention(y, pb)
    note = f"{x.canonical} / {y.canonical}: one person, two transliterations"
    return fact_flag("participant", "spelling_variant", x, y, SPELLING_CONFIDENCE, note)


def _counterparts(x: Fact, y: Fact) -> FactFlag:
    side = f"{x.side or y.side} " if x.side or y.side else ""
    note = f"different {side}counterpart named: {x.canonical} in A, {y.canonical} in B"
    confidence = min(x.confidence, y.confidence) * COUNTERPART_CONFIDENCE_FACTOR
    return fact_flag("counterpart", "conflict", x, y, confidence, note)


def _full_mention(fact: Fact, profile: EventProfile) -> Fact:
    """Return the mention that spells a participant's name in full ("Nikolai Patrushev", not "Patrushev")."""
    return next((p for p in profile.people if p.canonical == fact.canonical), fact)


def _same_side(x: Fact, y: Fact) -> bool:
    """True if both are on the other side from the protagonist and of one nationality, where stated,
    and the names can be told apart (``_distinct_names``)."""
    roles_fit = x.role in _OTHER_SIDE_ROLES and y.role in _OTHER_SIDE_ROLES
    return roles_fit and (not x.side or not y.side or x.side == y.side) and _distinct_names(x, y)


def _distinct_names(x: Fact, y: Fact) -> bool:
    """False where two names may be one person's: written in two scripts ("Kim Jong Un", "Ким Чен
    Ын"), which name keys do not always fold, or one a single word of the other ("Li", "Li Qiang")."""
    a, b = x.canonical.split(), y.canonical.split()
    if _cyrillic(x.canonical) != _cyrillic(y.canonical):
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return not (len(short) == 1 and short[0].casefold() in {long[0].casefold(), long[-1].casefold()})


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in name)


def _detail(fact: Fact, other: EventProfile, *, x_in_a: bool) -> FactFlag:
    """Flag a participant only one report names; the other side points at its participant sentence."""
    facts = other.participants or other.places or other.dates
    anchor = facts[0].sentence if facts else Span(0, 0)
    empty = Fact(fact.slot, "", "", Span(anchor.start, anchor.start), anchor, 0.0)
    side = "A" if x_in_a else "B"
    role = f" ({fact.role})" if fact.role not in ("", "participant", "protagonist") else ""
    note = f"only {side} names {fact.canonical}{role} as taking part"
    x, y = (fact, empty) if x_in_a else (empty, fact)
    return fact_flag("participant", "different_detail", x, y, fact.confidence, note)
