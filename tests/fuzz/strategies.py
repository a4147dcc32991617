"""Hypothesis strategies shared by the fuzz tests: Japanese-like text and markup."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# derandomized so that CI runs the same cases every time; no example database either, so a
# run leaves nothing behind and depends on nothing it left before
FUZZ: dict[str, Any] = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def fuzz(max_examples: int) -> Any:
    return settings(max_examples=max_examples, **FUZZ)


# the pieces Japanese prose about politics is made of, and the characters that drive the
# cleaner and the splitter: enders, brackets, bullets, citation markers, whitespace
WORDS = (
    "ソ連",
    "米国",
    "は",
    "が",
    "を",
    "に",
    "と",
    "侵攻した",
    "会談した",
    "1941年",
    "同年12月",
    "翌年",
    "昭和16年",
    "。",
    "、",
    "！",
    "？",
    "「",
    "」",
    "『",
    "』",
    "（",
    "）",
    "(",
    ")",
    "[12]",
    "[注釈 3]",
    "[要出典]",
    "英語版",
    "・",
    "- ",
    "# ",
    "> ",
    "1. ",
    "|",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "\t",
    "\r\n",
    "参考文献",
    "関連項目",
    "photo.jpg",
    "Moscow",
)

japanese_text = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40).map("".join),
)

TAGS = (
    "p",
    "div",
    "span",
    "font",
    "b",
    "br",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "option",
    "script",
    "style",
    "title",
    "head",
    "body",
    "html",
    "svg",
    "template",
    "noscript",
    "h1",
    "meta",
    "time",
)


@st.composite
def markup(draw: st.DrawFn) -> str:
    """A page of random start and end tags, entities, comments and text: nested, unclosed,
    stray and broken markup."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 9))
        tag = draw(st.sampled_from(TAGS))
        if kind <= 2:
            attr = draw(st.sampled_from(["", " class='x'", ' content="2020-01-02"', " a=<b>"]))
            pieces.append(f"<{tag}{attr}>")
        elif kind <= 4:
            pieces.append(f"</{tag}>")
        elif kind == 5:
            pieces.append(
                draw(
                    st.sampled_from(
                        [
                            "&amp;",
                            "&nbsp;",
                            "&#12354;",
                            "&#x3042;",
                            "&bogus;",
                            "&",
                            "&#xZZ;",
                            "&#99999999;",
                            "<!-- c -->",
                            "<!--",
                            "<!DOCTYPE html>",
                            "<?x?>",
                            "<![CDATA[x]]>",
                            "<",
                            ">",
                            "</",
                            "<p/>",
                            "<br/>",
                            "<a href='<'>",
                        ]
                    )
                )
            )
        elif kind == 6:
            depth = draw(st.integers(0, 120))
            pieces.append(f"<{tag}>" * depth)
        else:
            pieces.append(draw(japanese_text))
    return "".join(pieces)
