"""Stopping an ingest: SIGTERM ends it like Ctrl-C (what was stored stays, a summary is
printed, a re-run resumes), and its parser workers never outlive it — not even a SIGKILL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kankei.store import Store

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")

TEXT = "{y}年、米国はソ連と会談し、条約に署名した。同年、ソ連は米国を非難した。\n"


def corpus(folder: Path, n: int = 80) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i:03d}.txt").write_text(TEXT.format(y=1900 + i) * 20, encoding="utf-8")
    return folder


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(c) for c in path.read_text().split()} if path.exists() else set()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def start(folder: Path, db: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """An ingest with two workers, once both are up and the first document is stored."""
    kankei = Path(sys.executable).with_name("kankei")
    args = [str(kankei), "ingest", str(folder), "--db", str(db), "-q", "-v", "--jobs", "2"]
    proc = subprocess.Popen(
        [*args, "--chunk-chars", "500"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 240
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        line = proc.stdout.readline() if len(workers) >= 2 else ""
        if line.startswith("stored"):
            return proc, workers
        time.sleep(0.05 if line else 0.5)
    proc.kill()
    pytest.fail("the ingest did not get going")


def wait_gone(pids: set[int], seconds: float = 15) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.2)
    return {p for p in pids if alive(p)}


def test_sigterm_stops_the_run_keeps_what_was_stored_and_ends_the_workers(tmp_path):
    folder, db = corpus(tmp_path / "c"), tmp_path / "k.duckdb"
    proc, workers = start(folder, db)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "run the same command again" in err
    assert not wait_gone(workers)
    with Store(db, read_only=True) as store:
        stored = store.counts()["documents"]
    assert 0 < stored < 80
    # a re-run goes on from there
    kankei = Path(sys.executable).with_name("kankei")
    rerun = subprocess.run(
        [str(kankei), "ingest", str(folder), "--db", str(db), "-q"], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} unchanged" in rerun.stdout
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 80


def test_workers_end_when_their_parent_is_killed_outright(tmp_path):
    folder, db = corpus(tmp_path / "c"), tmp_path / "k.duckdb"
    proc, workers = start(folder, db)
    proc.kill()
    proc.communicate(timeout=30)
    assert not wait_gone(workers), "workers outlived a SIGKILLed parent"
