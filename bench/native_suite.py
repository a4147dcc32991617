"""Pass rate of the native validation suite (tests/data/native_suite.yaml), per feature.

Usage: python bench/native_suite.py [--failures]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kankei.analysis.suite import load_suite, run_suite
from kankei.model import Sentence
from kankei.pipeline import Pipeline
from kankei.settings import Settings

SUITE = Path(__file__).resolve().parents[1] / "tests" / "data" / "native_suite.yaml"


def main() -> None:
    pipeline = Pipeline(Settings())

    def code(text: str, doc_date: str | None):  # type: ignore[no-untyped-def]
        sent = Sentence("suite", 0, 0, len(text), text, tuple(range(len(text))))
        parsed = {ps.sentence.index: ps for ps in pipeline.parser.parse([sent])}
        return pipeline.coder.code_document([sent], parsed, doc_date).events

    outcomes = run_suite(load_suite(SUITE), code)
    total, passed = Counter(), Counter()
    for o in outcomes:
        total[o.case.feature] += 1
        passed[o.case.feature] += o.passed
    for feature in sorted(total):
        print(f"{feature:22s} {passed[feature]:3d}/{total[feature]:3d}")
    if "--failures" in sys.argv:
        for o in outcomes:
            if not o.passed:
                print(f"FAIL {o.case.id}: {o.case.text} :: {'; '.join(o.problems)}")
    n, ok = len(outcomes), sum(o.passed for o in outcomes)
    print(f"passed={ok}/{n} rate={ok / n:.3f}")


if __name__ == "__main__":
    main()
