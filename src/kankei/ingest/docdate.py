"""A document's date from its own evidence when it states none: dated image file names
(2023-08-13 200500.jpg) and dated reader comments (2023年08月15日 14:49)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kankei.ingest.boilerplate import Boilerplate
from kankei.model import Block

_IMAGE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_WRITTEN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})")


def _valid(y: str, m: str, d: str) -> str | None:
    year, month, day = int(y), int(m), int(d)
    if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def evidence_date(
    text: str, blocks: Sequence[Block], boiler: Boilerplate | None = None
) -> tuple[str | None, str | None]:
    """(date, how it was found). A trailing source list gives its latest citation's date (the
    article is not older than its sources). Otherwise the date keeps only the precision all
    evidence agrees on: an image of 2023-08-13 and a comment of 2023-08-15 fix 2023-08."""
    if boiler is not None:
        cited = [boiler.cited_date(text[b.start : b.end]) for b in blocks if b.kind == "source"]
        dated = [c for c in cited if c]
        if dated:
            return max(dated), "evidence:sources"
    found: list[str] = []
    kinds: list[str] = []
    for block in blocks:
        line = text[block.start : block.end]
        if block.kind == "image":
            hits = [_valid(*m.groups()) for m in _IMAGE_DATE.finditer(line)]
        elif block.kind == "comment":
            hits = [
                _valid(*(g for g in m.groups() if g is not None))
                for m in _WRITTEN_DATE.finditer(line)
            ]
        else:
            continue
        dates = [h for h in hits if h]
        if dates:
            found.extend(dates)
            kinds.append(block.kind)
    if not found:
        return None, None
    shared = found[0]
    for date in found[1:]:
        while shared and not date.startswith(shared):
            shared = shared[:-3] if len(shared) > 4 else ""
    how = "evidence:" + ",".join(sorted(set(kinds)))
    return (shared or None), how
