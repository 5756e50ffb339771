"""Tests for dedupe.report.html: the pages' text, structure, escaping and self-containment (no browser)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.corpus.cluster import Cluster
from dedupe.corpus.linkage import Link
from dedupe.corpus.scan import ScanReport, scan
from dedupe.ingest.build import article_from_text
from dedupe.models import Article, Span
from dedupe.pair.compare import PairReport, compare
from dedupe.pair.similarity import Similarity
from dedupe.pair.verdict import Reason, Relation
from dedupe.quotes.match import QuoteAudit, audit_quotes
from dedupe.report.html import (
    SINGLES_SHOWN,
    _layered,
    _Mark,
    _Node,
    render_pair_html,
    render_quotes_html,
    render_scan_html,
)

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
PAYLOAD = '<script>alert(1)</script> and "><img src=x onerror=alert(1)>'


@dataclass
class Element:
    """One parsed element: its tag, attributes, full text content and its ancestors' attributes."""

    tag: str
    attrs: dict[str, str]
    ancestors: tuple[dict[str, str], ...]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Page(HTMLParser):
    """Parse a page, failing on any end tag that does not close the innermost open element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()
        assert not self._open, f"unclosed: {[e.tag for e in self._open]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, tuple(e.attrs for e in self._open))
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1].tag == tag, f"</{tag}> closes {self._open[-1].tag}"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.parts.append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag)
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def by_id(self, element_id: str) -> Element:
        [found] = self.find(id=element_id)
        return found


@pytest.fixture(scope="module")
def pair(seeds: dict[str, Article]) -> tuple[PairReport, Article, Article]:
    a, b = seeds["001"], seeds["004"]
    return compare(a, b), a, b


@pytest.fixture(scope="module")
def pair_page(pair: tuple[PairReport, Article, Article]) -> Page:
    return Page(render_pair_html(*pair))


@pytest.fixture(scope="module")
def seed_scan(seeds: dict[str, Article]) -> ScanReport:
    return scan(list(seeds.values()))


@pytest.fixture(scope="module")
def audit(seeds: dict[str, Article]) -> QuoteAudit:
    return audit_quotes(list(seeds.values()))


def test_each_column_holds_its_article_text_exactly_once(
    pair: tuple[PairReport, Article, Article], pair_page: Page
) -> None:
    _, a, b = pair
    assert pair_page.by_id("col-a").text == a.text
    assert pair_page.by_id("col-b").text == b.text


def test_shared_passage_is_marked_in_both_columns_with_its_word_edits(pair_page: Page) -> None:
    keys = {
        e.attrs["data-link"]
        for e in pair_page.elements
        if "expand information" in e.text and "data-link" in e.attrs
    }
    assert len(keys) == 1
    key = keys.pop()
    for column, tag, word in (("col-a", "del", "exchanges"), ("col-b", "ins", "sharing")):
        pieces = [e for e in pair_page.elements if e.attrs.get("data-link") == key and _inside(e, column)]
        whole = "".join(p.text for p in pieces)
        assert "expand information" in whole and "both countries" in whole
        assert pieces[0].attrs["class"] == pieces[-1].attrs["class"] != "passage"
        edits = [e.text for e in pair_page.find(tag) if _inside(e, column) and _inside(e, key, "data-link")]
        assert edits == [word]


def _inside(element: Element, value: str, attribute: str = "id") -> bool:
    return any(a.get(attribute) == value for a in element.ancestors)


def test_facts_are_listed_first_and_link_to_both_sentences(pair_page: Page) -> None:
    [both] = pair_page.find("button", data_goto="a-fact1 b-fact1")
    assert pair_page.elements.index(both) < pair_page.elements.index(pair_page.by_id("col-a"))
    assert "Nanping" in pair_page.by_id("a-fact1").text and "Beijing" in pair_page.by_id("b-fact1").text
    values = [
        e.text for e in pair_page.find(class_="fact-value") if _inside(e, "col-a") or _inside(e, "col-b")
    ]
    assert values == ["Nanping", "Beijing"]


def test_quote_panel_shows_groups_their_classed_differences_and_links_into_the_text(
    pair: tuple[PairReport, Article, Article], pair_page: Page
) -> None:
    report = pair[0]
    assert len(pair_page.find("section", class_="qgroup differs")) == sum(
        1 for g in report.quote_groups if g.consistency == "differs"
    )
    for link in pair_page.find("a"):
        if "data-goto" in link.attrs and "-q" in link.attrs["data-goto"]:
            assert pair_page.by_id(link.attrs["data-goto"]).attrs["class"].startswith("quote")
    panel = pair_page.find("aside")[0].text
    assert "substitution" in panel and "truncation" in panel
    assert [e.text for e in pair_page.find("ins", class_="qd substitution")][:1] == ["unreserved"]


def test_article_markup_renders_as_text(seeds: dict[str, Article]) -> None:
    hostile = article_from_text(f"{PAYLOAD}\n\n{seeds['001'].text}", id='x"><marquee>')
    page_html = render_pair_html(compare(hostile, seeds["004"]), hostile, seeds["004"])
    page = Page(page_html)
    assert len(page.find("script")) == 1 and not page.find("img") and not page.find("marquee")
    assert page.by_id("col-a").text == hostile.text
    assert page.find("title")[0].text.startswith('x"><marquee> vs ')
    assert any(PAYLOAD in e.text for e in page.find("h2") if _inside(e, "side side-a", "class"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html


@pytest.mark.parametrize("which", ["pair", "scan", "quotes"])
def test_page_is_self_contained(
    which: str,
    pair: tuple[PairReport, Article, Article],
    seed_scan: ScanReport,
    audit: QuoteAudit,
) -> None:
    html = {
        "pair": lambda: render_pair_html(*pair),
        "scan": lambda: render_scan_html(seed_scan),
        "quotes": lambda: render_quotes_html(audit),
    }[which]()
    page = Page(html)
    for element in page.elements:
        for name in ("href", "src", "action", "srcset", "poster", "data"):
            assert element.attrs.get(name, "#").startswith(("#", "data:")), element.attrs
    [style] = page.find("style")
    assert "url(" not in style.text and "@import" not in style.text
    [policy] = page.find("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in policy.attrs["content"]
    for inline in page.find("style") + page.find("script"):
        digest = base64.b64encode(hashlib.sha256(inline.text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy.attrs["content"]


def test_rendering_is_deterministic(pair: tuple[PairReport, Article, Article]) -> None:
    assert render_pair_html(*pair) == render_pair_html(*pair)


def test_scan_overview_shows_the_three_event_clusters(
    seeds: dict[str, Article], seed_scan: ScanReport
) -> None:
    ids = {key: article.id for key, article in seeds.items()}
    pages = {(p.a, p.b): f"pairs/{p.a}--{p.b}.html" for p in seed_scan.pairs}
    page = Page(render_scan_html(seed_scan, articles={a.id: a for a in seeds.values()}, pair_pages=pages))
    clusters = page.find(data_level="event")
    members = [{k for k, v in ids.items() if v in c.text} for c in clusters]
    assert sorted(members, key=sorted) == [{"000", "001", "004"}, {"002"}, {"003"}]
    links = {e.attrs["href"] for e in page.find("a") if e.attrs["href"].startswith("pairs/")}
    assert links == set(pages.values())
    assert "AP" in clusters[0].text and "7 rendered by more than one member, 2 differ" in clusters[0].text


def test_scan_overview_escapes_ids_and_caps_long_lists() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    ids = [hostile, *(f"s{n:04d}" for n in range(SINGLES_SHOWN + 5))]
    clusters = tuple(Cluster(f"event-{n}", "event", (m,), m, (), (), (), 0) for n, m in enumerate(ids, 1))
    figures = Similarity(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 3, 5, 128)
    link = Link(hostile, "s0000", Relation.RELATED, 0.6, 0.3, figures, (Reason("r", hostile),))
    report = ScanReport(len(ids), 0, 1, 1, (), Relation.UNRELATED, clusters, (link,))
    page = Page(render_scan_html(report))
    assert not page.find("img")
    assert len(page.find(data_level="event")) == SINGLES_SHOWN
    [singles] = page.find("ul", class_="singles")
    assert singles.text.rstrip().endswith("… and 6 more")
    assert hostile in page.find("table", class_="pairs")[0].text


def test_quote_audit_page_aligns_renderings_per_speaker(audit: QuoteAudit) -> None:
    page = Page(render_quotes_html(audit))
    said = [e.text for e in page.elements if e.attrs.get("class", "").startswith("said")]
    assert sorted(said) == sorted(r.text for g in audit.groups for r in g.renderings)
    speakers = [e.text for e in page.find("h2")]
    assert sum(1 for s in speakers if s.startswith("Nikolai Patrushev")) == 1
    [group] = [g for g in audit.groups if any("exchanges" in r.text for r in g.renderings)]
    marked = {(e.tag, e.text) for e in page.elements if _inside(e, group.id) and _inside(e, "said", "class")}
    assert {("del", "exchanges"), ("ins", "sharing")} <= marked


_TEXT = st.text(alphabet="ab <&\"'\n“”", max_size=40)


@st.composite
def _marks(draw: st.DrawFn) -> tuple[str, list[_Mark]]:
    text = draw(_TEXT)
    marks = []
    for n in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(_Mark(Span(start, end), draw(st.integers(0, 3)), "span", f"m{n}", id=f"m{n}"))
    return text, marks


@settings(max_examples=150, deadline=None)
@given(_marks())
def test_layering_keeps_the_text_and_puts_every_piece_inside_its_mark(case: tuple[str, list[_Mark]]) -> None:
    text, marks = case
    pieces: dict[str, list[Span]] = {}
    firsts: list[str] = []
    cursor = 0

    def walk(nodes: list[_Node | str], inside: list[_Mark]) -> None:
        nonlocal cursor
        for node in nodes:
            if isinstance(node, str):
                assert all(m.span.start <= cursor and cursor + len(node) <= m.span.end for m in inside)
                cursor += len(node)
                continue
            start = cursor
            if node.first:
                firsts.append(node.mark.id)
            walk(node.children, [*inside, node.mark])
            pieces.setdefault(node.mark.id, []).append(Span(start, cursor))

    walk(_layered(text, marks), [])
    assert cursor == len(text)
    for mark in marks:
        covered = sorted(pieces.get(mark.id, []), key=lambda s: s.start)
        assert sum(len(s) for s in covered) == len(mark.span)
        assert all(x.end <= y.start for x, y in pairwise(covered))
    assert sorted(firsts) == sorted(m.id for m in marks if len(m.span))


def test_layering_nests_an_edit_inside_a_passage_inside_a_quotation() -> None:
    text = "He said “we share data” today."
    quote = _Mark(Span(8, 23), 2, "span", "quote", id="q")
    passage = _Mark(Span(3, 17), 3, "span", "passage", id="p")
    edit = _Mark(Span(12, 17), 5, "ins", "edit", id="e")
    nodes = _layered(text, [edit, passage, quote])
    shape = re.sub(r"\s+", " ", repr([_shape(n) for n in nodes]))
    assert shape == repr(
        ["He ", ("p", ["said "]), ("q", [("p", ["“we ", ("e", ["share"])]), " data”"]), " today."]
    )


def _shape(node: _Node | str) -> object:
    return node if isinstance(node, str) else (node.mark.id, [_shape(c) for c in node.children])


def test_scan_overview_lists_facts_that_differ_per_event_cluster(seed_paths) -> None:
    from dedupe.corpus.scan import scan
    from dedupe.ingest.read import load_articles
    from dedupe.report.html import render_scan_html

    articles = load_articles(sorted(seed_paths.values()))
    page = render_scan_html(scan(articles), articles={a.id: a for a in articles})
    assert "Facts that differ" in page
    assert "“Nanping”" in page and "“Beijing”" in page
