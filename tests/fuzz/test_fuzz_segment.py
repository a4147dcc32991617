"""Cleaning and splitting: every sentence character maps back to the same original one."""

from __future__ import annotations

from hypothesis import given

from kankei.ingest.boilerplate import load_boilerplate
from kankei.ingest.segment import blocks_and_sentences, identity
from tests.fuzz.strategies import fuzz, japanese_text

BOILER = load_boilerplate()


@fuzz(2500)
@given(japanese_text)
def test_sentences_map_back_to_the_text(text: str) -> None:
    blocks, sentences = blocks_and_sentences("d", identity(text), BOILER)
    for block in blocks:
        assert 0 <= block.start < block.end <= len(text)
    for n, sent in enumerate(sentences):
        assert sent.index == n and sent.text
        assert len(sent.offsets) == len(sent.text)
        assert all(a < b for a, b in zip(sent.offsets, sent.offsets[1:], strict=False))
        assert sent.offsets[0] >= 0 and sent.offsets[-1] < len(text)
        assert (sent.start, sent.end) == (sent.offsets[0], sent.offsets[-1] + 1)
        assert all(text[off] == ch for ch, off in zip(sent.text, sent.offsets, strict=True))
