"""The records the pipeline stages hand each other. All frozen."""

from __future__ import annotations

from dataclasses import dataclass


# (slots: a long document holds hundreds of thousands of blocks, sentences and tokens)
@dataclass(frozen=True, slots=True)
class Block:
    """A line or paragraph of the cleaned document."""

    start: int  # offset in Document.text
    end: int
    kind: str  # prose | heading | foreign | list
    parse: bool  # whether its sentences are sent to the parser


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence to parse: cleaned text plus a map back to the original."""

    doc_id: str
    index: int
    start: int  # offsets of the sentence in Document.text (the decoded original)
    end: int
    text: str  # cleaned text (citation markers and the like removed)
    # offsets[i] = position in Document.text of text[i] (a range when they run without a gap)
    offsets: tuple[int, ...] | range
    parse: bool = True
    block: int = 0

    def source_span(self, begin: int, end: int) -> tuple[int, int]:
        """Map a [begin, end) span of the cleaned text back into the original document."""
        if end <= begin:
            pos = self.offsets[begin] if begin < len(self.offsets) else self.end
            return pos, pos
        return self.offsets[begin], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Document:
    """A decoded document and what ingest found in it."""

    doc_id: str  # hash of the decoded content
    path: str
    name: str
    fmt: str  # txt | md | html
    encoding: str
    text: str  # the decoded original
    title: str | None = None
    doc_date: str | None = None  # ISO date (any precision) anchoring relative expressions
    doc_date_source: str | None = None
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    # what a reader should be told about how the text was read (text cut or left out)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int  # character offset in the cleaned sentence text
    end: int


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class ParsedSentence:
    sentence: Sentence
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO string at the precision the text supports."""

    value: str | None  # YYYY, YYYY-MM, YYYY-MM-DD or None
    precision: str | None  # year | month | day | decade
    text: str  # the expression as written
    start: int  # offsets in the cleaned sentence text
    end: int
    rule: str
    range_start: str | None = None
    range_end: str | None = None


@dataclass(frozen=True)
class Mention:
    """An actor mention resolved to a code."""

    code: str
    text: str
    start: int  # offsets in the cleaned sentence text
    end: int
    kind: str  # state | igo | person | place | organ | group | compound | role
    agent: str | None = None
    entry: str | None = None  # the dictionary name or rule that coded it


@dataclass(frozen=True)
class Event:
    doc_id: str
    sentence_index: int
    source: str | None
    target: str | None
    code: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    predicate: str
    pred_start: int  # offsets in the original document
    pred_end: int
    source_text: str | None
    target_text: str | None
    source_agent: str | None
    target_agent: str | None
    date: str | None
    date_text: str | None
    date_precision: str | None
    date_rule: str | None
    date_start: str | None  # the range of a span or decade (1970年代後半 → 1975, 1979)
    date_end: str | None
    negated: bool
    mode: str  # asserted | hypothetical | future | desired
    confidence: float
    rule: str  # a readable summary: lex:<entry>>code src:<how> tgt:<how>
    rules: tuple[str, ...] = ()  # the ids of the rules that fired, in order
