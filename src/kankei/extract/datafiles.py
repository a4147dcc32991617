"""Shared helpers for the validating loaders of kankei's data files."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kankei.errors import DataFileError


def bundled(*parts: str) -> list[tuple[str, str]]:
    """(name, text) of bundled data files under kankei/data/<parts...>, sorted by name."""
    node = resources.files("kankei").joinpath("data", *parts)
    if node.is_file():
        return [("kankei/data/" + "/".join(parts), node.read_text(encoding="utf-8"))]
    return sorted(
        ("kankei/data/" + "/".join(parts) + "/" + child.name, child.read_text(encoding="utf-8"))
        for child in node.iterdir()
        if child.name.endswith((".yaml", ".yml"))
    )


def read_user_file(path: Path) -> tuple[str, str]:
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read: {exc}", path=str(path)) from exc


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping with a key twice (YAML itself keeps the last one,
    so a second `light_verbs:` would silently replace the first list)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def strict_yaml(where: str, text: str) -> Any:
    """Parse YAML, refusing duplicate keys; errors name the file."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        raise DataFileError(f"not valid YAML: {exc}", path=where) from exc


def check_keys(
    data: dict[str, Any],
    where: str,
    required: frozenset[str],
    optional: frozenset[str] = frozenset(),
) -> None:
    """Every required key present, no key unknown."""
    unknown = sorted(set(data) - required - optional)
    if unknown:
        raise DataFileError(f"unknown key(s) {unknown}", path=where)
    missing = sorted(required - set(data))
    if missing:
        raise DataFileError(f"missing key(s) {missing}", path=where)


def load_yaml_entries(where: str, text: str) -> tuple[dict[str, Any], list[Any]]:
    """Parse a data file with a version, a source and a list of entries."""
    data = strict_yaml(where, text)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping with 'version' and 'entries'", path=where)
    for key in ("version", "entries"):
        if key not in data:
            raise DataFileError(f"missing top-level key '{key}'", path=where)
    entries = data["entries"]
    if not isinstance(entries, list):
        raise DataFileError("'entries' must be a list", path=where)
    return data, entries


def mapping_entries(
    where: str, text: str, fields: frozenset[str]
) -> list[tuple[str, dict[str, Any]]]:
    """(where, entry) for each entry of a data file, each checked to be a mapping of known
    fields; `where` names the file and the entry's number for error messages."""
    _, entries = load_yaml_entries(where, text)
    out = []
    for n, raw in enumerate(entries, start=1):
        at = f"{where} entry {n}"
        if not isinstance(raw, dict):
            raise DataFileError("every entry must be a mapping", path=at)
        if set(raw) - fields:
            raise DataFileError(f"unknown field(s) {sorted(set(raw) - fields)}", path=at)
        out.append((at, raw))
    return out


def as_date(value: Any, where: str, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DataFileError(f"'{field}' must be an ISO date (YYYY-MM-DD), got {value!r}", path=where)


def string_list(value: Any, where: str, field: str, *, required: bool = True) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or (required and not value)
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise DataFileError(f"'{field}' must be a non-empty list of strings", path=where)
    if len(set(value)) != len(value):
        raise DataFileError(f"'{field}' lists a string twice", path=where)
    return tuple(v.strip() for v in value)
