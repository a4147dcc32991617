"""Train the argument chooser (src/kankei/extract/chooser.py) on the development gold's dev files.

Usage: python bench/train_arguments.py [--shared DIR] [--seed N] [--out FILE] [--check]

Every predicate the rules leave without a source (or a target) is a ranking problem: its
candidates are the actors of its sentence and of the discourse before it. The script codes the
dev documents (news-dev, wiki-dev; never a test file) with a chooser that records each such
problem and abstains, so the rules decide everything else exactly as they do without a model.
A candidate is labelled right when a gold event of the same sentence and CAMEO root has its
code in that role (for a target, with the source the rules found). One logistic model per role
(scikit-learn, lbfgs, fixed seed) is fitted on indicator features; the threshold is chosen
on out-of-fold probabilities (5 folds by document): the best candidate is taken where taking
it is right more often than wrong, by most (and by at least MIN_SUPPORT right choices, else the
role abstains: threshold 1.0). The weights, bias and threshold are written as JSON to
src/kankei/data/argument_model.json (or --out). `--check` trains and compares with the
shipped file instead of writing it (non-zero exit when a threshold differs, or a weight or a
bias by more than 0.01: the solver's last digits may vary between machines).

Needs scikit-learn (`pip install -e '.[train]'`); kankei itself scores the model without it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kankei.extract.chooser import ROLES, Candidate
from kankei.extract.draft import Draft, Scope
from kankei.pipeline import Pipeline
from kankei.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEV_SETS = {"news-dev": "news-corpus", "wiki-dev": "bench-corpus"}
MODEL = ROOT / "src" / "kankei" / "data" / "argument_model.json"
C_VALUES = (0.1, 0.3, 1.0, 3.0)
# a threshold fewer right out-of-fold choices than this support is noise: the role abstains
MIN_SUPPORT = 5


@dataclass
class Problem:
    """One slot to fill: where, the draft's root and sources, and the candidates' features."""

    role: str
    doc: str
    span: tuple[int, int]
    root: str
    sources: frozenset[str]
    candidates: list[tuple[tuple[str, ...], frozenset[str]]]
    labels: list[int] = field(default_factory=list)


@dataclass
class Recorder:
    """A chooser that writes down every problem it is asked and never chooses."""

    problems: list[Problem] = field(default_factory=list)

    def choose(
        self, role: str, draft: Draft, scope: Scope, candidates: Sequence[Candidate]
    ) -> Candidate | None:
        if candidates:
            sent = scope.parsed.sentence
            self.problems.append(
                Problem(
                    role,
                    sent.doc_id,
                    (sent.start, sent.end),
                    scope.know.codebook.get(draft.code).root,
                    frozenset(m.code for m in draft.sources.mentions),
                    [(c.features, c.codes) for c in candidates],
                )
            )
        return None


def record(shared: Path) -> tuple[list[Problem], dict[str, list[dict[str, str]]]]:
    recorder = Recorder()
    gold: dict[str, list[dict[str, str]]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="kankei-train-") as tmp:
        pipeline = Pipeline(Settings(db=Path(tmp) / "unused.duckdb"))
        know = replace(pipeline.coder.knowledge, arguments=recorder)
        pipeline.coder = replace(pipeline.coder, knowledge=know)
        for name, corpus in DEV_SETS.items():
            names = json.loads((ROOT / "eval" / "gold" / "split.json").read_text("utf-8"))[name]
            for line in (ROOT / "eval" / "gold" / f"{name}.jsonl").read_text("utf-8").splitlines():
                rec = json.loads(line)
                gold[rec["doc"]].append(rec)
            docs = [pipeline.read(shared / corpus / n) for n in names]
            by_id = {d.doc_id: d.path for d in docs}
            start = len(recorder.problems)
            pipeline.code_many(docs)
            for p in recorder.problems[start:]:
                p.doc = Path(by_id[p.doc]).name
            print(f"{name}: {len(docs)} documents, {len(recorder.problems) - start} problems")
    return recorder.problems, gold


def label(problems: list[Problem], gold: dict[str, list[dict[str, str]]]) -> None:
    for p in problems:
        lo, hi = p.span
        same = [
            g
            for g in gold.get(p.doc, [])
            if g["root"] == p.root and int(g["sent_start"]) < hi and int(g["sent_end"]) > lo
        ]
        if p.role == "source":
            right = {g["source"] for g in same}
        else:
            right = {g["target"] for g in same if g["source"] in p.sources}
        p.labels = [int(bool(codes & right)) for _, codes in p.candidates]


def fit(problems: list[Problem], c_value: float, seed: int):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [{f: 1 for f in feats} for p in problems for feats, _ in p.candidates]
    ys = [y for p in problems for y in p.labels]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    if len(set(ys)) < 2:
        return None
    model = LogisticRegression(C=c_value, solver="lbfgs", random_state=seed, max_iter=2000)
    model.fit(x, ys)
    return vec, model


def out_of_fold(problems: list[Problem], c_value: float, seed: int) -> list[tuple[float, int]]:
    """(best candidate's probability, whether it is right) per problem, each from a model
    that never saw its document."""
    docs = sorted({p.doc for p in problems})
    fold_of = {d: i % 5 for i, d in enumerate(docs)}
    out: list[tuple[float, int]] = []
    for k in range(5):
        train = [p for p in problems if fold_of[p.doc] != k]
        held = [p for p in problems if fold_of[p.doc] == k]
        fitted = fit(train, c_value, seed)
        if fitted is None or not held:
            continue
        vec, model = fitted
        for p in held:
            probs = model.predict_proba(
                vec.transform([{f: 1 for f in fe} for fe, _ in p.candidates])
            )
            best = max(range(len(p.candidates)), key=lambda i: probs[i][1])
            out.append((float(probs[best][1]), p.labels[best]))
    return out


def best_threshold(decisions: list[tuple[float, int]]) -> tuple[float, int, int]:
    """The threshold where taking the best candidate is right more often than wrong, by most:
    (threshold, right, wrong) of the decisions at or above it."""
    best = (1.0, 0, 0)
    for t in [x / 100 for x in range(5, 100)]:
        right = sum(1 for p, y in decisions if p >= t and y)
        wrong = sum(1 for p, y in decisions if p >= t and not y)
        if right - wrong > best[1] - best[2] and right >= MIN_SUPPORT:
            best = (t, right, wrong)
    return best


def train(problems: list[Problem], seed: int) -> dict[str, object]:
    model: dict[str, object] = {"version": 1}
    summary = []
    for role in ROLES:
        mine = [p for p in problems if p.role == role]
        scored = {c: best_threshold(out_of_fold(mine, c, seed)) for c in C_VALUES}
        c_value = max(C_VALUES, key=lambda c: (scored[c][1] - scored[c][2], -c))
        threshold, right, wrong = scored[c_value]
        fitted = fit(mine, c_value, seed)
        assert fitted is not None, f"no positive {role} example"
        vec, lr = fitted
        weights = {
            name: round(float(w), 4)
            for name, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)
            if abs(w) >= 1e-4
        }
        model[role] = {
            "bias": round(float(lr.intercept_[0]), 4),
            "threshold": threshold,
            "weights": dict(sorted(weights.items())),
        }
        answerable = sum(1 for p in mine if any(p.labels))
        line = (
            f"{role}: {len(mine)} problems ({answerable} with a right candidate), "
            f"{sum(len(p.candidates) for p in mine)} pairs; C={c_value} threshold={threshold}: "
            f"out-of-fold {right} right / {wrong} wrong taken"
        )
        print(line)
        summary.append(f"{role} C={c_value} t={threshold} oof {right}/{wrong}")
    model["trained_on"] = f"eval/gold news-dev + wiki-dev, seed {seed}; " + "; ".join(summary)
    return {k: model[k] for k in ("version", "trained_on", "source", "target")}


def differences(shipped: dict[str, Any], trained: dict[str, Any]) -> str | None:
    """What differs between two models beyond the solver's rounding (weights within 0.01)."""
    for role in ROLES:
        a, b = shipped[role], trained[role]
        if a["threshold"] != b["threshold"]:
            return f"{role} threshold {a['threshold']} vs {b['threshold']}"
        if abs(a["bias"] - b["bias"]) > 0.01:
            return f"{role} bias {a['bias']} vs {b['bias']}"
        names = set(a["weights"]) | set(b["weights"])
        for name in sorted(names):
            wa, wb = a["weights"].get(name, 0.0), b["weights"].get(name, 0.0)
            if abs(wa - wb) > 0.01:
                return f"{role} weight {name}: {wa} vs {wb}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--check", action="store_true", help="Compare with --out, do not write.")
    args = parser.parse_args(argv)
    problems, gold = record(args.shared)
    label(problems, gold)
    text = json.dumps(train(problems, args.seed), ensure_ascii=False, indent=1) + "\n"
    if args.check:
        problem = differences(json.loads(args.out.read_text("utf-8")), json.loads(text))
        print(f"{args.out} differs: {problem}" if problem else "the shipped model is reproduced")
        return 1 if problem else 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
