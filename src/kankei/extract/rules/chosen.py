"""Arguments the rules leave unfilled, chosen by the trained model of `extract/chooser.py`
among the sentence's actors and the discourse's; it abstains below its threshold. Both act
only with `--argument-model`. (The shipped source model abstains everywhere: out of fold its
choices were never right more often than wrong; docs/argument-chooser.md.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kankei.extract.chooser import candidates
from kankei.extract.draft import Arg, Draft, Scope
from kankei.model import Event


def chosen_source(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """（交渉の席で）ソ連の提案をアメリカは拒否した-like sentences whose subject no rule reads →
    no event while the source model abstains: it would rank the sentence's actors and the
    discourse's and take the best one it is sure of (with --argument-model)."""
    chooser = scope.know.arguments
    if chooser is None or d.sources.mentions:
        return d
    best = chooser.choose("source", d, scope, candidates(d, scope, "source"))
    return replace(d, sources=Arg(best.mentions, "chosen")) if best else d


def chosen_target(d: Draft, scope: Scope, earlier: Sequence[Event]) -> Draft | None:
    """イスラエルの入植地について、パレスチナ自治政府は撤去を要求したが、イスラエルは拒否した →
    ISR→PSE 12: a target no case marks is chosen by the model among the sentence's actors and
    the discourse's, before any unsaid target is guessed (with --argument-model)."""
    chooser = scope.know.arguments
    if chooser is None or d.targets.mentions or d.target_list or not d.sources.mentions:
        return d
    best = chooser.choose("target", d, scope, candidates(d, scope, "target"))
    return replace(d, targets=Arg(best.mentions, "chosen")) if best else d
