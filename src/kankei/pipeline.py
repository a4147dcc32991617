"""Files -> Documents -> parsed sentences -> Events -> the store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kankei.extract.actors import RawMention, load_actor_dictionary
from kankei.extract.cameo import load_codebook
from kankei.extract.chooser import load_argument_model
from kankei.extract.coding import CodedDocument, Coder
from kankei.extract.dates import latest_stated_date
from kankei.extract.events import Knowledge
from kankei.extract.grammar import load_grammar
from kankei.extract.lexicon import load_lexicon
from kankei.extract.occupations import load_occupations
from kankei.extract.order import all_rule_ids
from kankei.extract.registry import check_rule_ids
from kankei.extract.rewrites import load_rewrites
from kankei.extract.rules.roots import TESTS
from kankei.extract.treaties import load_treaties
from kankei.ingest import read_document
from kankei.ingest.boilerplate import load_boilerplate
from kankei.ingest.documents import document_from_bytes
from kankei.model import Document, ParsedSentence, Sentence
from kankei.settings import Settings

LATEST_EVENT = "evidence:latest-event"


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    sentences: int = 0
    chars: int = 0
    # stopped by Ctrl-C or SIGTERM: what was stored stays, a re-run resumes
    interrupted: bool = False
    # files under the folders given that are not of a type kankei reads
    not_read: list[str] = field(default_factory=list)
    # (file, stored file): a file whose text is already stored under another file's name
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    # (file, note): how a stored document was read (a text cut or left out)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130  # (the shell's code for a run stopped by a signal)
        if not self.failed:
            return 0
        return 2 if not (self.stored or self.unchanged) else 1


def build_coder(settings: Settings) -> Coder:
    codebook = load_codebook()
    grammar = load_grammar()
    lexicon = load_lexicon(codebook, settings.predicate_files)
    actors = load_actor_dictionary(grammar, settings.actor_files)
    disabled = check_rule_ids(settings.disabled_rules, all_rule_ids())
    knowledge = Knowledge(
        lexicon,
        grammar,
        codebook,
        load_occupations(),
        load_treaties(),
        rewrites=load_rewrites(frozenset(TESTS), codebook),
        arguments=load_argument_model() if settings.argument_model else None,
        disabled=disabled,
    )
    return Coder(knowledge, actors)


class Reader:
    """Files -> Documents: decoding, cleaning, sentences and the document date. No parser."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.boiler = load_boilerplate()

    def read(self, path: Path) -> Document:
        return self._dated(read_document(path, doc_date=self.settings.doc_date, boiler=self.boiler))

    def from_bytes(self, data: bytes, path: Path) -> Document:
        return self._dated(
            document_from_bytes(data, path, doc_date=self.settings.doc_date, boiler=self.boiler)
        )

    def _dated(self, doc: Document) -> Document:
        if doc.doc_date is None:
            # nothing states or evidences the date: the latest explicitly dated event
            latest = latest_stated_date(s.text for s in doc.sentences if s.parse)
            if latest is not None:
                doc = replace(doc, doc_date=latest, doc_date_source=LATEST_EVENT)
        return doc


class Pipeline:
    """Loads the dictionaries and the parser once; codes documents, many per parser batch."""

    def __init__(self, settings: Settings) -> None:
        from kankei.nlp import Parser

        self.settings = settings
        self.reader = Reader(settings)
        self.coder = build_coder(settings)
        self.parser = Parser(settings)

    def read(self, path: Path) -> Document:
        return self.reader.read(path)

    def wants_parse(
        self, sentence: Sentence, named: Sequence[RawMention] | None = None, home: str | None = None
    ) -> bool:
        """Fast path: only sentences with an actor and a predicate candidate can hold an event.
        Without it every sentence meant for parsing is parsed."""
        if not self.settings.fast:
            return sentence.parse
        return self.coder.needs_parse(
            sentence, named, home
        ) and self.coder.knowledge.lexicon.may_occur(sentence.text)

    def code(self, doc: Document) -> CodedDocument:
        return self.code_many([doc])[0]

    def code_many(self, docs: Sequence[Document]) -> list[CodedDocument]:
        """Code several documents with one stream through the parser, so that its batches
        stay full however short the documents are; a long document in pieces (code_long)."""
        piece = self.settings.piece_sentences
        if all(len(doc.sentences) <= piece for doc in docs):
            return self.code_parsed(docs, self.parse_many(docs))
        return [
            self.code_long(doc) if len(doc.sentences) > piece else self.code(doc) for doc in docs
        ]

    def code_long(self, doc: Document) -> CodedDocument:
        """A long document coded in pieces (code_pieces), its events gathered."""
        out = CodedDocument(events=[], unknown=[])
        for coded in self.code_pieces(doc):
            out.events.extend(coded.events)
            out.unknown.extend(coded.unknown)
        return out

    def code_pieces(self, doc: Document, skip: int = 0) -> Iterator[CodedDocument]:
        """A document parsed and coded a piece of `piece_sentences` sentences at a time (the
        first `skip` pieces left out), so that memory holds one piece's parse, not the whole
        document's. What a reading carries from sentence to sentence (dates, actors named)
        starts again at each piece, so a piece codes the same whether or not the ones before
        it were coded in this run."""
        piece = self.settings.piece_sentences
        for start in range(skip * piece, len(doc.sentences), piece):
            part = replace(doc, sentences=doc.sentences[start : start + piece])
            (coded,) = self.code_parsed([part], self.parse_many([part]))
            yield coded

    def parse_many(self, docs: Sequence[Document]) -> list[ParsedDocument]:
        """The parse of what each document needs parsed, with its dictionary matches."""
        todo: list[Sentence] = []
        owners: list[int] = []
        # the dictionary matches that choose what to parse serve the coder again
        found: list[dict[int, list[RawMention]]] = [{} for _ in docs]
        for k, doc in enumerate(docs):
            if self.settings.fast:
                for sentence in doc.sentences:
                    if sentence.parse:
                        found[k][sentence.index] = self.coder.actors.find(sentence.text)
            home = self.coder.home_state(doc.sentences, found[k]) if self.settings.fast else None
            for sentence in doc.sentences:
                if self.wants_parse(sentence, found[k].get(sentence.index), home):
                    todo.append(sentence)
                    owners.append(k)
        parsed: list[dict[int, ParsedSentence]] = [{} for _ in docs]
        for k, ps in zip(owners, self.parser.parse(todo), strict=True):
            parsed[k][ps.sentence.index] = ps
        return [ParsedDocument(p, f) for p, f in zip(parsed, found, strict=True)]

    def code_parsed(
        self,
        docs: Sequence[Document],
        parses: Sequence[ParsedDocument],
        coder: Coder | None = None,
    ) -> list[CodedDocument]:
        """Code parsed documents (with another coder, e.g. some rules switched off)."""
        coder = coder or self.coder
        return [
            coder.code_document(
                doc.sentences,
                parse.sentences,
                doc.doc_date,
                doc.doc_date_source != LATEST_EVENT,
                parse.matches,
            )
            for doc, parse in zip(docs, parses, strict=True)
        ]


@dataclass(frozen=True)
class ParsedDocument:
    """A document's parsed sentences by index, and the dictionary matches that chose them."""

    sentences: dict[int, ParsedSentence]
    matches: dict[int, list[RawMention]]
