"""Arguments of a predicate: which actors are its source and its target."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.draft import Arg, MentionTokens
from kankei.extract.grammar import Grammar
from kankei.extract.tree import DepTree
from kankei.model import Mention, Token

NOUNS = frozenset({"NOUN", "PROPN"})


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


def between_parties(
    holders: Sequence[Token],
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
) -> tuple[Mention, ...]:
    """AとBとの間で交渉が行われた / 条約がAとBの間で結ばれた: both are parties."""
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
            found = _answered_agent(item, own, tree, mention_tokens, when, grammar) or found
        agent = _role_agent(item, own, tree, grammar)
        if (
            found
            and slot == "source"
            and _only_modifies(item, agent, mention_tokens, grammar)
            and not _titled_person(item, tree, mention_tokens)
        ):
            continue
        out.extend(
            replace(m, agent=agent) if agent and m.kind in _ROLE_TAKERS else m for m in found
        )
    return out


def _answered_agent(
    item: Token,
    own: set[int],
    tree: DepTree,
    mention_tokens: MentionTokens,
    when: str | None,
    grammar: Grammar,
) -> tuple[Mention, ...]:
    """An act answering another act is aimed at that act's agent: 北朝鮮による韓国侵攻に対し
    非難決議を採択 → PRK, not KOR."""
    by = frozenset(grammar.agent_cases)
    agents = [
        raw for raw, toks in mention_tokens if toks & own and _possessor(max(toks), item, tree, by)
    ]
    return tuple(m for raw in agents[:1] for m in resolve(raw, when))


def _only_modifies(
    item: Token, agent: str | None, mention_tokens: MentionTokens, grammar: Grammar
) -> bool:
    """The actor only modifies another noun: 米ソ関係は, ロシアの外交は, 日本製品を (but a
    passive's 米軍の無人機攻撃によって: whose act it was is the agent)."""
    return (
        agent is None
        and item.text not in grammar.transparent_heads
        and not _heads_a_mention(item, mention_tokens)
    )


CLAUSE_DEPS = frozenset({"advcl", "acl", "ccomp", "csubj", "parataxis"})
_ROLE_TAKERS = frozenset({"state", "place", "compound", "person"})


def _titled_person(item: Token, tree: DepTree, mention_tokens: MentionTokens) -> bool:
    """A person's name compounded with the noun heading the phrase is that person under a
    title (アナン事務総長は, ヒンダウィ委員長は): the phrase is the person's, whatever the
    title."""
    start = tree.compound_start(item)
    return any(
        toks
        and start <= min(toks)
        and max(toks) < item.i
        and all(c.type == "person" for c in raw.candidates)
        for raw, toks in mention_tokens
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
