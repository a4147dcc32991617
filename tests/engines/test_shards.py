import os

import pyarrow.parquet as pq
import pytest

from kankei.engines import ingest
from kankei.engines.shards import coded_row, failed_row, load_shards, to_table
from kankei.pipeline import IngestReport
from kankei.settings import Settings
from kankei.store import Store

TEXTS = {
    "a.txt": "1933年11月、米国はソ連を承認した。1941年6月、ドイツがソ連に侵攻した。\n",
    "b.txt": "1979年12月、ソ連はアフガニスタンに侵攻した。\n",
}


@pytest.mark.slow
def test_shards_load_into_the_store_as_the_local_engine_writes(pipeline, write, tmp_path):
    paths = [write(f"in/{name}", text) for name, text in TEXTS.items()]
    gone = tmp_path / "in" / "gone.txt"  # found, then never coded: reported, not lost
    broken = tmp_path / "in" / "broken.txt"
    rows = [failed_row(os.path.abspath(broken), f"{broken}: broken")]
    for path in reversed(paths):
        doc = pipeline.read(path)
        rows.append(coded_row(os.path.abspath(path), doc, pipeline.code(doc)))
    (tmp_path / "shards").mkdir()
    shards = [tmp_path / "shards" / "part-0.parquet", tmp_path / "shards" / "part-1.parquet"]
    pq.write_table(to_table(rows[:2]), shards[0])
    pq.write_table(to_table(rows[2:]), shards[1])

    order = [*paths, broken, gone]
    files = {os.path.abspath(p): (i, str(p), None) for i, p in enumerate(order)}
    report = IngestReport()
    seen: list[tuple[str, str]] = []
    with Store(tmp_path / "shards.duckdb") as store:
        load_shards(store, shards, files, report, lambda p, s: seen.append((p, s)))
    # each shard in the files' order; the file no shard holds at the end
    assert seen == [
        (str(paths[1]), "stored"),
        (str(broken), "failed"),
        (str(paths[0]), "stored"),
        (str(gone), "failed"),
    ]

    ingest(paths, Settings(db=tmp_path / "local.duckdb"))
    out = []
    for db in ("shards.duckdb", "local.duckdb"):
        with Store(tmp_path / db, read_only=True) as store:
            out.append(
                (
                    store.export_rows(),
                    store.con.execute("SELECT * FROM sentences ORDER BY ALL").fetchall(),
                )
            )
    assert out[0][0] and out[0] == out[1]
