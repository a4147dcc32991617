"""bench/train_arguments.py reproduces the shipped argument model from the development gold's
dev files (fixed seed; weights within the solver's rounding)."""

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


def test_training_reproduces_the_shipped_model(shared, capsys, monkeypatch):
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train", ROOT / "bench" / "train_arguments.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # (its dataclasses look their module up by name)
    monkeypatch.setitem(sys.modules, "train", module)
    spec.loader.exec_module(module)
    assert module.main(["--shared", str(shared), "--check"]) == 0
    out = capsys.readouterr().out
    assert "news-dev: 112 documents" in out and "wiki-dev: 8 documents" in out
