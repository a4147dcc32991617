from pathlib import Path

import pytest

from kankei.engines import ingest
from kankei.errors import StoreError
from kankei.settings import Settings
from kankei.store import Store
from kankei.store.db import EventFilter

TEXT_V1 = "1933年11月、米国はソ連を承認した。1941年6月、ドイツがソ連に侵攻した。\n"
TEXT_V2 = "1979年12月、ソ連はアフガニスタンに侵攻した。\n"


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def test_reingest_is_idempotent_and_changed_files_replace_events(write, tmp_path):
    path = write("doc.txt", TEXT_V1)
    db = tmp_path / "k.duckdb"
    settings = Settings(db=db)
    first = ingest([path], settings)
    assert first.exit_code == 0 and len(first.stored) == 1
    before = counts(db)
    assert before["documents"] == 1 and before["events"] >= 2
    again = ingest([path], settings)
    assert again.unchanged == [str(path)] and not again.stored
    assert counts(db) == before
    path.write_text(TEXT_V2, encoding="utf-8")
    ingest([path], settings)
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        rows = store.export_rows()
    assert {(r["source"], r["target"], r["root"]) for r in rows} == {("SUN", "AFG", "19")}


def test_same_content_under_two_names_is_stored_once(write, tmp_path):
    a = write("a.txt", TEXT_V1)
    b = write("copy/b.txt", TEXT_V1)
    report = ingest([a, b], Settings(db=tmp_path / "k.duckdb"))
    assert len(report.stored) == 1 and len(report.unchanged) == 1
    assert counts(tmp_path / "k.duckdb")["documents"] == 1


def test_a_folder_mixing_good_and_bad_files(write, tmp_path):
    write("in/good.txt", TEXT_V1)
    write("in/sjis.txt", TEXT_V2, encoding="cp932")
    write("in/empty.txt", b"")
    write("in/binary.html", bytes(range(256)) * 20)
    report = ingest([tmp_path / "in"], Settings(db=tmp_path / "k.duckdb"))
    assert len(report.stored) == 2
    assert sorted(Path(p).name for p, _ in report.failed) == ["binary.html", "empty.txt"]
    assert all(Path(p).name in msg for p, msg in report.failed)
    assert report.exit_code == 1
    assert counts(tmp_path / "k.duckdb")["documents"] == 2


def test_nothing_stored_exits_2(write, tmp_path):
    report = ingest([write("empty.txt", b"")], Settings(db=tmp_path / "k.duckdb"))
    assert report.exit_code == 2


def test_a_document_over_50_kb_is_parsed_whole(write, tmp_path):
    para = "1962年10月、米国はキューバを海上封鎖した。ソ連はミサイルの撤去に応じた。" * 20 + "\n"
    path = write("long.txt", para * 30)
    assert path.stat().st_size > 50_000
    db = tmp_path / "k.duckdb"
    report = ingest([path], Settings(db=db))
    assert report.exit_code == 0
    with Store(db, read_only=True) as store:
        last = max(r["sent_end"] for r in store.export_rows())
    assert last > len(para * 29)  # events come from the end of the document too


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert "missing.duckdb" in info.value.message


def test_filters_are_parameters_not_sql(write, tmp_path):
    db = tmp_path / "k.duckdb"
    ingest([write("doc.txt", TEXT_V1)], Settings(db=db))
    with Store(db, read_only=True) as store:
        assert store.export_rows(EventFilter(source="USA' OR '1'='1")) == []
        assert all(r["source"] == "USA" for r in store.export_rows(EventFilter(source="USA")))


def test_an_internal_failure_on_one_document_spares_the_others(write, tmp_path, monkeypatch):
    from kankei.nlp.parser import Parser

    original = Parser.parse

    # documents are parsed together: the one that breaks the stream must be told apart
    def flaky(self, sentences):
        sentences = list(sentences)
        if any("アフガニスタン" in s.text for s in sentences):
            raise RuntimeError("parser crashed")
        return original(self, sentences)

    monkeypatch.setattr(Parser, "parse", flaky)
    write("in/good.txt", TEXT_V1)
    write("in/bad.txt", TEXT_V2)
    db = tmp_path / "k.duckdb"
    report = ingest([tmp_path / "in"], Settings(db=db))
    assert report.exit_code == 1
    assert [Path(p).name for p, _ in report.failed] == ["bad.txt"]
    assert "parser crashed" in report.failed[0][1]
    assert counts(db)["documents"] == 1


def test_a_document_with_no_stated_date_is_dated_by_its_latest_event(write, tmp_path):
    text = "1990年8月、イラクはクウェートに侵攻した。\n翌年1月、米国はイラクを攻撃した。\n今年、両国は会談した。\n"
    db = tmp_path / "k.duckdb"
    ingest([write("d.txt", text)], Settings(db=db))
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT doc_date, doc_date_source FROM documents").fetchone()
    assert row == ("1990-08", "evidence:latest-event")
