#!/usr/bin/env python3
"""Rebuild the development gold in the full schema of ../shared/gold/seed_events.jsonl.

Usage: python3 eval/materialize.py OUTDIR [--shared DIR]

The gold files under eval/gold/ name each event's sentence by document and character
offsets (`sent_start`, `sent_end` into the file as Python decodes it: UTF-8, universal
newlines); the project does not hold the articles' text. This script reads the articles from
../shared (or --shared DIR), cuts each sentence out and writes

    OUTDIR/news-dev.jsonl  OUTDIR/news-test.jsonl  OUTDIR/wiki-dev.jsonl  OUTDIR/wiki-test.jsonl

with the keys doc, sentence, date, source, target, root, predicate, note, in that order, and
beside each file the list of its documents (`OUTDIR/NAME.docs`, one name a line; documents
without events are in it too, so that a scorer counts their predictions as false events).
Each written file passes ../shared/gold/validate_gold.py FILE CORPUS_DIR.

Only the standard library is used, so the script runs with any python3 >= 3.9.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "gold"
SPLITS = ("news-dev", "news-test", "wiki-dev", "wiki-test")
CORPUS_OF = {"news": "news-corpus", "wiki": "bench-corpus"}
OFFSET_KEYS = (
    "doc",
    "sent_start",
    "sent_end",
    "date",
    "source",
    "target",
    "root",
    "predicate",
    "note",
)


class MaterializeError(Exception):
    """A gold record does not fit the article it names."""


def corpus_dir(shared: Path, split: str) -> Path:
    return shared / CORPUS_OF[split.split("-")[0]]


def read_offset_records(path: Path) -> list[dict]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if tuple(rec) != OFFSET_KEYS:
            raise MaterializeError(f"{path}:{n}: keys must be {', '.join(OFFSET_KEYS)}")
        records.append(rec)
    return records


def full_record(rec: dict, text: str, where: str) -> dict:
    start, end = rec["sent_start"], rec["sent_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise MaterializeError(f"{where}: offsets {start}:{end} outside the document")
    sentence = text[start:end]
    if "\n" in sentence:
        raise MaterializeError(f"{where}: offsets {start}:{end} span a line break")
    if rec["predicate"] not in sentence:
        raise MaterializeError(f"{where}: predicate {rec['predicate']!r} not in its sentence")
    return {
        "doc": rec["doc"],
        "sentence": sentence,
        "date": rec["date"],
        "source": rec["source"],
        "target": rec["target"],
        "root": rec["root"],
        "predicate": rec["predicate"],
        "note": rec["note"],
    }


def materialize(outdir: Path, shared: Path) -> dict[str, int]:
    split_lists = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    outdir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split in SPLITS:
        corpus = corpus_dir(shared, split)
        texts: dict[str, str] = {}
        lines = []
        gold_path = GOLD_DIR / f"{split}.jsonl"
        for n, rec in enumerate(read_offset_records(gold_path), start=1):
            doc = rec["doc"]
            if doc not in split_lists[split]:
                raise MaterializeError(f"{gold_path}:{n}: {doc} is not a document of {split}")
            if doc not in texts:
                path = corpus / doc
                if not path.is_file():
                    raise MaterializeError(f"{gold_path}:{n}: article not found: {path}")
                texts[doc] = path.read_text(encoding="utf-8")
            full = full_record(rec, texts[doc], f"{gold_path}:{n}")
            lines.append(json.dumps(full, ensure_ascii=False))
        (outdir / f"{split}.jsonl").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
        docs = "".join(d + "\n" for d in split_lists[split])
        (outdir / f"{split}.docs").write_text(docs, encoding="utf-8")
        counts[split] = len(lines)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(
            f"materialize: {args.shared} not found "
            "(the folder with news-corpus/ and bench-corpus/)",
            file=sys.stderr,
        )
        return 2
    try:
        counts = materialize(args.outdir, args.shared)
    except (MaterializeError, OSError, ValueError) as exc:
        print(f"materialize: {exc}", file=sys.stderr)
        return 1
    for split, n in counts.items():
        print(f"{args.outdir / (split + '.jsonl')}: {n} events")
    print(f"total: {sum(counts.values())} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
