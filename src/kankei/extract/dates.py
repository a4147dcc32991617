"""Date expressions in a sentence, resolved against the discourse anchor.

Recognised: absolute dates in Western years, kanji numerals (一九四一年十二月八日) and era years
(昭和16年, 平成元年); spans and decades with their parts (1970年代後半: a range, date null);
discourse forms (同年, 同月, 同日, 翌年, 翌月, 翌日, 前年, 同年末, N年後, Nか月後, N週間後, N日後, a
month or day with no year) resolved against an anchor that advances as the document states
explicit dates; and document-relative forms (今年, 昨年, 一昨年, 来年, 今月, 先月, 先週, 昨日)
resolved against the document's date — never against today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from kankei.extract.numerals import ERAS, NUM, to_int
from kankei.model import DateValue

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_N = NUM
_Y = rf"(?:(?P<era>{'|'.join(ERAS)})(?P<ey>元|{_N})|(?P<y>{_N}))年"
_M = rf"(?P<m>{_N})月"
_D = rf"(?P<d>{_N})日"
_PART = r"(?P<part>初頭|初め|前半|後半|半ば|末|初旬|上旬|中旬|下旬)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("span", re.compile(r"(?P<y>\d{4})年?\s*[-–—~〜～]\s*(?P<y2>\d{4})年")),
    ("decade", re.compile(rf"(?P<y>{_N})年代" + _PART)),
    (
        "offset",
        # (not 1968年前半: a four-digit number before 年 is a year, and 前半/後半 are parts)
        re.compile(
            r"(?<![0-9])(?P<n>[0-9]{1,3}|[〇一二三四五六七八九十百]+)"
            r"(?P<unit>年|か月|ヶ月|ヵ月|カ月|箇月|週間|日)(?P<dir>後|前)(?!半)"
        ),
    ),
    ("ymd", re.compile(_Y + _M + _D)),
    ("ym", re.compile(_Y + _M + _PART)),
    ("y", re.compile(_Y + _PART + r"(?![代度間])")),
    (
        "rel_year",
        re.compile(
            r"(?P<rel>同年|同じ年|この年|その年|翌年|前年|今年|昨年|去年|一昨年|来年|本年)"
            rf"(?:の?{_M}(?:{_D})?)?(?P<part>末|初頭|初め|春|夏|秋|冬)?"
        ),
    ),
    (
        "rel_month",
        re.compile(rf"(?P<rel>同月|この月|その月|翌月|前月|今月|先月|来月)(?:{_D})?(?P<part>末)?"),
    ),
    ("rel_day", re.compile(r"(?P<rel>同日|この日|その日|当日|翌日|前日|昨日|今日|本日|一昨日)")),
    ("rel_week", re.compile(r"(?P<rel>先週|今週|来週)")),
    ("md", re.compile(_M + _D)),
    ("m", re.compile(r"(?<![0-9〇一二三四五六七八九十年])" + _M + _PART + r"(?![間])")),
    ("d", re.compile(rf"(?<![0-9〇一二三四五六七八九十月年]){_D}(?![間目本])")),
    # この緊張緩和時期においては, アフガニスタン紛争で、: a period the text only names, no date
    # (and no carry)
    (
        "period",
        re.compile(
            r"(?:この|その|同)[^、。]{0,12}?(?:時期|時代|期間)(?:において|には|では|に)"
            r"|(?:^|(?<=[、。\s]))[^、。はがをの0-9]{1,12}?(?:紛争|戦争|内戦)(?:において|中に|中は|の間|では|で)(?=、)"
        ),
    ),
]
# 1943年に延期された: the date an act was put off to is not when anything happened
_TARGET_DATE = re.compile(
    r"(?:に|まで|へ)(?:再び|再度|さらに|再)?(?:延期|延長|繰り延べ|繰延べ|先送り|持ち越|順延|前倒し)"
)
# a year run straight into a noun (1948年革命, 1921年ロシア飢餓救済法), not into one of the
# words that follow a date (1948年以降, 1948年頃, 1948年当時, 1948年中に)
_ATTRIBUTIVE = re.compile(
    r"(?![以頃末初春夏秋冬度当時中前後来代半上下元間暮早晩内])[\u4e00-\u9fff\u30a1-\u30fa]"
)
_NAMED_SETTING = re.compile(r"[^、。はがを]{1,20}?(?:において|における|では|の際|に際し)")
_YEAR_OFFSET = {"同年": 0, "同じ年": 0, "この年": 0, "その年": 0, "本年": 0, "翌年": 1, "前年": -1}
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
    doc_stated: bool = True  # False when the date was inferred from the latest dated event

    @classmethod
    def from_doc_date(cls, doc_date: str | None, stated: bool = True) -> Anchor:
        """An anchor at the document's date. A date inferred from the text itself anchors
        only the document-relative forms (今年, 先月), not the narrative."""
        if not doc_date:
            return cls()
        parts = [int(p) for p in doc_date.split("-")]
        parts += [0] * (3 - len(parts))
        y, m, d = parts
        # (a date the calendar lacks keeps what it has: 2001-02-29 is February 2001)
        if not 1 <= m <= 12:
            m = d = 0
        elif d and not 1 <= d <= calendar.monthrange(y, m)[1]:
            d = 0
        if not stated:
            return cls(doc_year=y, doc_month=m or None, doc_day=d or None, doc_stated=False)
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
    return to_int(s) if s else None


def _year(g: dict[str, str | None]) -> int | None:
    if g.get("era"):
        n = _int(g.get("ey"))
        return ERAS[str(g["era"])] + n - 1 if n else None
    y = _int(g.get("y"))
    return y if y is not None and 1000 <= y <= 2200 else None


_DECADE_PARTS = {
    "前半": (0, 4),
    "後半": (5, 9),
    "初頭": (0, 2),
    "初め": (0, 2),
    "半ば": (3, 6),
    "末": (7, 9),
}


def _offset(g: dict[str, str | None], a: Anchor, value: Any) -> tuple[DateValue, Anchor]:
    """N年後, 3か月後, 1週間後, 10日後: from the anchor, at the coarsest safe unit."""
    n = _int(g.get("n"))
    sign = 1 if g.get("dir") == "後" else -1
    unit = str(g.get("unit"))
    if n is None or a.year is None:
        return value(None, None, "discourse-unresolved"), a
    if unit == "年":
        yy = a.year + sign * n
        return value(_iso(yy), "year", "offset"), replace(a, year=yy, month=None, day=None)
    if unit in ("週間", "日"):
        if a.month is None or a.day is None:
            return value(None, None, "offset-unresolved"), a
        base = dt.date(a.year, a.month, a.day)
        day = base + dt.timedelta(days=sign * n * (7 if unit == "週間" else 1))
        if unit == "日":
            return value(day.isoformat(), "day", "offset"), replace(
                a, year=day.year, month=day.month, day=day.day
            )
        # a week later is approximate: keep only the month, or the year across months
        if (day.year, day.month) == (a.year, a.month):
            return value(_iso(day.year, day.month), "month", "offset"), a
        return value(_iso(day.year), "year", "offset"), replace(
            a, year=day.year, month=None, day=None
        )
    if a.month is None:
        return value(None, None, "offset-unresolved"), a
    total = a.year * 12 + (a.month - 1) + sign * n
    yy, mm = divmod(total, 12)
    return value(_iso(yy, mm + 1), "month", "offset"), replace(a, year=yy, month=mm + 1, day=None)


def find_dates(
    text: str, anchor: Anchor, background: frozenset[int] = frozenset()
) -> tuple[list[DateValue], Anchor]:
    """Dates in text left to right, each resolved with the anchor as it stands there. A date
    something was put off to (…年に延期) is kept as `target-date`: it dates no event and does
    not move the anchor; nor does a date starting at an offset in `background` (the history
    of something the sentence names, 1947年に締結したリオ条約)."""
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
        value, moved = _resolve(kind, m, anchor)
        if _TARGET_DATE.match(norm, end):
            value = replace(value, value=None, precision=None, rule="target-date")
        elif (
            kind == "y"
            and _ATTRIBUTIVE.match(norm, end)
            and not m.group("part")
            and not _NAMED_SETTING.match(norm, end)
        ):
            # 1948年革命記念式典: a year in a name dates the name, not what the sentence tells
            # (but 1989年ポーランド議会選挙において: what happens in it happens that year)
            value = replace(value, value=None, precision=None, rule="attributive-year")
        elif not _in_parentheses(norm, start) and start not in background:
            # (a date in an aside, …（2014年クリミア危機）…, does not move the narrative)
            anchor = moved
        out.append(replace(value, text=text[start:end], start=start, end=end))
    return out, anchor


def _in_parentheses(text: str, pos: int) -> bool:
    before = text[:pos]
    return max(before.rfind("（"), before.rfind("(")) > max(before.rfind("）"), before.rfind(")"))


@dataclass(frozen=True)
class _Parts:
    """What a date expression's match holds."""

    g: dict[str, str | None]
    y: int | None
    mo: int | None
    d: int | None
    part: str | None


def _value(
    v: str | None, precision: str | None, rule: str, lo: str | None = None, hi: str | None = None
) -> DateValue:
    return DateValue(v, precision, "", 0, 0, rule, lo, hi)


def _resolve(kind: str, m: re.Match[str], a: Anchor) -> tuple[DateValue, Anchor]:
    g = m.groupdict()
    parts = _Parts(g, _year(g), _int(g.get("m")), _int(g.get("d")), g.get("part"))
    try:
        if kind == "offset":
            return _on_calendar(*_offset(g, a, _value), a)
        return _on_calendar(*_RESOLVERS.get(kind, _month_day)(parts, a), a)
    except (ValueError, OverflowError):
        # reckoning that leaves the calendar (昨日 of the year 1's first day) dates nothing
        return _value(None, None, f"{kind}-off-calendar"), a


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _on_calendar(v: DateValue, moved: Anchor, before: Anchor) -> tuple[DateValue, Anchor]:
    """A date the calendar lacks is no date at that precision: 2月30日 keeps its month (the
    day is dropped, from the value and from where the narrative stands, so that 翌日 is not
    reckoned from it); a year outside 1–9999 (昭和99999年, 一昨年 of the year 1) dates nothing
    and moves nothing."""
    if v.value is None:
        return v, moved
    found = _ISO.fullmatch(v.value)
    if found is None or int(found.group(1)) < 1:
        return replace(v, value=None, precision=None, rule=f"{v.rule}-off-calendar"), before
    year = int(found.group(1))
    month, day = (int(x) if x else None for x in found.groups()[1:])
    if day is not None and month is not None and day > calendar.monthrange(year, month)[1]:
        return replace(v, value=v.value[:7], precision="month"), replace(moved, day=None)
    return v, moved


def _period(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    return _value(None, None, "period"), a


def _span(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    y2 = int(p.g["y2"] or 0)
    return _value(None, None, "span", _iso(p.y), _iso(y2)), a


def _decade(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    if p.y is None or p.y % 10:
        return _value(None, None, "not-a-date"), a
    lo, hi = _DECADE_PARTS.get(p.part or "", (0, 9))
    return _value(None, "decade", "decade", _iso(p.y + lo), _iso(p.y + hi)), a


def _absolute(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    y, mo, d = p.y, p.mo, p.d
    if y is None:
        return _value(None, None, "not-a-date"), a  # 一年 is a duration, not the year 1
    if p.part in ("前半", "後半", "半ば"):
        moved = replace(a, year=y, month=None, day=None)
        return _value(None, None, "part-of-year", _iso(y), _iso(y)), moved
    if p.part == "末" and mo is None:
        mo = 12  # 1941年末: the year's last month
    precision = "day" if d else "month" if mo else "year"
    return _value(_iso(y, mo, d), precision, "absolute"), replace(a, year=y, month=mo, day=d)


def _relative_year(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    rel, mo, d = p.g["rel"] or "", p.mo, p.d
    if rel in _DOC_YEAR_OFFSET:
        if a.doc_year is None:
            return _value(None, None, "document-relative-unresolved"), a
        yy, rule = a.doc_year + _DOC_YEAR_OFFSET[rel], "document-relative"
    else:
        if a.year is None:
            return _value(None, None, "discourse-unresolved"), a
        yy, rule = a.year + _YEAR_OFFSET[rel], "discourse"
    if p.part == "末" and mo is None:
        mo = 12  # 同年末
    precision = "day" if d else "month" if mo else "year"
    if rule == "document-relative":
        # 昨年4月 in a news text does not move the narrative's own year
        return _value(_iso(yy, mo, d), precision, rule), a
    return _value(_iso(yy, mo, d), precision, rule), replace(a, year=yy, month=mo, day=d)


def _relative_month(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    rel, d = p.g["rel"] or "", p.d
    if rel in ("今月", "先月", "来月"):
        if a.doc_year is None or a.doc_month is None:
            return _value(None, None, "document-relative-unresolved"), a
        yy, mm = a.doc_year, a.doc_month + {"今月": 0, "先月": -1, "来月": 1}[rel]
        rule = "document-relative"
    else:
        if a.year is None or a.month is None:
            return _value(None, None, "discourse-unresolved"), a
        yy, mm = a.year, a.month + {"同月": 0, "この月": 0, "その月": 0, "翌月": 1, "前月": -1}[rel]
        rule = "discourse"
    if mm < 1:
        yy, mm = yy - 1, mm + 12
    if mm > 12:
        yy, mm = yy + 1, mm - 12
    precision = "day" if d else "month"
    return _value(_iso(yy, mm, d), precision, rule), replace(a, year=yy, month=mm, day=d)


def _relative_day(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    rel = p.g["rel"] or ""
    if rel in ("昨日", "今日", "本日", "一昨日"):
        if a.doc_year is None or a.doc_month is None or a.doc_day is None:
            return _value(None, None, "document-relative-unresolved"), a
        ref = dt.date(a.doc_year, a.doc_month, a.doc_day)
        when = ref - dt.timedelta(days={"昨日": 1, "一昨日": 2}.get(rel, 0))
        return _value(when.isoformat(), "day", "document-relative"), a
    offset = {"同日": 0, "この日": 0, "その日": 0, "当日": 0, "翌日": 1, "前日": -1}[rel]
    if a.year is not None and a.month is not None and a.day is None and offset == 0:
        # この日 in a narrative that has reached only a month: that month, the safe unit
        return _value(_iso(a.year, a.month), "month", "discourse"), a
    if a.year is None or a.month is None or a.day is None:
        return _value(None, None, "discourse-unresolved"), a
    ref = dt.date(a.year, a.month, a.day)
    when = ref + dt.timedelta(days=offset)
    moved = replace(a, year=when.year, month=when.month, day=when.day)
    return _value(when.isoformat(), "day", "discourse"), moved


def _relative_week(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    if a.doc_year is None or a.doc_month is None or a.doc_day is None:
        return _value(None, None, "document-relative-unresolved"), a
    ref = dt.date(a.doc_year, a.doc_month, a.doc_day)
    when = ref + dt.timedelta(days={"先週": -7, "今週": 0, "来週": 7}[p.g["rel"] or ""])
    first = when - dt.timedelta(days=when.weekday())
    last = when + dt.timedelta(days=6 - when.weekday())
    if (first.year, first.month) == (last.year, last.month):
        return _value(f"{first.year:04d}-{first.month:02d}", "month", "document-relative"), a
    year = f"{first.year:04d}" if first.year == last.year else None
    return _value(year, "year", "document-relative"), a


def _day(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    """A day alone (16日): in the month the narrative has reached; where it has reached none,
    in a dated document the latest such day not after the document's date (16日 in an article
    of 2006-08-20 is 2006-08-16, 28日 in one of 2006-08-03 is 2006-07-28)."""
    if a.year is not None and a.month is not None:
        return _value(_iso(a.year, a.month, p.d), "day", "discourse-month"), replace(a, day=p.d)
    if a.doc_stated and a.doc_year and a.doc_month and a.doc_day and p.d:
        yy, mm = a.doc_year, a.doc_month
        if p.d > a.doc_day:
            yy, mm = (yy, mm - 1) if mm > 1 else (yy - 1, 12)
        value = _iso(yy, mm, p.d)
        if value is not None and len(value) == 10:
            return _value(value, "day", "document-day"), replace(a, year=yy, month=mm, day=p.d)
    return _value(None, None, "no-month"), a


def _month_day(p: _Parts, a: Anchor) -> tuple[DateValue, Anchor]:
    """A month (and day) with no year: the article's year in a dated document (news, blogs),
    else the year the narrative has reached."""
    mo, d = p.mo, p.d
    precision = "day" if d else "month"
    if a.doc_year is not None and (a.doc_stated or a.year is None):
        moved = replace(a, year=a.doc_year, month=mo, day=d)
        return _value(_iso(a.doc_year, mo, d), precision, "document-year"), moved
    if a.year is None:
        return _value(None, None, "no-year"), a
    return _value(_iso(a.year, mo, d), precision, "discourse-year"), replace(a, month=mo, day=d)


_RESOLVERS: dict[str, Callable[[_Parts, Anchor], tuple[DateValue, Anchor]]] = {
    "period": _period,
    "span": _span,
    "decade": _decade,
    "ymd": _absolute,
    "ym": _absolute,
    "y": _absolute,
    "rel_year": _relative_year,
    "rel_month": _relative_month,
    "rel_day": _relative_day,
    "rel_week": _relative_week,
    "d": _day,
}


def latest_stated_date(texts: Iterable[str]) -> str | None:
    """The latest date a text states explicitly (1993年1月 …), at its precision: the
    document's date when nothing else fixes it."""
    latest: str | None = None
    for text in texts:
        dates, _ = find_dates(text, Anchor())
        for d in dates:
            if d.rule == "absolute" and d.value and (latest is None or d.value > latest):
                latest = d.value
    return latest
