"""List each labelled quotation the extractor misses or misattributes, with a cause category.

Error-driven work on quotations and speakers: for each labelled quotation of one half of
the development corpus (``fixtures/realnews/quotes.jsonl``), print whether it was found,
who ``extract_quotes`` says spoke it against the label, and a coarse cause:

- ``missed``: no extracted quotation overlaps the label;
- ``unknown``: found, speaker "unknown" (with ``frame?`` when a speech verb is near);
- ``wrong``: found, a named speaker who is not the outlet's;
- ``right``.

Only category names, ids, offsets and speaker names are printed, with ``--context`` a
few characters around the span for the one reading it locally (bodies are third-party
text: never paste them into code, tests or docs).

With ``--sets``, it lists instead each labelled quotation set of the half that
``audit_quotes`` does not put in one group, with the group (id, speaker, relation) each
member landed in, or none when the member was not found, and counts the groups that mix
renderings of two labelled sets (statements that should stay apart).

    python tools/quote_misses.py [--half fit] [--language en] [--context 120] [--sets]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from devcorpus import Doc, load
from fit_event_model import article
from judgement import _same_speaker

from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.match import QuoteGroup, Rendering, audit_quotes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("fit", "val", "check"), default="fit")
    parser.add_argument("--language")
    parser.add_argument("--context", type=int, default=0)
    parser.add_argument("--all", action="store_true", help="print the right ones too")
    parser.add_argument("--sets", action="store_true", help="list the labelled sets not grouped")
    args = parser.parse_args(argv)
    corpus = load()
    docs = {d.id: d for d in corpus.half(args.half)}
    if args.language:
        docs = {k: d for k, d in docs.items() if d.meta["language"] == args.language}
    if args.sets:
        return list_sets(docs, corpus.quotes)
    tally: Counter[str] = Counter()
    extracted = {}
    for q in corpus.quotes:
        doc = docs.get(q["doc"])
        if doc is None or doc.text is None:
            continue
        if q["doc"] not in extracted:
            extracted[q["doc"]] = extract_quotes(article(doc, False))
        hits = [x for x in extracted[q["doc"]] if x.inner.start < q["end"] and q["start"] < x.inner.end]
        lang = doc.meta["language"]
        if not hits:
            cause, said, frame, kind = "missed", "-", "-", "-"
        else:
            said, frame, kind = hits[0].canonical_speaker, hits[0].frame, hits[0].kind
            if _same_speaker(said, q["speaker"]):
                cause = "right"
            elif said == "unknown":
                cause = "unknown"
            else:
                cause = "wrong"
        tally[f"{lang}:{cause}"] += 1
        tally[cause] += 1
        if cause == "right" and not args.all:
            continue
        print(f"{cause:8} {lang} {q['doc']} [{q['start']},{q['end']}) kind={kind} "
              f"label={q['speaker']!r} said={said!r} frame={frame!r} hits={len(hits)}")  # fmt: skip
        if args.context:
            text = doc.text
            lo, hi = max(0, q["start"] - args.context), min(len(text), q["end"] + args.context)
            print("    <<" + text[lo : q["start"]].replace("\n", "¶") + "[[" +
                  text[q["start"] : q["end"]][:300].replace("\n", "¶") + "]]" +
                  text[q["end"] : hi].replace("\n", "¶") + ">>")  # fmt: skip
    for key, n in sorted(tally.items()):
        print(f"{key:16} {n}")
    return 0


def holds(group: QuoteGroup, m: dict[str, Any]) -> list[str]:
    """The relations of ``group``'s renderings that overlap labelled member ``m``."""
    return [
        r.relation
        for r in group.renderings
        if r.article_id == m["doc"] and r.span.start < m["end"] and m["start"] < r.span.end
    ]


def _overlaps(rendering: Rendering, q: dict[str, Any]) -> bool:
    """True if ``rendering`` overlaps labelled quotation ``q`` in its article."""
    return (
        rendering.article_id == q["doc"]
        and rendering.span.start < q["end"]
        and q["start"] < rendering.span.end
    )


def list_sets(docs: dict[str, Doc], quotes: list[dict[str, Any]]) -> int:
    """Print each labelled set (2+ reports here) that no one group holds, and where its members went."""
    sets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        if q.get("set") and q["doc"] in docs:
            sets[q["set"]].append(q)
    labelled: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        if q.get("set") and q["doc"] in docs:
            labelled[q["doc"]].append(q)
    grouped = total = mixed = 0
    for name, members in sorted(sets.items()):
        ids = sorted({m["doc"] for m in members})
        if len(ids) < 2:
            continue
        total += 1
        audit = audit_quotes([article(docs[i], False) for i in ids])
        # Two renderings of a group holding different labelled statements mix them (one long
        # quotation holding both is not a mix: it is what the others render in part).
        for g in audit.groups:
            held = [
                frozenset(q["set"] for q in labelled[r.article_id] if _overlaps(r, q)) for r in g.renderings
            ]
            if any(x and y and not x & y for x in held for y in held):
                mixed += 1
                print(f"mixed in {name}: {g.id} {g.speaker!r} holds {sorted(set().union(*held))}")

        if any(all(holds(g, m) for m in members) for g in audit.groups):
            grouped += 1
            continue
        print(f"not grouped: {name}")
        for m in members:
            where = [f"{g.id} {g.speaker!r} {','.join(holds(g, m))}" for g in audit.groups if holds(g, m)]
            language = docs[m["doc"]].meta["language"]
            print(f"    {m['doc']} {language} label={m['speaker']!r} -> {where or 'not found'}")
    print(f"sets grouped {grouped}/{total}; groups mixing two labelled sets {mixed}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
