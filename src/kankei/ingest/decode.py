"""Bytes -> str with the encoding detected, for the encodings Japanese text comes in."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from kankei.errors import BinaryContent, EmptyDocument, UndecodableText

# Tried in this order before asking charset-normalizer: a strict decode that succeeds with
# these is almost never wrong for Japanese text, while detectors confuse CP932 and EUC-JP
# on short inputs.
_STRICT_ORDER = ("iso2022_jp", "utf-8", "cp932", "euc_jp")
# half-width katakana is left out: it is what EUC-JP bytes look like when read as CP932
_JAPANESE_RANGES = ((0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E))


def _japanese_share(text: str) -> float:
    if not text:
        return 0.0
    hits = sum(1 for ch in text if any(lo <= ord(ch) <= hi for lo, hi in _JAPANESE_RANGES))
    return hits / len(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 27 or 27 < b < 32)
    return control > len(sample) * 0.05


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises on binary, empty or undecodable input."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
        if not text.strip():
            raise EmptyDocument(path=path)
        return text, "utf-8-sig"
    if not data.strip():
        raise EmptyDocument(path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if _looks_binary(data):
        raise BinaryContent("NUL or control bytes found", path=path)
    candidates: list[tuple[str, str]] = []
    for enc in _STRICT_ORDER:
        if enc == "iso2022_jp" and b"\x1b$" not in data:
            continue
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
        if enc in ("utf-8", "iso2022_jp"):
            break
    if len(candidates) > 1:
        # both CP932 and EUC-JP decoded: keep the reading with more Japanese characters
        candidates.sort(key=lambda c: _japanese_share(c[0]), reverse=True)
    if candidates:
        text, enc = candidates[0]
        return text, _canonical(enc)
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableText("no encoding fits", path=path)
    return str(best), _canonical(best.encoding)


def _canonical(enc: str) -> str:
    return {
        "utf-8": "utf-8",
        "iso2022_jp": "iso-2022-jp",
        "cp932": "cp932",
        "euc_jp": "euc-jp",
    }.get(enc, enc)
