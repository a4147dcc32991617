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
