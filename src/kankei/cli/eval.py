from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kankei.analysis.evaluate import (
    doc_list_beside,
    load_doc_list,
    load_gold,
    score_rows,
    scored_documents,
)
from kankei.cli.common import db_option
from kankei.store import Store
from kankei.store.db import EventFilter


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--docs",
    "docs_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Documents the gold file covers, one name a line, also those without gold events "
    "(their predictions count as false events) [default: GOLD with the suffix .docs, "
    "if it exists; else the gold file's own documents].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold: Path, db: Path, docs_file: Path | None, as_json: bool) -> None:
    """Score the stored events (asserted, not negated) against a gold JSONL file."""
    gold_records = load_gold(gold)
    docs_file = docs_file or doc_list_beside(gold)
    listed = load_doc_list(docs_file) if docs_file else []
    docs = scored_documents(gold_records, listed)
    with Store(db, read_only=True) as store:
        rows = store.export_rows(EventFilter(asserted_only=True))
        stored = store.document_names() if docs_file else docs
    report, n_pred = score_rows(rows, gold_records, listed)
    missing = sorted(docs - stored)
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "documents": len(docs), "missing": missing}))
        return
    title = f"{gold.name}: {len(docs)} documents, {len(gold_records)} gold, {n_pred} predicted"
    table = Table(title=title)
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
    if missing:
        console.print(
            f"[yellow]warning[/yellow]: {len(missing)} listed document(s) not in the store "
            f"(scored as if kankei found nothing): {', '.join(missing[:5])}"
            + (" …" if len(missing) > 5 else ""),
            highlight=False,
        )
