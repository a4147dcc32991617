"""Coded documents as Parquet rows, and back into the store.

One row per document: its fields, its sentences, events and uncoded names as lists of
structs, or the reason it could not be read or coded. DuckDB can query the shards in place
(`SELECT unnest(events, recursive := true) FROM 'DIR/*.parquet'`); `load_shards` writes them
into the store through the same per-document transaction as the local engine, so ids and
fields are the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kankei.extract.coding import CodedDocument
from kankei.model import Document, Event, Sentence
from kankei.pipeline import IngestReport
from kankei.store import Store
from kankei.store.sources import SourceKey, SourceLog

_ARROW = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "tuple[str, ...]": pa.list_(pa.string()),
}


def _arrow_type(annotation: Any) -> pa.DataType:
    # model.py uses postponed annotations: "str | None" and the like
    return _ARROW[str(annotation).replace(" | None", "")]


EVENT_TYPE = pa.struct([(f.name, _arrow_type(f.type)) for f in dataclasses.fields(Event)])
SENTENCE_TYPE = pa.struct(
    [
        ("index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("parse", pa.bool_()),
    ]
)
UNKNOWN_TYPE = pa.struct(
    [("sentence_index", pa.int32()), ("name", pa.string()), ("kind", pa.string())]
)
SCHEMA = pa.schema(
    [
        ("file", pa.string()),  # the path as read: the key back to the file
        ("error", pa.string()),
        ("doc_id", pa.string()),
        ("name", pa.string()),
        ("fmt", pa.string()),
        ("encoding", pa.string()),
        ("title", pa.string()),
        ("doc_date", pa.string()),
        ("doc_date_source", pa.string()),
        ("text", pa.string()),
        ("sentences", pa.list_(SENTENCE_TYPE)),
        ("events", pa.list_(EVENT_TYPE)),
        ("unknown", pa.list_(UNKNOWN_TYPE)),
    ]
)


def failed_row(source: str, message: str) -> dict[str, Any]:
    return {"file": source, "error": message}


def coded_row(source: str, doc: Document, coded: CodedDocument) -> dict[str, Any]:
    return {
        "file": source,
        "error": None,
        "doc_id": doc.doc_id,
        "name": doc.name,
        "fmt": doc.fmt,
        "encoding": doc.encoding,
        "title": doc.title,
        "doc_date": doc.doc_date,
        "doc_date_source": doc.doc_date_source,
        "text": doc.text,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text, "parse": s.parse}
            for s in doc.sentences
        ],
        "events": [dataclasses.asdict(ev) for ev in coded.events],
        "unknown": [
            {"sentence_index": i, "name": name, "kind": kind} for i, name, kind in coded.unknown
        ],
    }


def to_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _document(row: Mapping[str, Any], path: str) -> tuple[Document, CodedDocument]:
    doc_id = row["doc_id"]
    sentences = tuple(
        Sentence(doc_id, s["index"], s["start"], s["end"], s["text"], (), s["parse"])
        for s in row["sentences"]
    )
    doc = Document(
        doc_id=doc_id,
        path=path,
        name=row["name"],
        fmt=row["fmt"],
        encoding=row["encoding"],
        text=row["text"],
        title=row["title"],
        doc_date=row["doc_date"],
        doc_date_source=row["doc_date_source"],
        sentences=sentences,
    )
    events = [Event(**{**ev, "rules": tuple(ev["rules"] or ())}) for ev in row["events"]]
    unknown = [(u["sentence_index"], u["name"], u["kind"]) for u in row["unknown"]]
    return doc, CodedDocument(events, unknown)


def load_shards(
    store: Store,
    shards: Iterable[Path],
    files: Mapping[str, tuple[int, str, SourceKey | None]],
    report: IngestReport,
    notify: Callable[[str, str], None],
    stamp: str | None = None,
) -> None:
    """Write the documents of the shards into the store, each as soon as its shard comes,
    a shard's in the order the files were found. `files` maps the path as read to (order,
    path as given, size and mtime); a file that no shard holds is reported as failed."""
    log = SourceLog(store)
    missing = dict(files)
    try:
        for shard in shards:
            rows = pq.read_table(shard).to_pylist()
            rows.sort(key=lambda row: files[row["file"]][0] if row["file"] in files else -1)
            for row in rows:
                entry = missing.pop(row["file"], None)
                if entry is not None:  # else a second copy (a retried task wrote it twice)
                    _load_row(store, log, row, (entry[1], entry[2]), report, notify, stamp)
        for _, path, _ in sorted(missing.values()):
            report.failed.append((path, f"{path}: no coded document came back from the engine"))
            notify(path, "failed")
    finally:
        log.flush()


def _load_row(
    store: Store,
    log: SourceLog,
    row: dict[str, Any],
    source: tuple[str, SourceKey | None],
    report: IngestReport,
    notify: Callable[[str, str], None],
    stamp: str | None,
) -> None:
    path, key = source
    if row["error"] is not None:
        report.failed.append((path, row["error"]))
        notify(path, "failed")
        return
    if store.has_document(row["doc_id"], stamp):
        if key is not None:
            log.record(key, row["doc_id"])
        report.unchanged.append(path)
        notify(path, "unchanged")
        return
    doc, coded = _document(row, path)
    store.replace_document(doc, coded.events, coded.unknown, stamp)
    if key is not None:
        log.record(key, doc.doc_id)
    report.stored.append(path)
    report.events += len(coded.events)
    report.sentences += len(doc.sentences)
    report.chars += len(doc.text)
    notify(path, "stored")
