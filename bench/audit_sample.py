"""Draw a reproducible random sample of asserted events for a hand audit of precision.

Text without gold (the bench corpus, a user's own documents) can only be scored by reading:
this script picks the events to read, writes them with their sentence and the sentence before
(for dates and pronouns) as a TSV with empty verdict columns, and, given a judged TSV back,
prints the precision at the evaluation's three levels.

Usage:
    python bench/audit_sample.py DB --seed 7 --n 150 > sample.tsv
    python bench/audit_sample.py --score sample.tsv

Verdict columns take y / n (u marks a call the auditor is unsure of, counted as y and
reported separately): ok_event (a real, asserted act), ok_source, ok_target, ok_root, ok_date.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import duckdb

VERDICTS = ("ok_event", "ok_source", "ok_target", "ok_root", "ok_date")
FIELDS = (
    "document",
    "sentence_index",
    "source",
    "target",
    "code",
    "predicate",
    "date",
    "date_rule",
    "rule",
    "previous_sentence",
    "sentence",
    *VERDICTS,
)

QUERY = """
select d.name, e.sentence_index, e.source, e.target, e.code, e.predicate, e.date, e.date_rule,
       e.rule, coalesce(p.clean_text, ''), s.clean_text
from events e
join documents d on d.doc_id = e.doc_id
join sentences s on s.doc_id = e.doc_id and s.idx = e.sentence_index
left join sentences p on p.doc_id = e.doc_id and p.idx = e.sentence_index - 1
where e.mode = 'asserted' and not e.negated
order by d.name, e.sentence_index, e.pred_start, e.id
"""


def draw(db: Path, seed: int, n: int) -> None:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(QUERY).fetchall()
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(FIELDS)
    for k in picked:
        out.writerow([*rows[k], *([""] * len(VERDICTS))])
    print(f"{len(picked)} of {len(rows)} asserted events, seed {seed}", file=sys.stderr)


def score(path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    judged = [r for r in rows if all(r[v].strip() for v in VERDICTS[:4])]

    def ok(r: dict[str, str], *cols: str) -> bool:
        return all(r[c].strip().lower() in ("y", "u") for c in ("ok_event", *cols))

    def unsure(r: dict[str, str], *cols: str) -> bool:
        return ok(r, *cols) and any(r[c].strip().lower() == "u" for c in ("ok_event", *cols))

    levels = {
        "strict": ("ok_source", "ok_target", "ok_root"),
        "actors": ("ok_source", "ok_target"),
        "root": ("ok_source", "ok_root"),
    }
    print(f"{len(judged)} judged events")
    for name, cols in levels.items():
        right = sum(ok(r, *cols) for r in judged)
        doubtful = sum(unsure(r, *cols) for r in judged)
        share = right / len(judged) if judged else 0.0
        print(f"{name:>6}: {right} right ({share:.3f}), of which {doubtful} unsure")
    strict = [r for r in judged if ok(r, *levels["strict"]) and r["ok_date"].strip()]
    dated = sum(r["ok_date"].strip().lower() in ("y", "u") for r in strict)
    print(f"  date: {dated} right of {len(strict)} strict-right events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", nargs="?", type=Path, help="a kankei DuckDB store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--score", type=Path, help="a judged TSV to score")
    args = parser.parse_args()
    if args.score:
        score(args.score)
    elif args.db:
        draw(args.db, args.seed, args.n)
    else:
        parser.error("give a DB to sample from, or --score FILE")


if __name__ == "__main__":
    main()
