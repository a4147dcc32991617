"""One spelling per code: a root named alone (12) is stored as its unspecified code (120),
when coded and when an older store is opened for writing."""

import pytest

from kankei.extract.cameo import load_codebook
from kankei.store import Store
from tests.coding import code
from tests.synthetic import build_store


def test_an_older_stores_root_codes_are_migrated_on_open(tmp_path):
    db = build_store(tmp_path / "old.duckdb", {"a.txt": [{"date": "1962", "code": "111"}] * 2})
    with Store(db) as store:  # as an older kankei wrote them
        store.con.execute(
            "UPDATE events SET code = '13', goldstein = -6.0 WHERE sentence_index = 0"
        )
    with Store(db) as store:
        rows = store.con.execute("SELECT code, goldstein FROM events ORDER BY code").fetchall()
    threaten = load_codebook().get("130")
    assert rows == [("111", -2.0), ("130", threaten.goldstein)]


@pytest.mark.parametrize(
    "text",
    [
        "1990年、ソ連は日本への経済協力の提案を拒否しなかった。",  # negated_code 03 → 030
        "1962年、米国はソ連を非難した。",
    ],
)
def test_coded_events_carry_three_digit_codes(pipeline, text):
    events = code(pipeline, text)
    assert events and all(len(e.code) >= 3 for e in events)
