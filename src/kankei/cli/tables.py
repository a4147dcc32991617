"""Rich tables shared by several commands."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def series_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=title)
    for col in ("period", "events", "Σ Goldstein", "mean", "Q1", "Q2", "Q3", "Q4"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(
            str(r["period"]),
            str(r["events"]),
            f"{r['goldstein_sum']:+.1f}",
            "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}",
            str(r["q1"]),
            str(r["q2"]),
            str(r["q3"]),
            str(r["q4"]),
        )
    return table
