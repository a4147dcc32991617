"""The read-only HTTP API and the web explorer over one kankei store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from kankei import __version__
from kankei.analysis.phases import MAX_PENALTY, MIN_PENALTY, PhaseSettings, find_phases
from kankei.analysis.series import dyad_series
from kankei.errors import KankeiError, NotFound
from kankei.extract.cameo import Codebook, load_codebook
from kankei.serve.assets import STATIC, docs_asset, offline_plotly_js
from kankei.serve.display import display_text
from kankei.serve.downloads import events_download, series_csv
from kankei.serve.kinds import Kinds
from kankei.serve.names import ActorNames, load_actor_names
from kankei.serve.security import Guard, HostRule, security_headers
from kankei.store import Store
from kankei.store.filters import MODES, EventQuery
from kankei.store.queries import (
    Period,
    actor_index,
    document,
    documents,
    find_events,
    overview,
)

ActorCode = Annotated[str, Query(pattern=r"^[A-Z0-9]{2,12}$", description="e.g. USA")]
KindsDep = Annotated[Kinds, Depends()]
# an offset DuckDB's BIGINT holds with room (beyond it: a 422, never an overflow)
MAX_OFFSET = 2**53
PERIOD = r"^\d{1,4}(?:-(?:0[1-9]|1[0-2]))?$"  # a year, or a month (YYYY-MM)


class Context:
    """What every request reads: the store (one cursor per request) and the code names."""

    def __init__(self, db: Path) -> None:
        self.store = Store(db, read_only=True)
        self.codebook: Codebook = load_codebook()
        self.names: ActorNames = load_actor_names()

    def named(self, row: dict[str, Any]) -> dict[str, Any]:
        row.update(self.codebook.names(row["code"]))
        return row


def _store(request: Request) -> Iterator[Store]:
    handle: Store = request.app.state.context.store.cursor()
    try:
        yield handle
    finally:
        handle.close()


StoreDep = Annotated[Store, Depends(_store)]


def create_app(db: Path, hosts: HostRule | None = None) -> FastAPI:
    """The app over the store ``db``. ``hosts``: the Host values it answers to, the others
    get a 400; `kankei serve` always gives them (from --host, --port and --allow-host), an app
    made in-process (a test client, another server in front) may leave the check off."""
    ctx = Context(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.store.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        title="kankei",
        version=__version__,
        description="Political event data coded from Japanese documents: events, dyadic "
        "series, phases, actors and the documents they came from. Read-only.",
    )
    app.state.context = ctx

    @app.exception_handler(KankeiError)
    async def _kankei_error(request: Request, exc: KankeiError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFound) else 400
        return JSONResponse({"detail": exc.message}, status_code=status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # the client gets a message, the server's log the traceback (Starlette re-raises)
        return JSONResponse(
            {"detail": "internal error: the server's log has the details"},
            status_code=500,
            headers=security_headers(request.url.path),
        )

    app.add_middleware(Guard, hosts=hosts)

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="kankei API",
            swagger_js_url="/vendor/docs/swagger-ui-bundle.js",
            swagger_css_url="/vendor/docs/swagger-ui.css",
            swagger_favicon_url="/vendor/docs/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="kankei API",
            redoc_js_url="/vendor/docs/redoc.standalone.js",
            redoc_favicon_url="/vendor/docs/favicon.png",
            with_google_fonts=False,
        )

    @app.get("/vendor/docs/{name}", include_in_schema=False)
    def docs_file(name: str) -> FileResponse:
        return FileResponse(docs_asset(name))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        return Response(
            offline_plotly_js(),
            media_type="text/javascript",
            headers={"Cache-Control": "max-age=86400"},
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/meta", summary="What the store holds")
    def meta(s: StoreDep) -> dict[str, Any]:
        roots = [
            {"root": root, "name": ctx.codebook.names(root)["code_name"], "events": n}
            for root, n in s.root_counts()
        ]
        return {
            "version": __version__,
            "db": db.name,
            **s.counts(),
            "modes": list(MODES),
            "roots": roots,
            "plover": s.plover_categories(),
        }

    @app.get(
        "/api/events",
        summary="Events, filtered and paginated, in time order (or every one, as CSV/JSONL)",
    )
    def events(
        s: StoreDep,
        kinds: KindsDep,
        actor: ActorCode | None = None,
        source: ActorCode | None = None,
        target: ActorCode | None = None,
        dyad: Annotated[
            str | None,
            Query(pattern=r"^[A-Z0-9]{2,12},[A-Z0-9]{2,12}$", description="A,B: both ways"),
        ] = None,
        period_from: Annotated[
            str | None, Query(alias="from", pattern=PERIOD, description="YYYY or YYYY-MM")
        ] = None,
        period_to: Annotated[
            str | None, Query(alias="to", pattern=PERIOD, description="YYYY or YYYY-MM")
        ] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        dated: Annotated[
            str | None,
            Query(
                pattern="^(true|false|month|nomonth)$",
                description="true: with a year; false: undated; month: dated to the month; "
                "nomonth: not (undated or a year alone)",
            ),
        ] = None,
        q: Annotated[str | None, Query(max_length=100, description="text search")] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        fmt: Annotated[
            str,
            Query(
                alias="format",
                pattern="^(json|csv|jsonl)$",
                description="json: a page; csv or jsonl: every matching event, streamed",
            ),
        ] = "json",
    ) -> Any:
        pair = tuple(dyad.split(",")) if dyad else None
        query = replace(
            kinds.query(curve=False),
            actor=actor,
            source=source,
            target=target,
            dyad=(pair[0], pair[1]) if pair else None,
            year_from=int(period_from[:4]) if period_from else None,
            year_to=int(period_to[:4]) if period_to else None,
            month_from=period_from if period_from and len(period_from) == 7 else None,
            month_to=period_to if period_to and len(period_to) == 7 else None,
            code=code,
            dated={"true": True, "false": False}.get(dated or ""),
            month_dated={"month": True, "nomonth": False}.get(dated or ""),
            text=q or None,
            doc_id=doc_id,
        )
        if fmt != "json":
            return events_download(ctx.store, query, fmt)
        page = find_events(s, replace(query, limit=limit, offset=offset))
        return {
            "total": page.total,
            "limit": limit,
            "offset": offset,
            "items": [ctx.named(r) for r in page.items],
        }

    @app.get("/api/series", summary="Dyadic series: A→B, B→A and both, per period")
    def series(
        s: StoreDep,
        kinds: KindsDep,
        a: ActorCode,
        b: ActorCode,
        by: Annotated[str, Query(description="year, month, decade or Ny")] = "year",
        all_modes: Annotated[
            bool, Query(description="every mode and negated events (overrides mode)")
        ] = False,
        fmt: Annotated[str, Query(alias="format", pattern="^(json|csv)$")] = "json",
    ) -> Any:
        chosen = EventQuery() if all_modes else kinds.query(curve=True)
        found = dyad_series(s, a, b, Period.parse(by), kinds=chosen)
        return series_csv(found) if fmt == "csv" else found.to_dict()

    @app.get("/api/phases", summary="Phases of the A–B relationship (change points)")
    def phases(
        s: StoreDep,
        kinds: KindsDep,
        a: ActorCode,
        b: ActorCode,
        by: str = "year",
        direction: Annotated[str, Query(pattern="^(ab|ba|both)$")] = "both",
        penalty: Annotated[
            float | None,
            Query(
                ge=MIN_PENALTY,
                le=MAX_PENALTY,
                allow_inf_nan=False,
                description="PELT penalty (default σ²·log n)",
            ),
        ] = None,
        max_gap: Annotated[int, Query(ge=1, le=1000)] = 10,
        top: Annotated[int, Query(ge=0, le=50)] = 5,
    ) -> dict[str, Any]:
        settings = PhaseSettings.from_options(
            by, direction, penalty, max_gap, top, kinds.query(curve=True)
        )
        found = find_phases(s, a, b, settings)
        items = [p.to_dict() for p in found]
        for item in items:
            item["top_events"] = [ctx.named(e) for e in item["top_events"]]
        return {"a": a, "b": b, "phases": items}

    @app.get("/api/overview", summary="The actors and dyads with the most events")
    def overview_view(
        s: StoreDep,
        kinds: KindsDep,
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        found = overview(s, kinds.query(curve=True), limit)
        for row in found["actors"]:
            row["names"] = list(ctx.names.names(row["code"])[:4])
        return found

    @app.get("/api/actors", summary="Actor codes in the store, with their Japanese names")
    def actors(
        s: StoreDep,
        q: Annotated[str | None, Query(max_length=50, description="code or name")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> dict[str, Any]:
        rows = actor_index(s)
        for row in rows:
            row["names"] = list(ctx.names.names(row["code"])[:8])
            row["words"] = row["words"] or []  # (a code only ever reached by an anaphor)
        if q:
            rows = [r for r in rows if ctx.names.matches(r["code"], q, r["words"])]
        return {"total": len(rows), "items": rows[:limit]}

    @app.get("/api/documents", summary="The documents in the store")
    def document_list(
        s: StoreDep,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        page = documents(s, limit, offset)
        return {"total": page.total, "items": page.items}

    @app.get("/api/documents/{doc_id}", summary="A document's text, sentences and events")
    def document_view(s: StoreDep, doc_id: str) -> dict[str, Any]:
        out = document(s, doc_id)
        # where the file was read from is the ingesting machine's business (an absolute path
        # names its user and folders): `name`, the file name, identifies it
        del out["path"]
        out["display_text"] = display_text(out["text"], out["fmt"])
        out["events"] = [ctx.named(e) for e in out["events"]]
        return out

    return app
