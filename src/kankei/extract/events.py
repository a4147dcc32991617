"""A parsed sentence -> coded events: predicates from the lexicon, arguments from the parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import (
    NOUNS,
    Arg,
    arguments,
    inherited_source,
    inner_targets,
    is_actor,
)
from kankei.extract.cameo import CameoCode, Codebook
from kankei.extract.grammar import Grammar
from kankei.extract.lexicon import Lexicon, Predicate
from kankei.extract.tree import DepTree, token_at
from kankei.model import DateValue, Event, Mention, ParsedSentence, Token

_PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True)
class Knowledge:
    """Everything extraction looks up, loaded once."""

    lexicon: Lexicon
    grammar: Grammar
    codebook: Codebook


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
    if not tokens or not raw_mentions:
        return []
    tree = DepTree(tokens)
    mention_tokens = [
        (m, {i for i in (token_at(tokens, c) for c in range(m.start, m.end)) if i is not None})
        for m in raw_mentions
    ]
    date_tokens = [
        (d, token_at(tokens, max(d.end - 1, d.start))) for d in dates if d.rule != "target-date"
    ]
    found: list[tuple[Token, Token, Predicate, int]] = []
    actor_tokens = {i for _, toks in mention_tokens for i in toks}
    for tok in tokens:
        hit = _predicate_at(tok, tree, know, actor_tokens)
        if hit is not None:
            found.append(hit)
    predicate_heads = {gov.i for _, gov, _, _ in found}
    events: list[Event] = []
    origin: list[tuple[int, int]] = []  # (event token, governing token) of each event
    seen: set[tuple[str | None, str | None, str, int, str | None]] = set()
    for tok, gov, pred, comp_start in found:
        bounds = know.grammar.bound_nouns
        date = _attached_date(gov, tree, date_tokens, predicate_heads, bounds)
        if date is None:
            # a chain of clauses (AをX し、BとYした) shares the date of its first clause
            for c in tree.children[gov.i]:
                if c.dep == "advcl" and c.i < gov.i and c.i in predicate_heads:
                    date = _attached_date(c, tree, date_tokens, predicate_heads, bounds) or date
        if date is None:
            date = _sentence_date(tok, parsed.text, date_tokens, know.grammar.time_bounds)
        if date is None and carried is not None:
            # the narrative goes on where the sentence before left it
            date = replace(carried, rule=f"previous-sentence:{carried.rule}")
        when = date.value if date and date.value else context_date
        passive = gov.lemma in know.grammar.passive_light_verbs or any(
            c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i]
        )
        sources, targets = arguments(
            tok, gov, pred, tree, mention_tokens, when, know.grammar, passive
        )
        if not sources.mentions and not _has_subject(gov, tok, tree, know.grammar, passive):
            # only a predicate with no subject of its own borrows one; a subject that is not
            # an actor (歴史家は…述べた, 活動は終了した) means the event is not between actors
            sources = inherited_source(gov, tree, mention_tokens, when, know.grammar)
        if not sources.mentions:
            continue
        if passive and not targets.mentions:
            # Xは…を空爆し、安保理から非難された: the topic of the chain is who suffers it
            topic = inherited_source(gov, tree, mention_tokens, when, know.grammar)
            doers = {m.code for m in sources.mentions}
            if topic.mentions and not doers & {m.code for m in topic.mentions}:
                targets = Arg(topic.mentions, "topic")
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
        if code[:2] == "05" and _agrees_to_act(gov, tree):
            code = "030"  # …を再開することで合意した: what is agreed on is still to be done
        if negated and pred.negated_code:
            code, negated = pred.negated_code, False
        if targets.how == "joint" and pred.lemma in know.grammar.joint_declarations:
            code = "05"
        mode = _mode(gov, parsed.text, know.grammar)
        if not targets.mentions and code[:2] in know.grammar.zero_target_roots | {"01"}:
            # Xは「…ソ連は…」と述べた: a statement is about the actor its quotation names
            about = _quoted_actor(gov, tree, mention_tokens, sources, when)
            if about is not None:
                targets = Arg((about,), "quote")
        target_list: list[Mention | None] = list(targets.mentions)
        if not target_list:
            unilateral = pred.lemma in know.grammar.unilateral or code.startswith("15")
            if code[:2] in know.grammar.zero_target_roots:
                # a verbal act addresses the counterpart named last, here or just before
                zero = _zero_target(sources, recent, raw_mentions, tok)
            else:
                # a material act without a stated patient answers an act of this sentence
                parties = [c for e in events for c in (e.source, e.target) if c]
                zero = _zero_target(sources, parties, (), tok)
            zero = None if unilateral else zero
            if zero is not None:
                target_list, targets = [zero], Arg((zero,), "zero")
            elif unilateral:
                target_list = [None]
            else:
                continue
        cam = know.codebook.get(code)
        pred_begin = tokens[comp_start].start
        pred_end = tok.end
        p_start, p_end = parsed.sentence.source_span(pred_begin, pred_end)
        # 1972年にモスクワで、1973年にワシントンで…会談を行い: one event per stated date
        several: list[DateValue | None] = list(
            _distributed_dates(gov, tree, date_tokens, predicate_heads, bounds)
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
    return _without_containers(events, origin, tree, know)


_ADDRESSED = frozenset({"に", "に対して", "に対し", "への", "について", "に関して", "に関し"})


def _without_containers(
    events: list[Event], origin: list[tuple[int, int]], tree: DepTree, know: Knowledge
) -> list[Event]:
    """A statement whose complement holds a coded event: a warning of coercion or force
    (追加関税を課すと警告した), or one quoting terms or force to its addressee
    (「…攻撃とみなす」とソ連に警告した), is a threat (13), and what it announces has not happened;
    a plain statement (…を排除しないと表明した) only reports the event, which is what is coded."""
    threatened: set[int] = set()
    out: list[Event | None] = list(events)
    for n, (ev, (own, gov)) in enumerate(zip(events, origin, strict=True)):
        if ev.root != "01":
            continue
        threat = False
        # what the statement is aimed at or about (発射に懸念を表明, 実験について) is not what
        # it says: only the rest of the clause can hold its reported content
        below: set[int] = set()
        stack = [gov]
        while stack:
            parent = stack.pop()
            for c in tree.children[parent]:
                addressed = parent in (own, gov) and tree.particle(c) in _ADDRESSED
                if c.i not in below and not addressed:
                    below.add(c.i)
                    stack.append(c.i)
        inner = [k for k, (tok, _) in enumerate(origin) if k != n and tok != gov and tok in below]
        # the speaker's own coercion (課すと警告), not a third party's (ナチスの攻撃を警告)
        coercive = [
            k
            for k in inner
            if events[k].root in know.grammar.coercive_roots and events[k].source == ev.source
        ]
        warning = tree.tokens[gov].lemma in know.grammar.warning_verbs
        quoted = tree.quoted() & below
        if warning and not coercive and ev.target is not None and quoted:
            # 「…米国への攻撃とみなす」とソ連に警告した: a warning in the speaker's own words
            # that speaks of force or sets a condition is a threat to its addressee
            said = [k for k in inner if origin[k][0] in quoted]
            conditional = any(tree.tokens[i].text in know.grammar.conditionals for i in quoted)
            # (a third party's attack foretold to its victim is intelligence passed on)
            forceful = any(
                events[k].root in know.grammar.coercive_roots
                and events[k].source in (ev.source, ev.target)
                for k in said
            )
            if conditional or forceful:
                coercive, threat = said, True
        if not inner and not threat:
            continue
        # a third party's force foretold to its target (ナチスによるソ連攻撃をソ連に警告) is
        # intelligence passed on (06)
        foretold = [
            k
            for k in inner
            if events[k].root in know.grammar.coercive_roots
            and events[k].source not in (ev.source, ev.target)
            and ev.target is not None
            and events[k].target == ev.target
        ]
        if warning and (coercive or threat):
            aimed = ev.target or (events[coercive[0]].target if coercive else None)
            out[n] = replace(_recoded(ev, know.codebook.get("130"), " threat"), target=aimed)
            threatened.update(coercive)
        elif warning and foretold:
            out[n] = _recoded(ev, know.codebook.get("064"), " foretold")
            threatened.update(foretold)
        else:
            out[n] = None
    return [
        replace(ev, mode="hypothetical") if k in threatened else ev
        for k, ev in enumerate(out)
        if ev is not None
    ]


def _recoded(ev: Event, cam: CameoCode, why: str) -> Event:
    return replace(
        ev,
        code=cam.code,
        root=cam.root,
        goldstein=cam.goldstein,
        quad_class=cam.quad_class,
        plover=cam.plover,
        rule=ev.rule + why,
    )


def _predicate_at(
    tok: Token, tree: DepTree, know: Knowledge, actor_tokens: set[int]
) -> tuple[Token, Token, Predicate, int] | None:
    """(event token, governing token, lexicon entry, compound start) if tok is a predicate."""
    if tok.pos not in _PREDICATE_POS or tok.dep == "compound":
        return None
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
                pred = know.lexicon.lookup_exact_suffix(f"{obj}を{tok.lemma}") or pred
    pred = pred or know.lexicon.lookup(surface, tok.lemma)
    if pred is None:
        return None
    if pred.pos == "noun" and tok.pos not in NOUNS and tok.pos != "VERB":
        return None
    if tok.lemma in know.grammar.light_verbs:
        # 援助を提供する: the object noun codes the event, not the light verb
        for c in tree.children[tok.i]:
            if c.dep == "obj" and _predicate_noun(c, tree, know):
                return None
    head = tree.tokens[tok.head]
    if (
        tok.pos in NOUNS
        and tok.dep in ("obj", "obl")
        and head.lemma in know.grammar.cancelling_verbs
    ):
        return None  # 批准を拒否した: no ratification took place
    if tok.pos in NOUNS:
        light = know.grammar.light_verbs | know.grammar.passive_light_verbs
        # 禁輸措置を取る, 交渉が行われた, 交渉に踏み切る — but not 攻撃により…拡大した
        light_slot = tok.dep in ("obj", "nsubj") or (
            tok.dep == "obl" and tree.particle(tok) in ("に", "にも", "には")
        )
        if light_slot and head.lemma in light:
            return tok, head, pred, start
        # マルタ会談で…宣言した: talks named as the setting of an act took place, between the
        # parties of that act (a 会議 is only a venue: ミュンヘン安全保障会議で批判した)
        venue_particle = tree.particle(tok) in ("で", "において")
        if pred.lemma.endswith("会談") and tok.dep == "obl" and venue_particle:
            return tok, head, pred, start
        # a nominal event needs its own agent (ドイツによるソ連侵攻), or a genitive actor
        # with an actor target inside it (米国のソ連承認, ソ連のアフガニスタン侵攻)
        if any(tree.particle(c) in know.grammar.agent_cases for c in tree.children[tok.i]):
            return tok, tok, pred, start
        genitive = any(
            tree.particle(c) == "の" and tree.phrase(c) & actor_tokens for c in tree.children[tok.i]
        )
        inner = any(i in actor_tokens for i in range(start, tok.i + 1))  # (訪中: in tok)
        # …ソ連側の要求に応じなかった: the actor's act that another predicate answers
        answered = _predicate_noun(head, tree, know) or (
            head.pos == "VERB" and know.lexicon.lookup(head.lemma, head.lemma) is not None
        )
        if genitive and (inner or (tok.dep in ("obl", "obj") and answered)):
            return tok, tok, pred, start
        return None
    return tok, tok, pred, start


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


def _agrees_to_act(gov: Token, tree: DepTree) -> bool:
    """An agreement whose content is an act (…することで/ことに合意): a こと clause."""
    return any(
        c.lemma in ("こと", "事") and tree.particle(c) in ("で", "に") for c in tree.children[gov.i]
    )


def _predicate_noun(tok: Token, tree: DepTree, know: Knowledge) -> bool:
    start = tree.compound_start(tok)
    surface = "".join(t.text for t in tree.tokens[start : tok.i + 1])
    return know.lexicon.lookup(surface, tok.lemma) is not None


def _has_subject(gov: Token, tok: Token, tree: DepTree, grammar: Grammar, passive: bool) -> bool:
    cases = set(grammar.agent_cases) if passive else set(grammar.source_cases)
    return any(
        tree.particle(c) in cases and c.dep in ("nsubj", "obl", "nmod", "dislocated")
        for holder in {gov.i, tok.i}
        for c in tree.children[holder]
    )


def _quoted_actor(
    gov: Token,
    tree: DepTree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    sources: Arg,
    when: str | None,
) -> Mention | None:
    # what is said: a quotation, or the clause the statement reports with と
    quoted = tree.quoted() & tree.descendants(gov)
    for c in tree.children[gov.i]:
        if tree.particle(c) == "と" and c.pos in ("VERB", "ADJ", "AUX"):
            quoted |= {c.i} | tree.descendants(c)
    own = {m.code for m in sources.mentions}
    for raw, toks in sorted(mention_tokens, key=lambda mt: min(mt[1]) if mt[1] else 0):
        if toks and toks <= quoted and is_actor(raw):
            for m in resolve(raw, when):
                if m.code not in own:
                    return m
    return None


def _zero_target(
    sources: Arg, recent: Sequence[str], raw_mentions: Sequence[RawMention], tok: Token
) -> Mention | None:
    own = {m.code for m in sources.mentions}
    codes = list(recent)
    for raw in raw_mentions:
        if raw.end <= tok.start and is_actor(raw):
            codes.extend(c.code for c in raw.candidates[:1] if raw.rule != "compound")
            if raw.rule == "compound":
                codes.extend(c.code for c in raw.candidates)
    for code in reversed(codes):
        if code not in own:
            return Mention(code=code, text="", start=tok.start, end=tok.start, kind="zero")
    return None


def _attached_date(
    gov: Token,
    tree: DepTree,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    predicate_heads: set[int],
    bounds: frozenset[str],
) -> DateValue | None:
    """The date of the predicate's own clause: a date whose head chain reaches the predicate
    before any other predicate."""
    best: DateValue | None = None
    best_distance = len(tree.tokens) + 1
    for date, ti in date_tokens:
        if ti is None:
            continue
        cur = tree.tokens[ti]
        for anc in [cur, *tree.ancestors(cur)]:
            if anc.i == gov.i:
                if abs(ti - gov.i) < best_distance:
                    best, best_distance = date, abs(ti - gov.i)
                break
            if anc.i in predicate_heads and anc.i != gov.i:
                break
            if anc.i != ti and (anc.text in bounds or tree.particle(anc) == "から"):
                break  # 1941年の侵攻の直後から…していた: only a lower bound
    return best


def _sentence_date(
    tok: Token,
    text: str,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    time_bounds: Sequence[str],
) -> DateValue | None:
    """No date in the predicate's own clauses: the last date stated before it in the
    sentence, unless what lies between only bounds the time (…したことで, …の後)."""
    earlier = [d for d, ti in date_tokens if d.value and d.end <= tok.start]
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end : tok.start]
    if any(bound in between for bound in time_bounds):
        return None
    return replace(last, rule=f"sentence:{last.rule}")


def _distributed_dates(
    gov: Token,
    tree: DepTree,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    predicate_heads: set[int],
    bounds: frozenset[str],
) -> list[DateValue]:
    """Several dates of one clause, each in its own に-phrase (not a から…まで span)."""
    found: list[DateValue] = []
    for date, ti in date_tokens:
        if ti is None or not date.value:
            continue
        if tree.particle(tree.tokens[ti]) not in ("に", "には", ""):
            continue
        if _attached_date(gov, tree, [(date, ti)], predicate_heads, bounds) is date:
            found.append(date)
    values = {d.value for d in found}
    return found if len(values) > 1 and len(values) == len(found) else []


def _negated(tok: Token, tree: DepTree, grammar: Grammar) -> bool:
    return any(
        c.dep in ("aux", "fixed", "mark") and c.lemma in grammar.negation
        for c in tree.children[tok.i]
    )


def _mode(gov: Token, text: str, grammar: Grammar) -> str:
    tail = text[gov.end :]
    if tail.startswith(("ば", "れば", "なら", "たら", "ても")):
        return "hypothetical"  # the condition itself: 核実験を行えば
    for stop in ("、", "。"):
        cut = tail.find(stop)
        if cut >= 0:
            tail = tail[:cut]
    tail = tail[:20]
    for mode, markers in grammar.modality.items():
        if any(marker in tail for marker in markers):
            return mode
    return "asserted"
