"""Phases of a relationship: change points in the dyad's Goldstein series (PELT).

The signal is the mean Goldstein score of the periods that have events, in time order. Long
silences (no event for more than ``max_gap`` years) always end a phase: the documents say
nothing about those years, so no phase is made to span them. Within a stretch, PELT with a
least-squares cost finds the change points (the optimum ruptures' PELT finds, computed
faster); its penalty is σ²·log n, with σ estimated from
the median absolute difference of neighbouring points (robust to the jumps themselves).

A request's cost is bounded: a given penalty lies in [MIN_PENALTY, MAX_PENALTY], a series of
more than MAX_PERIODS periods with events is refused, and so is a segmentation into more than
MAX_PHASES phases (each phase costs a query for its top events).
"""

from __future__ import annotations

import itertools
import math
import statistics
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from kankei.analysis.series import SeriesPoint, dyad_series
from kankei.errors import QueryError
from kankei.store.db import Store
from kankei.store.filters import EventQuery
from kankei.store.queries import ANY_KIND, ASSERTED, Direction, Period, top_events

Label = Literal["cooperative", "mixed", "hostile"]

# below a tenth of a squared Goldstein point every wobble of the mean is a change point; above
# a million (more than the squared error of any series within MAX_PERIODS) nothing changes
MIN_PENALTY = 0.1
MAX_PENALTY = 1e6
# 200 years of months; PELT over it takes milliseconds, the series query most of a second
MAX_PERIODS = 2400
# each phase costs one top-events query (about 15 ms on a store of 1,000,000 events)
MAX_PHASES = 40


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
    max_periods: int = MAX_PERIODS  # longest series segmented
    max_phases: int = MAX_PHASES  # most phases returned

    def __post_init__(self) -> None:
        if self.penalty is not None:
            check_penalty(self.penalty)

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


def check_penalty(penalty: float) -> float:
    """The penalty if it is a finite number within [MIN_PENALTY, MAX_PENALTY]."""
    if not (math.isfinite(penalty) and MIN_PENALTY <= penalty <= MAX_PENALTY):
        raise QueryError(
            f"penalty: {penalty!r} is not a number from {MIN_PENALTY:g} to {MAX_PENALTY:g}"
        )
    return penalty


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
    if len(points) > settings.max_periods:
        raise QueryError(
            f"by {settings.period.name}, the {a}–{b} series has {len(points):,} periods with "
            f"events and phases are found over {settings.max_periods:,} at most: use a longer "
            "period (e.g. by year) or narrower filters"
        )
    penalty = settings.penalty
    if penalty is None:
        penalty = _variance([p.goldstein_mean or 0.0 for p in points]) * math.log(len(points))
    segments = [
        seg for stretch in _stretches(points, settings) for seg in _segments(stretch, penalty)
    ]
    if len(segments) > settings.max_phases:
        raise QueryError(
            f"the {a}–{b} series splits into {len(segments):,} phases with penalty "
            f"{penalty:g}, more than {settings.max_phases}: use a larger penalty, a longer "
            "period or a larger max gap"
        )
    return [_phase(store, a, b, segment, settings) for segment in segments]


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
    ends = pelt_l2(np.array([p.goldstein_mean or 0.0 for p in points]), penalty)
    out, start = [], 0
    for end in ends:
        out.append(points[start:end])
        start = end
    return out


def pelt_l2(signal: np.ndarray, penalty: float) -> list[int]:
    """The ends of the segments that minimise the squared error around each segment's mean
    plus ``penalty`` per segment (PELT, Killick et al. 2012): what ruptures'
    ``Pelt(model="l2", min_size=1, jump=1).predict(pen=penalty)`` finds. ruptures scores each
    candidate in Python, seconds for a thousand points with a large penalty; here the
    candidates are scored together from cumulative sums, milliseconds for ten thousand."""
    # centred, so the cumulative sums stay small and the costs precise
    y = signal.astype(float) - float(signal.mean())
    s1 = np.concatenate(([0.0], np.cumsum(y)))
    s2 = np.concatenate(([0.0], np.cumsum(y * y)))
    n = len(y)
    best = np.zeros(n + 1)  # best[t]: the least cost of y[:t], penalties included
    last = np.zeros(n + 1, dtype=np.int64)  # where the last segment of that best starts
    starts = np.zeros(1, dtype=np.int64)  # the starts not yet pruned
    for t in range(1, n + 1):
        fit = best[starts] + (s2[t] - s2[starts]) - (s1[t] - s1[starts]) ** 2 / (t - starts)
        i = int(np.argmin(fit))
        best[t] = fit[i] + penalty
        last[t] = starts[i]
        # a start that cannot beat best[t] now never will (the pruning rule of PELT)
        starts = np.append(starts[fit <= best[t]], t)
    ends, t = [], n
    while t > 0:
        ends.append(t)
        t = int(last[t])
    return ends[::-1]


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
