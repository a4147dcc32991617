"""Code rewrites as data (data/rewrites.yaml): `if` a candidate's code or root is listed and a
named construction test holds, `then` its code becomes another. The loader refuses unknown
fields, unknown tests, unknown codes and an id given twice."""

from __future__ import annotations

from dataclasses import dataclass

from kankei.errors import DataFileError
from kankei.extract.cameo import Codebook
from kankei.extract.datafiles import bundled, check_keys, strict_yaml, string_list

_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))


@dataclass(frozen=True)
class Rewrite:
    id: str
    example: str
    codes: frozenset[str]  # empty: any code
    roots: frozenset[str]  # empty: any root
    test: str
    then: str

    def applies(self, code: str) -> bool:
        return (not self.codes or code in self.codes) and (not self.roots or code[:2] in self.roots)


def load_rewrites(tests: frozenset[str], codebook: Codebook | None = None) -> dict[str, Rewrite]:
    ((where, text),) = bundled("rewrites.yaml")
    return parse_rewrites(where, text, tests, codebook)


def parse_rewrites(
    where: str, text: str, tests: frozenset[str], codebook: Codebook | None = None
) -> dict[str, Rewrite]:
    """id -> rewrite. `tests`: the names of the construction tests; `codebook`: when given, every
    code must be in it."""
    data = strict_yaml(where, text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping", path=where)
    check_keys(data, where, frozenset({"version", "rewrites"}), frozenset({"source", "licence"}))
    if not isinstance(data["rewrites"], list):
        raise DataFileError("'rewrites' must be a list", path=where)
    out: dict[str, Rewrite] = {}
    for n, raw in enumerate(data["rewrites"], start=1):
        at = f"{where} rewrite {n}"
        rewrite = _rewrite(raw, at, tests)
        if rewrite.id in out:
            raise DataFileError(f"id {rewrite.id!r} given twice", path=at)
        known = set(rewrite.codes) | {rewrite.then}
        if codebook is not None and any(code not in codebook for code in known):
            raise DataFileError(f"unknown CAMEO code in {sorted(known)}", path=at)
        out[rewrite.id] = rewrite
    return out


def _rewrite(raw: object, at: str, tests: frozenset[str]) -> Rewrite:
    if not isinstance(raw, dict):
        raise DataFileError("a rewrite is a mapping", path=at)
    check_keys(raw, at, frozenset({"id", "example", "if", "then"}))
    rule_id, cond, then = raw["id"], raw["if"], raw["then"]
    if not isinstance(rule_id, str) or not rule_id.startswith("root."):
        raise DataFileError(f"id {rule_id!r} must be root.<name>", path=at)
    if not isinstance(cond, dict):
        raise DataFileError("'if' must be a mapping", path=at)
    check_keys(cond, at, frozenset({"test"}), frozenset({"codes", "roots"}))
    if cond["test"] not in tests:
        raise DataFileError(f"unknown test {cond['test']!r}; known: {sorted(tests)}", path=at)
    roots = frozenset(string_list(cond.get("roots"), at, "roots", required=False))
    if roots - _ROOTS:
        raise DataFileError(f"not CAMEO roots: {sorted(roots - _ROOTS)}", path=at)
    if (
        not isinstance(then, str)
        or not isinstance(raw["example"], str)
        or " → " not in raw["example"]
    ):
        raise DataFileError(
            "'then' is a quoted code; 'example' reads 'text → coding: why'", path=at
        )
    return Rewrite(
        id=rule_id,
        example=raw["example"],
        codes=frozenset(string_list(cond.get("codes"), at, "codes", required=False)),
        roots=roots,
        test=str(cond["test"]),
        then=then,
    )
