from pathlib import Path

import pytest

from kankei.engines import ingest
from kankei.engines.rayengine import check_reachable, ingest_ray
from kankei.settings import Settings
from kankei.store import Store


def tables(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as store:
        con = store.con
        return {
            "events": con.execute("SELECT * FROM events ORDER BY id").fetchall(),
            "documents": con.execute(
                "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id"
            ).fetchall(),
            "sentences": con.execute("SELECT * FROM sentences ORDER BY doc_id, idx").fetchall(),
            "unknown": con.execute("SELECT * FROM unknown_mentions ORDER BY ALL").fetchall(),
        }


@pytest.mark.slow
def test_the_ray_engine_stores_what_the_local_engine_stores(shared, tmp_path):
    import ray

    corpus = shared / "corpus"
    settings = Settings(db=tmp_path / "ray.duckdb", jobs=2)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        report = ingest_ray([corpus], settings, shards=tmp_path / "shards")
    finally:
        ray.shutdown()
    assert len(report.stored) == 3 and report.events > 0 and not report.failed
    shards = list((tmp_path / "shards").glob("run-*/*.parquet"))
    assert shards

    local = ingest([corpus], Settings(db=tmp_path / "local.duckdb"))
    assert local.stored == report.stored and local.events == report.events
    ours, theirs = tables(tmp_path / "ray.duckdb"), tables(tmp_path / "local.duckdb")
    assert ours["events"] and ours == theirs

    # run again: everything is stored unchanged, known without reading or starting Ray
    again = ingest_ray([corpus], settings, shards=tmp_path / "shards")
    assert sorted(again.unchanged) == sorted(report.stored) and not again.stored
    assert not ray.is_initialized()


def test_an_address_nobody_listens_on_fails_at_once(write, tmp_path):
    import socket

    from kankei.errors import EngineError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    doc = write("a.txt", "1933年11月、米国はソ連を承認した。\n")
    with pytest.raises(EngineError, match=f"cannot reach the Ray cluster at 127.0.0.1:{port}"):
        ingest_ray(
            [doc],
            Settings(db=tmp_path / "k.duckdb"),
            address=f"127.0.0.1:{port}",
            shards=tmp_path / "shards",
        )
    assert check_reachable("auto") is None  # left to Ray
