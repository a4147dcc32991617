"""A parsed sentence -> coded events: predicates from the lexicon, arguments from the parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kankei.extract.actors import RawMention, resolve
from kankei.extract.cameo import Codebook
from kankei.extract.grammar import Grammar
from kankei.extract.lexicon import Lexicon, Predicate
from kankei.model import DateValue, Event, Mention, ParsedSentence, Token

_PHRASE_DEPS = frozenset(
    {"compound", "nmod", "amod", "det", "nummod", "appos", "flat", "conj", "fixed", "case"}
)
_PARTICLE_DEPS = frozenset({"case", "mark", "fixed"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True)
class Knowledge:
    """Everything extraction looks up, loaded once."""

    lexicon: Lexicon
    grammar: Grammar
    codebook: Codebook


@dataclass(frozen=True)
class _Arg:
    mentions: tuple[Mention, ...]
    how: str


class _Tree:
    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.children: list[list[Token]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                self.children[t.head].append(t)

    def particle(self, tok: Token) -> str:
        """Case particles after a noun, joined: が, への, による, に対して."""
        parts: list[str] = []
        for c in self.children[tok.i]:
            if c.dep in _PARTICLE_DEPS and c.i > tok.i:
                parts.append(c.text)
                parts.extend(g.text for g in self.children[c.i] if g.dep == "fixed")
        return "".join(parts)

    def phrase(self, tok: Token) -> set[int]:
        out = {tok.i}
        stack = [tok]
        while stack:
            cur = stack.pop()
            for c in self.children[cur.i]:
                if c.dep in _PHRASE_DEPS and c.i not in out:
                    out.add(c.i)
                    stack.append(c)
        return out

    def descendants(self, tok: Token) -> set[int]:
        out: set[int] = set()
        stack = [tok.i]
        while stack:
            for c in self.children[stack.pop()]:
                if c.i not in out:
                    out.add(c.i)
                    stack.append(c.i)
        return out

    def coordinated(self, tok: Token) -> list[Token]:
        """The items of a list ending in tok: A、B、Cを / AやBと / A及びB (as conj or as an
        nmod joined by a comma or a coordinating particle)."""
        items = [tok]
        stack = [tok]
        while stack:
            cur = stack.pop()
            for c in self.children[cur.i]:
                if c.dep == "conj" or (c.dep == "nmod" and self._joined(c)):
                    items.append(c)
                    stack.append(c)
        return sorted(items, key=lambda t: t.i)

    def _joined(self, tok: Token) -> bool:
        particle = self.particle(tok)
        if particle in ("と", "や", "及び", "および", "ならびに", "か"):
            return True
        return particle == "" and any(
            c.dep == "punct" and c.text in ("、", "，", "・") for c in self.children[tok.i]
        )

    def ancestors(self, tok: Token) -> list[Token]:
        out: list[Token] = []
        cur = tok
        while cur.head != cur.i and len(out) < len(self.tokens):
            cur = self.tokens[cur.head]
            out.append(cur)
        return out

    def compound_start(self, tok: Token) -> int:
        start = tok.i
        while start > 0:
            prev = self.tokens[start - 1]
            if prev.dep == "compound" and self._reaches(prev, tok):
                start -= 1
            else:
                break
        return start

    def _reaches(self, tok: Token, target: Token) -> bool:
        cur = tok
        for _ in range(len(self.tokens)):
            if cur.i == target.i:
                return True
            if cur.head == cur.i:
                return False
            cur = self.tokens[cur.head]
        return False


def token_at(tokens: Sequence[Token], char: int) -> int | None:
    for t in tokens:
        if t.start <= char < t.end:
            return t.i
    return None


def extract_events(
    parsed: ParsedSentence,
    raw_mentions: Sequence[RawMention],
    dates: Sequence[DateValue],
    context_date: str | None,
    know: Knowledge,
) -> list[Event]:
    tokens = parsed.tokens
    if not tokens or not raw_mentions:
        return []
    tree = _Tree(tokens)
    mention_tokens = [
        (m, {i for i in (token_at(tokens, c) for c in range(m.start, m.end)) if i is not None})
        for m in raw_mentions
    ]
    date_tokens = [(d, token_at(tokens, max(d.end - 1, d.start))) for d in dates]
    found: list[tuple[Token, Token, Predicate, int]] = []
    for tok in tokens:
        hit = _predicate_at(tok, tree, know)
        if hit is not None:
            found.append(hit)
    predicate_heads = {gov.i for _, gov, _, _ in found}
    events: list[Event] = []
    seen: set[tuple[str | None, str | None, str, int]] = set()
    for tok, gov, pred, comp_start in found:
        date = _attached_date(gov, tree, date_tokens, predicate_heads)
        if date is None:
            # a chain of clauses (AをX し、BとYした) shares the date of its first clause
            for c in tree.children[gov.i]:
                if c.dep == "advcl" and c.i < gov.i and c.i in predicate_heads:
                    date = _attached_date(c, tree, date_tokens, predicate_heads) or date
        when = date.value if date and date.value else context_date
        passive = any(
            c.dep == "aux" and c.lemma in ("れる", "られる") for c in tree.children[gov.i]
        )
        sources, targets = _arguments(tok, gov, pred, tree, mention_tokens, when, know, passive)
        if not sources.mentions:
            sources = _inherited_source(gov, tree, mention_tokens, when, know)
        if not sources.mentions:
            continue
        if not targets.mentions:
            inner = _inner_targets(tok, comp_start, mention_tokens, when)
            if inner:
                targets = _Arg(tuple(inner), "compound")
        if not targets.mentions and pred.lemma not in know.grammar.unilateral:
            # joint subjects (AとBは会談した, 米ソは署名した): the first named is the source
            codes = list(dict.fromkeys(m.code for m in sources.mentions))
            if len(codes) > 1:
                first = [m for m in sources.mentions if m.code == codes[0]][:1]
                rest = tuple(m for m in sources.mentions if m.code != codes[0])
                sources, targets = _Arg(tuple(first), sources.how), _Arg(rest, "joint")
        negated = _negated(gov, tree, know.grammar) or (
            gov.i != tok.i and _negated(tok, tree, know.grammar)
        )
        code = pred.code
        if negated and pred.negated_code:
            code, negated = pred.negated_code, False
        mode = _mode(gov, parsed.text, know.grammar)
        target_list: list[Mention | None] = list(targets.mentions)
        if not target_list:
            if pred.lemma not in know.grammar.unilateral and not code.startswith("15"):
                continue
            target_list = [None]
        cam = know.codebook.get(code)
        pred_begin = tokens[comp_start].start
        pred_end = tok.end
        p_start, p_end = parsed.sentence.source_span(pred_begin, pred_end)
        for src in sources.mentions:
            for tgt in target_list:
                if tgt is not None and tgt.code == src.code:
                    continue
                key = (src.code, tgt.code if tgt else None, code, tok.i)
                if key in seen:
                    continue
                seen.add(key)
                confidence = (
                    0.4
                    + (0.3 if sources.how == "case" else 0.1)
                    + (0.3 if targets.how == "case" else 0.1 if tgt else 0.0)
                )
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
                        date=date.value if date else None,
                        date_text=date.text if date else None,
                        date_precision=date.precision if date else None,
                        date_rule=date.rule if date else None,
                        negated=negated,
                        mode=mode,
                        confidence=round(min(confidence, 1.0), 2),
                        rule=f"lex:{pred.lemma}>{pred.code} src:{sources.how} tgt:{targets.how}",
                    )
                )
    return events


def _predicate_at(
    tok: Token, tree: _Tree, know: Knowledge
) -> tuple[Token, Token, Predicate, int] | None:
    """(event token, governing token, lexicon entry, compound start) if tok is a predicate."""
    if tok.pos not in _PREDICATE_POS or tok.dep == "compound":
        return None
    start = tree.compound_start(tok)
    surface = "".join(t.text for t in tree.tokens[start : tok.i]) + (
        tok.lemma if tok.pos == "VERB" else tok.text
    )
    pred = know.lexicon.lookup(surface, tok.lemma)
    if pred is None:
        return None
    if pred.pos == "noun" and tok.pos not in _NOUNS and tok.pos != "VERB":
        return None
    if tok.lemma in know.grammar.light_verbs:
        # 援助を提供する: the object noun codes the event, not the light verb
        for c in tree.children[tok.i]:
            if c.dep == "obj" and _predicate_noun(c, tree, know):
                return None
    head = tree.tokens[tok.head]
    if tok.pos in _NOUNS:
        if tok.dep in ("obj", "obl", "nsubj") and head.lemma in know.grammar.light_verbs:
            return tok, head, pred, start
        # a nominal event needs its own agent (ドイツによるソ連侵攻)
        if any(tree.particle(c) in know.grammar.agent_cases for c in tree.children[tok.i]):
            return tok, tok, pred, start
        return None
    return tok, tok, pred, start


def _predicate_noun(tok: Token, tree: _Tree, know: Knowledge) -> bool:
    start = tree.compound_start(tok)
    surface = "".join(t.text for t in tree.tokens[start : tok.i + 1])
    return know.lexicon.lookup(surface, tok.lemma) is not None


def _actors_in(
    positions: set[int],
    head: Token,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
) -> tuple[Mention, ...]:
    """The actor of a phrase: every mention coordinated in it, else the one nearest its head."""
    inside = [(m, toks) for m, toks in mention_tokens if toks & positions]
    if not inside:
        return ()
    conj_heads = {head.i}
    chosen = [m for m, toks in inside if toks & conj_heads]
    if not chosen:
        chosen = [max(inside, key=lambda mt: max(mt[1]))[0]]
    out: list[Mention] = []
    for raw in chosen:
        out.extend(resolve(raw, when))
    return tuple(out)


def _arguments(
    tok: Token,
    gov: Token,
    pred: Predicate,
    tree: _Tree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
    know: Knowledge,
    passive: bool,
) -> tuple[_Arg, _Arg]:
    g = know.grammar
    by_case: dict[str, list[Token]] = {}
    holders = [gov] if gov.i == tok.i else [gov, tok]
    for holder in holders:
        for c in tree.children[holder.i]:
            if c.i == tok.i:
                continue
            by_case.setdefault(tree.particle(c), []).append(c)
    # a nominal's genitive modifier is its agent (米国のソ連承認)
    if gov.i == tok.i and tok.pos in _NOUNS:
        for c in tree.children[tok.i]:
            if c.dep == "nmod" and tree.particle(c) == "の":
                by_case.setdefault("の", []).append(c)

    def collect(cases: Sequence[str]) -> tuple[Mention, ...]:
        for case in cases:
            out: list[Mention] = []
            for arg in by_case.get(case, []):
                out.extend(_phrase_actors(arg, tree, mention_tokens, when))
            if out:
                return tuple(out)
        return ()

    def collect_below(cases: Sequence[str]) -> tuple[Mention, ...]:
        """A target the parser hung on another argument (ブレジネフ書記長と…条約に調印)."""
        # not inside the subject (レーガンとゴルバチョフは) nor inside another clause
        skip = set(g.source_cases) | set(g.agent_cases)
        below = sorted(
            (
                i
                for h in holders
                for c in tree.children[h.i]
                if c.dep != "advcl" and tree.particle(c) not in skip
                for i in tree.descendants(c)
                if i != tok.i
            ),
            key=lambda i: abs(i - gov.i),
        )
        for case in cases:
            for i in below:
                arg = tree.tokens[i]
                if tree.particle(arg) == case:
                    found = _phrase_actors(arg, tree, mention_tokens, when)
                    if found:
                        return tuple(found)
        return ()

    subject_cases = list(g.source_cases)
    target_cases = pred.target_case or g.target_cases
    agent = collect(g.agent_cases)
    if passive:
        src = agent
        tgt = collect(subject_cases) or collect(target_cases)
    else:
        src = collect(subject_cases) or agent or (collect(["の"]) if gov.i == tok.i else ())
        tgt = collect(target_cases)
    how = "case"
    if not tgt and not passive:
        tgt, how = collect_below(target_cases), "nested"
    return _Arg(src, "case" if src else "none"), _Arg(tgt, how if tgt else "none")


def _phrase_actors(
    arg: Token,
    tree: _Tree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
) -> list[Mention]:
    """The actors of an argument: one per coordinated item (A、B、Cを → three)."""
    items = tree.coordinated(arg)
    item_ids = {t.i for t in items}
    out: list[Mention] = []
    for item in items:
        own = tree.phrase(item)
        # an item's own phrase, less the other items and what hangs below them
        for other in items:
            if other.i != item.i and other.i in own:
                own -= tree.phrase(other) | {other.i}
        own |= {item.i}
        out.extend(_actors_in(own - (item_ids - {item.i}), item, mention_tokens, when))
    return out


def _inherited_source(
    gov: Token,
    tree: _Tree,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
    know: Knowledge,
) -> _Arg:
    """A subject the parse did not hang on the predicate itself. In a clause chain the topic
    hangs on the last verb (take it from an ancestor), or sits in an earlier clause of the
    chain, or the parser attached it to a neighbour (take the nearest one before the
    predicate inside its own subtree)."""
    cases = know.grammar.source_cases
    for anc in tree.ancestors(gov):
        for c in tree.children[anc.i]:
            if c.i < gov.i and tree.particle(c) in cases:
                found = _phrase_actors(c, tree, mention_tokens, when)
                if found:
                    return _Arg(tuple(found), "inherited")
    below = sorted(tree.descendants(gov), reverse=True)
    for i in below:
        tok = tree.tokens[i]
        if i < gov.i and tree.particle(tok) in cases:
            found = _phrase_actors(tok, tree, mention_tokens, when)
            if found:
                return _Arg(tuple(found), "inherited")
    return _Arg((), "none")


def _inner_targets(
    tok: Token,
    comp_start: int,
    mention_tokens: Sequence[tuple[RawMention, set[int]]],
    when: str | None,
) -> list[Mention]:
    """対ソ禁輸, ソ連侵攻: an actor inside the predicate's own compound is its target."""
    span = set(range(comp_start, tok.i))
    out: list[Mention] = []
    for raw, toks in mention_tokens:
        if toks and toks <= span:
            out.extend(resolve(raw, when))
    return out


def _attached_date(
    gov: Token,
    tree: _Tree,
    date_tokens: Sequence[tuple[DateValue, int | None]],
    predicate_heads: set[int],
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
    return best


def _negated(tok: Token, tree: _Tree, grammar: Grammar) -> bool:
    return any(
        c.dep in ("aux", "fixed", "mark") and c.lemma in grammar.negation
        for c in tree.children[tok.i]
    )


def _mode(gov: Token, text: str, grammar: Grammar) -> str:
    tail = text[gov.end :]
    for stop in ("、", "。"):
        cut = tail.find(stop)
        if cut >= 0:
            tail = tail[:cut]
    tail = tail[:20]
    for mode, markers in grammar.modality.items():
        if any(marker in tail for marker in markers):
            return mode
    return "asserted"
