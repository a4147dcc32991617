"""The data behind a view, as files: the events a query matches (CSV or JSON Lines, streamed
in chunks from their own cursor, with no page window) and a dyad's series (CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from fastapi.responses import Response, StreamingResponse

from kankei.analysis.series import DIRECTIONS, DyadSeries
from kankei.store import Store
from kankei.store.filters import EventQuery
from kankei.store.queries import EXPORT_COLUMNS, export_sql

CHUNK = 10_000
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
SERIES_COLUMNS = (
    "direction",
    "period",
    "events",
    "goldstein_sum",
    "goldstein_mean",
    "q1",
    "q2",
    "q3",
    "q4",
)


def _rows(store: Store, query: EventQuery, as_json: bool = False) -> Iterator[tuple[Any, ...]]:
    """The query's rows from a cursor of their own (the request's cursor closes when the
    handler returns; the stream goes on after)."""
    sql, params = export_sql(query, as_json)
    cur = store.cursor()
    try:
        result = cur.con.execute(sql, params)
        while chunk := result.fetchmany(CHUNK):
            yield from chunk
    finally:
        cur.close()


def _csv_lines(rows: Iterator[tuple[Any, ...]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
        if n % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl_lines(rows: Iterator[tuple[Any, ...]]) -> Iterator[str]:
    """Rows of one JSON object each (DuckDB writes them) joined into lines, 1,000 a chunk."""
    lines: list[str] = []
    for (record,) in rows:
        lines.append(record)
        if len(lines) == 1000:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"


def events_download(store: Store, query: EventQuery, fmt: str) -> StreamingResponse:
    """Every event the query matches, as CSV (a header row first) or JSON Lines."""
    rows = _rows(store, query, as_json=fmt == "jsonl")
    lines = _csv_lines(rows) if fmt == "csv" else _jsonl_lines(rows)
    name = f"kankei-events.{fmt}"
    return StreamingResponse(
        lines,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def series_csv(series: DyadSeries) -> Response:
    """A dyad's series, one row per direction and period."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SERIES_COLUMNS)
    for direction in DIRECTIONS:
        for point in series.direction(direction):
            record = point.to_dict()
            writer.writerow([direction, *(record[c] for c in SERIES_COLUMNS[1:])])
    name = f"kankei-series-{series.a}-{series.b}-{series.period.name}.csv"
    return Response(
        buffer.getvalue(),
        media_type=MEDIA["csv"],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
