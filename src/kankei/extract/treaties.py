"""Treaties named without their parties (data/treaties.yaml): SALT IIの交渉 is between the
USA and the USSR."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kankei.errors import DataFileError
from kankei.extract.datafiles import bundled, mapping_entries, string_list

_CODE = re.compile(r"^[A-Z]{2,8}$")
_FIELDS = frozenset({"names", "parties", "with", "note"})
# SALT I is not the start of SALT II, nor SALT of SALTI
_LATIN_TAIL = re.compile(r"[A-Za-z0-9ⅠⅡⅢ]")


@dataclass(frozen=True)
class Treaty:
    names: tuple[str, ...]
    parties: tuple[str, ...]  # a treaty between few: its parties, the first as source
    counterpart: str | None = None  # a treaty many made with one state (対日平和条約: JPN)

    def counterparts(self, source: str) -> tuple[str, ...]:
        """Whom signing, ratifying or refusing this treaty is aimed at, for `source`."""
        if self.counterpart is not None:
            return () if source == self.counterpart else (self.counterpart,)
        return tuple(p for p in self.parties if p != source) if source in self.parties else ()


@dataclass(frozen=True)
class TreatyMention:
    start: int
    end: int
    treaty: Treaty


def parse_treaties(where: str, text: str) -> list[Treaty]:
    out = []
    for at, raw in mapping_entries(where, text, _FIELDS):
        names = string_list(raw.get("names"), at, "names")
        counterpart = raw.get("with")
        if counterpart is not None:
            if "parties" in raw or not isinstance(counterpart, str) or not _CODE.match(counterpart):
                raise DataFileError("'with' takes one actor code, and no 'parties'", path=at)
            out.append(Treaty(names, (), counterpart))
            continue
        parties = string_list(raw.get("parties"), at, "parties")
        if len(parties) < 2 or not all(_CODE.match(p) for p in parties):
            raise DataFileError(f"'parties' must list two or more actor codes: {parties}", path=at)
        out.append(Treaty(names, parties))
    return out


class Treaties:
    def __init__(self, entries: Iterable[Treaty] = ()) -> None:
        self.by_name: dict[str, Treaty] = {}
        for treaty in entries:
            for name in treaty.names:
                self.by_name.setdefault(name, treaty)
        self._names = sorted(self.by_name, key=len, reverse=True)

    def find(self, text: str) -> list[TreatyMention]:
        """Treaty names in text, longest first, not overlapping."""
        taken: list[tuple[int, int]] = []
        out = []
        for name in self._names:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                latin_cut = name[-1].isascii() and _LATIN_TAIL.match(text, end) is not None
                if not latin_cut and not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    out.append(TreatyMention(start, end, self.by_name[name]))
                start = text.find(name, end)
        return sorted(out, key=lambda m: m.start)


def load_treaties() -> Treaties:
    entries: list[Treaty] = []
    for where, text in bundled("treaties.yaml"):
        entries.extend(parse_treaties(where, text))
    return Treaties(entries)
