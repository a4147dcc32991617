"""The CAMEO codebook: names, roots, Goldstein scores, QuadClass and PLOVER mapping."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from importlib import resources

from kankei.errors import DataFileError
from kankei.extract.datafiles import (
    bundled,
    check_keys,
    load_yaml_entries,
    strict_yaml,
    string_list,
)


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    name_ja: str | None = None


class Codebook:
    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise DataFileError(f"unknown CAMEO code {code!r}") from None

    def canonical(self, code: str) -> CameoCode:
        """The code in its one spelling: a root named alone (12) is its unspecified code
        (120), so that a store never holds both."""
        return self.get(f"{code}0" if len(code) == 2 else code)

    def names(self, code: str) -> dict[str, str | None]:
        """The code's English and Japanese names, as event records carry them (None for a
        code the codebook lacks)."""
        known = self._codes.get(code)
        return {
            "code_name": known.name if known else None,
            "code_name_ja": known.name_ja if known else None,
        }

    def roots(self) -> list[CameoCode]:
        return [c for c in self._codes.values() if len(c.code) == 2]


def load_japanese_names(where: str, text: str) -> dict[str, str]:
    """code -> Japanese name, from a data file of entries {code, name_ja}."""
    _, entries = load_yaml_entries(where, text)
    names: dict[str, str] = {}
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise DataFileError(f"entry {n}: needs a quoted 'code'", path=where)
        name = entry.get("name_ja")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(f"entry {n} ({entry['code']}): needs a 'name_ja'", path=where)
        if entry["code"] in names:
            raise DataFileError(f"entry {n}: code {entry['code']} appears twice", path=where)
        names[entry["code"]] = name.strip()
    return names


def load_codebook() -> Codebook:
    text = resources.files("kankei").joinpath("data", "cameo.csv").read_text(encoding="utf-8")
    ((where, ja_text),) = bundled("cameo_ja.yaml")
    japanese = load_japanese_names(where, ja_text)
    codes: dict[str, CameoCode] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            code = CameoCode(
                code=row["code"],
                root=row["root"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
                name_ja=japanese.get(row["code"]),
            )
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"line {n}: {exc}", path="kankei/data/cameo.csv") from exc
        codes[code.code] = code
    return Codebook(codes)


@dataclass(frozen=True)
class RootProperties:
    """What the coder knows about CAMEO roots (data/cameo_roots.yaml): each property, the set of
    two-digit roots it holds for."""

    symmetric: frozenset[str]
    zero_target: frozenset[str]
    violent: frozenset[str]
    coercive: frozenset[str]
    hostile: frozenset[str]
    recall: frozenset[str]
    treaty_acts: frozenset[str]
    content: frozenset[str]
    requests: frozenset[str]
    agreeing: frozenset[str]
    programmes: frozenset[str]


_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))


def load_root_properties() -> RootProperties:
    ((where, text),) = bundled("cameo_roots.yaml")
    return parse_root_properties(where, text)


def parse_root_properties(where: str, text: str) -> RootProperties:
    data = strict_yaml(where, text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping", path=where)
    check_keys(data, where, frozenset({"version", "properties"}), frozenset({"source", "licence"}))
    props = data["properties"]
    if not isinstance(props, dict):
        raise DataFileError("'properties' must map a property to its roots", path=where)
    check_keys(props, where, frozenset(f.name for f in fields(RootProperties)))
    values: dict[str, frozenset[str]] = {}
    for name, raw in props.items():
        at = f"{where} property {name}"
        if not isinstance(raw, dict):
            raise DataFileError("a property is a mapping with 'means' and 'roots'", path=at)
        check_keys(raw, at, frozenset({"means", "roots"}))
        roots = frozenset(string_list(raw["roots"], at, "roots"))
        if roots - _ROOTS:
            raise DataFileError(f"not CAMEO roots: {sorted(roots - _ROOTS)}", path=at)
        values[name] = roots
    return RootProperties(**values)
