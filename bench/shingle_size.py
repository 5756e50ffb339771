"""Measure how shingle size separates duplicates, abridged reprints and same-event reports.

Prints exact shingle Jaccard and containment for k = 2..6 on the seed pairs and on
edited copies of a seed (10% of words replaced; an abridged reprint keeping every
other paragraph), so the default ``Settings.shingle_size`` rests on numbers.

    .venv/bin/python bench/shingle_size.py
"""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path

from tabulate import tabulate

from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_articles
from dedupe.text.tokens import tokenize

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def words(article):
    return [t.text for t in tokenize(article.text, article.body_spans)]


def shingles(tokens, k):
    return {tuple(tokens[i : i + k]) for i in range(max(1, len(tokens) - k + 1))}


def figures(a, b, k):
    sa, sb = shingles(a, k), shingles(b, k)
    shared = len(sa & sb)
    return shared / len(sa | sb), shared / min(len(sa), len(sb))


def edited(article, share, rng):
    text = article.text
    tokens = tokenize(text, article.body_spans)
    chosen = sorted(rng.sample(range(len(tokens)), int(share * len(tokens))), reverse=True)
    for index in chosen:
        token = tokens[index]
        text = text[: token.start] + "altered" + text[token.end :]
    return article_from_text(text, id=f"{article.id}-edited")


def abridged(article):
    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    return article_from_text("\n\n".join(paragraphs[::2]), id=f"{article.id}-abridged")


def main() -> None:
    rng = random.Random(7)
    seeds = {a.id[:3]: a for a in load_articles([SEEDS])}
    cases = [(f"{x}-{y}", seeds[x], seeds[y]) for x, y in combinations(sorted(seeds), 2)]
    cases.append(("002 vs 10% edited copy", seeds["002"], edited(seeds["002"], 0.10, rng)))
    cases.append(("002 vs 20% edited copy", seeds["002"], edited(seeds["002"], 0.20, rng)))
    cases.append(("002 vs abridged reprint", seeds["002"], abridged(seeds["002"])))
    rows = []
    for name, a, b in cases:
        wa, wb = words(a), words(b)
        row = [name]
        for k in range(2, 7):
            jaccard, contained = figures(wa, wb, k)
            row.append(f"{jaccard:.2f}/{contained:.2f}")
        rows.append(row)
    print(tabulate(rows, headers=["pair", *(f"k={k} J/C" for k in range(2, 7))]))


if __name__ == "__main__":
    main()
