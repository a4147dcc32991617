"""A parsed sentence -> coded events: predicates from the lexicon, arguments from the parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import (
    CLAUSE_DEPS,
    COUNTERPART_CASES,
    NOUNS,
    Arg,
    arguments,
    inherited_source,
    inner_targets,
    is_actor,
    names_a_setting,
    names_something,
    phrase_actors,
)
from kankei.extract.clause_dates import attached_date, distributed_dates, sentence_date
from kankei.extract.grammar import Grammar
from kankei.extract.knowledge import Knowledge
from kankei.extract.lexicon import Predicate
from kankei.extract.predicates import obtains_from_actor, predicate_at, progressive
from kankei.extract.statements import quoted_actor, without_containers
from kankei.extract.treaties import TreatyMention
from kankei.extract.tree import DepTree, token_at
from kankei.model import DateValue, Event, Mention, ParsedSentence, Token

__all__ = ["Knowledge", "extract_events"]

# dates that date no event: what something is put off to, a year in a name
_DATING_NOTHING = frozenset({"target-date", "attributive-year"})


def extract_events(
    parsed: ParsedSentence,
    raw_mentions: Sequence[RawMention],
    dates: Sequence[DateValue],
    context_date: str | None,
    know: Knowledge,
    recent: Sequence[str] = (),
    carried: DateValue | None = None,
) -> list[Event]:
    """Events of one sentence. `recent` holds the codes of the actors named before it, latest
    last: a predicate whose target the sentence leaves unsaid (zero anaphora, as Japanese
    does) takes the latest of them other than its source. `carried`: the date the sentence
    before stated last, which an event takes when its own sentence states none."""
    tokens = parsed.tokens
    treaties = know.treaties.find(parsed.text)
    if not tokens or not (raw_mentions or treaties):
        return []
    tree = DepTree(tokens)
    mention_tokens = [
        (m, {i for i in (token_at(tokens, c) for c in range(m.start, m.end)) if i is not None})
        for m in raw_mentions
        if not names_something(parsed.text, m)
    ]
    date_tokens = [
        (d, token_at(tokens, max(d.end - 1, d.start)))
        for d in dates
        if d.rule not in _DATING_NOTHING
    ]
    treaty_tokens = [
        (t, {i for i in (token_at(tokens, c) for c in range(t.start, t.end)) if i is not None})
        for t in treaties
    ]
    found: list[tuple[Token, Token, Predicate, int]] = []
    actor_tokens = {i for _, toks in mention_tokens for i in toks}
    pair_tokens = frozenset(
        i for m, toks in mention_tokens if m.rule == "compound" and is_actor(m) for i in toks
    )
    for tok in tokens:
        hit = predicate_at(tok, tree, know, actor_tokens, pair_tokens)
        if hit is not None:
            found.append(hit)
    predicate_heads = {gov.i for _, gov, _, _ in found}
    events: list[Event] = []
    origin: list[tuple[int, int]] = []  # (event token, governing token) of each event
    seen: set[tuple[str | None, str | None, str, int, str | None]] = set()
    for tok, gov, pred, comp_start in found:
        bounds = know.grammar.bound_nouns
        date = attached_date(gov, tree, date_tokens, predicate_heads, bounds)
        if date is None:
            # a chain of clauses (AをX し、BとYした) shares the date of its first clause
            for c in tree.children[gov.i]:
                if c.dep == "advcl" and c.i < gov.i and c.i in predicate_heads:
                    date = attached_date(c, tree, date_tokens, predicate_heads, bounds) or date
        if date is None:
            date = sentence_date(tok, parsed.text, date_tokens, know.grammar.time_bounds)
        if date is None and carried is not None and not progressive(gov, tree):
            # the narrative goes on where the sentence before left it (but what was going on
            # then, …していた, ran through a longer time)
            date = replace(carried, rule=f"previous-sentence:{carried.rule}")
        when = date.value if date and date.value else context_date
        passive = (
            gov.lemma in know.grammar.passive_light_verbs
            or (gov.i != tok.i and obtains_from_actor(gov, tree, know, actor_tokens))
            or any(c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i])
        )
        sources, targets = arguments(
            tok, gov, pred, tree, mention_tokens, when, know.grammar, passive
        )
        if (
            not sources.mentions
            and not (passive and gov.lemma not in know.grammar.passive_light_verbs)
            and not _has_subject(gov, tok, tree, know.grammar, passive)
        ):
            # only a predicate with no subject of its own borrows one; a subject that is not
            # an actor (歴史家は…述べた, 活動は終了した) means the event is not between actors;
            # and the subject of a passive is who suffers it (決断を迫られる)
            sources = _cleft_subject(gov, tree, mention_tokens, when, know.grammar) or (
                inherited_source(gov, tree, mention_tokens, when, know.grammar)
            )
        if not sources.mentions and pred.code[:2] in know.grammar.symmetric_roots:
            # 中朝友好協力相互援助条約が締結された, 米ソ首脳会談が行われた, SALT IIの交渉:
            # talks and treaties with no actor of their own are between the parties they name
            region = _party_region(
                tok, gov, comp_start, tree, know.grammar.agent_cases, pred.code[:2] == "05"
            )
            named = _named_parties(region, mention_tokens, when)
            how = "named"
            if not named:
                named, how = _treaty_parties(region, treaty_tokens, parsed.text), "treaty"
            if len(named) > 1:
                sources, targets = Arg(named[:1], how), Arg(named[1:], how)
        if not sources.mentions or _in_publication(gov, tree, know.grammar):
            continue
        if passive and not targets.mentions:
            # Xは…を空爆し、安保理から非難された: the topic of the chain is who suffers it
            topic = inherited_source(gov, tree, mention_tokens, when, know.grammar)
            doers = {m.code for m in sources.mentions}
            if topic.mentions and not doers & {m.code for m in topic.mentions}:
                targets = Arg(topic.mentions, "topic")
        against = False
        envoy_host = _own_envoy_host(gov, tree, mention_tokens, sources, when)
        recall = False
        if envoy_host is not None and pred.code[:2] in know.grammar.recall_roots:
            # 駐ソ米国大使を呼び出した / 駐韓大使を一時帰国させた: one's own envoy called home
            # is a recall (16), aimed at the state the envoy was posted to
            recall = True
            targets = Arg((envoy_host,), "posted")
        if not targets.mentions:
            # meetings are named after their venue (マルタ会談): for them only a prefixed
            # token (訪米) names the target
            venue_named = pred.code.startswith("04")
            inner = inner_targets(tok, comp_start, mention_tokens, when, venue_named)
            if inner:
                targets = Arg(tuple(inner), "compound")
                # 反ソ演説, 反米宣伝: a statement against the state its compound names
                against = any(parsed.text[m.start - 1 : m.start] == "反" for m in inner)
        symmetric = (
            pred.code[:2] in know.grammar.symmetric_roots
            or any(pred.lemma.endswith(word) for word in know.grammar.symmetric)
            or pred.lemma in know.grammar.joint_declarations
        )
        if not targets.mentions and symmetric and pred.lemma not in know.grammar.unilateral:
            # joint subjects (AとBは会談した, 米ソは署名した): the first named is the source
            codes = list(dict.fromkeys(m.code for m in sources.mentions))
            if len(codes) > 1:
                first = [m for m in sources.mentions if m.code == codes[0]][:1]
                rest = tuple(m for m in sources.mentions if m.code != codes[0])
                sources, targets = Arg(tuple(first), sources.how), Arg(rest, "joint")
        negated = _negated(gov, tree, know.grammar) or (
            gov.i != tok.i and _negated(tok, tree, know.grammar)
        )
        code = "161" if recall else pred.code
        if against and code[:2] == "01":
            code = "111"
        if code in ("1823", "175") and _many_victims(gov, tok, tree, know.grammar, passive):
            code = "202"  # 多数の民間人を殺害した: a mass killing
        if code[:2] == "05" and _agrees_to_act(gov, tree):
            code = "030"  # …を再開することで合意した: what is agreed on is still to be done
        if negated and pred.negated_code and gov.i == tok.i:
            # (合意しなかった is a refusal; 合意に至らなかった only did not happen)
            code, negated = pred.negated_code, False
        if targets.how == "joint" and pred.lemma in know.grammar.joint_declarations:
            code = "05"
        tried = _ATTEMPT.match(parsed.text, gov.end) is not None or (
            gov.i != tok.i and gov.lemma in know.grammar.attempt_verbs
        )
        mode = _mode(gov, parsed.text, know.grammar, tree)
        if tried and code[:2] in know.grammar.attempts:
            # 対話しようとした, 対話を試みた: a cooperative act tried for is an intent to it (03)
            code = know.grammar.attempts[code[:2]]
        elif tried and mode == "asserted":
            mode = "desired"  # 中断を試みた: what was tried for did not happen (yet)
        if not targets.mentions and sources.how == "case" and code[:2] in _TREATY_ACTS:
            # ソ連は対日平和条約への署名を拒否した: a treaty acted on names whom it is aimed
            # at (not guessed for a subject itself guessed)
            treaty_targets = _treaty_counterparts(
                tok, gov, tree, treaty_tokens, sources, parsed.text
            )
            if treaty_targets:
                targets = Arg(treaty_targets, "treaty")
        if not targets.mentions and code[:2] in know.grammar.zero_target_roots | {"01"}:
            # Xは「…ソ連は…」と述べた: a statement is about the actor its quotation names
            about = quoted_actor(gov, tree, mention_tokens, sources, when)
            if about is not None:
                targets = Arg((about,), "quote")
        allies = targets.how in ("joint", "nested") and _side_by_side(gov, tree, know.grammar)
        if allies:
            continue  # 米ソ両国は共に戦った: partners, not opponents, and no one else named
        target_list: list[Mention | None] = list(targets.mentions)
        if not target_list:
            unilateral = pred.lemma in know.grammar.unilateral or code.startswith("15")
            if code[:2] in know.grammar.zero_target_roots:
                # a verbal act answers the act this sentence has just told (ソ連による侵攻に
                # より米国が批准を拒否: SUN), else addresses the counterpart named last
                own = {m.code for m in sources.mentions}
                actors = [
                    e.source for e in events if e.source and e.source not in own and not e.negated
                ]
                zero = _zero_target(sources, actors, (), tok) if actors else None
                # (not a state named inside what the act is about: …北ベトナムへの支援を停止
                # するという条件を提示)
                content = {
                    i
                    for c in tree.children[gov.i]
                    if c.dep == "obj" and code[:2] in _CONTENT_ROOTS
                    for d in tree.descendants(c)
                    if tree.tokens[d].dep in ("acl", "advcl", "ccomp")
                    for i in tree.descendants(tree.tokens[d]) | {d}
                }
                addressable = [m for m, toks in mention_tokens if not toks & content]
                zero = zero or _zero_target(sources, recent, addressable, tok, parsed.text, when)
            else:
                # a material act without a stated patient goes on with the source's own act
                # of this sentence (…に侵攻し、…撤退した) or answers one aimed at it (…を砲撃
                # し、同国の軍は応射した); other parties of the sentence are no guess
                own = {m.code for m in sources.mentions}
                parties = [
                    c
                    for e in events
                    for c in (
                        [e.target] if e.source in own else [e.source] if e.target in own else []
                    )
                    if c
                ]
                zero = _zero_target(sources, parties, (), tok)
            # 各々と会談した, 要請に応じなかった, これに反対した: the counterpart is stated,
            # and it is no actor
            stated = _addressed_non_actor(gov, tok, tree, actor_tokens, know.grammar)
            zero = None if unilateral or stated else zero
            if zero is not None:
                target_list, targets = [zero], Arg((zero,), "zero")
            elif unilateral and not (stated and pred.lemma not in know.grammar.unilateral):
                # (衛星国全域に対して軍を駐留させ: a posture aimed at a counterpart who is no
                # actor is not a unilateral act)
                target_list = [None]
            else:
                continue
        cam = know.codebook.get(code)
        pred_begin = tokens[comp_start].start
        pred_end = tok.end
        p_start, p_end = parsed.sentence.source_span(pred_begin, pred_end)
        # 1972年にモスクワで、1973年にワシントンで…会談を行い: one event per stated date
        several: list[DateValue | None] = list(
            distributed_dates(gov, tree, date_tokens, predicate_heads, bounds)
        ) or [date]
        for src, tgt, when_stated in (
            (s, t, d) for s in sources.mentions for t in target_list for d in several
        ):
            if tgt is not None and tgt.code == src.code:
                continue
            stamp = when_stated.value if when_stated else None
            key = (src.code, tgt.code if tgt else None, code, tok.i, stamp)
            if key in seen:
                continue
            seen.add(key)
            confidence = (
                0.4
                + (0.3 if sources.how == "case" else 0.1)
                + (0.3 if targets.how == "case" else 0.1 if tgt else 0.0)
            )
            origin.append((tok.i, gov.i))
            events.append(
                Event(
                    doc_id=parsed.sentence.doc_id,
                    sentence_index=parsed.sentence.index,
                    source=src.code,
                    target=tgt.code if tgt else None,
                    code=cam.code,
                    root=cam.root,
                    goldstein=cam.goldstein,
                    quad_class=cam.quad_class,
                    plover=cam.plover,
                    predicate=parsed.text[pred_begin:pred_end],
                    pred_start=p_start,
                    pred_end=p_end,
                    source_text=src.text,
                    target_text=tgt.text if tgt else None,
                    source_agent=src.agent,
                    target_agent=tgt.agent if tgt else None,
                    date=stamp,
                    date_text=when_stated.text if when_stated else None,
                    date_precision=when_stated.precision if when_stated else None,
                    date_rule=when_stated.rule if when_stated else None,
                    date_start=when_stated.range_start if when_stated else None,
                    date_end=when_stated.range_end if when_stated else None,
                    negated=negated,
                    mode=mode,
                    confidence=round(min(confidence, 1.0), 2),
                    rule=f"lex:{pred.lemma}>{pred.code} src:{sources.how} tgt:{targets.how}",
                )
            )
    # …条約が結ばれ署名が行われた: parties inferred from a name add nothing to the same act
    # the sentence states with its parties
    stated_acts = {(e.source, e.target, e.root) for e in events if not _inferred(e)}
    kept = [
        (e, o)
        for e, o in zip(events, origin, strict=True)
        if not _inferred(e) or (e.source, e.target, e.root) not in stated_acts
    ]
    return without_containers([e for e, _ in kept], [o for _, o in kept], tree, know)


def _in_publication(gov: Token, tree: DepTree, grammar: Grammar) -> bool:
    """この論文の中で…提言した, 回顧録で述べた: what is written in an article or a book is
    commentary, not an act between states (the setting scopes over its clause chain)."""
    chain = {gov.i}
    stack = [gov]
    while stack:
        cur = stack.pop()
        # (not through an aside: コラムで指摘したように、…政権は公言していた)
        linked = [c for c in tree.children[cur.i] if c.dep == "advcl" and _chained(c, tree)]
        if cur.dep == "advcl" and _chained(cur, tree):
            linked.append(tree.tokens[cur.head])
        for t in linked:
            if t.i not in chain:
                chain.add(t.i)
                stack.append(t)
    for c in (c for i in chain for c in tree.children[i]):
        if tree.particle(c) not in grammar.locative_cases:
            continue
        heads = [c] + [x for x in tree.children[c.i] if x.dep == "nmod"]
        if any(h.lemma in grammar.publications for h in heads):
            return True
    return False


_ASIDE_MARKS = frozenset({"よう", "様", "ため", "ので", "から", "けれど", "けれども", "が", "通り"})


def _chained(clause: Token, tree: DepTree) -> bool:
    """A clause of a chain (…と予測し、…提言した), not an aside (…ように, …ので)."""
    return not any(
        c.lemma in _ASIDE_MARKS and c.dep in ("mark", "aux", "case", "fixed")
        for c in tree.children[clause.i]
    )


def _own_envoy_host(
    gov: Token,
    tree: DepTree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    sources: Arg,
    when: str | None,
) -> Mention | None:
    """The host of the source's own envoy named as the object (駐ソ米国大使, 駐韓大使)."""
    own = {m.code for m in sources.mentions}
    for c in tree.children[gov.i]:
        if tree.particle(c) != "を":
            continue
        phrase = tree.phrase(c) | {c.i}
        inside = [raw for raw, toks in mention_tokens if toks & phrase]
        hosts = [raw for raw in inside if raw.posted]
        others = {m.code for raw in inside if not raw.posted for m in resolve(raw, when)}
        if hosts and own and others <= own:
            host = resolve(hosts[0], when)[0]
            return host if host.code not in own else None
    return None


def _many_victims(gov: Token, tok: Token, tree: DepTree, grammar: Grammar, passive: bool) -> bool:
    """The victims' phrase (the object, or a passive's subject) counts them in great numbers."""
    slots = ("nsubj",) if passive else ("obj",)
    for holder in {gov.i, tok.i}:
        for c in tree.children[holder]:
            if c.dep in slots:
                words = "".join(tree.tokens[i].text for i in sorted(tree.phrase(c) | {c.i}))
                if any(m in words for m in grammar.mass_markers):
                    return True
    return False


_ATTEMPT = re.compile(r"(?:し|する)?ようと(?:し|する|試み)")


def _has_subject(gov: Token, tok: Token, tree: DepTree, grammar: Grammar, passive: bool) -> bool:
    """Whether the predicate has a subject of its own — not a setting (湾岸戦争では) nor a
    count (1度は) that the parser took for one."""
    cases = {"によって", "により", "による"} if passive else {"は", "が", "も"}
    cases &= set(grammar.agent_cases) | set(grammar.source_cases)
    return any(
        tree.particle(c) in cases
        and c.dep in ("nsubj", "obl", "nmod", "dislocated")
        and not any(n.dep == "nummod" for n in tree.children[c.i])
        and c.lemma not in _TIME_CLAUSE_HEADS  # (…したときは)
        and not _in_time_clause(c, holder, tree)
        for holder in {gov.i, tok.i}
        for c in tree.children[holder]
    )


_TIME_CLAUSE_HEADS = frozenset({"とき", "時", "際", "場合", "ところ"})
_TIME_NOUNS = frozenset({"間", "うち", "最中", "前", "後", "直後", "直前", "頃"})


def _in_time_clause(subject: Token, holder: int, tree: DepTree) -> bool:
    """侵攻が延期されたときは不平を言った: a が before a clause of time (…したときは) is that
    clause's subject, though the parser may hang it on the main verb."""
    return tree.particle(subject) == "が" and any(
        t.dep == "acl" and tree.tokens[t.head].lemma in _TIME_CLAUSE_HEADS and t.head < holder
        for t in tree.tokens[subject.i + 1 : holder]
    )


def _zero_target(
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


# appeals, offers, demands: their object is a content, not their addressee
_CONTENT_ROOTS = frozenset({"02", "03", "10"})


def _addressed_non_actor(
    gov: Token, tok: Token, tree: DepTree, actor_tokens: set[int], grammar: Grammar
) -> bool:
    """A counterpart phrase (に, と, に対して) that is a pronoun or a described noun and names
    no actor — not a time, an adverb (一斉に) nor the document acted on (条約に違反)."""
    for holder in {gov.i, tok.i}:
        for c in tree.children[holder]:
            if c.i == tok.i or c.lemma in _TIME_CLAUSE_HEADS or c.lemma in _TIME_NOUNS:
                continue  # (発射実験に成功, …ている間に: the event noun or a time, no counterpart)
            if tree.particle(c) not in COUNTERPART_CASES or c.dep not in ("obl", "nmod", "iobj"):
                continue
            phrase = tree.phrase(c) | {c.i}
            if phrase & actor_tokens or any(tree.tokens[i].pos == "NUM" for i in phrase):
                continue
            head = "".join(t.text for t in tree.tokens[tree.compound_start(c) : c.i + 1])
            if head.endswith(grammar.document_nouns):
                continue
            described = any(x.dep in ("nmod", "acl", "det") for x in tree.children[c.i])
            if described or c.pos == "PRON" or c.lemma in grammar.counterpart_pronouns:
                return True
    return False


def _side_by_side(gov: Token, tree: DepTree, grammar: Grammar) -> bool:
    """共に/一緒に on the predicate (or on the clause it heads: …共に…戦うことになった)."""
    holders = {gov.i, gov.head} if gov.dep == "acl" else {gov.i}
    return any(c.lemma in grammar.together for h in holders for c in tree.children[h])


def _cleft_subject(
    gov: Token,
    tree: DepTree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
    grammar: Grammar,
) -> Arg | None:
    """ラブロフと会談したのは、…ハースであった: who did it is what the sentence ends on."""
    nominalised = any(c.lemma == "の" and c.dep == "mark" for c in tree.children[gov.i])
    if not nominalised or not any(
        tree.particle(c) == "は" or c.text == "は" for c in tree.children[gov.i]
    ):
        return None
    # (the parser may make the nominalised clause a root of its own)
    heads = (
        [tree.tokens[gov.head]]
        if gov.dep == "csubj"
        else [t for t in tree.tokens if t.dep == "ROOT" and t.i > gov.i]
    )
    head = heads[-1] if heads else gov
    if not any(c.dep == "cop" for c in tree.children[head.i]):
        return None
    found = phrase_actors(head, tree, mention_tokens, when, grammar, "agent")
    return Arg(tuple(found), "cleft") if found else None


def _inferred(event: Event) -> bool:
    """Whether the event's parties were inferred from a name, not stated by case."""
    return " src:named " in event.rule or " src:treaty " in event.rule


def _party_region(
    tok: Token,
    gov: Token,
    comp_start: int,
    tree: DepTree,
    agent_cases: Sequence[str],
    treaty: bool,
) -> set[int]:
    """Where a meeting or a treaty names its parties: its own compound and modifiers (米ソ首脳
    会談, 米国とソ連の会談), the compound of its verb's subject or object (日ソ共同宣言に調印)."""
    region = set(range(comp_start, tok.i + 1))
    for c in tree.children[tok.i]:
        if c.dep in ("nmod", "acl"):
            region |= tree.descendants(c) | {c.i}
    passive = any(c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i])
    for c in tree.children[gov.i]:
        # (…STARTⅡによる削減の合意に達した: the parser may hang the による on the verb); a
        # treaty signed is named by its subject or object, but the subject of an active verb
        # is what acts (米ソ同盟が終結を迎えた) and a visit's object is whom it visits
        signed = treaty and ((c.dep == "nsubj" and passive) or c.dep == "obj")
        if signed or tree.particle(c) in agent_cases:
            region |= set(range(tree.compound_start(c), c.i + 1))
    return region


def _named_parties(
    region: set[int],
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
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


# signing, ratifying, promising, refusing or abrogating a treaty (not an occupation dated by
# one: ブレスト＝リトフスク条約締結後にドイツが占領した)
_TREATY_ACTS = frozenset({"03", "05", "12", "16"})


def _treaty_counterparts(
    tok: Token,
    gov: Token,
    tree: DepTree,
    treaty_tokens: Sequence[tuple[TreatyMention, set[int]]],
    sources: Arg,
    text: str,
) -> tuple[Mention, ...]:
    """The counterparts of a treaty named in the predicate's object or its own modifiers."""
    region = set(range(tree.compound_start(tok), tok.i + 1))
    for holder in {tok.i, gov.i}:
        for c in tree.children[holder]:
            # (not inside a clause: …が条約に違反した疑いを調査した is aimed at the violator)
            if c.dep in ("obj", "nmod", "obl") and tree.particle(c) in ("を", "に", "の", "への"):
                region |= tree.descendants(c, stop=CLAUSE_DEPS) | {c.i}
    own = {m.code for m in sources.mentions}
    for found, toks in reversed(treaty_tokens):
        if toks and toks <= region:
            codes = {c for s in own for c in found.treaty.counterparts(s)} - own
            return _treaty_mentions(found, sorted(codes), text)
    return ()


def _treaty_parties(
    region: set[int], treaty_tokens: Sequence[tuple[TreatyMention, set[int]]], text: str
) -> tuple[Mention, ...]:
    """SALT IIの交渉: the parties of a treaty known by name (the one named last, nearest to
    the predicate: START Iに続くSTART IIの合意)."""
    for found, toks in reversed(treaty_tokens):
        if toks and toks <= region and found.treaty.parties:
            return _treaty_mentions(found, found.treaty.parties, text)
    return ()


def _treaty_mentions(found: TreatyMention, codes: Sequence[str], text: str) -> tuple[Mention, ...]:
    name = text[found.start : found.end]
    return tuple(
        Mention(code, name, found.start, found.end, "treaty", entry=f"treaty:{name}")
        for code in codes
    )


def _agrees_to_act(gov: Token, tree: DepTree) -> bool:
    """An agreement whose content is an act (…することで/ことに合意): a こと clause."""
    return any(
        c.lemma in ("こと", "事") and tree.particle(c) in ("で", "に") for c in tree.children[gov.i]
    )


def _negated(tok: Token, tree: DepTree, grammar: Grammar) -> bool:
    return any(
        c.dep in ("aux", "fixed", "mark") and c.lemma in grammar.negation
        for c in tree.children[tok.i]
    )


_ABILITY = re.compile(r"(?:する|の)?(?:ことが)?(?:(?:でき|出来)(?!た|まし|な|ず|ませ)|可能)")
_TOPIC_ACT = re.compile(r"(?:する)?ことは")
_MANNER = re.compile(r"強く|正式に|改めて|再び|重ねて|直ちに|早急に|速やかに")


def _mode(gov: Token, text: str, grammar: Grammar, tree: DepTree) -> str:
    asker = tree.tokens[gov.head]
    if gov.pos in NOUNS and gov.dep == "obj" and asker.lemma in grammar.request_verbs:
        return "desired"  # ソ連の承認を政府に求める: the recognition is asked for
    tail = text[gov.end :]
    if tail.startswith(("ば", "れば", "なら", "たら", "ても")):
        return "hypothetical"  # the condition itself: 核実験を行えば
    if _ABILITY.match(tail) or _TOPIC_ACT.match(tail):
        # プーチンと接触できる代理人, ロシアと話し合うことは…かねない: what one can do, or an
        # act talked about in general, is no act done
        return "hypothetical"
    for c in tree.children[gov.i]:
        # …が勝っていればロシアを助け: what follows from a condition
        if c.dep == "advcl" and any(x.text in grammar.conditionals for x in tree.children[c.i]):
            return "hypothetical"
    for stop in ("、", "。"):
        cut = tail.find(stop)
        if cut >= 0:
            tail = tail[:cut]
    # (…することを強く要請した: a manner adverb does not change what is marked)
    tail = _MANNER.sub("", tail)[:20]
    for mode, markers in grammar.modality.items():
        if any(marker in tail for marker in markers):
            return mode
    return "asserted"
