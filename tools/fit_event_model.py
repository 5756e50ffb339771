"""Fit the event model on the development corpus (fit and/or val slices); write dedupe/data/event_model.json.

Every pair of reports within one slice gives one row of features (``dedupe.event_features``),
once as text alone and once with title, outlet and publication date, so the model
serves both kinds of input. Two L2-regularised logistic regressions are fitted by
Newton's method: one event or not, and related (same topic family) or not. Each
threshold is the one that maximises pairwise F1 on the slices fitted. ``--half val`` with
``--out`` fits a scratch model on the validation slice, so a change can be judged both ways
(fit on one slice, score on the other). The test half is never read here.

    python tools/fit_event_model.py                  # fit on fit+val and write the shipped model
    python tools/fit_event_model.py --dry-run        # print the fit only
    python tools/fit_event_model.py --half val --out /tmp/m.json  # fit one slice, for cross-slice checks
    python tools/fit_event_model.py --half fit --out /tmp/m.json  # the fitting slice alone
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devcorpus import CORPUS, Doc, load

from dedupe.ingest.build import article_from_text
from dedupe.pair.compare import analyze, compare_features
from dedupe.pair.event_features import cheap_features, dates_far_apart
from dedupe.pair.event_model import FEATURES, EventModel

MODEL = Path(__file__).resolve().parents[1] / "dedupe" / "pair" / "data" / "event_model.json"
L2 = 1.0
"""Ridge penalty on the weights (not the intercept), in units of the log-likelihood."""
UNFITTED = EventModel((0.0,) * len(FEATURES), 0.0, 0.5, 0.5, (0.0,) * len(FEATURES), 0.0, 0.5, {})
"""A model of no opinion, to gather features before any fit (the shipped one may not match them)."""


def article(doc: Doc, with_meta: bool):  # type: ignore[no-untyped-def]
    """Build the article as a user would give it: text alone, or with its metadata."""
    assert doc.text is not None
    if not with_meta:
        return article_from_text(doc.text, id=doc.id)
    meta = doc.meta
    published = datetime.date.fromisoformat(meta["published"]) if meta.get("published") else None
    return article_from_text(doc.text, id=doc.id, title=meta.get("title"), outlet=meta.get("outlet"),
                             published=published)  # fmt: skip


def rows(
    docs: list[Doc], with_meta: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return features, same-event labels, related labels, whether the model learns from it and
    whether its event dates are too far apart for one occasion, for every pair of ``docs`` in
    ``itertools.combinations`` order.

    Pairs the model learns from get the full comparison's features; the others (two topic
    families) only those of the articles alone, as a scan scores pairs it never compares:
    the full comparison of every pair of two slices would take hours."""
    features = [analyze(article(d, with_meta)) for d in docs]
    x, event, related, learn, apart = [], [], [], [], []
    for i, j in itertools.combinations(range(len(docs)), 2):
        if comparable(docs[i], docs[j]):
            found = compare_features(features[i], features[j], model=UNFITTED).event_features
        else:
            found = cheap_features(features[i], features[j])
        x.append([found.get(name, 0.0) for name in FEATURES])
        same = docs[i].event == docs[j].event
        event.append(1.0 if same else 0.0)
        related.append(1.0 if same or docs[i].meta["family"] == docs[j].meta["family"] else 0.0)
        learn.append(comparable(docs[i], docs[j]))
        apart.append(dates_far_apart(features[i], features[j]))
    return np.array(x), np.array(event), np.array(related), np.array(learn), np.array(apart)


def _rows(job: tuple[list[Doc], bool]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``rows`` of one slice in one form, for a worker process."""
    return rows(*job)


def comparable(a: Doc, b: Doc) -> bool:
    """Pairs the model learns from: one topic family (pairs across families are easy negatives
    that would drown the look-alikes)."""
    return a.meta["family"] == b.meta["family"]


SIGNS = dict.fromkeys(
    ("dates_conflict", "date_gap", "places_conflict", "published_apart", "years_differ", "days_disjoint"), -1
)
"""Features whose weight must not be positive; ``languages_differ`` may go either way; the rest
are evidence for one event and must not weigh against it."""
FREE = frozenset({"languages_differ"})


def fit_signed(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Fit with every weight on the side its feature's meaning gives: a feature the data wants
    the other way (collinear with another) is left out and the rest refitted, so that no reason
    a reader sees says "shared names count against one event"."""
    kept = list(range(x.shape[1]))
    while True:
        weights, intercept = fit(x[:, kept], y, l2)
        wrong = [k for k, w in zip(kept, weights, strict=True)
                 if FEATURES[k] not in FREE and w * SIGNS.get(FEATURES[k], 1) < 0]  # fmt: skip
        if not wrong:
            full = np.zeros(x.shape[1])
            full[kept] = weights
            return full, intercept
        kept.remove(min(wrong, key=lambda k: abs(weights[kept.index(k)]) * -1))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Fit a logistic regression by Newton's method with a ridge penalty; return weights, intercept."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty * beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Return the threshold with the highest F1 of positive pairs, and that F1."""
    best = (0.5, 0.0)
    for t in np.arange(0.05, 0.96, 0.01):
        chosen = p >= t
        tp = float(np.sum(chosen & (y == 1)))
        f1 = 2 * tp / (np.sum(chosen) + np.sum(y == 1)) if tp else 0.0
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


Block = tuple[list[Doc], np.ndarray, np.ndarray]
"""One slice's reports, the feature rows of all their pairs and which pairs are dated apart."""


def cluster_threshold(blocks: list[Block], weights: np.ndarray, intercept: float) -> tuple[float, float]:
    """Return the average-linkage threshold with the best event-cluster F1 (mean over the blocks:
    each slice as text and with metadata), counted over every pair of reports, in one language
    or two: a threshold chosen on one-language pairs alone lay too high for the pairs across
    languages, whose probabilities run lower, and split their events."""
    from dedupe.corpus.linkage import event_groups

    matrices = []
    for docs, x, apart_rows in blocks:
        n = len(docs)
        p = 1 / (1 + np.exp(-(x @ weights + intercept)))
        m = np.zeros((n, n))
        apart = np.zeros((n, n), dtype=bool)
        for k, (i, j) in enumerate(itertools.combinations(range(n), 2)):
            m[i, j] = m[j, i] = p[k]
            apart[i, j] = apart[j, i] = apart_rows[k]
        ids = [d.id for d in docs]
        label = {d.id: d.event for d in docs}
        matrices.append((ids, m, apart, label))
    best = (0.5, 0.0)
    for t in np.arange(0.1, 0.91, 0.02):
        f1 = float(np.mean([_pairwise_f1(event_groups(ids, m, float(t), apart), label)
                            for ids, m, apart, label in matrices]))  # fmt: skip
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


def _pairwise_f1(clusters: list[tuple[str, ...]], label: dict[str, str]) -> float:
    """Pairwise F1 of ``clusters`` against the labelled events, over every pair of reports."""
    found = {frozenset(q) for c in clusters for q in itertools.combinations(c, 2)}
    truth = {frozenset((a, b)) for a, b in itertools.combinations(label, 2) if label[a] == label[b]}
    tp = len(found & truth)
    return 2 * tp / (len(found) + len(truth)) if tp else 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    parser.add_argument("--half", default="fit,val", help="slices to fit on: fit, val or fit,val (shipped)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--out", type=Path, default=MODEL, help="where to write the model")
    args = parser.parse_args(argv)
    halves = args.half.split(",")
    if not set(halves) <= {"fit", "val"}:
        parser.error("--half takes fit and val only: the test half is never fitted on")
    corpus = load()
    slices = [corpus.half(h) for h in halves]
    if not all(slices):
        print("no fitting bodies present: rebuild them (fixtures/realnews/REBUILD.md)", file=sys.stderr)
        return 2
    docs = [d for part in slices for d in part]
    jobs = [(part, with_meta) for with_meta in (False, True) for part in slices]
    with ProcessPoolExecutor(args.jobs) as pool:  # each slice and form on its own
        parts = list(pool.map(_rows, jobs))
    x = np.vstack([p[0] for p in parts])
    event = np.concatenate([p[1] for p in parts])
    related = np.concatenate([p[2] for p in parts])
    learn = np.concatenate([p[3] for p in parts])
    weights, intercept = fit_signed(x[learn], event[learn])
    p_event = 1 / (1 + np.exp(-(x @ weights + intercept)))
    blocks = [(part, p[0], p[4]) for p, part in zip(parts, slices * 2, strict=True)]
    threshold, f1 = cluster_threshold(blocks, weights, intercept)
    one_language = learn & (x[:, FEATURES.index("languages_differ")] == 0)
    pair_threshold, pair_f1 = best_threshold(p_event[one_language], event[one_language])
    two_languages = learn & (x[:, FEATURES.index("languages_differ")] == 1)
    across_threshold, across_f1 = best_threshold(p_event[two_languages], event[two_languages])
    r_weights, r_intercept = fit_signed(x, related)
    p_related = 1 / (1 + np.exp(-(x @ r_weights + r_intercept)))
    r_threshold, r_f1 = best_threshold(p_related, related)
    manifest = (CORPUS / "manifest.jsonl").read_bytes()
    model = {
        "features": list(FEATURES),
        "same_event": {
            "weights": [round(float(w), 4) for w in weights],
            "intercept": round(intercept, 4),
            "threshold": pair_threshold,
            "across_threshold": across_threshold,
            "cluster_threshold": threshold,
        },
        "related": {
            "weights": [round(float(w), 4) for w in r_weights],
            "intercept": round(r_intercept, 4),
            "threshold": r_threshold,
        },
        "provenance": {
            "fitted_by": "tools/fit_event_model.py",
            "fitted_on": datetime.date.today().isoformat(),
            "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
            "half": "+".join(halves),
            "reports": len(docs),
            "events": len({d.event for d in docs}),
            "pairs": int(learn.sum()),
            "positive_pairs": int(event[learn].sum()),
            "l2": L2,
            "fit_pair_f1": round(pair_f1, 4),
            "fit_across_pair_f1": round(across_f1, 4),
            "fit_cluster_f1": round(f1, 4),
            "related_fit_f1": round(r_f1, 4),
        },
    }
    for name, w, rw in zip(FEATURES, weights, r_weights, strict=True):
        print(f"{name:18} {w:+8.3f} {rw:+8.3f}")
    print(f"intercept {intercept:+.3f}; pair threshold {pair_threshold} (F1 {pair_f1:.3f}), "
          f"across languages {across_threshold} (F1 {across_f1:.3f})")  # fmt: skip
    print(f"cluster threshold {threshold} (F1 {f1:.3f}); related threshold {r_threshold} (F1 {r_f1:.3f})")
    if not args.dry_run:
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
