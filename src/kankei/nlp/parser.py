"""Loading ja_ginza once and turning sentences into frozen ParsedSentence records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from kankei.model import Entity, ParsedSentence, Sentence, Token
from kankei.settings import Settings

# SudachiPy refuses inputs over 49,149 bytes; sentences are far shorter, but a pathological
# line (a table flattened into one "sentence") is cut to stay clear of the limit.
MAX_BYTES = 40_000


class Parser:
    def __init__(self, settings: Settings) -> None:
        import spacy
        from thinc.api import NumpyOps, set_current_ops

        from kankei.nlp.ops import BlasOps

        exclude = [] if settings.ner else ["ner"]
        # layers take the ops current when they are built: set them for the load only
        set_current_ops(BlasOps() if settings.fast else NumpyOps())
        try:
            self.nlp: Any = spacy.load(settings.model, exclude=exclude)
        finally:
            set_current_ops(NumpyOps())
        self.batch_size = settings.batch_size
        self.batch_chars = settings.batch_chars

    def parse(self, sentences: Iterable[Sentence]) -> Iterator[ParsedSentence]:
        for batch in self._batches(sentences):
            texts = [_fit(s.text) for s in batch]
            for sentence, doc in zip(
                batch, self.nlp.pipe(texts, batch_size=len(texts)), strict=True
            ):
                yield to_parsed(sentence, doc)

    def _batches(self, sentences: Iterable[Sentence]) -> Iterator[list[Sentence]]:
        """Batches of at most batch_size sentences and batch_chars characters: the parser's
        memory grows with a batch's characters (64 sentences of 500 characters took 1.9 GB),
        so long sentences go in smaller batches while ordinary ones keep them full."""
        batch: list[Sentence] = []
        chars = 0
        for sentence in sentences:
            if batch and (
                len(batch) >= self.batch_size or chars + len(sentence.text) > self.batch_chars
            ):
                yield batch
                batch, chars = [], 0
            batch.append(sentence)
            chars += len(sentence.text)
        if batch:
            yield batch


# ブレスト＝リトフスク, ジャクソン=バニク: the parser splits a name at an equals sign but
# keeps it whole at a middle dot (one character for one, so offsets stay)
_NAME_JOINER = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[=＝](?=[\u30a1-\u30fa])")


def _fit(text: str) -> str:
    text = _NAME_JOINER.sub("・", text)
    data = text.encode("utf-8")
    if len(data) <= MAX_BYTES:
        return text
    return data[:MAX_BYTES].decode("utf-8", errors="ignore")


def to_parsed(sentence: Sentence, doc: Any) -> ParsedSentence:
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            start=t.idx,
            end=t.idx + len(t.text),
        )
        for t in doc
    )
    entities = tuple(
        Entity(start=e.start_char, end=e.end_char, label=e.label_, text=e.text) for e in doc.ents
    )
    return ParsedSentence(sentence=sentence, tokens=tokens, entities=entities)
