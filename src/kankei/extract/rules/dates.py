"""The date of a candidate event: its own clause's, the chain's, the sentence's, or the one the
sentence before left off with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.clause_dates import attached_date, distributed_dates, sentence_date
from kankei.extract.draft import Draft, Scope
from kankei.extract.predicates import progressive
from kankei.model import DateValue, Event


def _dated(d: Draft, date: DateValue | None) -> Draft:
    return replace(d, date=date) if date is not None else d


def own_clause(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """1941年6月、ドイツはソ連に侵攻した → DEU→SUN 19, 1941-06: a date in the predicate's own
    clause."""
    if d.date is not None:
        return d
    bounds = scope.know.grammar.bound_nouns
    found = attached_date(d.gov, scope.tree, scope.date_tokens, set(scope.predicate_heads), bounds)
    return _dated(d, found)


def clause_chain(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は1972年にモスクワを訪問し、ソ連と条約に調印した → USA→SUN 04 and 05, 1972: a chain of
    clauses shares the date of its first clause."""
    if d.date is not None:
        return d
    tree, bounds = scope.tree, scope.know.grammar.bound_nouns
    heads = set(scope.predicate_heads)
    date = None
    for c in tree.children[d.gov.i]:
        if c.dep == "advcl" and c.i < d.gov.i and c.i in heads:
            date = attached_date(c, tree, scope.date_tokens, heads, bounds) or date
    return _dated(d, date)


def in_sentence(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """1979年12月のソ連の侵攻に対し、米国はソ連を非難した → USA→SUN 11, 1979-12: the last date
    stated before the predicate, unless what lies between only bounds the time (…の後)."""
    if d.date is not None:
        return d
    found = sentence_date(d.tok, scope.text, scope.date_tokens, scope.know.grammar.time_bounds)
    return _dated(d, found)


def carried(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """1961年6月、米国はソ連と会談した。ソ連は米国を非難した → SUN→USA 11, 1961-06: the narrative
    goes on where the sentence before left it (not what was going on then, …していた)."""
    return _undated_takes(d, scope, scope.carried, "previous-sentence")


def narrative(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """### 1962年10月24日。ソ連は封鎖を非難した。国連事務総長は米ソ両国に書簡を送った → UN→USA
    04, 1962-10-24: an event no date of its own sentence or the one before dates takes the date
    of the section it is told in (the dated heading or timeline bullet above it)."""
    return _undated_takes(d, scope, scope.narrative, "narrative")


def _undated_takes(d: Draft, scope: Scope, prior: DateValue | None, how: str) -> Draft:
    """The draft dated by a date from before its sentence, if it has none of its own — and is
    not what was going on then (…していた)."""
    if d.date is not None or prior is None or progressive(d.gov, scope.tree):
        return d
    return replace(d, date=replace(prior, rule=f"{how}:{prior.rule}"))


def distributed(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ニクソンは1972年にモスクワで、1974年にキエフでブレジネフと首脳会談を行った → USA→SUN 04, 1972
    and 1974: one event per date of the clause, each in its own に-phrase."""
    bounds = scope.know.grammar.bound_nouns
    several = distributed_dates(
        d.gov, scope.tree, scope.date_tokens, set(scope.predicate_heads), bounds
    )
    return replace(d, dates=tuple(several)) if several else d
