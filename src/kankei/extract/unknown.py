"""Names that look like persons or organisations but that no dictionary entry coded: the list
from which a user grows the actor dictionary (`kankei actors --unknown`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kankei.extract.actors import RawMention
from kankei.extract.numerals import ERAS
from kankei.model import ParsedSentence

_PROPER = "名詞-固有名詞"
_JOINERS = {"・", "=", "＝"}
_FULL_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fcA-Z.]+)+")


def _kind(tag: str) -> str:
    if "人名" in tag:
        return "person"
    if "組織" in tag:
        return "organisation"
    if "地名" in tag:
        return "place"
    return "name"


def unknown_names(
    text: str,
    parsed: ParsedSentence | None,
    named: Sequence[RawMention],
    is_media: Callable[[str], bool] = lambda name: False,
) -> list[tuple[str, str]]:
    """(name, kind) for proper nouns outside every coded mention. With a parse, Sudachi's
    proper-noun tags mark them; without one, full foreign names written with ・. News media
    (`is_media`) are sources, not actors to code, and are left out."""
    covered = [(m.start, m.end) for m in named]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in covered)

    out: list[tuple[str, str]] = []
    if parsed is None:
        for m in _FULL_NAME.finditer(text):
            if free(m.start(), m.end()):
                out.append((m.group(), "person"))
        return out
    tokens = parsed.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.tag.startswith(_PROPER):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            tokens[j].tag.startswith(_PROPER)
            or (
                tokens[j].text in _JOINERS
                and j + 1 < len(tokens)
                and tokens[j + 1].tag.startswith(_PROPER)
            )
        ):
            j += 1
        start, end = tok.start, tokens[j - 1].end
        kind = _kind(tok.tag if "人名" not in tokens[j - 1].tag else tokens[j - 1].tag)
        name = text[start:end]
        if (
            free(start, end)
            and kind != "place"
            and len(name) >= 2
            and name not in ERAS
            and not is_media(name)
        ):
            out.append((name, kind))
        i = j
    return out
