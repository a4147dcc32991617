"""The spaCy/GiNZA pipeline. The only package that imports spaCy."""

from kankei.nlp.parser import Parser

__all__ = ["Parser"]
