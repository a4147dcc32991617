"""The DuckDB store: schema, writes and queries."""

from kankei.store.db import Store

__all__ = ["Store"]
