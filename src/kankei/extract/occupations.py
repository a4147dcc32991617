"""Occupied states (data/occupations.yaml): an armed act against one of them by a third party
during the occupation is aimed at the occupier."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kankei.errors import DataFileError
from kankei.extract.actors import date_bounds
from kankei.extract.datafiles import as_date, bundled, mapping_entries
from kankei.model import Event

_CODE = re.compile(r"^[A-Z]{3}$")
_FIELDS = frozenset({"territory", "occupier", "valid_from", "valid_to", "note"})
_ARMED_ROOTS = frozenset({"19"})


@dataclass(frozen=True)
class Occupation:
    territory: str
    occupier: str
    valid_from: dt.date
    valid_to: dt.date


def parse_occupations(where: str, text: str) -> list[Occupation]:
    out = []
    for at, raw in mapping_entries(where, text, _FIELDS):
        codes = [raw.get("territory"), raw.get("occupier")]
        if not all(isinstance(c, str) and _CODE.match(c) for c in codes):
            raise DataFileError(f"'territory' and 'occupier' must be state codes: {codes}", path=at)
        if codes[0] == codes[1]:
            raise DataFileError(f"{codes[0]} cannot occupy itself", path=at)
        start = as_date(raw.get("valid_from"), at, "valid_from")
        end = as_date(raw.get("valid_to"), at, "valid_to")
        if start is None or end is None or start > end:
            raise DataFileError("needs 'valid_from' before 'valid_to'", path=at)
        out.append(Occupation(str(codes[0]), str(codes[1]), start, end))
    return out


@dataclass(frozen=True)
class Occupations:
    entries: tuple[Occupation, ...] = ()

    def occupiers(self, territory: str, when: str | None) -> list[str]:
        """Who held `territory` on the first day of `when` (YYYY, YYYY-MM or YYYY-MM-DD)."""
        bounds = date_bounds(when)
        if bounds is None:
            return []
        day = bounds[0]
        return [
            occ.occupier
            for occ in self.entries
            if occ.territory == territory and occ.valid_from <= day <= occ.valid_to
        ]

    def redirect(self, event: Event) -> Event:
        """米英はフランスに侵攻した (1944): the fight was with the occupier, DEU. Not when the
        act is an occupier's own, nor when the land was divided between several."""
        if event.root not in _ARMED_ROOTS or event.target is None:
            return event
        holders = self.occupiers(event.target, event.date)
        if len(holders) != 1 or event.source in holders:
            return event
        return replace(event, target=holders[0], rule=f"{event.rule} occupied:{event.target}")


def load_occupations(extra: Iterable[tuple[str, str]] = ()) -> Occupations:
    entries: list[Occupation] = []
    for where, text in [*extra, *bundled("occupations.yaml")]:
        entries.extend(parse_occupations(where, text))
    return Occupations(tuple(entries))
