"""Pathological inputs through `kankei ingest`: peak memory, time and what was stored.

Each case is written to a fresh folder and ingested into a fresh store by a `kankei ingest`
subprocess; its peak RSS comes from os.wait4 (that child and its own children alone). The
figures go in docs/robustness.md.

    .venv/bin/python bench/robustness.py            # the default cases (a few minutes)
    .venv/bin/python bench/robustness.py --big      # and a 20 MB document (many minutes)
    .venv/bin/python bench/robustness.py --only nesting --only unclosed
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
KANKEI = [sys.executable, "-c", "from kankei.cli import main; main()"]


def _sentence(i: int) -> str:
    # every sentence different (a document is stored once per content) and each with an
    # event, so that the parser and the coder see as much work as the text can give them
    year = 1950 + i % 60
    return f"{year}年{i % 12 + 1}月、ソ連は第{i}回の交渉で米国に抗議した。"


def big_text(mb: int) -> str:
    out: list[str] = []
    size, i = 0, 0
    while size < mb * 1_000_000:
        line = "".join(_sentence(i + k) for k in range(5)) + "\n\n"
        out.append(line)
        size += len(line.encode("utf-8"))
        i += 5
    return "".join(out)


def long_line(kb: int) -> str:
    """One line without 。: clauses joined by commas."""
    out: list[str] = []
    size, i = 0, 0
    while size < kb * 1000:
        clause = f"{1950 + i % 60}年、ソ連は米国に抗議し、"
        out.append(clause)
        size += len(clause.encode("utf-8"))
        i += 1
    return "".join(out) + "\n"


def deep_html(levels: int) -> str:
    paras = "".join(f"<p>{_sentence(i)}</p>" for i in range(20))
    return (
        "<html><head><title>深い入れ子</title></head><body>"
        f"<p>{_sentence(100)}</p>"
        + "<div>" * levels
        + paras
        + "</div>" * levels
        + f"<p>{_sentence(101)}</p></body></html>"
    )


def unclosed_html(tags: int) -> str:
    kinds = ("div", "font", "span", "b")
    body = "".join(f"<{kinds[i % 4]}><p>{_sentence(i)}</p>" for i in range(tags))
    return f"<html><head><title>閉じないタグ</title></head><body>{body}</body></html>"


def hard_wrapped(lines: int, width: int = 38) -> str:
    """A text broken every `width` characters, mid-sentence, as a mail or a scan is."""
    text = "".join(_sentence(i) for i in range(lines * width // 30 + 1))
    return "\n".join(text[k : k + width] for k in range(0, len(text), width))[: lines * (width + 1)]


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    make: Callable[[], str]
    what: str


def cases(big: int) -> list[Case]:
    out = [
        Case("long-line", "line.txt", lambda: long_line(300), "a 300 KB line without 。"),
        Case("nesting", "deep.html", lambda: deep_html(10_000), "10,000 nested <div>"),
        Case("unclosed", "open.html", lambda: unclosed_html(600), "600 unclosed tags"),
        Case("hard-wrapped", "wrapped.txt", lambda: hard_wrapped(3000), "3,000 lines of 38"),
    ]
    if big:
        out.insert(0, Case(f"{big}MB", "big.txt", lambda: big_text(big), f"a {big} MB document"))
    return out


@dataclass(frozen=True)
class Result:
    case: Case
    size: int
    rc: int
    seconds: float
    peak_mb: float
    sentences: int | None
    events: int | None
    last_line: str


def run(case: Case, timeout: float) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"kankei-robust-{case.name}-") as tmp:
        path = Path(tmp) / case.file
        path.write_text(case.make(), encoding="utf-8")
        db = Path(tmp) / "store.duckdb"
        log = Path(tmp) / "output.txt"
        started = time.perf_counter()
        with log.open("w") as out:  # (a file, not a pipe: a full pipe would stop the child)
            proc = subprocess.Popen(
                [*KANKEI, "ingest", str(path), "--db", str(db), "-q"],
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
            rc, usage = _wait(proc, started + timeout)
        seconds = time.perf_counter() - started
        output = log.read_text(errors="replace")
        sentences, events = _stored(db)
        lines = [line for line in output.splitlines() if line.strip()]
        return Result(
            case,
            path.stat().st_size,
            rc,
            seconds,
            usage / 1024,  # ru_maxrss is in KiB on Linux
            sentences,
            events,
            lines[-1] if lines else "",
        )


def _wait(proc: subprocess.Popen[bytes], deadline: float) -> tuple[int, int]:
    """Exit code and peak RSS (KiB) of the child; killed at the deadline (rc -9)."""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss
        if time.perf_counter() > deadline:
            proc.kill()
        time.sleep(0.05)


def _stored(db: Path) -> tuple[int | None, int | None]:
    if not db.exists():
        return None, None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            sentences = con.execute("SELECT count(*) FROM sentences").fetchone()
            events = con.execute("SELECT count(*) FROM events").fetchone()
    except duckdb.Error:
        return None, None
    return (sentences[0] if sentences else None), (events[0] if events else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--big",
        type=int,
        nargs="?",
        const=20,
        default=0,
        metavar="MB",
        help="add a document of MB megabytes (20 when no size is given; many minutes)",
    )
    ap.add_argument("--only", action="append", help="run only this case (repeatable)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per case")
    args = ap.parse_args()
    chosen = [c for c in cases(args.big) if not args.only or c.name in args.only]
    print("| case | input | size | exit | wall s | peak RSS MB | sentences | events |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for case in chosen:
        r = run(case, args.timeout)
        print(
            f"| {case.name} | {case.what} | {r.size / 1e6:.2f} MB | {r.rc} | {r.seconds:.1f}"
            f" | {r.peak_mb:.0f} | {r.sentences if r.sentences is not None else '–'}"
            f" | {r.events if r.events is not None else '–'} |",
            flush=True,
        )
        if r.rc != 0:
            print(f"<!-- {case.name}: {r.last_line} -->", flush=True)


if __name__ == "__main__":
    main()
