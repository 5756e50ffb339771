"""The HTML reports in a real headless Chromium (Debian's package, driven by Playwright).

No browser is ever downloaded: the tests use /usr/bin/chromium, which `.ci/system-deps`
installs. Without it (or without Playwright) they skip with the reason, unless
DEDUPE_REQUIRE_OPTIONAL=1 (as in CI), where a skip would hide a broken page: they fail.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dedupe.corpus.scan import scan
from dedupe.ingest.build import article_from_text
from dedupe.models import Article
from dedupe.pair.compare import compare
from dedupe.report.html import render_pair_html, render_scan_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page, ViewportSize

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP: ViewportSize = {"width": 1366, "height": 768}
SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'

# Where an element's box sits against a scroll container's visible box, in one round trip.
_VISIBLE_JS = """([selector, column]) => {
    const box = document.querySelector(column).getBoundingClientRect();
    return [...document.querySelectorAll(selector)].every((piece) => {
        const r = piece.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom && r.bottom <= window.innerHeight;
    });
}"""


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install 'playwright>=1.45'; never `playwright install`)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium, or run .ci/system-deps)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium once for the module, or skip (fail under DEDUPE_REQUIRE_OPTIONAL=1)."""
    missing = _missing()
    if missing is not None:
        if os.environ.get("DEDUPE_REQUIRE_OPTIONAL") == "1":
            pytest.fail(f"{missing}; DEDUPE_REQUIRE_OPTIONAL=1 forbids skipping the browser tests")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class Opened:
    """A page loaded from a file, with every request it made and every dialog it tried to open."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def dismiss(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_offline(self) -> None:
        strays = [u for u in self.requests if u != self.url and not u.startswith("data:")]
        assert strays == [], f"the page fetched {strays}"


Opener = Callable[[str, str], Opened]


@pytest.fixture
def open_html(browser: Browser, tmp_path: Path) -> Iterator[Opener]:
    """Return a function that writes HTML under tmp_path and opens it from its file:// URL."""
    contexts: list[BrowserContext] = []

    def opener(html: str, name: str) -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport=LAPTOP)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("dialog", opened.dismiss)
        page.goto(opened.url, wait_until="load")
        return opened

    yield opener
    for context in contexts:
        context.close()


def test_clicking_a_shared_passage_scrolls_the_other_column_to_it(
    open_html: Opener, seeds: dict[str, Article], tmp_path: Path
) -> None:
    a, b = seeds["001"], seeds["004"]
    opened = open_html(render_pair_html(compare(a, b), a, b), "001-vs-004.html")
    page = opened.page
    piece = page.locator("#col-a .passage", has_text="expand information").first
    key = piece.get_attribute("data-link")
    in_a, in_b = f'#col-a [data-link="{key}"]', f'#col-b [data-link="{key}"]'
    for pieces in (in_a, in_b):
        text = "".join(page.locator(pieces).all_text_contents())
        assert "expand information" in text and "both countries" in text
        colour = page.locator(pieces).first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(f"{in_a} del").all_text_contents() == ["exchanges"]
    assert page.locator(f"{in_b} ins").all_text_contents() == ["sharing"]
    assert page.locator(in_a).first.evaluate("e => getComputedStyle(e).backgroundColor") == page.locator(
        in_b
    ).first.evaluate("e => getComputedStyle(e).backgroundColor")

    page.locator("#col-b").evaluate("column => { column.scrollTop = column.scrollHeight; }")
    assert not page.evaluate(_VISIBLE_JS, [in_b, "#col-b"])
    piece.click()
    assert page.evaluate(_VISIBLE_JS, [in_b, "#col-b"])

    shot = tmp_path / "001-vs-004.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert opened.dialogs == []
    opened.assert_offline()


def test_fact_links_bring_both_sentences_into_view(open_html: Opener, seeds: dict[str, Article]) -> None:
    a, b = seeds["001"], seeds["004"]
    page = open_html(render_pair_html(compare(a, b), a, b), "facts.html").page
    for column in ("#col-a", "#col-b"):
        page.locator(column).evaluate("column => { column.scrollTop = column.scrollHeight; }")
    page.get_by_role("button", name="show both").first.click()
    assert page.evaluate(_VISIBLE_JS, ["#a-fact1 .fact-value", "#col-a"])
    assert page.evaluate(_VISIBLE_JS, ["#b-fact1 .fact-value", "#col-b"])


def test_print_layout_shows_every_line(open_html: Opener, seeds: dict[str, Article], tmp_path: Path) -> None:
    a, b = seeds["001"], seeds["004"]
    page = open_html(render_pair_html(compare(a, b), a, b), "print.html").page
    page.emulate_media(media="print")
    for column in ("#col-a", "#col-b"):
        assert page.locator(column).evaluate("c => c.scrollHeight <= c.clientHeight + 1")
    pdf = tmp_path / "001-vs-004.pdf"
    page.pdf(path=str(pdf), format="A4", landscape=True, print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_article_markup_stays_inert_visible_text(open_html: Opener, seeds: dict[str, Article]) -> None:
    hostile = article_from_text(
        f"Talks {SCRIPT} ended\n\nAn aide wrote {ATTRIBUTE} in a note.\n\n{seeds['001'].text}", id="hostile"
    )
    opened = open_html(render_pair_html(compare(hostile, seeds["004"]), hostile, seeds["004"]), "xss.html")
    page = opened.page
    page.wait_for_timeout(300)  # an image error handler would fire asynchronously
    for payload in (SCRIPT, ATTRIBUTE):
        assert page.locator("#col-a").get_by_text(payload, exact=False).first.is_visible()
    assert page.locator("#col-a img, #col-a script").count() == 0
    assert opened.dialogs == []
    opened.assert_offline()


def test_scan_overview_of_the_seeds_shows_three_event_clusters(
    open_html: Opener, seeds: dict[str, Article], tmp_path: Path
) -> None:
    report = scan(list(seeds.values()))
    opened = open_html(render_scan_html(report, articles={a.id: a for a in seeds.values()}), "scan.html")
    clusters = opened.page.locator('[data-level="event"]')
    assert clusters.count() == 3
    texts = clusters.all_text_contents()
    members = sorted(sorted(key for key, article in seeds.items() if article.id in text) for text in texts)
    assert members == [["000", "001", "004"], ["002"], ["003"]]
    assert all(clusters.nth(k).is_visible() for k in range(3))
    opened.page.screenshot(path=str(tmp_path / "scan.png"), full_page=True)
    opened.assert_offline()


def test_dossier_page_shows_the_disagreements_first_offline_and_inert(
    open_html: Opener, seeds: dict[str, Article], tmp_path: Path
) -> None:
    from dedupe.corpus.dossier import dossier
    from dedupe.report.html import render_dossier_html

    hostile = article_from_text(seeds["001"].text, id="hostile", outlet=f"Daily {SCRIPT}", title=ATTRIBUTE)
    opened = open_html(render_dossier_html(dossier([seeds["000"], hostile, seeds["004"]])), "dossier.html")
    page = opened.page
    page.wait_for_timeout(300)  # an image error handler would fire asynchronously
    rows = page.locator(".facts-by-source tbody tr")
    assert [rows.nth(k).get_attribute("data-status") for k in range(2)] == ["conflict", "conflict"]
    assert sorted(rows.nth(k).get_attribute("data-slot") or "" for k in range(2)) == ["counterpart", "where"]
    first = rows.first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= LAPTOP["height"]  # seen without scrolling
    where = page.locator('.fact-row[data-slot="where"] .cell')
    colours = [where.nth(k).evaluate("e => getComputedStyle(e).backgroundColor") for k in range(3)]
    assert colours[0] == colours[2] != colours[1]  # columns 000, 004, hostile: Nanping twice, Beijing once
    assert page.locator(".source", has_text=SCRIPT).first.is_visible()
    assert page.locator("body script, body img").count() == 0
    statement = page.locator(".statement", has_text="unconditional priority")
    assert statement.locator("ins.qd", has_text="unreserved").count() == 1
    page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)
    assert opened.dialogs == []
    opened.assert_offline()
