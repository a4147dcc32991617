"""Organs named without their state (政府は, 外務省が, 首相は): in a document about one state
they are that state's. The document's state is the one it names far more than any other;
where no state dominates, a bare organ is left uncoded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kankei.extract.actors import ActorEntry, RawMention
from kankei.extract.grammar import Grammar

# how a document's state dominates: named this often, and this many times as often as any other
_MIN_MENTIONS = 3
_DOMINANCE = 2


def home_state(matches: Iterable[Sequence[RawMention]]) -> str | None:
    """The state a document is about: the one its sentences name (by name, not in a compound or
    as a posting's host) at least three times and twice as often as any other."""
    counts: Counter[str] = Counter()
    for named in matches:
        for raw in named:
            first = raw.candidates[0]
            if first.type == "state" and raw.rule != "compound" and not raw.posted:
                counts[first.code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < _DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def bare_organs(
    text: str, named: Sequence[RawMention], home: str | None, grammar: Grammar
) -> list[RawMention]:
    """The organs the sentence names without a state (外務省が声明を出した), as mentions of the
    document's state; not inside a compound (日本政府, 大統領選挙) nor after a name's の
    (イランの外務省: the name says whose)."""
    if home is None:
        return []
    return [
        RawMention(
            word,
            start,
            end,
            (ActorEntry(home, "organ", (word,), agent=grammar.roles.get(word, "GOV")),),
            "generic",
        )
        for word, start, end in _organ_spans(text, named, grammar)
    ]


def has_bare_organ(text: str, grammar: Grammar) -> bool:
    """Whether the text names an organ without its state (cheap test before parsing)."""
    return bool(_organ_spans(text, (), grammar))


def _organ_spans(
    text: str, named: Sequence[RawMention], grammar: Grammar
) -> list[tuple[str, int, int]]:
    """(word, start, end) of each organ standing alone, outside the named mentions."""
    taken = [(m.start, m.end) for m in named]
    ends = {m.end for m in named}
    out: list[tuple[str, int, int]] = []
    for word in grammar.generic_organs:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if _stands_alone(text, start, end, ends) and not any(
                s < end and start < e for s, e in taken
            ):
                out.append((word, start, end))
                taken.append((start, end))
            start = text.find(word, end)
    return out


def _stands_alone(text: str, start: int, end: int, name_ends: set[int]) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _word_char(before) or _word_char(after):
        return False  # part of a compound: 日本政府, 暫定政府, 大統領選挙, 首相官邸
    return not (before == "の" and start - 1 in name_ends)


def _word_char(ch: str) -> bool:
    return bool(ch) and (
        "\u4e00" <= ch <= "\u9fff" or "\u30a0" <= ch <= "\u30ff" or (ch.isascii() and ch.isalnum())
    )
