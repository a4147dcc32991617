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
