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

    python tools/quote_misses.py [--half fit] [--language en] [--context 120]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from devcorpus import load
from fit_event_model import article
from judgement import _same_speaker

from dedupe.quotes.extract import extract_quotes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "fit"), default="fit")
    parser.add_argument("--language")
    parser.add_argument("--context", type=int, default=0)
    parser.add_argument("--all", action="store_true", help="print the right ones too")
    args = parser.parse_args(argv)
    corpus = load()
    docs = {d.id: d for d in corpus.half(args.half)}
    if args.language:
        docs = {k: d for k, d in docs.items() if d.meta["language"] == args.language}
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
