"""Which tokens of a parsed sentence are event predicates, and which token governs each."""

from __future__ import annotations

from itertools import pairwise

from kankei.extract.arguments import NOUNS
from kankei.extract.knowledge import Knowledge
from kankei.extract.lexicon import Predicate
from kankei.extract.tree import DepTree
from kankei.model import Token

_PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


def predicate_at(
    tok: Token,
    tree: DepTree,
    know: Knowledge,
    actor_tokens: set[int],
    pair_tokens: frozenset[int] = frozenset(),
) -> tuple[Token, Token, Predicate, int] | None:
    """(event token, governing token, lexicon entry, compound start) if tok is a predicate.
    `pair_tokens`: the tokens of compounds naming several actors (米ソ, 米ロ)."""
    if tok.pos not in _PREDICATE_POS or tok.dep == "compound":
        return None
    if tok.dep == "advcl" and know.grammar.is_postposition(tok.lemma, tree.te_form(tok)):
        return None  # ナチス軍に対抗して…維持した: a postposition, not an act of its own
    start = tree.compound_start(tok)
    surface = "".join(t.text for t in tree.tokens[start : tok.i]) + (
        tok.lemma if tok.pos == "VERB" else tok.text
    )
    pred = None
    if tok.pos == "VERB":
        # object + verb entries first: 外交関係を断る is a break, 要求を断る a refusal
        for c in tree.children[tok.i]:
            if c.dep == "obj":
                obj = "".join(t.text for t in tree.tokens[tree.compound_start(c) : c.i + 1])
                found = know.lexicon.lookup_exact_suffix(f"{obj}を{tok.lemma}")
                if found is not None:
                    pred = found
                    if c.i + 2 == tok.i:
                        start = tree.compound_start(c)  # the phrase is the predicate: 署名をし
    phrasal = pred is not None
    pred = pred or _compound_entry(tok, start, surface, tree, know)
    if pred is None:
        return None
    if pred.pos == "noun" and tok.pos not in NOUNS and tok.pos != "VERB":
        return None
    if tok.lemma in know.grammar.light_verbs and not phrasal:
        # 援助を提供する, 制裁に加わる: the noun codes the event, not the light verb (but
        # 支援を表明する is a phrase of its own)
        for c in tree.children[tok.i]:
            slot = c.dep == "obj" or (c.dep == "obl" and tree.particle(c) == "に")
            if slot and predicate_noun(c, tree, know):
                return None
    if (
        tok.dep == "acl"
        and tok.pos == "VERB"
        and tree.tokens[tok.head].pos in NOUNS
        and progressive(tok, tree)
    ):
        return None  # 北京に派遣していた技術者: what a noun is, not what happened
    head = tree.tokens[tok.head]
    light = know.grammar.light_verbs | know.grammar.passive_light_verbs
    if tok.dep == "acl" and tok.pos == "VERB" and head.lemma in know.grammar.measure_nouns:
        # 介入する手段も採らなかった: the act is the step the light verb takes, or does not
        taker = tree.tokens[head.head]
        if head.dep in ("obj", "nsubj") and taker.lemma in light:
            return tok, taker, pred, start
    if (
        head.dep == "advcl"
        and tree.particle(head) == "と"
        and any(c.dep == "cop" for c in tree.children[head.i])
    ):
        # インドの核実験を「重大な誤りだ」と非難: the object belongs to the verb
        head = tree.tokens[head.head]
    if (
        tok.pos in NOUNS
        and (tok.dep == "obj" or (tok.dep == "obl" and tree.particle(tok) in ("に", "を")))
        and head.lemma in know.grammar.cancelling_verbs
    ):
        return None  # 批准を拒否した: no ratification took place (but 侵攻により拒否: it did)
    if tok.pos in NOUNS:
        light = know.grammar.light_verbs | know.grammar.passive_light_verbs
        if obtains_from_actor(head, tree, know, actor_tokens):
            light = light | {head.lemma}
        # 禁輸措置を取る, 交渉が行われた, 交渉に踏み切る — but not 攻撃により…拡大した
        # (the subject of an active verb is no light-verb slot: 禁輸は影響を与えた; but
        # …援助も行った, where も stands for を)
        passive_head = any(
            c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[head.i]
        )
        light_slot = (
            tok.dep == "obj"
            or (tok.dep == "nsubj" and (passive_head or tree.particle(tok) == "も"))
            or (
                tok.dep == "obl"
                and tree.particle(tok) in ("に", "にも", "には")
                # (和平に意味を為した, 制裁に影響を与えた: the verb's object is what it does)
                and not any(c.dep == "obj" for c in tree.children[head.i])
            )
        )
        # 国外退去処分とされた: a measure someone is made subject to
        made_subject = tok.dep == "obl" and tree.particle(tok) == "と" and head.lemma == "する"
        if made_subject and passive_head:
            return tok, head, pred, start
        # 対ソ輸出停止、…輸入停止措置も課した: an item listed before a light verb's noun
        listed = (
            tok.dep == "nmod"
            and tree.particle(tok) == ""
            and any(c.dep == "punct" and c.text == "、" for c in tree.children[tok.i])
            and predicate_noun(head, tree, know)
        )
        if listed:
            light_head = tree.tokens[head.head]
            if light_head.lemma in light and head.dep in ("obj", "nsubj", "obl"):
                return tok, light_head, pred, start
        if light_slot and head.lemma in light:
            phrase = "".join(t.text for t in tree.tokens[start : tok.i + 1])
            if tok.dep == "obj" and know.lexicon.lookup_exact_suffix(f"{phrase}を{head.lemma}"):
                return None  # 支援を表明: the phrase is the event, coded on its verb
            return tok, head, pred, start
        # 資産凍結の措置を取った: the event noun names the measure a light verb takes
        measure = tree.tokens[head.head]
        if (
            tok.dep == "nmod"
            and tree.particle(tok) == "の"
            and head.lemma in know.grammar.measure_nouns
            and head.dep == "obj"
            and measure.lemma in light
        ):
            return tok, measure, pred, start
        # マルタ会談で…宣言した: talks named as the setting of an act took place, between the
        # parties of that act (a 会議 is only a venue: ミュンヘン安全保障会議で批判した)
        venue_particle = tree.particle(tok) in ("で", "において")
        if pred.lemma.endswith("会談") and tok.dep == "obl" and venue_particle:
            return tok, head, pred, start
        # a nominal event needs its own agent (ドイツによるソ連侵攻), or a genitive actor
        # with an actor target inside it (米国のソ連承認, ソ連のアフガニスタン侵攻)
        if any(tree.particle(c) in know.grammar.agent_cases for c in tree.children[tok.i]):
            return tok, tok, pred, start
        # ソ連による[リトアニア独立運動の]抑圧: the parser may hang the agent on the genitive
        # (or on the target: ソ連による[ポーランド民主化運動に対する]弾圧)
        for c in tree.children[tok.i]:
            if c.dep == "nmod" and tree.particle(c) in ("の", *know.grammar.modifier_target_cases):
                inside = tree.phrase(c) - {c.i}
                if any(tree.particle(tree.tokens[i]) in know.grammar.agent_cases for i in inside):
                    return tok, tok, pred, start
        genitive = any(
            tree.particle(c) == "の" and tree.phrase(c) & actor_tokens for c in tree.children[tok.i]
        )
        inner = any(i in actor_tokens for i in range(start, tok.i + 1))  # (訪中: in tok)
        # …ソ連側の要求に応じなかった: the actor's act that another predicate answers
        answered = predicate_noun(head, tree, know) or (
            head.pos == "VERB" and know.lexicon.lookup(head.lemma, head.lemma) is not None
        )
        # インドの核実験に続き: an act that needs no counterpart is named by its actor alone
        unilateral = pred.code.startswith("15") or pred.lemma in know.grammar.unilateral
        if genitive and (inner or unilateral or (tok.dep in ("obl", "obj") and answered)):
            return tok, tok, pred, start
        # 米ロの直接の対話, 米ソの首脳会談: talks between the parties a compound names
        paired = any(tree.particle(c) == "の" and c.i in pair_tokens for c in tree.children[tok.i])
        # (not a council: バルト三国の各最高会議 are three bodies, not a meeting)
        if paired and pred.code.startswith("04") and not pred.lemma.endswith("会議"):
            return tok, tok, pred, start
        return None
    return tok, tok, pred, start


def obtains_from_actor(verb: Token, tree: DepTree, know: Knowledge, actor_tokens: set[int]) -> bool:
    """スターリンから譲歩を得た: a verb of obtaining whose giver, marked から, is an actor."""
    return verb.lemma in know.grammar.obtaining_verbs and any(
        tree.particle(c) in ("から", "からの") and tree.phrase(c) & actor_tokens
        for c in tree.children[verb.i]
    )


def predicate_noun(tok: Token, tree: DepTree, know: Knowledge) -> bool:
    start = tree.compound_start(tok)
    surface = "".join(t.text for t in tree.tokens[start : tok.i + 1])
    return _compound_entry(tok, start, surface, tree, know) is not None


def _compound_entry(
    tok: Token, start: int, surface: str, tree: DepTree, know: Knowledge
) -> Predicate | None:
    """The entry a compound ending in tok names; アンモニア輸入停止措置: a measure is what the
    rest of its compound names."""
    pred = know.lexicon.lookup(surface, tok.lemma)
    if pred is None and tok.lemma in know.grammar.measure_nouns and start < tok.i:
        before = tree.tokens[tok.i - 1]
        pred = know.lexicon.lookup(surface[: -len(tok.text)], before.lemma)
    return pred


def progressive(tok: Token, tree: DepTree) -> bool:
    """…していた / …している: a state, not an act."""
    tail = []
    for t in tree.tokens[tok.i + 1 :]:
        if t.dep not in ("aux", "mark", "fixed"):
            break
        tail.append(t.lemma)
    return any(a in ("て", "で") and b in ("いる", "おる") for a, b in pairwise(tail))
