"""Writes and queries. Every query is parameterised; no SQL is built from user strings."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from kankei.errors import StoreError
from kankei.extract.cameo import load_codebook
from kankei.model import Document, Event
from kankei.store.filters import EventQuery, event_where
from kankei.store.schema import DDL, MIGRATIONS, SCHEMA_VERSION

EXPORT_FIELDS = [
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
    "mode",
    "source_agent",
    "target_agent",
    "date_precision",
    "date_rule",
    "date_start",
    "date_end",
    "pred_start",
    "pred_end",
    "doc_id",
    "rules",
]


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None
    target: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    root: str | None = None
    asserted_only: bool = False
    limit: int | None = None


def event_id(ev: Event) -> str:
    key = (
        f"{ev.doc_id}|{ev.sentence_index}|{ev.pred_start}|{ev.source}|{ev.target}|{ev.code}"
        f"|{ev.date}"
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


# DuckDB's memory for a store opened to write (it spills to disk beyond it)
WRITE_MEMORY = "512MB"
# where `make run` writes its store; commands default to ./kankei.duckdb
MAKE_RUN_DB = Path("out") / "kankei.duckdb"


def _missing(path: Path) -> str:
    hint = ""
    if path == Path("kankei.duckdb") and MAKE_RUN_DB.exists():
        hint = f" (`make run` wrote {MAKE_RUN_DB}: pass --db {MAKE_RUN_DB})"
    return f"no such database; run `kankei ingest` first{hint}"


def _connect_message(exc: duckdb.Error) -> str:
    """DuckDB's words for a store another process holds name the DuckDB CLI; say it plainly."""
    text = str(exc)
    if "lock" in text.lower():
        return (
            "another process holds this store (a kankei ingest, or a kankei serve while "
            "ingesting): wait for it to finish, or stop it"
        )
    return text.splitlines()[0]


class Store:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only and not path.exists():
            raise StoreError(_missing(path), path=str(path))
        # a writing run keeps DuckDB's buffer pool small: by default it may grow to 80 % of
        # the machine's memory, holding a long document's events long after they are written
        config: dict[str, str | bool | int | float | list[str]] = (
            {} if read_only else {"memory_limit": WRITE_MEMORY}
        )
        try:
            self.con = duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(_connect_message(exc), path=str(path)) from exc
        if read_only:
            self._check_version()
        else:
            self._refuse_foreign()
            self._migrate()

    def cursor(self) -> Store:
        """A handle on the same database for another thread: DuckDB connections must not be
        shared between threads, their cursors may."""
        clone = object.__new__(Store)
        clone.path = self.path
        clone.con = self.con.cursor()
        return clone

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _refuse_foreign(self) -> None:
        """A DuckDB file with tables but no kankei metadata belongs to something else: kankei
        writes nothing into it (not even its own tables)."""
        tables = [
            str(r[0])
            for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        ]
        if not tables or "meta" in tables:
            return
        self.con.close()
        shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise StoreError(
            f"a DuckDB database of something else (tables: {shown}), not a kankei store: "
            "kankei writes only into its own stores; choose a new file",
            path=str(self.path),
        )

    def _migrate(self) -> None:
        for stmt in DDL:
            self.con.execute(stmt)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            return
        version = int(row[0])
        while version in MIGRATIONS and version < SCHEMA_VERSION:
            for stmt in MIGRATIONS[version]:
                self.con.execute(stmt)
            version += 1
            self.con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)]
            )
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"schema version {version}, this kankei writes {SCHEMA_VERSION}: "
                "ingest into a new file",
                path=str(self.path),
            )
        self._one_spelling_per_code()
        self._fill_sentence_sources()

    def _fill_sentence_sources(self) -> None:
        """Sentences an older kankei stored without their text as it stands in the document
        get it, a document at a time (its text sliced once in Python)."""
        docs = self.con.execute(
            "SELECT DISTINCT doc_id FROM sentences WHERE source IS NULL"
        ).fetchall()
        for (doc_id,) in docs:
            row = self.con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
            found = row.fetchone()
            if found is None:
                continue
            text = str(found[0])
            spans = self.con.execute(
                "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ?", [doc_id]
            ).fetchall()
            self.con.executemany(
                "UPDATE sentences SET source = ? WHERE doc_id = ? AND idx = ?",
                [[text[start:end], doc_id, idx] for idx, start, end in spans],
            )

    def _one_spelling_per_code(self) -> None:
        """Events an older kankei stored under a root named alone (12) take the root's
        unspecified code (120), with its score and categories: one code, one spelling."""
        short = self.con.execute(
            "SELECT DISTINCT code FROM events WHERE length(code) = 2"
        ).fetchall()
        if not short:
            return
        codebook = load_codebook()
        for (code,) in short:
            cam = codebook.canonical(code)
            self.con.execute(
                "UPDATE events SET code = ?, goldstein = ?, quad_class = ?, plover = ?"
                " WHERE code = ?",
                [cam.code, cam.goldstein, cam.quad_class, cam.plover, code],
            )

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError("not a kankei database", path=str(self.path)) from exc
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"schema version {row[0] if row else '?'}, this kankei reads {SCHEMA_VERSION}: "
                "a write (kankei ingest) migrates an older store",
                path=str(self.path),
            )

    # -- writes -------------------------------------------------------------------------

    def has_document(self, doc_id: str, coded_with: str | None = None) -> bool:
        """Whether the document is stored (and, given a stamp, coded with that stamp)."""
        if coded_with is None:
            q = "SELECT 1 FROM documents WHERE doc_id = ?"
            return self.con.execute(q, [doc_id]).fetchone() is not None
        q = "SELECT 1 FROM documents WHERE doc_id = ? AND coded_with = ?"
        return self.con.execute(q, [doc_id, coded_with]).fetchone() is not None

    def _insert_events(
        self, doc: Document, events: Sequence[Event], unknown: Sequence[tuple[int, str, str]]
    ) -> None:
        """Insert a document's events (each once) and unknown names, in the open transaction."""
        spans = {s.index: (s.start, s.end) for s in doc.sentences}
        rows = []
        seen: set[str] = set()
        for ev in events:
            eid = event_id(ev)
            if eid in seen:
                continue
            seen.add(eid)
            rows.append(_event_row(eid, ev, spans[ev.sentence_index]))
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO events VALUES ({marks})", rows)
        if unknown:
            self.con.executemany(
                "INSERT INTO unknown_mentions VALUES (?, ?, ?, ?)",
                [[doc.doc_id, idx, name, kind] for idx, name, kind in unknown],
            )

    def add_events(
        self,
        doc: Document,
        events: Sequence[Event],
        unknown: Sequence[tuple[int, str, str]],
        coded_with: str,
    ) -> None:
        """Add the events of one piece of a stored document, and how far its coding has got
        (`coded_with`), in one transaction: a run stopped between pieces loses one piece."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert_events(doc, events, unknown)
            self.con.execute(
                "UPDATE documents SET coded_with = ? WHERE doc_id = ?", [coded_with, doc.doc_id]
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def coded_with(self, doc_id: str) -> str | None:
        """The stamp a stored document was coded with (None if it is not stored)."""
        row = self.con.execute(
            "SELECT coded_with FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def document_path(self, doc_id: str) -> str | None:
        """The path a stored document was read from (None if it is not stored)."""
        row = self.con.execute("SELECT path FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return str(row[0]) if row else None

    def stale_documents(self, stamp: str) -> list[tuple[str, str]]:
        """(doc_id, path) of the documents coded with another stamp, in name order."""
        rows = self.con.execute(
            "SELECT doc_id, path FROM documents WHERE coded_with IS DISTINCT FROM ?"
            " ORDER BY name, doc_id",
            [stamp],
        ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    def document_source(self, doc_id: str) -> dict[str, Any]:
        """What a stored document was read from: its text, path, format, encoding and date."""
        cur = self.con.execute(
            "SELECT text, path, fmt, encoding, doc_date, doc_date_source FROM documents"
            " WHERE doc_id = ?",
            [doc_id],
        )
        row = cur.fetchone()
        if row is None:
            raise StoreError(f"no document {doc_id!r}", path=str(self.path))
        return dict(zip([c[0] for c in cur.description], row, strict=True))

    def coding_stamps(self) -> list[tuple[str | None, int]]:
        """The stamps the documents were coded with, and how many each."""
        rows = self.con.execute(
            "SELECT coded_with, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def doc_ids_for_path(self, path: str) -> list[str]:
        rows = self.con.execute("SELECT doc_id FROM documents WHERE path = ?", [path]).fetchall()
        return [r[0] for r in rows]

    def replace_document(
        self,
        doc: Document,
        events: Sequence[Event],
        unknown: Sequence[tuple[int, str, str]] = (),
        coded_with: str | None = None,
    ) -> None:
        """Store a document with its sentences and events in one transaction, replacing any
        earlier version read from the same path. `coded_with`: the coding stamp
        (kankei.stamp) its events were made with."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            olds = set(self.doc_ids_for_path(doc.path))
            if self.has_document(doc.doc_id):
                olds.add(doc.doc_id)
            # a new document (the common case) has nothing to delete: no scans for it
            for old in olds:
                for table in ("unknown_mentions", "events", "sentences", "documents"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [old])
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    doc.doc_id,
                    doc.path,
                    doc.name,
                    doc.fmt,
                    doc.encoding,
                    doc.title,
                    doc.doc_date,
                    doc.doc_date_source,
                    len(doc.text),
                    len(doc.sentences),
                    doc.text,
                    dt.datetime.now(),
                    coded_with,
                ],
            )
            if doc.sentences:
                self.con.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        [
                            doc.doc_id,
                            s.index,
                            s.start,
                            s.end,
                            s.text,
                            s.parse,
                            doc.text[s.start : s.end],
                        ]
                        for s in doc.sentences
                    ],
                )
            self._insert_events(doc, events, unknown)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- queries ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "events"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def document_names(self) -> set[str]:
        """The file names of the stored documents."""
        return {str(r[0]) for r in self.con.execute("SELECT name FROM documents").fetchall()}

    def root_counts(self) -> list[tuple[str, int]]:
        rows = self.con.execute(
            "SELECT root, count(*) FROM events GROUP BY root ORDER BY root"
        ).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows]

    def has_actor(self, code: str) -> bool:
        """Whether any event has the code as its source or its target."""
        row = self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM events WHERE source = ? OR target = ?)", [code, code]
        ).fetchone()
        return bool(row and row[0])

    def plover_categories(self) -> list[str]:
        """The PLOVER categories the events carry, in name order."""
        rows = self.con.execute(
            "SELECT DISTINCT plover FROM events WHERE plover IS NOT NULL ORDER BY plover"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def export_parquet(self, path: Path) -> int:
        """Write every event to a Parquet file with DuckDB's own writer; return the count."""
        sql, _ = self._export_sql(EventFilter())
        literal = "'" + str(path).replace("'", "''") + "'"
        self.con.execute(f"COPY ({sql}) TO {literal} (FORMAT PARQUET)")
        row = self.con.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0

    def export_rows(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        sql, params = self._export_sql(flt or EventFilter())
        cur = self.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    @staticmethod
    def _export_sql(flt: EventFilter) -> tuple[str, list[Any]]:
        where, params = _where(flt)
        sql = f"""
            SELECT e.id, d.name AS doc, s.source AS sentence, e.sent_start, e.sent_end,
                   e.date, e.date_text, e.source, e.target, e.source_text, e.target_text,
                   e.code, e.root, e.goldstein, e.quad_class, e.plover, e.predicate,
                   e.negated, e.confidence, e.rule, e.mode, e.source_agent, e.target_agent,
                   e.date_precision, e.date_rule, e.date_start, e.date_end, e.pred_start,
                   e.pred_end, e.doc_id, e.rules
            FROM events e JOIN documents d USING (doc_id)
            JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
            {where}
            ORDER BY d.name, e.sent_start, e.pred_start, e.source, e.target
        """
        if flt.limit:
            sql += " LIMIT ?"
            params.append(flt.limit)
        return sql, params

    def unknown_mentions(self, limit: int = 50) -> list[dict[str, Any]]:
        """Uncoded names with their count and one example sentence, most frequent first."""
        cur = self.con.execute(
            """
            SELECT u.name, any_value(u.kind) AS kind, count(*) AS n,
                   count(DISTINCT u.doc_id) AS documents,
                   min(s.clean_text) AS example
            FROM unknown_mentions u
            JOIN sentences s ON s.doc_id = u.doc_id AND s.idx = u.sentence_index
            GROUP BY u.name ORDER BY n DESC, u.name LIMIT ?
            """,
            [limit],
        )
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def actor_counts(self, limit: int = 50) -> list[dict[str, Any]]:
        """Actor codes in the events, as source and as target."""
        cur = self.con.execute(
            """
            WITH a AS (
                SELECT source AS code, 1 AS as_source, 0 AS as_target FROM events
                WHERE source IS NOT NULL
                UNION ALL
                SELECT target, 0, 1 FROM events WHERE target IS NOT NULL
            )
            SELECT code, sum(as_source) AS as_source, sum(as_target) AS as_target,
                   count(*) AS total
            FROM a GROUP BY code ORDER BY total DESC, code LIMIT ?
            """,
            [limit],
        )
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    return event_where(
        EventQuery(
            source=flt.source,
            target=flt.target,
            year_from=flt.year_from,
            year_to=flt.year_to,
            root=flt.root.zfill(2) if flt.root else None,
            modes=("asserted",) if flt.asserted_only else (),
            negated=False if flt.asserted_only else None,
        )
    )


def _event_row(eid: str, ev: Event, span: tuple[int, int]) -> list[Any]:
    """An events-table row, in the table's column order."""
    year = int(ev.date[:4]) if ev.date else None
    return [
        eid,
        ev.doc_id,
        ev.sentence_index,
        span[0],
        span[1],
        ev.source,
        ev.target,
        ev.source_text,
        ev.target_text,
        ev.source_agent,
        ev.target_agent,
        ev.code,
        ev.root,
        ev.goldstein,
        ev.quad_class,
        ev.plover,
        ev.predicate,
        ev.pred_start,
        ev.pred_end,
        ev.date,
        ev.date_text,
        ev.date_precision,
        ev.date_rule,
        ev.date_start,
        ev.date_end,
        year,
        ev.negated,
        ev.mode,
        ev.confidence,
        ev.rule,
        list(ev.rules),
    ]
