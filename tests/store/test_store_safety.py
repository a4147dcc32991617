"""A store is kankei's own: a foreign DuckDB file is refused untouched; a store another process
holds, or a missing one, gets a message that says what to do."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from kankei.errors import StoreError
from kankei.store import Store


def foreign(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (region VARCHAR, amount INTEGER)")
    con.execute("INSERT INTO sales VALUES ('north', 3)")
    con.close()
    return path


def tables(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return sorted(
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        )
    finally:
        con.close()


def test_a_foreign_duckdb_file_is_refused_and_left_untouched(tmp_path):
    db = foreign(tmp_path / "sales.duckdb")
    with pytest.raises(StoreError, match="not a kankei store"):
        Store(db)
    assert tables(db) == ["sales"]  # no kankei table was written into it
    with pytest.raises(StoreError, match="not a kankei database"):
        Store(db, read_only=True)


def test_an_empty_duckdb_file_becomes_a_store(tmp_path):
    db = tmp_path / "new.duckdb"
    duckdb.connect(str(db)).close()
    with Store(db) as store:
        assert store.counts() == {"documents": 0, "sentences": 0, "events": 0}


def test_a_store_another_process_holds_is_named_so(tmp_path):
    db = tmp_path / "k.duckdb"
    with Store(db):
        code = (
            "import sys\nfrom pathlib import Path\nfrom kankei.errors import StoreError\n"
            "from kankei.store import Store\n"
            f"try:\n    Store(Path({str(db)!r}))\nexcept StoreError as e:\n    print(e.message)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "another process holds this store" in out.stdout
    assert "-readonly" not in out.stdout


def test_the_missing_default_store_points_to_make_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    Store(tmp_path / "out" / "kankei.duckdb").close()
    with pytest.raises(StoreError, match=r"pass --db out/kankei.duckdb"):
        Store(Path("kankei.duckdb"), read_only=True)
