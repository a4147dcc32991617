"""Code rewrites: the lexicon's code changed by the construction it stands in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from kankei.extract.draft import Draft, Scope
from kankei.extract.grammar import Grammar
from kankei.extract.predicates import lookup
from kankei.extract.tree import DepTree
from kankei.model import Event, Token

# The construction tests that data/rewrites.yaml names: each says whether a candidate stands in
# the construction its rewrite is about.


def own_envoy(d: Draft, scope: Scope) -> bool:
    """駐ソ米国大使を呼び出した: the candidate calls one's own envoy home (target.recall-host)."""
    return d.recall


def against_compound(d: Draft, scope: Scope) -> bool:
    """反米演説: the predicate's compound names whom it is against (target.compound)."""
    return d.against


def many_victims(d: Draft, scope: Scope) -> bool:
    """多数の民間人を殺害: the victims' phrase (the object, or a passive's subject) counts them
    in great numbers."""
    slots = ("nsubj",) if d.passive else ("obj",)
    tree, markers = scope.tree, scope.know.grammar.mass_markers
    for holder in {d.gov.i, d.tok.i}:
        for c in tree.children[holder]:
            if c.dep in slots:
                words = "".join(tree.tokens[i].text for i in sorted(tree.phrase(c) | {c.i}))
                if any(m in words for m in markers):
                    return True
    return False


def agreed_act_clause(d: Draft, scope: Scope) -> bool:
    """…することで合意: what is agreed on is a こと clause still to be done — not a past one,
    which gives a cause (政権が崩壊したことで、…協定を締結した)."""
    tree = scope.tree
    return any(
        c.lemma in ("こと", "事")
        and tree.particle(c) in ("で", "に")
        and not any(_past(x, tree) for x in tree.children[c.i] if x.dep == "acl")
        for c in tree.children[d.gov.i]
    )


def _past(verb: Token, tree: DepTree) -> bool:
    return any(c.dep == "aux" and c.lemma == "た" for c in tree.children[verb.i])


def war_state(d: Draft, scope: Scope) -> bool:
    """…との間に戦争状態が存在すると宣言した: what is declared is a state of war."""
    tree, words = scope.tree, scope.know.grammar.war_states
    below = "".join(tree.tokens[i].text for i in sorted(tree.descendants(d.gov)))
    return any(w in below for w in words)


def aid_object(d: Draft, scope: Scope) -> bool:
    """救援物資を積んだ輸送機を派遣した: what is sent is aid (its phrase names relief goods)."""
    tree, markers = scope.tree, scope.know.grammar.aid_markers
    for c in tree.children[d.gov.i]:
        if c.dep == "obj":
            words = "".join(tree.tokens[i].text for i in sorted(tree.descendants(c) | {c.i}))
            if any(m in words for m in markers):
                return True
    return False


def joint_declaration(d: Draft, scope: Scope) -> bool:
    """AとBは…を宣言した: joint subjects of a declaring predicate (target.joint-subjects)."""
    return d.targets.how == "joint" and d.pred.lemma in scope.know.grammar.joint_declarations


TESTS: dict[str, Callable[[Draft, Scope], bool]] = {
    "own-envoy": own_envoy,
    "against-compound": against_compound,
    "many-victims": many_victims,
    "agreed-act-clause": agreed_act_clause,
    "joint-declaration": joint_declaration,
    "aid-object": aid_object,
    "war-state": war_state,
}


def notified_act(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ロシアはノルウェーに対し、漁業協定から離脱すると通告した → RUS→NOR 16: notifying an act
    (…すると通告, …を通達) is the act itself, aimed at whom it is notified to."""
    g, tree = scope.know.grammar, scope.tree
    if d.pred.lemma not in g.notification_verbs:
        return d
    reported = [
        c
        for c in tree.children[d.gov.i]
        if (tree.particle(c) == "と" and c.pos in ("VERB", "NOUN")) or c.dep == "obj"
    ]
    for c in reported:
        found = lookup(c, tree, scope.know)
        if found is not None and found[0].code[:2] not in ("01", "02"):
            return replace(d, code=found[0].code)
    return d


def rewrite(rule_id: str) -> Callable[[Draft, Scope, Sequence[Event]], Draft | None]:
    """The rule of the rewrite `rule_id` of data/rewrites.yaml (read from the knowledge)."""

    def apply(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
        spec = scope.know.rewrites.get(rule_id)
        if spec is None or not spec.applies(d.code) or not TESTS[spec.test](d, scope):
            return d
        return replace(d, code=spec.then)

    apply.__doc__ = f"The code rewrite {rule_id} of data/rewrites.yaml."
    apply.rewrite_id = rule_id  # type: ignore[attr-defined]
    return apply


def negated_entry(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連は米国と合意しなかった → SUN→USA 12: an entry with a negated code (合意に至らなかった
    only did not happen: negated on its light verb, no refusal)."""
    if d.negated and d.pred.negated_code and d.gov.i == d.tok.i:
        return replace(d, code=d.pred.negated_code, negated=False)
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
