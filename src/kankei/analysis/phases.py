"""Phases of a relationship: change points in the dyad's Goldstein series (ruptures' PELT).

The signal is the mean Goldstein score of the periods that have events, in time order. Long
silences (no event for more than ``max_gap`` years) always end a phase: the documents say
nothing about those years, so no phase is made to span them. Within a stretch, PELT with a
least-squares cost finds the change points; its penalty is σ²·log n, with σ estimated from
the median absolute difference of neighbouring points (robust to the jumps themselves).
"""

from __future__ import annotations

import itertools
import math
import statistics
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import ruptures

from kankei.analysis.series import SeriesPoint, dyad_series
from kankei.errors import QueryError
from kankei.store.db import Store
from kankei.store.filters import EventQuery
from kankei.store.queries import ANY_KIND, ASSERTED, Direction, Period, top_events

Label = Literal["cooperative", "mixed", "hostile"]


@dataclass(frozen=True)
class PhaseSettings:
    period: Period = field(default_factory=lambda: Period("year"))
    direction: Direction = "both"
    max_gap: int = 10  # years without events that always separate two phases
    penalty: float | None = None  # None: σ²·log n, estimated from the series
    cooperative_above: float = 1.0  # mean Goldstein from which a phase is cooperative
    hostile_below: float = -1.0  # and up to which it is hostile
    top: int = 5  # events shown per phase
    asserted_only: bool = True
    kinds: EventQuery | None = None  # the events counted; None: by asserted_only

    @classmethod
    def from_options(
        cls,
        by: str,
        direction: str,
        penalty: float | None,
        max_gap: int,
        top: int,
        kinds: EventQuery | None = None,
    ) -> PhaseSettings:
        """Settings from the words of a command line or a query string."""
        return cls(
            period=Period.parse(by),
            direction=direction,  # type: ignore[arg-type]  # find_phases checks it
            penalty=penalty,
            max_gap=max_gap,
            top=top,
            kinds=kinds,
        )


@dataclass(frozen=True)
class Phase:
    start: str  # first period with events
    end: str  # last period with events
    start_year: int
    end_year: int
    periods: int  # periods with events
    events: int
    goldstein_sum: float
    goldstein_mean: float
    label: Label
    top_events: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "top_events"}
        out["top_events"] = list(self.top_events)
        return out


def label_for(mean: float, settings: PhaseSettings) -> Label:
    if mean >= settings.cooperative_above:
        return "cooperative"
    if mean <= settings.hostile_below:
        return "hostile"
    return "mixed"


def find_phases(store: Store, a: str, b: str, settings: PhaseSettings | None = None) -> list[Phase]:
    """Segment the A–B relationship into phases, each with its top events."""
    settings = settings or PhaseSettings()
    if settings.direction not in ("ab", "ba", "both"):
        raise QueryError(f"direction: {settings.direction!r} is not ab, ba or both")
    series = dyad_series(
        store,
        a,
        b,
        settings.period,
        asserted_only=settings.asserted_only,
        fill=False,
        kinds=settings.kinds,
    )
    points = [p for p in series.direction(settings.direction) if p.events]
    if not points:
        return []
    penalty = settings.penalty
    if penalty is None:
        penalty = _variance([p.goldstein_mean or 0.0 for p in points]) * math.log(len(points))
    phases: list[Phase] = []
    for stretch in _stretches(points, settings):
        for segment in _segments(stretch, penalty):
            phases.append(_phase(store, a, b, segment, settings))
    return phases


def _year(period: str) -> int:
    return int(period[:4])


def _stretches(points: list[SeriesPoint], settings: PhaseSettings) -> list[list[SeriesPoint]]:
    stretches = [[points[0]]]
    for prev, cur in itertools.pairwise(points):
        if _year(cur.period) - _year(prev.period) > settings.max_gap:
            stretches.append([])
        stretches[-1].append(cur)
    return stretches


def _variance(values: list[float]) -> float:
    """σ² of the noise around the phase means, floored at 1 (one Goldstein point)."""
    diffs = [abs(b - a) for a, b in itertools.pairwise(values)]
    if not diffs:
        return 1.0
    sigma = statistics.median(diffs) / (0.6745 * math.sqrt(2))
    return max(sigma * sigma, 1.0)


def _segments(points: list[SeriesPoint], penalty: float) -> list[list[SeriesPoint]]:
    if len(points) < 2:
        return [points]
    signal = np.array([[p.goldstein_mean or 0.0] for p in points])
    ends = ruptures.Pelt(model="l2", min_size=1, jump=1).fit(signal).predict(pen=penalty)
    out, start = [], 0
    for end in ends:
        out.append(points[start:end])
        start = end
    return out


def _phase(
    store: Store, a: str, b: str, points: list[SeriesPoint], settings: PhaseSettings
) -> Phase:
    events = sum(p.events for p in points)
    total = sum(p.goldstein_sum for p in points)
    mean = total / events
    start_year = _year(points[0].period)
    end_year = _year(points[-1].period) + settings.period.years - 1
    top = (
        top_events(
            store,
            a,
            b,
            start_year,
            end_year,
            settings.top,
            settings.direction,
            settings.kinds or (ASSERTED if settings.asserted_only else ANY_KIND),
        )
        if settings.top
        else []
    )
    return Phase(
        start=points[0].period,
        end=points[-1].period,
        start_year=start_year,
        end_year=end_year,
        periods=len(points),
        events=events,
        goldstein_sum=round(total, 3),
        goldstein_mean=round(mean, 3),
        label=label_for(mean, settings),
        top_events=tuple(top),
    )
