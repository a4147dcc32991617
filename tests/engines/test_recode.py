"""Re-coding: a document is coded again when what it was coded with changes (a document date,
the user's dictionaries, an older kankei), on a new ingest of its file or from the store with
`kankei ingest --recode`; `kankei summary` says when documents were coded by another kankei."""

import pytest
from click.testing import CliRunner

from kankei.cli import cli
from kankei.store import Store

NEWS = "今年4月、米国はソ連を非難した。\n"
ACTORS = """version: "1"
source: "test"
licence: "test"
entries:
  - type: state
    code: ZZA
    names: [ザンガリア]
"""
WITH_NEW_NAME = "1990年、ザンガリアは米国を非難した。\n"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def events(db):
    with Store(db, read_only=True) as store:
        return {(r["source"], r["target"], r["date"]) for r in store.export_rows()}


def test_a_new_document_date_recodes_a_stored_document(tmp_path):
    doc, db = tmp_path / "news.txt", tmp_path / "k.duckdb"
    doc.write_text(NEWS, encoding="utf-8")
    run("ingest", str(doc), "--db", str(db), "-q", "--doc-date", "1980-06-01")
    assert events(db) == {("USA", "SUN", "1980-04")}
    again = run("ingest", str(doc), "--db", str(db), "-q", "--doc-date", "1980-06-01")
    assert "1 unchanged" in again
    changed = run("ingest", str(doc), "--db", str(db), "-q", "--doc-date", "1983-06-01")
    assert "stored 1 document(s)" in changed
    assert events(db) == {("USA", "SUN", "1983-04")}


def test_a_users_dictionary_recodes_a_stored_document(tmp_path):
    doc, db = tmp_path / "a.txt", tmp_path / "k.duckdb"
    doc.write_text(WITH_NEW_NAME, encoding="utf-8")
    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    run("ingest", str(doc), "--db", str(db), "-q")
    assert not any(source == "ZZA" for source, _, _ in events(db))
    run("ingest", str(doc), "--db", str(db), "-q", "--actors", str(actors))
    assert ("ZZA", "USA", "1990") in events(db)


def test_recode_codes_again_what_an_older_kankei_stored(tmp_path):
    doc, db = tmp_path / "a.txt", tmp_path / "k.duckdb"
    doc.write_text("1990年、ソ連は米国を非難した。\n", encoding="utf-8")
    run("ingest", str(doc), "--db", str(db), "-q")
    with Store(db) as store:  # as an older kankei left it: other events, another stamp
        store.con.execute("UPDATE documents SET coded_with = '0.1.0+old'")
        store.con.execute("DELETE FROM events")
    doc.unlink()  # the store's own text is enough
    warned = run("summary", "--db", str(db))
    assert "1 of 1 documents were coded by another kankei version" in warned
    out = run("ingest", "--recode", "--db", str(db), "-q")
    assert "re-coded 1 document(s)" in out
    assert events(db) == {("SUN", "USA", "1990")}
    assert "re-coded 0 document(s)" in run("ingest", "--recode", "--db", str(db), "-q")
    assert "another kankei version" not in run("summary", "--db", str(db))


@pytest.mark.parametrize("args", [["--recode", "x.txt"], []])
def test_recode_takes_no_paths_and_ingest_needs_some(tmp_path, args):
    (tmp_path / "x.txt").write_text(NEWS, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", *[str(tmp_path / a) if a.endswith(".txt") else a for a in args]]
    )
    assert result.exit_code == 2 and "--recode alone" in result.output
