"""The fact audit keeps a bounded number of article analyses and reports the same either way."""

from __future__ import annotations

import pytest

import dedupe.corpus.fact_audit
from dedupe.corpus.fact_audit import audit_facts
from dedupe.models import Article


def test_the_audit_is_the_same_when_analyses_are_forgotten_and_remade(
    seeds: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = audit_facts(seeds.values())
    monkeypatch.setattr(dedupe.corpus.fact_audit, "ANALYSES_KEPT", 1)
    calls: list[str] = []
    analyze = dedupe.corpus.fact_audit.analyze
    monkeypatch.setattr(dedupe.corpus.fact_audit, "analyze", lambda a, s: calls.append(a.id) or analyze(a, s))
    remade = audit_facts(seeds.values())
    assert remade == kept
    assert kept.pairs  # the seeds have flagged pairs, so the analyses were used
    assert len(calls) > len(set(calls))  # an analysis was forgotten and made again
