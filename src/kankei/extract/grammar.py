"""The closed word classes of data/grammar.yaml, validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from kankei.errors import DataFileError
from kankei.extract.datafiles import bundled, check_keys, strict_yaml, string_list


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
    symmetric: frozenset[str]
    locative_cases: frozenset[str]
    partner_cases: tuple[str, ...]
    bound_nouns: frozenset[str]
    time_bounds: tuple[str, ...]
    cancelling_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    conditionals: frozenset[str]
    postposition_verbs: frozenset[str]
    te_postpositions: frozenset[str]
    measure_nouns: frozenset[str]
    attempts: dict[str, str]
    document_nouns: tuple[str, ...]
    counterpart_pronouns: frozenset[str]
    together: frozenset[str]
    person_titles: tuple[str, ...]
    claim_verbs: frozenset[str]
    mass_markers: tuple[str, ...]
    attempt_verbs: frozenset[str]
    request_verbs: frozenset[str]
    publications: frozenset[str]
    rebel_nouns: tuple[str, ...]
    obtaining_verbs: frozenset[str]
    igo_envoys: tuple[str, ...]
    not_actor_suffixes: tuple[str, ...]
    actor_compounds: tuple[str, ...]
    continuations: tuple[str, ...]
    occurrence_verbs: frozenset[str]
    votes: frozenset[str]
    aid_markers: tuple[str, ...]
    notification_verbs: frozenset[str]
    war_states: tuple[str, ...]
    counterpart_cases: frozenset[str]
    about_cases: frozenset[str]
    addressed_cases: frozenset[str]
    aside_marks: frozenset[str]
    time_heads: frozenset[str]
    time_clause_heads: frozenset[str]
    time_nouns: frozenset[str]
    conflict_nouns: tuple[str, ...]
    manner_adverbs: tuple[str, ...]
    background_heads: tuple[str, ...]
    generic_organs: tuple[str, ...]
    media_suffixes: tuple[str, ...]
    media_names: tuple[str, ...]

    def is_media(self, name: str) -> bool:
        """ロイター, 朝日新聞, AP通信: a news medium, not an actor."""
        return name.endswith(self.media_suffixes) or name.startswith(self.media_names)

    def is_postposition(self, lemma: str, te_form: bool) -> bool:
        """…に基づいて, …ことを受けて: a verb serving as a postposition, not a clause."""
        return lemma in self.postposition_verbs or (te_form and lemma in self.te_postpositions)

    def continues(self, text: str) -> bool:
        """また、…を求めた: the sentence opens as a continuation of the one before."""
        return text.startswith(self.continuations)

    def role_agent(self, text: str) -> str | None:
        """The agent of the longest role noun that text ends with (ソ連外相 → GOV)."""
        longest = max((len(role) for role in self.roles), default=0)
        for length in range(min(len(text), longest), 0, -1):
            agent = self.roles.get(text[-length:])
            if agent is not None:
                return agent
        return None


def load_grammar() -> Grammar:
    ((where, text),) = bundled("grammar.yaml")
    return parse_grammar(where, text)


_HEADER_KEYS = frozenset({"version", "source", "licence"})


def parse_grammar(where: str, text: str) -> Grammar:
    """The grammar from a grammar.yaml text: every key of Grammar present, no other key, no key
    twice."""
    data = strict_yaml(where, text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping", path=where)
    check_keys(data, where, frozenset(f.name for f in fields(Grammar)), _HEADER_KEYS)

    values: dict[str, object] = {}
    for f in fields(Grammar):
        raw = data[f.name]
        if f.name in _MAPPINGS:
            values[f.name] = _MAPPINGS[f.name](raw, where)
            continue
        words = string_list(raw, where, f.name)
        if f.name in _LONGEST_FIRST:
            words = tuple(sorted(words, key=len, reverse=True))
        values[f.name] = frozenset(words) if str(f.type).startswith("frozenset") else words
    return Grammar(**values)  # type: ignore[arg-type]


# matched as prefixes or suffixes of a text: the longest must be tried first
_LONGEST_FIRST = frozenset({"abbrev_suffixes", "person_titles", "rebel_nouns"})


def _modality(raw: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise DataFileError("'modality' must map a mode to a list of markers", path=where)
    return {str(k): string_list(v, where, f"modality.{k}") for k, v in raw.items()}


def _roles(raw: object, where: str) -> dict[str, str]:
    """agent code -> role nouns in the file; role noun -> agent code here."""
    if not isinstance(raw, dict):
        raise DataFileError("'roles' must map an agent code to role nouns", path=where)
    roles: dict[str, str] = {}
    for agent, nouns in raw.items():
        for noun in string_list(nouns, where, f"roles.{agent}"):
            roles[noun] = str(agent)
    return roles


def _variants(raw: object, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1 for k, v in raw.items()
    ):
        raise DataFileError("'abbrev_variants' must map one character to one", path=where)
    return {str(k): str(v) for k, v in raw.items()}


def _anaphora(raw: object, where: str) -> dict[str, int]:
    if not isinstance(raw, dict) or not all(isinstance(v, int) and v > 0 for v in raw.values()):
        raise DataFileError("'anaphora' must map an anaphor to a positive count", path=where)
    return {str(k): int(v) for k, v in raw.items()}


def _code_map(raw: object, where: str, key: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.isdigit() and v.isdigit()
        for k, v in raw.items()
    ):
        raise DataFileError(f"'{key}' must map a root to a code, both quoted", path=where)
    return {str(k): str(v) for k, v in raw.items()}


def _attempts(raw: object, where: str) -> dict[str, str]:
    return _code_map(raw, where, "attempts")


_MAPPINGS: dict[str, Callable[[object, str], object]] = {
    "modality": _modality,
    "roles": _roles,
    "abbrev_variants": _variants,
    "anaphora": _anaphora,
    "attempts": _attempts,
}
