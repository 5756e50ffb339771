"""The fact-flag renderers: every flag with both values and both sentences, in a table or Markdown."""

from __future__ import annotations

from dataclasses import replace

from dedupe.evidence.fact_flags import PairFlags
from dedupe.evidence.facts import compare_facts
from dedupe.models import Article
from dedupe.report.facts import flags_markdown, flags_table


def _pairs(seeds: dict[str, Article]) -> list[PairFlags]:
    return [PairFlags(a, b, compare_facts(seeds[a], seeds[b])) for a, b in (("000", "004"), ("001", "004"))]


def test_table_lists_each_flag_with_its_sentences(seeds: dict[str, Article]) -> None:
    table = flags_table(_pairs(seeds))
    assert table.count("reports disagree") == 3  # 000–004 place and counterpart, 001–004 place
    assert "Nanping" in table and "Beijing" in table and "spelled differently" in table
    assert "[609:767] Patrushev, one of Russian" in table  # B's sentence with its offsets
    assert max(len(line) for line in table.splitlines()) < 200  # sentences wrap


def test_markdown_is_one_row_per_flag_with_full_sentences(seeds: dict[str, Article]) -> None:
    markdown = flags_markdown(_pairs(seeds))
    rows = [line for line in markdown.splitlines() if line.startswith("| 00")]
    assert len(rows) == 4
    assert "official Guo Shengkun in Beijing." in markdown


def test_pipes_in_sentences_are_escaped_in_markdown(seeds: dict[str, Article]) -> None:
    flag = replace(compare_facts(seeds["000"], seeds["004"])[0], a_sentence_text="x | y")
    assert "x \\| y" in flags_markdown([PairFlags("a", "b", (flag,))])


def test_no_flags_says_so() -> None:
    assert flags_table([PairFlags("a", "b", ())]) == "No facts differ."
    assert flags_markdown([]) == "No facts differ."
