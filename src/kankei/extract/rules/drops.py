"""Candidates that are no events between actors: commentary in a publication, partners side by
side."""

from __future__ import annotations

from collections.abc import Sequence

from kankei.extract.draft import Draft, Scope
from kankei.extract.tree import DepTree
from kankei.model import Event, Token


def _chained(clause: Token, tree: DepTree, asides: frozenset[str]) -> bool:
    """A clause of a chain (…と予測し、…提言した), not an aside (…ように, …ので)."""
    return not any(
        c.lemma in asides and c.dep in ("mark", "aux", "case", "fixed")
        for c in tree.children[clause.i]
    )


def _chain(gov: Token, tree: DepTree, asides: frozenset[str]) -> set[int]:
    chain = {gov.i}
    stack = [gov]
    while stack:
        cur = stack.pop()
        # (not through an aside: コラムで指摘したように、…政権は公言していた)
        linked = [c for c in tree.children[cur.i] if c.dep == "advcl" and _chained(c, tree, asides)]
        if cur.dep == "advcl" and _chained(cur, tree, asides):
            linked.append(tree.tokens[cur.head])
        for t in linked:
            if t.i not in chain:
                chain.add(t.i)
                stack.append(t)
    return chain


def publication(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ケナンは論文でソ連を批判した → no event: what is written in an article or a book is
    commentary (the setting scopes over its chain of clauses)."""
    tree, grammar = scope.tree, scope.know.grammar
    for c in (c for i in _chain(d.gov, tree, grammar.aside_marks) for c in tree.children[i]):
        if tree.particle(c) not in grammar.locative_cases:
            continue
        heads = [c] + [x for x in tree.children[c.i] if x.dep == "nmod"]
        if any(h.lemma in grammar.publications for h in heads):
            return None
    return d


def allies(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米ソ両国は共に戦った → no event: partners, not opponents, and no one else named."""
    if d.targets.how not in ("joint", "nested"):
        return d
    tree, gov = scope.tree, d.gov
    holders = {gov.i, gov.head} if gov.dep == "acl" else {gov.i}
    together = scope.know.grammar.together
    side_by_side = any(c.lemma in together for h in holders for c in tree.children[h])
    return None if side_by_side else d
