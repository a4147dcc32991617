"""The closed word classes of data/grammar.yaml, validated."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from kankei.errors import DataFileError
from kankei.extract.datafiles import bundled, string_list


@dataclass(frozen=True)
class Grammar:
    light_verbs: frozenset[str]
    unilateral: frozenset[str]
    target_cases: tuple[str, ...]
    source_cases: tuple[str, ...]
    agent_cases: tuple[str, ...]
    negation: frozenset[str]
    modality: dict[str, tuple[str, ...]]
    abbrev_suffixes: tuple[str, ...]
    abbrev_prefixes: frozenset[str]
    not_compounds: frozenset[str]


def load_grammar() -> Grammar:
    ((where, text),) = bundled("grammar.yaml")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping", path=where)

    def words(key: str) -> tuple[str, ...]:
        return string_list(data.get(key), where, key)

    modality_raw = data.get("modality")
    if not isinstance(modality_raw, dict):
        raise DataFileError("'modality' must map a mode to a list of markers", path=where)
    return Grammar(
        light_verbs=frozenset(words("light_verbs")),
        unilateral=frozenset(words("unilateral")),
        target_cases=words("target_cases"),
        source_cases=words("source_cases"),
        agent_cases=words("agent_cases"),
        negation=frozenset(words("negation")),
        modality={str(k): string_list(v, where, f"modality.{k}") for k, v in modality_raw.items()},
        abbrev_suffixes=tuple(sorted(words("abbrev_suffixes"), key=len, reverse=True)),
        abbrev_prefixes=frozenset(words("abbrev_prefixes")),
        not_compounds=frozenset(words("not_compounds")),
    )
