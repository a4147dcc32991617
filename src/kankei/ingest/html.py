"""HTML -> visible text whose every character maps back to its position in the HTML source.

The page is read as a browser reads it, in one pass and without a depth limit: a stack of
open elements, closed by their own end tag, by an ancestor's end tag or by a start tag that
ends them (<p> ends an open <p>). Page furniture (nav, header, footer, aside, script, …) is
left out only when its own end tag says where it ends; an element that is never closed
keeps its text, since where it was meant to end is unknown and a browser shows it. Every
character of text left out is counted, and prose left out, unclosed furniture and nesting
too deep for the main-content finder are told in warnings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

from kankei.ingest.segment import Mapped

# left out when closed by their own end tag (<form> and <button> are not: a browser shows
# their text, and some sites wrap a whole page in one <form>)
_SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "select",
        "iframe",
        "title",
        "head",
    }
)
# furniture whose text a reader would see: prose left out of it is worth a warning
_SHOWN_FURNITURE = frozenset({"nav", "header", "footer", "aside", "noscript", "select"})
_BREAK = frozenset(
    {
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
        "form",
        "button",
        "nav",
        "header",
        "footer",
        "aside",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# elements whose end tag HTML lets a page leave out: closing them implicitly is no error
_OPTIONAL_END = frozenset(
    {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "head", "body", "html"}
    | {"tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc"}
)
# start tags that end an open <p> (the HTML parsing algorithm's list, abridged)
_ENDS_P = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir"}
    | {"div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup"}
    | {"hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd"}
    | {"dt", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "listing", "xmp"}
)
_P = frozenset({"p"})
_IN_HEAD = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
# other start tags that end an open element of their own kind
_ENDS: dict[str, frozenset[str]] = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
    "button": frozenset({"button"}),
    "body": frozenset({"head"}),
}
# a start tag does not end an element outside these (an <li> of an outer list, a <p> around
# a table); the search is also cut after _SCOPE_REACH elements so that it costs O(1)
_SCOPE = frozenset({"html", "body", "table", "td", "th", "caption", "template", "button"})
_LIST_SCOPE = _SCOPE | {"ul", "ol", "dl", "select"}
_SCOPE_REACH = 64
# lxml (under trafilatura) stops building the tree at 255 levels and drops the rest of the
# page: nesting deeper than this is flattened in the copy the main-content finder reads
MAX_TRAFILATURA_DEPTH = 200
_PROSE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
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


@dataclass(frozen=True)
class HtmlText:
    """What visible_text gives, and what was left out of it."""

    mapped: Mapped
    title: str | None
    date: str | None
    left_out: int  # characters of text inside furniture closed by its own end tag
    warnings: tuple[str, ...]
    # the page re-written with every element closed and nesting flattened below
    # MAX_TRAFILATURA_DEPTH, when the page itself would lose text in lxml; else None
    normalized: str | None


@dataclass
class _Open:
    tag: str
    pos: int  # offset of the start tag in the source
    mark: int  # length of the visible text when it opened
    ink: int  # characters other than whitespace in the visible text when it opened
    piece: int  # index of its start tag in the normalized copy
    shown: bool  # written to the normalized copy (not flattened away)


def _ink(text: str) -> int:
    """Characters other than whitespace."""
    return len("".join(text.split()))


def _tally(counts: dict[str, list[int]], tag: str, chars: int, pos: int) -> None:
    entry = counts.setdefault(tag, [0, 0, pos])
    entry[0] += 1
    entry[1] += chars
    entry[2] = min(entry[2], pos)


class _Visible(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.stack: list[_Open] = []
        self.open_count: Counter[str] = Counter()
        self.title: str | None = None
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.left_out = 0
        self.ink = 0  # characters other than whitespace in chars
        # per tag: [elements, characters, first offset] of prose left out, of unclosed
        # furniture kept (told once per tag: a page may leave thousands unclosed)
        self.prose_left_out: dict[str, list[int]] = {}
        self.kept_unclosed: dict[str, list[int]] = {}
        self.pieces: list[str] = []  # the normalized copy of the page
        self.max_depth = 0
        self.last_end_tag: dict[str, int] = {}  # where the last </script>, </style> stand
        self.unclosed = 0  # elements without an optional end tag that were never closed

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, mapped_one_to_one: bool = True) -> None:
        self.chars.extend(text)
        self.ink += _ink(text)
        if mapped_one_to_one:
            self.offsets.extend(range(start, start + len(text)))
        else:  # an entity: every character it stands for maps to its '&'
            self.offsets.extend([start] * len(text))

    def _break(self, pos: int) -> None:
        self._emit("\n", pos)

    # --- the stack of open elements ---------------------------------------------------

    def _push(self, tag: str, pos: int) -> None:
        shown = len(self.stack) < MAX_TRAFILATURA_DEPTH
        if shown:
            self.pieces.append(self.get_starttag_text() or f"<{tag}>")
        else:  # flattened: a block still breaks the line it is in
            self.pieces.append("<p>" if tag in _BREAK else "")
        node = _Open(tag, pos, len(self.chars), self.ink, len(self.pieces) - 1, shown)
        self.stack.append(node)
        self.open_count[tag] += 1
        self.max_depth = max(self.max_depth, len(self.stack))

    def _pop(self, *, own_end_tag: bool) -> None:
        node = self.stack.pop()
        self.open_count[node.tag] -= 1
        if node.shown:
            self.pieces.append(f"</{node.tag}>")
        else:
            self.pieces.append("<p>" if node.tag in _BREAK else "")
        if not own_end_tag and node.tag not in _OPTIONAL_END:
            self.unclosed += 1
        if node.tag not in _SKIP:
            return
        if own_end_tag:
            self._leave_out(node)
        else:
            self._keep_unclosed(node)

    def _leave_out(self, node: _Open) -> None:
        """Furniture closed by its own end tag: its text is left out (a title is kept)."""
        text = "".join(self.chars[node.mark :])
        if node.tag == "title" and self.title is None:
            self.title = text.strip() or None
        del self.chars[node.mark :]
        del self.offsets[node.mark :]
        shown = _ink(text)
        self.ink -= shown
        if node.tag == "title":
            return
        self.left_out += shown
        if node.tag in _SHOWN_FURNITURE and "。" in text and len(_PROSE.findall(text)) >= 40:
            _tally(self.prose_left_out, node.tag, shown, node.pos)

    def _keep_unclosed(self, node: _Open) -> None:
        """Furniture never closed: a browser shows what follows it, so its text is kept,
        and the copy trafilatura reads no longer calls it furniture."""
        if node.shown:
            self.pieces[node.piece] = "<div>"
            self.pieces[-1] = "</div>"
        if node.tag != "head" and self.ink > node.ink:
            _tally(self.kept_unclosed, node.tag, self.ink - node.ink, node.pos)

    def warnings(self) -> list[str]:
        out = [
            f"left out {chars} characters of prose inside {n} <{tag}> (page furniture;"
            f" the first at offset {first})"
            for tag, (n, chars, first) in self.prose_left_out.items()
        ]
        out += [
            f"{n} <{tag}> never closed (the first at offset {first}): their text is kept"
            for tag, (n, _, first) in self.kept_unclosed.items()
        ]
        return out

    def _close_until(self, targets: frozenset[str], scope: frozenset[str]) -> None:
        """End the nearest open element in targets, if no scope boundary lies between."""
        if not any(self.open_count[t] for t in targets):
            return
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _SCOPE_REACH), -1):
            tag = self.stack[depth].tag
            if tag in targets:
                while len(self.stack) > depth:
                    self._pop(own_end_tag=False)
                return
            if tag in scope:
                return

    # --- HTMLParser callbacks ---------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._metadata(tag, attrs)
        pos = self._pos()
        if self.stack and self.stack[-1].tag == "head" and tag not in _IN_HEAD:
            self._pop(own_end_tag=False)  # page content ends an unclosed <head>
        if tag in _ENDS_P:
            self._close_until(_P, _SCOPE)
        if tag in _ENDS:
            scope = _LIST_SCOPE if tag in ("li", "dt", "dd") else _SCOPE
            self._close_until(_ENDS[tag], scope)
        if tag in _BREAK:
            self._break(pos)
        if tag in _VOID:
            self.pieces.append(self.get_starttag_text() or "")
            return
        self._push(tag, pos)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <div/> is taken as an empty element (XHTML), not as an open one
        self._metadata(tag, attrs)
        if tag in _BREAK:
            self._break(self._pos())
        self.pieces.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        pos = self._pos()
        if self.open_count[tag]:
            while self.stack:
                own = self.stack[-1].tag == tag
                self._pop(own_end_tag=own)
                if own:
                    break
        if tag in _BREAK:
            self._break(pos)

    def handle_data(self, data: str) -> None:
        self._data(data, self._pos())

    def _data(self, data: str, start: int) -> None:
        self._piece(data)
        if self.source.startswith(data, start):
            self._emit(data, start)
            return
        # (data the parser hands over at the end may not begin where getpos says: find it)
        found = self.source.find(data, start)
        if found < 0:
            found = self.source.rfind(data)
        self._emit(data, max(found, 0))

    def handle_entityref(self, name: str) -> None:
        start = self._pos()
        semicolon = self.source.startswith(";", start + 1 + len(name))
        char = html5.get(f"{name};") if semicolon else html5.get(name)
        if char is not None:
            self._piece(f"&{name};")
            self._emit(char, start, mapped_one_to_one=False)
        else:  # an unknown name is shown as written
            self._data(f"&{name}{';' if semicolon else ''}", start)

    def handle_charref(self, name: str) -> None:
        start = self._pos()
        self._piece(f"&#{name};")
        self._emit(unescape(f"&#{name};"), start, mapped_one_to_one=False)

    def _piece(self, text: str) -> None:
        # text in the normalized copy is escaped again only where it would read as markup
        self.pieces.append(text.replace("<", "&lt;") if "<" in text else text)

    def set_cdata_mode(self, elem: str, **kwargs: bool) -> None:
        # an unclosed <script> or <style> would make the rest of the page its code: read
        # what follows it as HTML instead
        if elem not in self.last_end_tag:
            ends = re.finditer(rf"</\s*{re.escape(elem)}\s*>", self.source, re.I)
            self.last_end_tag[elem] = max((m.start() for m in ends), default=-1)
        if self.last_end_tag[elem] > self._pos():
            super().set_cdata_mode(elem, **kwargs)

    def handle_decl(self, decl: str) -> None:
        self.pieces.append(f"<!{decl}>")

    def _metadata(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "time"):
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content") and not self.meta_date:
                self.meta_date = a["content"]
        if tag == "time" and a.get("datetime") and not self.time_date:
            self.time_date = a["datetime"]

    def finish(self) -> None:
        """End of the page: what is still open ends here, unclosed."""
        self.close()
        while self.stack:
            self._pop(own_end_tag=False)


# visible_text and main_text_lines are called one after the other on the same page: one
# reading serves both
def extract_html(source: str) -> HtmlText:
    """Read an HTML page: its visible text mapped to source offsets, title, stated date, and
    what was left out of the text (a count and warnings)."""
    parser = _Visible(source)
    parser.feed(source)
    parser.finish()
    deep = parser.max_depth > MAX_TRAFILATURA_DEPTH
    warnings = parser.warnings()
    if deep:
        warnings.append(
            f"elements nested {parser.max_depth} deep: flattened below level"
            f" {MAX_TRAFILATURA_DEPTH} for the main-content finder"
        )
    result = HtmlText(
        mapped=Mapped("".join(parser.chars), parser.offsets),
        title=parser.title,
        date=parser.meta_date or parser.time_date,
        left_out=parser.left_out,
        warnings=tuple(warnings),
        # (lxml nests an unclosed element where the parser closed it: 127 unclosed
        # <font><p> are 254 levels, and lxml drops the rest of the page)
        normalized="".join(parser.pieces) if deep or parser.unclosed else None,
    )
    return result


def visible_text(source: str) -> tuple[Mapped, str | None, str | None]:
    """Return the visible text (mapped to source offsets), the title and a stated date."""
    page = extract_html(source)
    return page.mapped, page.title, page.date


def main_text_lines(source: str, page: HtmlText | None = None) -> set[str] | None:
    """Lines trafilatura takes for the main content (whitespace removed), or None.

    It reads the page as extract_html read it (every element closed, nesting flattened)
    when the page itself would lose text in lxml; `page`: that reading, when the caller has
    it."""
    import trafilatura

    page = page or extract_html(source)
    extracted = trafilatura.extract(
        page.normalized or source, include_comments=False, favor_recall=True
    )
    if not extracted:
        return None
    return {re.sub(r"\s+", "", line) for line in extracted.splitlines() if line.strip()}


def metadata_date(source: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(source)
    return meta.date if meta is not None and meta.date else None
