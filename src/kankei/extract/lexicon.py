"""The predicate lexicon: Japanese verbs and verbal nouns -> CAMEO codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kankei.errors import DataFileError
from kankei.extract.cameo import Codebook
from kankei.extract.datafiles import bundled, load_yaml_entries, read_user_file, string_list

CASES = frozenset(
    {"を", "に", "と", "に対して", "に対し", "への", "へ", "から", "より", "との", "に対する"}
)


@dataclass(frozen=True)
class Predicate:
    lemma: str
    code: str
    note: str
    negated_code: str | None = None
    target_case: tuple[str, ...] = ()
    pos: str | None = None
    origin: str = ""


def parse_predicate(raw: object, where: str, codebook: Codebook) -> Predicate:
    if not isinstance(raw, dict):
        raise DataFileError("every entry must be a mapping", path=where)
    unknown = set(raw) - {"lemma", "code", "note", "negated_code", "target_case", "pos"}
    if unknown:
        raise DataFileError(f"unknown field(s) {sorted(unknown)}", path=where)
    lemma = raw.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip():
        raise DataFileError("missing 'lemma'", path=where)
    code = raw.get("code")
    if not isinstance(code, str) or code not in codebook:
        raise DataFileError(f"{lemma}: 'code' {code!r} is not a CAMEO code (quote it)", path=where)
    negated = raw.get("negated_code")
    if negated is not None and (not isinstance(negated, str) or negated not in codebook):
        raise DataFileError(f"{lemma}: 'negated_code' {negated!r} is not a CAMEO code", path=where)
    cases = string_list(raw.get("target_case"), where, f"{lemma}.target_case", required=False)
    if set(cases) - CASES:
        raise DataFileError(f"{lemma}: unknown case particle(s) {set(cases) - CASES}", path=where)
    pos = raw.get("pos")
    if pos not in (None, "noun", "verb"):
        raise DataFileError(f"{lemma}: 'pos' must be noun or verb", path=where)
    note = raw.get("note")
    if not isinstance(note, str) or not note.strip():
        raise DataFileError(f"{lemma}: missing 'note'", path=where)
    return Predicate(lemma.strip(), code, note, negated, cases, pos, where)


class Lexicon:
    def __init__(self, entries: Iterable[Predicate]) -> None:
        self.by_lemma: dict[str, Predicate] = {}
        for entry in entries:
            # the first definition wins: user files are read before the bundled lexicon
            self.by_lemma.setdefault(entry.lemma, entry)
        self.max_len = max((len(k) for k in self.by_lemma), default=1)
        # first character -> stems starting with it, for the cheap pre-parse test
        self._stems: dict[str, set[str]] = {}
        for key in self.by_lemma:
            stem = surface_stem(key)
            self._stems.setdefault(stem[0], set()).add(stem)

    def may_occur(self, text: str) -> bool:
        """Whether any entry could be matched in the text once parsed: a cheap test that never
        says no to a sentence holding a predicate (see surface_stem)."""
        stems = self._stems
        # a compound's tokens are joined without the spaces that may stand between them
        text = text.replace(" ", "").replace("\u3000", "")
        for i, ch in enumerate(text):
            candidates = stems.get(ch)
            if candidates and any(text.startswith(stem, i) for stem in candidates):
                return True
        return False

    def __len__(self) -> int:
        return len(self.by_lemma)

    def lookup_exact_suffix(self, text: str) -> Predicate | None:
        """The longest entry text ends with, among entries that hold a particle (関係を断る)."""
        for length in range(min(self.max_len, len(text)), 0, -1):
            key = text[-length:]
            if "を" in key:
                hit = self.by_lemma.get(key)
                if hit is not None:
                    return hit
        return None

    def lookup(self, compound: str, lemma: str) -> Predicate | None:
        """The longest entry that the compound text ends with, else the token's lemma."""
        for length in range(min(self.max_len, len(compound)), 0, -1):
            hit = self.by_lemma.get(compound[-length:])
            if hit is not None:
                return hit
        return self.by_lemma.get(lemma)


def _hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def surface_stem(key: str) -> str:
    """The part of an entry that stands unchanged in any text the entry matches.

    A noun entry matches the written tail of a compound, so it stands as it is. A verb or
    adjective entry matches the tail of a compound followed by a token's dictionary form, which
    Sudachi keeps as written (申入れる stays 申入れる), and inflection only changes its last
    kana (述べる -> 述べた, 語る -> 語った, 厳しい -> 厳しく) or the two of する/ずる (屈する ->
    屈した, 応ずる -> 応じた). An object + verb entry (関係を断る) is matched across the words
    between them: its verb stands for it.
    """
    key = key.rsplit("を", 1)[-1] or key
    if key.endswith(("する", "ずる")) and len(key) > 2:
        return key[:-2]
    if _hiragana(key[-1]) and len(key) > 1:
        return key[:-1]
    return key


def load_lexicon(codebook: Codebook, user_files: Iterable[Path] = ()) -> Lexicon:
    entries: list[Predicate] = []
    sources = [read_user_file(p) for p in user_files] + bundled("predicates")
    for where, text in sources:
        _, raw_entries = load_yaml_entries(where, text)
        seen: set[str] = set()
        for n, raw in enumerate(raw_entries, start=1):
            entry = parse_predicate(raw, f"{where} entry {n}", codebook)
            if entry.lemma in seen:
                raise DataFileError(f"lemma {entry.lemma!r} defined twice", path=where)
            seen.add(entry.lemma)
            entries.append(entry)
    return Lexicon(entries)
