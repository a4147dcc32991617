"""Readers that turn files into Documents whose offsets point back into the decoded original."""

from kankei.ingest.documents import discover, read_document

__all__ = ["discover", "read_document"]
