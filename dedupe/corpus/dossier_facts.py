"""Facts by source in a dossier: one row per fact slot, one cell per source.

A row is a conflict when any pair of sources has a conflict flag on it (``compare_facts``);
its values are grouped with how many sources hold each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dedupe.corpus.fact_audit import CONFLICT_KINDS
from dedupe.evidence.clock_comparison import clock_zone, same_clock_time
from dedupe.evidence.date_mentions import dates_agree
from dedupe.evidence.events import Fact
from dedupe.evidence.fact_flags import FactFlag
from dedupe.evidence.names import same_person
from dedupe.evidence.numbers import quantities_agree
from dedupe.evidence.overlap import finest_places
from dedupe.models import Span
from dedupe.pair.compare import ArticleFeatures

_ROLE_ORDER = {"where": 0, "when": 1, "who": 2, "counterpart": 3, "figure": 4}


_STATUS_ORDER = {"conflict": 0, "variant": 1, "agree": 2, "single": 3}


_SLOT_OF_FLAG = {"place": "where", "date": "when", "counterpart": "counterpart", "number": "figure"}


_OTHER_SIDE = frozenset(("counterpart", "delegation head", "met"))


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


def fact_rows(
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
        if fact is not None:
            return ("figure", _unit(fact))
        zone = clock_zone(flag.a_value)  # the event's clock time (``clock_flags``)
        return ("figure", f"time ({zone})") if zone is not None else None
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
        return slot == "figure" and same_clock_time(x.value, y.value)  # "06:15", "6:15 a.m."

    return agree


def _most_specific(cells: Sequence[FactCell]) -> str:
    """The way most sources of a group write the value; on a tie the longest ("Monday, September 19")."""
    written = [c.canonical for c in cells]
    return max(written, key=lambda v: (written.count(v), len(v), v))
