"""Which events a query asks for: the filters and the WHERE clause they make.

Every value travels as a bound parameter; the clause's text comes only from this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kankei.errors import QueryError

MODES = ("asserted", "desired", "future", "hypothetical")
# a page deep into a large result costs the ordering of everything before it; like search
# engines' result windows, pages stop here and bulk access goes through the export
MAX_WINDOW = 5_000

_CODE = re.compile(r"\d{2,4}")
_ROOT = re.compile(r"\d{2}")
_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_PLOVER = re.compile(r"[A-Z][A-Z_-]{1,30}")
QUADS = (1, 2, 3, 4)
_ACTOR = re.compile(r"[A-Z0-9]{2,12}")


@dataclass(frozen=True)
class EventQuery:
    """Filters for a page of events. Empty fields do not filter."""

    actor: str | None = None  # as source or as target
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # either direction between the two
    year_from: int | None = None
    year_to: int | None = None
    root: str | None = None
    code: str | None = None  # this code and the codes below it
    modes: tuple[str, ...] = ()
    negated: bool | None = None
    text: str | None = None  # in the sentence, the predicate or the actors' words
    doc_id: str | None = None
    limit: int = 50
    offset: int = 0
    # the kinds of events a view shows (any of each list; empty: all)
    roots: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    plovers: tuple[str, ...] = ()
    min_confidence: float | None = None
    dated: bool | None = None  # True: with a year; False: undated only
    # months (YYYY-MM) bounding events dated at least to their month
    month_from: str | None = None
    month_to: str | None = None
    # True: dated at least to the month; False: not (undated, or a year alone)
    month_dated: bool | None = None

    def validated(self) -> EventQuery:
        for name in ("actor", "source", "target"):
            value = getattr(self, name)
            if value is not None and not _ACTOR.fullmatch(value):
                raise QueryError(f"{name}: {value!r} is not an actor code (e.g. USA, SUN)")
        if self.dyad is not None:
            for value in self.dyad:
                if not _ACTOR.fullmatch(value):
                    raise QueryError(f"dyad: {value!r} is not an actor code (e.g. USA, SUN)")
        for name, value in (("root", self.root), ("code", self.code)):
            if value is not None and not _CODE.fullmatch(value):
                raise QueryError(f"{name}: {value!r} is not a CAMEO code (digits, e.g. 04, 042)")
        if self.root is not None and len(self.root) != 2:
            raise QueryError(f"root: {self.root!r} must have two digits (e.g. 04)")
        for mode in self.modes:
            if mode not in MODES:
                raise QueryError(f"mode: {mode!r} is not one of {', '.join(MODES)}")
        self._validate_kinds()
        if not 1 <= self.limit <= 1000:
            raise QueryError(f"limit: {self.limit} is outside 1..1000")
        if self.offset < 0:
            raise QueryError(f"offset: {self.offset} is negative")
        if self.offset + self.limit > MAX_WINDOW:
            raise QueryError(
                f"offset: pages reach the first {MAX_WINDOW:,} events of a query; narrow it "
                "(actor, dyad, years, code) or take everything with `kankei export`"
            )
        if (
            self.year_from is not None
            and self.year_to is not None
            and self.year_from > self.year_to
        ):
            raise QueryError(f"period: from {self.year_from} is after to {self.year_to}")
        return self

    def _validate_kinds(self) -> None:
        for root in self.roots:
            if not _ROOT.fullmatch(root):
                raise QueryError(f"root: {root!r} is not a CAMEO root (two digits, e.g. 04)")
        for quad in self.quads:
            if quad not in QUADS:
                raise QueryError(f"quad: {quad!r} is not a QuadClass (1, 2, 3 or 4)")
        for plover in self.plovers:
            if not _PLOVER.fullmatch(plover):
                raise QueryError(f"plover: {plover!r} is not a PLOVER category (e.g. CONSULT)")
        for name in ("month_from", "month_to"):
            value = getattr(self, name)
            if value is not None and not _MONTH.fullmatch(value):
                raise QueryError(f"{name}: {value!r} is not a month (YYYY-MM)")
        conf = self.min_confidence
        if conf is not None and not 0.0 <= conf <= 1.0:  # (NaN fails both)
            raise QueryError(f"min_confidence: {conf!r} is outside 0..1")


def event_where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if q.actor:
        clauses.append("(e.source = ? OR e.target = ?)")
        params += [q.actor, q.actor]
    if q.source:
        clauses.append("e.source = ?")
        params.append(q.source)
    if q.target:
        clauses.append("e.target = ?")
        params.append(q.target)
    if q.dyad:
        a, b = q.dyad
        clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
        params += [a, b, b, a]
    if q.year_from is not None:
        clauses.append("e.year >= ?")
        params.append(q.year_from)
    if q.year_to is not None:
        clauses.append("e.year <= ?")
        params.append(q.year_to)
    if q.root:
        clauses.append("e.root = ?")
        params.append(q.root)
    if q.code:
        clauses.append("starts_with(e.code, ?)")
        params.append(q.code)
    if q.modes:
        clauses.append("list_contains(?, e.mode)")
        params.append(list(q.modes))
    if q.negated is not None:
        clauses.append("e.negated = ?")
        params.append(q.negated)
    if q.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(q.doc_id)
    _kind_clauses(q, clauses, params)
    if q.text:
        clauses.append(
            "(contains(e.predicate, ?) OR contains(coalesce(e.source_text, ''), ?)"
            " OR contains(coalesce(e.target_text, ''), ?) OR EXISTS (SELECT 1 FROM sentences s"
            " WHERE s.doc_id = e.doc_id AND s.idx = e.sentence_index"
            " AND contains(s.clean_text, ?)))"
        )
        params += [q.text] * 4
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _kind_clauses(q: EventQuery, clauses: list[str], params: list[Any]) -> None:
    if q.roots:
        clauses.append("list_contains(?, e.root)")
        params.append(list(q.roots))
    if q.quads:
        clauses.append("list_contains(?, e.quad_class)")
        params.append(list(q.quads))
    if q.plovers:
        clauses.append("list_contains(?, e.plover)")
        params.append(list(q.plovers))
    if q.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(q.min_confidence)
    if q.dated is not None:
        clauses.append("e.year IS NOT NULL" if q.dated else "e.year IS NULL")
    by_month = "coalesce(length(e.date) >= 7, FALSE)"
    if q.month_dated is not None:
        clauses.append(by_month if q.month_dated else f"NOT {by_month}")
    if q.month_from is not None:
        clauses.append(f"{by_month} AND substr(e.date, 1, 7) >= ?")
        params.append(q.month_from)
    if q.month_to is not None:
        clauses.append(f"{by_month} AND substr(e.date, 1, 7) <= ?")
        params.append(q.month_to)
