"""Numbers as Japanese dates write them: 1941, １９４１, 一九四一, 千九百四十一, 十二, 元 (年)."""

from __future__ import annotations

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUM = r"[0-9〇零一二三四五六七八九十百千]+"
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}


def to_int(text: str) -> int | None:
    """1941 / 一九四一 / 千九百四十一 / 十二 -> int; None when it is not a number."""
    if not text:
        return None
    if text == "元":
        return 1
    if text.isascii() and text.isdigit():
        return int(text)
    if not any(ch in _UNITS for ch in text):
        # digit by digit: 一九四一
        if all(ch in _DIGITS or ch.isdigit() for ch in text):
            return int("".join(str(_DIGITS[ch]) if ch in _DIGITS else ch for ch in text))
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch.isdigit():
            current = int(ch)
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current
