"""Accuracy of kankei on every gold file: the reference gold and the four development-gold
splits, each ingested into a fresh store and scored as `kankei eval` scores.

Usage: python bench/accuracy.py [--shared DIR] [--only NAME ...] [--keep DIR] [--json]
                                [--disable-rule ID ...] [--argument-model]

Prints one line per gold file:

  NAME  docs D  gold G  pred P | strict P/R/F1 | actors-only P/R/F1 | root-only P/R/F1 | date

where `date` is the date accuracy over the strict matches (with their number). The reference
gold (../shared/gold/seed_events.jsonl, the set kankei's rules were developed on) covers the
three documents of ../shared/corpus; each split of eval/gold covers every document that
eval/gold/split.json lists for it, so predictions in documents without gold events count as
false events. The split files are rebuilt from eval/gold by eval/materialize.py into a
temporary folder first. `--keep DIR` keeps each store as DIR/NAME.duckdb for error analysis
(dev splits only: the test stores are scored and removed, never kept for reading).

`--disable-rule ID` switches an extraction rule off for every set; `--argument-model` lets the
trained argument chooser fill the targets the rules leave unfilled (off by default, as in
`kankei ingest`).

Protocol: the test files are read by the scorer alone (eval/gold/README.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from kankei.analysis.evaluate import Report, load_doc_list, load_gold, score_rows
from kankei.engines import ingest
from kankei.settings import Settings
from kankei.store import Store
from kankei.store.db import EventFilter

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("reference", "news-dev", "news-test", "wiki-dev", "wiki-test")
CORPUS_OF = {"news": "news-corpus", "wiki": "bench-corpus"}


def load_materializer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("materialize", ROOT / "eval" / "materialize.py")
    if spec is None or spec.loader is None:
        raise SystemExit("bench/accuracy.py: eval/materialize.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_sets(shared: Path, gold_dir: Path) -> dict[str, tuple[Path, list[Path], list[str]]]:
    """name -> (gold file, the documents' paths, the listed document names)."""
    reference = sorted((shared / "corpus").glob("*.txt"))
    out = {
        "reference": (shared / "gold" / "seed_events.jsonl", reference, [p.name for p in reference])
    }
    for name in NAMES[1:]:
        listed = load_doc_list(gold_dir / f"{name}.docs")
        corpus = shared / CORPUS_OF[name.split("-")[0]]
        out[name] = (gold_dir / f"{name}.jsonl", [corpus / d for d in listed], listed)
    return out


def score_set(
    name: str,
    gold: Path,
    paths: list[Path],
    listed: list[str],
    store_path: Path,
    disabled: frozenset[str] = frozenset(),
    argument_model: bool = False,
) -> tuple[Report, int, int, float]:
    started = time.perf_counter()
    settings = Settings(db=store_path, disabled_rules=disabled, argument_model=argument_model)
    report = ingest(paths, settings)
    if report.failed:
        for _, message in report.failed:
            print(f"  {name}: skipped {message}", file=sys.stderr)
    gold_records = load_gold(gold)
    with Store(store_path, read_only=True) as store:
        rows = store.export_rows(EventFilter(asserted_only=True))
    scores, n_pred = score_rows(rows, gold_records, listed)
    return scores, len(gold_records), n_pred, time.perf_counter() - started


def line(name: str, docs: int, n_gold: int, n_pred: int, report: Report) -> str:
    views = " | ".join(
        f"{label} {s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f}"
        for label, s in zip(("strict", "actors-only", "root-only"), report.scores, strict=True)
    )
    date = f"date {report.date_accuracy_strict:.3f} ({report.date_matches_strict})"
    return f"{name:<10} docs {docs:>3}  gold {n_gold:>4}  pred {n_pred:>4} | {views} | {date}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", action="append", choices=NAMES, help="Score only these sets.")
    parser.add_argument("--keep", type=Path, help="Keep the dev stores in this folder.")
    parser.add_argument("--json", action="store_true", help="One JSON object a line.")
    parser.add_argument(
        "--disable-rule", action="append", default=[], metavar="ID", help="Switch a rule off."
    )
    parser.add_argument(
        "--argument-model", action="store_true", help="Use the trained argument chooser."
    )
    args = parser.parse_args(argv)
    if not (args.shared / "gold" / "seed_events.jsonl").is_file():
        print(f"bench/accuracy.py: {args.shared} holds no gold/seed_events.jsonl", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kankei-accuracy-") as tmp:
        gold_dir = Path(tmp) / "gold"
        load_materializer().materialize(gold_dir, args.shared)
        print("P/R/F1 per view; predictions in every listed document count", flush=True)
        for name, (gold, paths, listed) in gold_sets(args.shared, gold_dir).items():
            if args.only and name not in args.only:
                continue
            keep = args.keep is not None and name not in ("news-test", "wiki-test")
            store_dir = args.keep if keep and args.keep else Path(tmp)
            store_dir.mkdir(parents=True, exist_ok=True)
            store_path = store_dir / f"{name}.duckdb"
            store_path.unlink(missing_ok=True)
            print(f"  ingesting {name}: {len(paths)} documents …", file=sys.stderr, flush=True)
            report, n_gold, n_pred, seconds = score_set(
                name,
                gold,
                paths,
                listed,
                store_path,
                frozenset(args.disable_rule),
                args.argument_model,
            )
            if args.json:
                print(json.dumps({"set": name, "documents": len(paths), **report.as_dict()}))
            else:
                print(line(name, len(paths), n_gold, n_pred, report), flush=True)
            print(f"  {name}: {seconds:.0f} s", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
