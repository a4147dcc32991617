"""One settings object, passed down from the CLI. No module globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    db: Path = Path("kankei.duckdb")
    model: str = "ja_ginza"
    batch_size: int = 64
    ner: bool = False  # the extractor does not use GiNZA's NER labels; it costs 2/3 of parse time
    doc_date: str | None = None
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    predicate_files: tuple[Path, ...] = field(default_factory=tuple)
