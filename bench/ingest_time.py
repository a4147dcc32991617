"""Wall time of `kankei ingest` on a corpus (default: the reference corpus, else the demo corpus).

Usage: python bench/ingest_time.py [CORPUS_DIR]

Prints the wall time of one cold ingest into a fresh store (model loading included), and
characters and sentences per second over that wall time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kankei.engines import ingest
from kankei.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    if len(sys.argv) > 1:
        corpus = Path(sys.argv[1])
    else:
        shared = ROOT.parent / "shared" / "corpus"
        corpus = shared if shared.is_dir() else ROOT / "examples" / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = ingest([corpus], Settings(db=Path(tmp) / "bench.duckdb"))
        wall = time.perf_counter() - started
    print(f"corpus={corpus}")
    print(f"documents={len(report.stored)} sentences={report.sentences} chars={report.chars}")
    print(f"events={report.events}")
    print(f"wall_seconds={wall:.2f}")
    print(f"chars_per_second={report.chars / wall:.0f}")
    print(f"sentences_per_second={report.sentences / wall:.1f}")


if __name__ == "__main__":
    main()
