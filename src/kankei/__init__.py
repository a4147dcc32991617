"""kankei: Japanese writing about international relations -> coded political event data."""

__version__ = "0.1.0"
