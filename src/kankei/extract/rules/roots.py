"""Code rewrites: the lexicon's code changed by the construction it stands in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.arguments import NOUNS
from kankei.extract.draft import Draft, Scope
from kankei.extract.grammar import Grammar
from kankei.extract.tree import DepTree
from kankei.model import Event, Token


def recall(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は駐ソ米国大使を呼び出した → USA→SUN 16: one's own envoy called home is a recall."""
    return replace(d, code="161") if d.recall else d


def against(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連は反米演説を行った → SUN→USA 11: a statement against the state its compound names."""
    return replace(d, code="111") if d.against and d.code[:2] == "01" else d


def mass_killing(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ロシア軍はウクライナで多数の民間人を殺害した → RUS→UKR 20: a killing whose victims are
    counted in great numbers."""
    if d.code not in ("1823", "175"):
        return d
    slots = ("nsubj",) if d.passive else ("obj",)
    tree, markers = scope.tree, scope.know.grammar.mass_markers
    for holder in {d.gov.i, d.tok.i}:
        for c in tree.children[holder]:
            if c.dep in slots:
                words = "".join(tree.tokens[i].text for i in sorted(tree.phrase(c) | {c.i}))
                if any(m in words for m in markers):
                    return replace(d, code="202")
    return d


def agree_to_act(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米ソは交渉を再開することで合意した → USA→SUN 03: what is agreed on is still to be done."""
    if d.code[:2] != "05":
        return d
    tree = scope.tree
    agreed = any(
        c.lemma in ("こと", "事") and tree.particle(c) in ("で", "に")
        for c in tree.children[d.gov.i]
    )
    return replace(d, code="030") if agreed else d


def negated_entry(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連は米国と合意しなかった → SUN→USA 12: an entry with a negated code (合意に至らなかった
    only did not happen: negated on its light verb, no refusal)."""
    if d.negated and d.pred.negated_code and d.gov.i == d.tok.i:
        return replace(d, code=d.pred.negated_code, negated=False)
    return d


def joint_declaration(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国とソ連は冷戦の終結を宣言した → USA→SUN 05: a joint statement is an agreement."""
    if d.targets.how == "joint" and d.pred.lemma in scope.know.grammar.joint_declarations:
        return replace(d, code="05")
    return d


ATTEMPT = re.compile(r"(?:し|する)?ようと(?:し|する|試み)")


def tried(d: Draft, scope: Scope) -> bool:
    """対話しようとした, 中断を試みた."""
    return ATTEMPT.match(scope.text, d.gov.end) is not None or (
        d.gov.i != d.tok.i and d.gov.lemma in scope.know.grammar.attempt_verbs
    )


def attempt(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連と対話しようとした → USA→SUN 03: a cooperative act tried for is an intent to it."""
    attempts = scope.know.grammar.attempts
    if d.code[:2] in attempts and tried(d, scope):
        return replace(d, code=attempts[d.code[:2]])
    return d


def negated(tok: Token, tree: DepTree, grammar: Grammar) -> bool:
    return any(
        c.dep in ("aux", "fixed", "mark") and c.lemma in grammar.negation
        for c in tree.children[tok.i]
    )


def negation(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連を承認しなかった → USA→SUN 05, negated: a negation on the predicate or its event
    noun."""
    tree, g = scope.tree, scope.know.grammar
    found = negated(d.gov, tree, g) or (d.gov.i != d.tok.i and negated(d.tok, tree, g))
    return replace(d, negated=True) if found else d


__all__ = ["NOUNS"]
