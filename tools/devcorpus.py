"""The development corpus of real news: merge gatherers' folders, verify bodies, load for fitting.

The manifest (``fixtures/realnews/manifest.jsonl``) and labels are committed; article
bodies are third-party text and live only in the gitignored ``fixtures/realnews/bodies/``
(``fixtures/realnews/REBUILD.md`` says how to fetch them again). Quotation labels hold
offsets into a body and the sha256 of the span, never the words.

    python tools/devcorpus.py merge /work/devcorpus/h1 /work/devcorpus/h2 ...
    python tools/devcorpus.py add --half val /work/devcorpus/v1 ...
    python tools/devcorpus.py verify
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "realnews"
BODIES = CORPUS / "bodies"
KEPT_FIELDS = ("id", "url", "query", "title", "outlet", "published", "language", "event", "occasion",
               "place", "event_dates", "participants", "copy_of", "kind", "family")  # fmt: skip


@dataclass
class Doc:
    """One labelled report; ``text`` is its body when the bodies are present."""

    meta: dict[str, Any]
    text: str | None = None

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def event(self) -> str:
        return str(self.meta["event"])

    @property
    def half(self) -> str:
        return str(self.meta["half"])


@dataclass
class Corpus:
    """The manifest and labels, with bodies attached where present."""

    docs: list[Doc]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)

    def half(self, name: str) -> list[Doc]:
        """Return the documents of one half ("fit", "test", "val" or "check") whose bodies are present."""
        return [d for d in self.docs if d.half == name and d.text is not None]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), "utf-8")


def load(root: Path = CORPUS) -> Corpus:
    """Load the manifest and labels; attach each body whose sha256 matches the manifest."""
    docs = []
    for meta in _jsonl(root / "manifest.jsonl"):
        body = root / "bodies" / f"{meta['id']}.txt"
        text = body.read_text(encoding="utf-8") if body.exists() else None
        if text is not None and sha256(text) != meta["sha256"]:
            text = None
        docs.append(Doc(meta, text))
    return Corpus(
        docs, _jsonl(root / "quotes.jsonl"), _jsonl(root / "pairs.jsonl"), _jsonl(root / "flags.jsonl")
    )


def _halves(events_by_family: dict[str, list[str]]) -> dict[str, str]:
    """Split events into halves by family: sorted by hash, alternating, so each half has look-alikes."""
    half = {}
    for family, events in sorted(events_by_family.items()):
        ordered = sorted(set(events), key=lambda e: hashlib.sha256(e.encode()).hexdigest())
        offset = int(hashlib.sha256(family.encode()).hexdigest(), 16) % 2
        for n, event in enumerate(ordered):
            half[event] = "fit" if (n + offset) % 2 == 0 else "test"
    return half


def merge(folders: list[Path], root: Path = CORPUS) -> None:
    """Merge gatherers' folders into the committed manifest and labels, and the bodies folder."""
    docs, quotes, pairs, flags = [], [], [], []
    for folder in folders:
        read = _read_folder(folder, root)
        docs.extend(read[0])
        quotes.extend(read[1])
        pairs.extend(read[2])
        flags.extend(read[3])
    by_family: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_family[d["family"]].append(d["event"])
    half = _halves(by_family)
    for d in docs:
        d["half"] = half[d["event"]]
    _write_jsonl(root / "manifest.jsonl", sorted(docs, key=lambda d: d["id"]))
    _write_jsonl(root / "quotes.jsonl", quotes)
    _write_jsonl(root / "pairs.jsonl", pairs)
    _write_jsonl(root / "flags.jsonl", flags)


def add(folders: list[Path], half: str, root: Path = CORPUS) -> None:
    """Append gatherers' folders as one whole half (a validation slice), leaving every row already
    there as it is: the fitting and test halves keep their events, ids and labels."""
    manifest = _jsonl(root / "manifest.jsonl")
    known = {d["id"] for d in manifest} | {d["event"] for d in manifest}
    labels = {name: _jsonl(root / f"{name}.jsonl") for name in ("quotes", "pairs", "flags")}
    for folder in folders:
        docs, quotes, pairs, flags = _read_folder(folder, root)
        clash = sorted(known & ({d["id"] for d in docs} | {d["event"] for d in docs}))
        if clash:
            raise ValueError(f"{folder}: ids or events already in the corpus: {', '.join(clash)}")
        manifest.extend(d | {"half": half} for d in docs)
        labels["quotes"].extend(quotes)
        labels["pairs"].extend(pairs)
        labels["flags"].extend(flags)
    _write_jsonl(root / "manifest.jsonl", sorted(manifest, key=lambda d: d["id"]))
    for name, rows in labels.items():
        _write_jsonl(root / f"{name}.jsonl", rows)


def _read_folder(folder: Path, root: Path) -> tuple[list[dict[str, Any]], ...]:
    """Read one gatherer's folder into manifest rows and labels, copying its bodies into ``root``;
    a quotation's words become offsets into its body and the span's hash."""
    (root / "bodies").mkdir(parents=True, exist_ok=True)
    family = folder.name
    docs, bodies = [], {}
    for meta in _jsonl(folder / "docs.jsonl"):
        text = (folder / "bodies" / f"{meta['id']}.txt").read_text(encoding="utf-8")
        row = {k: meta.get(k) for k in KEPT_FIELDS}
        row.update(family=family, sha256=sha256(text), chars=len(text))
        docs.append(row)
        bodies[row["id"]] = text
        (root / "bodies" / f"{meta['id']}.txt").write_text(text, encoding="utf-8")
    quotes = []
    for q in _jsonl(folder / "quotes.jsonl"):
        body = bodies[q["doc"]]
        start = body.index(q["text"])
        end = start + len(q["text"])
        quotes.append({"doc": q["doc"], "start": start, "end": end, "sha256": sha256(body[start:end]),
                       "speaker": q.get("speaker") or "unknown", "set": q.get("set")})  # fmt: skip
    return docs, quotes, _jsonl(folder / "pairs.jsonl"), _jsonl(folder / "flags.jsonl")


def verify(root: Path = CORPUS) -> int:
    """Check every body against the manifest; list the missing ones with how to fetch them."""
    corpus = load(root)
    missing = [d for d in corpus.docs if d.text is None]
    for d in missing:
        print(f"missing or changed: {d.id}  url={d.meta['url']}  query={d.meta['query']!r}")
    bad = 0
    texts = {d.id: d.text for d in corpus.docs if d.text is not None}
    for q in corpus.quotes:
        text = texts.get(q["doc"])
        if text is not None and sha256(text[q["start"] : q["end"]]) != q["sha256"]:
            bad += 1
            print(f"quotation span does not match: {q['doc']} [{q['start']}, {q['end']})")
    print(
        f"{len(corpus.docs) - len(missing)} of {len(corpus.docs)} bodies present; {bad} bad quotation spans"
    )
    return 1 if missing or bad else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    merged = sub.add_parser("merge", help="merge gatherers' folders into fixtures/realnews")
    merged.add_argument("folders", nargs="+", type=Path)
    added = sub.add_parser("add", help="append gatherers' folders as one whole half, e.g. a validation slice")
    added.add_argument("--half", required=True)
    added.add_argument("folders", nargs="+", type=Path)
    sub.add_parser("verify", help="check the bodies against the manifest")
    args = parser.parse_args(argv)
    if args.command == "merge":
        merge(args.folders)
        return verify()
    if args.command == "add":
        add(args.folders, args.half)
        return verify()
    return verify()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
