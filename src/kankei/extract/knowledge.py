"""What extraction looks up, loaded once and passed down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kankei.extract.cameo import Codebook, RootProperties, load_root_properties
from kankei.extract.grammar import Grammar
from kankei.extract.lexicon import Lexicon
from kankei.extract.occupations import Occupations
from kankei.extract.rewrites import Rewrite
from kankei.extract.treaties import Treaties

if TYPE_CHECKING:
    from kankei.extract.chooser import Chooser


@dataclass(frozen=True)
class Knowledge:
    """Everything extraction looks up, loaded once."""

    lexicon: Lexicon
    grammar: Grammar
    codebook: Codebook
    occupations: Occupations = field(default_factory=Occupations)
    treaties: Treaties = field(default_factory=Treaties)
    roots: RootProperties = field(default_factory=load_root_properties)
    # the code rewrites of data/rewrites.yaml, by rule id
    rewrites: Mapping[str, Rewrite] = field(default_factory=dict)
    # the trained argument chooser (extract/chooser.py); None: the rules alone
    arguments: Chooser | None = None
    disabled: frozenset[str] = frozenset()  # ids of the rules switched off (settings)
