"""Arguments of a predicate: which actors are its source and its target."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeAlias

from kankei.extract.actors import RawMention, resolve
from kankei.extract.grammar import Grammar
from kankei.extract.lexicon import Predicate
from kankei.extract.tree import DepTree
from kankei.model import Mention, Token

NOUNS = frozenset({"NOUN", "PROPN"})
MentionTokens: TypeAlias = Sequence[tuple[RawMention, set[int]]]


@dataclass(frozen=True)
class Arg:
    mentions: tuple[Mention, ...]
    how: str


_NO = frozenset({"の"})


def actors_in(
    positions: set[int],
    head: Token,
    mention_tokens: MentionTokens,
    when: str | None,
    tree: DepTree | None = None,
) -> tuple[Mention, ...]:
    """The actor of a phrase: the mention on its head; else its possessor (フィンランドの
    NATO加盟方針 → FIN, when a tree is given); else the mention nearest the head."""
    inside = [(m, toks) for m, toks in mention_tokens if toks & positions]
    if any(not m.posted for m, _ in inside):
        inside = [(m, toks) for m, toks in inside if not m.posted]
    if not inside:
        return ()
    chosen = [m for m, toks in inside if head.i in toks]
    if not chosen and tree is not None:
        owners = [(m, toks) for m, toks in inside if _possessor(max(toks), head, tree)]
        if owners:
            chosen = [min(owners, key=lambda mt: min(mt[1]))[0]]
    if not chosen:
        chosen = [max(inside, key=lambda mt: max(mt[1]))[0]]
    out: list[Mention] = []
    for raw in chosen:
        out.extend(resolve(raw, when))
    return tuple(out)


def _possessor(i: int, head: Token, tree: DepTree, particles: frozenset[str] = _NO) -> bool:
    """Whether token i sits in a の-modifier of head (ウクライナ海軍の艦艇 → ウクライナ), or in
    a modifier with one of the given particles."""
    cur = tree.tokens[i]
    for _ in range(len(tree.tokens)):
        if cur.i == head.i:
            return False
        if tree.particle(cur) in particles:
            return True
        if cur.head == cur.i:
            return False
        cur = tree.tokens[cur.head]
    return False


def arguments(
    tok: Token,
    gov: Token,
    pred: Predicate,
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
    passive: bool,
) -> tuple[Arg, Arg]:
    g = grammar
    by_case: dict[str, list[Token]] = {}
    partners: list[Token] = []  # 英国と共に: who acts alongside the subject

    def adopt(args: Iterable[Token]) -> None:
        for a in args:
            partner = _together_partner(a, tree, g)
            if partner is not None:
                partners.append(partner)
            else:
                by_case.setdefault(tree.particle(a), []).append(a)

    holders = [gov] if gov.i == tok.i else [gov, tok]
    for holder in holders:
        adopt(c for c in tree.children[holder.i] if c.i != tok.i)
    if "を" in pred.lemma:
        # 中国に懸念を伝えた: the object is part of the predicate (懸念を伝える), and the parser
        # may hang the predicate's counterpart on it
        for c in tree.children[tok.i]:
            if c.dep == "obj":
                adopt(a for a in tree.children[c.i] if tree.particle(a) in COUNTERPART_CASES)
    # AをBだと批判した: the parser may hang A (and the subject) on the copular B, which only
    # says what A is called
    for c in tree.children[gov.i]:
        copular = any(x.dep == "cop" for x in tree.children[c.i])
        if c.dep == "advcl" and tree.particle(c) == "と" and c.pos in NOUNS and copular:
            kept = ("を", *grammar.source_cases)
            adopt(a for a in tree.children[c.i] if a.i < c.i and tree.particle(a) in kept)
    # 米国はソ連に対し…計画を通して…を提供した: a verb serving as a postposition (を通して,
    # に基づいて) is no clause of its own; what the parser hung on it is the predicate's
    for c in tree.children[gov.i]:
        if c.dep == "advcl" and grammar.is_postposition(c.lemma, tree.te_form(c)):
            adopt(a for a in tree.children[c.i] if tree.particle(a) != "を")
        # 英米の特使を丁重に迎えた: the parser may take a manner word (丁重に, 正式に) for a
        # clause and hang the predicate's arguments on it
        manner = any(x.dep == "aux" and x.text == "に" for x in tree.children[c.i])
        if c.dep == "advcl" and manner:
            adopt(a for a in tree.children[c.i] if a.dep not in ("aux", "punct", "mark"))
    # XにYしないよう呼びかけた, XにYすることを要請した: the parser may hang the addressee
    # on the clause asked for
    for c in tree.children[gov.i]:
        asked = c.dep == "advcl" and any(x.lemma in ("よう", "様") for x in tree.children[c.i])
        clauses = [c] if asked else []
        # (…することを要請, …するという条件を提示: the request's content clause)
        if tree.particle(c) == "を" and pred.code[:2] in ("02", "03", "10"):
            clauses = [x for x in tree.children[c.i] if x.dep == "acl"]
        for clause in clauses:
            addressed = ("に", "に対して", "に対し")
            adopt(a for a in tree.children[clause.i] if tree.particle(a) in addressed)
    # a degree word on the event noun takes its arguments too: 核実験に強い懸念を表明 (the
    # parser hangs 核実験に on 強い)
    if tok.pos in NOUNS:
        for c in tree.children[tok.i]:
            if c.pos == "ADJ" and c.dep in ("acl", "amod") and c.i < tok.i:
                adopt(tree.children[c.i])
    # a nominal's genitive modifier is its agent (米国のソ連承認) — unless an agent is named
    # inside it (ソ連による[リトアニア独立運動の]抑圧): then that is the agent, the rest the patient
    inner_agent: set[int] = set()
    if gov.i == tok.i and tok.pos in NOUNS:
        for c in tree.children[tok.i]:
            particle = tree.particle(c)
            if c.dep == "nmod" and particle in ("の", *grammar.modifier_target_cases):
                if particle == "の":
                    by_case.setdefault("の", []).append(c)
                for i in tree.phrase(c) - {c.i}:
                    a = tree.tokens[i]
                    if tree.particle(a) in grammar.agent_cases and a.dep == "nmod":
                        adopt([a])
                        inner_agent |= tree.phrase(a) | {a.i}

    def collect(cases: Sequence[str], slot: str) -> tuple[Mention, ...]:
        # (the agent the parser hung inside the target is not the target too)
        pool = [(m, t) for m, t in mention_tokens if slot != "target" or not t & inner_agent]
        for case in cases:
            out: list[Mention] = []
            for arg in by_case.get(case, []):
                if arg.lemma in _TIME_HEADS:
                    continue  # 米国の核実験から4年後の1949年に: a time, whoever it names
                out.extend(phrase_actors(arg, tree, pool, when, grammar, slot))
            if out:
                return tuple(out)
        return ()

    def collect_below(cases: Sequence[str]) -> tuple[Mention, ...]:
        """A target the parser hung on another argument (ブレジネフ書記長と…条約に調印)."""
        # not inside the subject (レーガンとゴルバチョフは) nor inside another clause
        # nor inside a quotation (「ソ連による米国への攻撃とみなす」と警告した)
        skip = set(g.source_cases) | set(g.agent_cases) | g.locative_cases
        quoted = tree.quoted()
        below = sorted(
            (
                i
                for h in holders
                for c in tree.children[h.i]
                if c.dep != "advcl" and tree.particle(c) not in skip
                for i in tree.descendants(c, stop=CLAUSE_DEPS)
                if i != tok.i and i not in quoted
            ),
            key=lambda i: abs(i - gov.i),
        )
        for case in [*cases, *(c for c in g.modifier_target_cases if c not in cases)]:
            for i in below:
                arg = tree.tokens[i]
                if tree.particle(arg) == case:
                    found = phrase_actors(arg, tree, mention_tokens, when, grammar, "nested")
                    if found:
                        return tuple(found)
        return ()

    subject_cases = list(g.source_cases)
    # the entry's own cases first, then the rest: 空爆 takes を, but 空爆を行う leaves に対して
    target_cases = [*pred.target_case, *(c for c in g.target_cases if c not in pred.target_case)]
    if pred.code[:2] in ("02", "10"):
        # …の是非について調査を依頼した: what a request is about is not whom it asks
        target_cases = [c for c in target_cases if c not in _ABOUT_CASES]
    partner_cases = list(g.partner_cases)
    if gov.i != tok.i and tok.pos in NOUNS:
        # ハンガリーに対する出兵を決定した: the event noun's own target, under a light verb
        target_cases += [
            c for c in g.modifier_target_cases if c not in target_cases and c != "との"
        ]
    if gov.i == tok.i and tok.pos in NOUNS:
        # a noun's と joins it to another noun (AによるX侵攻と、BによるY攻撃): its partner
        # is marked との; its target is marked as a modifier (政権に対する反乱)
        target_cases = [c for c in target_cases if c != "と"] + [
            c for c in g.modifier_target_cases if c not in target_cases and c != "との"
        ]
        partner_cases = [c for c in partner_cases if c != "と"]
    agent = collect(g.agent_cases, "agent" if passive else "source")
    if passive:
        # the agent of a passive: によって, から (援助を受ける), or に (ソ連に占領された)
        src = agent or collect(g.passive_sources, "source")
        tgt = collect(subject_cases, "target") or collect(
            [c for c in target_cases if c != "に"], "target"
        )
        described = tree.tokens[gov.head]
        if not tgt and gov.dep == "acl" and any(described.i in t for _, t in mention_tokens):
            # 日本に占領されたフィリピン: a passive clause's subject is the actor it describes
            # (not 日本に譲渡された満州利権, a thing named after a place)
            tgt = tuple(phrase_actors(described, tree, mention_tokens, when, grammar, "target"))
        if (
            not src
            and gov.lemma not in g.passive_light_verbs
            and (tgt or "に" not in target_cases[:1])
        ):
            # 韓国は北朝鮮に侵攻された; but 技術者もキューバに送られた: where no actor suffers
            # it, the に of a verb of sending is where it goes
            src = collect(["に"], "source")
    else:
        src = (
            collect(subject_cases, "source")
            or agent
            or (collect(["の"], "source") if gov.i == tok.i else ())
            or _agent_of_subject(by_case, subject_cases, tree, mention_tokens, when, grammar)
        )
        tgt = collect(target_cases, "target")
        own_compound = set(range(tree.compound_start(tok), tok.i + 1))
        named_inside = any(t & own_compound for _, t in mention_tokens)
        if not tgt and gov.i != tok.i and tok.pos in NOUNS and not named_inside:
            # ソ連の資産の没収を命じた: the light verb's subject does it, so the event noun's
            # genitive is what it is done to (but in ソ連の国連参加, UN is what it is done to)
            tgt = tuple(
                m
                for c in tree.children[tok.i]
                if c.dep == "nmod" and tree.particle(c) == "の"
                for m in phrase_actors(c, tree, mention_tokens, when, grammar, "patient")
            )
        if not tgt and agent and gov.i == tok.i and tok.pos in NOUNS:
            # ソ連によるリトアニア独立運動の抑圧: with its agent named, a nominal's genitive
            # is what it is done to
            patients = [(m, t) for m, t in mention_tokens if not t & inner_agent]
            tgt = tuple(
                m
                for arg in by_case.get("の", [])
                for m in phrase_actors(arg, tree, patients, when, grammar, "patient")
            )
    if src and partners:
        # 米国は英国と共にイラクに侵攻した: the partner acts too, and is no target
        own = {m.code for m in src}
        src = src + tuple(
            m
            for p in partners
            for m in phrase_actors(p, tree, mention_tokens, when, grammar, "source")
            if m.code not in own
        )
    how = "case"
    if src and not tgt and pred.code[:2] in ("03", "08"):
        # Xは…AやBとの間で会談を行うことで同意した: the parties of the act agreed on are
        # the counterparts of the agreement; ドイツがNATOに留まることに同意した: so is the
        # one whose act is agreed to or accepted
        clauses = [
            x
            for c in tree.children[gov.i]
            if c.lemma in ("こと", "事")
            for x in tree.children[c.i]
            if x.dep == "acl"
        ]
        own = {m.code for m in src}
        parties = _between(clauses, tree, mention_tokens, when, grammar)
        if not parties:
            parties = tuple(
                m
                for clause in clauses
                for c in tree.children[clause.i]
                if c.dep == "nsubj" and tree.particle(c) == "が"
                for m in phrase_actors(c, tree, mention_tokens, when, grammar, "target")
            )
        tgt = tuple(m for m in parties if m.code not in own)
    if not src:
        # AとBとの間で交渉が行われた / 条約がAとBの間で結ばれた: both are parties
        src = _between(holders, tree, mention_tokens, when, grammar)
        if src:
            tgt = ()
    if not tgt and not passive:
        # 英仏に対してロケット攻撃を示唆して威嚇した: a manner clause (…して) before the
        # predicate may hold its counterpart
        for c in tree.children[gov.i]:
            if c.dep == "advcl" and c.i < gov.i and tree.te_form(c) and not tgt:
                tgt = tuple(
                    m
                    for a in tree.children[c.i]
                    if tree.particle(a) in ("に対して", "に対し")
                    for m in phrase_actors(a, tree, mention_tokens, when, grammar, "target")
                )
    if not tgt and pred.code[:2] in g.violent_roots:
        # キエフ近郊のブチャで民間人を殺害した: violence against unnamed people hits the
        # state where it happens
        tgt = collect(sorted(g.locative_cases), "target")
    unilateral = pred.code.startswith("15") or pred.lemma in g.unilateral
    if not tgt and not passive and not unilateral:
        # deeper in the clause only a partner (と) or a modifier's target (に対する) counts:
        # a を/に deep inside another argument is that argument's, not the predicate's
        tgt, how = collect_below(partner_cases), "nested"
    return Arg(src, "case" if src else "none"), Arg(tgt, how if tgt else "none")


def _together_partner(arg: Token, tree: DepTree, grammar: Grammar) -> Token | None:
    """英国と共に, イギリスなどと一緒に: the partner phrase, whichever way the parser hung it
    (the partner under 共, or beside it)."""
    if arg.lemma in grammar.together:
        return next((c for c in tree.children[arg.i] if tree.particle(c) == "と"), arg)
    if tree.particle(arg) == "と":
        last = max(tree.phrase(arg) | {arg.i})
        nxt = tree.tokens[last + 1] if last + 1 < len(tree.tokens) else None
        if nxt is not None and nxt.lemma in grammar.together:
            return arg
    return None


def _agent_of_subject(
    by_case: dict[str, list[Token]],
    subject_cases: Sequence[str],
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
) -> tuple[Mention, ...]:
    """ARAによる活動は…終了した: an act's subject that names who carries it out."""
    for case in subject_cases:
        for subject in by_case.get(case, []):
            for c in tree.children[subject.i]:
                if tree.particle(c) in grammar.agent_cases and c.dep in ("nmod", "acl"):
                    found = phrase_actors(c, tree, mention_tokens, when, grammar, "agent")
                    if found:
                        return tuple(found)
    return ()


def _between(
    holders: Sequence[Token],
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
) -> tuple[Mention, ...]:
    for holder in holders:
        for c in tree.children[holder.i]:
            if c.lemma != "間" and not c.text.endswith("間"):
                continue
            found: list[Mention] = []
            for m in tree.children[c.i]:
                if m.dep == "nmod":
                    found.extend(phrase_actors(m, tree, mention_tokens, when, grammar, "target"))
            if len({x.code for x in found}) > 1:
                return tuple(found)
    return ()


def phrase_actors(
    arg: Token,
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
    slot: str = "source",
) -> list[Mention]:
    """The actors of an argument: one per coordinated item (A、B、Cを → three). A subject
    whose head is not an actor (米ソ関係は) has none; an object's possessor is its target
    (シリアの施設を空爆 → SYR)."""
    # genitive modifiers that name an actor or a role can carry the first item of a list
    through = frozenset(
        i
        for i in tree.phrase(arg)
        if any(i in toks for _, toks in mention_tokens)
        or grammar.role_agent(tree.tokens[i].text) is not None
    )
    if slot in ("source", "agent"):
        # a place does not act (ゴラン高原は…): only states, bodies and people do
        mention_tokens = [(raw, toks) for raw, toks in mention_tokens if is_actor(raw)]
    items = tree.coordinated(arg, through)
    item_ids = {t.i for t in items}
    out: list[Mention] = []
    for item in items:
        own = tree.phrase(item)
        # an item's own phrase, less the other items and what hangs below them
        for other in items:
            if other.i != item.i and other.i in own:
                own -= tree.phrase(other) | {other.i}
        own |= {item.i}
        found = actors_in(own - (item_ids - {item.i}), item, mention_tokens, when, tree)
        if slot == "target":
            # an act answering another act is aimed at that act's agent: 北朝鮮による韓国侵攻
            # に対し非難決議を採択 → PRK, not KOR
            by = frozenset(grammar.agent_cases)
            agents = [
                raw
                for raw, toks in mention_tokens
                if toks & own and _possessor(max(toks), item, tree, by)
            ]
            if agents:
                found = tuple(m for raw in agents[:1] for m in resolve(raw, when))
        agent = _role_agent(item, own, tree, grammar)
        if (
            found
            and slot == "source"
            and agent is None
            and item.text not in grammar.transparent_heads
            and not _heads_a_mention(item, mention_tokens)
        ):
            # the actor only modifies another noun: 米ソ関係は, ロシアの外交は, 日本製品を
            # (but a passive's 米軍の無人機攻撃によって: whose act it was is the agent)
            continue
        out.extend(
            replace(m, agent=agent) if agent and m.kind in _ROLE_TAKERS else m for m in found
        )
    return out


CLAUSE_DEPS = frozenset({"advcl", "acl", "ccomp", "csubj", "parataxis"})
_ROLE_TAKERS = frozenset({"state", "place", "compound", "person"})


# the cases that mark the counterpart of an act (not its content: について)
COUNTERPART_CASES = frozenset({"に", "に対して", "に対し", "と", "との", "への"})
_ABOUT_CASES = frozenset({"について", "に関して", "をめぐって", "をめぐり"})
_TIME_HEADS = frozenset(
    {
        "年",
        "月",
        "日",
        "年代",
        "頃",
        "後",
        "前",
        "時",
        "際",
        "時点",
        "直後",
        "直前",
        "以降",
        "以来",
        "当時",
    }
)


def _heads_a_mention(item: Token, mention_tokens: MentionTokens) -> bool:
    return any(item.i in toks for _, toks in mention_tokens)


def _role_agent(item: Token, own: set[int], tree: DepTree, grammar: Grammar) -> str | None:
    """The agent named by the role noun heading an argument (ソ連外相 → GOV, 米軍 → MIL)."""
    start = tree.compound_start(item)
    head_text = "".join(t.text for t in tree.tokens[start : item.i + 1])
    return grammar.role_agent(head_text)


def inherited_source(
    gov: Token,
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
) -> Arg:
    """A subject the parse did not hang on the predicate itself. In a clause chain the topic
    hangs on the last verb (take it from an ancestor), or sits in an earlier clause of the
    chain, or the parser attached it to a neighbour (take the nearest one before the
    predicate inside its own subtree)."""
    cases = grammar.source_cases
    # a subject quoted (歴史家は「ハマーは…」と書いた) is not the subject of the verb quoting
    quoted = tree.quoted()
    outside = set() if gov.i in quoted else quoted

    def first_subject(candidates: Sequence[int]) -> Arg | None:
        for i in candidates:
            tok = tree.tokens[i]
            if i < gov.i and i not in outside and tree.particle(tok) in cases:
                found = phrase_actors(tok, tree, mention_tokens, when, grammar)
                if found:
                    return Arg(tuple(found), "inherited")
        return None

    # 1. hung by the parser on a neighbouring argument (ソ連は|エストニア、…を占領)
    near = sorted(tree.descendants(gov, stop=CLAUSE_DEPS), reverse=True)
    # 2. the topic of a chain, hung on a later verb
    above = [c.i for anc in tree.ancestors(gov) for c in tree.children[anc.i]]
    # 3. the subject of an earlier clause of the chain (Xは…を訪問し、…に調印した)
    below = sorted(tree.descendants(gov), reverse=True)
    order = (near, above, below)
    if gov.dep == "acl" and tree.tokens[gov.head].lemma in ("こと", "事"):
        # …がXを占領し、Yを再編入したことで: a nominalised clause has its own subject,
        # before the topic of the sentence around it
        order = (near, below, above)
    for candidates in order:
        found = first_subject(candidates)
        if found is not None:
            return found
    return Arg((), "none")


def is_actor(raw: RawMention) -> bool:
    """Places name venues (ヤルタで, マルタ会談) unless they stand for a government or a
    military base (ワシントン, 真珠湾)."""
    return any(c.type != "place" or c.agent is not None for c in raw.candidates)


def inner_targets(
    tok: Token,
    comp_start: int,
    mention_tokens: MentionTokens,
    when: str | None,
    prefixed_only: bool = False,
) -> list[Mention]:
    """対ソ禁輸, ソ連侵攻, 訪米: an actor inside the predicate's own compound is its target."""
    span = set() if prefixed_only else set(range(comp_start, tok.i))
    out: list[Mention] = []
    for raw, toks in mention_tokens:
        inside_token = toks == {tok.i} and raw.start > tok.start  # 訪米, 対ソ
        # (a territory acted on counts: シナイ半島占領; a meeting's venue does not)
        if toks and (toks <= span or inside_token) and (is_actor(raw) or not prefixed_only):
            out.extend(resolve(raw, when))
    return out


_VENUE = re.compile(r"(?:で(?!は|も)|での|において|における|にて)")
_EVENT_NAMED_AFTER = re.compile(r"(?:危機|戦争|紛争|事件|動乱|蜂起|問題)")
_NAMED_AFTER = re.compile(r"(?:宣言|条約|協定|議定書|会議|会談|合意|憲章|体制|プロセス|サミット)")


def names_a_setting(text: str, raw: RawMention) -> bool:
    """シンガポールで会談し、両首脳は…: where something happened is not who it is about;
    nor is the city a declaration is named after (ヘルシンキ宣言), nor the country a crisis
    or a war is (キューバ危機, ベトナム戦争)."""
    if _VENUE.match(text, raw.end) is not None or names_something(text, raw):
        return True
    return raw.rule != "compound" and _EVENT_NAMED_AFTER.match(text, raw.end) is not None


def names_something(text: str, raw: RawMention) -> bool:
    """ヘルシンキ宣言, ワシントン会議: a city in a name, not a mention of the government."""
    places = all(c.type == "place" for c in raw.candidates)
    return places and raw.rule != "compound" and _NAMED_AFTER.match(text, raw.end) is not None
