from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def pipeline():
    from kankei.pipeline import Pipeline
    from kankei.settings import Settings

    return Pipeline(Settings())


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir() or not (SHARED / "gold" / "seed_events.jsonl").is_file():
        pytest.skip("../shared (reference corpus and gold) is not beside the checkout")
    return SHARED


@pytest.fixture()
def write(tmp_path: Path):
    """write('a.txt', text or bytes) -> path inside a fresh folder."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode(encoding))
        else:
            path.write_bytes(content)
        return path

    return _write


# the bench-corpus articles a larger test store holds (name order): enough documents for the
# views to meet what a real store has (codes reached only through anaphors, many dyads,
# undated events), few enough to ingest in seconds
BENCH_ARTICLES = 8


@pytest.fixture(scope="session")
def bench_store(tmp_path_factory, shared: Path) -> Path:
    """A store of the reference corpus and the first bench-corpus articles (skipped without
    ../shared)."""
    from kankei.engines import ingest
    from kankei.settings import Settings

    articles = sorted((shared / "bench-corpus").glob("*.txt"))
    if not articles:
        pytest.skip("../shared/bench-corpus is not beside the checkout")
    db = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    report = ingest([shared / "corpus", *articles[:BENCH_ARTICLES]], Settings(db=db))
    assert report.exit_code == 0, report.failed
    return db
