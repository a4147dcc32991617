"""Documents per second of the local engine at 1 and 2 processes and of Ray at 2 workers.

Usage: python bench/scaling.py [CORPUS_DIR]

The corpus (default ../shared/bench-corpus) is cut into about 2,000 documents in a temporary
folder: each article at its section headings (lines starting with #), and a section longer
than PIECE_CHARS characters further at line ends. Each engine ingests the folder into a fresh
store in a fresh process (start-up, model loading and for Ray starting a local instance with
2 CPUs, all included). Prints documents/s and the scaling efficiency: the speed-up over one
process divided by the number of processes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PIECE_CHARS = 480  # gives about 2,000 documents from the 39 articles
KANKEI = [sys.executable, "-c", "from kankei.cli import main; main()"]


def sections(text: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") and current:
            out.append("".join(current))
            current = []
        current.append(line)
    if current:
        out.append("".join(current))
    return out


def pieces(section: str, max_chars: int) -> list[str]:
    out: list[str] = []
    current = ""
    for line in section.splitlines(keepends=True):
        if current.strip() and len(current) + len(line) > max_chars:
            out.append(current)
            current = ""
        current += line
    if current.strip():
        out.append(current)
    return out


def split_corpus(corpus: Path, folder: Path) -> tuple[int, int]:
    """Write the documents; return their number and characters."""
    count = chars = 0
    for article in sorted(corpus.glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        parts = [p for s in sections(text) for p in pieces(s, PIECE_CHARS)]
        for i, part in enumerate(parts):
            (folder / f"{article.stem}_{i:04d}.txt").write_text(part, encoding="utf-8")
            count += 1
            chars += len(part)
    return count, chars


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr}")
    print(f"  {proc.stdout.strip()}")
    return time.perf_counter() - started


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "bench-corpus"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        count, chars = split_corpus(corpus, folder)
        print(f"corpus={corpus.name} documents={count} chars={chars}")
        runs = {
            "local, 1 process": ["--jobs", "1"],
            "local, 2 processes": ["--jobs", "2"],
            "ray, 2 workers": ["--engine", "ray", "--jobs", "2"],
        }
        rates: dict[str, float] = {}
        for i, (name, extra) in enumerate(runs.items()):
            db = f"{tmp}/run{i}.duckdb"
            wall = timed([*KANKEI, "ingest", str(folder), "--db", db, "-q", *extra])
            rates[name] = count / wall
            print(f"{name}: {wall:.1f} s, {rates[name]:.1f} documents/s")
        base = rates["local, 1 process"]
        for name in ("local, 2 processes", "ray, 2 workers"):
            print(f"scaling efficiency, {name}: {rates[name] / base / 2:.2f}")


if __name__ == "__main__":
    main()
