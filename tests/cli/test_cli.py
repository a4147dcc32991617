import csv
import io
import json

import pytest
from click.testing import CliRunner

from kankei.cli import cli
from tests.conftest import EXAMPLES

REQUIRED = [
    "id",
    "doc",
    "sentence",
    "sent_start",
    "sent_end",
    "date",
    "date_text",
    "source",
    "target",
    "source_text",
    "target_text",
    "code",
    "root",
    "goldstein",
    "quad_class",
    "plover",
    "predicate",
    "negated",
    "confidence",
    "rule",
    "rules",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "k.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert "stored 3 document(s)" in result.output
    return path


def test_export_jsonl_has_the_fields_and_original_sentences(db):
    result = CliRunner().invoke(cli, ["export", "--db", str(db)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows
    for row in rows:
        assert all(k in row for k in REQUIRED)
        assert len(row["code"]) in (2, 3, 4) and row["root"] == row["code"][:2]
        assert row["quad_class"] in (1, 2, 3, 4)
        text = (EXAMPLES / row["doc"]).read_text(encoding="utf-8")
        assert text[row["sent_start"] : row["sent_end"]] == row["sentence"]


def test_export_csv_and_parquet(db, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and set(REQUIRED) <= set(rows[0])
    out = tmp_path / "e.parquet"
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", "parquet", "--out", str(out)]
    )
    assert result.exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == len(rows)


def test_events_table_filters(db):
    result = CliRunner().invoke(
        cli, ["events", "--db", str(db), "--source", "USA", "--from", "1980", "--root", "05"]
    )
    assert result.exit_code == 0
    assert "USA" in result.output and "event(s)" in result.output


def test_series_by_year(db):
    result = CliRunner().invoke(cli, ["series", "USA", "SUN", "--db", str(db)])
    assert result.exit_code == 0
    assert "USA → SUN" in result.output and "1933" in result.output


def test_summary(db):
    result = CliRunner().invoke(cli, ["summary", "--db", str(db)])
    assert result.exit_code == 0
    assert "events per CAMEO root" in result.output


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "none.duckdb" in result.output and "kankei ingest" in result.output


def test_parquet_needs_out(db):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


def test_bad_doc_date_is_rejected(tmp_path):
    result = CliRunner().invoke(
        cli,
        ["ingest", str(EXAMPLES), "--doc-date", "yesterday", "--db", str(tmp_path / "x.duckdb")],
    )
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_ingest_reports_skipped_files_and_exit_status(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("1933年、米国はソ連を承認した。", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.duckdb"), "-q"]
    )
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "binary" in result.output


def test_eval_json(db, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc": "encyclopedia_us_soviet.txt",
                "sentence": "1933年11月、フランクリン・ルーズベルト大統領の政権はソ連を正式に承認し、両国は外交関係を樹立した[2]。",
                "date": "1933-11",
                "source": "USA",
                "target": "SUN",
                "root": "05",
                "predicate": "承認",
                "note": "recognition",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", str(gold), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["strict"]["gold"] == 1
    assert scores["strict"]["recall"] == 1.0
    assert scores["date_accuracy"]["strict"] == 1.0


def test_actors_and_unknown_names(db):
    result = CliRunner().invoke(cli, ["actors", "--db", str(db)])
    assert result.exit_code == 0 and "USA" in result.output
    result = CliRunner().invoke(cli, ["actors", "--unknown", "--db", str(db)])
    assert result.exit_code == 0 and "uncoded names" in result.output
