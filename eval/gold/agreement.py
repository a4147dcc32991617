#!/usr/bin/env python3
"""Agreement between the two independent first passes of the documents annotated twice.

Usage: .venv/bin/python eval/gold/agreement.py [--shared DIR]

Reads eval/gold/passes/a.jsonl and b.jsonl (offset records, as intake.py writes them),
rebuilds their sentences from ../shared and scores one pass against the other with kankei's
own matcher (the one `kankei eval` uses: same document, overlapping sentence; strict = same
source, target and root, either direction for 04; root-only = same root). F1 is symmetric,
so it does not matter which pass plays gold. Prints a Markdown table per genre.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from kankei.analysis.evaluate import Record, evaluate

HERE = Path(__file__).resolve().parent


def materializer():
    spec = importlib.util.spec_from_file_location("materialize", HERE.parent / "materialize.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records(path: Path, shared: Path) -> list[Record]:
    mat = materializer()
    texts: dict[str, str] = {}
    out = []
    for n, rec in enumerate(mat.read_offset_records(path), start=1):
        doc = rec["doc"]
        genre = "news" if doc.startswith("wikinews_") else "wiki"
        if doc not in texts:
            texts[doc] = (shared / mat.CORPUS_OF[genre] / doc).read_text(encoding="utf-8")
        full = mat.full_record(rec, texts[doc], f"{path}:{n}")
        out.append(
            Record(
                doc, full["sentence"], full["date"], full["source"], full["target"], full["root"]
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    args = parser.parse_args()
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    a = records(HERE / "passes" / "a.jsonl", args.shared)
    b = records(HERE / "passes" / "b.jsonl", args.shared)
    print(
        "| genre | documents | pass A | pass B | strict F1 | actors-only F1 | root-only F1 "
        "| date agreement (strict matches) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for genre in ("news", "wiki"):
        docs = set(split[f"{genre}-double"])
        pa = [r for r in a if r.doc in docs]
        pb = [r for r in b if r.doc in docs]
        report = evaluate(pa, pb)
        f1 = {s.view: s.f1 for s in report.scores}
        print(
            f"| {genre} | {len(docs)} | {len(pa)} | {len(pb)} | {f1['strict']:.3f} | "
            f"{f1['actors']:.3f} | {f1['root']:.3f} | {report.date_accuracy_strict:.3f} "
            f"({report.date_matches_strict}) |"
        )


if __name__ == "__main__":
    main()
