"""Write a scan's HTML overview with a side-by-side page for each listed pair beside it.

The overview links every pair it lists to ``<report>.pairs/<a>--<b>.html``, so an
editor goes from the cluster to the two texts in one click; all files stay offline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from dedupe.corpus.scan import ScanReport
from dedupe.models import Article
from dedupe.pair.compare import analyze, compare_features
from dedupe.report.html import render_pair_html, render_scan_html
from dedupe.report.serialize import write_atomic
from dedupe.settings import DEFAULT_SETTINGS, Settings

# Side-by-side pages written per overview; the overview lists the rest without a link.
MAX_PAIR_PAGES = 200
_UNSAFE = re.compile(r"[^\w.-]+")


def write_scan_site(
    report: ScanReport,
    articles: Mapping[str, Article],
    out: Path,
    *,
    max_pair_pages: int = MAX_PAIR_PAGES,
    settings: Settings = DEFAULT_SETTINGS,
) -> dict[tuple[str, str], str]:
    """Write the overview to ``out`` and pair pages beside it; return each pair's relative address."""
    folder = out.parent / f"{out.stem}.pairs"
    if not out.parent.is_dir():
        raise FileNotFoundError(2, "no such directory", str(out.parent))
    folder.mkdir(exist_ok=True)
    pages: dict[tuple[str, str], str] = {}
    analysed = {}
    for link in report.pairs[:max_pair_pages]:
        for side in (link.a, link.b):
            if side not in analysed:
                analysed[side] = analyze(articles[side], settings)
        pair = compare_features(analysed[link.a], analysed[link.b], settings)
        name = f"{_UNSAFE.sub('_', link.a)}--{_UNSAFE.sub('_', link.b)}.html"
        write_atomic(folder / name, render_pair_html(pair, articles[link.a], articles[link.b]))
        pages[(link.a, link.b)] = f"{folder.name}/{name}"
    page = render_scan_html(report, articles=articles, pair_pages=pages, pair_pages_limit=max_pair_pages)
    write_atomic(out, page)
    return pages
