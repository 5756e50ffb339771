"""Render pair, scan and quote-audit reports as self-contained HTML pages.

The pages are Jinja2 templates shipped in ``dedupe/report/templates`` with autoescaping on:
article text is untrusted input, so every piece of it is escaped. Each page carries a
Content-Security-Policy that admits only its own inline style and script (by hash), so
it fetches nothing and nothing smuggled into it could run.

The side-by-side view cuts each article's original text at every span boundary
(passages, edits, quotations, facts, boilerplate) and nests the marks by layer. A mark
that crosses a deeper mark's boundary is split into pieces sharing its key, so the
HTML stays well nested and every character of the original appears exactly once.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import insort
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dedupe.models import Article, Span
from dedupe.quotes.diff import describe_difference
from dedupe.report.words import PAIR_LEGEND, SCAN_LEGEND, fact_kind, slot_words

if TYPE_CHECKING:
    from dedupe.corpus.cluster import Cluster
    from dedupe.corpus.dossier import Dossier
    from dedupe.corpus.linkage import Link
    from dedupe.corpus.scan import ScanReport
    from dedupe.pair.compare import PairReport
    from dedupe.quotes.match import QuoteAudit, QuoteGroup

PALETTE = 8
"""Distinct highlight colours for shared passages; passage n uses colour n mod PALETTE."""
MATRIX_MAX_MEMBERS = 24
"""Clusters up to this size get a pair matrix; larger ones only their pair list."""
SINGLES_SHOWN = 200
"""Single-article event clusters listed on the scan page before "… and N more"."""
PAIRS_SHOWN = 2000
"""Pairs listed on the scan page; the CSV and JSON formats list them all."""

# Outer layers wrap inner ones: a passage inside a fact's sentence, an edit inside a passage.
# Quotations wrap passages so that each keeps one unbroken outline; a passage's colour
# does not show where it is split.
_BOILERPLATE, _SENTENCE, _QUOTE, _PASSAGE, _VALUE, _EDIT = range(6)
_SHORT = {"duplicate": "dup", "reuse": "reuse", "same_event": "event", "related": "rel", "unrelated": "—"}


@dataclass(frozen=True, slots=True)
class _Mark:
    """A stretch of text to wrap in one element; ``id`` goes on its first piece only."""

    span: Span
    layer: int
    tag: str
    classes: str
    id: str = ""
    link: str = ""
    badge: str = ""
    title: str = ""


@dataclass(slots=True)
class _Node:
    """One piece of a mark in the rendered tree: text strings and nested pieces."""

    mark: _Mark
    first: bool
    children: list[_Node | str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Rendering:
    """A quotation rendering laid out for a page: its marked text and where it sits."""

    article_id: str
    side: str
    target: str
    relation: str
    kind: str
    speaker: str
    nodes: list[_Node | str]


def render_pair_html(report: PairReport, a: Article, b: Article) -> str:
    """Return the side-by-side page of a pair report, built over both articles' original text."""
    sides = {"a": a, "b": b}
    groups = [
        (g, [_rendering(g, k, "a" if r.article_id == a.id else "b") for k, r in enumerate(g.renderings)])
        for g in report.quote_groups
    ]
    columns = {side: _layered(art.text, _pair_marks(report, side, art)) for side, art in sides.items()}
    return _page("pair.html.j2", report=report, columns=columns, groups=groups, script=True)


def render_scan_html(
    report: ScanReport,
    *,
    articles: Mapping[str, Article] | None = None,
    pair_pages: Mapping[tuple[str, str], str] | None = None,
    pair_pages_limit: int | None = None,
    dossier_pages: Mapping[str, str] | None = None,
) -> str:
    """Return the overview page of a scan: clusters, their pair matrices and quotation summaries.

    Args:
        report: The scan report.
        articles: Articles by id (any mapping, a lazy one over an index will do), to show
            each member's outlet, title and date; ids alone otherwise.
        pair_pages: Address of each pair's side-by-side page by ``(a, b)`` id pair, to link
            the matrix cells and pair rows to.
        pair_pages_limit: How many pair pages were asked for, stated on the page when it
            is fewer than the pairs listed (0: the page stands alone, without pair pages).
        dossier_pages: Address of each event cluster's dossier page by cluster id.
    """
    pairs = {(p.a, p.b): p for p in report.pairs}
    event = report.level("event")
    clusters = [
        (c, _matrix(c, pairs), _relation_counts(c, report.pairs)) for c in event if len(c.members) > 1
    ]
    singles = [c for c in event if len(c.members) == 1]
    return _page(
        "scan.html.j2",
        report=report,
        clusters=clusters,
        groups=[c for c in report.clusters if c.level != "event"],
        singles=singles[:SINGLES_SHOWN],
        more_singles=max(0, len(singles) - SINGLES_SHOWN),
        pairs=report.pairs[:PAIRS_SHOWN],
        more_pairs=max(0, len(report.pairs) - PAIRS_SHOWN),
        articles=articles or {},
        pages=pair_pages or {},
        dossier_pages=dossier_pages or {},
        matrix_max=MATRIX_MAX_MEMBERS,
        pages_note=_pages_note(len(report.pairs), len(pair_pages or {}), pair_pages_limit),
    )


def _pages_note(pairs: int, written: int, limit: int | None) -> str:
    """Say which pairs have a side-by-side page, when not all of them do."""
    if limit is None or pairs == 0 or written >= pairs:
        return ""
    if limit == 0 and written == 0:
        return "No side-by-side pair pages: write the scan with --format html --out FILE to get them."
    return (
        f"Side-by-side pages for the first {written} of {pairs} pairs listed "
        f"(--pair-pages {limit}; raise it for more)."
    )


def render_quotes_html(audit: QuoteAudit) -> str:
    """Return the quote audit as a page: per speaker, each group's renderings one under another."""
    from dedupe.report.quotes import summary

    speakers: dict[str, list[tuple[QuoteGroup, list[_Rendering]]]] = {}
    for group in audit.groups:
        renderings = [_rendering(group, k, "") for k in range(len(group.renderings))]
        speakers.setdefault(group.speaker, []).append((group, renderings))
    return _page("quotes.html.j2", audit=audit, summary=summary(audit), speakers=speakers)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("dedupe.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """Return a packaged stylesheet or script (trusted text) and its CSP hash source."""
    text = (resources.files("dedupe.report") / "templates" / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _page(template: str, *, script: bool = False, **context: object) -> str:
    style, style_hash = _asset("report.css")
    code, code_hash = _asset("report.js") if script else (Markup(""), "'none'")
    csp = f"default-src 'none'; style-src {style_hash}; script-src {code_hash}; img-src data:"
    page = _environment().get_template(template)
    return page.render(
        style=style, script=code, csp=csp, short=_SHORT, fact_kind=fact_kind, slot_words=slot_words,
        scan_legend=SCAN_LEGEND, pair_legend=PAIR_LEGEND, **context,
    )  # fmt: skip


def _pair_marks(report: PairReport, side: str, article: Article) -> list[_Mark]:
    """List the spans of one column to mark: boilerplate, facts, passages, quotations and edits."""
    marks = [
        _Mark(Span(p.start, p.end), _BOILERPLATE, "span", "boiler", title=f"set aside: {p.reason}")
        for p in article.boilerplate
    ]
    for n, flag in enumerate(report.facts, 1):
        sentence, value = (flag.a_sentence, flag.a_span) if side == "a" else (flag.b_sentence, flag.b_span)
        marks.append(_Mark(sentence, _SENTENCE, "span", "fact-sentence", f"{side}-fact{n}", title=flag.note))
        marks.append(_Mark(value, _VALUE, "span", "fact-value", badge=str(n), title=flag.note))
    for n, p in enumerate(report.passages, 1):
        title = f"shared passage {n}: {max(p.a_words, p.b_words)} words, similarity {p.similarity:.2f}"
        span = p.a if side == "a" else p.b
        classes = f"passage c{n % PALETTE}"
        marks.append(_Mark(span, _PASSAGE, "span", classes, f"{side}-p{n}", link=f"p{n}", title=title))
        for e in p.edits:
            edited, tag = (e.a, "del") if side == "a" else (e.b, "ins")
            if edited is not None:
                title = _edit_title(e.kind, e.a_text, e.b_text)
                marks.append(_Mark(edited, _EDIT, tag, f"edit {e.kind}", title=title))
    for group in report.quote_groups:
        for k, r in enumerate(group.renderings):
            if r.article_id == article.id:
                classes = "quote" if r.quoted else "quote unquoted"
                title = f"{group.id} · {group.speaker} · {group.consistency}"
                # Outline a quotation with its marks, as a reader sees it.
                span = r.quote.span if r.quote is not None else r.span
                marks.append(_Mark(span, _QUOTE, "span", classes, f"{side}-{group.id}-{k}", title=title))
    return marks


def _edit_title(kind: str, a_text: str, b_text: str) -> str:
    if kind == "substitution":
        return f"A “{a_text}” → B “{b_text}”"
    return f"only in B: “{b_text}”" if kind == "insertion" else f"only in A: “{a_text}”"


def _rendering(group: QuoteGroup, index: int, side: str) -> _Rendering:
    """Lay out one rendering with its differences from the reference (or the reference's own words) marked."""
    r = group.renderings[index]
    base = r.span.start
    marks: dict[tuple[int, int, str], _Mark] = {}
    for d in group.differences:
        # Frames of an attribution conflict lie outside the quoted words; the panel lists them.
        if d.kind == "attribution_conflict":
            continue
        if d.rendering == index:
            span, tag = d.rendering_span, "ins"
        elif index == group.reference:
            span, tag = d.reference_span, "del"
        else:
            continue
        if span is None:
            continue
        local = Span(max(0, span.start - base), max(0, span.end - base))
        title = describe_difference(d.kind, d.reference_text, d.rendering_text)
        tag = "mark" if d.kind == "reordering" else tag
        marks.setdefault((local.start, local.end, d.kind), _Mark(local, 0, tag, f"qd {d.kind}", title=title))
    kind = r.quote.kind if r.quote is not None else "unquoted"
    target = f"{side}-{group.id}-{index}" if side else ""
    return _Rendering(
        r.article_id, side, target, r.relation, kind, r.speaker, _layered(r.text, marks.values())
    )


def _layered(text: str, marks: Iterable[_Mark]) -> list[_Node | str]:
    """Cut ``text`` at every mark boundary and nest the marks by layer, splitting any that cross."""
    kept = sorted(
        (m for m in marks if m.span.start < m.span.end <= len(text)),
        key=lambda m: (m.layer, m.span.start, -m.span.end, m.id, m.classes),
    )
    cuts = sorted({0, len(text)} | {m.span.start for m in kept} | {m.span.end for m in kept})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for k, mark in enumerate(kept):
        starts.setdefault(mark.span.start, []).append(k)
        ends.setdefault(mark.span.end, []).append(k)
    root: list[_Node | str] = []
    stack: list[tuple[int, _Node]] = []
    active: list[int] = []  # indices into ``kept``, so always in nesting order
    for start, end in pairwise(cuts):
        for k in ends.get(start, ()):
            active.remove(k)
        for k in starts.get(start, ()):
            insort(active, k)
        depth = 0
        while depth < min(len(stack), len(active)) and stack[depth][0] == active[depth]:
            depth += 1
        del stack[depth:]
        for k in active[depth:]:
            node = _Node(kept[k], first=start == kept[k].span.start)
            (stack[-1][1].children if stack else root).append(node)
            stack.append((k, node))
        (stack[-1][1].children if stack else root).append(text[start:end])
    return root


def _matrix(cluster: Cluster, pairs: Mapping[tuple[str, str], Link]) -> list[list[Link | None]]:
    """The verified link of every member pair (``None`` where the scan lists none), row by row."""
    if len(cluster.members) > MATRIX_MAX_MEMBERS:
        return []
    return [[pairs.get((x, y)) or pairs.get((y, x)) for y in cluster.members] for x in cluster.members]


def _relation_counts(cluster: Cluster, links: Sequence[Link]) -> list[tuple[str, int]]:
    inside = set(cluster.members)
    counts = Counter(k.relation.value for k in links if k.a in inside and k.b in inside)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def render_dossier_html(found: Dossier, *, scan_page: str = "") -> str:
    """Return an event dossier as a page: disagreements first, one column per source.

    ``scan_page`` is the address of the scan overview to link back to, if any.
    """
    keys = {s.id: f"S{n}" for n, s in enumerate(found.sources, 1)}
    facts = []
    for row in found.facts:
        group = {source: n for n, value in enumerate(row.values) for source in value.sources}
        cells = {c.source: (c, group.get(c.source, 0)) for c in row.cells}
        facts.append((row, [cells.get(s.id) for s in found.sources]))
    statements = []
    for statement in found.statements:
        by_source = {c.source: c for c in statement.cells}
        statements.append((statement, [by_source.get(s.id) for s in found.sources]))
    return _page(
        "dossier.html.j2",
        dossier=found,
        keys=keys,
        facts=facts,
        statements=statements,
        scan_page=scan_page,
    )
