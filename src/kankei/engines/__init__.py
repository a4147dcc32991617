"""Ways to run the pipeline over a corpus: the local engine (one process or a pool) and Ray.
The engine is chosen here, in one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kankei.ingest.documents import not_read
from kankei.pipeline import IngestReport
from kankei.settings import Settings

ENGINES = ("local", "ray")


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    engine: str = "local",
    address: str | None = None,
    shards: Path | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into the store. One bad document is reported and skipped.
    `engine`: local (this machine: one process, or a pool with settings.jobs > 1) or ray (a
    Ray cluster at `address`, or a local Ray instance; Parquet shards in `shards`, by default
    beside the store)."""
    report = _run(paths, settings, engine, address, shards, on_start, on_document)
    # (said, not silently passed over: a folder's files of other types)
    report.not_read = [str(p) for p in not_read(paths)]
    return report


def _run(
    paths: Sequence[Path],
    settings: Settings,
    engine: str,
    address: str | None,
    shards: Path | None,
    on_start: Callable[[int], None] | None,
    on_document: Callable[[str, str], None] | None,
) -> IngestReport:
    if engine == "ray":
        from kankei.engines.rayengine import ingest_ray

        return ingest_ray(
            list(paths),
            settings,
            address=address,
            shards=shards or settings.db.with_name(settings.db.name + ".shards"),
            on_start=on_start,
            on_document=on_document,
        )
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    from kankei.engines.local import ingest_local

    return ingest_local(paths, settings, on_start=on_start, on_document=on_document)
