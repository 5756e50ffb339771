"""Tests for dedupe.report.quotes: the audit as a table, Markdown and JSON."""

from __future__ import annotations

import json

import pytest

from dedupe.models import Article
from dedupe.quotes.match import QuoteAudit, audit_quotes
from dedupe.report.quotes import WIDTH, render_quote_audit, summary


@pytest.fixture(scope="module")
def audit(seeds: dict[str, Article]) -> QuoteAudit:
    return audit_quotes(list(seeds.values()))


def test_table_fits_the_terminal_and_shows_every_group(audit: QuoteAudit) -> None:
    table = render_quote_audit(audit, "table")
    assert max(len(line) for line in table.splitlines()) <= WIDTH
    assert all(f"\n{g.id}  {g.speaker}  [{g.consistency}]" in table for g in audit.groups)
    assert "! in 004_6b7b728a0a1fe40e, substitution: “exchanges” → “sharing”" in table


def test_markdown_has_a_section_per_group_and_flags_the_differences(audit: QuoteAudit) -> None:
    markdown = render_quote_audit(audit, "md")
    assert markdown.startswith("# Quote audit\n")
    assert markdown.count("\n## q") == len(audit.groups)
    assert "- in 004_6b7b728a0a1fe40e, substitution: “unconditional” → “unreserved”" in markdown
    assert "strong support (unquoted)" in markdown


def test_json_is_the_serialised_audit(audit: QuoteAudit) -> None:
    document = json.loads(render_quote_audit(audit, "json"))
    assert (document["kind"], document["quote_count"], len(document["groups"])) == ("quote_audit", 34, 21)
    assert "schema_version" in document
    first = document["groups"][1]["renderings"][0]
    assert set(first["span"]) == {"start", "end"}


def test_summary_says_what_the_filters_kept(seeds: dict[str, Article]) -> None:
    filtered = audit_quotes(list(seeds.values()), speaker="Patrushev", only_differences=True)
    assert summary(filtered) == (
        "5 articles, 34 quotations in 21 groups. Shown (speaker “Patrushev”, only differences): "
        "2 groups, 2 rendered by more than one article, 2 differ."
    )


def test_empty_audit_says_so() -> None:
    empty = audit_quotes([Article(id="a", text="No quotations here.")])
    assert render_quote_audit(empty, "table").endswith("No quotation groups.")
    assert render_quote_audit(empty, "md").endswith("No quotation groups.")


def test_unknown_format_is_refused(audit: QuoteAudit) -> None:
    with pytest.raises(ValueError, match="html"):
        render_quote_audit(audit, "html")
