"""Sources the predicate's own frame does not state: borrowed from the clause chain, a cleft, or the
parties a talk or a treaty is named after."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import resolve
from kankei.extract.arguments import (
    actors_in,
    inherited_source,
    is_actor,
    phrase_actors,
)
from kankei.extract.draft import Arg, Draft, MentionTokens, Scope
from kankei.extract.grammar import Grammar
from kankei.extract.tree import DepTree
from kankei.model import Event, Mention, Token


def _may_borrow(d: Draft, scope: Scope) -> bool:
    """Only a predicate with no subject of its own borrows one; a subject that is not an actor (歴史
    家は…述べた, 活動は終了した) means the event is not between actors; and the subject of a passive
    is who suffers it (決断を迫られる)."""
    if d.sources.mentions:
        return False
    if d.passive and d.gov.lemma not in scope.know.grammar.passive_light_verbs:
        return False
    return not has_subject(d.gov, d.tok, scope.tree, scope.know.grammar, d.passive)


def cleft(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ラブロフと会談したのは、ハースであった → USA→RUS 04: who did it is what the sentence ends
    on."""
    if not _may_borrow(d, scope):
        return d
    tree, gov = scope.tree, d.gov
    nominalised = any(c.lemma == "の" and c.dep == "mark" for c in tree.children[gov.i])
    if not nominalised or not any(
        tree.particle(c) == "は" or c.text == "は" for c in tree.children[gov.i]
    ):
        return d
    # (the parser may make the nominalised clause a root of its own)
    heads = (
        [tree.tokens[gov.head]]
        if gov.dep == "csubj"
        else [t for t in tree.tokens if t.dep == "ROOT" and t.i > gov.i]
    )
    head = heads[-1] if heads else gov
    if not any(c.dep == "cop" for c in tree.children[head.i]):
        return d
    found = phrase_actors(head, tree, scope.mention_tokens, d.when, scope.know.grammar, "agent")
    return replace(d, sources=Arg(tuple(found), "cleft")) if found else d


def inherited(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連はエストニアを占領し、ラトビアを併合した → SUN→EST 19, SUN→LVA 19: the subject of the
    clause chain (on a later verb, an earlier clause, or hung by the parser on a neighbour)."""
    if not _may_borrow(d, scope):
        return d
    found = inherited_source(d.gov, scope.tree, scope.mention_tokens, d.when, scope.know.grammar)
    return replace(d, sources=found) if found.mentions else d


def comma_subject(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """2014年6月、ケニア大統領、ウガンダを公式訪問。 → KEN→UGA 04: in a verbless clause the
    subject may be marked by a comma alone (「NP、」 at the start of the clause), not by は/が;
    not an item of a list (ケニア、ウガンダ、タンザニアを訪問)."""
    if d.sources.mentions or d.hit.rule != "predicate.verbless-clause":
        return d
    tree, tokens, grammar = scope.tree, scope.tree.tokens, scope.know.grammar
    for t in tokens[: d.tok.i]:
        if t.i + 1 >= d.tok.i or tokens[t.i + 1].text != "、" or tree.particle(t):
            continue
        if t.lemma in grammar.time_heads or t.pos not in ("NOUN", "PROPN"):
            continue
        # only the clause's first comma-marked phrase; a bare name before a list of names
        # is the list's first item (ケニア、ウガンダ…を訪問), a role is its subject (首相、…)
        head = "".join(x.text for x in tokens[tree.compound_start(t) : t.i + 1])
        if grammar.role_agent(head) is None and _listed_after(t.i + 2, d.tok.i, tokens):
            return d
        own = {i for i in tree.phrase(t) if i <= t.i}
        actors = [(raw, toks) for raw, toks in scope.mention_tokens if is_actor(raw)]
        found = actors_in(own, t, actors, d.when, tree)
        return replace(d, sources=Arg(found, "comma")) if found else d
    return d


def _listed_after(start: int, end: int, tokens: Sequence[Token]) -> bool:
    """Whether the words after a comma are the next item of a list (…ウガンダ、タンザニア…)."""
    for t in tokens[start:end]:
        if t.pos not in ("NOUN", "PROPN"):
            return t.text in ("、", "と", "や", "及び", "および")
    return False


def previous_subject(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """1961年6月、ソ連は米国に要求を突きつけた。また、米国に撤退を求めた。 → SUN→USA 10: a
    sentence that opens as a continuation (また、さらに、その後、) and has no subject of its own
    goes on with the subject of the sentence before (the first source of its events); a
    sentence before that told no event lends none."""
    continued = scope.before and scope.know.grammar.continues(scope.text)
    if not continued or not _may_borrow(d, scope) or d.passive:
        return d
    if any(scope.tree.particle(c) in scope.know.grammar.source_cases for c in scope.tree.tokens):
        return d  # the sentence names a subject of its own somewhere: not a continuation
    carried = Mention(code=scope.before[0], text="", start=0, end=0, kind="carried")
    return replace(d, sources=Arg((carried,), "carried"))


def event_participants(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """2012年、スーダンと南スーダンの間の国境衝突が激しさを増した。 → SDN→SSD 19: an event
    that only happens (predicate.occurrence) is between the parties its noun names: the first
    is the source, the others the targets."""
    if d.sources.mentions or d.hit.rule != "predicate.occurrence":
        return d
    tree, tok = scope.tree, d.tok
    region = set(range(d.hit.comp_start, tok.i + 1))
    for c in tree.children[tok.i]:
        if c.dep in ("nmod", "acl"):
            region |= tree.descendants(c) | {c.i}
    named = _named_parties(region, scope.mention_tokens, d.when)
    if len(named) > 1:
        return replace(d, sources=Arg(named[:1], "named"), targets=Arg(named[1:], "named"))
    return d


def _symmetric_unstated(d: Draft, scope: Scope) -> bool:
    return not d.sources.mentions and d.pred.code[:2] in scope.know.roots.symmetric


def named_parties(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米ソ首脳会談が行われた → USA→SUN 04: talks and treaties with no actor of their own are
    between the parties they name (a compound, or exactly two states)."""
    if not _symmetric_unstated(d, scope):
        return d
    named = _named_parties(party_region(d, scope), scope.mention_tokens, d.when)
    if len(named) > 1:
        return replace(d, sources=Arg(named[:1], "named"), targets=Arg(named[1:], "named"))
    return d


def treaty_parties(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """SALT IIの交渉が行われた → USA→SUN 04: the parties of a treaty known by name (the one named
    last, nearest to the predicate: START Iに続くSTART IIの合意)."""
    if not _symmetric_unstated(d, scope):
        return d
    region = party_region(d, scope)
    if _named_parties(region, scope.mention_tokens, d.when):
        return d
    for found, toks in reversed(scope.treaty_tokens):
        if toks and toks <= region and found.treaty.parties:
            name = scope.text[found.start : found.end]
            named = tuple(
                Mention(code, name, found.start, found.end, "treaty", entry=f"treaty:{name}")
                for code in found.treaty.parties
            )
            if len(named) > 1:
                return replace(
                    d, sources=Arg(named[:1], "treaty"), targets=Arg(named[1:], "treaty")
                )
            return d
    return d


def party_region(d: Draft, scope: Scope) -> set[int]:
    """Where a meeting or a treaty names its parties: its own compound and modifiers (米ソ首脳 会談,
    米国とソ連の会談), the compound of its verb's subject or object (日ソ共同宣言に調印)."""
    tree, tok, gov = scope.tree, d.tok, d.gov
    treaty = d.pred.code[:2] == "05"
    region = set(range(d.hit.comp_start, tok.i + 1))
    for c in tree.children[tok.i]:
        if c.dep in ("nmod", "acl"):
            region |= tree.descendants(c) | {c.i}
    passive = any(c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i])
    for c in tree.children[gov.i]:
        # (…STARTⅡによる削減の合意に達した: the parser may hang the による on the verb); a
        # treaty signed is named by its subject or object, but the subject of an active verb
        # is what acts (米ソ同盟が終結を迎えた) and a visit's object is whom it visits
        signed = treaty and ((c.dep == "nsubj" and passive) or c.dep == "obj")
        if signed or tree.particle(c) in scope.know.grammar.agent_cases:
            region |= set(range(tree.compound_start(c), c.i + 1))
        if signed:
            # 米英仏ソの4か国協定が締結された: the treaty's own modifier names its parties
            for m in tree.children[c.i]:
                if m.dep == "nmod" and tree.particle(m) == "の":
                    region |= tree.phrase(m) | {m.i}
    return region


def _named_parties(
    region: set[int], mention_tokens: MentionTokens, when: str | None
) -> tuple[Mention, ...]:
    """A compound (米ソ), else exactly two states named in the region."""
    inside = [raw for raw, toks in mention_tokens if toks and toks <= region and is_actor(raw)]
    for raw in inside:
        if raw.rule == "compound":
            return tuple(resolve(raw, when))
    first = {m.code: m for raw in reversed(inside) for m in resolve(raw, when)}
    if len(first) == 2:
        return tuple(sorted(first.values(), key=lambda m: m.start))
    return ()


def has_subject(gov: Token, tok: Token, tree: DepTree, grammar: Grammar, passive: bool) -> bool:
    """Whether the predicate has a subject of its own — not a setting (湾岸戦争では) nor a count (1
    度は) that the parser took for one."""
    cases = {"によって", "により", "による"} if passive else {"は", "が", "も"}
    cases &= set(grammar.agent_cases) | set(grammar.source_cases)
    return any(
        tree.particle(c) in cases
        and c.dep in ("nsubj", "obl", "nmod", "dislocated")
        and not any(n.dep == "nummod" for n in tree.children[c.i])
        and c.lemma not in grammar.time_clause_heads  # (…したときは)
        and not _in_time_clause(c, holder, tree, grammar.time_clause_heads)
        and not _topicalised_content(c, tree)
        for holder in {gov.i, tok.i}
        for c in tree.children[holder]
    )


def _topicalised_content(subject: Token, tree: DepTree) -> bool:
    """…変化させることも提案した, …することは拒んだ: a nominalised clause under も or は is what
    is proposed or refused (an object topicalised), not who acts."""
    return (
        subject.lemma in ("こと", "事")
        and tree.particle(subject) in ("も", "は")
        and any(c.dep == "acl" for c in tree.children[subject.i])
    )


def _in_time_clause(subject: Token, holder: int, tree: DepTree, heads: frozenset[str]) -> bool:
    """侵攻が延期されたときは不平を言った: a が before a clause of time (…したときは) is that
    clause's subject, though the parser may hang it on the main verb."""
    return tree.particle(subject) == "が" and any(
        t.dep == "acl" and tree.tokens[t.head].lemma in heads and t.head < holder
        for t in tree.tokens[subject.i + 1 : holder]
    )
