"""Facts that disagree across a set of articles: every same-event pair's fact flags.

Pairs come from ``scan`` (LSH candidates, the ``compare`` verdict, then event clusters),
so only reports of one event cluster are compared slot by slot: reports of different
events are never held to each other's facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dedupe.evidence.fact_flags import PairFlags
from dedupe.evidence.facts import compare_facts
from dedupe.models import Article
from dedupe.pair.compare import analyze
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS, Settings

# Flags that say the reports cannot both be right (a missing detail or a spelling is not that).
CONFLICT_KINDS = frozenset({"conflict", "number_mismatch", "date_mismatch"})


@dataclass(frozen=True, slots=True)
class FactAudit:
    """The fact flags of every pair of articles reporting the same event."""

    articles: int
    pairs_compared: int
    pairs: tuple[PairFlags, ...]

    @property
    def conflicts(self) -> int:
        """Return how many flags say the reports cannot both be right."""
        return sum(1 for p in self.pairs for f in p.flags if f.kind in CONFLICT_KINDS)


def audit_facts(articles: Iterable[Article], *, settings: Settings = DEFAULT_SETTINGS) -> FactAudit:
    """Return the facts that differ between every pair of ``articles`` reporting one event."""
    from dedupe.corpus.scan import scan

    loaded = {article.id: article for article in articles}
    report = scan(loaded.values(), min_relation=Relation.SAME_EVENT, settings=settings)
    features = {}
    pairs = []
    for link in report.pairs:
        if link.relation.strength < Relation.SAME_EVENT.strength:
            continue
        for side in (link.a, link.b):
            if side not in features:
                features[side] = analyze(loaded[side], settings)
        fa, fb = features[link.a], features[link.b]
        flags = compare_facts(fa.article, fb.article, profiles=(fa.profile, fb.profile))
        if flags:
            pairs.append(PairFlags(link.a, link.b, flags))
    same_event = sum(1 for link in report.pairs if link.relation.strength >= Relation.SAME_EVENT.strength)
    return FactAudit(articles=len(loaded), pairs_compared=same_event, pairs=tuple(pairs))
