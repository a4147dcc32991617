"""Scoring stored events against a hand-coded gold file (see the gold guidelines).

Protocol (eval/gold/README.md): the test files of the development gold (news-test,
wiki-test) are read by this scorer only. No rule, lexicon or dictionary entry or test case is
written from a test document; error analysis uses the dev files and the articles of the two
corpora that are in neither split.

A gold file lists events; the documents it covers are its own documents plus, when a document
list is given (`NAME.docs` beside `NAME.jsonl`, as eval/materialize.py writes it), the listed
documents that hold no gold event: predictions in those count as false events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kankei.errors import GoldFileError

GOLD_KEYS = ("doc", "sentence", "date", "source", "target", "root", "predicate")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Record:
    doc: str
    sentence: str
    date: str | None
    source: str | None
    target: str | None
    root: str


@dataclass(frozen=True)
class Score:
    view: str
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    scores: tuple[Score, ...]
    date_accuracy_strict: float
    date_matches_strict: int
    date_accuracy_root: float
    date_matches_root: int

    def as_dict(self) -> dict[str, Any]:
        return {
            **{
                s.view: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "predicted": s.n_pred,
                    "gold": s.n_gold,
                }
                for s in self.scores
            },
            "date_accuracy": {
                "strict": round(self.date_accuracy_strict, 4),
                "strict_matches": self.date_matches_strict,
                "root": round(self.date_accuracy_root, 4),
                "root_matches": self.date_matches_root,
            },
        }


def load_gold(path: Path) -> list[Record]:
    out: list[Record] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(str(exc), path=str(path)) from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"line {n}: not JSON ({exc.msg})", path=str(path)) from exc
        if not isinstance(rec, dict) or any(k not in rec for k in GOLD_KEYS):
            raise GoldFileError(f"line {n}: needs the keys {', '.join(GOLD_KEYS)}", path=str(path))
        out.append(
            Record(
                rec["doc"],
                rec["sentence"],
                rec["date"],
                rec["source"],
                rec["target"],
                str(rec["root"]).zfill(2),
            )
        )
    return out


def load_doc_list(path: Path) -> list[str]:
    """One document name a line (blank lines and `#` comments ignored)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(str(exc), path=str(path)) from exc
    return [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]


def doc_list_beside(gold: Path) -> Path | None:
    """The document list written beside a gold file (`news-test.docs` for news-test.jsonl)."""
    candidate = gold.with_suffix(".docs")
    return candidate if candidate.is_file() else None


def scored_documents(gold: Sequence[Record], listed: Sequence[str] = ()) -> set[str]:
    """The documents a gold file speaks for: those with gold events and the listed ones."""
    return {g.doc for g in gold} | set(listed)


def from_rows(rows: Sequence[Mapping[str, Any]]) -> list[Record]:
    return [
        Record(
            str(r["doc"]), str(r["sentence"]), r["date"], r["source"], r["target"], str(r["root"])
        )
        for r in rows
    ]


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _same_sentence(a: Record, b: Record) -> bool:
    if a.doc != b.doc:
        return False
    x, y = _squash(a.sentence), _squash(b.sentence)
    return bool(x) and bool(y) and (x in y or y in x)


def _actors_equal(p: Record, g: Record) -> bool:
    if p.source == g.source and p.target == g.target:
        return True
    return g.root == "04" and p.source == g.target and p.target == g.source


Match = Callable[[Record, Record], bool]

VIEWS: dict[str, Match] = {
    "strict": lambda p, g: _actors_equal(p, g) and p.root == g.root,
    "actors": _actors_equal,
    "root": lambda p, g: p.root == g.root,
}


def match(pred: Sequence[Record], gold: Sequence[Record], ok: Match) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths) of predictions to gold events. Pairs
    whose dates agree are matched first, so that two events of one sentence (9月…占領し、
    12月…起こした) are not scored against each other's dates; the matching stays maximum."""
    edges: list[list[int]] = [
        [pi for pi, p in enumerate(pred) if _same_sentence(p, g) and ok(p, g)] for g in gold
    ]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int], allowed: Callable[[int, int], bool]) -> bool:
        for pi in edges[gi]:
            if pi in seen or not allowed(pi, gi):
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen, allowed):
                owner[pi] = gi
                return True
        return False

    def dated(pi: int, gi: int) -> bool:
        return date_right(pred[pi].date, gold[gi].date)

    for gi in range(len(gold)):
        augment(gi, set(), dated)
    matched = set(owner.values())
    for gi in range(len(gold)):
        if gi not in matched:
            augment(gi, set(), lambda pi, gi: True)
    return sorted((pi, gi) for pi, gi in owner.items())


def date_right(predicted: str | None, gold: str | None) -> bool:
    """Equal, or more precise and consistent with the gold date."""
    if gold is None:
        return predicted is None
    return predicted is not None and (predicted == gold or predicted.startswith(gold + "-"))


def evaluate(pred: Sequence[Record], gold: Sequence[Record]) -> Report:
    scores = []
    pairs_by_view: dict[str, list[tuple[int, int]]] = {}
    for view, ok in VIEWS.items():
        pairs = match(pred, gold, ok)
        pairs_by_view[view] = pairs
        scores.append(Score(view, len(pairs), len(pred), len(gold)))

    def accuracy(view: str) -> tuple[float, int]:
        pairs = pairs_by_view[view]
        if not pairs:
            return 0.0, 0
        right = sum(date_right(pred[p].date, gold[g].date) for p, g in pairs)
        return right / len(pairs), len(pairs)

    strict_acc, strict_n = accuracy("strict")
    root_acc, root_n = accuracy("root")
    return Report(tuple(scores), strict_acc, strict_n, root_acc, root_n)


def score_rows(
    rows: Sequence[Mapping[str, Any]], gold: Sequence[Record], listed: Sequence[str] = ()
) -> tuple[Report, int]:
    """Score exported event rows against a gold file covering the gold's own and the listed
    documents; return the report and the number of predictions scored."""
    docs = scored_documents(gold, listed)
    pred = from_rows([r for r in rows if r["doc"] in docs])
    return evaluate(pred, gold), len(pred)
