"""Read-only queries behind the analysis, the HTTP API and the report.

Every value from a caller travels as a bound parameter; the only text spliced into SQL comes
from the closed choices below (period expressions, sort keys), never from the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from kankei.errors import NotFound, QueryError
from kankei.store.db import Store
from kankei.store.filters import EventQuery, event_where

Direction = Literal["ab", "ba", "both"]

_WINDOW = re.compile(r"(\d{1,3})y")

# what a page of events carries; the documents' part (name, title, the sentence as it stands
# in the text) is looked up for the picked rows only
_EVENT_COLUMNS = """
    e.id, e.doc_id, e.sentence_index, e.sent_start, e.sent_end,
    e.date, e.date_text, e.date_precision, e.date_start, e.date_end, e.year,
    e.source, e.target, e.source_text, e.target_text, e.source_agent, e.target_agent,
    e.code, e.root, e.goldstein, e.quad_class, e.plover,
    e.predicate, e.pred_start, e.pred_end, e.negated, e.mode, e.confidence, e.rule,
    e.rules
"""

# the order needs only the events table, so a page is chosen before any join
_ORDER = "e.year NULLS LAST, e.date NULLS LAST, e.doc_id, e.sent_start, e.pred_start, e.id"


@dataclass(frozen=True)
class Period:
    """How events are grouped in time: by year, by month, or in windows of N years."""

    unit: Literal["year", "month"]
    years: int = 1

    @classmethod
    def parse(cls, text: str) -> Period:
        if text in ("year", "month"):
            return cls(unit=text)  # type: ignore[arg-type]
        if text == "decade":
            return cls(unit="year", years=10)
        m = _WINDOW.fullmatch(text)
        if m and int(m.group(1)) >= 1:
            return cls(unit="year", years=int(m.group(1)))
        raise QueryError(f"unknown period {text!r}: use year, month, decade or Ny (e.g. 5y)")

    @property
    def name(self) -> str:
        if self.unit == "month":
            return "month"
        return "year" if self.years == 1 else f"{self.years}y"

    def sql(self) -> str:
        if self.unit == "month":
            return "substr(e.date, 1, 7)"
        if self.years == 1:
            return "e.year::VARCHAR"
        return f"(e.year - e.year % {self.years})::VARCHAR"


@dataclass(frozen=True)
class EventPage:
    total: int
    items: list[dict[str, Any]]


def find_events(store: Store, query: EventQuery) -> EventPage:
    """One page of events matching the query, in time order, with the total count."""
    q = query.validated()
    where, params = event_where(q)
    row = store.con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
    total = int(row[0]) if row else 0
    page = f"SELECT e.id FROM events e {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?"
    items = _events_by_id(store, page, [*params, q.limit, q.offset])
    return EventPage(total, items)


def _events_by_id(store: Store, id_query: str, params: list[Any]) -> list[dict[str, Any]]:
    """The full records of the events an id query picks, in its order: the sort runs on the
    events table alone, the join and the sentence cut only for the rows picked."""
    ids = [r[0] for r in store.con.execute(id_query, params).fetchall()]
    if not ids:
        return []
    cur = store.con.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events e WHERE list_contains(?, e.id)", [ids]
    )
    cols = [c[0] for c in cur.description]
    by_id = {r[0]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}
    docs = {
        r[0]: r[1:]
        for r in store.con.execute(
            "SELECT doc_id, name, title, text FROM documents WHERE list_contains(?, doc_id)",
            [list({e["doc_id"] for e in by_id.values()})],
        ).fetchall()
    }
    out = []
    for eid in ids:
        event = by_id[eid]
        name, title, text = docs[event["doc_id"]]
        event["doc"], event["doc_title"] = name, title
        event["sentence"] = text[event["sent_start"] : event["sent_end"]]
        out.append(event)
    return out


# the events a curve counts unless a view says otherwise: asserted and not negated
ASSERTED = EventQuery(modes=("asserted",), negated=False)
ANY_KIND = EventQuery()


def kinds_sql(kinds: EventQuery) -> tuple[str, list[Any]]:
    """The kind filters of a query (modes, negation, roots, QuadClass, PLOVER, confidence) as
    a condition to AND with others ('TRUE' when it has none)."""
    where, params = event_where(kinds.validated())
    return (where.removeprefix("WHERE ") or "TRUE"), params


def top_events(
    store: Store,
    a: str,
    b: str,
    year_from: int,
    year_to: int,
    limit: int,
    direction: Direction = "both",
    kinds: EventQuery = ASSERTED,
) -> list[dict[str, Any]]:
    """The events of the given kinds between A and B in the years, largest |Goldstein| first."""
    pairs = {"ab": [(a, b)], "ba": [(b, a)], "both": [(a, b), (b, a)]}[direction]
    dyad = " OR ".join(["(e.source = ? AND e.target = ?)"] * len(pairs))
    kind, kind_params = kinds_sql(kinds)
    sql = f"""
        SELECT e.id FROM events e
        WHERE ({dyad}) AND e.year BETWEEN ? AND ? AND {kind}
        ORDER BY abs(e.goldstein) DESC, {_ORDER} LIMIT ?
    """
    params = [x for pair in pairs for x in pair]
    return _events_by_id(store, sql, [*params, year_from, year_to, *kind_params, limit])


def _dated(period: Period) -> str:
    return "length(e.date) >= 7" if period.unit == "month" else "e.year IS NOT NULL"


def undated_count(store: Store, a: str, b: str, period: Period, kinds: EventQuery) -> int:
    """The events between A and B of the given kinds that a curve by this period leaves off:
    without a year (or, by month, without a month)."""
    kind, params = kinds_sql(kinds)
    row = store.con.execute(
        f"""
        SELECT count(*) FROM events e
        WHERE ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))
          AND NOT coalesce({_dated(period)}, FALSE) AND {kind}
        """,
        [a, b, b, a, *params],
    ).fetchone()
    return int(row[0]) if row else 0


def series_rows(
    store: Store, a: str, b: str, period: Period, kinds: EventQuery = ASSERTED
) -> list[tuple[Any, ...]]:
    """(period, direction, events, Goldstein sum, mean, Q1..Q4) per period, for the
    directions ab (A→B), ba (B→A) and both, sums and means rounded to 3 places."""
    kind, kind_params = kinds_sql(kinds)
    sql = f"""
        SELECT period, coalesce(direction, 'both'), count(*)::INTEGER,
               round(sum(goldstein), 3), round(avg(goldstein), 3),
               count(*) FILTER (WHERE quad_class = 1)::INTEGER,
               count(*) FILTER (WHERE quad_class = 2)::INTEGER,
               count(*) FILTER (WHERE quad_class = 3)::INTEGER,
               count(*) FILTER (WHERE quad_class = 4)::INTEGER
        FROM (
            SELECT {period.sql()} AS period,
                   CASE WHEN e.source = ? THEN 'ab' ELSE 'ba' END AS direction,
                   e.goldstein, e.quad_class
            FROM events e
            WHERE ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))
              AND {_dated(period)} AND {kind}
        )
        GROUP BY GROUPING SETS ((period, direction), (period))
    """
    return store.con.execute(sql, [a, a, b, b, a, *kind_params]).fetchall()


def actor_index(store: Store) -> list[dict[str, Any]]:
    """Every actor code in the events with how often it acts and is acted on, and the
    words the documents used for it, most frequent first."""
    cur = store.con.execute(
        """
        WITH a AS (
            SELECT source AS code, source_text AS words, 1 AS s, 0 AS t FROM events
            WHERE source IS NOT NULL
            UNION ALL
            SELECT target, target_text, 0, 1 FROM events WHERE target IS NOT NULL
        )
        SELECT code, sum(s) AS as_source, sum(t) AS as_target, count(*) AS events,
               list(DISTINCT words ORDER BY words) FILTER (WHERE words <> '')[1:8]
                   AS words
        FROM a GROUP BY code ORDER BY events DESC, code
        """
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def documents(store: Store, limit: int = 100, offset: int = 0) -> EventPage:
    row = store.con.execute("SELECT count(*) FROM documents").fetchone()
    cur = store.con.execute(
        """
        SELECT d.doc_id, d.name, d.title, d.fmt, d.doc_date, d.n_chars, d.n_sentences,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events
        FROM documents d ORDER BY d.name LIMIT ? OFFSET ?
        """,
        [limit, offset],
    )
    cols = [c[0] for c in cur.description]
    items = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    return EventPage(int(row[0]) if row else 0, items)


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's text with its sentences and the spans of its events."""
    cur = store.con.execute(
        "SELECT doc_id, path, name, title, fmt, encoding, doc_date, doc_date_source, text"
        " FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id!r}")
    out = dict(zip([c[0] for c in cur.description], row, strict=True))
    out["sentences"] = [
        {"index": r[0], "start": r[1], "end": r[2]}
        for r in store.con.execute(
            "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        ).fetchall()
    ]
    page = find_events(store, EventQuery(doc_id=doc_id, limit=1000))
    out["events"] = page.items
    return out


# what an export row carries: the event, its document's name and its sentence as it stands
EXPORT_COLUMNS = (
    "id",
    "doc",
    "doc_id",
    "sentence",
    "sent_start",
    "sent_end",
    "date",
    "date_text",
    "date_precision",
    "year",
    "source",
    "target",
    "source_text",
    "target_text",
    "source_agent",
    "target_agent",
    "code",
    "root",
    "goldstein",
    "quad_class",
    "plover",
    "predicate",
    "pred_start",
    "pred_end",
    "mode",
    "negated",
    "confidence",
    "rule",
)


def _export_expr(column: str) -> str:
    if column == "doc":
        return "d.name"
    if column == "sentence":
        return "s.source"
    return f"e.{column}"


def export_sql(query: EventQuery, as_json: bool = False) -> tuple[str, list[Any]]:
    """Every event a query matches, in time order, with no page window (for streaming): a
    row of EXPORT_COLUMNS each, or with ``as_json`` one JSON object each (made by DuckDB)."""
    where, params = event_where(query.validated())
    if as_json:
        fields = ", ".join(f"{c} := {_export_expr(c)}" for c in EXPORT_COLUMNS)
        cols = f"to_json(struct_pack({fields}))"
    else:
        cols = ", ".join(f"{_export_expr(c)} AS {c}" for c in EXPORT_COLUMNS)
    sql = (
        f"SELECT {cols} FROM events e JOIN documents d USING (doc_id)"
        " JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index"
        f" {where} ORDER BY {_ORDER}"
    )
    return sql, params


def overview(store: Store, kinds: EventQuery, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """The actors and the dyads (unordered pairs) with the most events of the given kinds,
    with their mean Goldstein score."""
    kind, params = kinds_sql(kinds)
    cur = store.con.execute(
        f"""
        WITH k AS (SELECT * FROM events e WHERE {kind}),
        a AS (
            SELECT source AS code, 1 AS s, 0 AS t, goldstein FROM k WHERE source IS NOT NULL
            UNION ALL
            SELECT target, 0, 1, goldstein FROM k WHERE target IS NOT NULL
        )
        SELECT code, count(*) AS events, sum(s)::INTEGER AS as_source,
               sum(t)::INTEGER AS as_target, round(avg(goldstein), 3) AS goldstein_mean
        FROM a GROUP BY code ORDER BY events DESC, code LIMIT ?
        """,
        [*params, limit],
    )
    actors = [dict(zip([c[0] for c in cur.description], r, strict=True)) for r in cur.fetchall()]
    cur = store.con.execute(
        f"""
        SELECT least(source, target) AS a, greatest(source, target) AS b,
               count(*) AS events,
               count(*) FILTER (WHERE source < target)::INTEGER AS ab,
               count(*) FILTER (WHERE source > target)::INTEGER AS ba,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM events e
        WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target AND {kind}
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?
        """,
        [*params, limit],
    )
    dyads = [dict(zip([c[0] for c in cur.description], r, strict=True)) for r in cur.fetchall()]
    return {"actors": actors, "dyads": dyads}
