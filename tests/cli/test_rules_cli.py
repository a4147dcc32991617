"""Rules as data on the command line: `kankei rules`, `ingest --disable-rule`, the export's
`rules` field."""

import csv
import io
import json

from click.testing import CliRunner

from kankei.cli import cli
from kankei.extract.order import all_rule_ids
from tests.conftest import EXAMPLES


def ingest(tmp_path, *extra):
    db = tmp_path / "k.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db), "-q", *extra])
    assert result.exit_code == 0, result.output
    return db


def export(db, fmt="jsonl"):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


def test_rules_lists_every_id_in_order():
    result = CliRunner().invoke(cli, ["rules", "--ids"])
    assert result.exit_code == 0
    assert result.output.split() == list(all_rule_ids())
    table = CliRunner().invoke(cli, ["rules"]).output
    assert "source.subject" in table and "→" in table


def test_the_export_names_the_rules_that_fired(tmp_path):
    db = ingest(tmp_path)
    rows = [json.loads(line) for line in export(db).splitlines()]
    assert rows and all(isinstance(r["rules"], list) and r["rules"] for r in rows)
    assert all(r["rules"][0].startswith("predicate.") for r in rows)
    assert any("source.subject" in r["rules"] for r in rows)
    cells = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    assert cells[0]["rules"] == " ".join(rows[0]["rules"])


def test_a_switched_off_rule_changes_what_is_coded(tmp_path):
    (tmp_path / "on").mkdir()
    (tmp_path / "off").mkdir()
    on = [json.loads(x) for x in export(ingest(tmp_path / "on")).splitlines()]
    off_db = ingest(tmp_path / "off", "--disable-rule", "source.subject")
    off = [json.loads(x) for x in export(off_db).splitlines()]
    assert len(off) < len(on)
    assert not any("source.subject" in r["rules"] for r in off)


def test_an_unknown_rule_id_is_refused_before_anything_is_written(tmp_path):
    db = tmp_path / "k.duckdb"
    result = CliRunner().invoke(
        cli, ["ingest", str(EXAMPLES), "--db", str(db), "--disable-rule", "source.nope"]
    )
    assert result.exit_code != 0
    assert "unknown rule id" in result.output and "source.nope" in result.output
    assert not db.exists()
