"""Which tokens of a parsed sentence are event predicates, and which token governs each.

A token is looked up in the lexicon; then guards (`predicate.*` rules returning NOT_AN_EVENT)
may rule it out, and attachment rules say which token governs it: itself, or the light verb
or the measure that carries an event noun. The first rule with an answer decides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from kankei.extract.arguments import NOUNS
from kankei.extract.draft import Hit
from kankei.extract.knowledge import Knowledge
from kankei.extract.lexicon import Predicate
from kankei.extract.registry import Rule, rule
from kankei.extract.tree import DepTree
from kankei.model import Token

_PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True)
class Lookup:
    """A token with its lexicon entry, and what the attachment rules read."""

    tok: Token
    pred: Predicate
    start: int  # where its compound (or its object + verb phrase) starts
    phrasal: bool  # an object + verb entry (外交関係を断る)
    tree: DepTree
    know: Knowledge
    actor_tokens: frozenset[int]
    pair_tokens: frozenset[int]

    @property
    def head(self) -> Token:
        return self.tree.tokens[self.tok.head]

    @property
    def light(self) -> frozenset[str]:
        g = self.know.grammar
        return g.light_verbs | g.passive_light_verbs


NOT_AN_EVENT = "not-an-event"
# a rule's answer: None (no say), NOT_AN_EVENT, or the governing token
Answer = Token | str | None
Attach = Callable[[Lookup], Answer]


def lookup(tok: Token, tree: DepTree, know: Knowledge) -> tuple[Predicate, int, bool] | None:
    """The lexicon entry of tok: object + verb entries first (外交関係を断る is a break, 要求を断る
    a refusal), then the compound ending in tok."""
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
    if pred is None or (pred.pos == "noun" and tok.pos not in NOUNS and tok.pos != "VERB"):
        return None
    return pred, start, phrasal


def light_verb_yields(x: Lookup) -> Answer:
    """米国はソ連に援助を提供した → one USA→SUN 07, on 援助: the noun codes the event, not the light
    verb (but 支援を表明する is a phrase of its own)."""
    if x.tok.lemma not in x.know.grammar.light_verbs or x.phrasal:
        return None
    for c in x.tree.children[x.tok.i]:
        slot = c.dep == "obj" or (c.dep == "obl" and x.tree.particle(c) == "に")
        if slot and predicate_noun(c, x.tree, x.know):
            return NOT_AN_EVENT
    return None


def progressive_description(x: Lookup) -> Answer:
    """ソ連は北京に派遣していた技術者を引き揚げた → SUN→CHN 16 only: what a noun is, not what
    happened."""
    tok = x.tok
    if tok.dep == "acl" and tok.pos == "VERB" and x.head.pos in NOUNS and progressive(tok, x.tree):
        return NOT_AN_EVENT
    return None


def measure_step(x: Lookup) -> Answer:
    """米国はハンガリーに介入する手段を採った → USA→HUN 19, governed by 採った: the act is the
    step the light verb takes (or, 手段も採らなかった, does not)."""
    tok, head = x.tok, x.head
    if tok.dep == "acl" and tok.pos == "VERB" and head.lemma in x.know.grammar.measure_nouns:
        taker = x.tree.tokens[head.head]
        if head.dep in ("obj", "nsubj") and taker.lemma in x.light:
            return taker
    return None


def _head_past_quote(x: Lookup) -> Token:
    """インドの核実験を「重大な誤りだ」と非難: the object belongs to the verb past the copula."""
    head, tree = x.head, x.tree
    if (
        head.dep == "advcl"
        and tree.particle(head) == "と"
        and any(c.dep == "cop" for c in tree.children[head.i])
    ):
        return tree.tokens[head.head]
    return head


def cancelled(x: Lookup) -> Answer:
    """米国はソ連との条約の批准を拒否した → USA→SUN 12, no 05: the cancelling verb is the act (but
    侵攻により 拒否: the invasion did happen)."""
    tok, head = x.tok, _head_past_quote(x)
    in_slot = tok.dep == "obj" or (tok.dep == "obl" and x.tree.particle(tok) in ("に", "を"))
    if tok.pos in NOUNS and in_slot and head.lemma in x.know.grammar.cancelling_verbs:
        return NOT_AN_EVENT
    return None


def _noun(x: Lookup) -> bool:
    return x.tok.pos in NOUNS


def _passive_head(head: Token, tree: DepTree) -> bool:
    return any(c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[head.i])


def made_subject(x: Lookup) -> Answer:
    """ソ連の大使は米国により国外退去処分とされた → USA→SUN 16: a measure someone is made subject
    to."""
    head = _head_past_quote(x)
    tok, tree = x.tok, x.tree
    if not _noun(x) or tok.dep != "obl" or tree.particle(tok) != "と" or head.lemma != "する":
        return None
    return head if _passive_head(head, tree) else None


def listed_item(x: Lookup) -> Answer:
    """米国はソ連に対し、穀物輸出停止、技術輸出停止措置を課した → two USA→SUN 16: an item listed
    before a light verb's noun."""
    head, tok, tree = _head_past_quote(x), x.tok, x.tree
    listed = (
        _noun(x)
        and tok.dep == "nmod"
        and tree.particle(tok) == ""
        and any(c.dep == "punct" and c.text == "、" for c in tree.children[tok.i])
        and predicate_noun(head, tree, x.know)
    )
    if not listed:
        return None
    light_head = tree.tokens[head.head]
    return (
        light_head if light_head.lemma in x.light and head.dep in ("obj", "nsubj", "obl") else None
    )


def light_verb(x: Lookup) -> Answer:
    """米国はソ連に対して禁輸措置を取った → USA→SUN 16: an event noun in a light verb's slot (禁輸措
    置を取る, 交渉が行われた, 交渉に踏み切る, …援助も行った)."""
    if not _noun(x):
        return None
    head, tok, tree = _head_past_quote(x), x.tok, x.tree
    light = x.light | (
        {head.lemma} if obtains_from_actor(head, tree, x.know, x.actor_tokens) else set()
    )
    # (the subject of an active verb is no light-verb slot: 禁輸は影響を与えた; 和平に意味を
    # 為した: the verb's object is what it does)
    slot = (
        tok.dep == "obj"
        or (tok.dep == "nsubj" and (_passive_head(head, tree) or tree.particle(tok) == "も"))
        or (
            tok.dep == "obl"
            and tree.particle(tok) in ("に", "にも", "には")
            and not any(c.dep == "obj" for c in tree.children[head.i])
        )
    )
    if not slot or head.lemma not in light:
        return None
    phrase = "".join(t.text for t in tree.tokens[x.start : tok.i + 1])
    if tok.dep == "obj" and x.know.lexicon.lookup_exact_suffix(f"{phrase}を{head.lemma}"):
        return NOT_AN_EVENT  # 支援を表明: the phrase is the event, coded on its verb
    return head


def measure_noun(x: Lookup) -> Answer:
    """米国はイランに対して資産凍結の措置を取った → USA→IRN 16: the event noun names the measure."""
    head, tok, tree = _head_past_quote(x), x.tok, x.tree
    measure = tree.tokens[head.head]
    if (
        _noun(x)
        and tok.dep in ("nmod", "advmod")  # (遺憾の意: the parser may take 遺憾 for an adverb)
        and tree.particle(tok) == "の"
        and head.lemma in x.know.grammar.measure_nouns
        and head.dep == "obj"
        and measure.lemma in x.light
    ):
        return measure
    return None


def venue_talks(x: Lookup) -> Answer:
    """マルタ会談で米ソ両首脳は冷戦の終結を宣言した → USA→SUN 04 and 05: talks named as the setting
    of an act took place (a 会議 is only a venue: ミュンヘン安全保障会議で批判した)."""
    tok, tree = x.tok, x.tree
    venue = tree.particle(tok) in ("で", "において")
    if _noun(x) and x.pred.lemma.endswith("会談") and tok.dep == "obl" and venue:
        return _head_past_quote(x)
    return None


def nominal_agent(x: Lookup) -> Answer:
    """ドイツによるポーランドへの攻撃が始まった → DEU→POL 19: a nominal event with its own agent is
    an event, also when the parser hangs the agent inside its genitive or target (ソ連による…運動に
    対する弾圧)."""
    if not _noun(x):
        return None
    tok, tree, g = x.tok, x.tree, x.know.grammar
    if any(tree.particle(c) in g.agent_cases for c in tree.children[tok.i]):
        return tok
    for c in tree.children[tok.i]:
        if c.dep == "nmod" and tree.particle(c) in ("の", *g.modifier_target_cases):
            inside = tree.phrase(c) - {c.i}
            if any(tree.particle(tree.tokens[i]) in g.agent_cases for i in inside):
                return tok
    return None


def nominal_genitive(x: Lookup) -> Answer:
    """米国のソ連承認 → USA→SUN 05: 米国のソ連承認, インドの核実験に続き → an event noun with a
    genitive actor is an event when its target is inside it, it needs none, or another predicate
    answers it."""
    if not _noun(x):
        return None
    tok, tree, know, head = x.tok, x.tree, x.know, _head_past_quote(x)
    genitive = any(
        tree.particle(c) == "の" and tree.phrase(c) & x.actor_tokens for c in tree.children[tok.i]
    )
    if not genitive:
        return None
    inner = any(i in x.actor_tokens for i in range(x.start, tok.i + 1))  # (訪中: in tok)
    answered = predicate_noun(head, tree, know) or (
        head.pos == "VERB" and know.lexicon.lookup(head.lemma, head.lemma) is not None
    )
    unilateral = x.pred.code.startswith("15") or x.pred.lemma in know.grammar.unilateral
    if inner or unilateral or (tok.dep in ("obl", "obj") and answered):
        return tok
    return None


def paired_talks(x: Lookup) -> Answer:
    """米ロの直接の対話が始まった → USA→RUS 04: talks between the parties a compound names (not a
    council: バルト三国の各最高会議 are three bodies)."""
    tok, tree = x.tok, x.tree
    if not _noun(x) or not x.pred.code.startswith("04") or x.pred.lemma.endswith("会議"):
        return None
    paired = any(tree.particle(c) == "の" and c.i in x.pair_tokens for c in tree.children[tok.i])
    return tok if paired else None


_CLAUSE_ENDS = frozenset({"。", "（", "(", "！", "？"})
_ARGUMENT_CASES = frozenset({"が", "は", "を", "に", "と", "に対して", "に対し", "への"})


def verbless_clause(x: Lookup) -> Answer:
    """2011年3月、エクアドルがコロンビアとの漁業協定を破棄。 → ECU→COL 16: a clause that ends on its
    event noun (体言止め, as chronologies and headlines write) is told by that noun."""
    tok, tree = x.tok, x.tree
    if not _noun(x) or tok.dep != "ROOT":
        return None
    nxt = tree.tokens[tok.i + 1].text if tok.i + 1 < len(tree.tokens) else "。"
    if nxt not in _CLAUSE_ENDS:
        return None
    argued = any(
        tree.particle(c) in _ARGUMENT_CASES or c.dep in ("nsubj", "obj")
        for c in tree.children[tok.i]
        if c.i < tok.i
    )
    return tok if argued else None


def occurrence(x: Lookup) -> Answer:
    """2012年、スーダンと南スーダンの間の国境衝突が激しさを増した。 → SDN→SSD 19: an event noun
    that is the subject of a verb of occurrence (発生, 勃発, 激化, 続く) tells the event."""
    tok, tree = x.tok, x.tree
    subject = tok.dep == "nsubj" or tree.particle(tok) in ("が", "は", "も")
    head = x.head
    if _noun(x) and subject and head.lemma in x.know.grammar.occurrence_verbs:
        return head
    return None


def nominal_needs_anchor(x: Lookup) -> Answer:
    """ソ連のハンガリーへの介入の影響は大きかった → no event: an event noun none of the rules above
    anchors is a topic."""
    return NOT_AN_EVENT if _noun(x) else None


def own_predicate(x: Lookup) -> Answer:
    """米国はソ連を承認した → USA→SUN 05: a verb governs itself."""
    return x.tok


PREDICATE_RULES: tuple[Rule[Attach], ...] = tuple(
    rule(rule_id, fn)
    for rule_id, fn in (
        ("predicate.light-verb-yields", light_verb_yields),
        ("predicate.progressive-description", progressive_description),
        ("predicate.measure-step", measure_step),
        ("predicate.cancelled", cancelled),
        ("predicate.made-subject", made_subject),
        ("predicate.listed-item", listed_item),
        ("predicate.light-verb", light_verb),
        ("predicate.measure-noun", measure_noun),
        ("predicate.venue-talks", venue_talks),
        ("predicate.nominal-agent", nominal_agent),
        ("predicate.nominal-genitive", nominal_genitive),
        ("predicate.paired-talks", paired_talks),
        ("predicate.verbless-clause", verbless_clause),
        ("predicate.occurrence", occurrence),
        ("predicate.nominal-needs-anchor", nominal_needs_anchor),
        ("predicate.own", own_predicate),
    )
)


def predicate_at(
    tok: Token,
    tree: DepTree,
    know: Knowledge,
    actor_tokens: frozenset[int],
    pair_tokens: frozenset[int] = frozenset(),
    disabled: frozenset[str] = frozenset(),
) -> Hit | None:
    """The hit if tok is an event predicate. `pair_tokens`: the tokens of compounds naming several
    actors (米ソ, 米ロ)."""
    found = lookup(tok, tree, know)
    if found is None:
        return None
    pred, start, phrasal = found
    x = Lookup(tok, pred, start, phrasal, tree, know, actor_tokens, pair_tokens)
    for r in PREDICATE_RULES:
        if r.id in disabled:
            continue
        answer = r.apply(x)
        if answer is None:
            continue
        if isinstance(answer, str):
            return None
        return Hit(tok, answer, pred, start, r.id)
    return None


def obtains_from_actor(
    verb: Token, tree: DepTree, know: Knowledge, actor_tokens: frozenset[int] | set[int]
) -> bool:
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
    """The entry a compound ending in tok names; アンモニア輸入停止措置: a measure is what the rest
    of its compound names."""
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
