"""Dyadic series: per period, what A did to B, what B did to A, and both together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kankei.store.db import Store
from kankei.store.filters import EventQuery
from kankei.store.queries import ANY_KIND, ASSERTED, Period, series_rows, undated_count

DIRECTIONS = ("ab", "ba", "both")


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period: str  # "1941", "1941-06", or the first year of a window
    events: int
    goldstein_sum: float
    goldstein_mean: float | None  # None for a period without events
    q1: int
    q2: int
    q3: int
    q4: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "events": self.events,
            "goldstein_sum": self.goldstein_sum,
            "goldstein_mean": self.goldstein_mean,
            "q1": self.q1,
            "q2": self.q2,
            "q3": self.q3,
            "q4": self.q4,
        }


@dataclass(frozen=True)
class DyadSeries:
    a: str
    b: str
    period: Period
    ab: tuple[SeriesPoint, ...]
    ba: tuple[SeriesPoint, ...]
    both: tuple[SeriesPoint, ...]
    undated: int = 0  # events of the dyad and kinds left off: no date at this granularity

    def direction(self, name: str) -> tuple[SeriesPoint, ...]:
        if name == "ab":
            return self.ab
        if name == "ba":
            return self.ba
        return self.both

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.period.name,
            **{d: [p.to_dict() for p in self.direction(d)] for d in DIRECTIONS},
            "undated": self.undated,
        }


def dyad_series(
    store: Store,
    a: str,
    b: str,
    period: Period | None = None,
    *,
    asserted_only: bool = True,
    fill: bool = True,
    kinds: EventQuery | None = None,
) -> DyadSeries:
    """Event counts per QuadClass and Goldstein sum and mean for A→B, B→A and both.

    ``kinds`` chooses the events counted (modes, roots, QuadClass, PLOVER, confidence); by
    default the asserted, non-negated ones (all of them without ``asserted_only``). With
    ``fill``, the periods between the first and the last with events are all present, empty
    ones with no mean, so that a chart's x axis keeps time's proportions.
    """
    period = period or Period("year")
    kinds = kinds or (ASSERTED if asserted_only else ANY_KIND)
    by_dir: dict[str, dict[str, SeriesPoint]] = {d: {} for d in DIRECTIONS}
    for row in series_rows(store, a, b, period, kinds):
        by_dir[row[1]][row[0]] = SeriesPoint(row[0], row[2], *row[3:])
    periods = sorted(by_dir["both"])
    if fill and periods:
        periods = _all_periods(periods[0], periods[-1], period)
    return DyadSeries(
        a=a,
        b=b,
        period=period,
        **{
            d: tuple(by_dir[d].get(p) or SeriesPoint(p, 0, 0.0, None, 0, 0, 0, 0) for p in periods)
            for d in DIRECTIONS
        },
        undated=undated_count(store, a, b, period, kinds),
    )


def _all_periods(first: str, last: str, period: Period) -> list[str]:
    if period.unit == "month":
        y, m = int(first[:4]), int(first[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    return [str(y) for y in range(int(first), int(last) + 1, period.years)]
