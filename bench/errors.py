"""Error analysis on the development gold's dev files: the missed gold events and the false
predictions, sentence by sentence, for reading.

Usage: python bench/errors.py [--set news-dev|wiki-dev|reference] [--limit N] [--keep DB]

Only the dev files (and the reference gold) can be chosen: the test files are read by the
scorer of bench/accuracy.py alone. Prints, per document and sentence, the gold events
(`G`, `+` when matched strictly) and the predictions (`P`, `+` when matched, with the rule ids).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from kankei.analysis.evaluate import VIEWS, from_rows, load_gold, match, scored_documents
from kankei.engines import ingest
from kankei.settings import Settings
from kankei.store import Store
from kankei.store.db import EventFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import CORPUS_OF, ROOT, load_materializer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--set", default="news-dev", choices=("news-dev", "wiki-dev", "reference"))
    parser.add_argument("--limit", type=int, default=10_000, help="Sentences to print.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kankei-errors-") as tmp:
        if args.set == "reference":
            gold_path = args.shared / "gold" / "seed_events.jsonl"
            paths = sorted((args.shared / "corpus").glob("*.txt"))
        else:
            load_materializer().materialize(Path(tmp), args.shared)
            gold_path = Path(tmp) / f"{args.set}.jsonl"
            names = (Path(tmp) / f"{args.set}.docs").read_text(encoding="utf-8").split()
            paths = [args.shared / CORPUS_OF[args.set.split("-")[0]] / n for n in names]
        gold = load_gold(gold_path)
        db = Path(tmp) / "errors.duckdb"
        ingest(paths, Settings(db=db))
        with Store(db, read_only=True) as store:
            rows = store.export_rows(EventFilter(asserted_only=True))
    docs = scored_documents(gold, [p.name for p in paths])
    rows = [r for r in rows if r["doc"] in docs]
    pred = from_rows(rows)
    pairs = match(pred, gold, VIEWS["strict"])
    hit_pred = {p for p, _ in pairs}
    hit_gold = {g for _, g in pairs}
    by_sentence: dict[tuple[str, str], list[str]] = defaultdict(list)
    for gi, g in enumerate(gold):
        mark = "+" if gi in hit_gold else " "
        by_sentence[(g.doc, g.sentence)].append(
            f"  G{mark} {g.source}->{g.target} {g.root} {g.date}"
        )
    for pi, (p, r) in enumerate(zip(pred, rows, strict=True)):
        mark = "+" if pi in hit_pred else " "
        key = next(
            (
                k
                for k in by_sentence
                if k[0] == p.doc and (k[1] in p.sentence or p.sentence in k[1])
            ),
            (p.doc, p.sentence),
        )
        fired = " ".join(r["rules"])
        by_sentence[key].append(
            f"  P{mark} {p.source}->{p.target} {p.root} {p.date} {r['predicate']} {fired}"
        )
    shown = 0
    for (doc, sentence), lines in sorted(by_sentence.items()):
        if all("+" in line[:5] for line in lines):
            continue
        print(f"{doc}: {sentence}")
        print("\n".join(lines))
        shown += 1
        if shown >= args.limit:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
