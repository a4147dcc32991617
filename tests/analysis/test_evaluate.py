import json

import pytest

from kankei.analysis.evaluate import Record, date_right, evaluate, load_gold
from kankei.errors import GoldFileError


def rec(sentence, source, target, root, date=None, doc="a.txt"):
    return Record(doc, sentence, date, source, target, root)


def test_strict_actor_and_root_views():
    gold = [
        rec("米国はソ連を承認した。", "USA", "SUN", "05", "1933"),
        rec("ソ連は反対した。", "SUN", "USA", "12"),
    ]
    pred = [
        rec("米国はソ連を承認した", "USA", "SUN", "05", "1933-11"),  # contained sentence
        rec("ソ連は反対した。", "SUN", "USA", "11"),  # wrong root
        rec("関係のない文。", "USA", "SUN", "05"),
    ]
    report = evaluate(pred, gold)
    scores = {s.view: s for s in report.scores}
    assert (scores["strict"].tp, scores["actors"].tp, scores["root"].tp) == (1, 2, 1)
    assert scores["strict"].precision == pytest.approx(1 / 3)
    assert scores["strict"].recall == pytest.approx(1 / 2)
    assert report.date_accuracy_strict == 1.0  # 1933-11 is more precise and consistent


def test_meetings_match_in_either_direction_other_roots_do_not():
    gold = [rec("両首脳は会談した。", "USA", "SUN", "04"), rec("非難した。", "USA", "SUN", "11")]
    pred = [rec("両首脳は会談した。", "SUN", "USA", "04"), rec("非難した。", "SUN", "USA", "11")]
    strict = evaluate(pred, gold).scores[0]
    assert strict.tp == 1


def test_matching_is_one_to_one_and_maximal():
    gold = [
        rec("米ソは会談した。", "USA", "SUN", "04"),
        rec("米ソは会談した。", "USA", "SUN", "04"),
    ]
    pred = [rec("米ソは会談した。", "USA", "SUN", "04")] * 3
    assert evaluate(pred, gold).scores[0].tp == 2


def test_whitespace_is_ignored_and_documents_must_match():
    gold = [rec("米国は ソ連を\n承認した。", "USA", "SUN", "05")]
    assert evaluate([rec("米国はソ連を承認した。", "USA", "SUN", "05")], gold).scores[0].tp == 1
    other = [rec("米国はソ連を承認した。", "USA", "SUN", "05", doc="b.txt")]
    assert evaluate(other, gold).scores[0].tp == 0


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("1941-12", "1941-12", True),
        ("1941-12-08", "1941-12", True),
        ("1941", "1941-12", False),
        ("1942-01", "1941", False),
        (None, None, True),
        ("1941", None, False),
        (None, "1941", False),
        ("19410", "1941", False),
    ],
)
def test_date_right(pred, gold, ok):
    assert date_right(pred, gold) is ok


def test_gold_file_errors_name_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = {
        "doc": "a",
        "sentence": "s",
        "date": None,
        "source": "USA",
        "target": None,
        "root": "15",
        "predicate": "p",
    }
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    assert "line 2" in info.value.message and "gold.jsonl" in info.value.message
    path.write_text(json.dumps({"doc": "a"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError):
        load_gold(path)


def test_matching_prefers_pairs_whose_dates_agree():
    s = "9月にソ連がポーランドを占領し、12月にフィンランドを攻撃した。"
    gold = [rec(s, "SUN", "POL", "19", "1939-09"), rec(s, "SUN", "FIN", "19", "1939-12")]
    pred = [rec(s, "SUN", "FIN", "19", "1939-12"), rec(s, "SUN", "POL", "19", "1939-09")]
    report = evaluate(pred, gold)
    assert report.date_accuracy_root == 1.0


def test_predictions_in_listed_documents_without_gold_are_false_events():
    from kankei.analysis.evaluate import score_rows

    gold = [rec("米国はソ連を承認した。", "USA", "SUN", "05")]

    def row(doc):
        return {
            "doc": doc,
            "sentence": "米国はソ連を承認した。",
            "date": None,
            "source": "USA",
            "target": "SUN",
            "root": "05",
        }

    rows = [row("a.txt"), row("quiet.txt"), row("elsewhere.txt")]
    report, n_pred = score_rows(rows, gold)
    assert n_pred == 1 and report.scores[0].precision == 1.0
    report, n_pred = score_rows(rows, gold, ["a.txt", "quiet.txt"])
    assert n_pred == 2 and report.scores[0].precision == 0.5
