"""Date expressions in a sentence, resolved against the discourse anchor.

This module recognises absolute dates (1941年6月22日, 1941年6月, 1933年), spans and decades
(kept as ranges, date null), and the common discourse forms (同年, 翌年, 前年, 同月, 同日, a month
with no year) against an anchor that advances as the document states explicit dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kankei.model import DateValue

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_Y = r"(?P<y>\d{4})年"
_M = r"(?P<m>\d{1,2})月"
_D = r"(?P<d>\d{1,2})日"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("span", re.compile(r"(?P<y>\d{4})年?\s*[-–—~〜～]\s*(?P<y2>\d{4})年")),
    ("decade", re.compile(r"(?P<y>\d{3}0)年代(?P<part>前半|後半|初頭|半ば|末)?")),
    ("ymd", re.compile(_Y + _M + _D)),
    ("ym", re.compile(_Y + r"(?P<m>\d{1,2})月(?P<part>初め|初旬|上旬|中旬|下旬|末)?")),
    ("y", re.compile(_Y + r"(?P<part>初頭|初め|前半|後半|半ば|末)?(?![代度])")),
    (
        "rel_year",
        re.compile(
            r"(?P<rel>同年|翌年|前年|今年|昨年|去年|一昨年|来年|本年)"
            r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?(?P<part>末|初頭|初め)?"
        ),
    ),
    ("rel_month", re.compile(r"(?P<rel>同月|翌月|前月|今月|先月|来月)(?:(?P<d>\d{1,2})日)?")),
    ("rel_day", re.compile(r"(?P<rel>同日|翌日|前日)")),
    ("md", re.compile(_M + _D)),
    ("m", re.compile(r"(?<![\d年])" + _M + r"(?P<part>初め|初旬|上旬|中旬|下旬|末)?(?![間])")),
    ("d", re.compile(r"(?<![\d月年])(?P<d>\d{1,2})日(?![間目本])")),
]
_YEAR_OFFSET = {"同年": 0, "本年": 0, "翌年": 1, "前年": -1}
_DOC_YEAR_OFFSET = {"今年": 0, "昨年": -1, "去年": -1, "一昨年": -2, "来年": 1}


@dataclass(frozen=True)
class Anchor:
    """What the discourse has dated so far, and the document's own date."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    doc_year: int | None = None
    doc_month: int | None = None
    doc_day: int | None = None

    @classmethod
    def from_doc_date(cls, doc_date: str | None) -> Anchor:
        if not doc_date:
            return cls()
        parts = [int(p) for p in doc_date.split("-")]
        parts += [0] * (3 - len(parts))
        y, m, d = parts
        return cls(
            year=y,
            month=m or None,
            day=d or None,
            doc_year=y,
            doc_month=m or None,
            doc_day=d or None,
        )


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None:
        return None
    if m is None or not 1 <= m <= 12:
        return f"{y:04d}"
    if d is None or not 1 <= d <= 31:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def find_dates(text: str, anchor: Anchor) -> tuple[list[DateValue], Anchor]:
    """Dates in text left to right, each resolved with the anchor as it stands there."""
    norm = text.translate(_FULLWIDTH)
    taken = [False] * len(norm)
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(norm):
            if any(taken[m.start() : m.end()]):
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            hits.append((m.start(), m.end(), kind, m))
    hits.sort()
    out: list[DateValue] = []
    for start, end, kind, m in hits:
        value, anchor = _resolve(kind, m, anchor)
        out.append(replace(value, text=text[start:end], start=start, end=end))
    return out, anchor


def _resolve(kind: str, m: re.Match[str], a: Anchor) -> tuple[DateValue, Anchor]:
    g = m.groupdict()
    y, mo, d = _int(g.get("y")), _int(g.get("m")), _int(g.get("d"))
    part = g.get("part")

    def value(
        v: str | None,
        precision: str | None,
        rule: str,
        lo: str | None = None,
        hi: str | None = None,
    ) -> DateValue:
        return DateValue(v, precision, "", 0, 0, rule, lo, hi)

    if kind == "span":
        y2 = int(g["y2"])
        return value(None, None, "span", _iso(y), _iso(y2)), a
    if kind == "decade":
        assert y is not None
        return value(None, "decade", "decade", _iso(y), _iso(y + 9)), a
    if kind in ("ymd", "ym", "y"):
        if part in ("前半", "後半", "半ば"):
            return value(None, None, "part-of-year", _iso(y), _iso(y)), replace(
                a, year=y, month=None, day=None
            )
        precision = "day" if d else "month" if mo else "year"
        return value(_iso(y, mo, d), precision, "absolute"), replace(a, year=y, month=mo, day=d)
    if kind == "rel_year":
        rel = g["rel"]
        if rel in _DOC_YEAR_OFFSET:
            base = a.doc_year
            rule = "document-relative"
            if base is None:
                return value(None, None, "document-relative-unresolved"), a
            yy = base + _DOC_YEAR_OFFSET[rel]
        else:
            if a.year is None:
                return value(None, None, "discourse-unresolved"), a
            yy = a.year + _YEAR_OFFSET[rel]
            rule = "discourse"
        precision = "day" if d else "month" if mo else "year"
        if rule == "document-relative":
            # 昨年4月 in a news text does not move the narrative's own year
            return value(_iso(yy, mo, d), precision, rule), a
        return value(_iso(yy, mo, d), precision, rule), replace(a, year=yy, month=mo, day=d)
    if kind == "rel_month":
        rel = g["rel"]
        if rel in ("今月", "先月", "来月"):
            if a.doc_year is None or a.doc_month is None:
                return value(None, None, "document-relative-unresolved"), a
            yy, mm = a.doc_year, a.doc_month + {"今月": 0, "先月": -1, "来月": 1}[rel]
            rule = "document-relative"
        else:
            if a.year is None or a.month is None:
                return value(None, None, "discourse-unresolved"), a
            yy, mm = a.year, a.month + {"同月": 0, "翌月": 1, "前月": -1}[rel]
            rule = "discourse"
        if mm < 1:
            yy, mm = yy - 1, mm + 12
        if mm > 12:
            yy, mm = yy + 1, mm - 12
        precision = "day" if d else "month"
        return value(_iso(yy, mm, d), precision, rule), replace(a, year=yy, month=mm, day=d)
    if kind == "rel_day":
        if a.year is None or a.month is None or a.day is None:
            return value(None, None, "discourse-unresolved"), a
        return value(_iso(a.year, a.month, a.day), "day", "discourse"), a
    if kind == "d":
        if a.year is None or a.month is None:
            return value(None, None, "no-month"), a
        return value(_iso(a.year, a.month, d), "day", "discourse-month"), replace(a, day=d)
    # month (and day) with no year: the discourse year
    if a.year is None:
        return value(None, None, "no-year"), a
    precision = "day" if d else "month"
    return value(_iso(a.year, mo, d), precision, "discourse-year"), replace(a, month=mo, day=d)
