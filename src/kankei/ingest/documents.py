"""Finding input files and reading each into a Document."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from kankei.errors import EmptyDocument, IngestError, UnsupportedFormat
from kankei.ingest.boilerplate import Boilerplate, load_boilerplate
from kankei.ingest.decode import decode_text
from kankei.ingest.docdate import evidence_date
from kankei.ingest.html import extract_html, main_text_lines, metadata_date
from kankei.ingest.segment import Mapped, blocks_and_sentences, identity
from kankei.model import Block, Document

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_ISO_DATE = re.compile(r"(\d{4})(?:[-/.年](\d{1,2}))?(?:[-/.月](\d{1,2}))?")


def not_read(paths: Iterable[Path]) -> list[Path]:
    """The files under the given folders that discover leaves out for their type (hidden
    files and folders are not counted)."""
    return [
        child
        for path in paths
        if path.is_dir()
        for child in _folder_files(path)
        if child.suffix.lower() not in FORMATS
    ]


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Supported files under the given paths, in a stable order. Files named explicitly are
    yielded whatever their type, so that reading them reports the problem."""
    for path in paths:
        if path.is_dir():
            yield from (c for c in _folder_files(path) if c.suffix.lower() in FORMATS)
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path]:
    """The files under a folder, in name order, leaving out hidden files and folders."""
    for child in sorted(folder.rglob("*")):
        if child.is_file() and not any(p.startswith(".") for p in child.relative_to(folder).parts):
            yield child


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(raw: str | None) -> str | None:
    """'2023-08-13T20:05:00+09:00', '2023/8/13', '2023年8月' -> ISO at the stated precision."""
    if not raw:
        return None
    m = _ISO_DATE.search(raw)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not month:
        return year
    if not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def read_document(
    path: Path, *, doc_date: str | None = None, boiler: Boilerplate | None = None
) -> Document:
    """Read, decode, clean and split one file. Raises an IngestError naming the file."""
    if path.suffix.lower() not in FORMATS:
        raise UnsupportedFormat(f"suffix {path.suffix or '(none)'!r}", path=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(exc.strerror or str(exc), path=str(path)) from exc
    return document_from_bytes(data, path, doc_date=doc_date, boiler=boiler)


def document_from_bytes(
    data: bytes, path: Path, *, doc_date: str | None = None, boiler: Boilerplate | None = None
) -> Document:
    """Decode, clean and split the bytes of the file at path (read elsewhere, e.g. by Ray)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(f"suffix {path.suffix or '(none)'!r}", path=str(path))
    decoded = decode_text(data, path=str(path))
    text, encoding = decoded.text, decoded.encoding
    boiler = boiler or load_boilerplate()
    doc_id = doc_id_for(text)
    title: str | None = None
    stated_date: str | None = None
    date_source: str | None = None
    mapped: Mapped = identity(text)
    # what the reader is told about how the text was read (bytes replaced, text left out)
    notes: list[str] = list(decoded.warnings)
    if fmt == "html":
        page = extract_html(text)
        mapped, title, notes = page.mapped, page.title, [*notes, *page.warnings]
        stated_date = normalise_date(page.date) or normalise_date(metadata_date(text))
        date_source = "html-metadata" if stated_date else None
        blocks, sentences = blocks_and_sentences(
            doc_id, mapped, boiler, main_text_lines(text, page), notes
        )
    else:
        # (a blog exported as plain text keeps its front matter too)
        front = _FRONT_MATTER.match(text) if fmt in ("md", "txt") else None
        if front:
            meta = _front_matter(front.group(1))
            title = meta.get("title")
            stated_date = normalise_date(meta.get("date"))
            date_source = "front-matter" if stated_date else None
            mapped = mapped.slice(front.end(), len(text))
        blocks, sentences = blocks_and_sentences(doc_id, mapped, boiler, None, notes)
    if not blocks:
        raise EmptyDocument("nothing but whitespace and markup", path=str(path))
    if title is None:
        title = _own_title(text, blocks) or path.stem.replace("_", " ")
    if doc_date:
        stated_date, date_source = normalise_date(doc_date), "option"
    elif stated_date is None:
        stated_date, date_source = evidence_date(text, blocks, boiler)
    return Document(
        doc_id=doc_id,
        path=str(path),
        name=path.name,
        fmt=fmt,
        encoding=encoding,
        text=text,
        title=title,
        doc_date=stated_date,
        doc_date_source=date_source,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        notes=tuple(notes),
    )


_TITLE_MARKS = re.compile(r"^(?:#{1,6}\s*|>\s*)+")


def _own_title(text: str, blocks: Sequence[Block]) -> str | None:
    """The document's own title: its first line, when that is a heading, a headline or a
    short line that is no sentence (U.S.-Soviet Alliance, 1941–1945) — not page furniture (a
    translation banner), not a section heading further down, not the first sentence."""
    first = next((b for b in blocks if b.kind not in ("furniture", "image")), None)
    if first is None:
        return None
    raw = text[first.start : first.end].strip()
    line = _TITLE_MARKS.sub("", raw).strip()
    if first.kind == "title" or (first.kind == "heading" and raw.startswith("#")):
        return line[:200] or None
    # (an image caption or a table fragment that opens a text is no title: 地図。…]], (WT) …)
    titled = (
        2 <= len(line) <= 100
        and not line.endswith(("。", "．", "."))
        and "。" not in line
        and not any(mark in line for mark in ("[[", "]]", "{{", "}}"))
        and not line.startswith(("(", "（", "[", "「"))
    )
    return line if first.kind in ("heading", "prose", "foreign") and titled else None


def _front_matter(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in body.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip().strip("'\"")
    return out
