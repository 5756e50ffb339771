"""Write a scan's HTML overview with a side-by-side page for each listed pair beside it.

The overview links every pair it lists to ``<report>.pairs/<a>--<b>-<hash>.html``, so an
editor goes from the cluster to the two texts in one click; all files stay offline. Page
names keep a readable part of each id and a hash of both, so ids that read alike ("a b",
"a_b") or run long never share a page. The pages are written to a temporary folder that
replaces the old one whole, then the overview: an interrupted or failed run leaves the
previous site (or nothing), never half of one.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dedupe.corpus.dossier import Dossier
from dedupe.corpus.scan import ScanReport
from dedupe.errors import OutputError
from dedupe.models import Article
from dedupe.pair.compare import analyze, compare_features
from dedupe.report.html import render_dossier_html, render_pair_html, render_scan_html
from dedupe.report.serialize import write_atomic
from dedupe.settings import DEFAULT_SETTINGS, Settings

# Side-by-side pages written per overview; the overview lists the rest without a link.
MAX_PAIR_PAGES = 200
# Characters of each id kept readable in a page name; the hash tells the rest apart.
PAGE_ID_CHARS = 40
_UNSAFE = re.compile(r"[^\w.-]+")


def page_name(a: str, b: str) -> str:
    """Return the file name of the page of pair ``(a, b)``: distinct for distinct pairs."""
    digest = hashlib.sha256(f"{a}\0{b}".encode()).hexdigest()[:12]
    return f"{_UNSAFE.sub('_', a)[:PAGE_ID_CHARS]}--{_UNSAFE.sub('_', b)[:PAGE_ID_CHARS]}-{digest}.html"


def write_scan_site(
    report: ScanReport,
    articles: Mapping[str, Article],
    out: Path,
    *,
    max_pair_pages: int = MAX_PAIR_PAGES,
    settings: Settings = DEFAULT_SETTINGS,
    dossiers: Sequence[Dossier] = (),
) -> dict[tuple[str, str], str]:
    """Write the overview to ``out`` and pair pages beside it; return each pair's relative address.

    Each of ``dossiers`` (one per event cluster) becomes ``<report>.dossiers/<cluster>.html``,
    linked from its cluster on the overview and back. Both folders are written whole to a
    temporary folder first, then put in place, then the overview.

    Raises:
        OutputError: ``out``'s folder does not exist or cannot be written.
    """
    if not out.parent.is_dir():
        raise OutputError(f"{out}: no such directory: {out.parent}")
    folders = {"pairs": out.parent / f"{out.stem}.pairs", "dossiers": out.parent / f"{out.stem}.dossiers"}
    staged: dict[str, Path] = {}
    try:
        for kind, folder in folders.items():
            staged[kind] = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=out.parent))
        pages = _write_pages(
            report, articles, staged["pairs"], folders["pairs"].name, max_pair_pages, settings
        )
        dossier_pages = _write_dossiers(dossiers, staged["dossiers"], folders["dossiers"].name, out.name)
        for kind, folder in folders.items():
            _replace_folder(staged[kind], folder)
        page = render_scan_html(
            report,
            articles=articles,
            pair_pages=pages,
            pair_pages_limit=max_pair_pages,
            dossier_pages=dossier_pages,
        )
        write_atomic(out, page)
    except OSError as error:
        raise OutputError(f"{out}: cannot write ({error.strerror})") from error
    finally:
        for path in staged.values():
            shutil.rmtree(path, ignore_errors=True)
    return pages


def _write_dossiers(
    dossiers: Sequence[Dossier], staging: Path, folder_name: str, overview: str
) -> dict[str, str]:
    """Write each event's dossier page to ``staging``; return each page's address by event."""
    found: dict[str, str] = {}
    for dossier in dossiers:
        name = f"{_UNSAFE.sub('_', dossier.event)}.html"
        (staging / name).write_text(
            render_dossier_html(dossier, scan_page=f"../{overview}"), encoding="utf-8"
        )
        found[dossier.event] = f"{folder_name}/{name}"
    return found


def _write_pages(
    report: ScanReport,
    articles: Mapping[str, Article],
    staging: Path,
    folder_name: str,
    max_pair_pages: int,
    settings: Settings,
) -> dict[tuple[str, str], str]:
    pages: dict[tuple[str, str], str] = {}
    analysed = {}
    for link in report.pairs[:max_pair_pages]:
        for side in (link.a, link.b):
            if side not in analysed:
                analysed[side] = analyze(articles[side], settings)
        pair = compare_features(analysed[link.a], analysed[link.b], settings)
        name = page_name(link.a, link.b)
        (staging / name).write_text(
            render_pair_html(pair, articles[link.a], articles[link.b]), encoding="utf-8"
        )
        pages[(link.a, link.b)] = f"{folder_name}/{name}"
    return pages


def _replace_folder(staging: Path, folder: Path) -> None:
    """Put ``staging`` in ``folder``'s place, the old folder removed only once the new one is in."""
    old = None
    if folder.exists():
        old = folder.with_name(f".{folder.name}.old-{staging.name}")
        folder.rename(old)
    staging.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
