"""A long document costs memory for one piece at a time: it is parsed and coded in pieces of
sentences, with the events a whole reading gives; a run without a sentence end is cut and the
reader is told; sentence offsets are kept compact."""

from dataclasses import replace

from click.testing import CliRunner

from kankei.cli import cli
from kankei.ingest import read_document
from kankei.pipeline import Pipeline

LINES = [
    "{y}年5月、米国の大統領はソ連を訪問し、首脳会談を行った。",
    "{y}年6月、ソ連は米国を非難した。",
    "{y}年7月、日本は中国と条約に署名した。",
]


def test_pieces_give_the_events_of_the_whole(write, pipeline):
    text = "".join(line.format(y=1950 + i) + "\n" for i in range(12) for line in LINES)
    doc = pipeline.read(write("long.txt", text))
    whole = pipeline.code(doc)
    in_pieces = Pipeline(replace(pipeline.settings, piece_sentences=5))
    pieces = in_pieces.code(doc)
    assert len(doc.sentences) == 36
    key = lambda e: (e.sentence_index, e.source, e.target, e.code, e.date)  # noqa: E731
    assert sorted(map(key, pieces.events)) == sorted(map(key, whole.events))
    assert len(whole.events) >= 36


def test_a_run_without_a_sentence_end_is_cut_and_said(write, tmp_path):
    path = write("run.txt", "米国はソ連と会談し、" * 400 + "\n")
    doc = read_document(path)
    assert max(len(s.text) for s in doc.sentences) <= 500
    assert doc.notes and "without a sentence end" in doc.notes[0]
    out = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "k.duckdb"), "-q"])
    assert out.exit_code == 0 and f"note: {path}: 4,000 characters without" in out.output


def test_offsets_are_compact_and_still_map(write):
    doc = read_document(write("a.txt", "米国はソ連と会談した。ソ連は米国を非難した[12]。\n"))
    plain, cited = doc.sentences
    assert isinstance(plain.offsets, range)
    assert isinstance(cited.offsets, tuple)  # (the citation mark is cut out)
    for s in doc.sentences:
        assert all(doc.text[o] == ch for o, ch in zip(s.offsets, s.text, strict=True))


def test_a_document_that_breaks_the_coder_is_reported_not_raised(write, pipeline, monkeypatch):
    from kankei.engines.local import code_chunk

    doc = pipeline.read(write("a.txt", "1972年、米国はソ連と会談した。\n"))

    def broken(docs):
        raise ValueError("day is out of range for month")

    monkeypatch.setattr(pipeline, "code_many", broken)
    monkeypatch.setattr(pipeline, "code", lambda d: broken([d]))
    (outcome,) = code_chunk(pipeline, [doc])
    assert isinstance(outcome, str) and "could not be coded" in outcome


def _store_events(db):
    from kankei.store import Store

    with Store(db, read_only=True) as store:
        return sorted(
            (r["sent_start"], r["source"], r["target"], r["code"], r["date"])
            for r in store.export_rows()
        )


def test_a_long_document_is_stored_a_piece_at_a_time_and_resumes(write, tmp_path):
    from kankei.engines import ingest
    from kankei.settings import Settings
    from kankei.stamp import coding_stamp
    from kankei.store import Store

    text = "".join(line.format(y=1950 + i) + "\n" for i in range(8) for line in LINES)
    path = write("long.txt", text)
    whole_db, part_db = tmp_path / "whole.duckdb", tmp_path / "part.duckdb"
    settings = Settings(db=whole_db, piece_sentences=5)
    report = ingest([path], settings)
    assert report.exit_code == 0 and report.events >= 24
    with Store(whole_db, read_only=True) as store:
        assert store.coded_with(store.stale_documents("none")[0][0]) == coding_stamp(settings)
    # a run stopped after two pieces: the next run stores the rest, none twice
    pieces = Pipeline(replace(settings, db=part_db))
    doc = pieces.read(path)
    stamp = coding_stamp(replace(settings, db=part_db))
    with Store(part_db) as store:
        store.replace_document(doc, (), (), f"{stamp}#0")
        for k, coded in enumerate(pieces.code_pieces(doc), start=1):
            store.add_events(doc, coded.events, coded.unknown, f"{stamp}#{k}")
            if k == 2:
                break
    again = ingest([path], replace(settings, db=part_db))
    assert again.exit_code == 0 and 0 < again.events < report.events
    assert _store_events(part_db) == _store_events(whole_db)
