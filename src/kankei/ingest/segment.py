"""Cleaning and sentence splitting that keep every character's offset in the original.

Input is a `Mapped` text: a string plus, for each character, its position in the decoded
original document (identity for plain text; positions in the HTML source for HTML).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kankei.ingest.boilerplate import Boilerplate
from kankei.model import Block, Sentence

# Footnote and citation markers: [12], [83]:117, [注釈 3], [要出典], [12][13]
_CITATION = re.compile(
    r"\[(?:\d{1,4}|注釈?\s*\d+|注\s*\d+|要出典|要ページ番号|誰\?|いつ\?)\](?::\s?\d+(?:[-–]\d+)?)?"
)
# Interlanguage link markers left behind by Wikipedia mirrors: デビッド・R・フランシス英語版は
_INTERLANG = re.compile(
    r"(?:英|ロシア|ドイツ|フランス|中国|スペイン|イタリア|ポーランド|ウクライナ|ポルトガル|"
    r"オランダ|チェコ|ハンガリー|ルーマニア|フィンランド|スウェーデン|ノルウェー|韓国|朝鮮|"
    r"アラビア|ペルシア|ヘブライ|トルコ|ギリシャ|セルビア|ベラルーシ|エストニア|ラトビア|"
    r"リトアニア|ブルガリア|デンマーク|ベトナム)語版"
)
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?)\b", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[・•●○■□◆◇▪▶►\-\*\+]|\d{1,3}[.)]|（\d{1,3}）)\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^(?:>\s*)+")
_ONLY_DATE = re.compile(r"[0-9０-９]{3,4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?")
_OPEN = "「『（(【〈《〔［"
_CLOSE = "」』）)】〉》〕］"
_PAIRS = dict(zip(_CLOSE, _OPEN, strict=True))
_ENDERS = "。！？!?"
_FINAL_KANA = set("たるだすいうんぬよねか")
_JP = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")
_MAX_SENTENCE = 500  # characters; longer runs are cut at a comma (parse cost grows with length)


@dataclass(frozen=True)
class Mapped:
    text: str
    offsets: Sequence[int]

    def slice(self, start: int, end: int) -> Mapped:
        return Mapped(self.text[start:end], self.offsets[start:end])


def compact(offsets: Sequence[int]) -> tuple[int, ...] | range:
    """A sentence's offsets as a range when they run without a gap (the common case: a
    plain-text sentence), else as a tuple. A range costs a few bytes where a tuple of ints
    costs ~36 per character: a 20 MB text's sentences would hold 700 MB of them."""
    if isinstance(offsets, range) and offsets.step == 1:
        return offsets
    if offsets and all(o == offsets[0] + i for i, o in enumerate(offsets)):
        return range(offsets[0], offsets[0] + len(offsets))
    return tuple(offsets)


def identity(text: str) -> Mapped:
    return Mapped(text, range(len(text)))


def japanese_share(text: str) -> float:
    letters = [ch for ch in text if not ch.isspace() and not ch.isdigit()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _JP.match(ch)) / len(letters)


def _lines(m: Mapped) -> Iterator[Mapped]:
    pos = 0
    for line in m.text.split("\n"):
        yield m.slice(pos, pos + len(line))
        pos += len(line) + 1


def _strip(m: Mapped) -> Mapped:
    t = m.text
    left = len(t) - len(t.lstrip())
    right = len(t.rstrip())
    return m.slice(left, right) if right > left else m.slice(0, 0)


def _remove(m: Mapped, pattern: re.Pattern[str]) -> tuple[Mapped, list[int]]:
    """Drop the matches of pattern; return the text and the cleaned positions where they stood."""
    parts: list[str] = []
    offs: list[int] = []
    cuts: list[int] = []
    last = 0
    for hit in pattern.finditer(m.text):
        parts.append(m.text[last : hit.start()])
        offs.extend(m.offsets[last : hit.start()])
        cuts.append(len(offs))
        last = hit.end()
    if not cuts:
        return m, []
    parts.append(m.text[last:])
    offs.extend(m.offsets[last:])
    return Mapped("".join(parts), offs), cuts


def classify(line: str, boiler: Boilerplate) -> str:
    """prose | heading | foreign | furniture | image."""
    if boiler.is_furniture(line) or boiler.is_furniture(_QUOTE.sub("", line)):
        return "furniture"  # (also quoted: > この記事は…から翻訳されています)
    if _IMAGE.search(line) and "。" not in line:
        return "image"
    if japanese_share(line) < 0.3:
        return "foreign"
    if _MD_HEADING.match(line):
        return "heading"
    body = _BULLET.sub("", line)
    if len(body) <= 40 and not any(ch in body for ch in "。！？、") and not body.endswith("」"):
        return "heading"
    return "prose"


def _is_title(stripped: list[Mapped]) -> bool:
    """The first line is a title: a short line, not a sentence (no 。 at its end), set apart by
    a blank line from a text that goes on (a news headline: 日本、新国家を承認)."""
    first = next((n for n, line in enumerate(stripped) if line.text), None)
    if first is None or first + 2 >= len(stripped) or stripped[first + 1].text:
        return False
    text = stripped[first].text
    rest = any(line.text for line in stripped[first + 2 :])
    return rest and len(text) <= 100 and not text.endswith(("。", "．", "！", "？", "」"))


def _source_list_start(lines: list[Mapped], boiler: Boilerplate) -> int:
    """Where the trailing source list starts (len(lines) if there is none): the last lines,
    each a citation or a cited title, with at least one citation among them."""
    start = len(lines)
    related = [n for n, line in enumerate(lines) if boiler.starts_related_articles(line.text)]
    if related:
        start = related[-1]
    while start > 0 and boiler.is_source_line(lines[start - 1].text):
        start -= 1
    cited = any(boiler.cited_date(line.text) for line in lines[start:])
    return start if cited and start > 0 else len(lines)


def blocks_and_sentences(
    doc_id: str,
    m: Mapped,
    boiler: Boilerplate,
    main_lines: set[str] | None = None,
    notes: list[str] | None = None,
) -> tuple[list[Block], list[Sentence]]:
    """Split a mapped text into classified blocks (lines) and the sentences of prose blocks.

    main_lines, when given, holds the whitespace-free lines of the page's main content: prose
    lines outside it are page furniture. notes, when given, receives what a reader should be
    told (a run of text without a sentence end, cut into pieces)."""
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    in_comments = False
    in_back_matter = False
    stripped = [_strip(raw) for raw in _lines(m)]
    parts: dict[int, list[str]] = {}  # a joined line's own lines, by its first offset
    lines = _joined([line for line in stripped], parts)
    sources_from = _source_list_start(lines, boiler)
    titled = _is_title(stripped)
    for n, line in enumerate(lines):
        kind = classify(line.text, boiler)
        if n == 0 and titled and kind == "prose":
            kind = "title"  # a headline names the article's news, it does not tell it again
        elif n >= sources_from:
            kind = "source"  # the article's own source list: dates it, holds no events
        elif boiler.starts_comments(line.text):
            in_comments, kind = True, "furniture"
        elif boiler.ends_narrative(_MD_HEADING.sub("", line.text).strip()):
            # (## 参考文献 as much as 参考文献: notes and bibliographies tell no events)
            in_back_matter, kind = True, "heading"
        elif in_comments:
            kind = "comment"
        elif in_back_matter and kind == "prose":
            kind = "note"
        elif kind == "prose" and main_lines is not None and not _in_main(line, main_lines, parts):
            kind = "furniture"
        parse = kind == "prose"
        start, end = line.offsets[0], line.offsets[-1] + 1
        blocks.append(Block(start=start, end=end, kind=kind, parse=parse))
        if kind == "heading" and not in_back_matter:
            # a section heading or timeline bullet (## 1941年, - 2010年) is not parsed, but the
            # date it states is where the narrative below it stands
            bare = _BULLET.sub("", _MD_HEADING.sub("", line.text)).strip()
            # (a short plain line may be an image caption, 1945年のヤルタ会談: only a marked
            # heading or bullet, or a line that is nothing but a date, sets the year)
            marked = _MD_HEADING.match(line.text) or _BULLET.match(line.text)
            # (an undated marked heading is kept too: it ends the section a dated one began)
            if marked or _ONLY_DATE.fullmatch(bare):
                sentences.append(
                    Sentence(
                        doc_id=doc_id,
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=line.text,
                        offsets=compact(line.offsets),
                        parse=False,
                        block=len(blocks) - 1,
                    )
                )
            continue
        if not parse:
            continue
        for sent in split_sentences(line, notes):
            sentences.append(
                Sentence(
                    doc_id=doc_id,
                    index=len(sentences),
                    start=sent.offsets[0],
                    end=sent.offsets[-1] + 1,
                    text=sent.text,
                    offsets=compact(sent.offsets),
                    parse=japanese_share(sent.text) >= 0.3,
                    block=len(blocks) - 1,
                )
            )
    return blocks, sentences


def _in_main(line: Mapped, main_lines: set[str], parts: dict[int, list[str]]) -> bool:
    """Whether the line (or each line a wrapped one was joined from) is main content."""
    for text in parts.get(line.offsets[0], [line.text]):
        key = re.sub(r"\s+", "", text)
        if key not in main_lines and not any(key in main for main in main_lines):
            return False
    return True


# a line that opens a structure of its own, never the rest of the line before it
_STRUCTURE = re.compile(r"^(?:#{1,6}\s|>|\||[・•●○■□◆◇▪▶►]|[-*+]\s|\d{1,3}[.)]\s|（\d{1,3}）)")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_GOES_ON = re.compile(r"^[\u3041-\u309f\u30fc、，）」』]")  # a particle, an ending, a comma


def _joined(stripped: list[Mapped], parts: dict[int, list[str]]) -> list[Mapped]:
    """The non-blank lines, with a line that goes on the sentence of the line before it (a
    hard-wrapped text, a soft wrap in markdown, an HTML <br>) joined to it — offsets kept,
    the line break left out. Blank lines, headings, list items, quotes and table rows stay
    breaks."""
    out: list[Mapped] = []
    after_blank = True
    for line in stripped:
        if not line.text:
            after_blank = True
            continue
        if not after_blank and out and _continues(out[-1], line):
            first = out[-1]
            parts.setdefault(first.offsets[0], [first.text]).append(line.text)
            out[-1] = Mapped(first.text + line.text, [*first.offsets, *line.offsets])
        else:
            out.append(line)
        after_blank = False
    return out


def _continues(prev: Mapped, line: Mapped) -> bool:
    """Whether a line is the rest of the sentence the line before it began."""
    before, text = prev.text, line.text
    if _STRUCTURE.match(text) or _MD_HEADING.match(before) or _ONLY_DATE.fullmatch(before):
        return False
    if japanese_share(before) < 0.3 or japanese_share(text) < 0.3:
        return False
    ended = before.rstrip(_CLOSE)
    if ended != before and (not ended or ended[-1] in _ENDERS):
        return False  # …した。」 ends a sentence
    if before[-1] in _ENDERS:
        return False
    if _GOES_ON.match(text):
        return True  # no sentence starts with a particle or a comma
    # a short line without a comma, ending in a noun, is a heading (概要, 米ソ関係)
    heading = len(before) <= 40 and "、" not in before and not _HIRAGANA.match(before[-1])
    return not heading


def split_sentences(line: Mapped, notes: list[str] | None = None) -> Iterator[Mapped]:
    """Sentences of one prose line, cleaned of markers, with list bullets left out."""
    bullet = _BULLET.match(line.text)
    if bullet:
        line = line.slice(bullet.end(), len(line.text))
    line, _ = _remove(line, _INTERLANG)
    cleaned, cuts = _remove(line, _CITATION)
    text = cleaned.text
    cut_set = set(cuts)
    bounds: list[int] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE and stack and stack[-1] == _PAIRS[ch]:
            stack.pop()
        if not stack:
            if ch in _ENDERS:
                j = i + 1
                while j < len(text) and (text[j] in _ENDERS or text[j] in _CLOSE):
                    j += 1
                bounds.append(j)
                i = j
                continue
            if i + 1 in cut_set and _cut_ends_sentence(text, i + 1):
                bounds.append(i + 1)
        i += 1
    bounds.append(len(text))
    start = 0
    for end in bounds:
        for piece in _cap_length(_strip(cleaned.slice(start, end)), notes):
            if piece.text and not all(ch in _ENDERS + _CLOSE for ch in piece.text):
                yield piece
        start = end


def _cut_ends_sentence(text: str, pos: int) -> bool:
    """A citation marker at pos ends a sentence when it follows a predicate ending and
    what comes next starts a new one (not a particle or punctuation)."""
    if pos >= len(text) or pos == 0:
        return False
    before, after = text[pos - 1], text[pos]
    if before not in _FINAL_KANA and before not in _CLOSE:
        return False
    return not ("\u3040" <= after <= "\u309f" or after in "、。，．・)）」』")


def _cap_length(m: Mapped, notes: list[str] | None = None) -> Iterator[Mapped]:
    if len(m.text) > _MAX_SENTENCE and notes is not None:
        notes.append(
            f"{len(m.text):,} characters without a sentence end from offset {m.offsets[0]}: "
            f"read in pieces of at most {_MAX_SENTENCE:,}"
        )
    while len(m.text) > _MAX_SENTENCE:
        cut = m.text.rfind("、", 0, _MAX_SENTENCE)
        cut = cut + 1 if cut > _MAX_SENTENCE // 2 else _MAX_SENTENCE
        yield m.slice(0, cut)
        m = m.slice(cut, len(m.text))
    yield m
