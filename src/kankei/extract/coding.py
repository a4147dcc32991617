"""A whole document: sentences in order, the date anchor carried from one to the next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kankei.extract.actors import ActorDictionary
from kankei.extract.dates import Anchor, find_dates
from kankei.extract.events import Knowledge, extract_events
from kankei.model import Event, ParsedSentence, Sentence


@dataclass(frozen=True)
class Coder:
    knowledge: Knowledge
    actors: ActorDictionary

    def needs_parse(self, sentence: Sentence) -> bool:
        """Cheap test: only sentences naming an actor can hold an event."""
        return sentence.parse and bool(self.actors.find(sentence.text))

    def code_document(
        self,
        sentences: Sequence[Sentence],
        parsed: Mapping[int, ParsedSentence],
        doc_date: str | None,
    ) -> list[Event]:
        anchor = Anchor.from_doc_date(doc_date)
        events: list[Event] = []
        for sentence in sentences:
            start_anchor = anchor
            dates, anchor = find_dates(sentence.text, anchor)
            ps = parsed.get(sentence.index)
            if ps is None:
                continue
            mentions = self.actors.find(sentence.text)
            context = _iso(start_anchor)
            events.extend(extract_events(ps, mentions, dates, context, self.knowledge))
        return events


def _iso(anchor: Anchor) -> str | None:
    if anchor.year is None:
        return None
    if anchor.month is None:
        return f"{anchor.year:04d}"
    return f"{anchor.year:04d}-{anchor.month:02d}"
