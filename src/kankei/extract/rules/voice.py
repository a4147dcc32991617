"""Voice: whether the predicate is passive, so that its subject suffers the act."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.draft import Draft, Scope
from kankei.extract.predicates import obtains_from_actor
from kankei.model import Event


def passive(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ポーランドはソ連に占領された → SUN→POL 19: a passive (れる/られる), a passive light verb (援
    助を受けた) or a verb of obtaining from an actor (英国から約束を取り付けた)."""
    tree, g, gov = scope.tree, scope.know.grammar, d.gov
    is_passive = (
        gov.lemma in g.passive_light_verbs
        or (gov.i != d.tok.i and obtains_from_actor(gov, tree, scope.know, scope.actor_tokens))
        or any(c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i])
    )
    return replace(d, passive=True) if is_passive else d
