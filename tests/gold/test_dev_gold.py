"""The development gold in eval/gold: its split is the recorded draw, every file rebuilds in
the full schema and passes the shared validator, and the sizes the gold issue asks for hold.
Only formats and counts are checked here; no test reads what a test file codes."""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"
SPLITS = ("news-dev", "news-test", "wiki-dev", "wiki-test")


def load(relative: str):
    spec = importlib.util.spec_from_file_location(Path(relative).stem, ROOT / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def split():
    return json.loads((GOLD / "split.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rebuilt(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("gold")
    counts = load("eval/materialize.py").materialize(out, shared)
    return out, counts


def test_the_split_is_the_recorded_draw(shared, split):
    assert load("eval/gold/split.py").draw(shared) == split


def test_split_md_lists_every_document_of_the_split(split):
    text = (GOLD / "SPLIT.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)[1:]
    listed = {s.split(" ")[0].rstrip(":"): re.findall(r"`([^`]+\.txt)`", s) for s in sections}
    for name in SPLITS:
        assert listed[name] == split[name]


def test_splits_are_disjoint_and_the_double_sets_inside_them(split):
    news = set(split["news-dev"]) | set(split["news-test"])
    wiki = set(split["wiki-dev"]) | set(split["wiki-test"])
    assert not set(split["news-dev"]) & set(split["news-test"])
    assert not set(split["wiki-dev"]) & set(split["wiki-test"])
    assert set(split["news-double"]) <= news and set(split["wiki-double"]) <= wiki
    assert len(split["news-double"]) >= len(news) / 4
    assert len(split["wiki-double"]) >= len(wiki) / 4


@pytest.mark.parametrize("name", SPLITS)
def test_each_rebuilt_file_passes_the_shared_validator(rebuilt, shared, name):
    out, _ = rebuilt
    corpus = shared / ("news-corpus" if name.startswith("news") else "bench-corpus")
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "gold" / "validate_gold.py"),
            str(out / f"{name}.jsonl"),
            str(corpus),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_sizes_the_gold_issue_asks_for(rebuilt, split):
    _, counts = rebuilt
    assert sum(counts.values()) >= 1200
    assert counts["news-test"] >= 120 and counts["wiki-test"] >= 300
    assert sum(len(split[name]) for name in SPLITS) >= 160
    assert len(split["news-dev"]) + len(split["news-test"]) >= 150


def test_the_passes_cover_only_the_documents_annotated_twice(split):
    double = set(split["news-double"]) | set(split["wiki-double"])
    for label in "ab":
        lines = (GOLD / "passes" / f"{label}.jsonl").read_text(encoding="utf-8").splitlines()
        assert {json.loads(x)["doc"] for x in lines if x.strip()} <= double
