"""Mode: whether the event is asserted, or only asked for, conditional, possible, planned."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.arguments import NOUNS
from kankei.extract.draft import Draft, Scope
from kankei.extract.rules.roots import tried
from kankei.model import Event

_ABILITY = re.compile(r"(?:する|の)?(?:ことが)?(?:(?:でき|出来)(?!た|まし|な|ず|ませ)|可能)")
_TOPIC_ACT = re.compile(r"(?:する)?ことは")


def _asserted(d: Draft) -> bool:
    return d.mode == "asserted"


def requested(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """日本はソ連の承認を米国に求めた → the 05 is desired: 議員らはソ連の承認を政府に求めた → the
    recognition is desired, not done."""
    asker = scope.tree.tokens[d.gov.head]
    noun = d.gov.pos in NOUNS and d.gov.dep == "obj"
    if _asserted(d) and noun and asker.lemma in scope.know.grammar.request_verbs:
        return replace(d, mode="desired")
    return d


def condition(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """北朝鮮が核実験を行えば制裁する → PRK 15, hypothetical: the condition itself."""
    tail = scope.text[d.gov.end :]
    if _asserted(d) and tail.startswith(("ば", "れば", "なら", "たら", "ても")):
        return replace(d, mode="hypothetical")
    return d


def ability(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連を攻撃できる → USA→SUN 19, hypothetical: what one can do, or an act talked about in
    general, is no act done."""
    tail = scope.text[d.gov.end :]
    if _asserted(d) and (_ABILITY.match(tail) or _TOPIC_ACT.match(tail)):
        return replace(d, mode="hypothetical")
    return d


def consequence(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """ドイツが勝っていればロシアを助けただろう → DEU→RUS 07, hypothetical: what follows from a
    condition."""
    if not _asserted(d):
        return d
    tree, conditionals = scope.tree, scope.know.grammar.conditionals
    for c in tree.children[d.gov.i]:
        if c.dep == "advcl" and any(x.text in conditionals for x in tree.children[c.i]):
            return replace(d, mode="hypothetical")
    return d


def markers(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連に制裁を科す方針だ → USA→SUN 16, future: a modality marker after the predicate, in
    its clause (…することを強く要請した: a manner adverb does not change what is marked)."""
    if not _asserted(d):
        return d
    tail = scope.text[d.gov.end :]
    for stop in ("、", "。"):
        cut = tail.find(stop)
        if cut >= 0:
            tail = tail[:cut]
    for adverb in scope.know.grammar.manner_adverbs:
        tail = tail.replace(adverb, "")
    tail = tail[:20]
    for mode, words in scope.know.grammar.modality.items():
        if any(marker in tail for marker in words):
            return replace(d, mode=mode)
    return d


def attempt(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """米国はソ連を攻撃しようとした → USA→SUN 19, desired: what was tried for did not happen
    (yet)."""
    if "root.attempt" in d.fired or not _asserted(d) or not tried(d, scope):
        return d
    if d.code[:2] in scope.know.grammar.attempts:
        return d  # (root.attempt's own case, when that rule is switched off)
    return replace(d, mode="desired")
