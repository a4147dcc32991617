"""What a stored document's events were coded with: the kankei version, its code and data
files, and the settings that change what is coded. A document stored with another stamp is
coded again — by a new ingest of its file, or from the store by `kankei ingest --recode`."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

from kankei import __version__
from kankei.settings import Settings

# the parts of the package a document's events depend on (not the CLI, the store, the server)
_CODING_PARTS = ("ingest", "nlp", "extract", "data", "pipeline.py", "model.py")
_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json", ".csv", ".txt"})


@cache
def package_stamp() -> str:
    """The version and a digest of the package's coding code and data: `0.9.0+1a2b3c4d5e`."""
    root = Path(str(resources.files("kankei")))
    digest = hashlib.sha256()
    for part in _CODING_PARTS:
        base = root / part
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in files:
            if path.is_file() and path.suffix in _SUFFIXES:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def coding_stamp(settings: Settings) -> str:
    """The package stamp and a digest of the settings that change coding: the document date
    given, the user's dictionaries (their content), the rules switched off, the argument
    model."""
    digest = hashlib.sha256()
    digest.update(f"date={settings.doc_date}".encode())
    for label, files in (
        ("actors", settings.actor_files),
        ("predicates", settings.predicate_files),
    ):
        for path in files:
            digest.update(f"{label}={path.name}".encode())
            digest.update(path.read_bytes())
    digest.update(f"off={sorted(settings.disabled_rules)}".encode())
    digest.update(f"model={settings.argument_model}".encode())
    return f"{package_stamp()}.{digest.hexdigest()[:8]}"


def same_package(stamp: str | None) -> bool:
    """Whether a document's stamp was made by this kankei (whatever the settings)."""
    return stamp is not None and stamp.rsplit(".", 1)[0] == package_stamp()
