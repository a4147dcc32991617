"""Loading the boilerplate patterns (a data file) that mark non-prose lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kankei.errors import DataFileError
from kankei.extract.datafiles import check_keys, strict_yaml


@dataclass(frozen=True)
class Boilerplate:
    furniture: tuple[re.Pattern[str], ...]
    comment_headers: tuple[re.Pattern[str], ...]
    end_sections: tuple[re.Pattern[str], ...]
    citations: tuple[re.Pattern[str], ...] = ()
    foreign_citations: tuple[re.Pattern[str], ...] = ()
    cited_titles: tuple[re.Pattern[str], ...] = ()
    related_articles: tuple[re.Pattern[str], ...] = ()

    def is_furniture(self, line: str) -> bool:
        return any(p.search(line) for p in self.furniture)

    def starts_comments(self, line: str) -> bool:
        return any(p.search(line) for p in self.comment_headers)

    def ends_narrative(self, line: str) -> bool:
        return any(p.search(line) for p in self.end_sections)

    def cited_date(self, line: str) -> str | None:
        """The date a source citation line gives (YYYY-MM or YYYY-MM-DD; the latest of a line
        of foreign citations), else None."""
        for p in self.citations:
            m = p.search(line)
            if m is not None and (date := _cited(m)):
                return date
        if _japanese_share(line) >= 0.5:
            return None
        dates = [d for p in self.foreign_citations for m in p.finditer(line) if (d := _cited(m))]
        return max(dates) if dates else None

    def starts_related_articles(self, line: str) -> bool:
        """A list of related articles (最近の記事…) starts here and runs to the end."""
        return any(p.search(line) for p in self.related_articles)

    def is_source_line(self, line: str) -> bool:
        """A line of a trailing source list: a citation or a cited title."""
        return self.cited_date(line) is not None or any(p.search(line) for p in self.cited_titles)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _cited(m: re.Match[str]) -> str | None:
    year, month_text, day = int(m["y"]), m["m"], m.groupdict().get("d")
    month = _MONTHS.index(month_text) + 1 if month_text in _MONTHS else int(month_text)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else None


def _japanese_share(line: str) -> float:
    chars = [c for c in line if not c.isspace()]
    kana_kanji = sum(1 for c in chars if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff")
    return kana_kanji / len(chars) if chars else 0.0


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
    check_keys(data, where, frozenset(), _KEYS)
    citations = _compile(data.get("citations", []), "citations", where)
    foreign = _compile(data.get("foreign_citations", []), "foreign_citations", where)
    for pat in (*citations, *foreign):
        if not {"y", "m"} <= set(pat.groupindex):
            raise DataFileError(
                f"citation pattern {pat.pattern!r} needs groups y and m", path=where
            )
    return Boilerplate(
        furniture=_compile(data.get("furniture", []), "furniture", where),
        comment_headers=_compile(data.get("comment_headers", []), "comment_headers", where),
        end_sections=_compile(data.get("end_sections", []), "end_sections", where),
        citations=citations,
        foreign_citations=foreign,
        cited_titles=_compile(data.get("cited_titles", []), "cited_titles", where),
        related_articles=_compile(data.get("related_articles", []), "related_articles", where),
    )


_KEYS = frozenset(
    {
        "version",
        "source",
        "licence",
        "furniture",
        "comment_headers",
        "end_sections",
        "citations",
        "foreign_citations",
        "cited_titles",
        "related_articles",
    }
)
