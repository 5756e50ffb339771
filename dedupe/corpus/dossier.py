"""An event dossier: one view of the sources of one event instead of many pair verdicts.

Given the reports of one event (a scan's event cluster, or files an editor names), the
dossier lays out:

* **facts by source** — one row per fact slot (where, when, who, the counterpart, each
  figure), one cell per source holding its value and the sentence that states it. A row
  is a conflict when any pair of sources has a conflict flag on it (``compare_facts``),
  however many pairs show it; its values are grouped with how many sources hold each.
* **statements by source** — one row per statement (``match_quotes`` groups rendered by
  two sources or more): each source's rendering with its classed differences against
  the reference, and attribution conflicts (other speakers, or a person in one source
  and an institution in another).
* **lineage** — families of copies and rewrites (the scan's duplicate and reuse
  verdicts, grouped as the scan groups its reuse clusters), the credits each report gives
  (credit lines and datelines found by ingest, agencies cited in the text) and the
  earliest published member; sources that share much but not enough to be one family
  are named with the reason.
* **unique content** — per family, the sentences and statements no other family has.

Everything is computed from the existing stages (``analyze``, ``compare_features``,
``compare_facts``, ``match_quotes``, ``cluster.groups``); nothing here extracts anew.
Offsets are half-open into each article's original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from dedupe.corpus.cluster import Link, groups, link_from_report
from dedupe.corpus.fact_audit import CONFLICT_KINDS
from dedupe.corpus.scan import ScanReport
from dedupe.evidence.date_mentions import dates_agree
from dedupe.evidence.events import Fact
from dedupe.evidence.facts import FactFlag, compare_facts
from dedupe.evidence.names import same_person
from dedupe.evidence.numbers import quantities_agree
from dedupe.evidence.overlap import finest_places
from dedupe.models import Article, Span
from dedupe.pair.compare import (
    OWN_SENTENCE_MAX_SHARED,
    ArticleFeatures,
    PairReport,
    analyze,
    compare_features,
)
from dedupe.pair.similarity import coverage
from dedupe.pair.verdict import Relation
from dedupe.quotes.match import ATTRIBUTION_MIN_WORDS, QuoteGroup, match_quotes
from dedupe.quotes.speakers import UNKNOWN
from dedupe.settings import DEFAULT_SETTINGS, Settings

ALL_PAIRS_MEMBERS = 40
"""Dossiers up to this many reports compare every pair of them; larger ones only the pairs
the scan verified (so cost stays bounded), treating the rest as sharing no text."""
NEAR_SHARED_STATEMENTS = 2
"""Two reports in different families that render this many statements in common are named
in the lineage with why they are not one family (a shared source rewritten, most likely)."""
NEAR_COVERAGE = 0.25
"""…or whose shared passages cover this share of either report."""
UNIQUE_MIN_WORDS = 5
"""Sentences shorter than this (headings, bylines) are not listed as unique content."""
_ROLE_ORDER = {"where": 0, "when": 1, "who": 2, "counterpart": 3, "figure": 4}
_STATUS_ORDER = {"conflict": 0, "variant": 1, "agree": 2, "single": 3}
_SLOT_OF_FLAG = {"place": "where", "date": "when", "counterpart": "counterpart", "number": "figure"}
_OTHER_SIDE = frozenset(("counterpart", "delegation head", "met"))
# Agencies and wire services an article may cite in its own text ("TASS reported").
AGENCIES = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "TASS", "Interfax", "RIA Novosti",
    "RIA", "Sputnik", "Xinhua", "Bloomberg", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap", "PTI", "IANS", "ANI",
    "Anadolu", "UPI", "CNA", "Bernama", "Antara", "PAP", "Ukrinform", "BelTA", "Kazinform", "IRNA",
)  # fmt: skip
_AGENCY = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True)) + r")(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class Source:
    """One report of the event: how a reader knows it (outlet, title), its id, and its family."""

    id: str
    label: str  # the outlet, else the id; unique inside the dossier
    outlet: str | None
    title: str | None
    published: str | None
    family: str
    words: int


@dataclass(frozen=True, slots=True)
class FactCell:
    """What one source states for a slot: the value as written and the sentence stating it."""

    source: str
    value: str
    canonical: str
    span: Span
    sentence: Span
    sentence_text: str


@dataclass(frozen=True, slots=True)
class FactValue:
    """One value of a slot and the sources that hold it (values that agree are one)."""

    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FactRow:
    """One slot across the sources: "conflict" (sources cannot all be right), "variant"
    (spellings differ), "agree", or "single" (one source states it)."""

    slot: str  # "where", "when", "who", "counterpart" or "figure"
    label: str  # the slot as shown: "where", "figure: dead"
    status: str
    cells: tuple[FactCell, ...]
    values: tuple[FactValue, ...]  # most held first
    pairs: int  # pairs of sources whose flags show the disagreement
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatementDifference:
    """One classed difference of a rendering against the statement's reference."""

    kind: str
    reference_text: str
    rendering_text: str


@dataclass(frozen=True, slots=True)
class StatementCell:
    """One source's rendering of a statement."""

    source: str
    text: str
    span: Span
    quoted: bool
    relation: str  # "reference", "verbatim", "translation" or "fragment"
    speaker: str  # as the source attributes it (canonical), or "unknown"
    speaker_kind: str  # "person", "institution" or "unknown"
    differences: tuple[StatementDifference, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The same words given to different speakers by two sources."""

    kind: str  # "different_speaker" or "person_vs_institution"
    source: str
    speaker: str
    other_source: str
    other_speaker: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement rendered by two sources or more."""

    id: str
    speaker: str
    reference: str  # the source whose rendering the others are compared with
    consistency: str  # "identical", "trivial" or "differs"
    cells: tuple[StatementCell, ...]  # one per source
    attributions: tuple[Attribution, ...]
    renderings: int  # renderings in all (a source may render a statement twice)


@dataclass(frozen=True, slots=True)
class Credit:
    """An agency or outlet a report credits: in a credit line or dateline (ingest), or in its text."""

    source: str
    name: str
    where: str  # "credit line or dateline", or "text"
    span: Span | None
    sentence_text: str


@dataclass(frozen=True, slots=True)
class FamilyLink:
    """A copy or reuse verdict inside a family, with how much text the pair shares."""

    a: str
    b: str
    relation: str
    coverage_a: float
    coverage_b: float
    longest_passage_words: int


@dataclass(frozen=True, slots=True)
class Family:
    """Reports that are copies or rewrites of each other: one independent source."""

    id: str
    kind: str  # "copies", "rewrites" or "independent" (a family of one)
    members: tuple[str, ...]
    earliest: str | None  # the earliest published member, when dates are known
    earliest_date: str | None
    links: tuple[FamilyLink, ...]
    credits: tuple[Credit, ...]


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Two reports in different families that share much: why they are not one family."""

    a: str
    b: str
    relation: str
    coverage_a: float
    coverage_b: float
    longest_passage_words: int
    shared_statements: int
    reason: str


@dataclass(frozen=True, slots=True)
class UniqueSentence:
    """A sentence of one report that no report of another family shares."""

    source: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class UniqueContent:
    """What one family reports that no other family does."""

    family: str
    source: str  # the member the sentences are taken from (earliest, else longest)
    sentences: tuple[UniqueSentence, ...]
    statements: tuple[str, ...]  # quotations only this family renders, as "speaker: words"


@dataclass(frozen=True, slots=True)
class Dossier:
    """The sources of one event compared: facts, statements, lineage and unique content."""

    event: str  # the scan's event cluster id, or "" for a dossier of files
    sources: tuple[Source, ...]
    facts: tuple[FactRow, ...]
    statements: tuple[Statement, ...]
    families: tuple[Family, ...]
    near_misses: tuple[NearMiss, ...]
    unique: tuple[UniqueContent, ...]
    weak_pairs: tuple[tuple[str, str, str], ...]  # pairs whose verdict is weaker than same_event
    compared_pairs: int

    @property
    def conflicts(self) -> int:
        """Return how many fact rows are conflicts."""
        return sum(1 for row in self.facts if row.status == "conflict")

    @property
    def attribution_conflicts(self) -> int:
        """Return how many statements are attributed to different speakers."""
        return sum(1 for s in self.statements if s.attributions)

    def summary(self) -> str:
        """Return the headline count: independent sources against articles."""
        families, articles = len(self.families), len(self.sources)
        return (
            f"{families} independent source{'s' * (families != 1)}, {articles} article{'s' * (articles != 1)}"
        )


def dossier(
    articles: Sequence[Article],
    *,
    links: Iterable[Link] = (),
    event: str = "",
    settings: Settings = DEFAULT_SETTINGS,
    features: Mapping[str, ArticleFeatures] | None = None,
) -> Dossier:
    """Compare the sources of one event: facts, statements, lineage and unique content.

    Args:
        articles: The reports, taken as reports of one event; their order is the columns' order
            (sorted by id here, so the dossier does not depend on input order).
        links: Verified pairs (a scan's); their relation decides families. Pairs not among
            them are compared here (all pairs up to ``ALL_PAIRS_MEMBERS`` reports).
        event: The event cluster's id, if any.
        settings: Pipeline settings.
        features: Articles already analysed, by id.

    Examples:
        >>> found = dossier(load_articles(["fixtures/seeds"])[:2])  # doctest: +SKIP
        >>> found.summary()  # doctest: +SKIP
        '2 independent sources, 2 articles'
    """
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    analysed = {a.id: (features or {}).get(a.id) or analyze(a, settings) for a in ordered}
    ids = [a.id for a in ordered]
    given = {(k.a, k.b): k for k in links if k.a in analysed and k.b in analysed}
    given.update({(k.b, k.a): k for k in list(given.values())})
    reports: dict[tuple[str, str], PairReport] = {}
    for x, y in combinations(ids, 2):
        if len(ids) <= ALL_PAIRS_MEMBERS or (x, y) in given:
            reports[(x, y)] = compare_features(analysed[x], analysed[y], settings)
    relation = {
        pair: (given[pair].relation if pair in given else report.relation) for pair, report in reports.items()
    }
    groups_found = match_quotes(
        [analysed[i].article for i in ids],
        quotes={i: analysed[i].quotes for i in ids},
        tokens={i: analysed[i].tokens for i in ids},
        same_event=_always,
    )
    families = _families(ids, analysed, reports, relation)
    family_of = {m: f.id for f in families for m in f.members}
    flags = {
        (x, y): compare_facts(analysed[x].article, analysed[y].article,
                              profiles=(analysed[x].profile, analysed[y].profile))
        for x, y in combinations(ids, 2)
    }  # fmt: skip
    return Dossier(
        event=event,
        sources=_sources(ordered, analysed, family_of),
        facts=_fact_rows(ids, analysed, flags),
        statements=tuple(_statement(g) for g in groups_found if len(g.articles) > 1),
        families=families,
        near_misses=_near_misses(reports, relation, family_of, groups_found, settings),
        unique=_unique(families, analysed, reports, groups_found),
        weak_pairs=tuple(
            (x, y, r.value)
            for (x, y), r in sorted(relation.items())
            if r.strength < Relation.SAME_EVENT.strength
        ),
        compared_pairs=len(reports),
    )


def scan_dossiers(
    report: ScanReport,
    articles: Mapping[str, Article],
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[Dossier, ...]:
    """Return a dossier for each event cluster of two or more members, in cluster order.

    ``articles`` maps ids to articles (a lazy mapping over an index will do).
    """
    found = []
    for cluster in report.level("event"):
        if len(cluster.members) > 1:
            members = [articles[m] for m in cluster.members]
            found.append(dossier(members, links=report.pairs, event=cluster.id, settings=settings))
    return tuple(found)


def _always(a: str, b: str) -> bool:
    """The reports of a dossier are taken as one event."""
    return True


# --- sources -------------------------------------------------------------------------------------


def _sources(
    ordered: Sequence[Article], analysed: Mapping[str, ArticleFeatures], family_of: Mapping[str, str]
) -> tuple[Source, ...]:
    names = [a.outlet or a.id for a in ordered]
    repeated = {n for n in names if names.count(n) > 1}
    seen: dict[str, int] = {}
    out = []
    for article, name in zip(ordered, names, strict=True):
        if name in repeated:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} #{seen[name]}"
        out.append(
            Source(
                id=article.id,
                label=name,
                outlet=article.outlet,
                title=article.title,
                published=article.published.isoformat() if article.published else None,
                family=family_of[article.id],
                words=len(analysed[article.id].tokens),
            )
        )
    return tuple(out)


# --- facts ---------------------------------------------------------------------------------------


def _fact_rows(
    ids: Sequence[str],
    analysed: Mapping[str, ArticleFeatures],
    flags: Mapping[tuple[str, str], tuple[FactFlag, ...]],
) -> tuple[FactRow, ...]:
    """One row per slot: each source's value, flags' values taking precedence on a conflict."""
    texts = {i: analysed[i].article.text for i in ids}
    lead = _protagonist(ids, analysed)
    cells: dict[tuple[str, str], dict[str, Fact]] = {}
    for i in ids:
        for key, fact in _slot_facts(analysed[i], lead):
            cells.setdefault(key, {}).setdefault(i, fact)
    disagreeing: dict[tuple[str, str], list[tuple[str, str, FactFlag]]] = {}
    for (x, y), found in flags.items():
        for flag in found:
            slot_key = _flag_key(flag, analysed[x], analysed[y])
            if slot_key is not None:
                disagreeing.setdefault(slot_key, []).append((x, y, flag))
    rows = []
    for key in sorted(set(cells) | set(disagreeing), key=lambda k: (_ROLE_ORDER[k[0]], k[1])):
        held = dict(cells.get(key, {}))
        shown = {i: _cell(i, f, texts[i]) for i, f in held.items()}
        for x, y, flag in disagreeing.get(key, ()):  # the values the flags compared
            if flag.kind in CONFLICT_KINDS:
                for side, value, span, sentence in (
                    (x, flag.a_value, flag.a_span, flag.a_sentence),
                    (y, flag.b_value, flag.b_span, flag.b_sentence),
                ):
                    if value and (side not in shown or shown[side].value != value):
                        canonical = (
                            held[side].canonical if side in held and held[side].value == value else value
                        )
                        shown[side] = FactCell(
                            side, value, canonical, span, sentence, sentence.slice(texts[side])
                        )
        row = _row(key, [shown[i] for i in ids if i in shown], held, disagreeing.get(key, []))
        if row is not None:
            rows.append(row)
    return tuple(sorted(rows, key=lambda r: (_STATUS_ORDER[r.status], _ROLE_ORDER[r.slot], r.label)))


def _protagonist(ids: Sequence[str], analysed: Mapping[str, ArticleFeatures]) -> str | None:
    """The person most reports name first among the participants."""
    leads = [analysed[i].profile.participants[0].canonical for i in ids if analysed[i].profile.participants]
    if not leads:
        return None
    return max(leads, key=lambda name: (sum(same_person(name, o) for o in leads), -leads.index(name)))


def _slot_facts(item: ArticleFeatures, lead: str | None) -> list[tuple[tuple[str, str], Fact]]:
    profile = item.profile
    found: list[tuple[tuple[str, str], Fact]] = []
    places = finest_places(profile)
    if places:
        found.append((("where", ""), places[0]))
    if profile.dates:
        found.append((("when", ""), profile.dates[0]))
    people = list(profile.participants)
    main = next((p for p in people if lead is not None and same_person(p.canonical, lead)), None)
    if main is not None:
        found.append((("who", ""), _full(main, item)))
    others = [p for p in people if p is not main]
    other = next((p for p in others if p.role in _OTHER_SIDE), others[0] if others else None)
    if other is not None and main is not None:
        found.append((("counterpart", ""), _full(other, item)))
    for fact in profile.numbers:
        if fact.quantity is not None:
            found.append((("figure", _unit(fact)), fact))
    return found


def _full(fact: Fact, item: ArticleFeatures) -> Fact:
    """The mention spelling the participant's name in full ("Nikolai Patrushev", not "Patrushev")."""
    return next((p for p in item.profile.people if p.canonical == fact.canonical), fact)


def _unit(fact: Fact) -> str:
    quantity = fact.quantity
    if quantity is None:
        return ""
    return f"{quantity.unit} (ordinal)" if quantity.ordinal else quantity.unit


def _flag_key(flag: FactFlag, fx: ArticleFeatures, fy: ArticleFeatures) -> tuple[str, str] | None:
    if flag.slot == "participant":
        return ("who", "") if flag.kind == "spelling_variant" else None
    if flag.slot == "place":
        return ("where", "")
    slot = _SLOT_OF_FLAG.get(flag.slot)
    if slot is None:
        return None
    if slot == "figure":
        fact = next((f for f in fx.profile.numbers if f.span == flag.a_span), None)
        return ("figure", _unit(fact)) if fact is not None else None
    return (slot, "")


def _cell(source: str, fact: Fact, text: str) -> FactCell:
    return FactCell(source, fact.value, fact.canonical, fact.span, fact.sentence, fact.sentence.slice(text))


def _row(
    key: tuple[str, str],
    cells: list[FactCell],
    held: Mapping[str, Fact],
    flagged: Sequence[tuple[str, str, FactFlag]],
) -> FactRow | None:
    slot, unit = key
    if slot == "figure" and len(cells) < 2 and not flagged:  # a figure only one source gives is a detail
        return None
    conflicts = [(x, y, f) for x, y, f in flagged if f.kind in CONFLICT_KINDS]
    variants = [(x, y, f) for x, y, f in flagged if f.kind == "spelling_variant"]
    if conflicts:
        status = "conflict"
    elif variants:
        status = "variant"
    else:
        status = "agree" if len(cells) > 1 else "single"
    shown = conflicts or variants
    return FactRow(
        slot=slot,
        label=f"figure: {unit}" if slot == "figure" else slot,
        status=status,
        cells=tuple(cells),
        values=_values(slot, cells, held),
        pairs=len({(x, y) for x, y, _ in shown}),
        notes=tuple(dict.fromkeys(f.note for _, _, f in shown)),
    )


def _values(slot: str, cells: Sequence[FactCell], held: Mapping[str, Fact]) -> tuple[FactValue, ...]:
    """Group the cells whose values agree (one place, one person, agreeing dates or counts)."""
    agree = _agreement(slot, held)
    grouped: list[list[FactCell]] = []
    for cell in cells:
        home = next((g for g in grouped if agree(g[0], cell)), None)
        if home is None:
            grouped.append([cell])
        else:
            home.append(cell)
    ranked = sorted(grouped, key=lambda g: (-len(g), g[0].source))
    return tuple(FactValue(_most_specific(g), tuple(c.source for c in g)) for g in ranked)


def _agreement(slot: str, held: Mapping[str, Fact]) -> Callable[[FactCell, FactCell], bool]:
    def agree(x: FactCell, y: FactCell) -> bool:
        if x.canonical == y.canonical:
            return True
        fx, fy = held.get(x.source), held.get(y.source)
        fx = fx if fx is not None and fx.value == x.value else None
        fy = fy if fy is not None and fy.value == y.value else None
        if slot in ("who", "counterpart"):
            return same_person(x.canonical, y.canonical)
        if (
            slot == "when"
            and fx is not None
            and fy is not None
            and fx.date is not None
            and fy.date is not None
        ):
            return dates_agree(fx.date, fy.date) is not False
        if slot == "figure" and fx is not None and fy is not None and fx.quantity and fy.quantity:
            return quantities_agree(fx.quantity, fy.quantity) is True
        return False

    return agree


def _most_specific(cells: Sequence[FactCell]) -> str:
    """The way most sources of a group write the value; on a tie the longest ("Monday, September 19")."""
    written = [c.canonical for c in cells]
    return max(written, key=lambda v: (written.count(v), len(v), v))


# --- statements ----------------------------------------------------------------------------------


def _statement(group: QuoteGroup) -> Statement:
    """One cell per source: its rendering the reference is compared with (the reference itself,
    else its fullest quoted one); ``renderings`` counts them all."""
    chosen: dict[str, int] = {}
    for index, r in enumerate(group.renderings):
        held = chosen.get(r.article_id)
        if held is None or _rank(group, index) > _rank(group, held):
            chosen[r.article_id] = index
    cells = []
    for source, index in chosen.items():
        r = group.renderings[index]
        differences = tuple(
            StatementDifference(d.kind, d.reference_text, d.rendering_text)
            for d in group.differences
            if d.rendering == index and d.kind != "attribution_conflict"
        )
        kind = r.quote.speaker_kind if r.quote is not None else UNKNOWN
        cells.append(
            StatementCell(source, r.text, r.span, r.quoted, r.relation, r.speaker, kind, differences)
        )
    reference = group.renderings[group.reference]
    return Statement(
        id=group.id,
        speaker=group.speaker,
        reference=reference.article_id,
        consistency=group.consistency,
        cells=tuple(cells),
        attributions=_attributions(group),
        renderings=len(group.renderings),
    )


def _rank(group: QuoteGroup, index: int) -> tuple[bool, bool, bool, int]:
    r = group.renderings[index]
    return index == group.reference, r.quoted, r.speaker != UNKNOWN, len(r.text)


def _attributions(group: QuoteGroup) -> tuple[Attribution, ...]:
    """Other speakers for the same words (``match_quotes``' conflicts), and person against institution."""
    reference = group.renderings[group.reference]
    found = [
        Attribution(
            "different_speaker", d.article_id, d.rendering_text, reference.article_id, d.reference_text
        )
        for d in group.differences
        if d.kind == "attribution_conflict"
    ]
    quoted = [
        r
        for r in group.renderings
        if r.quote is not None and r.speaker != UNKNOWN and len(r.text.split()) >= ATTRIBUTION_MIN_WORDS
    ]
    people = [r for r in quoted if r.quote is not None and r.quote.speaker_kind == "person"]
    bodies = [r for r in quoted if r.quote is not None and r.quote.speaker_kind == "institution"]
    if people and bodies:
        person = people[0]
        for body in bodies:
            if body.article_id != person.article_id:
                found.append(
                    Attribution("person_vs_institution", body.article_id, body.speaker, person.article_id,
                                person.speaker)
                )  # fmt: skip
    return tuple(dict.fromkeys(found))


# --- lineage -------------------------------------------------------------------------------------


def _families(
    ids: Sequence[str],
    analysed: Mapping[str, ArticleFeatures],
    reports: Mapping[tuple[str, str], PairReport],
    relation: Mapping[tuple[str, str], Relation],
) -> tuple[Family, ...]:
    """Group copies and rewrites as the scan groups reuse (average linkage over the verdicts)."""
    strong = [
        link_from_report(reports[pair])
        for pair, r in relation.items()
        if r.strength >= Relation.REUSE.strength
    ]
    strong = [_with_relation(k, relation[(k.a, k.b)]) for k in strong]
    found = groups(ids, strong, "reuse")
    found.sort(key=lambda g: (-len(g), g))
    families = []
    for n, members in enumerate(found, 1):
        inside = [k for k in strong if k.a in members and k.b in members]
        kind = "independent" if len(members) == 1 else "rewrites"
        if inside and all(k.relation is Relation.DUPLICATE for k in inside):
            kind = "copies"
        dated = [(analysed[m].article.published, m) for m in members if analysed[m].article.published]
        earliest = min(dated) if dated else None
        families.append(
            Family(
                id=f"F{n}",
                kind=kind,
                members=members,
                earliest=earliest[1] if earliest else None,
                earliest_date=earliest[0].isoformat() if earliest and earliest[0] else None,
                links=tuple(
                    FamilyLink(
                        k.a, k.b, k.relation.value, k.coverage_a, k.coverage_b, k.longest_passage_words
                    )
                    for k in inside
                ),
                credits=tuple(c for m in members for c in credits_of(analysed[m].article)),
            )
        )
    return tuple(families)


def _with_relation(link: Link, relation: Relation) -> Link:
    from dataclasses import replace

    return link if link.relation is relation else replace(link, relation=relation)


def credits_of(article: Article) -> tuple[Credit, ...]:
    """The agencies and outlets ``article`` credits: ingest's credit lines and datelines, then
    agencies its own text cites ("TASS reported", "according to Reuters"), each once.

    Examples:
        >>> from dedupe.ingest.build import article_from_text
        >>> art = article_from_text("Talks ended, Interfax cited an aide as saying.", id="x")
        >>> [(c.name, c.where) for c in credits_of(art)]
        [('Interfax', 'text')]
    """
    found = [Credit(article.id, name, "credit line or dateline", None, "") for name in article.credits]
    named = {c.name for c in found}
    text = article.text
    for body in article.body_spans:
        for match in _AGENCY.finditer(text, body.start, body.end):
            name = match.group(1)
            if name in named:
                continue
            named.add(name)
            sentence = _sentence_around(text, body, match.start(), match.end())
            found.append(Credit(article.id, name, "text", Span(match.start(), match.end()), sentence))
    return tuple(found)


def _sentence_around(text: str, body: Span, start: int, end: int) -> str:
    """The line or sentence of ``text`` around ``[start, end)``, inside ``body``."""
    before = max(text.rfind(". ", body.start, start) + 2, text.rfind("\n", body.start, start) + 1, body.start)
    after = [p for p in (text.find(". ", end, body.end), text.find("\n", end, body.end)) if p >= 0]
    return text[before : min(after) + 1 if after else body.end].strip()


def _near_misses(
    reports: Mapping[tuple[str, str], PairReport],
    relation: Mapping[tuple[str, str], Relation],
    family_of: Mapping[str, str],
    found: Sequence[QuoteGroup],
    settings: Settings,
) -> tuple[NearMiss, ...]:
    """Per two families, the pair of their reports that shares most, if it shares statements or
    text enough to look like one source: say why they are not one family."""
    best: dict[tuple[str, str], NearMiss] = {}
    for (x, y), report in sorted(reports.items()):
        families = (family_of[x], family_of[y])
        if families[0] == families[1]:
            continue
        shared = sum(1 for g in found if x in g.articles and y in g.articles)
        figures = report.similarity
        share = max(figures.coverage_a, figures.coverage_b)
        if shared < NEAR_SHARED_STATEMENTS and share < NEAR_COVERAGE:
            continue
        reason = (
            f"the verdict is {relation[(x, y)].value}, not reuse: shared passages cover "
            f"{figures.coverage_a:.0%} and {figures.coverage_b:.0%} (reuse takes "
            f"{settings.reuse_coverage:.0%}, or one passage of {settings.reuse_passage_words} words; the "
            f"longest is {figures.longest_passage_words}). They render {shared} statement(s) in common: "
            "both may draw on one statement or agency report, but the wording around it is their own"
        )
        miss = NearMiss(x, y, relation[(x, y)].value, figures.coverage_a, figures.coverage_b,
                        figures.longest_passage_words, shared, reason)  # fmt: skip
        key = (min(families), max(families))
        if key not in best or _weight(miss) > _weight(best[key]):
            best[key] = miss
    return tuple(best[key] for key in sorted(best))


def _weight(miss: NearMiss) -> tuple[int, float]:
    return miss.shared_statements, max(miss.coverage_a, miss.coverage_b)


# --- unique content ------------------------------------------------------------------------------


def _unique(
    families: Sequence[Family],
    analysed: Mapping[str, ArticleFeatures],
    reports: Mapping[tuple[str, str], PairReport],
    found: Sequence[QuoteGroup],
) -> tuple[UniqueContent, ...]:
    """Per family, the sentences of its lead member that no other family's report shares."""
    if len(families) < 2:
        return ()
    family_of = {m: f.id for f in families for m in f.members}
    out = []
    for family in families:
        lead = family.earliest or max(family.members, key=lambda m: (len(analysed[m].tokens), m))
        shared: list[Span] = []
        for (x, y), report in reports.items():
            if lead == x and family_of[y] != family.id:
                shared.extend(p.a for p in report.passages)
            elif lead == y and family_of[x] != family.id:
                shared.extend(p.b for p in report.passages)
        statements = []
        for group in found:
            outside = any(family_of[a] != family.id for a in group.articles)
            if outside:
                shared.extend(r.span for r in group.renderings if r.article_id == lead)
            elif any(r.article_id in family.members and r.quoted for r in group.renderings):
                words = group.renderings[group.reference].text
                if len(words.split()) < ATTRIBUTION_MIN_WORDS:  # a scare-quoted phrase is no statement
                    continue
                statements.append(f"{group.speaker}: {words}")
        text = analysed[lead].article.text
        sentences = tuple(
            UniqueSentence(lead, span, span.slice(text).strip())
            for span, tokens in analysed[lead].sentences
            if len(tokens) >= UNIQUE_MIN_WORDS
            and (not _touches(span, shared) or coverage(tokens, shared) < OWN_SENTENCE_MAX_SHARED)
        )
        out.append(UniqueContent(family.id, lead, sentences, tuple(statements)))
    return tuple(out)


def _touches(sentence: Span, shared: Sequence[Span]) -> bool:
    return any(s.start < sentence.end and sentence.start < s.end for s in shared)
