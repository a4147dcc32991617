"""Names a document introduces, as a document-level alias dictionary.

Persons are coded from the role phrase around them (米国大統領ウッドロウ・ウィルソン,
駐ペトログラード米国大使のデビッド・R・フランシス), and the bare surname of a person named in full
refers to that person, so that later mentions in the document resolve too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kankei.extract.actors import ActorEntry, RawMention, choose
from kankei.extract.grammar import Grammar

_KANJI_ONLY = re.compile(r"[\u4e00-\u9fff々]+")
_NAME = re.compile(
    r"(?:[\u30a1-\u30fa\u30fc]+|[A-Z]\.?)(?:[・=＝](?:[\u30a1-\u30fa\u30fc]+|[A-Z]\.?))*"
)


def kanji_surname(name: str, code: str) -> str | None:
    """松岡洋右 → 松岡, 吉田茂 → 吉田: the surname a document goes on to call a person by, where
    the full name shows it — the first two characters of a four-character name, or of a
    three-character Japanese one (a three-character Chinese or Korean name has a one-character
    surname, 周恩来, too ambiguous alone)."""
    if not _KANJI_ONLY.fullmatch(name):
        return None
    if len(name) == 4 or (len(name) == 3 and code == "JPN"):
        return name[:2]
    return None


def _name_before_title(text: str, pos: int, grammar: Grammar) -> tuple[str, str] | None:
    """イスラエルのカツァヴ大統領: the foreign name between a state's の and a person's title, as
    the press names officials; (name, title) or None. (Kanji names are not read so: where 日本の
    次期首相 or 中国の新外相 ends a name does not show.)"""
    found = _NAME.match(text, pos)
    if found is None:
        return None
    name = found.group().strip("・=＝")
    title = next((t for t in grammar.person_titles if text.startswith(t, found.end())), None)
    return (name, title) if title is not None and len(name) >= 3 else None


def _person(code: str, name: str, agent: str | None, m: RawMention, text: str) -> ActorEntry:
    return ActorEntry(
        code=code,
        type="person",
        names=(name,),
        agent=agent or "GOV",
        note=f"coded from the title phrase {text[m.start : m.end + 1]}{name}",
        origin="title-phrase",
    )


def learn_aliases(
    text: str, named: Sequence[RawMention], grammar: Grammar, when: str | None
) -> dict[str, tuple[ActorEntry, ...]]:
    """Names introduced by a role phrase in this sentence -> an entry for their state."""
    out: dict[str, tuple[ActorEntry, ...]] = {}
    taken = {(m.start, m.end) for m in named}
    roles = sorted(grammar.roles, key=len, reverse=True)
    for m in named:
        if m.rule == "compound" or m.posted:
            continue
        entry = choose(m.candidates, when)
        if entry.type == "person":
            # a full name makes its bare surname refer to the same person in this document
            surname = re.split(r"[・=＝]", m.text)[-1]
            if surname != m.text and len(surname) >= 3:
                out.setdefault(surname, m.candidates)
            kanji = kanji_surname(m.text, entry.code)
            if kanji is not None:
                out.setdefault(kanji, m.candidates)
            continue
        pos = m.end
        if text.startswith("の", pos):
            pos += 1
        role = next((r for r in roles if text.startswith(r, pos)), None)
        if role is None and entry.type == "state" and text.startswith("の", m.end):
            titled = _name_before_title(text, pos, grammar)
            if titled is not None and not any(s <= pos < e for s, e in taken):
                name, title = titled
                out.setdefault(
                    name, (_person(entry.code, name, grammar.roles.get(title), m, text),)
                )
            continue
        if role is None and entry.type not in ("organ",):
            continue
        if role is not None:
            pos += len(role)
        for joiner in ("の", "である", "・"):
            if text.startswith(joiner, pos):
                pos += len(joiner)
                break
        found = _NAME.match(text, pos)
        if found is None or any(s <= found.start() < e for s, e in taken):
            continue
        name = found.group().strip("・=＝")
        if len(name) < 3:
            continue
        learned = ActorEntry(
            code=entry.code,
            type="person",
            names=(name,),
            agent=grammar.roles.get(role) if role else entry.agent,
            note=f"coded from the role phrase {text[m.start : found.end()]}",
            origin="role-phrase",
        )
        out[name] = (learned,)
        surname = re.split(r"[・=＝]", name)[-1]
        if surname != name and len(surname) >= 3:
            out.setdefault(surname, (learned,))
    return out
