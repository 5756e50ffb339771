"""`compare`: TRUTH.md's verdicts on the ten seed pairs, edited copies, offsets in the JSON."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from dedupe.corpus.linkage import Link
from dedupe.corpus.scan import scan
from dedupe.evidence.mentions import content_regions
from dedupe.evidence.overlap import event_profile, extract_entities
from dedupe.ingest.build import article_from_text
from dedupe.models import Article, Boilerplate
from dedupe.pair.compare import PairReport, analyze, compare, compare_features
from dedupe.pair.verdict import Relation
from dedupe.quotes.extract import extract_quotes
from dedupe.report.serialize import to_json
from dedupe.text.segment import article_sentences
from dedupe.text.tokens import tokenize

from fixture_paths import FIXTURES

CASES = list(csv.DictReader((FIXTURES / "cases" / "seed_pairs.csv").read_text(encoding="utf-8").splitlines()))


@pytest.fixture(scope="module")
def seed_reports(seeds: dict[str, Article]) -> dict[tuple[str, str], PairReport]:
    features = {key: analyze(article) for key, article in seeds.items()}
    return {(x, y): compare_features(features[x], features[y]) for x, y in combinations(sorted(seeds), 2)}


@pytest.fixture(scope="module")
def seed_scan_links(seeds: dict[str, Article]) -> dict[tuple[str, str], Link]:
    report = scan(seeds.values(), min_relation=Relation.UNRELATED)
    return {(link.a[:3], link.b[:3]): link for link in report.pairs}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['a']}-{c['b']}")
def test_seed_pair_relation_matches_truth(case: dict[str, str], seed_scan_links: dict[Any, Link]) -> None:
    # Why each pair is what it is: fixtures/cases/seed_pairs.csv, column "why". The scan of the
    # five judges every pair with the event clusters in view, as an editor reading all five does.
    link = seed_scan_links[(case["a"], case["b"])]
    assert link.relation == Relation(case["relation"]), [r.text for r in link.reasons]
    assert link.reasons, "a verdict always comes with reasons"


# Four pairs that TRUTH.md calls related read as one event to the fitted model when it sees only
# the two (probabilities 0.47-0.60 against 0.36): 000 and 004 state no date, so nothing but the
# place tells the 2022 talks from the 2014 and 2019 rounds. Column "compare_alone" marks them; the
# model is not bent to the seeds (it is fitted on real news only). Strict: a model that gets them
# right makes these fail, so the mark cannot outlive the disagreement.
ALONE = [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=f"compare alone: {c['compare_alone']}"))
    if c["compare_alone"]
    else c
    for c in CASES
]


@pytest.mark.parametrize("case", ALONE, ids=lambda c: f"{c['a']}-{c['b']}")
def test_seed_pair_relation_of_compare_alone(
    case: dict[str, str], seed_reports: dict[Any, PairReport]
) -> None:
    report = seed_reports[(case["a"], case["b"])]
    assert report.relation == Relation(case["relation"]), [r.text for r in report.reasons]


def test_all_ten_pairs_are_covered_and_none_is_duplicate(seed_reports: dict[Any, PairReport]) -> None:
    assert {(c["a"], c["b"]) for c in CASES} == set(seed_reports)
    assert all(r.relation != Relation.DUPLICATE for r in seed_reports.values())


def test_same_event_reasons_name_the_shared_quotation(seed_reports: dict[Any, PairReport]) -> None:
    report = seed_reports[("000", "004")]
    texts = " ".join(r.text for r in report.reasons)
    assert "1 quotation(s) rendered by both: “The policy of developing a strategic" in texts
    assert any("absolute priority" in r.text for g in report.quote_groups for r in g.renderings)
    assert "Nanping" in texts and "Beijing" in texts  # the place check is part of the reasons


def test_expand_information_passage_has_its_substitution(seed_reports: dict[Any, PairReport]) -> None:
    report = seed_reports[("001", "004")]
    (passage,) = [p for p in report.passages if "expand information" in p.a_text]
    assert passage.a_text.endswith("constitutional order of both countries")
    assert [(e.kind, e.a_text, e.b_text) for e in passage.edits] == [("substitution", "exchanges", "sharing")]


def _replace_words(article: Article, share: float, seed: int) -> Article:
    rng = random.Random(seed)
    tokens = tokenize(article.text, article.body_spans)
    text = article.text
    for index in sorted(rng.sample(range(len(tokens)), int(share * len(tokens))), reverse=True):
        token = tokens[index]
        text = text[: token.start] + rng.choice(["lorem", "ipsum", "dolor", "amet"]) + text[token.end :]
    return article_from_text(text, id=f"{article.id}-edited")


def test_article_with_itself_is_duplicate_with_jaccard_one(seeds: dict[str, Article]) -> None:
    report = compare(seeds["002"], seeds["002"])
    assert report.relation == Relation.DUPLICATE
    assert report.similarity.jaccard == 1.0
    assert report.similarity.jaccard_estimate == 1.0


def test_copy_with_ten_percent_of_words_changed_is_duplicate(seeds: dict[str, Article]) -> None:
    for key in ("000", "002", "004"):
        report = compare(seeds[key], _replace_words(seeds[key], 0.10, seed=int(key) + 1))
        assert report.relation == Relation.DUPLICATE, (key, [r.text for r in report.reasons])
        assert report.similarity.jaccard < 0.8  # the alignment, not raw Jaccard, makes the call


def test_copy_with_middle_half_replaced_is_reuse(seeds: dict[str, Article]) -> None:
    original = seeds["002"]
    body = original.body
    quarter = len(body) // 4
    filler = (FIXTURES / "synthetic" / "harbour_budget.txt").read_text(encoding="utf-8")
    mixed = body[:quarter] + "\n\n" + filler[: 2 * quarter] + "\n\n" + body[3 * quarter :]
    report = compare(original, article_from_text(mixed, id="mixed"))
    assert report.relation == Relation.REUSE, [r.text for r in report.reasons]


def test_two_unrelated_generated_articles_are_unrelated() -> None:
    texts = [
        (FIXTURES / "synthetic" / name).read_text(encoding="utf-8")
        for name in ("harbour_budget.txt", "chess_final.txt")
    ]
    a, b = (article_from_text(t, id=f"s{i}") for i, t in enumerate(texts))
    report = compare(a, b)
    assert report.relation == Relation.UNRELATED, [r.text for r in report.reasons]
    assert report.passages == ()


def test_compare_is_symmetric(seeds: dict[str, Article]) -> None:
    for x, y in (("000", "004"), ("001", "004"), ("002", "003")):
        forward, backward = compare(seeds[x], seeds[y]), compare(seeds[y], seeds[x])
        assert forward.relation == backward.relation
        assert forward.similarity.jaccard == backward.similarity.jaccard
        assert forward.similarity.coverage_a == backward.similarity.coverage_b
        assert len(forward.passages) == len(backward.passages)


def _spans(
    node: Any, texts: dict[str, str], side: str | None = None
) -> list[tuple[str, dict[str, int], str | None]]:
    """Collect every {start, end} in a JSON report with the side it belongs to and the text it claims."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            owner = side
            if key in ("a", "a_span", "a_sentence", "own_a"):
                owner = "a"
            elif key in ("b", "b_span", "b_sentence", "own_b"):
                owner = "b"
            if isinstance(value, dict) and set(value) == {"start", "end"}:
                claim_key = {"a": "a_text", "b": "b_text", "span": "text"}.get(key)
                found.append((owner or "?", value, node.get(claim_key) if claim_key else None))
            else:
                found.extend(_spans(value, texts, owner))
    elif isinstance(node, list):
        for item in node:
            found.extend(_spans(item, texts, side))
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['a']}-{c['b']}")
def test_every_passage_and_own_sentence_span_slices_its_original(
    case: dict[str, str], seed_reports: dict[Any, PairReport], seed_paths: dict[str, Path]
) -> None:
    report = seed_reports[(case["a"], case["b"])]
    original = {
        "a": seed_paths[case["a"]].read_bytes().decode("utf-8"),
        "b": seed_paths[case["b"]].read_bytes().decode("utf-8"),
    }
    document = json.loads(to_json(report, kind="pair_report"))
    assert document["schema_version"] >= 1
    for passage in document["passages"]:
        assert original["a"][passage["a"]["start"] : passage["a"]["end"]] == passage["a_text"]
        assert original["b"][passage["b"]["start"] : passage["b"]["end"]] == passage["b_text"]
        for edit in passage["edits"]:
            if edit["a"]:
                assert original["a"][edit["a"]["start"] : edit["a"]["end"]] == edit["a_text"]
            if edit["b"]:
                assert original["b"][edit["b"]["start"] : edit["b"]["end"]] == edit["b_text"]
    for side in ("a", "b"):
        for sentence in document[f"own_{side}"]:
            assert original[side][sentence["span"]["start"] : sentence["span"]["end"]] == sentence["text"]
    by_id = {report.a.id: original["a"], report.b.id: original["b"]}
    for group in document["quote_groups"]:
        for rendering in group["renderings"]:
            text = by_id[rendering["article_id"]]
            assert rendering["text"] in text[rendering["span"]["start"] : rendering["span"]["end"]]
    for flag in document["facts"]:
        for side in ("a", "b"):
            sentence = original[side][flag[f"{side}_sentence"]["start"] : flag[f"{side}_sentence"]["end"]]
            value_span = original[side][flag[f"{side}_span"]["start"] : flag[f"{side}_span"]["end"]]
            assert value_span in sentence
            # only a missing detail has an empty value (FactFlag's docstring)
            assert value_span or (flag["kind"] == "different_detail" and not flag[f"{side}_value"])


def test_analyze_assembles_exactly_the_tokens_tokenizing_anew_gives(seeds: dict[str, Article]) -> None:
    # analyze tokenizes each region once and reuses the tokens for sentences, entities and
    # profile; each piece must be what tokenizing it on its own gives.
    body = article_from_text("Crews went back to work on Monday, the union said.", id="t")
    title = "Ferry strike ends"
    # The title line is furniture, outside the body: entities then read one more region.
    titled = replace(body, text=f"{title}\n\n{body.text}", title=title,
                     boilerplate=(Boilerplate(0, len(title), "site furniture"),))  # fmt: skip
    assert content_regions(titled) != titled.body_spans
    for article in [*seeds.values(), titled, *(article_from_text(t, id="x") for t in ODD_TEXTS)]:
        features = analyze(article)
        assert features.tokens == tokenize(article.text, article.body_spans)
        assert features.sentences == tuple(
            (s, tokenize(article.text, [s])) for s in article_sentences(article)
        )
        assert features.entities == extract_entities(article)
        assert features.profile == event_profile(article)
        assert features.quotes == extract_quotes(article)


# Text where a region is not folded character for character, or a sentence edge cuts a token.
ODD_TEXTS = [
    "Сhina’s envoy said 3.5 percent. Talks end.\n\nThe ﬁnal ½ day: “no-limits” ties, q\u0301uick.",
    "Prices rose 1,200.50 dollars.The next day U.S. officials met.\n\nIt's 2 p.m. Mr. Smith left.",
]
