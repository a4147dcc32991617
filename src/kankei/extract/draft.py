"""The records the extraction stages hand each other: a predicate hit, the sentence scope every
rule reads, and the draft event the rules refine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from kankei.extract.actors import RawMention
from kankei.extract.knowledge import Knowledge
from kankei.extract.lexicon import Predicate
from kankei.extract.treaties import TreatyMention
from kankei.extract.tree import DepTree
from kankei.model import DateValue, Mention, ParsedSentence, Token

if TYPE_CHECKING:
    from kankei.extract.frame import Frame

MentionTokens: TypeAlias = Sequence[tuple[RawMention, set[int]]]


@dataclass(frozen=True)
class Arg:
    """The actors of one slot and how they were found (case, inherited, zero, …)."""

    mentions: tuple[Mention, ...]
    how: str


NO_ARG = Arg((), "none")


@dataclass(frozen=True)
class Hit:
    """A predicate found in the parse: the event token, the token that governs it (itself, or
    the light verb of an event noun), its lexicon entry, where its compound starts, and the
    id of the predicate rule that attached it."""

    tok: Token
    gov: Token
    pred: Predicate
    comp_start: int
    rule: str


@dataclass(frozen=True)
class Scope:
    """One parsed sentence and what the rules may read about it."""

    parsed: ParsedSentence
    tree: DepTree
    know: Knowledge
    mention_tokens: MentionTokens
    date_tokens: Sequence[tuple[DateValue, int | None]]
    treaty_tokens: Sequence[tuple[TreatyMention, set[int]]]
    actor_tokens: frozenset[int]
    predicate_heads: frozenset[int]
    context_date: str | None
    recent: Sequence[str]
    carried: DateValue | None
    # the sources of the events the sentence before told, its subject first
    before: Sequence[str] = ()
    # the date of the section (its dated heading), for an event no nearer date dates
    narrative: DateValue | None = None

    @property
    def text(self) -> str:
        return self.parsed.text


@dataclass(frozen=True)
class Draft:
    """An event on its way: each rule returns a changed copy (or None to drop it)."""

    hit: Hit
    code: str
    context_date: str | None = None  # the sentence's place in the discourse
    date: DateValue | None = None
    passive: bool = False
    frame: Frame | None = None
    sources: Arg = NO_ARG
    targets: Arg = NO_ARG
    # the targets emitted: the stated ones, or (None,) for a unilateral act
    target_list: tuple[Mention | None, ...] = ()
    negated: bool = False
    mode: str = "asserted"
    recall: bool = False  # one's own envoy called home
    against: bool = False  # 反ソ演説: the compound names whom a statement is against
    tried: bool = False  # …しようとした, …を試みた
    dates: tuple[DateValue | None, ...] = ()  # one event per date stated (distributed)
    note: str = ""  # appended to the readable rule summary (threat, foretold, accusation)
    fired: tuple[str, ...] = field(default=())

    @property
    def when(self) -> str | None:
        """The date the actors are resolved at: the event's own, else the context's."""
        return self.date.value if self.date and self.date.value else self.context_date

    @property
    def tok(self) -> Token:
        return self.hit.tok

    @property
    def gov(self) -> Token:
        return self.hit.gov

    @property
    def pred(self) -> Predicate:
        return self.hit.pred
