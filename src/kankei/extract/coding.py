"""A whole document: sentences in order, the date anchor and the recently named actors carried
from one sentence to the next."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from kankei.extract.actors import ActorDictionary, ActorEntry, RawMention, resolve
from kankei.extract.arguments import is_actor, names_a_setting
from kankei.extract.clause_dates import background_dates
from kankei.extract.dates import Anchor, find_dates
from kankei.extract.events import Knowledge, extract_events
from kankei.extract.generic import bare_organs, has_bare_organ, home_state
from kankei.extract.order import DOCUMENT_RULE_IDS
from kankei.extract.roles import learn_aliases
from kankei.extract.unknown import unknown_names
from kankei.model import DateValue, Event, ParsedSentence, Sentence

_MEMORY = 12  # actors remembered for anaphora
_BULLET_LEVEL = 7  # a timeline bullet sits below every heading
_ZERO_WINDOW = 1  # sentences back in which an unsaid target may have been named
_SAME_EVENT_WINDOW = 3  # sentences back in which an undated event may have been told


@dataclass(frozen=True)
class CodedDocument:
    events: list[Event]
    unknown: list[tuple[int, str, str]]  # (sentence index, name, kind)


@dataclass
class _Reading:
    """What reading a document carries from one sentence to the next."""

    anchor: Anchor
    doc_date: str | None  # the stated document date (forward-dated acts are future)
    recent: list[str] = field(default_factory=list)  # actors named, latest last
    by_sentence: list[list[str]] = field(default_factory=list)  # each sentence's actors
    aliases: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)
    stated_before: DateValue | None = None
    home: str | None = None  # the state the document is about (extract/generic.py)
    # the date of the section the narrative stands in, from its dated heading
    narrative: DateValue | None = None
    level: int = 0  # the level of the heading that dated the narrative (## = 2)
    parties_before: set[str] = field(default_factory=set)
    sources_before: list[str] = field(default_factory=list)  # the last sentence's subjects

    def remember(self, codes: list[str], found: list[Event]) -> None:
        # the parties of the sentence's events first: they are who the discourse is about
        parties = [c for e in found for c in (e.source, e.target) if c]
        self.parties_before = set(parties)
        self.sources_before = list(dict.fromkeys(e.source for e in found if e.source))
        self.by_sentence.append([c for c in codes if c not in parties] + parties)
        for code in codes:
            if code in self.recent:
                self.recent.remove(code)
            self.recent.append(code)
        del self.recent[:-_MEMORY]


@dataclass(frozen=True)
class Coder:
    knowledge: Knowledge
    actors: ActorDictionary

    def with_disabled(self, rule_ids: frozenset[str]) -> Coder:
        """The same coder with these rules switched off (the dictionaries are shared)."""
        return replace(self, knowledge=replace(self.knowledge, disabled=rule_ids))

    def needs_parse(
        self, sentence: Sentence, named: Sequence[RawMention] | None = None, home: str | None = None
    ) -> bool:
        """Cheap test: only sentences naming an actor (or pointing back to one) can hold an
        event. `named`: the sentence's dictionary matches, when the caller has them; `home`: the
        document's state (see home_state), which organs named without a state stand for."""
        if not sentence.parse or _PROVISION.match(sentence.text):
            return False
        if home is not None and has_bare_organ(sentence.text, self.knowledge.grammar):
            return True
        if any(a in sentence.text for a in self.knowledge.grammar.anaphora):
            return True
        if self.knowledge.grammar.continues(sentence.text):
            return True  # また、…を求めた: the subject of the sentence before goes on
        if self.knowledge.treaties.find(sentence.text):
            return True  # SALT IIの交渉: a treaty's parties may be the only ones named
        return bool(self.actors.find(sentence.text) if named is None else named)

    def home_state(
        self,
        sentences: Sequence[Sentence],
        matches: Mapping[int, list[RawMention]] | None = None,
    ) -> str | None:
        """The state the document is about, from its sentences' dictionary matches; None while
        actor.generic-organ is switched off (nothing else reads it)."""
        if "actor.generic-organ" in self.knowledge.disabled:
            return None
        found = matches or {}
        return home_state(
            found[s.index] if s.index in found else self.actors.find(s.text)
            for s in sentences
            if s.parse
        )

    def code_document(
        self,
        sentences: Sequence[Sentence],
        parsed: Mapping[int, ParsedSentence],
        doc_date: str | None,
        doc_date_stated: bool = True,
        matches: Mapping[int, list[RawMention]] | None = None,
    ) -> CodedDocument:
        """`matches`: sentence index -> its dictionary matches (no learned names), when the
        caller has already looked them up to choose what to parse."""
        reading = _Reading(
            anchor=Anchor.from_doc_date(doc_date, doc_date_stated),
            doc_date=doc_date if doc_date_stated else None,
            home=self.home_state(sentences, matches),
        )
        for sentence in sentences:
            self._read(sentence, parsed.get(sentence.index), reading, matches)
        return CodedDocument(reading.events, reading.unknown)

    def _read(
        self,
        sentence: Sentence,
        ps: ParsedSentence | None,
        reading: _Reading,
        matches: Mapping[int, list[RawMention]] | None,
    ) -> None:
        """One sentence: its dates, actors and events; then what it hands the next one."""
        dates, period, carried, narrative = self._dates(sentence, ps, reading)
        context = _iso(reading.anchor)
        named = self._named(sentence, context, reading, matches)
        mentions = sorted(
            [
                *named,
                *self._anaphors(sentence.text, named, reading.recent, context),
                *self._rebels(sentence.text, named, context),
                *bare_organs(sentence.text, named, reading.home, self.knowledge.grammar),
            ],
            key=lambda m: m.start,
        )
        if sentence.parse:
            reading.unknown.extend(
                (sentence.index, name, kind)
                for name, kind in unknown_names(
                    sentence.text, ps, named, self.knowledge.grammar.is_media
                )
            )
        found: list[Event] = []
        if ps is not None and not _PROVISION.match(sentence.text):
            # (第3条：両国政府は…協議を続ける: a treaty's provisions are no events)
            nearby = [c for codes in reading.by_sentence[-_ZERO_WINDOW:] for c in codes]
            found = extract_events(
                ps,
                mentions,
                dates,
                context,
                self.knowledge,
                nearby,
                carried,
                reading.sources_before,
                narrative,
            )
            found = [self._document_rules(e, reading, period, context) for e in found]
            reading.events.extend(found)
        codes = [
            m.code
            for raw in named
            if is_actor(raw) and not names_a_setting(sentence.text, raw)
            for m in resolve(raw, context)
        ]
        reading.remember(codes, found)

    def _dates(
        self, sentence: Sentence, ps: ParsedSentence | None, reading: _Reading
    ) -> tuple[list[DateValue], bool, DateValue | None, DateValue | None]:
        """The sentence's dates (the anchor moved on past them), whether it names a period,
        the date carried from the sentence before and the date of its section."""
        before_anchor = reading.anchor
        dates, reading.anchor = find_dates(sentence.text, before_anchor)
        history = background_dates(ps, dates, self.knowledge.grammar) if ps else frozenset()
        if history and "date.background" not in self.knowledge.disabled:
            dates, reading.anchor = find_dates(sentence.text, before_anchor, history)
        # a sentence that dates nothing continues the one before; one that states a date, a
        # span or a bound of its own does not (この時期には…: a named period states no
        # date, but is no narrative going on)
        period = any(d.rule == "period" for d in dates)
        stated = any(d.value or d.range_start for d in dates)
        carried = None if period or stated else reading.stated_before
        reading.stated_before = next((d for d in dates if d.value), None)
        return dates, period, carried, self._narrative(sentence, dates, period, reading)

    @staticmethod
    def _narrative(
        sentence: Sentence, dates: Sequence[DateValue], period: bool, reading: _Reading
    ) -> DateValue | None:
        """The date of the section the sentence stands in (### 10月24日（水）, - 1962年): set by
        a dated heading or bullet, ended by the next heading of its level or above or by a
        named period; moves the reading on."""
        before = None if period else reading.narrative
        if sentence.parse:
            if period:
                reading.narrative = None
            return before
        level = len(sentence.text) - len(sentence.text.lstrip("#")) or _BULLET_LEVEL
        # (a date something is put off to, or a year in a name, has no value: it dates nothing)
        stated = [d for d in dates if d.value]
        if stated:
            reading.narrative, reading.level = stated[-1], level
        elif level <= reading.level:
            reading.narrative = None
        return before

    def _named(
        self,
        sentence: Sentence,
        context: str | None,
        reading: _Reading,
        matches: Mapping[int, list[RawMention]] | None,
    ) -> list[RawMention]:
        """The sentence's dictionary matches, with the names the document taught so far."""
        aliases = reading.aliases
        if not aliases and matches is not None and sentence.index in matches:
            named = matches[sentence.index]
        else:
            named = self.actors.find(sentence.text, aliases)
        learned = learn_aliases(sentence.text, named, self.knowledge.grammar, context)
        if learned.keys() - aliases.keys():
            for name, entries in learned.items():
                aliases.setdefault(name, entries)
            named = self.actors.find(sentence.text, aliases)
        return named

    def _document_rules(
        self, event: Event, reading: _Reading, period: bool, context: str | None
    ) -> Event:
        """The document-level rules of `order.DOCUMENT_RULE_IDS`, in that order; each that
        changes the event is recorded on it."""
        disabled = self.knowledge.disabled
        steps: dict[str, Callable[[Event], Event]] = {
            "mode.future": lambda e: _after(e, reading.doc_date),
            # (この時期には…交渉が重ねられた: a named period, not one act told again)
            "date.same-event": lambda e: (
                e if period else _as_before(e, reading.events, self.knowledge.roots.programmes)
            ),
            "date.episode-year": lambda e: _episode(e, reading.parties_before),
            "target.occupier": self.knowledge.occupations.redirect,
            "date.article-month": lambda e: e if period else _news_of(e, reading, context),
        }
        for rule_id in DOCUMENT_RULE_IDS:
            if rule_id in disabled:
                continue
            changed = steps[rule_id](event)
            if changed != event:
                event = replace(changed, rules=(*changed.rules, rule_id))
        return event

    def _rebels(self, text: str, named: Sequence[RawMention], when: str | None) -> list[RawMention]:
        """反政府勢力: the armed opposition of the state named with it, or of the state whose
        war is the sentence's setting (アフガニスタン紛争で…反政府勢力を支援した)."""
        states = [raw for raw in named if raw.candidates[0].type == "state"]
        conflicts = self.knowledge.grammar.conflict_nouns
        settings = [raw for raw in states if text.startswith(conflicts, raw.end)]
        out: list[RawMention] = []
        taken: list[tuple[int, int]] = [(m.start, m.end) for m in named]
        for noun in self.knowledge.grammar.rebel_nouns:
            start = text.find(noun)
            while start >= 0:
                end = start + len(noun)
                if not any(s < end and start < e for s, e in taken):
                    owner = next(
                        (raw for raw in states if text[raw.end : start] in ("", "の")), None
                    ) or (settings[0] if len(settings) == 1 else None)
                    if owner is not None:
                        code = resolve(owner, when)[0].code + "REB"
                        entry = ActorEntry(code=code, type="group", names=(noun,), agent="REB")
                        out.append(RawMention(noun, start, end, (entry,), "rebels"))
                        taken.append((start, end))
                start = text.find(noun, end)
        return out

    def _anaphors(
        self, text: str, named: Sequence[RawMention], recent: Sequence[str], when: str | None
    ) -> list[RawMention]:
        """両国, 同国, 両首脳 …: the states named last (earlier in this sentence first)."""
        taken = [(m.start, m.end) for m in named]
        out: list[RawMention] = []
        for word, count in sorted(
            self.knowledge.grammar.anaphora.items(), key=lambda kv: -len(kv[0])
        ):
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not any(s < end and start < e for s, e in taken):
                    codes = list(recent)
                    clause = text.rfind("、", 0, start) + 1
                    topic: set[str] = set()
                    for raw in named:
                        if raw.end > start or names_a_setting(text, raw):
                            continue
                        mentions = resolve(raw, when)
                        # (a は topic scopes over the sentence, a が subject over its clause)
                        marked = _TOPIC.match(text, raw.end)
                        if (
                            count == 1
                            and marked
                            and (marked.group().endswith("は") or raw.start >= clause)
                        ):
                            topic.update(m.code for m in mentions)
                        if count == 1 and raw.candidates[0].type != "state":
                            continue
                        for m in mentions:
                            if m.code in codes:
                                codes.remove(m.code)
                            codes.append(m.code)
                    # 同国 is another state than the topic of its own clause
                    # (イスラエルは同国の核施設を攻撃: not ISR)
                    codes = [c for c in codes if c not in topic]
                    antecedents = codes[-count:] if len(codes) >= count else []
                    if antecedents:
                        entries = tuple(
                            ActorEntry(code=c, type="state", names=(word,)) for c in antecedents
                        )
                        out.append(RawMention(word, start, end, entries, "compound"))
                        taken.append((start, end))
                start = text.find(word, end)
        return out


_PROVISION = re.compile(r"\s*第[0-9０-９一二三四五六七八九十百]+条")
_TOPIC = re.compile(r"[^、。をにとでへ]{0,20}?(?:は|が|も)")


def _as_before(event: Event, earlier: Sequence[Event], programmes: frozenset[str]) -> Event:
    """ラブロフと会談したのは…ハースであった: an undated event the text has just told, between
    the same parties and of the same kind, is that event again and takes its date."""
    if event.date is not None or event.date_start is not None or event.target is None:
        return event
    if event.root in programmes:
        return event  # aid is told as a programme running on, not one act told twice
    if "source.treaty-parties" in event.rules:
        return event  # (SALT IIの議論: talks known by their treaty are not a meeting told before)
    parties = {event.source, event.target}
    for prior in reversed(earlier):
        if event.sentence_index - prior.sentence_index > _SAME_EVENT_WINDOW:
            break
        if {prior.source, prior.target} == parties and prior.root == event.root and prior.date:
            return replace(
                event,
                date=prior.date,
                date_precision=prior.date_precision,
                date_text=prior.date_text,
                date_rule="same-event",
            )
    return event


def _news_of(event: Event, reading: _Reading, context: str | None) -> Event:
    """12日、地震が起きた。各国政府は支援を表明した。 (an article of 2008-05-14) → 2008-05: in
    an article dated to the day, an undated act told while the narrative stands in the
    article's own month is news of that month (the guidelines' bounds on both sides: after the
    month's dated events, before the article)."""
    doc = reading.doc_date
    if event.date or event.date_start or event.mode != "asserted" or not doc or len(doc) != 10:
        return event
    if context != doc[:7]:
        return event
    return replace(event, date=doc[:7], date_precision="month", date_rule="article-month")


def _episode(event: Event, parties_before: set[str]) -> Event:
    """A date carried from the sentence before holds at its own precision only for the same
    parties going on with the same episode; otherwise only its year is the section's."""
    if not (event.date_rule or "").startswith("previous-sentence") or not event.date:
        return event
    if {event.source, event.target} <= parties_before or len(event.date) == 4:
        return event
    return replace(event, date=event.date[:4], date_precision="year")


def _after(event: Event, doc_date: str | None) -> Event:
    """来週…会談する: an act dated after the document that reports it has not happened yet —
    and one the text dates forward (来週, 来月, 明日) has not, whatever the document's date."""
    if event.mode != "asserted":
        return event
    ahead = (event.date_rule or "").startswith("document-relative") and (
        event.date_text or ""
    ).startswith(("来", "明"))
    if not ahead and event.date and doc_date:
        n = min(len(event.date), len(doc_date))
        ahead = event.date[:n] > doc_date[:n]
    return replace(event, mode="future") if ahead else event


def _iso(anchor: Anchor) -> str | None:
    if anchor.year is None:
        return None
    if anchor.month is None:
        return f"{anchor.year:04d}"
    return f"{anchor.year:04d}-{anchor.month:02d}"
