"""The trained argument chooser: when the rules find no source (or no target) for a predicate,
rank the actor mentions of its sentence and the discourse before it, and take the best one if
the model is sure enough.

Each (draft, mention) pair is described by indicator features — the case marker after the
mention, where it stands from the predicate, the path between them in the parse, the
predicate's class, whether the mention comes from the discourse — and a logistic model per
role, trained on the development gold by `bench/train_arguments.py`, scores it. The model is
a data file (`data/argument_model.json`): weights, a bias and the threshold the training
script chose by cross-validation; scoring needs no machine-learning library."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from kankei.errors import DataFileError
from kankei.extract.actors import RawMention, resolve
from kankei.extract.arguments import is_actor
from kankei.extract.cameo import CameoCode
from kankei.extract.draft import Draft, Scope
from kankei.model import Mention, Token

ROLES = ("source", "target")

# case markers read after a mention, longest first
_CASES = (
    "に対して",
    "に対し",
    "によって",
    "により",
    "による",
    "について",
    "として",
    "との",
    "から",
    "への",
    "には",
    "では",
    "とは",
    "でも",
    "まで",
    "は",
    "が",
    "に",
    "を",
    "と",
    "の",
    "へ",
    "で",
    "も",
    "や",
    "、",
    "・",
)
_HEAD_DEPS = frozenset({"compound", "flat", "fixed"})
_MODEL_KEYS = frozenset({"version", "trained_on", "source", "target"})
_ROLE_KEYS = frozenset({"bias", "threshold", "weights"})


@dataclass(frozen=True)
class Candidate:
    """One actor the slot could take: its resolved mentions (several for 米ソ or a collective),
    the features describing it, and whether the sentence names it (else the discourse does)."""

    mentions: tuple[Mention, ...]
    features: tuple[str, ...]
    in_sentence: bool

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(m.code for m in self.mentions)


class Chooser(Protocol):
    """What the rules ask: the candidate to take for a role, or None."""

    def choose(
        self, role: str, draft: Draft, scope: Scope, candidates: Sequence[Candidate]
    ) -> Candidate | None: ...


@dataclass(frozen=True)
class RoleModel:
    bias: float
    threshold: float
    weights: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class ArgumentModel:
    """A logistic model per role; the best candidate is taken at or above its threshold."""

    source: RoleModel
    target: RoleModel
    trained_on: str = ""

    def role(self, name: str) -> RoleModel:
        return self.source if name == "source" else self.target

    def choose(
        self, role: str, draft: Draft, scope: Scope, candidates: Sequence[Candidate]
    ) -> Candidate | None:
        model = self.role(role)
        scored = [(model.probability(c.features), c) for c in candidates]
        if not scored:
            return None
        best_p, best = max(scored, key=lambda pc: pc[0])
        return best if best_p >= model.threshold else None


def candidates(draft: Draft, scope: Scope, role: str) -> list[Candidate]:
    """The actors of the sentence, then those the discourse offers (the subject of the sentence
    before, the two actors named last), none already in the other slot."""
    other = draft.targets if role == "source" else draft.sources
    taken = {m.code for m in other.mentions}
    cam = scope.know.codebook.get(draft.code)
    quad = str(cam.quad_class)
    shared = _draft_features(draft, scope, cam)
    out: list[Candidate] = []
    named: set[str] = set()
    actors = [(raw, toks) for raw, toks in scope.mention_tokens if toks and is_actor(raw)]
    before_pred = sorted((max(toks) for _, toks in actors if max(toks) < draft.tok.i), reverse=True)
    quoted = scope.tree.quoted()
    for raw, toks in actors:
        mentions = tuple(m for m in resolve(raw, draft.when) if m.code not in taken)
        named |= {m.code for m in mentions}
        if not mentions or draft.tok.i in toks:
            continue
        feats = _mention_features(raw, toks, draft, scope, before_pred, quoted, quad)
        out.append(Candidate(mentions, tuple(shared + feats), True))
    for how, code in _discourse(scope):
        if code in taken or code in named:
            continue
        mention = Mention(code=code, text="", start=0, end=0, kind="carried")
        feats = [f"disc={how}", f"disc&q{quad}", f"disc&{draft.hit.rule}"]
        feats.append(f"disc&subj={_has_subject(scope)}")
        out.append(Candidate((mention,), tuple(shared + feats), False))
        named.add(code)
    return out


def _discourse(scope: Scope) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if scope.before:
        found.append(("before", scope.before[0]))
    for k, code in enumerate(reversed(scope.recent[-2:]), 1):
        found.append((f"recent{k}", code))
    return found


def _has_subject(scope: Scope) -> bool:
    cases = scope.know.grammar.source_cases
    return any(scope.tree.particle(t) in cases for t in scope.tree.tokens)


def _draft_features(draft: Draft, scope: Scope, cam: CameoCode) -> list[str]:
    n = len(scope.mention_tokens)
    return [
        f"quad={cam.quad_class}",
        f"root={cam.root}",
        f"rule={draft.hit.rule}",
        f"passive={draft.passive}",
        f"actors={min(n, 4)}",
    ]


def _mention_features(
    raw: RawMention,
    toks: set[int],
    draft: Draft,
    scope: Scope,
    before_pred: Sequence[int],
    quoted: set[int],
    quad: str,
) -> list[str]:
    tree, tok = scope.tree, draft.tok
    head = _phrase_head(tree.tokens[max(toks)], tree.tokens)
    case = _case_after(scope.text, raw.end)
    particle = tree.particle(head) or "-"
    side = "before" if max(toks) < tok.i else "after"
    distance = abs(max(toks) - tok.i) if side == "before" else abs(min(toks) - tok.i)
    rank = before_pred.index(max(toks)) + 1 if max(toks) in before_pred else 0
    path = _path(head, draft, tree.ancestors(head))
    quote = f"{head.i in quoted}/{tok.i in quoted}"
    return [
        f"case={case}",
        f"particle={particle}",
        f"side={side}",
        f"dist={_bucket(distance)}",
        f"rank={min(rank, 3)}",
        f"path={path}",
        f"dep={head.dep}",
        f"quote={quote}",
        f"type={raw.candidates[0].type}",
        f"posted={raw.posted}",
        f"case&side={case}&{side}",
        f"case&quad={case}&{quad}",
        f"case&passive={case}&{draft.passive}",
        f"case&path={case}&{path}",
        f"particle&path={particle}&{path}",
        f"case&rank={case}&{min(rank, 3)}",
        f"case&rule={case}&{draft.hit.rule}",
    ]


def _phrase_head(tok: Token, tokens: Sequence[Token]) -> Token:
    """The noun a name is part of: ラブロフ[外相]は → 外相."""
    cur = tok
    for _ in range(len(tokens)):
        if cur.dep not in _HEAD_DEPS or cur.head == cur.i:
            break
        cur = tokens[cur.head]
    return cur


def _path(head: Token, draft: Draft, ancestors: Sequence[Token]) -> str:
    """How the mention hangs on the predicate: on it (gov1, gov2, gov3+), on its event noun,
    or elsewhere (the predicate under the mention: 'over'; neither: 'apart')."""
    for k, a in enumerate(ancestors, 1):
        if a.i == draft.gov.i:
            return f"gov{min(k, 3)}"
        if a.i == draft.tok.i:
            return f"tok{min(k, 3)}"
    return "apart"


def _case_after(text: str, end: int) -> str:
    for case in _CASES:
        if text.startswith(case, end):
            return case
    return "-"


def _bucket(distance: int) -> str:
    for limit in (2, 5, 10, 20):
        if distance <= limit:
            return f"<={limit}"
    return ">20"


def load_argument_model(path: Path | None = None) -> ArgumentModel:
    """The bundled model (or the file given); a DataFileError names what is wrong."""
    where = str(path) if path else "kankei/data/argument_model.json"
    try:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("kankei.data").joinpath("argument_model.json").read_text("utf-8")
        )
        raw = json.loads(text, object_pairs_hook=_no_duplicates)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{where}: cannot read the argument model: {exc}") from exc
    return parse_argument_model(raw, where)


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    counts = Counter(k for k, _ in pairs)
    repeated = sorted(k for k, n in counts.items() if n > 1)
    if repeated:
        raise json.JSONDecodeError(f"duplicate key(s) {', '.join(repeated)}", "", 0)
    return dict(pairs)


def parse_argument_model(raw: object, where: str) -> ArgumentModel:
    if not isinstance(raw, dict) or set(raw) != _MODEL_KEYS:
        raise DataFileError(f"{where}: the argument model must have exactly {sorted(_MODEL_KEYS)}")
    if raw["version"] != 1:
        raise DataFileError(f"{where}: unknown argument model version {raw['version']!r}")
    roles = {name: _parse_role(raw[name], f"{where}: {name}") for name in ROLES}
    return ArgumentModel(roles["source"], roles["target"], str(raw["trained_on"]))


def _parse_role(raw: object, where: str) -> RoleModel:
    if not isinstance(raw, dict) or set(raw) != _ROLE_KEYS:
        raise DataFileError(f"{where}: a role must have exactly {sorted(_ROLE_KEYS)}")
    weights = raw["weights"]
    if not isinstance(weights, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in weights.items()
    ):
        raise DataFileError(f"{where}: weights must map feature names to numbers")
    bias, threshold = raw["bias"], raw["threshold"]
    if not isinstance(bias, int | float) or not isinstance(threshold, int | float):
        raise DataFileError(f"{where}: bias and threshold must be numbers")
    if not 0.0 <= threshold <= 1.0:
        raise DataFileError(f"{where}: threshold {threshold} is not a probability")
    return RoleModel(float(bias), float(threshold), {k: float(v) for k, v in weights.items()})
