"""The actor dictionary (data files with validity windows) and actor mentions in a sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kankei.errors import DataFileError
from kankei.extract.datafiles import (
    as_date,
    bundled,
    load_yaml_entries,
    read_user_file,
    string_list,
)
from kankei.extract.grammar import Grammar
from kankei.extract.kana import KATAKANA_RUN, MIN_FUZZY, is_katakana_name, kana_key, within_one_edit
from kankei.model import Mention

TYPES = frozenset({"state", "igo", "person", "place", "organ", "group", "collective"})
AGENTS = frozenset({"GOV", "MIL", "LEG", "DIP", "SPY", "REB", "ELI", "JUD", "PTY", "MED"})
_CODE = re.compile(r"^[A-Z]{2,8}$")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_LATIN = re.compile(r"[A-Za-z]")
_NAME_PARTS = re.compile(r"[・=＝]")
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}")


@dataclass(frozen=True)
class ActorEntry:
    code: str
    type: str
    names: tuple[str, ...]
    abbrev: tuple[str, ...] = ()
    agent: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str | None = None
    origin: str = ""
    # a collective (バルト三国) stands for several states at once: their codes, in order
    members: tuple[str, ...] = ()

    def covers(self, lo: dt.date, hi: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= lo) and (
            self.valid_to is None or hi <= self.valid_to
        )

    def overlaps(self, lo: dt.date, hi: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= hi) and (
            self.valid_to is None or lo <= self.valid_to
        )


def parse_entry(raw: object, where: str) -> ActorEntry:
    if not isinstance(raw, dict):
        raise DataFileError("every entry must be a mapping", path=where)
    unknown = set(raw) - {
        "code",
        "type",
        "names",
        "abbrev",
        "agent",
        "valid_from",
        "valid_to",
        "note",
        "role",
        "members",
    }
    if unknown:
        raise DataFileError(f"unknown field(s) {sorted(unknown)}", path=where)
    kind = raw.get("type")
    members: tuple[str, ...] = ()
    code = raw.get("code")
    if kind == "collective" or "members" in raw:
        # a collective is coded by its members: its own code only names it in listings
        members = _members(raw, where)
        code = "+".join(members)
    elif not isinstance(code, str) or not _CODE.match(code):
        raise DataFileError(f"bad or missing 'code' {code!r}", path=where)
    if kind not in TYPES:
        raise DataFileError(f"{code}: 'type' must be one of {sorted(TYPES)}", path=where)
    names = with_separator_variants(string_list(raw.get("names"), where, f"{code}.names"))
    abbrev = string_list(raw.get("abbrev"), where, f"{code}.abbrev", required=False)
    if abbrev and (kind != "state" or any(len(a) != 1 for a in abbrev)):
        raise DataFileError(f"{code}: 'abbrev' is for states, one character each", path=where)
    agent = raw.get("agent")
    if agent is not None and agent not in AGENTS:
        raise DataFileError(f"{code}: 'agent' must be one of {sorted(AGENTS)}", path=where)
    valid_from = as_date(raw.get("valid_from"), where, f"{code}.valid_from")
    valid_to = as_date(raw.get("valid_to"), where, f"{code}.valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        raise DataFileError(f"{code} {names[0]}: valid_from is after valid_to", path=where)
    note = raw.get("note")
    return ActorEntry(
        code=code,
        type=kind,
        names=names,
        abbrev=abbrev,
        agent=agent,
        valid_from=valid_from,
        valid_to=valid_to,
        note=str(note) if note is not None else None,
        origin=where,
        members=members,
    )


# the separators of the parts of a foreign name, written interchangeably (ヨシフ・スターリン,
# ヨシフ=スターリン, ヨシフ＝スターリン): a dictionary lists a name once, with any of them
NAME_SEPARATORS = ("・", "=", "＝")


def with_separator_variants(names: tuple[str, ...]) -> tuple[str, ...]:
    """Each name, then the same name with the other separators, without repeats."""
    out: dict[str, None] = {}
    for name in names:
        out[name] = None
        if any(sep in name for sep in NAME_SEPARATORS):
            for sep in NAME_SEPARATORS:
                out[_NAME_PARTS.sub(sep, name)] = None
    return tuple(out)


def _members(raw: dict[str, object], where: str) -> tuple[str, ...]:
    """The member codes of a collective entry: two or more distinct codes, and no code,
    agent or abbreviation of its own (each member is coded as itself)."""
    if raw.get("type") != "collective":
        raise DataFileError("'members' is only for entries of type 'collective'", path=where)
    for field in ("code", "agent", "abbrev"):
        if field in raw:
            raise DataFileError(
                f"a collective has no '{field}' of its own: list its 'members'", path=where
            )
    members = raw.get("members")
    if (
        not isinstance(members, list)
        or len(members) < 2
        or not all(isinstance(m, str) and _CODE.match(m) for m in members)
    ):
        raise DataFileError(
            f"collective 'members' must list two or more actor codes, got {members!r}",
            path=where,
        )
    if len(set(members)) != len(members):
        raise DataFileError(f"collective 'members' lists a code twice: {members}", path=where)
    return tuple(members)


def check_members(entries: Sequence[ActorEntry]) -> None:
    """Every member of a collective must be the code of a state of the dictionary."""
    states = {e.code for e in entries if e.type == "state"}
    for entry in entries:
        for code in entry.members:
            if code not in states:
                raise DataFileError(
                    f"collective {entry.names[0]}: member {code!r} is not the code of a state",
                    path=entry.origin,
                )


def parse_actor_file(where: str, text: str) -> list[ActorEntry]:
    _, entries = load_yaml_entries(where, text)
    return [parse_entry(raw, f"{where} entry {n}") for n, raw in enumerate(entries, start=1)]


@dataclass(frozen=True)
class RawMention:
    """A dictionary hit before its code is chosen for a date."""

    text: str
    start: int
    end: int
    candidates: tuple[ActorEntry, ...]
    rule: str  # name | compound (米ソ, or a collective: バルト三国) | abbrev | role | …
    posted: bool = False  # after a posting prefix (駐ソ): the host, not the actor


class ActorDictionary:
    """Names -> entries (first listed = default when the date is unknown)."""

    def __init__(self, entries: Iterable[ActorEntry], grammar: Grammar) -> None:
        self.grammar = grammar
        self.by_name: dict[str, list[ActorEntry]] = {}
        self.by_abbrev: dict[str, list[ActorEntry]] = {}
        for entry in entries:
            for name in entry.names:
                self.by_name.setdefault(name, []).append(entry)
            for ab in entry.abbrev:
                self.by_abbrev.setdefault(ab, []).append(entry)
        self.max_len = max((len(n) for n in self.by_name), default=1)
        # katakana names by a spelling-insensitive key, bucketed by key length
        self.by_key = _kana_keys(self.by_name)
        self._key_lengths: dict[int, list[str]] = {}
        for key in self.by_key:
            self._key_lengths.setdefault(len(key), []).append(key)
        self._suffixes = grammar.abbrev_suffixes
        self.by_surname = _kanji_surnames(self.by_name)
        self.by_kana_surname = _kana_surnames(self.by_name)
        self._titles = grammar.person_titles

    def find(
        self, text: str, extra: Mapping[str, tuple[ActorEntry, ...]] | None = None
    ) -> list[RawMention]:
        """Longest-first dictionary matches, left to right, no overlaps. `extra` holds names
        learned from the document itself (role phrases); they win over the dictionary."""
        extra = extra or {}
        longest = max(self.max_len, max((len(k) for k in extra), default=0))
        out: list[RawMention] = []
        i, n = 0, len(text)
        last_end = 0
        while i < n:
            hit = (
                self._abbrev_at(text, i, last_end)
                or self._name_at(text, i, last_end, extra, longest)
                or self._surname_at(text, i)
                or self._variant_at(text, i, last_end)
            )
            if hit is None:
                i += 1
                continue
            if (
                hit.candidates[0].type in ("state", "place")
                and text.startswith(self.grammar.not_actor_suffixes, hit.end)
                and not text.startswith(self.grammar.actor_compounds, hit.end)
            ):
                # 日本時間, ロシア語, 日本海: a time zone, a language, a sea, not the state
                i = last_end = hit.end
                continue
            if hit.candidates[0].type == "igo" and text.startswith(
                self.grammar.igo_envoys, hit.end
            ):
                # 国連大使: a state's envoy to the organisation; the organisation does not act
                i = last_end = hit.end
                continue
            if hit.candidates[0].type == "collective":
                hit = _expand(hit)
            if i > 0 and text[i - 1] in self.grammar.posting_prefixes:
                hit = replace(hit, posted=True)
            out.append(hit)
            i = last_end = hit.end
        return out

    def _name_at(
        self,
        text: str,
        i: int,
        last_end: int,
        extra: Mapping[str, tuple[ActorEntry, ...]],
        longest: int,
    ) -> RawMention | None:
        for length in range(min(longest, len(text) - i), 0, -1):
            name = text[i : i + length]
            group = extra.get(name) or self.by_name.get(name)
            if not group:
                continue
            if not self._bounded(text, i, i + length, last_end):
                continue
            rule = "role" if name in extra else "name"
            return RawMention(name, i, i + length, tuple(group), rule)
        return None

    def _surname_at(self, text: str, i: int) -> RawMention | None:
        """岸田首相, 安倍元首相, ウィルソン大統領: a surname of a known person right before a
        role noun."""
        if i > 0 and _is_kanji(text[i - 1]):
            return None
        if i == 0 or not (_KATAKANA.match(text[i - 1]) or _NAME_PARTS.match(text[i - 1])):
            end = i
            while end < len(text) and _KATAKANA.match(text[end]):
                end += 1
            group = self.by_kana_surname.get(text[i:end]) if end - i >= 3 else None
            if group and text[end:].lstrip("元前現").startswith(self._titles):
                return RawMention(text[i:end], i, end, tuple(group), "surname")
        for cut in (3, 2, 1):
            group = self.by_surname.get(text[i : i + cut])
            if not group:
                continue
            rest = text[i + cut :].lstrip("元前現")
            if rest.startswith(self._titles):
                return RawMention(text[i : i + cut], i, i + cut, tuple(group), "surname")
        return None

    def _variant_at(self, text: str, i: int, last_end: int) -> RawMention | None:
        """A katakana word that is a known name spelt another way (ウーマンスキー)."""
        if i > 0 and i != last_end and _KATAKANA.match(text[i - 1]):
            return None
        run = KATAKANA_RUN.match(text, i)
        if run is None:
            return None
        word = run.group()
        # try the whole run, then its last part (ヨシフ・スターリン → スターリン is exact anyway)
        key = kana_key(word)
        group = self.by_key.get(key)
        if group is None and len(key) >= MIN_FUZZY:
            for length in (len(key) - 1, len(key), len(key) + 1):
                for other in self._key_lengths.get(length, []):
                    if len(other) >= MIN_FUZZY and within_one_edit(key, other):
                        group = self.by_key[other]
                        break
                if group is not None:
                    break
        if group is None:
            return None
        return RawMention(word, i, run.end(), tuple(group), "variant")

    def _bounded(self, text: str, start: int, end: int, last_end: int) -> bool:
        """A katakana or Latin name must not be cut out of a longer word of its script
        (フォード|ソン, UN|ESCO), unless names run together there (エストニアラトビアリトアニア,
        as link texts do when a page is flattened)."""
        for script in (_KATAKANA, _LATIN):
            cut_before = start > 0 and start != last_end and script.match(text[start - 1])
            if script.match(text[start]) and cut_before:
                return False
            cut_after = end < len(text) and script.match(text[end - 1]) and script.match(text[end])
            if cut_after and not self._name_starts_at(text, end):
                return False
        return True

    def _name_starts_at(self, text: str, pos: int) -> bool:
        return any(
            text[pos : pos + length] in self.by_name
            for length in range(min(self.max_len, len(text) - pos), 1, -1)
        )

    def _abbrev_at(self, text: str, i: int, last_end: int) -> RawMention | None:
        """米ソ, 英米仏 (runs of two or more); 米政府, 対ソ (one, next to a known affix)."""
        if text[i] not in self.by_abbrev:
            return None
        j = self._abbrev_run_end(text, i)
        run = "".join(self.grammar.abbrev_variants.get(ch, ch) for ch in text[i:j])
        if any(text.startswith(bad, i) for bad in self.grammar.not_compounds):
            return None
        # a full name starting here wins over an abbreviation (中国, 日本, 英国)
        for length in range(min(self.max_len, len(text) - i), 1, -1):
            if text[i : i + length] in self.by_name:
                return None
        prev = text[i - 1] if i > 0 else ""
        prefixed = prev in self.grammar.abbrev_prefixes
        if _is_kanji(prev) and not prefixed:
            return None  # inside a word: 追加協定, 南米
        after = text[j:]
        if len(run) >= 2:
            # a compound stands alone (米ソは, 英米仏の) or before a known noun (米ソ関係)
            alone = not after or not _is_kanji(after[0])
            if alone or any(after.startswith(s) for s in self._suffixes):
                cands = tuple(self.by_abbrev[ch][0] for ch in run)
                if len({c.code for c in cands}) == len(cands):
                    return RawMention(text[i:j], i, j, cands, "compound")
        ch = run[0]
        rest = text[i + 1 :]
        if prefixed or any(rest.startswith(s) for s in self._suffixes):
            return RawMention(ch, i, i + 1, tuple(self.by_abbrev[ch]), "abbrev")
        return None

    def _abbrev_run_end(self, text: str, i: int) -> int:
        """Where a run of abbreviations (米ソ, 米ロ with ロ standing for 露) ends."""
        j = i
        while j < len(text) and text[j] in self.by_abbrev:
            j += 1
        variants = self.grammar.abbrev_variants
        while (
            j < len(text)
            and text[j] in variants
            and variants[text[j]] in self.by_abbrev
            and not _KATAKANA.match(text[j + 1 : j + 2])
        ):
            j += 1
        return j


def _kana_keys(by_name: Mapping[str, list[ActorEntry]]) -> dict[str, list[ActorEntry]]:
    out: dict[str, list[ActorEntry]] = {}
    for name, group in by_name.items():
        if is_katakana_name(name):
            bucket = out.setdefault(kana_key(name), [])
            bucket.extend(e for e in group if e not in bucket)
    return out


def _kanji_surnames(by_name: Mapping[str, list[ActorEntry]]) -> dict[str, list[ActorEntry]]:
    """Kanji surnames of persons, used only right before a role noun (岸田首相, 習主席): a
    surname alone is too ambiguous, with a title it is how the press names leaders."""
    out: dict[str, list[ActorEntry]] = {}
    for name, group in by_name.items():
        if not _KANJI_NAME.fullmatch(name):
            continue
        for cut in range(1, min(3, len(name) - 1) + 1):
            for e in group:
                if e.type == "person" and e not in out.get(name[:cut], []):
                    out.setdefault(name[:cut], []).append(e)
    for surname in [k for k, v in out.items() if len({e.code for e in v}) > 1]:
        del out[surname]  # 金: KOR or PRK — left to the full name
    return out


def _kana_surnames(by_name: Mapping[str, list[ActorEntry]]) -> dict[str, list[ActorEntry]]:
    """Katakana surnames too (ウィルソン大統領): the last part of a full name; one shared by
    leaders of several states is told apart by their terms (valid_from/valid_to)."""
    out: dict[str, list[ActorEntry]] = {}
    for name, group in by_name.items():
        parts = _NAME_PARTS.split(name)
        if len(parts) < 2 or not is_katakana_name(parts[-1]) or len(parts[-1]) < 3:
            continue
        for e in group:
            if e.type == "person":
                bucket = out.setdefault(parts[-1], [])
                if e not in bucket:
                    bucket.append(e)
    return out


def _expand(hit: RawMention) -> RawMention:
    """A collective name (バルト三国) is matched like a compound (米ソ): one candidate per
    member state, each coded as itself. The first entry listed under the name is taken, as
    for any name whose date is not known yet."""
    collective = hit.candidates[0]
    members = tuple(
        ActorEntry(
            code=code,
            type="state",
            names=(hit.text,),
            valid_from=collective.valid_from,
            valid_to=collective.valid_to,
            note=f"member of the collective {collective.names[0]}",
            origin=collective.origin,
        )
        for code in collective.members
    )
    return replace(hit, candidates=members, rule="compound")


def _is_kanji(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """'1941' -> (1941-01-01, 1941-12-31); '1941-06' -> the month; '1941-06-22' -> that day."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
        day = dt.date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def choose(candidates: tuple[ActorEntry, ...], when: str | None) -> ActorEntry:
    """The entry valid at `when` (the narrowest window that covers it, then one that overlaps
    it); the first one listed when no date is known or none fits."""
    bounds = date_bounds(when)
    if bounds is None:
        return candidates[0]
    lo, hi = bounds

    def width(e: ActorEntry) -> int:
        start = e.valid_from or dt.date.min
        end = e.valid_to or dt.date.max
        return (end - start).days

    covering = [e for e in candidates if e.covers(lo, hi)]
    if covering:
        return min(covering, key=width)
    overlapping = [e for e in candidates if e.overlaps(lo, hi)]
    if overlapping:
        return min(overlapping, key=width)
    return candidates[0]


def resolve(raw: RawMention, when: str | None) -> list[Mention]:
    """One Mention per actor: a compound such as 米ソ gives two, a collective such as
    バルト三国 one per member."""
    if raw.rule == "compound":
        return [
            Mention(
                code=c.code,
                text=raw.text,
                start=raw.start,
                end=raw.end,
                kind="compound",
                agent=c.agent,
                entry=raw.text,
            )
            for c in raw.candidates
        ]
    entry = choose(raw.candidates, when)
    return [
        Mention(
            code=entry.code,
            text=raw.text,
            start=raw.start,
            end=raw.end,
            kind=entry.type,
            agent=entry.agent,
            entry=f"{raw.rule}:{raw.text}",
        )
    ]


def load_actor_dictionary(grammar: Grammar, user_files: Iterable[Path] = ()) -> ActorDictionary:
    """Bundled actors plus user files; a user file's entries come first, so they win."""
    entries: list[ActorEntry] = []
    for path in user_files:
        entries.extend(parse_actor_file(*read_user_file(path)))
    for where, text in bundled("actors"):
        entries.extend(parse_actor_file(where, text))
    check_members(entries)
    return ActorDictionary(entries, grammar)
