"""The reference corpus, scored against the hand-coded gold (needs ../shared)."""

import json

from click.testing import CliRunner

from kankei.cli import cli

# Set from the measured value (see the README); a drop below it is a regression.
STRICT_F1_FLOOR = 0.47


def test_reference_corpus_against_gold(shared, tmp_path):
    db = tmp_path / "ref.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(shared / "corpus"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["eval", str(shared / "gold" / "seed_events.jsonl"), "--db", str(db), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["strict"]["gold"] == 185
    assert scores["strict"]["f1"] >= STRICT_F1_FLOOR
