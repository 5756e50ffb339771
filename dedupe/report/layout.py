"""Lay out the scan and index reports: wrap to a width, shorten a line, Markdown cells and tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tabulate import tabulate

WIDTH = 80
"""Columns of a table report unless the caller gives a width."""


def md_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Return a GitHub Markdown table of ``rows`` under ``headers``, cells as given."""
    table: str = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    return table


def md_cell(text: str) -> str:
    """Return ``text`` on one line with its pipes escaped, fit for a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def shorten(text: str, limit: int = 70) -> str:
    """Return ``text`` on one line, cut at a word and ended with " …" when over ``limit``."""
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + " …"


def wrap(text: str, indent: str, width: int = WIDTH) -> str:
    """Wrap ``text`` (which may start with a bullet) to ``width``, continuing under ``indent``."""
    lead = text[: len(text) - len(text.lstrip())]
    return textwrap.fill(
        " ".join(text.split()), width, initial_indent=lead, subsequent_indent=indent + "  ",
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
