"""A parsed sentence -> coded events: predicate hits -> drafts -> the rules of
`kankei.extract.order`, in order -> events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.actors import RawMention
from kankei.extract.arguments import is_actor, names_something
from kankei.extract.cameo import CameoCode
from kankei.extract.draft import Draft, Hit, Scope
from kankei.extract.frame import build_frame
from kankei.extract.knowledge import Knowledge
from kankei.extract.order import CANDIDATE_RULES
from kankei.extract.predicates import predicate_at
from kankei.extract.statements import without_containers
from kankei.extract.tree import DepTree, token_at
from kankei.model import DateValue, Event, Mention, ParsedSentence

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
    before: Sequence[str] = (),
    narrative: DateValue | None = None,
) -> list[Event]:
    """Events of one sentence. `recent` holds the codes of the actors named before it, latest
    last: a predicate whose target the sentence leaves unsaid (zero anaphora, as Japanese
    does) takes the latest of them other than its source. `carried`: the date the sentence
    before stated last, which an event takes when its own sentence states none. `before`: the
    sources of the events of the sentence before, its subject first. `narrative`: the date of
    the section the sentence is told in (from its dated heading)."""
    scope = _scope(
        parsed, raw_mentions, dates, context_date, know, recent, carried, before, narrative
    )
    if scope is None:
        return []
    hits = _hits(scope)
    scope = replace(scope, predicate_heads=frozenset(h.gov.i for h in hits))
    events: list[Event] = []
    origin: list[tuple[int, int]] = []  # (event token, governing token) of each event
    seen: set[tuple[str | None, str | None, str, int, str | None]] = set()
    for hit in hits:
        draft = _refined(hit, scope, events)
        if draft is None:
            continue
        for ev in _emitted(draft, scope, seen):
            events.append(ev)
            origin.append((hit.tok.i, hit.gov.i))
    if "drop.inferred-duplicate" not in know.disabled:
        events, origin = _without_inferred_duplicates(events, origin)
    return without_containers(events, origin, scope.tree, know, know.disabled)


def _scope(
    parsed: ParsedSentence,
    raw_mentions: Sequence[RawMention],
    dates: Sequence[DateValue],
    context_date: str | None,
    know: Knowledge,
    recent: Sequence[str],
    carried: DateValue | None,
    before: Sequence[str],
    narrative: DateValue | None = None,
) -> Scope | None:
    tokens = parsed.tokens
    treaties = know.treaties.find(parsed.text)
    # (a continuation naming no actor goes on with the subject of the sentence before)
    continued = bool(before) and know.grammar.continues(parsed.text)
    if not tokens or not (raw_mentions or treaties or continued):
        return None

    def covered(start: int, end: int) -> set[int]:
        return {i for i in (token_at(tokens, c) for c in range(start, end)) if i is not None}

    mention_tokens = [
        (m, covered(m.start, m.end)) for m in raw_mentions if not names_something(parsed.text, m)
    ]
    return Scope(
        parsed=parsed,
        tree=DepTree(tokens),
        know=know,
        mention_tokens=mention_tokens,
        date_tokens=[
            (d, token_at(tokens, max(d.end - 1, d.start)))
            for d in dates
            if d.rule not in _DATING_NOTHING
        ],
        treaty_tokens=[(t, covered(t.start, t.end)) for t in treaties],
        actor_tokens=frozenset(i for _, toks in mention_tokens for i in toks),
        predicate_heads=frozenset(),
        context_date=context_date,
        recent=recent,
        carried=carried,
        before=tuple(before),
        narrative=narrative,
    )


def _hits(scope: Scope) -> list[Hit]:
    # the tokens of compounds naming several actors (米ソ, 米ロ)
    pairs = frozenset(
        i for m, toks in scope.mention_tokens if m.rule == "compound" and is_actor(m) for i in toks
    )
    found = (
        predicate_at(tok, scope.tree, scope.know, scope.actor_tokens, pairs, scope.know.disabled)
        for tok in scope.parsed.tokens
    )
    return [h for h in found if h is not None]


def _refined(hit: Hit, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """The draft of a hit after every rule that is switched on; None if a rule dropped it."""
    disabled = scope.know.disabled
    frame = build_frame(hit, scope, disabled)
    draft: Draft | None = Draft(
        hit=hit,
        code=hit.pred.code,
        context_date=scope.context_date,
        frame=frame,
        fired=(hit.rule, *frame.fired),
    )
    for r in CANDIDATE_RULES:
        if r.id in disabled:
            continue
        assert draft is not None
        refined = r.apply(draft, scope, earlier)
        if refined is None:
            return None
        if refined != draft:
            draft = replace(refined, fired=(*refined.fired, r.id))
    return draft


def _emitted(
    d: Draft, scope: Scope, seen: set[tuple[str | None, str | None, str, int, str | None]]
) -> list[Event]:
    """One event per source, target and stated date; a source, and a target or a unilateral
    act, are required."""
    targets: Sequence[Mention | None] = d.targets.mentions or d.target_list
    if not d.sources.mentions or not targets:
        return []
    cam = scope.know.codebook.canonical(d.code)
    out: list[Event] = []
    for src in d.sources.mentions:
        for tgt in targets:
            for when in d.dates or (d.date,):
                if tgt is not None and tgt.code == src.code:
                    continue
                stamp = when.value if when else None
                key = (src.code, tgt.code if tgt else None, cam.code, d.tok.i, stamp)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_event(d, scope, cam, src, tgt, when))
    return out


def _event(
    d: Draft,
    scope: Scope,
    cam: CameoCode,
    src: Mention,
    tgt: Mention | None,
    when: DateValue | None,
) -> Event:
    parsed = scope.parsed
    pred_begin, pred_end = parsed.tokens[d.hit.comp_start].start, d.tok.end
    p_start, p_end = parsed.sentence.source_span(pred_begin, pred_end)
    confidence = (
        0.4
        + (0.3 if d.sources.how == "case" else 0.1)
        + (0.3 if d.targets.how == "case" else 0.1 if tgt else 0.0)
    )
    return Event(
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
        date=when.value if when else None,
        date_text=when.text if when else None,
        date_precision=when.precision if when else None,
        date_rule=when.rule if when else None,
        date_start=when.range_start if when else None,
        date_end=when.range_end if when else None,
        negated=d.negated,
        mode=d.mode,
        confidence=round(min(confidence, 1.0), 2),
        rule=f"lex:{d.pred.lemma}>{d.pred.code} src:{d.sources.how} tgt:{d.targets.how}",
        rules=d.fired,
    )


def inferred(event: Event) -> bool:
    """Whether the event's parties were inferred from a name, not stated by case."""
    return "source.named-parties" in event.rules or "source.treaty-parties" in event.rules


def _without_inferred_duplicates(
    events: list[Event], origin: list[tuple[int, int]]
) -> tuple[list[Event], list[tuple[int, int]]]:
    """…条約が結ばれ署名が行われた: parties inferred from a name add nothing to the same act
    the sentence states with its parties."""
    stated = {(e.source, e.target, e.root) for e in events if not inferred(e)}
    kept = [
        (e, o)
        for e, o in zip(events, origin, strict=True)
        if not inferred(e) or (e.source, e.target, e.root) not in stated
    ]
    return [e for e, _ in kept], [o for _, o in kept]
