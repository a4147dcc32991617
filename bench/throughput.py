"""Throughput of the naive GiNZA pipeline against `kankei ingest`, and F1 with and without the
fast path.

Usage: python bench/throughput.py [CORPUS_DIR]

On a fixed sample of about 150,000 characters (the corpus's files in name order until the
sample holds that much; default corpus ../shared/bench-corpus, else ../shared/corpus), in
one run:

  (a) raw `ja_ginza` `nlp.pipe` with all its components (NER included), batch 32, over the
      sample's non-empty lines (model loading timed, as in (b));
  (b) `kankei ingest` of the sample, end to end in one process (a fresh process: start-up,
      model loading and writing the store included);
  (c) the same with `--jobs 2`.

Characters/s count the sample's decoded characters, sentences/s the sentences kankei finds in
it, for all three. Then strict F1 on the reference gold with the fast path and with
`--no-fast-path` (every sentence parsed with the full pipeline). The last line is
`speedup=<(b)/(a)>`.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_CHARS = 150_000
KANKEI = [sys.executable, "-c", "from kankei.cli import main; main()"]


def sample_files(corpus: Path) -> list[Path]:
    files, size = [], 0
    for path in sorted(corpus.glob("*.txt")):
        if size >= SAMPLE_CHARS:
            break
        files.append(path)
        size += len(path.read_text(encoding="utf-8"))
    return files


def raw_ginza(folder: Path) -> float:
    """Seconds to load ja_ginza with every component and run nlp.pipe over the sample's
    lines (kankei's (b) includes its own start-up and model loading too)."""
    from kankei.nlp.parser import _fit

    lines = [
        _fit(line)
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    started = time.perf_counter()
    import spacy

    nlp = spacy.load("ja_ginza")
    for _ in nlp.pipe(lines, batch_size=32):
        pass
    return time.perf_counter() - started


def run(args: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MiB; the largest of the process and the children it waited
    for) and stdout of a command."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed:\n{err.read()}")
        return wall, usage.ru_maxrss // 1024, out.read()


def strict_f1(db: Path) -> float:
    gold = SHARED / "gold" / "seed_events.jsonl"
    _, _, out = run([*KANKEI, "eval", str(gold), "--db", str(db), "--json"])
    return float(json.loads(out)["strict"]["f1"])


def main() -> None:
    default = SHARED / "bench-corpus"
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not corpus.is_dir():
        corpus = SHARED / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sample"
        folder.mkdir()
        for path in sample_files(corpus):
            shutil.copy(path, folder / path.name)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))
        print(f"corpus={corpus} sample_files={len(list(folder.glob('*.txt')))} chars={chars}")

        wall_a = raw_ginza(folder)
        rss_a = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        wall_b, rss_b, out_b = run(
            [*KANKEI, "ingest", str(folder), "--db", f"{tmp}/b.duckdb", "-q"]
        )
        sentences = int(out_b.split(" document(s), ")[1].split(" sentences")[0])
        wall_c, rss_c, _ = run(
            [*KANKEI, "ingest", str(folder), "--db", f"{tmp}/c.duckdb", "-q", "--jobs", "2"]
        )
        for name, wall, rss in (
            ("(a) raw ja_ginza nlp.pipe, all components", wall_a, rss_a),
            ("(b) kankei ingest, one process", wall_b, rss_b),
            ("(c) kankei ingest --jobs 2", wall_c, rss_c),
        ):
            print(
                f"{name}: {wall:.1f} s, {chars / wall:,.0f} chars/s, "
                f"{sentences / wall:.1f} sentences/s, peak RSS {rss} MiB"
            )
        print(f"ratio (b)/(a)={wall_a / wall_b:.2f} (c)/(b)={wall_b / wall_c:.2f}")

        reference = SHARED / "corpus"
        if reference.is_dir() and (SHARED / "gold" / "seed_events.jsonl").is_file():
            run([*KANKEI, "ingest", str(reference), "--db", f"{tmp}/fast.duckdb", "-q"])
            slow_args = ["--db", f"{tmp}/slow.duckdb", "-q", "--no-fast-path"]
            run([*KANKEI, "ingest", str(reference), *slow_args])
            fast, slow = strict_f1(Path(tmp, "fast.duckdb")), strict_f1(Path(tmp, "slow.duckdb"))
            print(f"strict F1 on the reference gold: fast path {fast:.3f}, without {slow:.3f}")
    print(f"speedup={wall_a / wall_b:.2f}")


if __name__ == "__main__":
    main()
