from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.analysis.evaluate import evaluate, from_rows, load_gold
from kankei.cli.common import db_option
from kankei.store import Store
from kankei.store.db import EventFilter


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: Path, db: Path, as_json: bool) -> None:
    """Score the stored events (asserted, not negated) against a gold JSONL file."""
    gold_records = load_gold(gold)
    docs = {g.doc for g in gold_records}
    with Store(db, read_only=True) as store:
        rows = [r for r in store.export_rows(EventFilter(asserted_only=True)) if r["doc"] in docs]
    report = evaluate(from_rows(rows), gold_records)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    table = Table(title=f"{gold.name}: {len(gold_records)} gold, {len(rows)} predicted")
    for col in ("view", "precision", "recall", "F1", "matched"):
        table.add_column(col, justify="right")
    for s in report.scores:
        table.add_row(s.view, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp))
    console = Console()
    console.print(table)
    console.print(
        f"date accuracy: strict {report.date_accuracy_strict:.3f} "
        f"(over {report.date_matches_strict} matches), root-only {report.date_accuracy_root:.3f} "
        f"(over {report.date_matches_root})"
    )
