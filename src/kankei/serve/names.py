"""Japanese names of actor codes, for autocompletion and display."""

from __future__ import annotations

from collections.abc import Iterable

from kankei.extract.actors import load_actor_dictionary
from kankei.extract.grammar import load_grammar

# names of the state or organisation itself come before the people who act for it
_ORDER = {"state": 0, "igo": 1, "group": 2, "organ": 3, "place": 4, "person": 5}


class ActorNames:
    def __init__(self, names: dict[str, tuple[str, ...]]) -> None:
        self._names = names

    def names(self, code: str) -> tuple[str, ...]:
        return self._names.get(code, ())

    def matches(self, code: str, q: str, words: Iterable[str] = ()) -> bool:
        """Does `q` start the code or occur in one of its names or the words used for it?"""
        if code.startswith(q.upper()):
            return True
        return any(q in name for name in (*self.names(code), *words))


def load_actor_names() -> ActorNames:
    dictionary = load_actor_dictionary(load_grammar())
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for name, entries in dictionary.by_name.items():
        for entry in entries:
            ranked.setdefault(entry.code, []).append((_ORDER.get(entry.type, 9), len(name), name))
    return ActorNames(
        {
            code: tuple(dict.fromkeys(name for *_, name in sorted(items)))
            for code, items in ranked.items()
        }
    )
