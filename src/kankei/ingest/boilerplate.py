"""Loading the boilerplate patterns (a data file) that mark non-prose lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kankei.errors import DataFileError
from kankei.extract.datafiles import strict_yaml


@dataclass(frozen=True)
class Boilerplate:
    furniture: tuple[re.Pattern[str], ...]
    comment_headers: tuple[re.Pattern[str], ...]
    end_sections: tuple[re.Pattern[str], ...]

    def is_furniture(self, line: str) -> bool:
        return any(p.search(line) for p in self.furniture)

    def starts_comments(self, line: str) -> bool:
        return any(p.search(line) for p in self.comment_headers)

    def ends_narrative(self, line: str) -> bool:
        return any(p.search(line) for p in self.end_sections)


def _compile(raw: Any, key: str, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise DataFileError(f"'{key}' must be a list of strings", path=where)
    out = []
    for pat in raw:
        try:
            out.append(re.compile(pat))
        except re.error as exc:
            raise DataFileError(f"bad pattern {pat!r} in '{key}': {exc}", path=where) from exc
    return tuple(out)


def load_boilerplate(path: Path | None = None) -> Boilerplate:
    if path is None:
        ref = resources.files("kankei") / "data" / "boilerplate.yaml"
        where, text = "kankei/data/boilerplate.yaml", ref.read_text(encoding="utf-8")
    else:
        where, text = str(path), path.read_text(encoding="utf-8")
    data = strict_yaml(where, text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping", path=where)
    return Boilerplate(
        furniture=_compile(data.get("furniture", []), "furniture", where),
        comment_headers=_compile(data.get("comment_headers", []), "comment_headers", where),
        end_sections=_compile(data.get("end_sections", []), "end_sections", where),
    )
