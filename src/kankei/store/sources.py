"""Which files are stored unchanged, known from their size and mtime without reading them."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from kankei.store.db import Store

# A file modified within this long before it was recorded may be modified again within the
# same mtime tick without its mtime changing (git calls such entries "racily clean"): such a
# file is read and hashed again rather than trusted.
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class SourceKey:
    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> SourceKey | None:
        try:
            st = os.stat(path)
        except OSError:
            return None  # reading it will report the problem
        return cls(str(path), st.st_size, st.st_mtime_ns)


def stored_unchanged(store: Store, key: SourceKey, coded_with: str | None = None) -> bool:
    """Whether the file at key.path was stored, with this size and mtime, and its document is
    still in the store (coded with this stamp, when one is given)."""
    row = store.con.execute(
        "SELECT size, mtime_ns, recorded_ns, doc_id FROM sources WHERE path = ?", [key.path]
    ).fetchone()
    if row is None:
        return False
    size, mtime_ns, recorded_ns, doc_id = row
    if size != key.size or mtime_ns != key.mtime_ns or recorded_ns - mtime_ns <= _RACY_NS:
        return False
    return store.has_document(doc_id, coded_with)


class SourceLog:
    """Size and mtime of the files whose documents were stored, written a batch at a time:
    one transaction for many files instead of one each. A run stopped before a flush reads
    those files again next time and finds their documents stored by their content hash."""

    def __init__(self, store: Store, batch: int = 256) -> None:
        self.store = store
        self.batch = batch
        self.rows: list[list[object]] = []

    def record(self, key: SourceKey, doc_id: str) -> None:
        self.rows.append([key.path, key.size, key.mtime_ns, time.time_ns(), doc_id])
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        con = self.store.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)", self.rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self.rows = []
