"""Statements by source in a dossier: each rendering's classed differences and attribution conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from dedupe.models import Span
from dedupe.quotes.match import ATTRIBUTION_MIN_WORDS, QuoteGroup
from dedupe.quotes.speaker import UNKNOWN


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


def statement_of(group: QuoteGroup) -> Statement:
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
