"""Whether two exports of the same corpus code the same events (a refactor must not move them).

Usage: python bench/compare_exports.py BEFORE.jsonl AFTER.jsonl [--ignore FIELD ...]

Compares `kankei export --format jsonl` files event by event (by `id`, which hashes the
document, sentence, predicate position, actors, code and date) and field by field, ignoring the
fields named with --ignore (default: `rules`, the provenance added by the rule layer, and
`doc_id`/`id` of documents whose path differs). Prints the counts of identical, changed,
missing and extra events and the first differences; exit status 1 if any differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def load(path: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {str(r["id"]): r for r in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", action="append", default=None)
    parser.add_argument("--show", type=int, default=10, help="Differences to print.")
    args = parser.parse_args(argv)
    ignore = set(args.ignore or ["rules"])
    before, after = load(args.before), load(args.after)
    missing = sorted(before.keys() - after.keys())
    extra = sorted(after.keys() - before.keys())
    changed: Counter[str] = Counter()
    shown = 0
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        fields = [
            f for f in sorted(a.keys() | b.keys()) if f not in ignore and a.get(f) != b.get(f)
        ]
        changed.update(fields)
        if fields and shown < args.show:
            shown += 1
            print(
                f"changed {key}: " + "; ".join(f"{f}: {a.get(f)!r} -> {b.get(f)!r}" for f in fields)
            )
    for label, keys, rows in (("missing", missing, before), ("extra", extra, after)):
        for key in keys[: args.show]:
            r = rows[key]
            what = f"{r['source']}->{r['target']} {r['code']} {r['date']} {r['predicate']}"
            print(f"{label} {key}: {r['doc']} {what}")
    n_changed = sum(
        1
        for k in before.keys() & after.keys()
        if any(
            f not in ignore and before[k].get(f) != after[k].get(f)
            for f in before[k].keys() | after[k].keys()
        )
    )
    same = len(before.keys() & after.keys()) - n_changed
    print(
        f"before {len(before)}, after {len(after)}: identical {same}, changed {n_changed}"
        f" ({dict(changed)}), missing {len(missing)}, extra {len(extra)}"
    )
    return 0 if not (missing or extra or n_changed) else 1


if __name__ == "__main__":
    sys.exit(main())
