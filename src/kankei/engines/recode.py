"""Re-coding a store in place: the documents coded with another stamp (an older kankei,
other dictionaries, rules or a document date) are coded again from the text the store keeps,
one transaction each, so that a run that was stopped resumes where it stopped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kankei.errors import IngestError
from kankei.ingest.documents import document_from_bytes
from kankei.model import Document
from kankei.pipeline import IngestReport, Pipeline
from kankei.settings import Settings
from kankei.stamp import coding_stamp
from kankei.store import Store

Notify = Callable[[str, str], None]


def recode(
    settings: Settings,
    *,
    on_start: Callable[[int], None] | None = None,
    on_document: Notify | None = None,
) -> IngestReport:
    """Code again every stored document whose stamp is not this run's."""
    notify: Notify = on_document or (lambda path, status: None)
    report = IngestReport()
    stamp = coding_stamp(settings)
    with Store(settings.db) as store:
        stale = store.stale_documents(stamp)
        if on_start:
            on_start(len(stale))
        if not stale:
            return report
        pipeline = Pipeline(settings)
        for doc_id, path in stale:
            try:
                doc = _stored_document(store, doc_id, settings)
                (coded,) = pipeline.code_many([doc])
                store.replace_document(doc, coded.events, coded.unknown, stamp)
            except IngestError as exc:
                report.failed.append((path, exc.message))
                notify(path, "failed")
                continue
            except Exception as exc:  # one document must not stop the others
                report.failed.append((path, f"{path}: could not be re-coded ({exc})"))
                notify(path, "failed")
                continue
            report.stored.append(path)
            report.events += len(coded.events)
            report.sentences += len(doc.sentences)
            report.chars += len(doc.text)
            notify(path, "recoded")
    return report


def _stored_document(store: Store, doc_id: str, settings: Settings) -> Document:
    """The document as it would be read now, from the text the store keeps: the date given
    to this run, else the one given to the run that stored it, else found again."""
    source = store.document_source(doc_id)
    given = source["doc_date"] if source["doc_date_source"] == "option" else None
    doc = document_from_bytes(
        source["text"].encode("utf-8"),
        Path(source["path"]),
        doc_date=settings.doc_date or given,
    )
    if doc.doc_id != doc_id:  # (the same text gives the same id; anything else is a bug)
        raise IngestError("its stored text no longer reads the same", path=source["path"])
    return replace(doc, encoding=source["encoding"])
