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


def stored_unchanged(store: Store, key: SourceKey) -> bool:
    """Whether the file at key.path was stored, with this size and mtime, and its document is
    still in the store."""
    row = store.con.execute(
        """
        SELECT 1 FROM sources s JOIN documents d USING (doc_id)
        WHERE s.path = ? AND s.size = ? AND s.mtime_ns = ? AND s.recorded_ns - s.mtime_ns > ?
        """,
        [key.path, key.size, key.mtime_ns, _RACY_NS],
    ).fetchone()
    return row is not None


def record_source(store: Store, key: SourceKey, doc_id: str) -> None:
    """Remember the file's size and mtime for the document read from it. Written after the
    document's own transaction: a run stopped in between reads the file again next time."""
    store.con.execute(
        "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)",
        [key.path, key.size, key.mtime_ns, time.time_ns(), doc_id],
    )
