"""Bytes -> str with the encoding detected, for the encodings Japanese text comes in.

A file that is UTF-8 but for a few bad bytes (cut in the middle of a character, a byte
damaged in a copy, a line pasted from elsewhere) is read as UTF-8, the bad bytes replaced
by U+FFFD and counted, rather than dropped or read as mojibake in another encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from kankei.errors import BinaryContent, EmptyDocument, UndecodableText

# Tried in this order before asking charset-normalizer: a strict decode that succeeds with
# these is almost never wrong for Japanese text, while detectors confuse CP932 and EUC-JP
# on short inputs.
_STRICT_ORDER = ("iso2022_jp", "utf-8", "cp932", "euc_jp")
# half-width katakana is left out: it is what EUC-JP bytes look like when read as CP932
_JAPANESE_RANGES = ((0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E))
# UTF-8 with bad bytes: at least this many well-formed multi-byte characters per run of bad
# bytes (a damaged character is one run). CP932 and EUC-JP text read as UTF-8 has a run of
# bad bytes every character or two, so it never gets near this.
_GOOD_PER_BAD_RUN = 10
_ESCAPED = re.compile(r"[\udc80-\udcff]")  # a bad byte, as surrogateescape keeps it
_ESCAPED_RUN = re.compile(r"[\udc80-\udcff]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # bytes that could not be decoded, each shown as U+FFFD
    warnings: tuple[str, ...] = ()


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
    """Return (text, encoding name). Raises on binary, empty or undecodable input; bytes
    that had to be replaced are said by decode_text."""
    decoded = decode_text(data, path)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, path: str | None = None) -> Decoded:
    """Decode, and say how many bytes were replaced. Raises on binary, empty or
    undecodable input."""
    if data.startswith(codecs.BOM_UTF8):
        bom = len(codecs.BOM_UTF8)
        decoded = _with_replacements(data[bom:], "utf-8", "utf-8-sig", at=bom)
        if not decoded.text.strip():
            raise EmptyDocument(path=path)
        return decoded
    if not data.strip():
        raise EmptyDocument(path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _with_replacements(data, "utf-16", "utf-16")
    if _looks_binary(data):
        raise BinaryContent("NUL or control bytes found", path=path)
    candidates: list[tuple[str, str]] = []
    for enc in _STRICT_ORDER:
        if enc == "iso2022_jp" and b"\x1b$" not in data:
            continue
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            if enc == "utf-8" and _mostly_utf8(data):
                return _with_replacements(data, "utf-8", "utf-8")
            continue
        if enc in ("utf-8", "iso2022_jp"):
            break
    if len(candidates) > 1:
        # both CP932 and EUC-JP decoded: keep the reading with more Japanese characters
        candidates.sort(key=lambda c: _japanese_share(c[0]), reverse=True)
    if candidates:
        text, enc = candidates[0]
        return Decoded(text, _canonical(enc))
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableText("no encoding fits", path=path)
    return Decoded(str(best), _canonical(best.encoding))


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 text with a few bad bytes."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    runs = len(_ESCAPED_RUN.findall(escaped))
    good = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad
    return good >= _GOOD_PER_BAD_RUN * runs


def _with_replacements(data: bytes, codec: str, name: str, at: int = 0) -> Decoded:
    """Decode, each run of bad bytes replaced by U+FFFD, with a warning saying how many
    (data begins at byte `at` of the file)."""
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError as exc:
        first = at + exc.start
    text = data.decode(codec, errors="replace")
    if codec == "utf-8":
        escaped = data.decode(codec, errors="surrogateescape")
        replaced = len(_ESCAPED.findall(escaped))
    else:  # (UTF-16: a cut final byte or a lone surrogate; count the replacement marks)
        own = data.decode(codec, errors="ignore").count("\ufffd")
        replaced = max(1, text.count("\ufffd") - own)
    warning = (
        f"{replaced} byte(s) that are not {codec.upper()} replaced with U+FFFD"
        f" (the first at byte {first})"
    )
    return Decoded(text, name, replaced, (warning,))


def _canonical(enc: str) -> str:
    return {
        "utf-8": "utf-8",
        "iso2022_jp": "iso-2022-jp",
        "cp932": "cp932",
        "euc_jp": "euc-jp",
    }.get(enc, enc)
