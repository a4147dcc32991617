#!/usr/bin/env python3
"""Turn annotators' work files into the project's offset-only gold files.

Annotators write one JSON Lines file per document (`<doc>.jsonl`, the full schema of
../shared/gold/seed_events.jsonl, sentence text included) into a work folder outside the
project. The project keeps no article text, so this script replaces each record's sentence by
its character offsets in the document and writes

    build DIR [DIR ...]   eval/gold/{news-dev,news-test,wiki-dev,wiki-test}.jsonl, taking each
                          document's file from the first DIR that has it (the adjudicated folder
                          first, then the single first pass); a document of the split with no
                          file in any DIR is an error (every listed document must be annotated)
    passes DIR_A DIR_B    eval/gold/passes/{a,b}.jsonl: the two independent first passes of the
                          documents annotated twice (for the agreement figures)

Usage: python3 eval/gold/intake.py build|passes DIR... [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("doc", "sentence", "date", "source", "target", "root", "predicate", "note")
SPLITS = ("news-dev", "news-test", "wiki-dev", "wiki-test")


class IntakeError(Exception):
    """An annotator's record does not fit its document."""


def corpus_of(doc: str, shared: Path) -> Path:
    folder = "news-corpus" if doc.startswith("wikinews_") else "bench-corpus"
    return shared / folder / doc


def to_offsets(work_file: Path, doc: str, text: str) -> list[dict]:
    records = []
    for n, line in enumerate(work_file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        where = f"{work_file}:{n}"
        if tuple(rec) != KEYS:
            raise IntakeError(f"{where}: keys must be {', '.join(KEYS)}")
        if rec["doc"] != doc:
            raise IntakeError(f"{where}: record names {rec['doc']}, file is for {doc}")
        start = text.find(rec["sentence"])
        if not rec["sentence"] or start < 0:
            raise IntakeError(f"{where}: sentence is not in {doc}")
        records.append(
            {
                "doc": doc,
                "sent_start": start,
                "sent_end": start + len(rec["sentence"]),
                **{k: rec[k] for k in KEYS[2:]},
            }
        )
    return records


def convert(folders: list[Path], docs: list[str], shared: Path) -> list[dict]:
    out: list[dict] = []
    for doc in docs:
        found = [f / f"{doc}.jsonl" for f in folders if (f / f"{doc}.jsonl").is_file()]
        if not found:
            raise IntakeError(f"{doc}: no annotation file in {', '.join(map(str, folders))}")
        text = corpus_of(doc, shared).read_text(encoding="utf-8")
        out.extend(to_offsets(found[0], doc, text))
    return out


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    print(f"{path}: {len(records)} events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "passes"))
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    args = parser.parse_args(argv)
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    try:
        if args.command == "build":
            for name in SPLITS:
                write_jsonl(HERE / f"{name}.jsonl", convert(args.folders, split[name], args.shared))
        else:
            if len(args.folders) != 2:
                parser.error("passes takes two folders: the first and the second pass")
            double = split["news-double"] + split["wiki-double"]
            for label, folder in zip("ab", args.folders, strict=True):
                write_jsonl(
                    HERE / "passes" / f"{label}.jsonl", convert([folder], double, args.shared)
                )
    except (IntakeError, OSError, ValueError) as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
