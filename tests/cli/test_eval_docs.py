"""`kankei eval` with a document list: predictions in listed documents without gold count."""

import json

import pytest
from click.testing import CliRunner

from kankei.cli import cli
from tests.conftest import EXAMPLES

GOLD = {
    "doc": "encyclopedia_us_soviet.txt",
    "sentence": "1933年11月、フランクリン・ルーズベルト大統領の政権はソ連を正式に承認し、両国は外交関係を樹立した[2]。",
    "date": "1933-11",
    "source": "USA",
    "target": "SUN",
    "root": "05",
    "predicate": "承認",
    "note": "recognition",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("evaldocs") / "k.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "split.jsonl"
    path.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def predicted(db, *args):
    result = CliRunner().invoke(cli, ["eval", *map(str, args), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_listed_documents_without_gold_add_false_events(db, gold, tmp_path):
    alone = predicted(db, gold)
    docs = tmp_path / "list.txt"
    docs.write_text("encyclopedia_us_soviet.txt\nnews_inf_treaty.md\n", encoding="utf-8")
    listed = predicted(db, gold, "--docs", docs)
    assert listed["documents"] == 2 and alone["documents"] == 1
    assert listed["strict"]["predicted"] > alone["strict"]["predicted"]
    assert listed["strict"]["tp"] == alone["strict"]["tp"] == 1
    assert listed["strict"]["precision"] < alone["strict"]["precision"]


def test_the_list_beside_the_gold_file_is_read_by_default(db, gold):
    gold.with_suffix(".docs").write_text(
        "# the split\nencyclopedia_us_soviet.txt\n\nnews_inf_treaty.md\n", encoding="utf-8"
    )
    assert predicted(db, gold)["documents"] == 2


def test_a_listed_document_missing_from_the_store_is_named(db, gold, tmp_path):
    docs = tmp_path / "list.txt"
    docs.write_text("encyclopedia_us_soviet.txt\nnot_ingested.txt\n", encoding="utf-8")
    scores = predicted(db, gold, "--docs", docs)
    assert scores["missing"] == ["not_ingested.txt"]
    result = CliRunner().invoke(cli, ["eval", str(gold), "--docs", str(docs), "--db", str(db)])
    assert "not_ingested.txt" in result.output and "not in the store" in result.output
