"""The Ray engine: the same pipeline on Ray Data, on this machine or a cluster.

The files are read as a dataset (read_binary_files); an actor pool codes them, each actor
loading the Pipeline once (map_batches with a callable class); each block of coded documents
that comes back is written here as a Parquet shard and loaded into DuckDB through the local
engine's per-document transaction while the cluster codes the next ones, in the order the
files were found. On a cluster the input files must be readable at the same paths from every
node (a shared file system); the shards and the store stay on this machine.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import socket
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kankei.engines.shards import coded_row, failed_row, load_shards, to_table
from kankei.errors import EngineError, IngestError
from kankei.ingest import discover
from kankei.model import Document
from kankei.pipeline import IngestReport, Pipeline
from kankei.settings import Settings
from kankei.stamp import coding_stamp
from kankei.store import Store
from kankei.store.sources import SourceKey, stored_unchanged

Notify = Callable[[str, str], None]

# documents per call of an actor: one parser stream across them (see engines.local)
BATCH_DOCS = 16


class CodeDocuments:
    """A Ray Data actor: loads the pipeline once, codes batches of files into shard rows."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)

    def __call__(self, batch: dict[str, Any]) -> Any:
        from kankei.engines.local import code_chunk

        rows: list[dict[str, Any]] = []
        docs: list[tuple[str, Document]] = []
        for data, source in zip(batch["bytes"], batch["path"], strict=True):
            try:
                docs.append((source, self.pipeline.reader.from_bytes(bytes(data), Path(source))))
            except IngestError as exc:
                rows.append(failed_row(source, exc.message))
            except Exception as exc:  # one document must not stop the others
                rows.append(failed_row(source, f"{source}: could not be read ({exc})"))
        outcomes = code_chunk(self.pipeline, [doc for _, doc in docs]) if docs else []
        for (source, doc), outcome in zip(docs, outcomes, strict=True):
            if isinstance(outcome, str):
                rows.append(failed_row(source, outcome))
            else:
                rows.append(coded_row(source, doc, outcome))
        return to_table(rows)


_HOST_PORT = re.compile(r"(?:ray://)?\[?([^\]/]+?)\]?:(\d+)")


def check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail at once on a HOST:PORT nobody listens on, instead of after Ray's own
    connection time-out (minutes). Other forms (auto, local) are left to Ray."""
    m = _HOST_PORT.fullmatch(address.strip())
    if m is None:
        return
    try:
        with socket.create_connection((m.group(1), int(m.group(2))), timeout=timeout):
            pass
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {exc}") from exc


def ingest_ray(
    paths: Sequence[Path],
    settings: Settings,
    *,
    address: str | None = None,
    shards: Path,
    on_start: Callable[[int], None] | None = None,
    on_document: Notify | None = None,
) -> IngestReport:
    """Ingest with Ray: join the cluster at `address`, or start Ray here (settings.jobs CPUs),
    or use the Ray this process already started. `settings.jobs` actors parse."""
    try:
        import ray
    except ImportError as exc:
        raise EngineError("Ray is not installed: pip install 'kankei[ray]'") from exc

    notify: Notify = on_document or (lambda path, status: None)
    report = IngestReport()
    # path as read (absolute) -> (order found, path as given, size and mtime)
    files: dict[str, tuple[int, str, SourceKey | None]] = {}
    stamp = coding_stamp(settings)
    with Store(settings.db) as store:
        for order, path in enumerate(discover(paths)):
            key = SourceKey.of(path)
            if key is not None and stored_unchanged(store, key, stamp):
                report.unchanged.append(str(path))
                continue
            files[os.path.abspath(path)] = (order, str(path), key)
        if on_start:
            on_start(len(files) + len(report.unchanged))
        for skipped in report.unchanged:
            notify(skipped, "unchanged")
        if not files:
            return report

        started_here = not ray.is_initialized()
        if started_here and address:
            check_reachable(address)
        folder = shards / dt.datetime.now().strftime("run-%Y%m%dT%H%M%S%f")
        try:
            if started_here:
                ray.init(
                    address=address,
                    num_cpus=None if address else settings.jobs,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
            load_shards(
                store,
                _coded_shards(list(files), settings, folder),
                files,
                report,
                notify,
                stamp,
            )
        except (ConnectionError, ray.exceptions.RayError) as exc:
            raise EngineError(str(exc).strip().splitlines()[0] if str(exc).strip() else "") from exc
        finally:
            if started_here and ray.is_initialized():
                ray.shutdown()
    return report


def _coded_shards(files: list[str], settings: Settings, folder: Path) -> Iterator[Path]:
    """Code the files on Ray; write each block of coded documents that comes back as a
    Parquet shard and yield it, so that loading it overlaps the coding of the next ones."""
    import pyarrow.parquet as pq
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the CLI has its own
    context.execution_options.preserve_order = True  # blocks come back in the files' order
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    # reading is light: a fraction of a CPU, so that the actors can take the rest
    dataset = ray.data.read_binary_files(files, include_paths=True, num_cpus=0.1)
    coded = dataset.map_batches(
        CodeDocuments,
        fn_constructor_kwargs={"settings": settings},
        batch_size=BATCH_DOCS,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=settings.jobs),
        num_cpus=0.9,
    )
    folder.mkdir(parents=True, exist_ok=True)
    for n, table in enumerate(coded.iter_batches(batch_size=None, batch_format="pyarrow")):
        shard = folder / f"part-{n:06d}.parquet"
        pq.write_table(table, shard)
        yield shard
