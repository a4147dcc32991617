"""What keeps the server to its own page and its own host: the security headers of every
response, the Host allow-list (a page on another site cannot reach the store through a DNS
name rebound to 127.0.0.1), and a deadline on reading each request (a client that opens a
connection and sends nothing, or half a request, is dropped)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from kankei.errors import QueryError

# the page runs only its own scripts; plotly sets inline styles on the chart
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI starts from an inline script and Redoc runs a worker from a blob: both are
# served from the package (fastapi-offline's copies), never from a CDN
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
# seconds a client has to send a whole request's head (from connecting, or from the end of
# the previous response on a kept-alive connection)
REQUEST_TIMEOUT = 10.0


class HostNotAllowed(QueryError):
    """The request's Host is not one this server answers to."""


def security_headers(path: str) -> dict[str, str]:
    """The headers every response carries, errors included."""
    docs = path.startswith(("/docs", "/redoc"))
    return {
        "Content-Security-Policy": DOCS_CSP if docs else CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }


def _name(host: str) -> str:
    """The host name of a Host value, without its port ([::1]:8000 -> [::1])."""
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0]


@dataclass(frozen=True)
class HostRule:
    """The Host values a server accepts: ``exact`` as they stand (name and port), ``names``
    with any port or none (the names given with --allow-host); ``*`` among them: any."""

    exact: frozenset[str]
    names: frozenset[str] = frozenset()

    @classmethod
    def local(cls, host: str, port: int, extra: Iterable[str] = ()) -> HostRule:
        """The bound host and the loopback names, with the port (bare too on port 80, where
        browsers leave it out), and the extra names with any port."""
        bound = f"[{host}]" if ":" in host and not host.startswith("[") else host
        # the bound host too, even 0.0.0.0: it is the address the banner shows
        names = {"localhost", "127.0.0.1", "[::1]", bound.lower()}
        exact = {f"{n}:{port}" for n in names} | (names if port == 80 else set())
        return cls(frozenset(exact), frozenset(n.strip().lower() for n in extra))

    def allows(self, host: str) -> bool:
        host = host.strip().lower()
        return "*" in self.names or host in self.exact or _name(host) in self.names


class Guard:
    """ASGI middleware: a Host outside the rule gets a 400; every response gets the security
    headers (the 500 handler adds them itself: Starlette sends a 500 from outside every
    middleware)."""

    def __init__(self, app: ASGIApp, hosts: HostRule | None = None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = security_headers(scope["path"])
        host = Headers(scope=scope).get("host", "")
        if self.hosts is not None and not self.hosts.allows(host):
            detail = HostNotAllowed(f"{host!r}; `kankei serve --allow-host NAME` adds one").message
            response = JSONResponse({"detail": detail}, status_code=400, headers=added)
            await response(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in added.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on each request's head: uvicorn times out an
    idle kept-alive connection, but not one that sent nothing yet or part of a request (its
    keep-alive timer stops at the first byte), so stalled clients would pile up."""

    request_timeout = REQUEST_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a request's head arrived: the app has it now
            self._disarm()

    def on_response_complete(self) -> None:
        # armed before uvicorn reads the next pipelined request, which disarms it
        self._arm()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()
