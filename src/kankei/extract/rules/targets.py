"""Targets the frame does not state: who suffers a passive chain, one's own envoy's host, the actor
inside the predicate's compound, joint subjects, a treaty's other party, a quoted actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import resolve
from kankei.extract.arguments import CLAUSE_DEPS, inherited_source, inner_targets, phrase_actors
from kankei.extract.draft import Arg, Draft, Scope
from kankei.extract.rules.roots import negated
from kankei.extract.statements import quoted_actor
from kankei.model import Event, Mention


def passive_topic(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """イラクはクウェートを空爆し、安保理から非難された → UN→IRQ 11: the topic of the chain is who
    suffers a passive."""
    if not d.passive or d.targets.mentions:
        return d
    topic = inherited_source(d.gov, scope.tree, scope.mention_tokens, d.when, scope.know.grammar)
    doers = {m.code for m in d.sources.mentions}
    if topic.mentions and not doers & {m.code for m in topic.mentions}:
        return replace(d, targets=Arg(topic.mentions, "topic"))
    return d


def recall_host(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は駐ソ米国大使を呼び出した → USA→SUN 16: one's own envoy called home is a recall, aimed
    at the state the envoy was posted to."""
    if d.pred.code[:2] not in scope.know.roots.recall:
        return d
    tree = scope.tree
    own = {m.code for m in d.sources.mentions}
    for c in tree.children[d.gov.i]:
        if tree.particle(c) != "を":
            continue
        phrase = tree.phrase(c) | {c.i}
        inside = [raw for raw, toks in scope.mention_tokens if toks & phrase]
        hosts = [raw for raw in inside if raw.posted]
        others = {m.code for raw in inside if not raw.posted for m in resolve(raw, d.when)}
        if hosts and own and others <= own:
            host = resolve(hosts[0], d.when)[0]
            if host.code in own:
                return d
            return replace(d, recall=True, targets=Arg((host,), "posted"))
    return d


def compound(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は対ソ禁輸を行った → USA→SUN 16: an actor inside the predicate's own compound is its
    target (訪米, ソ連侵攻); a meeting, named after its venue, only by a prefix (訪米)."""
    if d.targets.mentions:
        return d
    venue_named = d.pred.code.startswith("04")
    inner = inner_targets(d.tok, d.hit.comp_start, scope.mention_tokens, d.when, venue_named)
    if not inner:
        return d
    # 反ソ演説, 反米宣伝: a statement against the state its compound names
    against = any(scope.text[m.start - 1 : m.start] == "反" for m in inner)
    return replace(d, targets=Arg(tuple(inner), "compound"), against=against)


_ACT_ANAPHORS = frozenset({"これ", "それ", "こうした", "そうした"})
_ACT_DETERMINERS = frozenset({"この", "その", "同", "こうした", "そうした"})
_REFERENCE_CASES = frozenset({"を", "に", "に対して", "に対し", "への", "には"})


def referenced_act(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """アゼルバイジャン軍がアルメニア軍の陣地を砲撃した。フランスはこれを非難した。 → FRA→AZE 11:
    an act aimed at an act the text has told (これ, この占領, …したことに対して) is aimed at that
    act's agent, not at its victim."""
    if d.targets.mentions:
        return d
    tree = scope.tree
    own = {m.code for m in d.sources.mentions}
    for c in tree.children[d.gov.i]:
        if tree.particle(c) not in _REFERENCE_CASES:
            continue
        if c.lemma in ("こと", "事"):
            agents = [
                m
                for x in tree.children[c.i]
                if x.dep == "acl"
                for s in tree.children[x.i]
                if s.dep == "nsubj" and tree.particle(s) == "が"
                for m in phrase_actors(s, tree, scope.mention_tokens, d.when, scope.know.grammar)
                if m.code not in own
            ]
            if agents:
                return replace(d, targets=Arg(tuple(agents), "referenced"))
            continue
        # (同条約, この宣言: a document the text named, not an act)
        document = c.text.endswith(scope.know.grammar.document_nouns)
        pointed = c.lemma in _ACT_ANAPHORS or (
            not document
            and any(x.i < c.i and x.text in _ACT_DETERMINERS for x in tree.children[c.i])
        )
        if pointed:
            agent = _last_agent(earlier, scope.before, own)
            if agent is not None:
                mention = Mention(code=agent, text="", start=0, end=0, kind="zero")
                return replace(d, targets=Arg((mention,), "referenced"))
    return d


def _last_agent(earlier: Sequence[Event], before: Sequence[str], own: set[str]) -> str | None:
    """The agent of the act told last: in this sentence, else in the one before."""
    for e in reversed(earlier):
        if e.source and e.source not in own:
            return e.source
    for code in reversed(before):
        if code not in own:
            return code
    return None


def vote_body(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """国際原子力機関は決議を採択した。日本とインドは賛成した。 → JPN→UN 05, IND→UN 05: a vote
    with no counterpart of its own is aimed at the body that votes (an organisation named in
    the sentence or the one before), and joint voters are no counterparts of each other."""
    if d.targets.mentions or d.pred.lemma not in scope.know.grammar.votes:
        return d
    here = [
        m
        for raw, _ in scope.mention_tokens
        if any(c.type == "igo" for c in raw.candidates)
        for m in resolve(raw, d.when)
    ]
    own = {m.code for m in d.sources.mentions}
    bodies = [m for m in here if m.code not in own]
    if not bodies:
        igos = [c for c in scope.recent if c in _VOTING_BODIES and c not in own]
        bodies = [Mention(code=igos[-1], text="", start=0, end=0, kind="zero")] if igos else []
    return replace(d, targets=Arg(tuple(bodies[-1:]), "body")) if bodies else d


# organisations whose members vote (the recent actors are codes only)
_VOTING_BODIES = frozenset({"UN", "NATO", "EU", "LON", "WTO"})


def joint_subjects(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米ソは条約に署名した → USA→SUN 05: joint subjects of a two-party act; the first named is the
    source."""
    g = scope.know.grammar
    symmetric = (
        d.pred.code[:2] in scope.know.roots.symmetric
        or any(d.pred.lemma.endswith(word) for word in g.symmetric)
        or d.pred.lemma in g.joint_declarations
    )
    if d.targets.mentions or not symmetric or d.pred.lemma in g.unilateral:
        return d
    if _refused(d, scope):
        return d  # 米英仏は同意できないと回答した: each refuses, none is the others' counterpart
    codes = list(dict.fromkeys(m.code for m in d.sources.mentions))
    if len(codes) < 2:
        return d
    first = tuple(m for m in d.sources.mentions if m.code == codes[0])[:1]
    rest = tuple(m for m in d.sources.mentions if m.code != codes[0])
    return replace(d, sources=Arg(first, d.sources.how), targets=Arg(rest, "joint"))


def _refused(d: Draft, scope: Scope) -> bool:
    """Whether the act is negated into a one-sided one (合意しない, 同意できない → 12)."""
    negated_code = d.pred.negated_code
    return (
        negated_code is not None
        and negated_code[:2] not in scope.know.roots.symmetric
        and d.gov.i == d.tok.i
        and negated(d.gov, scope.tree, scope.know.grammar)
    )


def treaty_counterparts(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はヴェルサイユ条約の批准を拒否した → USA→DEU 12: a treaty acted on names whom the act is
    aimed at (its other parties; not guessed for a subject itself guessed)."""
    if (
        d.targets.mentions
        or d.sources.how != "case"
        or d.code[:2] not in scope.know.roots.treaty_acts
    ):
        return d
    tree = scope.tree
    region = set(range(tree.compound_start(d.tok), d.tok.i + 1))
    for holder in {d.tok.i, d.gov.i}:
        for c in tree.children[holder]:
            # (not inside a clause: …が条約に違反した疑いを調査した is aimed at the violator)
            if c.dep in ("obj", "nmod", "obl") and tree.particle(c) in ("を", "に", "の", "への"):
                region |= tree.descendants(c, stop=CLAUSE_DEPS) | {c.i}
    own = {m.code for m in d.sources.mentions}
    for found, toks in reversed(scope.treaty_tokens):
        if toks and toks <= region:
            codes = sorted({c for s in own for c in found.treaty.counterparts(s)} - own)
            name = scope.text[found.start : found.end]
            named = tuple(
                Mention(code, name, found.start, found.end, "treaty", entry=f"treaty:{name}")
                for code in codes
            )
            return replace(d, targets=Arg(named, "treaty")) if named else d
    return d


def quoted(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は「ソ連は約束を破った」と述べた → USA→SUN 01: a statement is about the actor its
    quotation names."""
    zero_roots = scope.know.roots.zero_target | {"01"}
    if d.targets.mentions or d.code[:2] not in zero_roots:
        return d
    about = quoted_actor(d.gov, scope.tree, scope.mention_tokens, d.sources, d.when)
    return replace(d, targets=Arg((about,), "quote")) if about is not None else d
