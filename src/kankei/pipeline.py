"""Files -> Documents -> parsed sentences -> Events -> the store."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kankei.errors import IngestError
from kankei.extract.actors import load_actor_dictionary
from kankei.extract.cameo import load_codebook
from kankei.extract.coding import CodedDocument, Coder
from kankei.extract.dates import latest_stated_date
from kankei.extract.events import Knowledge
from kankei.extract.grammar import load_grammar
from kankei.extract.lexicon import load_lexicon
from kankei.ingest import discover, read_document
from kankei.ingest.boilerplate import load_boilerplate
from kankei.model import Document
from kankei.settings import Settings
from kankei.store import Store

LATEST_EVENT = "evidence:latest-event"


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    sentences: int = 0
    chars: int = 0

    @property
    def exit_code(self) -> int:
        if not self.failed:
            return 0
        return 2 if not (self.stored or self.unchanged) else 1


def build_coder(settings: Settings) -> Coder:
    codebook = load_codebook()
    grammar = load_grammar()
    lexicon = load_lexicon(codebook, settings.predicate_files)
    actors = load_actor_dictionary(grammar, settings.actor_files)
    return Coder(Knowledge(lexicon, grammar, codebook), actors)


class Pipeline:
    """Loads the dictionaries and the parser once; codes documents one by one."""

    def __init__(self, settings: Settings) -> None:
        from kankei.nlp import Parser

        self.settings = settings
        self.coder = build_coder(settings)
        self.parser = Parser(settings)
        self.boiler = load_boilerplate()

    def read(self, path: Path) -> Document:
        doc = read_document(path, doc_date=self.settings.doc_date, boiler=self.boiler)
        if doc.doc_date is None:
            # nothing states or evidences the date: the latest explicitly dated event
            latest = latest_stated_date(s.text for s in doc.sentences if s.parse)
            if latest is not None:
                doc = replace(doc, doc_date=latest, doc_date_source=LATEST_EVENT)
        return doc

    def code(self, doc: Document) -> CodedDocument:
        todo = [s for s in doc.sentences if self.coder.needs_parse(s)]
        parsed = {ps.sentence.index: ps for ps in self.parser.parse(todo)}
        stated = doc.doc_date_source != LATEST_EVENT
        return self.coder.code_document(doc.sentences, parsed, doc.doc_date, stated)


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into the store. One bad document is reported and skipped."""
    files = list(discover(paths))
    if on_start:
        on_start(len(files))
    report = IngestReport()
    pipeline = Pipeline(settings)
    with Store(settings.db) as store:
        for path in files:
            status = _ingest_one(path, pipeline, store, report)
            if on_document:
                on_document(str(path), status)
    return report


def _ingest_one(path: Path, pipeline: Pipeline, store: Store, report: IngestReport) -> str:
    try:
        doc = pipeline.read(path)
        if store.has_document(doc.doc_id):
            report.unchanged.append(str(path))
            return "unchanged"
        coded = pipeline.code(doc)
        store.replace_document(doc, coded.events, coded.unknown)
    except IngestError as exc:
        report.failed.append((str(path), exc.message))
        return "failed"
    except Exception as exc:  # one document must not stop the others: report and go on
        report.failed.append(
            (str(path), f"{path}: could not be coded ({type(exc).__name__}: {exc})")
        )
        return "failed"
    report.stored.append(str(path))
    report.events += len(coded.events)
    report.sentences += len(doc.sentences)
    report.chars += len(doc.text)
    return "stored"
