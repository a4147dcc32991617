"""Statements and what they report: threats, intelligence passed on, and the quoted actor a
statement is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import Arg, is_actor
from kankei.extract.cameo import CameoCode
from kankei.extract.knowledge import Knowledge
from kankei.extract.tree import DepTree
from kankei.model import Event, Mention, Token

_ADDRESSED = frozenset({"に", "に対して", "に対し", "への", "について", "に関して", "に関し"})


def without_containers(
    events: list[Event], origin: list[tuple[int, int]], tree: DepTree, know: Knowledge
) -> list[Event]:
    """A statement whose complement holds a coded event: a warning of coercion or force
    (追加関税を課すと警告した), or one quoting terms or force to its addressee
    (「…攻撃とみなす」とソ連に警告した), is a threat (13), and what it announces has not happened;
    a plain statement (…を排除しないと表明した) only reports the event, which is what is coded."""
    threatened: set[int] = set()
    out: list[Event | None] = list(events)
    for n, (ev, (own, gov)) in enumerate(zip(events, origin, strict=True)):
        if ev.root != "01":
            continue
        threat = False
        # what the statement is aimed at or about (発射に懸念を表明, 実験について) is not what
        # it says: only the rest of the clause can hold its reported content
        below: set[int] = set()
        stack = [gov]
        # (強い懸念: the parser may hang 発射に on the adjective of the event noun)
        holders = {own, gov} | {
            c.i for c in tree.children[own] if c.pos == "ADJ" and c.dep in ("acl", "amod")
        }
        while stack:
            parent = stack.pop()
            for c in tree.children[parent]:
                addressed = parent in holders and tree.particle(c) in _ADDRESSED
                if c.i not in below and not addressed:
                    below.add(c.i)
                    stack.append(c.i)
        inner = [k for k, (tok, _) in enumerate(origin) if k != n and tok != gov and tok in below]
        # the speaker's own coercion (課すと警告), not a third party's (ナチスの攻撃を警告)
        coercive = [
            k
            for k in inner
            if events[k].root in know.grammar.coercive_roots and events[k].source == ev.source
        ]
        warning = tree.tokens[gov].lemma in know.grammar.warning_verbs
        quoted = tree.quoted() & below
        if warning and not coercive and ev.target is not None and quoted:
            # 「…米国への攻撃とみなす」とソ連に警告した: a warning in the speaker's own words
            # that speaks of force or sets a condition is a threat to its addressee
            said = [k for k in inner if origin[k][0] in quoted]
            conditional = any(tree.tokens[i].text in know.grammar.conditionals for i in quoted)
            # (a third party's attack foretold to its victim is intelligence passed on)
            forceful = any(
                events[k].root in know.grammar.coercive_roots
                and events[k].source in (ev.source, ev.target)
                for k in said
            )
            if conditional or forceful:
                coercive, threat = said, True
        if not inner and not threat:
            continue
        # a third party's force foretold to its target (ナチスによるソ連攻撃をソ連に警告) is
        # intelligence passed on (06)
        foretold = [
            k
            for k in inner
            if events[k].root in know.grammar.coercive_roots
            and events[k].source not in (ev.source, ev.target)
            and ev.target is not None
            and events[k].target == ev.target
        ]
        if warning and (coercive or threat):
            aimed = ev.target or (events[coercive[0]].target if coercive else None)
            out[n] = replace(_recoded(ev, know.codebook.get("130"), " threat"), target=aimed)
            threatened.update(coercive)
        elif warning and foretold:
            out[n] = _recoded(ev, know.codebook.get("064"), " foretold")
            threatened.update(foretold)
        elif claimed := [
            k
            for k in (inner if tree.tokens[gov].lemma in know.grammar.claim_verbs else ())
            if events[k].root in know.grammar.hostile_roots
            and events[k].source not in (ev.source, None)
        ]:
            # 米国務長官は、コミンテルンが政府の転覆を計画していると警告した / イラクは、クウェート
            # が協定を破ったと主張した: a hostile act an actor says another did is its accusation
            # (112), and only claimed
            accused = events[claimed[0]].source
            out[n] = replace(_recoded(ev, know.codebook.get("112"), " accusation"), target=accused)
            threatened.update(claimed)
        else:
            out[n] = None
    return [
        replace(ev, mode="hypothetical") if k in threatened else ev
        for k, ev in enumerate(out)
        if ev is not None
    ]


def _recoded(ev: Event, cam: CameoCode, why: str) -> Event:
    return replace(
        ev,
        code=cam.code,
        root=cam.root,
        goldstein=cam.goldstein,
        quad_class=cam.quad_class,
        plover=cam.plover,
        rule=ev.rule + why,
    )


def quoted_actor(
    gov: Token,
    tree: DepTree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    sources: Arg,
    when: str | None,
) -> Mention | None:
    # what is said: a quotation, or the clause the statement reports with と
    quoted = tree.quoted() & tree.descendants(gov)
    for c in tree.children[gov.i]:
        if tree.particle(c) == "と" and c.pos in ("VERB", "ADJ", "AUX"):
            quoted |= {c.i} | tree.descendants(c)
    own = {m.code for m in sources.mentions}
    for raw, toks in sorted(mention_tokens, key=lambda mt: min(mt[1]) if mt[1] else 0):
        if toks and toks <= quoted and is_actor(raw):
            for m in resolve(raw, when):
                if m.code not in own:
                    return m
    return None
