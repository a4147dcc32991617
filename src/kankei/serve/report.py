"""One self-contained HTML report on a dyad: chart, phases, series and events with their
sentences. plotly.js and the chart code are inlined, so the file opens offline anywhere."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kankei import __version__
from kankei.analysis.phases import PhaseSettings, find_phases
from kankei.analysis.series import dyad_series
from kankei.errors import KankeiError
from kankei.extract.cameo import load_codebook
from kankei.serve.assets import STATIC, offline_plotly_js
from kankei.serve.names import load_actor_names
from kankei.store import Store
from kankei.store.queries import ASSERTED, Period, find_events

# the events a report lists, at most: one page of the store's queries (a larger file would
# be slow to open anyway)
MAX_REPORT_EVENTS = 1000


class ReportError(KankeiError):
    """The report could not be written."""


@dataclass(frozen=True)
class ReportSummary:
    events: int
    phases: int
    size: int


def highlight(sentence: str, event: dict[str, Any]) -> Markup:
    """The sentence, escaped, with the predicate and the actors' words marked."""
    base = int(event["sent_start"])
    marks = [(int(event["pred_start"]) - base, int(event["pred_end"]) - base, "pred")]
    for words in (event.get("source_text"), event.get("target_text")):
        if words and (at := sentence.find(words)) >= 0:
            marks.append((at, at + len(words), "actor"))
    out, at = Markup(""), 0
    for start, end, cls in sorted(marks):
        if start < at or start < 0 or end > len(sentence) or start >= end:
            continue
        out += sentence[at:start]  # Markup + str escapes the str
        out += Markup('<mark class="{}">{}</mark>').format(cls, sentence[start:end])
        at = end
    return out + sentence[at:]


def render_report(
    store: Store, a: str, b: str, period: Period | None = None, max_events: int = 500
) -> tuple[str, ReportSummary]:
    period = period or Period("year")
    if not 1 <= max_events <= MAX_REPORT_EVENTS:
        raise ReportError(f"max_events: {max_events} is outside 1..{MAX_REPORT_EVENTS}")
    _check_dyad(store, a, b)
    codebook = load_codebook()
    names = load_actor_names()
    series = dyad_series(store, a, b, period)
    phases = find_phases(store, a, b, PhaseSettings(period=period))
    # the list shows the events the curve counts (asserted, not negated), dated or not
    page = find_events(store, replace(ASSERTED, dyad=(a, b), limit=max_events))
    events = [
        {**e, **codebook.names(e["code"]), "marked": highlight(e["sentence"], e)}
        for e in page.items
    ]
    env = Environment(
        loader=PackageLoader("kankei", "serve/templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    html = env.get_template("report.html.j2").render(
        a=a,
        b=b,
        a_names=names.names(a)[:3],
        b_names=names.names(b)[:3],
        by=period.name,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        version=__version__,
        db=store.path.name,
        counts=store.counts(),
        series=series.to_dict(),
        points=[p for p in series.both if p.events],
        phases=[p.to_dict() for p in phases],
        events=events,
        total_events=page.total,
        undated=series.undated,
        plotly_js=Markup(_inline_script(offline_plotly_js())),
        chart_js=Markup(_inline_script((STATIC / "chart.js").read_text(encoding="utf-8"))),
        style=Markup((STATIC / "style.css").read_text(encoding="utf-8")),
    )
    return html, ReportSummary(events=len(events), phases=len(phases), size=len(html.encode()))


def _check_dyad(store: Store, a: str, b: str) -> None:
    """A code no event of the store carries makes no report (a mistyped code would give an
    empty one); two known actors with nothing between them get a report that says so."""
    for code in (a, b):
        if not store.has_actor(code):
            raise ReportError(
                f"{code} is no actor of this store: see `kankei actors` for the codes it holds",
                path=str(store.path),
            )


def _inline_script(code: str) -> str:
    # a script inlined in HTML ends at the first "</script": keep that sequence out of it
    return code.replace("</script", "<\\/script")


def write_report(
    db: Path, a: str, b: str, out: Path, *, period: Period | None = None, max_events: int = 500
) -> ReportSummary:
    with Store(db, read_only=True) as store:
        html, summary = render_report(store, a, b, period, max_events)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ReportError(str(exc), path=str(out)) from exc
    return summary
