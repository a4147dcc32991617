"""Decoding: any bytes give text or an IngestError; UTF-8 with a few bad bytes is kept."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kankei.errors import BinaryContent, IngestError
from kankei.ingest.decode import decode, decode_text
from tests.fuzz.strategies import WORDS, fuzz, japanese_text

TEXT = "1941年6月、ドイツがソ連に侵攻した。米国は援助を開始した。\n" * 10


def _damaged(text: str, positions: list[int], byte: int) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for pos in positions:
        data[pos % len(data)] = byte
    return bytes(data)


def test_utf8_with_a_few_bad_bytes_is_decoded_with_replacements() -> None:
    data = _damaged(TEXT, [10, 200], 0xFF)
    decoded = decode_text(data, path="a.txt")
    assert decoded.encoding == "utf-8" and decoded.replaced > 0
    assert "\ufffd" in decoded.text and "米国は援助を開始した。" in decoded.text
    assert "not UTF-8" in decoded.warnings[0] and "the first at byte 8" in decoded.warnings[0]
    text, encoding = decode(data, path="a.txt")
    assert (text, encoding) == (decoded.text, "utf-8")


def test_utf8_cut_in_the_middle_of_a_character_is_kept() -> None:
    data = TEXT.encode("utf-8")[:-2]
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8" and decoded.text.endswith("した\ufffd")
    assert decoded.replaced == 2  # the two bytes left of 。


def test_utf8_with_bom_and_bad_bytes_is_kept() -> None:
    decoded = decode_text(codecs.BOM_UTF8 + _damaged(TEXT, [30], 0xC0))
    assert decoded.encoding == "utf-8-sig" and decoded.replaced > 0


def test_utf16_cut_short_is_kept() -> None:
    decoded = decode_text(TEXT.encode("utf-16")[:-1])
    assert decoded.encoding == "utf-16" and decoded.replaced == 1


def test_binary_is_still_refused() -> None:
    with pytest.raises(BinaryContent):
        decode(bytes(range(256)) * 10, path="photo.txt")


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp", "iso2022_jp"])
def test_other_japanese_encodings_are_not_read_as_damaged_utf8(encoding: str) -> None:
    decoded = decode_text(TEXT.encode(encoding))
    assert decoded.text == TEXT and decoded.replaced == 0


@fuzz(2500)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_an_ingest_error(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except IngestError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding
    assert (decoded.replaced > 0) == bool(decoded.warnings)


@fuzz(800)
@given(
    st.lists(st.sampled_from(WORDS), min_size=30, max_size=80).map("".join),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=2),
    st.sampled_from([0x80, 0xBF, 0xC0, 0xFE, 0xFF]),
)
def test_japanese_utf8_with_a_bad_byte_stays_utf8(
    text: str, positions: list[int], byte: int
) -> None:
    data = _damaged(text, positions, byte)
    if sum(ord(ch) > 0x7F for ch in text) < 10 * 3 * len(positions):
        return  # (too little Japanese left to tell damaged UTF-8 from another encoding)
    try:
        decoded = decode_text(data)
    except IngestError:  # (damage may leave control bytes enough to look binary, or nothing)
        return
    assert decoded.encoding in ("utf-8", "utf-8-sig")


@fuzz(800)
@given(japanese_text, st.sampled_from(["utf-8", "cp932", "euc_jp"]))
def test_text_round_trips_through_its_encoding(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        decoded = decode_text(data)
    except IngestError:
        return
    if encoding == "utf-8" or decoded.encoding == encoding.replace("_", "-"):
        assert decoded.text == text
