"""Copy groups: a wire story carried by a hundred sites is one story, verified a hundred times, not 4,950.

Before candidate pairs are drawn, articles that are copies of one story — exact, edited,
cut short or wrapped in site furniture — are grouped (``copy_groups``) from their
sketches alone:

- *evidence* — the text channel's band keys (``channels.TEXT``): articles sharing a key
  are checked, each against the first article of the bucket and against its neighbour
  in it (so a bucket of any size costs two checks per article, and pairs already in one
  group are not checked again);
- *check* — ``is_copy``: the sampled shingle hashes of the shorter article
  (``channels.COPY_SAMPLE``, chosen by content, so a cut-short or wrapped copy keeps the
  sample of the text it shares) lie at least ``COPY_MIN_CONTAINMENT`` in the other's;
- *representative* — of each connected group, the article holding most of the hashes
  that half the group shares (the story's core), the shortest such (the least furniture),
  then the first; members that fail ``is_copy`` against it leave the group.

The scan then treats a group as its representative: only representatives (and articles
in no group) take part in candidate pairs; each member is compared once with its
representative (the expensive verdict: ``pipeline.compare_features``), and a member the
verdict confirms as a duplicate takes its representative's verdicts and clusters. Those
inferred pairs are not listed (``ScanReport.pairs`` holds the compared ones);
``copy_groups.expand_pairs`` writes them out, each marked ``inferred_from``, for ``--pairs all``;
``copy_groups.describe_groups`` says how each copy differs from its representative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dedupe.corpus.candidates import exact_copies
from dedupe.corpus.channels import TEXT, Sketch
from dedupe.corpus.linkage import Link
from dedupe.models import Article, Reason
from dedupe.pair.verdict import Relation
from dedupe.settings import Settings

if TYPE_CHECKING:
    from dedupe.pair.compare import ArticleFeatures

COPY_MIN_CONTAINMENT = 0.7
"""Least share of the shorter article's sampled shingles found in the other for the two to be
grouped as copies. Lightly edited copies (2-6% of words changed) keep 0.83-0.94 of their
3-word shingles, one with 10% changed about 0.73; reuse of 35-60% of a story's paragraphs
0.35-0.6."""
COPY_MIN_SAMPLES = 6
"""Least number of sampled shingles two copies share: about 50 words, the verdict's
``Settings.copy_min_words``; shorter articles are grouped only as exact copies."""


@dataclass(frozen=True, slots=True)
class CopyGroups:
    """Copy groups by row: each representative's members, and which of them have its very text."""

    members: dict[int, list[int]]  # representative row -> member rows, ascending; by representative
    same_text: frozenset[int]  # member rows whose content hash is their representative's
    exact_copies: int  # rows whose content an earlier row already had


def shared_samples(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> int:
    """Return how many sampled shingles two sorted sample sets share."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


def is_copy(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> bool:
    """Return whether two sorted sampled-shingle sets say one text is a copy of (part of) the other."""
    shared = shared_samples(a, b)
    return shared >= COPY_MIN_SAMPLES and shared >= COPY_MIN_CONTAINMENT * min(a.size, b.size)


def best_representative(samples: Sequence[npt.NDArray[np.uint32]]) -> int:
    """Return which of a group's sample sets stands for it: the one holding most of the hashes that
    more than half the group shares (the story's core), then the shortest (the least furniture),
    then the first.

    ``copy_groups`` applies it to a whole joined group; ``Index.add`` to a group's
    representative and a bounded panel of its longest recent members, so both pick the full,
    unwrapped copy of a story.
    """
    if len(samples) == 1:
        return 0
    values, counts = np.unique(np.concatenate(samples), return_counts=True)
    core = values[2 * counts > len(samples)]
    held = [int(np.isin(s, core, assume_unique=True).sum()) for s in samples]
    return min(range(len(samples)), key=lambda n: (-held[n], samples[n].size, n))


def copy_groups(sketches: Sequence[Sketch]) -> CopyGroups:
    """Group the rows of ``sketches`` into copies of one story (a pure function of the sketches)."""
    exact = exact_copies(sketches)
    copied = {row for rows in exact.values() for row in rows}
    originals = np.array([r for r in range(len(sketches)) if r not in copied], dtype=np.int64)
    parent = list(range(len(sketches)))

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    for first, second in _bucket_checks(sketches, originals):
        x, y = root(first), root(second)
        if x != y and is_copy(sketches[first].samples, sketches[second].samples):
            parent[max(x, y)] = min(x, y)
    joined: dict[int, list[int]] = {}
    for row in originals.tolist():
        joined.setdefault(root(row), []).append(row)
    picked = [pick_representative(rows, [sketches[r].samples for r in rows]) for rows in joined.values()]
    return assemble_groups(exact, picked)


def pick_representative(
    rows: list[int], samples: Sequence[npt.NDArray[np.uint32]]
) -> tuple[int, list[int], list[int]]:
    """Return a joined group's representative, the rows that pass ``is_copy`` against it, and ``rows``.

    ``rows`` ascend and ``samples`` are theirs: ``copy_groups`` and the Spark engine (which
    joins groups on its executors) pick alike.
    """
    if len(rows) == 1:
        return rows[0], [], rows
    best = best_representative(samples)
    kept = [r for n, r in enumerate(rows) if n != best and is_copy(samples[best], samples[n])]
    return rows[best], kept, rows


def assemble_groups(
    exact: dict[int, list[int]], picked: Iterable[tuple[int, list[int], list[int]]]
) -> CopyGroups:
    """Return the copy groups made of ``exact`` copies (original row -> its copies' rows) and of
    joined groups as ``pick_representative`` answers them (groups of one row may be left out).

    A representative's members are its exact copies, the rows kept with it and theirs; an
    original in no joined group (or dropped from one) leads its own exact copies.
    """
    members: dict[int, list[int]] = {}
    kept_rows: set[int] = set()
    for chosen, kept, _ in picked:
        if kept:
            members[chosen] = [
                *exact.get(chosen, ()),
                *(r for row in kept for r in (row, *exact.get(row, ()))),
            ]
            kept_rows.update(kept)
    for original, copies in exact.items():
        if original not in members and original not in kept_rows:
            members[original] = list(copies)
    ordered = {rep: sorted(members[rep]) for rep in sorted(members)}
    same = frozenset(m for rep in ordered for m in exact.get(rep, ()))  # originals differ in content
    return CopyGroups(ordered, same, sum(len(c) for c in exact.values()))


def _bucket_checks(sketches: Sequence[Sketch], originals: npt.NDArray[np.int64]) -> Iterable[tuple[int, int]]:
    """Yield row pairs to check: in each text-channel bucket, each row with the first and the previous."""
    if originals.size < 2:
        return
    keys = np.stack([sketches[r].keys[: TEXT.bands] for r in originals.tolist()])
    flat = keys.ravel()
    owners = np.repeat(originals, TEXT.bands)
    usable = flat >= 0
    flat, owners = flat[usable], owners[usable]
    order = np.lexsort((owners, flat))
    flat, owners = flat[order], owners[order]
    distinct = np.ones(flat.size, dtype=bool)
    distinct[1:] = (flat[1:] != flat[:-1]) | (owners[1:] != owners[:-1])
    flat, owners = flat[distinct], owners[distinct]
    edges = np.flatnonzero(np.diff(flat)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [flat.size]))
    for start, end in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(), strict=True):
        rows = owners[start:end].tolist()
        for n in range(1, len(rows)):
            yield rows[0], rows[n]
            if n > 1:
                yield rows[n - 1], rows[n]


def confirm_copy(
    representative: ArticleFeatures, copy: Article, settings: Settings, channels: tuple[str, ...]
) -> Link | None:
    """Return the duplicate link of a copy with its representative if their texts make one, else None.

    Only the text is compared (alignment, shingles, the cut-short or wrapped extent: what
    ``verdict.decide`` calls a duplicate on), so the copy is never analysed for quotations,
    entities or events: it reports its representative's event. None sends the pair to
    the full verdict.
    """
    from dedupe.pair.align import align
    from dedupe.pair.copy_extent import extent
    from dedupe.pair.similarity import similarity
    from dedupe.pair.verdict import copy_verdict
    from dedupe.text.fingerprint import shingle_hashes, signature
    from dedupe.text.tokens import tokenize

    first = representative.article
    tokens = tuple(
        token for region in dict.fromkeys(copy.body_spans) for token in tokenize(copy.text, [region])
    )
    shingles = shingle_hashes([t.text for t in tokens], settings.shingle_size)
    passages = align(first.text, representative.tokens, copy.text, tokens,
                     seed_ngram=settings.seed_ngram, min_words=settings.min_passage_words)  # fmt: skip
    figures = similarity(
        representative.shingles,
        shingles,
        representative.signature,
        signature(shingles, num_perm=settings.num_perm, seed=settings.seed),
        representative.tokens,
        tokens,
        passages,
        shingle_size=settings.shingle_size,
    )
    found = copy_verdict(
        figures, [p.similarity for p in passages], settings, extent(representative.tokens, tokens, passages)
    )
    if found is None:
        return None
    confidence, reasons = found
    note = Reason(
        "copy_checked",
        "a copy of its group's representative: text compared, its event is the representative's",
    )
    return Link(
        first.id, copy.id, Relation.DUPLICATE, confidence, 1.0, figures, (*reasons, note), channels=channels
    )


def joins_group(
    representative: ArticleFeatures,
    representative_samples: npt.NDArray[np.uint32],
    copy: Article,
    copy_samples: npt.NDArray[np.uint32],
    settings: Settings,
) -> Link | None:
    """Return the duplicate link of a copy with a stored representative if it joins its group, else None.

    The checks of ``copy_groups`` and the scan, in one: ``is_copy`` on the sampled shingles,
    then ``confirm_copy``'s text-only verdict (so at most one verdict). The index
    (``Index.add``) uses it for a new article against a stored representative.
    """
    if not is_copy(representative_samples, copy_samples):
        return None
    return confirm_copy(representative, copy, settings, (TEXT.name,))
