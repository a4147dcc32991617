"""HTML -> visible text whose every character maps back to its position in the HTML source."""

from __future__ import annotations

import re
from html import unescape
from html.entities import name2codepoint
from html.parser import HTMLParser

from kankei.ingest.segment import Mapped

_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "form",
    "template",
    "svg",
    "button",
    "select",
    "iframe",
    "title",
    "head",
}
_BREAK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "figcaption",
    "hr",
    "table",
    "main",
    "pre",
}
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "pubdate",
    "publishdate",
    "datepublished",
    "dcterms.created",
)


class _Visible(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta_date: str | None = None
        self.time_date: str | None = None

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, raw_len: int | None = None) -> None:
        if self.skip_depth:
            return
        if raw_len is None or raw_len == len(text):
            self.chars.extend(text)
            self.offsets.extend(range(start, start + len(text)))
        else:  # one entity: every produced char maps to the entity's start
            self.chars.extend(text)
            self.offsets.extend([start] * len(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content") and not self.meta_date:
                self.meta_date = a["content"]
        if tag == "time" and a.get("datetime") and not self.time_date:
            self.time_date = a["datetime"]
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BREAK:
            self._emit("\n", self._pos())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BREAK:
            self._emit("\n", self._pos())

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        start = self._pos()
        # the parser may hand over data whose raw form differs (CR/LF): map char by char
        if self.source[start : start + len(data)] == data:
            self._emit(data, start)
        else:
            self._emit(data, start, raw_len=-1)

    def handle_entityref(self, name: str) -> None:
        start = self._pos()
        char = chr(name2codepoint[name]) if name in name2codepoint else f"&{name};"
        if self.in_title:
            self.title_parts.append(char)
        else:
            self._emit(char, start, raw_len=len(name) + 2)

    def handle_charref(self, name: str) -> None:
        start = self._pos()
        char = unescape(f"&#{name};")
        if self.in_title:
            self.title_parts.append(char)
        else:
            self._emit(char, start, raw_len=len(name) + 3)


def visible_text(source: str) -> tuple[Mapped, str | None, str | None]:
    """Return the visible text (mapped to source offsets), the title and a stated date."""
    parser = _Visible(source)
    parser.feed(source)
    parser.close()
    title = "".join(parser.title_parts).strip() or None
    date = parser.meta_date or parser.time_date
    return Mapped("".join(parser.chars), parser.offsets), title, date


def main_text_lines(source: str) -> set[str] | None:
    """Lines trafilatura takes for the main content (whitespace removed), or None."""
    import trafilatura

    extracted = trafilatura.extract(source, include_comments=False, favor_recall=True)
    if not extracted:
        return None
    return {re.sub(r"\s+", "", line) for line in extracted.splitlines() if line.strip()}


def metadata_date(source: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(source)
    return meta.date if meta is not None and meta.date else None
