"""What an ingest passes over is said: files of other types in a folder, a file whose text is
stored under another name."""

from click.testing import CliRunner

from kankei.cli import cli

TEXT = "1972年、米国はソ連と会談した。\n"


def test_files_of_other_types_are_counted_and_listed_with_v(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "table.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".hidden.doc").write_text("x", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    quiet = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q"])
    assert quiet.exit_code == 0
    assert "not read: 2 file(s) of other types (.csv, .pdf)" in quiet.output
    listed = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q", "-v"])
    assert f"not read {folder / 'notes.pdf'}" in listed.output
    assert ".hidden.doc" not in listed.output


def test_a_second_file_with_the_same_text_is_named_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    first = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q"])
    assert first.exit_code == 0
    second = CliRunner().invoke(cli, ["ingest", str(tmp_path / "copy.txt"), "--db", str(db), "-q"])
    assert second.exit_code == 0
    assert f"same text as {tmp_path / 'a.txt'}, stored once: {tmp_path / 'copy.txt'}" in (
        second.output
    )
    assert "0 unchanged, 1 duplicate(s)" in second.output


def test_replaced_bytes_are_stored_and_said(tmp_path):
    body = ("1972年、米国はソ連と会談し、両国は条約に署名した。" * 3).encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(body[:40] + b"\xff\xfe" + body[40:])
    db = tmp_path / "k.duckdb"
    out = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert out.exit_code == 0, out.output
    assert "stored 1 document(s)" in out.output
    assert f"note: {path}:" in out.output and "replaced" in out.output


def test_html_left_out_is_said(tmp_path):
    # a <nav> the page never closes: its text is kept, and the reader is told
    page = (
        "<html><body><nav><a href='/'>ホーム</a>"
        "<p>1972年、米国はソ連と会談し、両国は条約に署名した。</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    out = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "k.duckdb"), "-q"])
    assert out.exit_code == 0, out.output
    assert f"note: {path}: 1 <nav> never closed" in out.output
