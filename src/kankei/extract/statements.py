"""Statements and what they report: threats, intelligence passed on, and the quoted actor a
statement is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import is_actor
from kankei.extract.cameo import CameoCode
from kankei.extract.draft import Arg
from kankei.extract.knowledge import Knowledge
from kankei.extract.tree import DepTree
from kankei.model import Event, Mention, Token

STATEMENT_RULES = (
    "root.threat",
    "root.foretold",
    "root.accusation",
    "drop.reporting-statement",
    "mode.threatened",
)


@dataclass(frozen=True)
class _Said:
    """A statement (root 01) and the coded events its complement holds."""

    n: int
    event: Event
    own: int  # the statement's event token
    gov: int  # its governing token
    inner: list[int]  # the indices of the events it reports
    below: set[int]  # the tokens of what it says


def without_containers(
    events: list[Event],
    origin: list[tuple[int, int]],
    tree: DepTree,
    know: Knowledge,
    disabled: frozenset[str] = frozenset(),
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
        below = _content(own, gov, tree, know.grammar.addressed_cases)
        inner = [k for k, (tok, _) in enumerate(origin) if k != n and tok != gov and tok in below]
        said = _Said(n, ev, own, gov, inner, below)
        recoded, announced = _verdict(said, events, origin, tree, know, disabled)
        if recoded is ev:
            continue
        out[n] = recoded
        threatened.update(announced)
    if "mode.threatened" in disabled:
        threatened = set()
    return [
        replace(ev, mode="hypothetical", rules=(*ev.rules, "mode.threatened"))
        if k in threatened
        else ev
        for k, ev in enumerate(out)
        if ev is not None
    ]


def _content(own: int, gov: int, tree: DepTree, addressed_cases: frozenset[str]) -> set[int]:
    """The tokens below the statement — not what it is aimed at or about (発射に懸念を表明,
    実験について): only the rest of the clause can hold its reported content."""
    below: set[int] = set()
    stack = [gov]
    # (強い懸念: the parser may hang 発射に on the adjective of the event noun)
    holders = {own, gov} | {
        c.i for c in tree.children[own] if c.pos == "ADJ" and c.dep in ("acl", "amod")
    }
    while stack:
        parent = stack.pop()
        for c in tree.children[parent]:
            addressed = parent in holders and tree.particle(c) in addressed_cases
            if c.i not in below and not addressed:
                below.add(c.i)
                stack.append(c.i)
    return below


def _verdict(
    said: _Said,
    events: list[Event],
    origin: list[tuple[int, int]],
    tree: DepTree,
    know: Knowledge,
    disabled: frozenset[str],
) -> tuple[Event | None, list[int]]:
    """The statement recoded (or None: dropped, it only reports) and the events it announces."""
    ev, inner, g = said.event, said.inner, know.grammar
    warning = tree.tokens[said.gov].lemma in g.warning_verbs
    coercive, threat = _coercion(said, events, origin, tree, know, warning)
    if not inner and not threat:
        return ev, []
    if warning and (coercive or threat) and "root.threat" not in disabled:
        aimed = ev.target or (events[coercive[0]].target if coercive else None)
        recoded = _recoded(ev, know.codebook.get("130"), " threat", "root.threat")
        return replace(recoded, target=aimed), coercive
    # a third party's force foretold to its target (ナチスによるソ連攻撃をソ連に警告) is
    # intelligence passed on (06)
    foretold = [
        k
        for k in inner
        if events[k].root in know.roots.coercive
        and events[k].source not in (ev.source, ev.target)
        and ev.target is not None
        and events[k].target == ev.target
    ]
    if warning and foretold and "root.foretold" not in disabled:
        return _recoded(ev, know.codebook.get("064"), " foretold", "root.foretold"), foretold
    claimed = _claimed(said, events, tree, know)
    if claimed and "root.accusation" not in disabled:
        # 米国務長官は、コミンテルンが政府の転覆を計画していると警告した / イラクは、クウェート
        # が協定を破ったと主張した: a hostile act an actor says another did is its accusation
        # (112), and only claimed
        accused = events[claimed[0]].source
        recoded = _recoded(ev, know.codebook.get("112"), " accusation", "root.accusation")
        return replace(recoded, target=accused), claimed
    if "drop.reporting-statement" in disabled:
        return ev, []
    return None, []


def _coercion(
    said: _Said,
    events: list[Event],
    origin: list[tuple[int, int]],
    tree: DepTree,
    know: Knowledge,
    warning: bool,
) -> tuple[list[int], bool]:
    """The speaker's own coercion the statement announces (課すと警告; not a third party's:
    ナチスの攻撃を警告), or the force its quoted words speak of; and whether it is a threat
    by its words alone."""
    ev = said.event
    coercive = [
        k
        for k in said.inner
        if events[k].root in know.roots.coercive and events[k].source == ev.source
    ]
    if warning and not coercive and ev.target is not None:
        quoted = _quoted_threat(said, events, origin, tree, know)
        if quoted is not None:
            return quoted, True
    return coercive, False


def _quoted_threat(
    said: _Said, events: list[Event], origin: list[tuple[int, int]], tree: DepTree, know: Knowledge
) -> list[int] | None:
    """「…米国への攻撃とみなす」とソ連に警告した: a warning in the speaker's own words that
    speaks of force or sets a condition is a threat to its addressee (but a third party's
    attack foretold to its victim is intelligence passed on)."""
    quoted = tree.quoted() & said.below
    if not quoted:
        return None
    spoken = [k for k in said.inner if origin[k][0] in quoted]
    conditional = any(tree.tokens[i].text in know.grammar.conditionals for i in quoted)
    ev = said.event
    forceful = any(
        events[k].root in know.roots.coercive and events[k].source in (ev.source, ev.target)
        for k in spoken
    )
    return spoken if conditional or forceful else None


def _claimed(said: _Said, events: list[Event], tree: DepTree, know: Knowledge) -> list[int]:
    g, ev = know.grammar, said.event
    if tree.tokens[said.gov].lemma not in g.claim_verbs:
        return []
    return [
        k
        for k in said.inner
        if events[k].root in know.roots.hostile and events[k].source not in (ev.source, None)
    ]


def _recoded(ev: Event, cam: CameoCode, why: str, rule_id: str) -> Event:
    return replace(
        ev,
        code=cam.code,
        root=cam.root,
        goldstein=cam.goldstein,
        quad_class=cam.quad_class,
        plover=cam.plover,
        rule=ev.rule + why,
        rules=(*ev.rules, rule_id),
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
