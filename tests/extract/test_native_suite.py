"""kankei's own validation suite (tests/data/native_suite.yaml): sentences the team wrote,
each testing one coding feature, one test per case. The cases kankei does not pass yet are
listed with what goes wrong in native_suite_known_failures.yaml and marked xfail (strict: a
case that starts passing fails here until it is taken off that list)."""

from pathlib import Path

import pytest
import yaml

from kankei.analysis.suite import load_suite, run_suite
from tests.coding import code

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = load_suite(DATA / "native_suite.yaml")
KNOWN = yaml.safe_load((DATA / "native_suite_known_failures.yaml").read_text(encoding="utf-8"))[
    "known_failures"
]


def test_suite_file_is_well_formed():
    assert len(CASES) >= 200
    assert len({c.id for c in CASES}) == len(CASES)
    roots = {t[2] for c in CASES for t in c.expect}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert set(KNOWN) <= {c.id for c in CASES}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c.id], strict=True))
        if c.id in KNOWN
        else c
        for c in CASES
    ],
    ids=[c.id for c in CASES],
)
def test_case(pipeline, case):
    (outcome,) = run_suite([case], lambda text, doc_date: code(pipeline, text, doc_date))
    assert outcome.passed, f"{case.text} :: {'; '.join(outcome.problems)}"
