import codecs

import pytest

from kankei.errors import BinaryContent, EmptyDocument
from kankei.ingest.decode import decode

TEXT = "1941年6月、ドイツがソ連に侵攻した。米国は援助を開始した。"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("cp932", "cp932"),
        ("shift_jis", "cp932"),
        ("euc_jp", "euc-jp"),
        ("iso2022_jp", "iso-2022-jp"),
    ],
)
def test_japanese_encodings_are_detected(encoding, expected):
    text, found = decode(TEXT.encode(encoding))
    assert text == TEXT
    assert found == expected


def test_utf8_bom_is_removed():
    text, found = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT
    assert found == "utf-8-sig"


def test_long_shift_jis_document():
    body = (TEXT + "\n") * 500
    text, found = decode(body.encode("cp932"))
    assert text == body and found == "cp932"


@pytest.mark.parametrize("data", [b"", b"   \n\n", codecs.BOM_UTF8])
def test_empty_input(data):
    with pytest.raises(EmptyDocument):
        decode(data, path="empty.txt")


def test_binary_input_names_the_file():
    with pytest.raises(BinaryContent) as info:
        decode(bytes(range(256)) * 10, path="photo.txt")
    assert "photo.txt" in str(info.value)
