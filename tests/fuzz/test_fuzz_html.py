"""HTML extraction on nested, unclosed and broken markup: no crash, offsets map back, and no
text outside page furniture is lost."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kankei.ingest.boilerplate import load_boilerplate
from kankei.ingest.html import extract_html
from kankei.ingest.segment import blocks_and_sentences
from tests.fuzz.strategies import TAGS, WORDS, fuzz, markup

BOILER = load_boilerplate()
# tags whose text is left out when they are closed, and those whose text never is
FURNITURE = {"nav", "header", "footer", "aside", "select", "script", "style", "title", "head"}
FURNITURE |= {"svg", "template", "noscript"}
SHOWN = [t for t in TAGS if t not in FURNITURE]


def _maps_back(source: str, text: str, offsets: list[int] | tuple[int, ...]) -> None:
    assert len(text) == len(offsets)
    for ch, off in zip(text, offsets, strict=True):
        assert 0 <= off < len(source)
        # a character is the source's own, a line break a tag stands for, or an entity's
        assert source[off] == ch or source[off] in "<&", (ch, off, source[off])


@fuzz(2000)
@given(markup())
def test_visible_text_maps_back_into_the_source(source: str) -> None:
    page = extract_html(source)
    _maps_back(source, page.mapped.text, list(page.mapped.offsets))
    assert all(a <= b for a, b in zip(page.mapped.offsets, page.mapped.offsets[1:], strict=False))
    assert page.left_out >= 0
    _, sentences = blocks_and_sentences("d", page.mapped, BOILER)
    for sent in sentences:
        _maps_back(source, sent.text, sent.offsets)


@st.composite
def shown_markup(draw: st.DrawFn) -> tuple[str, str]:
    """Markup of tags that are never furniture, nested and unclosed at random, and the text
    it holds."""
    pieces: list[str] = []
    words: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(SHOWN))
        if kind == 0:
            pieces.append(f"<{tag}>" * draw(st.integers(1, 400)))
        elif kind == 1:
            pieces.append(f"</{tag}>" * draw(st.integers(1, 3)))
        else:
            word = draw(st.sampled_from([w for w in WORDS if not re.search(r"[<&]", w)]))
            pieces.append(word)
            words.append(word)
    return "".join(pieces), "".join(words)


@fuzz(1000)
@given(shown_markup())
def test_no_text_is_lost_to_nesting_or_unclosed_tags(case: tuple[str, str]) -> None:
    source, words = case
    page = extract_html(source)
    assert re.sub(r"\s", "", page.mapped.text) == re.sub(r"\s", "", words)
    assert page.left_out == 0
