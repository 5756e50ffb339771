"""Facts that disagree across a set of articles: every same-event pair's fact flags.

Pairs come from ``scan`` (LSH candidates, the ``compare`` verdict, then event clusters),
so only reports of one event cluster are compared slot by slot: reports of different
events are never held to each other's facts.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from dedupe.evidence.fact_flags import PairFlags
from dedupe.evidence.facts import compare_facts
from dedupe.models import Article, Progress
from dedupe.pair.compare import ArticleFeatures, analyze
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS, Settings

# Flags that say the reports cannot both be right (a missing detail or a spelling is not that).
CONFLICT_KINDS = frozenset({"conflict", "number_mismatch", "date_mismatch"})
# Article analyses kept at once, most recently used: a corpus's analyses would otherwise
# all stay in memory (a same-event pair's two sides are analysed when its turn comes, and
# an article analysed again costs what it cost the first time).
ANALYSES_KEPT = 512


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


def audit_facts(
    articles: Iterable[Article], *, settings: Settings = DEFAULT_SETTINGS, progress: Progress | None = None
) -> FactAudit:
    """Return the facts that differ between every pair of ``articles`` reporting one event.

    ``progress`` is told the scan's stages (``read``, ``compare``, ``cluster``), then
    ``facts``: the same-event pairs whose facts have been compared.
    """
    from dedupe.corpus.scan import scan

    loaded = {article.id: article for article in articles}
    report = scan(loaded.values(), min_relation=Relation.SAME_EVENT, settings=settings, progress=progress)
    features: OrderedDict[str, ArticleFeatures] = OrderedDict()

    def analysis(side: str) -> ArticleFeatures:
        if side in features:
            features.move_to_end(side)
        else:
            features[side] = analyze(loaded[side], settings)
            if len(features) > ANALYSES_KEPT:
                features.popitem(last=False)
        return features[side]

    pairs = []
    same = [link for link in report.pairs if link.relation.strength >= Relation.SAME_EVENT.strength]
    for done, link in enumerate(same):
        if progress is not None:
            progress("facts", done, len(same))
        fa, fb = analysis(link.a), analysis(link.b)
        flags = compare_facts(fa.article, fb.article, views=(fa.facts(), fb.facts()))
        if flags:
            pairs.append(PairFlags(link.a, link.b, flags))
    if progress is not None:
        progress("facts", len(same), len(same))
    return FactAudit(articles=len(loaded), pairs_compared=len(same), pairs=tuple(pairs))
