"""The kinds of events a view shows, as query parameters every view accepts alike: the
explorer passes the same ones to the list, the curve, the phases and the overview, so that
they count the same events."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from kankei.store.filters import MODES, EventQuery


class Kinds:
    """quad, root, plover and mode repeat (any of them); min_confidence and negated narrow."""

    def __init__(
        self,
        quad: Annotated[
            list[int] | None, Query(description="QuadClass 1–4; repeat for several")
        ] = None,
        root: Annotated[
            list[str] | None, Query(description="CAMEO root, two digits (e.g. 04); repeat")
        ] = None,
        plover: Annotated[
            list[str] | None, Query(description="PLOVER category (e.g. CONSULT); repeat")
        ] = None,
        mode: Annotated[list[str] | None, Query(description=", ".join(MODES))] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        negated: bool | None = None,
    ) -> None:
        self.quads = tuple(quad or ())
        self.roots = tuple(root or ())
        self.plovers = tuple(plover or ())
        self.modes = tuple(mode or ())
        self.min_confidence = min_confidence
        self.negated = negated

    def query(self, *, curve: bool) -> EventQuery:
        """The filters as an EventQuery. A curve (series, phases, overview) counts asserted,
        non-negated events unless told otherwise; a list shows every event unless told."""
        modes = self.modes or (("asserted",) if curve else ())
        negated = self.negated if self.negated is not None or not curve else False
        return EventQuery(
            quads=self.quads,
            roots=self.roots,
            plovers=self.plovers,
            modes=modes,
            min_confidence=self.min_confidence,
            negated=negated,
        ).validated()
