"""The native validation suite: short sentences, each with the events a coder must produce."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kankei.analysis.evaluate import date_right
from kankei.errors import DataFileError
from kankei.model import Event

Triple = tuple[str, str | None, str]


@dataclass(frozen=True)
class Case:
    id: str
    feature: str
    text: str
    expect: frozenset[Triple]
    negated: frozenset[Triple]
    modal: frozenset[Triple]
    mode: str | None
    doc_date: str | None
    date: str | None


@dataclass(frozen=True)
class Outcome:
    case: Case
    asserted: frozenset[Triple]
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def _triples(raw: Any, where: str) -> frozenset[Triple]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise DataFileError("events must be a list of [source, target, root]", path=where)
    out = set()
    for item in raw:
        if not (isinstance(item, list) and len(item) == 3):
            raise DataFileError(f"bad event {item!r}", path=where)
        src, tgt, root = item
        out.add((str(src), None if tgt is None else str(tgt), str(root).zfill(2)))
    return frozenset(out)


def load_suite(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise DataFileError("expected a mapping with a list of 'cases'", path=str(path))
    cases = []
    for raw in data["cases"]:
        where = f"{path} case {raw.get('id', '?') if isinstance(raw, dict) else '?'}"
        if not isinstance(raw, dict) or not {"id", "feature", "text", "expect"} <= set(raw):
            raise DataFileError("a case needs id, feature, text and expect", path=where)
        cases.append(
            Case(
                id=str(raw["id"]),
                feature=str(raw["feature"]),
                text=str(raw["text"]),
                expect=_triples(raw["expect"], where),
                negated=_triples(raw.get("negated"), where),
                modal=_triples(raw.get("modal"), where),
                mode=raw.get("mode"),
                doc_date=raw.get("doc_date"),
                date=raw.get("date"),
            )
        )
    return cases


def judge(case: Case, events: Sequence[Event]) -> Outcome:
    asserted = frozenset(
        (e.source or "", e.target, e.root) for e in events if not e.negated and e.mode == "asserted"
    )
    problems: list[str] = []
    if asserted != case.expect:
        missing = sorted(case.expect - asserted, key=str)
        extra = sorted(asserted - case.expect, key=str)
        problems.append(f"missing {missing} extra {extra}")
    negated = {(e.source or "", e.target, e.root) for e in events if e.negated}
    if not case.negated <= negated:
        problems.append(f"not marked negated: {sorted(case.negated - negated, key=str)}")
    if case.modal:
        modal = {(e.source or "", e.target, e.root) for e in events if e.mode == case.mode}
        if not case.modal <= modal:
            problems.append(f"not marked {case.mode}: {sorted(case.modal - modal, key=str)}")
    if case.date and case.expect:
        # as in the evaluation: equal, or more precise and consistent (1978-12 for 1978)
        dates = {e.date for e in events if (e.source, e.target, e.root) in case.expect}
        if not dates or not all(date_right(d, case.date) for d in dates):
            problems.append(f"dates {sorted(map(str, dates))} != {case.date}")
    return Outcome(case, asserted, tuple(problems))


def run_suite(
    cases: Sequence[Case], code: Callable[[str, str | None], list[Event]]
) -> list[Outcome]:
    return [judge(case, code(case.text, case.doc_date)) for case in cases]
