"""Which of a sentence's dates belongs to an event: its own clause's, else the one before it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.grammar import Grammar
from kankei.extract.tree import DepTree, token_at
from kankei.model import DateValue, ParsedSentence, Token


def attached_date(
    gov: Token,
    tree: DepTree,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    predicate_heads: set[int],
    bounds: frozenset[str],
) -> DateValue | None:
    """The date of the predicate's own clause: a date whose head chain reaches the predicate
    before any other predicate."""
    best: DateValue | None = None
    best_distance = len(tree.tokens) + 1
    for date, ti in date_tokens:
        if ti is None:
            continue
        cur = tree.tokens[ti]
        for anc in [cur, *tree.ancestors(cur)]:
            if anc.i == gov.i:
                if abs(ti - gov.i) < best_distance:
                    best, best_distance = date, abs(ti - gov.i)
                break
            if anc.i in predicate_heads and anc.i != gov.i:
                break
            if anc.i != ti and (anc.text in bounds or tree.particle(anc) == "から"):
                break  # 1941年の侵攻の直後から…していた: only a lower bound
    return best


def sentence_date(
    tok: Token,
    text: str,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    time_bounds: Sequence[str],
) -> DateValue | None:
    """No date in the predicate's own clauses: the last date stated before it in the
    sentence, unless what lies between only bounds the time (…したことで, …の後)."""
    earlier = [d for d, ti in date_tokens if d.value and d.end <= tok.start]
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end : tok.start]
    if any(bound in between for bound in time_bounds):
        return None
    return replace(last, rule=f"sentence:{last.rule}")


def distributed_dates(
    gov: Token,
    tree: DepTree,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    predicate_heads: set[int],
    bounds: frozenset[str],
) -> list[DateValue]:
    """Several dates of one clause, each in its own に-phrase (not a から…まで span)."""
    found: list[DateValue] = []
    for date, ti in date_tokens:
        if ti is None or not date.value:
            continue
        if tree.particle(tree.tokens[ti]) not in ("に", "には", ""):
            continue
        if _in_relative_clause(tree.tokens[ti], gov, tree):
            continue  # (2002年に…駆け込んだ一家は28日に面会した: the date of a description)
        if attached_date(gov, tree, [(date, ti)], predicate_heads, bounds) is date:
            found.append(date)
    values = {d.value for d in found}
    return found if len(values) > 1 and len(values) == len(found) else []


def _in_relative_clause(tok: Token, gov: Token, tree: DepTree) -> bool:
    """Whether a clause describing a noun (acl) stands between tok and gov."""
    for anc in tree.ancestors(tok):
        if anc.i == gov.i:
            return False
        if anc.dep == "acl":
            return True
    return False


def background_dates(
    parsed: ParsedSentence, dates: Sequence[DateValue], grammar: Grammar
) -> frozenset[int]:
    """The start offsets of the dates that tell the history of something the sentence names:
    a date in a relative clause describing a treaty, an organisation or a publication (1947年に
    締結したリオ条約に基づき…, 1965年に書いた著書で), which does not move the narrative."""
    if not any(d.value for d in dates):
        return frozenset()
    tree = DepTree(parsed.tokens)
    out: set[int] = set()
    for date in dates:
        ti = token_at(parsed.tokens, max(date.end - 1, date.start))
        if ti is None or not date.value or parsed.text.startswith(("、", "，"), date.end):
            continue  # (1962年、…: set off by a comma, it opens the sentence, whatever the parse)
        for anc in tree.ancestors(tree.tokens[ti]):
            if anc.dep == "acl":
                described = tree.tokens[anc.head]
                heads = (*grammar.background_heads, *grammar.publications)
                if described.text.endswith(heads):
                    out.add(date.start)
                break
    return frozenset(out)
