"""A store written by an older kankei is migrated when it is opened for writing."""

import duckdb
import pytest

from kankei.errors import StoreError
from kankei.store import Store
from kankei.store.schema import SCHEMA_VERSION


def as_version_3(path):
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX events_dyad")
    con.execute("ALTER TABLE events DROP COLUMN rules")
    con.execute("CREATE INDEX events_dyad ON events (source, target, year)")
    con.execute("ALTER TABLE documents DROP COLUMN coded_with")
    con.execute("ALTER TABLE sentences DROP COLUMN source")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()


def test_a_version_3_store_gains_the_rules_column(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    as_version_3(path)
    with pytest.raises(StoreError, match="a write"):
        Store(path, read_only=True).close()
    with Store(path) as store:
        version = store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        assert version == (str(SCHEMA_VERSION),)
        columns = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
        assert "rules" in columns
        columns = [r[0] for r in store.con.execute("DESCRIBE documents").fetchall()]
        assert columns[-1] == "coded_with"
        columns = [r[0] for r in store.con.execute("DESCRIBE sentences").fetchall()]
        assert columns[-1] == "source"
    with Store(path, read_only=True) as store:
        assert store.export_rows() == []


def test_sentences_stored_without_their_source_get_it_on_open(tmp_path):
    from tests.synthetic import build_store

    db = build_store(tmp_path / "s.duckdb", {"a.txt": [{"date": "1962", "code": "111"}] * 3})
    with Store(db) as store:  # as an older kankei left them
        store.con.execute("UPDATE sentences SET source = NULL")
    with Store(db) as store:
        rows = store.con.execute(
            "SELECT s.source, substr(d.text, s.start_char + 1, s.end_char - s.start_char)"
            " FROM sentences s JOIN documents d USING (doc_id)"
        ).fetchall()
    assert len(rows) == 3 and all(source == piece for source, piece in rows)
