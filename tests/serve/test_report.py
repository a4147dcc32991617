import re

from click.testing import CliRunner

from kankei.cli import cli
from tests.synthetic import build_store

PAYLOAD = '1972年、米国はソ連と会談した<script>alert("x")</script><img src=x onerror="alert(1)">。'
ROWS = [
    {"date": "1941", "code": "070"},
    {"date": "1942", "code": "057"},
    {"date": "1950", "code": "190", "source": "SUN", "target": "USA"},
    {"date": "1951", "code": "190"},
    {"date": "1972", "code": "040", "text": PAYLOAD},
]


def test_report_is_one_offline_file_with_escaped_text(tmp_path):
    db = build_store(tmp_path / "r.duckdb", {"a.txt": ROWS})
    out = tmp_path / "sub" / "report.html"
    result = CliRunner().invoke(cli, ["report", "USA", "SUN", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 events" in result.output
    html = out.read_text(encoding="utf-8")
    # nothing is fetched: no external scripts, styles or images
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", html)
    assert "Plotly" in html and "kankeiChart.draw" in html
    # the document's markup is shown as text, never executed
    assert '<script>alert("x")' not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert '<mark class="pred">' in html
    for label in ("cooperative", "hostile"):
        assert f"phase-{label}" in html


def test_an_unknown_code_gets_an_error_and_no_file(tmp_path):
    db = build_store(tmp_path / "r.duckdb", {"a.txt": ROWS})
    out = tmp_path / "xyz.html"
    result = CliRunner().invoke(cli, ["report", "XYZ", "SUN", "--db", str(db), "--out", str(out)])
    assert result.exit_code != 0
    assert "XYZ is no actor of this store" in result.output
    assert not out.exists()


def test_the_report_lists_what_the_chart_counts_and_fits_a_phone(tmp_path):
    rows = [*ROWS, {"code": "040"}, {"date": "1960", "code": "040", "mode": "hypothetical"}]
    db = build_store(tmp_path / "r.duckdb", {"a.txt": rows})
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "USA", "SUN", "--db", str(db), "--out", str(out)])
    assert "6 events" in result.output  # the hypothetical one is not on the chart
    html = out.read_text(encoding="utf-8")
    assert "1 undated ones the chart leaves off" in html
    assert 'class="table-wrap"' in html and "@media (max-width: 600px)" in html
    # no control leads to plotly's hosts (its cloud, its logo)
    assert "plot.ly" not in html and "plotly.com" not in html


def test_a_dyad_without_events_gets_a_report_that_says_so(tmp_path):
    rows = [*ROWS, {"date": "1972", "code": "040", "source": "JPN", "target": "CHN"}]
    db = build_store(tmp_path / "r.duckdb", {"a.txt": rows})
    out = tmp_path / "none.html"
    result = CliRunner().invoke(cli, ["report", "USA", "JPN", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0 and "0 events, 0 phases" in result.output
    html = out.read_text(encoding="utf-8")
    assert "No dated events between USA and JPN: nothing to draw." in html
    assert 'id="chart"' not in html


def test_phases_command_and_errors(tmp_path):
    db = build_store(tmp_path / "r.duckdb", {"a.txt": ROWS})
    runner = CliRunner()
    result = runner.invoke(cli, ["phases", "USA", "SUN", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "cooperative" in result.output and "1941" in result.output
    assert "no dated events" in runner.invoke(cli, ["phases", "USA", "JPN", "--db", str(db)]).output
    bad = runner.invoke(cli, ["phases", "USA", "SUN", "--db", str(db), "--by", "fortnight"])
    assert bad.exit_code == 2 and "unknown period 'fortnight'" in bad.output
    lower = runner.invoke(cli, ["phases", "usa", "sun", "--db", str(db)])
    assert lower.output == result.output  # codes are upper-cased
    odd = runner.invoke(cli, ["series", "U S", "SUN", "--db", str(db)])
    assert odd.exit_code == 2 and "'U S' is not an actor code" in odd.output
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "run `kankei ingest` first" in missing.output
