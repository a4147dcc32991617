"""Named extraction rules: each a small unit with an id, an example in its docstring and tests.
Which rules run, and in what order, is declared in one place (`extract/order.py`); any rule
can be switched off (`kankei ingest --disable-rule ID`) to measure what it does."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kankei.errors import SettingsError

Fn = TypeVar("Fn", bound=Callable[..., object])

SLOTS = ("actor", "predicate", "frame", "date", "voice", "source", "target", "root", "mode", "drop")


@dataclass(frozen=True)
class Rule(Generic[Fn]):
    """A rule: `id` is `<slot>.<name>`; `apply` is the function, whose docstring holds a
    Japanese example and its coding."""

    id: str
    apply: Fn

    @property
    def example(self) -> str:
        """The docstring's first paragraph: the example, its coding and why."""
        doc = (self.apply.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(line.strip() for line in doc.splitlines())


def rule(rule_id: str, fn: Fn) -> Rule[Fn]:
    slot = rule_id.split(".", 1)[0]
    if slot not in SLOTS or "." not in rule_id:
        raise ValueError(f"rule id {rule_id!r} must be <slot>.<name>, slot one of {SLOTS}")
    return Rule(rule_id, fn)


def check_rule_ids(wanted: Iterable[str], known: Iterable[str]) -> frozenset[str]:
    """The ids to switch off, each one known; else a SettingsError naming the unknown."""
    known_ids = set(known)
    wanted_ids = frozenset(wanted)
    unknown = sorted(wanted_ids - known_ids)
    if unknown:
        raise SettingsError(f"unknown rule id(s): {', '.join(unknown)} (`kankei rules` lists them)")
    return wanted_ids
