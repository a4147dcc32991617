"""The exceptions kankei raises. The CLI alone turns them into user messages.

KankeiError
├── IngestError            a document could not be read
│   ├── UnsupportedFormat
│   ├── BinaryContent
│   ├── EmptyDocument
│   └── UndecodableText
├── DataFileError          a bundled or user data file (actors, predicates, CAMEO) is malformed
├── StoreError             the DuckDB store is missing, locked or of another schema version
├── QueryError             a query's parameters are invalid
│   └── NotFound           what it asks for is not in the store
├── GoldFileError          an evaluation gold file is malformed
├── ExportError            an export format is unknown or its library is missing
├── EngineError            the Ray engine is missing or its cluster failed
└── SettingsError          a setting is invalid (an unknown rule id)
"""

from __future__ import annotations


class KankeiError(Exception):
    """kankei failed."""

    def __init__(self, detail: str = "", *, path: str | None = None) -> None:
        self.detail = detail
        self.path = path
        super().__init__(self.message)

    @property
    def message(self) -> str:
        base = (type(self).__doc__ or "kankei failed.").strip().splitlines()[0]
        parts = [f"{self.path}: " if self.path else "", base]
        if self.detail:
            parts.append(f" ({self.detail})")
        return "".join(parts)


class IngestError(KankeiError):
    """The document could not be ingested."""


class UnsupportedFormat(IngestError):
    """The file type is not supported (use .txt, .md, .html or .htm)."""


class BinaryContent(IngestError):
    """The file holds binary data, not text."""


class EmptyDocument(IngestError):
    """The document holds no text."""


class UndecodableText(IngestError):
    """The text encoding could not be detected."""


class DataFileError(KankeiError):
    """A data file is malformed."""


class StoreError(KankeiError):
    """The event store cannot be used."""


class QueryError(KankeiError):
    """The query is invalid."""


class NotFound(QueryError):
    """Not in the store."""


class GoldFileError(KankeiError):
    """The gold file is malformed."""


class ExportError(KankeiError):
    """The export failed."""


class EngineError(KankeiError):
    """The Ray engine failed."""


class SettingsError(KankeiError):
    """The settings are not valid."""
