"""What each extraction rule is worth: strict F1 on the development gold with the rule switched
off, against all rules on.

Usage: python bench/ablation.py [--sets news-dev wiki-dev | --sets reference] [--only ID ...]

The documents of each set are read and parsed once; then they are coded once with every rule
on and once per rule with that rule off (`Coder.with_disabled`), and scored as `kankei eval`
scores (predictions in listed documents without gold count). One line per rule, in the order
the rules run: strict F1 of each set and of all sets pooled with the rule off, and the change
from all rules on (negative: the rule helps). Only dev sets and the reference gold can be
chosen: the test files are read by the scorer of bench/accuracy.py alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from kankei.analysis.evaluate import Record, evaluate, from_rows, load_gold, scored_documents
from kankei.extract.coding import CodedDocument
from kankei.extract.order import all_rule_ids
from kankei.model import Document
from kankei.pipeline import ParsedDocument, Pipeline
from kankei.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import CORPUS_OF, ROOT, load_materializer

SETS = ("reference", "news-dev", "wiki-dev")


class GoldSet:
    """A gold file with its documents read and parsed once."""

    def __init__(self, name: str, gold: list[Record], docs: list[Document], pipe: Pipeline):
        self.name = name
        self.gold = gold
        self.docs = docs
        self.covered = scored_documents(gold, [d.name for d in docs])
        self.parses: list[ParsedDocument] = pipe.parse_many(docs)

    def rows(self, coded: list[CodedDocument]) -> list[dict[str, Any]]:
        out = []
        for doc, result in zip(self.docs, coded, strict=True):
            spans = {s.index: (s.start, s.end) for s in doc.sentences}
            for e in result.events:
                if e.negated or e.mode != "asserted" or doc.name not in self.covered:
                    continue
                start, end = spans[e.sentence_index]
                out.append(
                    {
                        "doc": doc.name,
                        "sentence": doc.text[start:end],
                        "date": e.date,
                        "source": e.source,
                        "target": e.target,
                        "root": e.root,
                    }
                )
        return out


def load_sets(names: list[str], shared: Path, pipe: Pipeline, gold_dir: Path) -> list[GoldSet]:
    out = []
    for name in names:
        if name == "reference":
            gold = load_gold(shared / "gold" / "seed_events.jsonl")
            paths = sorted((shared / "corpus").glob("*.txt"))
        else:
            gold = load_gold(gold_dir / f"{name}.jsonl")
            listed = (gold_dir / f"{name}.docs").read_text(encoding="utf-8").split()
            paths = [shared / CORPUS_OF[name.split("-")[0]] / d for d in listed]
        docs = [pipe.read(p) for p in paths]
        print(f"  {name}: {len(docs)} documents parsed", file=sys.stderr, flush=True)
        out.append(GoldSet(name, gold, docs, pipe))
    return out


def f1s(sets: list[GoldSet], pipe: Pipeline, disabled: frozenset[str]) -> list[float]:
    coder = pipe.coder.with_disabled(disabled)
    pooled_pred: list[Record] = []
    pooled_gold: list[Record] = []
    out = []
    for s in sets:
        pred = from_rows(s.rows(pipe.code_parsed(s.docs, s.parses, coder)))
        out.append(evaluate(pred, s.gold).scores[0].f1)
        pooled_pred += pred
        pooled_gold += s.gold
    out.append(evaluate(pooled_pred, pooled_gold).scores[0].f1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", nargs="+", choices=SETS, default=["news-dev", "wiki-dev"])
    parser.add_argument("--only", nargs="+", help="Ablate only these rule ids.")
    args = parser.parse_args(argv)
    import tempfile

    started = time.perf_counter()
    pipe = Pipeline(Settings())
    with tempfile.TemporaryDirectory(prefix="kankei-ablation-") as tmp:
        gold_dir = Path(tmp)
        load_materializer().materialize(gold_dir, args.shared)
        sets = load_sets(args.sets, args.shared, pipe, gold_dir)
    base = f1s(sets, pipe, frozenset())
    heads = [*args.sets, "pooled"]
    print("strict F1 with the rule off (change from all rules on)")
    print(f"{'all rules on':<36}" + "".join(f"{h:>22}" for h in heads))
    print(f"{'':<36}" + "".join(f"{b:>22.3f}" for b in base))
    for rule_id in args.only or all_rule_ids():
        scores = f1s(sets, pipe, frozenset({rule_id}))
        cells = "".join(f"{s:>14.3f} ({s - b:+.3f})" for s, b in zip(scores, base, strict=True))
        print(f"{rule_id:<36}{cells}", flush=True)
    print(f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
