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
    abbrev_variants: dict[str, str]  # ロ → 露: a kana stand-in inside a compound
    not_compounds: frozenset[str]
    roles: dict[str, str]  # role noun -> agent
    anaphora: dict[str, int]  # anaphor -> number of antecedents
    posting_prefixes: frozenset[str]
    transparent_heads: frozenset[str]
    joint_declarations: frozenset[str]
    passive_light_verbs: frozenset[str]
    passive_sources: tuple[str, ...]
    modifier_target_cases: tuple[str, ...]
    symmetric_roots: frozenset[str]
    symmetric: frozenset[str]
    zero_target_roots: frozenset[str]
    locative_cases: frozenset[str]
    violent_roots: frozenset[str]
    partner_cases: tuple[str, ...]
    bound_nouns: frozenset[str]
    time_bounds: tuple[str, ...]
    cancelling_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    coercive_roots: frozenset[str]
    conditionals: frozenset[str]
    postposition_verbs: frozenset[str]
    te_postpositions: frozenset[str]
    recall_roots: frozenset[str]
    measure_nouns: frozenset[str]
    attempts: dict[str, str]
    document_nouns: tuple[str, ...]
    counterpart_pronouns: frozenset[str]
    together: frozenset[str]
    person_titles: tuple[str, ...]
    claim_verbs: frozenset[str]
    hostile_roots: frozenset[str]
    mass_markers: tuple[str, ...]
    attempt_verbs: frozenset[str]
    request_verbs: frozenset[str]
    publications: frozenset[str]
    rebel_nouns: tuple[str, ...]
    obtaining_verbs: frozenset[str]

    def is_postposition(self, lemma: str, te_form: bool) -> bool:
        """…に基づいて, …ことを受けて: a verb serving as a postposition, not a clause."""
        return lemma in self.postposition_verbs or (te_form and lemma in self.te_postpositions)

    def role_agent(self, text: str) -> str | None:
        """The agent of the longest role noun that text ends with (ソ連外相 → GOV)."""
        for length in range(min(len(text), 6), 0, -1):
            agent = self.roles.get(text[-length:])
            if agent is not None:
                return agent
        return None


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
    roles: dict[str, str] = {}
    roles_raw = data.get("roles")
    if not isinstance(roles_raw, dict):
        raise DataFileError("'roles' must map an agent code to role nouns", path=where)
    for agent, nouns in roles_raw.items():
        for noun in string_list(nouns, where, f"roles.{agent}"):
            roles[noun] = str(agent)
    variants_raw = data.get("abbrev_variants")
    if not isinstance(variants_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1
        for k, v in variants_raw.items()
    ):
        raise DataFileError("'abbrev_variants' must map one character to one", path=where)
    anaphora_raw = data.get("anaphora")
    if not isinstance(anaphora_raw, dict) or not all(
        isinstance(v, int) and v > 0 for v in anaphora_raw.values()
    ):
        raise DataFileError("'anaphora' must map an anaphor to a positive count", path=where)
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
        abbrev_variants={str(k): str(v) for k, v in variants_raw.items()},
        not_compounds=frozenset(words("not_compounds")),
        roles=roles,
        anaphora={str(k): int(v) for k, v in anaphora_raw.items()},
        posting_prefixes=frozenset(words("posting_prefixes")),
        transparent_heads=frozenset(words("transparent_heads")),
        joint_declarations=frozenset(words("joint_declarations")),
        passive_light_verbs=frozenset(words("passive_light_verbs")),
        passive_sources=words("passive_sources"),
        modifier_target_cases=words("modifier_target_cases"),
        symmetric_roots=frozenset(words("symmetric_roots")),
        symmetric=frozenset(words("symmetric")),
        zero_target_roots=frozenset(words("zero_target_roots")),
        locative_cases=frozenset(words("locative_cases")),
        violent_roots=frozenset(words("violent_roots")),
        partner_cases=words("partner_cases"),
        bound_nouns=frozenset(words("bound_nouns")),
        time_bounds=words("time_bounds"),
        cancelling_verbs=frozenset(words("cancelling_verbs")),
        warning_verbs=frozenset(words("warning_verbs")),
        coercive_roots=frozenset(words("coercive_roots")),
        conditionals=frozenset(words("conditionals")),
        postposition_verbs=frozenset(words("postposition_verbs")),
        te_postpositions=frozenset(words("te_postpositions")),
        recall_roots=frozenset(words("recall_roots")),
        measure_nouns=frozenset(words("measure_nouns")),
        attempts=_code_map(data.get("attempts"), where, "attempts"),
        document_nouns=tuple(words("document_nouns")),
        counterpart_pronouns=frozenset(words("counterpart_pronouns")),
        together=frozenset(words("together")),
        person_titles=tuple(sorted(words("person_titles"), key=len, reverse=True)),
        claim_verbs=frozenset(words("claim_verbs")),
        hostile_roots=frozenset(words("hostile_roots")),
        mass_markers=tuple(words("mass_markers")),
        attempt_verbs=frozenset(words("attempt_verbs")),
        request_verbs=frozenset(words("request_verbs")),
        publications=frozenset(words("publications")),
        rebel_nouns=tuple(sorted(words("rebel_nouns"), key=len, reverse=True)),
        obtaining_verbs=frozenset(words("obtaining_verbs")),
    )


def _code_map(raw: object, where: str, key: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.isdigit() and v.isdigit()
        for k, v in raw.items()
    ):
        raise DataFileError(f"'{key}' must map a root to a code, both quoted", path=where)
    return {str(k): str(v) for k, v in raw.items()}
