import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kankei.engines import ingest
from kankei.engines.local import Pending, chunks
from kankei.model import Document
from kankei.pipeline import Reader
from kankei.settings import Settings
from kankei.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"

# one short document per year: distinct texts, each holding events
EVENTS = [
    "{y}年3月、米国はソ連を承認した。",
    "同年5月、ドイツがポーランドに侵攻した。",
    "{y}年6月、日本と中国は会談を行った。",
    "英国の首相は同月、フランスを訪問した。",
    "その後、ソ連はフィンランドに宣戦布告した。",
]


def many_documents(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        y = 1900 + i
        text = "".join(s.format(y=y) for s in EVENTS) + "\n"
        path = folder / f"doc{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def rows(db: Path) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.export_rows()


def test_chunks_are_bounded():
    docs = [
        Pending(None, Document(f"d{i}", f"p{i}", f"p{i}", "txt", "utf-8", "x" * 10))
        for i in range(25)
    ]
    sizes = [len(c) for c in chunks(iter(docs), max_chars=35, max_docs=64)]
    assert sizes == [4] * 6 + [1]
    assert [len(c) for c in chunks(iter(docs), max_chars=10**6, max_docs=10)] == [10, 10, 5]


@pytest.mark.slow
def test_jobs_2_gives_the_events_of_one_process(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    one = ingest([folder], Settings(db=tmp_path / "one.duckdb"))
    two = ingest([folder], Settings(db=tmp_path / "two.duckdb", jobs=2, chunk_chars=4000))
    assert one.stored == two.stored and one.events == two.events > 0
    assert one.failed == two.failed and len(one.failed) == 1
    assert rows(tmp_path / "one.duckdb") == rows(tmp_path / "two.duckdb")


@pytest.mark.slow
def test_an_unchanged_file_is_skipped_without_reading_it(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = many_documents(folder, 2)
    old = time.time() - 3600  # not modified in the instant it was stored ("racily clean")
    for p in (a, b):
        os.utime(p, (old, old))
    db = tmp_path / "k.duckdb"
    assert len(ingest([folder], Settings(db=db)).stored) == 2
    # same size, new mtime: read again, found stored by its content hash
    os.utime(b, (old + 60, old + 60))
    read: list[str] = []
    original = Reader.read

    def spy(self, path):
        read.append(path.name)
        return original(self, path)

    monkeypatch.setattr(Reader, "read", spy)
    again = ingest([folder], Settings(db=db))
    assert read == [b.name] and sorted(again.unchanged) == [str(a), str(b)]
    # now b is recorded with its new mtime: nothing is read
    read.clear()
    monkeypatch.setattr("kankei.engines.local.Pipeline", lambda s: pytest.fail("parser loaded"))
    ingest([folder], Settings(db=db))
    assert read == []


def test_a_killed_ingest_resumes_without_duplicates(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = many_documents(folder, 30)
    db = tmp_path / "k.duckdb"
    # one document per chunk, so that documents are stored while others still wait
    cmd = [
        sys.executable,
        "-c",
        "from kankei.cli import main; main()",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--chunk-chars",
        "1",
        "-q",
        "-v",
    ]
    stored_before = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("stored "):
                stored_before.append(line.split(" ", 1)[1].strip())
            if len(stored_before) == 5:
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as store:
        docs = store.con.execute("SELECT path, n_sentences FROM documents").fetchall()
        per_doc = dict(
            store.con.execute("SELECT doc_id, count(*) FROM sentences GROUP BY doc_id").fetchall()
        )
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()]
    # a kill leaves whole documents only: every stored one has all its sentences
    assert 5 <= len(docs) < len(paths)
    assert {p for p, _ in docs} >= set(stored_before)
    assert sorted(per_doc.values()) == sorted(n for _, n in docs)
    assert set(per_doc) == set(ids)

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    statuses = dict(reversed(line.split(" ", 1)) for line in again.stdout.splitlines()[:-1])
    assert {p for p, s in statuses.items() if s == "unchanged"} == {p for p, _ in docs}
    assert len(statuses) == len(paths)
    with Store(db, read_only=True) as store:
        n_docs, n_paths = store.con.execute(
            "SELECT count(*), count(DISTINCT path) FROM documents"
        ).fetchone()
        n_events, n_ids = store.con.execute(
            "SELECT count(*), count(DISTINCT id) FROM events"
        ).fetchone()
    assert n_docs == n_paths == len(paths)
    assert n_events == n_ids > 0
    # the same store as one uninterrupted run
    clean = tmp_path / "clean.duckdb"
    ingest([folder], Settings(db=clean))
    assert rows(db) == rows(clean)
