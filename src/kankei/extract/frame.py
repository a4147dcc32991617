"""A predicate's argument frame: the phrases hung on it, by case particle, with the repairs of
parser attachments that hang them elsewhere. Each repair is a named rule (`frame.*`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from kankei.extract.arguments import NOUNS, phrase_actors
from kankei.extract.cameo import RootProperties
from kankei.extract.draft import Hit, Scope
from kankei.extract.grammar import Grammar
from kankei.extract.registry import Rule, rule
from kankei.extract.tree import DepTree
from kankei.model import Mention, Token


@dataclass(frozen=True)
class Frame:
    """The predicate's phrases by case particle; partners (英国と共に) apart; the tokens of an agent
    the parser hung inside another phrase."""

    by_case: Mapping[str, tuple[Token, ...]] = field(default_factory=dict)
    partners: tuple[Token, ...] = ()
    inner_agent: frozenset[int] = frozenset()
    fired: tuple[str, ...] = ()

    def adopt(self, args: Iterable[Token], tree: DepTree, grammar: Grammar) -> Frame:
        by_case = {k: list(v) for k, v in self.by_case.items()}
        partners = list(self.partners)
        for a in args:
            partner = _together_partner(a, tree, grammar)
            if partner is not None:
                partners.append(partner)
            else:
                by_case.setdefault(tree.particle(a), []).append(a)
        return replace(
            self, by_case={k: tuple(v) for k, v in by_case.items()}, partners=tuple(partners)
        )

    def with_case(self, case: str, arg: Token) -> Frame:
        by_case = dict(self.by_case)
        by_case[case] = (*by_case.get(case, ()), arg)
        return replace(self, by_case=by_case)


def holders(hit: Hit) -> list[Token]:
    return [hit.gov] if hit.gov.i == hit.tok.i else [hit.gov, hit.tok]


def _together_partner(arg: Token, tree: DepTree, grammar: Grammar) -> Token | None:
    """英国と共に, イギリスなどと一緒に: the partner phrase, whichever way the parser hung it (the
    partner under 共, or beside it)."""
    if arg.lemma in grammar.together:
        return next((c for c in tree.children[arg.i] if tree.particle(c) == "と"), arg)
    if tree.particle(arg) == "と":
        last = max(tree.phrase(arg) | {arg.i})
        nxt = tree.tokens[last + 1] if last + 1 < len(tree.tokens) else None
        if nxt is not None and nxt.lemma in grammar.together:
            return arg
    return None


def build_frame(hit: Hit, scope: Scope, disabled: frozenset[str]) -> Frame:
    """The phrases hung on the predicate (and on its event noun), then the repairs in order; the ids
    of the repairs that added a phrase are recorded on the frame."""
    tree = scope.tree
    args = [c for h in holders(hit) for c in tree.children[h.i] if c.i != hit.tok.i]
    frame = Frame().adopt(args, tree, scope.know.grammar)
    for repair in FRAME_RULES:
        if repair.id in disabled:
            continue
        repaired = repair.apply(frame, hit, scope)
        if repaired != frame:
            frame = replace(repaired, fired=(*frame.fired, repair.id))
    return frame


def object_counterpart(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """米国は北朝鮮への懸念を伝えた → USA→PRK 01: the object is part of the predicate (懸念を伝える
    ), and the parser may hang the predicate's counterpart on it."""
    if "を" not in hit.pred.lemma:
        return frame
    tree = scope.tree
    args = [
        a
        for c in tree.children[hit.tok.i]
        if c.dep == "obj"
        for a in tree.children[c.i]
        if tree.particle(a) in scope.know.grammar.counterpart_cases
    ]
    return frame.adopt(args, tree, scope.know.grammar) if args else frame


def copular_quote(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """中国はソ連を修正主義だと非難した → CHN→SUN 11: the parser may hang A (and the subject) on the
    copular B, which only says what A is called."""
    tree, grammar = scope.tree, scope.know.grammar
    kept = ("を", *grammar.source_cases)
    args = [
        a
        for c in tree.children[hit.gov.i]
        if c.dep == "advcl"
        and tree.particle(c) == "と"
        and c.pos in NOUNS
        and any(x.dep == "cop" for x in tree.children[c.i])
        for a in tree.children[c.i]
        if a.i < c.i and tree.particle(a) in kept
    ]
    return frame.adopt(args, tree, grammar) if args else frame


def postposition_verb(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """米国はソ連に対し計画を通して物資を提供した → USA→SUN 07: a verb serving as a postposition (を
    通して, に基づいて) is no clause of its own; what hangs on it is the predicate's."""
    tree, grammar = scope.tree, scope.know.grammar
    args = [
        a
        for c in tree.children[hit.gov.i]
        if c.dep == "advcl" and grammar.is_postposition(c.lemma, tree.te_form(c))
        for a in tree.children[c.i]
        if tree.particle(a) != "を"
    ]
    return frame.adopt(args, tree, grammar) if args else frame


def manner_word(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """ソ連は英米の特使を丁重に迎えた → SUN→GBR 04, SUN→USA 04: 英米の特使を丁重に迎えた: the parser
    may take a manner word (丁重に, 正式に) for a clause and hang the predicate's arguments on
    it."""
    tree, grammar = scope.tree, scope.know.grammar
    args = [
        a
        for c in tree.children[hit.gov.i]
        if c.dep == "advcl" and any(x.dep == "aux" and x.text == "に" for x in tree.children[c.i])
        for a in tree.children[c.i]
        if a.dep not in ("aux", "punct", "mark")
    ]
    return frame.adopt(args, tree, grammar) if args else frame


def _asked_clauses(c: Token, hit: Hit, tree: DepTree, roots: RootProperties) -> list[Token]:
    if c.dep == "advcl" and any(x.lemma in ("よう", "様") for x in tree.children[c.i]):
        return [c]
    if tree.particle(c) == "を" and hit.pred.code[:2] in roots.content:
        return [x for x in tree.children[c.i] if x.dep == "acl"]
    return []


def request_addressee(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """日本は米国に撤退するよう要請した → JPN→USA 02: the parser may hang the addressee on the
    clause asked for (…しないよう, …することを要請, …するという条件を提示)."""
    tree = scope.tree
    addressed = ("に", "に対して", "に対し")
    args = [
        a
        for c in tree.children[hit.gov.i]
        for clause in _asked_clauses(c, hit, tree, scope.know.roots)
        for a in tree.children[clause.i]
        if tree.particle(a) in addressed
    ]
    return frame.adopt(args, tree, scope.know.grammar) if args else frame


def degree_word(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """米国はインドの核実験に強い懸念を示した → USA→IND 01: 日本は北朝鮮の核実験に強い懸念を表明した
    : a degree word on the event noun takes its arguments too (the parser hangs 核実験に on 強い
    )."""
    tree = scope.tree
    if hit.tok.pos not in NOUNS:
        return frame
    args = [
        a
        for c in tree.children[hit.tok.i]
        if c.pos == "ADJ" and c.dep in ("acl", "amod") and c.i < hit.tok.i
        for a in tree.children[c.i]
    ]
    return frame.adopt(args, tree, scope.know.grammar) if args else frame


def nominal_genitive(frame: Frame, hit: Hit, scope: Scope) -> Frame:
    """ソ連によるリトアニア独立運動の抑圧 → SUN→LTU 17: a nominal's genitive is its agent (米国の ソ
    連承認), unless an agent is named inside it: then that is the agent, the rest the patient."""
    tree, grammar = scope.tree, scope.know.grammar
    tok = hit.tok
    if hit.gov.i != tok.i or tok.pos not in NOUNS:
        return frame
    inner = set(frame.inner_agent)
    for c in tree.children[tok.i]:
        particle = tree.particle(c)
        if c.dep != "nmod" or particle not in ("の", *grammar.modifier_target_cases):
            continue
        if particle == "の":
            frame = frame.with_case("の", c)
        for i in tree.phrase(c) - {c.i}:
            a = tree.tokens[i]
            if tree.particle(a) in grammar.agent_cases and a.dep == "nmod":
                frame = frame.adopt([a], tree, grammar)
                inner |= tree.phrase(a) | {a.i}
    return replace(frame, inner_agent=frozenset(inner))


Repair = Callable[[Frame, Hit, Scope], Frame]

FRAME_RULES: tuple[Rule[Repair], ...] = tuple(
    rule(rule_id, fn)
    for rule_id, fn in (
        ("frame.object-counterpart", object_counterpart),
        ("frame.copular-quote", copular_quote),
        ("frame.postposition-verb", postposition_verb),
        ("frame.manner-word", manner_word),
        ("frame.request-addressee", request_addressee),
        ("frame.degree-word", degree_word),
        ("frame.nominal-genitive", nominal_genitive),
    )
)


def collect(
    frame: Frame,
    cases: Sequence[str],
    slot: str,
    scope: Scope,
    when: str | None,
) -> tuple[Mention, ...]:
    """The actors of the first case (in the given order) whose phrases name any."""
    # (the agent the parser hung inside the target is not the target too)
    pool = [
        (m, t) for m, t in scope.mention_tokens if slot != "target" or not t & frame.inner_agent
    ]
    for case in cases:
        out: list[Mention] = []
        for arg in frame.by_case.get(case, ()):
            if arg.lemma in scope.know.grammar.time_heads:
                continue  # 米国の核実験から4年後の1949年に: a time, whoever it names
            out.extend(phrase_actors(arg, scope.tree, pool, when, scope.know.grammar, slot))
        if out:
            return tuple(out)
    return ()
