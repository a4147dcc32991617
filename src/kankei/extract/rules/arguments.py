"""Source and target from the predicate's own frame: case particles and the constructions that name
the parties elsewhere in the clause."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.arguments import (
    CLAUSE_DEPS,
    NOUNS,
    between_parties,
    phrase_actors,
)
from kankei.extract.draft import Arg, Draft, Scope
from kankei.extract.frame import Frame, collect, holders
from kankei.model import Event, Mention


def _frame(d: Draft) -> Frame:
    assert d.frame is not None  # built before any argument rule runs
    return d.frame


def subject_cases(scope: Scope) -> list[str]:
    return list(scope.know.grammar.source_cases)


def target_cases(d: Draft, scope: Scope) -> list[str]:
    """The entry's own cases first, then the rest: 空爆 takes を, but 空爆を行う leaves に対して."""
    g = scope.know.grammar
    cases = [*d.pred.target_case, *(c for c in g.target_cases if c not in d.pred.target_case)]
    if d.pred.code[:2] in scope.know.roots.requests:
        # …の是非について調査を依頼した: what a request is about is not whom it asks
        cases = [c for c in cases if c not in g.about_cases]
    modifier = [c for c in g.modifier_target_cases if c != "との"]
    if d.gov.i != d.tok.i and d.tok.pos in NOUNS:
        # ハンガリーに対する出兵を決定した: the event noun's own target, under a light verb
        cases += [c for c in modifier if c not in cases]
    if d.gov.i == d.tok.i and d.tok.pos in NOUNS:
        # a noun's と joins it to another noun (AによるX侵攻と、BによるY攻撃); its target is
        # marked as a modifier (政権に対する反乱)
        cases = [c for c in cases if c != "と"] + [c for c in modifier if c not in cases]
    return cases


def partner_cases(d: Draft, scope: Scope) -> list[str]:
    cases = list(scope.know.grammar.partner_cases)
    if d.gov.i == d.tok.i and d.tok.pos in NOUNS:
        cases = [c for c in cases if c != "と"]
    return cases


def _agent(d: Draft, scope: Scope) -> tuple[Mention, ...]:
    slot = "agent" if d.passive else "source"
    return collect(_frame(d), scope.know.grammar.agent_cases, slot, scope, d.when)


def _set_sources(d: Draft, found: Sequence[Mention]) -> Draft:
    return replace(d, sources=Arg(tuple(found), "case")) if found else d


def _set_targets(d: Draft, found: Sequence[Mention], how: str = "case") -> Draft:
    return replace(d, targets=Arg(tuple(found), how)) if found else d


def passive_agent(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ポーランドはソ連によって占領された → SUN→POL 19: a passive's agent (によって, から) acts."""
    if not d.passive:
        return d
    found = _agent(d, scope) or collect(
        _frame(d), scope.know.grammar.passive_sources, "source", scope, d.when
    )
    return _set_sources(d, found)


def passive_subject(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ポーランドはソ連によって占領された → SUN→POL 19: a passive's subject suffers the act."""
    if not d.passive:
        return d
    frame = _frame(d)
    found = collect(frame, subject_cases(scope), "target", scope, d.when) or collect(
        frame, [c for c in target_cases(d, scope) if c != "に"], "target", scope, d.when
    )
    return _set_targets(d, found)


def passive_described(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """日本に占領されたフィリピンは1945年に解放された → JPN→PHL 19: a passive clause's subject is
    the actor it describes (not 日本に譲渡された満州利権, a thing named after a place)."""
    if not d.passive or d.targets.mentions or d.gov.dep != "acl":
        return d
    described = scope.tree.tokens[d.gov.head]
    if not any(described.i in t for _, t in scope.mention_tokens):
        return d
    found = phrase_actors(
        described, scope.tree, scope.mention_tokens, d.when, scope.know.grammar, "target"
    )
    return _set_targets(d, found)


def passive_ni_agent(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """韓国は北朝鮮に侵攻された → PRK→KOR 19: a passive's に is its agent where an actor suffers the
    act (but 技術者もキューバに送られた: the に of a verb of sending is where it goes)."""
    if not d.passive or d.sources.mentions:
        return d
    if d.gov.lemma in scope.know.grammar.passive_light_verbs:
        return d
    if not d.targets.mentions and "に" in target_cases(d, scope)[:1]:
        return d
    return _set_sources(d, collect(_frame(d), ["に"], "source", scope, d.when))


def subject(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連を承認した → USA→SUN 05: the subject (は, が, も) acts."""
    if d.passive:
        return d
    return _set_sources(d, collect(_frame(d), subject_cases(scope), "source", scope, d.when))


def agent(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連によるハンガリー侵攻が始まった → SUN→HUN 19: an agent marked による, によって acts."""
    if d.passive or d.sources.mentions:
        return d
    return _set_sources(d, _agent(d, scope))


def nominal_genitive(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国のソ連承認 → USA→SUN 05: a nominal event's genitive is its agent."""
    if d.passive or d.sources.mentions or d.gov.i != d.tok.i:
        return d
    return _set_sources(d, collect(_frame(d), ["の"], "source", scope, d.when))


def agent_of_subject(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国による対ソ援助は1923年に終了した → USA→SUN 16, 1923: an act's subject that names who
    carries it out."""
    if d.passive or d.sources.mentions:
        return d
    tree, grammar = scope.tree, scope.know.grammar
    for case in subject_cases(scope):
        for subj in _frame(d).by_case.get(case, ()):
            for c in tree.children[subj.i]:
                if tree.particle(c) in grammar.agent_cases and c.dep in ("nmod", "acl"):
                    found = phrase_actors(c, tree, scope.mention_tokens, d.when, grammar, "agent")
                    if found:
                        return _set_sources(d, found)
    return d


def case_target(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連を承認した → USA→SUN 05: the object or counterpart (を, に, と, に対して …)."""
    if d.passive:
        return d
    return _set_targets(d, collect(_frame(d), target_cases(d, scope), "target", scope, d.when))


def light_verb_genitive(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連の資産の没収を命じた → USA→SUN 17: the light verb's subject does it, so the event
    noun's genitive is what it is done to (but in ソ連の国連参加, UN is)."""
    if d.passive or d.targets.mentions or d.gov.i == d.tok.i or d.tok.pos not in NOUNS:
        return d
    tree = scope.tree
    own_compound = set(range(tree.compound_start(d.tok), d.tok.i + 1))
    if any(t & own_compound for _, t in scope.mention_tokens):
        return d
    found = [
        m
        for c in tree.children[d.tok.i]
        if c.dep == "nmod" and tree.particle(c) == "の"
        for m in phrase_actors(c, tree, scope.mention_tokens, d.when, scope.know.grammar, "patient")
    ]
    return _set_targets(d, found)


def nominal_patient(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連によるリトアニア独立運動の抑圧 → SUN→LTU 17: with its agent named, a nominal's genitive
    is what it is done to."""
    if d.passive or d.targets.mentions or d.gov.i != d.tok.i or d.tok.pos not in NOUNS:
        return d
    if not _agent(d, scope):
        return d
    frame = _frame(d)
    patients = [(m, t) for m, t in scope.mention_tokens if not t & frame.inner_agent]
    found = [
        m
        for arg in frame.by_case.get("の", ())
        for m in phrase_actors(arg, scope.tree, patients, d.when, scope.know.grammar, "patient")
    ]
    return _set_targets(d, found)


def partners(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国は英国と共にイラクに侵攻した → USA→IRQ 19, GBR→IRQ 19: the partner acts too."""
    frame = _frame(d)
    if not d.sources.mentions or not frame.partners:
        return d
    own = {m.code for m in d.sources.mentions}
    more = tuple(
        m
        for p in frame.partners
        for m in phrase_actors(p, scope.tree, scope.mention_tokens, d.when, scope.know.grammar)
        if m.code not in own
    )
    return replace(d, sources=Arg(d.sources.mentions + more, "case")) if more else d


def agreed_act_parties(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ドイツがNATOに留まることにソ連は同意した → SUN→DEU 03: the parties of the act agreed on (…Aや
    Bとの間で会談を行うことで同意), or the one whose act is agreed to, are the counterparts."""
    if (
        not d.sources.mentions
        or d.targets.mentions
        or d.pred.code[:2] not in scope.know.roots.agreeing
    ):
        return d
    tree = scope.tree
    clauses = [
        x
        for c in tree.children[d.gov.i]
        if c.lemma in ("こと", "事")
        for x in tree.children[c.i]
        if x.dep == "acl"
    ]
    grammar = scope.know.grammar
    found = between_parties(clauses, tree, scope.mention_tokens, d.when, grammar)
    if not found:
        found = tuple(
            m
            for clause in clauses
            for c in tree.children[clause.i]
            if c.dep == "nsubj" and tree.particle(c) == "が"
            for m in phrase_actors(c, tree, scope.mention_tokens, d.when, grammar, "target")
        )
    own = {m.code for m in d.sources.mentions}
    return _set_targets(d, [m for m in found if m.code not in own])


def between(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """日本と中国との間で交渉が行われた → JPN→CHN 04: both parties named by 間 are sources."""
    if d.sources.mentions:
        return d
    found = between_parties(
        holders(d.hit), scope.tree, scope.mention_tokens, d.when, scope.know.grammar
    )
    return replace(d, sources=Arg(found, "case"), targets=Arg((), "none")) if found else d


def manner_clause(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連に対して艦隊を派遣して威嚇した → USA→SUN 13: a manner clause
    (…して) before the predicate may hold its counterpart."""
    if d.targets.mentions or d.passive:
        return d
    tree = scope.tree
    for c in tree.children[d.gov.i]:
        if c.dep == "advcl" and c.i < d.gov.i and tree.te_form(c):
            found = [
                m
                for a in tree.children[c.i]
                if tree.particle(a) in ("に対して", "に対し")
                for m in phrase_actors(
                    a, tree, scope.mention_tokens, d.when, scope.know.grammar, "target"
                )
            ]
            if found:
                return _set_targets(d, found)
    return d


def violence_locative(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ロシア軍はウクライナのブチャで民間人を殺害した → RUS→UKR 18: violence against unnamed people
    hits the state where it happens."""
    if d.targets.mentions or d.pred.code[:2] not in scope.know.roots.violent:
        return d
    cases = sorted(scope.know.grammar.locative_cases)
    found = collect(_frame(d), cases, "target", scope, d.when)
    own = {m.code for m in d.sources.mentions}
    if found and {m.code for m in found} <= own:
        return d  # (インドとパキスタンの間で衝突が発生した: the place names the parties themselves)
    return _set_targets(d, found)


def _below(d: Draft, scope: Scope) -> list[int]:
    """The tokens under the predicate's arguments, nearest first — not inside the subject (レーガン
    とゴルバチョフは), another clause or a quotation."""
    g, tree = scope.know.grammar, scope.tree
    skip = set(g.source_cases) | set(g.agent_cases) | g.locative_cases
    quoted = tree.quoted()
    return sorted(
        (
            i
            for h in holders(d.hit)
            for c in tree.children[h.i]
            if c.dep != "advcl" and tree.particle(c) not in skip
            for i in tree.descendants(c, stop=CLAUSE_DEPS)
            if i != d.tok.i and i not in quoted
        ),
        key=lambda i: abs(i - d.gov.i),
    )


def nested(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連の外相との会談を行った → USA→SUN 04: deeper in the clause only a partner (と) or a
    modifier's target (に対する) counts, hung on another argument."""
    g = scope.know.grammar
    unilateral = d.pred.code.startswith("15") or d.pred.lemma in g.unilateral
    if d.targets.mentions or d.passive or unilateral:
        return d
    cases = partner_cases(d, scope)
    below = [scope.tree.tokens[i] for i in _below(d, scope)]
    for case in [*cases, *(c for c in g.modifier_target_cases if c not in cases)]:
        for arg in below:
            if scope.tree.particle(arg) == case:
                found = phrase_actors(arg, scope.tree, scope.mention_tokens, d.when, g, "nested")
                if found:
                    return _set_targets(d, found, "nested")
    return d
