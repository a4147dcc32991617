"""What extraction looks up, loaded once and passed down."""

from __future__ import annotations

from dataclasses import dataclass

from kankei.extract.cameo import Codebook
from kankei.extract.grammar import Grammar
from kankei.extract.lexicon import Lexicon


@dataclass(frozen=True)
class Knowledge:
    """Everything extraction looks up, loaded once."""

    lexicon: Lexicon
    grammar: Grammar
    codebook: Codebook
