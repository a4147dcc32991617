"""The date resolution table (tests/data/date_cases.yaml): expression, preceding context and
document date -> the expected value, written by the team from the coding guidelines."""

from pathlib import Path

import pytest
import yaml

from kankei.extract.dates import Anchor, find_dates

TABLE = Path(__file__).resolve().parents[1] / "data" / "date_cases.yaml"
CASES = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["cases"]


def test_the_table_is_large_enough():
    assert len(CASES) >= 100
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_date_case(case):
    anchor = Anchor.from_doc_date(case.get("doc_date"))
    for sentence in case.get("context") or []:
        _, anchor = find_dates(sentence, anchor)
    dates, _ = find_dates(case["text"], anchor)
    first = dates[0] if dates else None
    assert (first.value if first else None) == case["expect"], case["text"]
    if case.get("range"):
        assert first is not None
        assert [first.range_start, first.range_end] == case["range"]
