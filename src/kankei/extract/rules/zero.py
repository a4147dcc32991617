"""Targets the sentence leaves unsaid (zero anaphora), and unilateral acts that need none. Where no
antecedent fits, no target is guessed and the candidate is dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import is_actor, names_a_setting
from kankei.extract.draft import Arg, Draft, Scope
from kankei.model import Event, Mention, Token


def _unilateral(d: Draft, scope: Scope) -> bool:
    return d.pred.lemma in scope.know.grammar.unilateral or d.code.startswith("15")


def _open(d: Draft, scope: Scope) -> bool:
    """No target yet, none needed by a unilateral act, and no non-actor counterpart stated."""
    if d.targets.mentions or _unilateral(d, scope):
        return False
    return not addressed_non_actor(d, scope)


def _zero(
    sources: Arg,
    recent: Sequence[str],
    raw_mentions: Sequence[RawMention],
    tok: Token,
    text: str = "",
    when: str | None = None,
) -> Mention | None:
    own = {m.code for m in sources.mentions}
    codes = list(recent)
    for raw in raw_mentions:
        if raw.end <= tok.start and is_actor(raw) and not names_a_setting(text, raw):
            # (a compound gives each of its members; a name, the state it was at the date)
            codes.extend(m.code for m in resolve(raw, when))
    for code in reversed(codes):
        if code not in own:
            return Mention(code=code, text="", start=tok.start, end=tok.start, kind="zero")
    return None


def _content_tokens(d: Draft, scope: Scope) -> set[int]:
    """What an appeal, offer or demand is about (…北ベトナムへの支援を停止するという条件を 提示):
    the states named inside its content clause are not whom it addresses."""
    tree = scope.tree
    if d.code[:2] not in scope.know.roots.content:
        return set()
    return {
        i
        for c in tree.children[d.gov.i]
        if c.dep == "obj"
        for x in tree.descendants(c)
        if tree.tokens[x].dep in ("acl", "advcl", "ccomp")
        for i in tree.descendants(tree.tokens[x]) | {x}
    }


def verbal_act(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連のアフガニスタン侵攻により、米国は批准を拒否した → USA→SUN 12: a verbal act answers the
    act the sentence has just told, else addresses the counterpart named last."""
    if d.code[:2] not in scope.know.roots.zero_target or not _open(d, scope):
        return d
    own = {m.code for m in d.sources.mentions}
    actors = [e.source for e in earlier if e.source and e.source not in own and not e.negated]
    zero = _zero(d.sources, actors, (), d.tok) if actors else None
    if zero is None:
        content = _content_tokens(d, scope)
        addressable = [m for m, toks in scope.mention_tokens if not toks & content]
        zero = _zero(d.sources, scope.recent, addressable, d.tok, scope.text, d.when)
    return replace(d, targets=Arg((zero,), "zero")) if zero is not None else d


def material_act(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """イラクはクウェートに侵攻し、油田を占拠した → IRQ→KWT 19 twice: a material act without a
    stated patient goes on with the source's own act of the sentence, or answers one aimed at it;
    other parties of the sentence are no guess."""
    if d.code[:2] in scope.know.roots.zero_target or not _open(d, scope):
        return d
    own = {m.code for m in d.sources.mentions}
    parties = [
        c
        for e in earlier
        for c in ([e.target] if e.source in own else [e.source] if e.target in own else [])
        if c
    ]
    zero = _zero(d.sources, parties, (), d.tok)
    return replace(d, targets=Arg((zero,), "zero")) if zero is not None else d


def unilateral(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ソ連は核実験を行った → SUN 15, no target: a unilateral act needs no counterpart (but a
    posture aimed at one that is no actor, 衛星国全域に対して軍を駐留させ, is not unilateral)."""
    if d.targets.mentions or d.target_list or not _unilateral(d, scope):
        return d
    listed = d.pred.lemma in scope.know.grammar.unilateral
    if addressed_non_actor(d, scope) and not listed:
        return d
    return replace(d, target_list=(None,))


def addressed_non_actor(d: Draft, scope: Scope) -> bool:
    """各々と会談した, 要請に応じなかった, これに反対した: a counterpart phrase (に, と, に対して)
    that is a pronoun or a described noun and names no actor — not a time, an adverb (一斉に) nor
    the document acted on (条約に違反)."""
    tree, grammar = scope.tree, scope.know.grammar
    for holder in {d.gov.i, d.tok.i}:
        for c in tree.children[holder]:
            times = grammar.time_clause_heads | grammar.time_nouns
            if c.i == d.tok.i or c.lemma in times:
                continue  # (発射実験に成功, …ている間に: the event noun or a time)
            if tree.particle(c) not in grammar.counterpart_cases or c.dep not in (
                "obl",
                "nmod",
                "iobj",
            ):
                continue
            phrase = tree.phrase(c) | {c.i}
            if phrase & scope.actor_tokens or any(tree.tokens[i].pos == "NUM" for i in phrase):
                continue
            head = "".join(t.text for t in tree.tokens[tree.compound_start(c) : c.i + 1])
            if head.endswith(grammar.document_nouns):
                continue
            described = any(x.dep in ("nmod", "acl", "det") for x in tree.children[c.i])
            if described or c.pos == "PRON" or c.lemma in grammar.counterpart_pronouns:
                return True
    return False
