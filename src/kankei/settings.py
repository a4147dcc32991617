"""One settings object, passed down from the CLI. No module globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    db: Path = Path("kankei.duckdb")
    model: str = "ja_ginza"
    batch_size: int = 64
    # and at most this many characters a batch (the parser's memory grows with them)
    batch_chars: int = 6_000
    ner: bool = False  # the extractor does not use GiNZA's NER labels; it costs 2/3 of parse time
    # the fast path: parse only sentences with an actor and a predicate candidate, with numpy's
    # BLAS for the matrix products. Off, every sentence is parsed as GiNZA would.
    fast: bool = True
    jobs: int = 1  # worker processes that parse; the parent alone writes to the store
    # characters read and parsed as one stream: fuller parser batches vs. memory, and with
    # jobs > 1 the share of work handed to a worker at a time
    chunk_chars: int = 30_000
    # a document of more sentences is parsed and coded in pieces of this many (flat memory)
    piece_sentences: int = 5_000
    doc_date: str | None = None
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    predicate_files: tuple[Path, ...] = field(default_factory=tuple)
    # ids of extraction rules switched off (kankei.extract.order lists them)
    disabled_rules: frozenset[str] = frozenset()
    # the trained argument chooser (extract/chooser.py): off by default, since on the test
    # files it did not beat the rules alone (docs/argument-chooser.md)
    argument_model: bool = False
