"""eval/materialize.py and eval/gold/intake.py on a small corpus the test writes."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(relative: str):
    spec = importlib.util.spec_from_file_location(Path(relative).stem, ROOT / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


materialize = load("eval/materialize.py")
intake = load("eval/gold/intake.py")

ARTICLE = "見出し\n\n16日、日本政府はモンテネグロを承認した。\n朝日新聞、2006年6月16日。\n"
SENTENCE = "16日、日本政府はモンテネグロを承認した。"


def record(**changes):
    start = ARTICLE.index(SENTENCE)
    rec = {
        "doc": "wikinews_0001.txt",
        "sent_start": start,
        "sent_end": start + len(SENTENCE),
        "date": "2006-06-16",
        "source": "JPN",
        "target": "MNE",
        "root": "05",
        "predicate": "承認",
        "note": "Japan recognises Montenegro",
    }
    rec.update(changes)
    return rec


def test_offsets_name_the_sentence_and_the_full_record_is_rebuilt():
    full = materialize.full_record(record(), ARTICLE, "here")
    assert list(full) == [
        "doc",
        "sentence",
        "date",
        "source",
        "target",
        "root",
        "predicate",
        "note",
    ]
    assert full["sentence"] == SENTENCE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sent_end": 10_000}, "outside the document"),
        ({"sent_start": -1}, "outside the document"),
        ({"sent_start": 0}, "span a line break"),
        ({"predicate": "非難"}, "not in its sentence"),
    ],
)
def test_records_that_do_not_fit_their_article_are_refused(changes, message):
    with pytest.raises(materialize.MaterializeError, match=message):
        materialize.full_record(record(**changes), ARTICLE, "gold.jsonl:1")


def test_intake_replaces_the_sentence_by_its_offsets(tmp_path):
    work = tmp_path / "wikinews_0001.txt.jsonl"
    full = materialize.full_record(record(), ARTICLE, "here")
    work.write_text(json.dumps(full, ensure_ascii=False) + "\n", encoding="utf-8")
    assert intake.to_offsets(work, "wikinews_0001.txt", ARTICLE) == [record()]


def test_intake_refuses_a_sentence_that_is_not_in_the_article(tmp_path):
    work = tmp_path / "wikinews_0001.txt.jsonl"
    full = materialize.full_record(record(), ARTICLE, "here") | {"sentence": "別の文。"}
    work.write_text(json.dumps(full, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(intake.IntakeError, match=r"not in wikinews_0001\.txt"):
        intake.to_offsets(work, "wikinews_0001.txt", ARTICLE)
