"""Tolerant katakana matching: transliteration variants of foreign names
(ルーズベルト/ローズヴェルト, オーマンスキー/ウーマンスキー, ゼレンスキー/ゼレンシキー)."""

from __future__ import annotations

import re

KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・=＝･]*[\u30a1-\u30fa\u30fc]")
_PAIRS = [
    ("ヴァ", "バ"),
    ("ヴィ", "ビ"),
    ("ヴェ", "ベ"),
    ("ヴォ", "ボ"),
    ("ヴ", "ブ"),
    ("ヂ", "ジ"),
    ("ヅ", "ズ"),
    ("ヲ", "オ"),
    ("ヰ", "イ"),
    ("ヱ", "エ"),
]
_SMALL = str.maketrans("ァィゥェォャュョヮ", "アイウエオヤユヨワ")
_DROP = re.compile(r"[ー・=＝･ッ]")
MIN_FUZZY = 5  # keys shorter than this must match exactly


def is_katakana_name(name: str) -> bool:
    return KATAKANA_RUN.fullmatch(name) is not None


def kana_key(name: str) -> str:
    """A spelling-insensitive key: ヴ→ブ, small kana to large, no long marks or separators."""
    for a, b in _PAIRS:
        name = name.replace(a, b)
    return _DROP.sub("", name.translate(_SMALL))


def within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
