"""The local engine: files stream through the parser in one process or a pool of processes.

Nothing holds the corpus: files are found lazily, read a chunk at a time, parsed across the
documents of a chunk (full parser batches even for short documents), and each document is
written in its own transaction before the next chunks are read. A file stored unchanged is
skipped before it is read (same size and mtime) or at least before it is parsed (same content
hash), so a run that was stopped resumes where it stopped.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path

from kankei.engines.lifetime import die_with_parent
from kankei.errors import IngestError
from kankei.extract.coding import CodedDocument
from kankei.ingest import discover
from kankei.model import Document
from kankei.pipeline import IngestReport, Pipeline, Reader
from kankei.settings import Settings
from kankei.stamp import coding_stamp
from kankei.store import Store
from kankei.store.sources import SourceKey, SourceLog, stored_unchanged

# A chunk (Settings.chunk_chars) is what goes through the parser in one stream: big enough to
# fill its batches with sentences from many short documents, small enough to keep memory flat;
# a pool takes a quarter of that per task, so that every worker keeps busy.
CHUNK_DOCS = 64

Notify = Callable[[str, str], None]
# chunks with their coded documents (or the message of a document that could not be coded)
Coded = Generator[tuple[list["Pending"], list["Outcome"]], None, None]


@dataclass(frozen=True)
class InPieces:
    """A long document's coding, done a piece at a time as it is written (pieces(skip) codes
    the pieces after the first `skip`): its events are never all in memory at once."""

    pieces: Callable[[int], Iterator[CodedDocument]]


Outcome = CodedDocument | InPieces | str


@dataclass(frozen=True)
class Pending:
    """A document read and not yet stored."""

    key: SourceKey | None
    doc: Document


def ingest_local(
    paths: Sequence[Path],
    settings: Settings,
    *,
    on_start: Callable[[int], None] | None = None,
    on_document: Notify | None = None,
) -> IngestReport:
    if on_start:
        on_start(sum(1 for _ in discover(paths)))
    notify: Notify = on_document or (lambda path, status: None)
    report = IngestReport()
    stamp = coding_stamp(settings)
    with Store(settings.db) as store:
        log = SourceLog(store)
        in_flight: set[str] = set()
        reader = Reader(settings)
        docs = new_documents(discover(paths), reader, store, log, report, notify, in_flight, stamp)
        if settings.jobs > 1:
            coded = _pooled(chunks(docs, settings.chunk_chars // 4, CHUNK_DOCS), settings)
        else:
            coded = _in_process(chunks(docs, settings.chunk_chars, CHUNK_DOCS), settings)
        try:
            for chunk, outcomes in coded:
                for pending, outcome in zip(chunk, outcomes, strict=True):
                    _write(store, log, pending, outcome, report, notify, stamp)
                    in_flight.discard(pending.doc.doc_id)
        except KeyboardInterrupt:
            # Ctrl-C, or SIGTERM turned into it by the CLI: every document written so far is
            # whole (one transaction each); the report says what was stored
            report.interrupted = True
        finally:
            coded.close()  # (a pool's workers are terminated, not left parsing)
            log.flush()
    return report


def new_documents(
    files: Iterable[Path],
    reader: Reader,
    store: Store,
    log: SourceLog,
    report: IngestReport,
    notify: Notify,
    in_flight: set[str],
    stamp: str,
) -> Iterator[Pending]:
    """The documents not yet stored (or stored with another coding stamp), read one by one
    as they are asked for."""
    for path in files:
        key = SourceKey.of(path)
        if key is not None and stored_unchanged(store, key, stamp):
            report.unchanged.append(str(path))
            notify(str(path), "unchanged")
            continue
        try:
            doc = reader.read(path)
        except IngestError as exc:
            report.failed.append((str(path), exc.message))
            notify(str(path), "failed")
            continue
        except Exception as exc:  # one document must not stop the others: report and go on
            report.failed.append((str(path), _crash(path, exc)))
            notify(str(path), "failed")
            continue
        # the same text under another name, stored or on its way to the store
        if doc.doc_id in in_flight or store.has_document(doc.doc_id, stamp):
            if key is not None and doc.doc_id not in in_flight:
                log.record(key, doc.doc_id)
            twin = store.document_path(doc.doc_id)
            if twin is not None and twin != doc.path:
                # another file with the same text: stored once, under the first file's name
                report.duplicates.append((str(path), twin))
                notify(str(path), f"same text as {twin}")
            else:
                report.unchanged.append(str(path))
                notify(str(path), "unchanged")
            continue
        in_flight.add(doc.doc_id)
        yield Pending(key, doc)


def chunks(docs: Iterable[Pending], max_chars: int, max_docs: int) -> Iterator[list[Pending]]:
    chunk: list[Pending] = []
    size = 0
    for pending in docs:
        chunk.append(pending)
        size += len(pending.doc.text)
        if size >= max_chars or len(chunk) >= max_docs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _in_process(chunked: Iterable[list[Pending]], settings: Settings) -> Coded:
    pipeline: Pipeline | None = None
    for chunk in chunked:
        # loaded with the first document to parse: a re-run with nothing new skips the load
        pipeline = pipeline or Pipeline(settings)
        long = {id(p) for p in chunk if len(p.doc.sentences) > settings.piece_sentences}
        if not long:
            yield chunk, list(code_chunk(pipeline, [p.doc for p in chunk]))
            continue
        # (a long document is coded while it is written, one piece at a time)
        short = iter(code_chunk(pipeline, [p.doc for p in chunk if id(p) not in long]))
        yield chunk, [_in_pieces(pipeline, p.doc) if id(p) in long else next(short) for p in chunk]


def _in_pieces(pipeline: Pipeline, doc: Document) -> InPieces:
    return InPieces(lambda skip: pipeline.code_pieces(doc, skip))


def code_chunk(pipeline: Pipeline, docs: Sequence[Document]) -> list[CodedDocument | str]:
    """Coded documents, or for a document that could not be coded, why."""
    try:
        return list(pipeline.code_many(docs))
    except Exception as exc:
        if len(docs) == 1:  # (one document must not stop the others: it is reported)
            return [_crash(Path(docs[0].path), exc)]
    # one document broke the shared stream: code them one by one to tell which
    out: list[CodedDocument | str] = []
    for doc in docs:
        try:
            out.append(pipeline.code(doc))
        except Exception as exc:
            out.append(_crash(Path(doc.path), exc))
    return out


def _write(
    store: Store,
    log: SourceLog,
    pending: Pending,
    outcome: Outcome,
    report: IngestReport,
    notify: Notify,
    stamp: str,
) -> None:
    doc = pending.doc
    if isinstance(outcome, str):
        report.failed.append((doc.path, outcome))
        notify(doc.path, "failed")
        return
    try:
        if isinstance(outcome, InPieces):
            events = _write_pieces(store, doc, outcome, stamp)
        else:
            store.replace_document(doc, outcome.events, outcome.unknown, stamp)
            events = len(outcome.events)
    except Exception as exc:  # one document must not stop the others: report and go on
        report.failed.append((doc.path, _crash(Path(doc.path), exc)))
        notify(doc.path, "failed")
        return
    if pending.key is not None:
        log.record(pending.key, doc.doc_id)
    report.stored.append(doc.path)
    report.notes.extend((doc.path, note) for note in doc.notes)
    report.events += events
    report.sentences += len(doc.sentences)
    report.chars += len(doc.text)
    notify(doc.path, "stored")


def _write_pieces(store: Store, doc: Document, outcome: InPieces, stamp: str) -> int:
    """Store a long document, then its events a piece at a time, each piece with how far the
    coding has got (`stamp#k`); a run stopped in between goes on from the next piece."""
    done = pieces_done(store.coded_with(doc.doc_id), stamp)
    if done == 0:
        store.replace_document(doc, (), (), f"{stamp}#0")
    events = 0
    for k, coded in enumerate(outcome.pieces(done), start=done + 1):
        store.add_events(doc, coded.events, coded.unknown, f"{stamp}#{k}")
        events += len(coded.events)
    store.add_events(doc, (), (), stamp)
    return events


def pieces_done(coded_with: str | None, stamp: str) -> int:
    """How many pieces of a document a stopped run with this stamp stored (0: none)."""
    if coded_with is None or not coded_with.startswith(f"{stamp}#"):
        return 0
    return int(coded_with.rsplit("#", 1)[1])


def _crash(path: Path, exc: Exception) -> str:
    return f"{path}: could not be coded ({type(exc).__name__}: {exc})"


# -- a pool of parser processes ------------------------------------------------------------

# Each worker process loads one Pipeline in its initializer and keeps it for its lifetime;
# this per-process slot is the only way a pool initializer can hand state to its tasks.
_WORKER: list[Pipeline] = []


def _init_worker(settings: Settings, parent: int) -> None:
    die_with_parent(parent)
    _WORKER.append(Pipeline(settings))


def _code_in_worker(docs: list[Document]) -> list[CodedDocument | str]:
    try:
        return code_chunk(_WORKER[0], docs)
    except Exception as exc:
        return [_crash(Path(docs[0].path), exc)]


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """N workers on N cores: each worker's BLAS must not start threads of its own. Workers
    read the variable when numpy loads, so it is set while they start."""
    old = os.environ.get("OPENBLAS_NUM_THREADS")
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ["OPENBLAS_NUM_THREADS"]
        else:
            os.environ["OPENBLAS_NUM_THREADS"] = old


def _pooled(chunked: Iterable[list[Pending]], settings: Settings) -> Coded:
    """Chunks coded by worker processes, in input order, at most two per worker in flight.
    The parent reads and writes; DuckDB takes one writing process. However the parent stops
    (an error, Ctrl-C, SIGTERM), the workers are terminated with it, and if it is killed
    outright they end themselves (die_with_parent)."""
    context = multiprocessing.get_context("spawn")
    window: deque[tuple[list[Pending], AsyncResult[list[CodedDocument | str]]]] = deque()
    with _one_blas_thread():
        pool = context.Pool(
            settings.jobs, initializer=_init_worker, initargs=(settings, os.getpid())
        )
    try:
        for chunk in chunked:
            window.append((chunk, pool.apply_async(_code_in_worker, ([p.doc for p in chunk],))))
            if len(window) >= 2 * settings.jobs:
                done, result = window.popleft()
                yield done, list[Outcome](result.get())
        while window:
            done, result = window.popleft()
            yield done, list[Outcome](result.get())
    except BaseException:
        pool.terminate()  # (a worker mid-parse is not waited for: the parent is stopping)
        raise
    else:
        pool.close()
    finally:
        pool.join()
