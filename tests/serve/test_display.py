"""Markup masked in the displayed text, every offset kept."""

import pytest

from kankei.serve.display import HIDDEN, display_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("#### 概要\n米国は抗議した。", "概要\n米国は抗議した。"),
        ("> この記事は翻訳です。", "この記事は翻訳です。"),
        ("ソ連は[[米国]]を非難した<ref>注</ref>。", "ソ連は米国を非難した注。"),
        ('会談した<ref name="a" />。', "会談した。"),
        ("'''ヤルタ会談'''は{{lang|en|Yalta}}", "ヤルタ会談はlang|en|Yalta"),
        ("1 < 2 であり、3 > 2 である。", "1 < 2 であり、3 > 2 である。"),  # not markup
    ],
)
def test_markup_is_masked_and_offsets_kept(text, shown):
    masked = display_text(text, "txt")
    assert len(masked) == len(text)
    assert masked.replace(HIDDEN, "") == shown
    # every character that stays is where it was
    assert all(m == t for m, t in zip(masked, text, strict=True) if m != HIDDEN)


def test_html_sources_are_left_as_they_are():
    assert display_text("<p>米国</p>", "html") == "<p>米国</p>"
