"""A document's text as a reader should see it: markup left in plain-text and markdown sources
(headings' #, quote marks, wiki brackets and tags such as <ref>) is masked for display.

The masked text keeps the original's length, character for character (markup becomes U+200B,
a zero-width space), so every stored offset — sentences, predicates, actors — still points at
the same place in it."""

from __future__ import annotations

import re

HIDDEN = "\u200b"
_MARKUP = re.compile(
    r"^[ \t]*#{1,6}[ \t]*"  # markdown heading marks
    r"|^[ \t]*>[ \t]?"  # quote marks
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>"  # tags: <ref name="a">, </ref>, <br />
    r"|\[\[|\]\]|\{\{|\}\}"  # wiki links and templates
    r"|'{2,3}",  # wiki emphasis
    re.MULTILINE,
)
_MASKED_FORMATS = frozenset({"txt", "md"})


def display_text(text: str, fmt: str) -> str:
    """The text with its markup masked (same length); HTML sources are shown as stored."""
    if fmt not in _MASKED_FORMATS:
        return text
    return _MARKUP.sub(lambda m: HIDDEN * len(m.group(0)), text)
