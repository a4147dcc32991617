"""The one helper that codes team-written sentences for tests: each text a sentence of one
document, parsed with the session's pipeline and coded by its coder (or another one, e.g. with
some rules switched off)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from kankei.extract.coding import CodedDocument, Coder
from kankei.model import Event, ParsedSentence, Sentence


def code_sentences(
    pipeline, texts: Sequence[str], doc_date: str | None = None, coder: Coder | None = None
) -> CodedDocument:
    sents, parsed = _parsed(pipeline, tuple(texts))
    return (coder or pipeline.coder).code_document(sents, parsed, doc_date)


@cache
def _parsed(pipeline, texts: tuple[str, ...]) -> tuple[list[Sentence], dict[int, ParsedSentence]]:
    """(the parse is the slow part; tests code one text under several settings). A text that
    starts with # is a section heading: a sentence that is read but not parsed."""
    sents = []
    pos = 0
    for i, text in enumerate(texts):
        offsets = tuple(range(pos, pos + len(text)))
        heading = text.startswith("#")
        sents.append(Sentence("t", i, pos, pos + len(text), text, offsets, parse=not heading))
        pos += len(text)
    parsed = {ps.sentence.index: ps for ps in pipeline.parser.parse(s for s in sents if s.parse)}
    return sents, parsed


def code(
    pipeline, text: str, doc_date: str | None = None, coder: Coder | None = None
) -> list[Event]:
    return code_sentences(pipeline, [text], doc_date, coder).events


def triples(
    events: Iterable[Event], asserted: bool = True
) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source, e.target, e.root)
        for e in events
        if not asserted or (not e.negated and e.mode == "asserted")
    }
