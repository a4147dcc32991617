import pytest

from kankei.engines import ingest
from kankei.extract.lexicon import surface_stem
from kankei.settings import Settings
from kankei.store import Store


@pytest.mark.parametrize(
    ("entry", "stem"),
    [
        ("会談", "会談"),  # a noun stands as written
        ("述べる", "述べ"),  # 述べた
        ("語る", "語"),  # 語った, 語らない
        ("申し入れる", "申し入れ"),
        ("屈する", "屈"),  # 屈した
        ("応ずる", "応"),  # 応じた
        ("わびる", "わび"),
        ("関係を断る", "断"),  # 関係を完全に断った: the verb stands for the entry
    ],
)
def test_surface_stem(entry, stem):
    assert surface_stem(entry) == stem


def test_may_occur_finds_inflected_and_spaced_predicates(pipeline):
    lexicon = pipeline.coder.knowledge.lexicon
    assert lexicon.may_occur("米国はソ連に抗議を申し入れた。")
    assert lexicon.may_occur("両国は 会談 した。")
    assert not lexicon.may_occur("米国とソ連。")


@pytest.mark.slow
def test_every_event_of_the_reference_corpus_stands_in_a_sentence_the_filter_keeps(
    pipeline, shared
):
    """The predicate filter never drops an event: parse every sentence the actor filter keeps
    and code the documents; each event's sentence passes the predicate filter."""
    lexicon = pipeline.coder.knowledge.lexicon
    kept = dropped = 0
    for path in sorted((shared / "corpus").glob("*.txt")):
        doc = pipeline.read(path)
        todo = [s for s in doc.sentences if pipeline.coder.needs_parse(s)]
        parsed = {ps.sentence.index: ps for ps in pipeline.parser.parse(todo)}
        coded = pipeline.coder.code_document(doc.sentences, parsed, doc.doc_date)
        texts = {s.index: s.text for s in doc.sentences}
        assert coded.events
        assert all(lexicon.may_occur(texts[ev.sentence_index]) for ev in coded.events)
        kept += sum(lexicon.may_occur(s.text) for s in todo)
        dropped += sum(not lexicon.may_occur(s.text) for s in todo)
    assert dropped > 0 and kept > 0  # the filter does filter


@pytest.mark.slow
def test_without_the_fast_path_the_same_events(write, tmp_path):
    path = write(
        "d.txt",
        "1933年11月、米国はソ連を承認した。1941年6月、ドイツがソ連に侵攻した。\n"
        "同年、日本とソ連は中立条約を結んだ。米国の大統領は国民に語った。\n",
    )
    fast, slow = tmp_path / "fast.duckdb", tmp_path / "slow.duckdb"
    ingest([path], Settings(db=fast))
    ingest([path], Settings(db=slow, fast=False, ner=True))
    rows = []
    for db in (fast, slow):
        with Store(db, read_only=True) as store:
            rows.append(store.export_rows())
    assert rows[0] and rows[0] == rows[1]
