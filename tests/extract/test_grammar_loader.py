"""data/grammar.yaml is read through a schema: every key of the Grammar, no other, none twice."""

import pytest

from kankei.errors import DataFileError
from kankei.extract.datafiles import bundled, strict_yaml
from kankei.extract.grammar import load_grammar, parse_grammar

((WHERE, TEXT),) = bundled("grammar.yaml")


def test_the_bundled_grammar_loads():
    grammar = load_grammar()
    assert "行う" in grammar.light_verbs and len(grammar.light_verbs) > 50


def test_a_key_given_twice_is_refused_not_replaced():
    # (YAML keeps the last value: a second light_verbs once replaced the whole list by one verb)
    with pytest.raises(DataFileError, match="duplicate key 'light_verbs'"):
        parse_grammar("g.yaml", TEXT + "\nlight_verbs: [行う]\n")


def test_a_misspelled_key_is_refused():
    with pytest.raises(DataFileError, match="unknown key"):
        parse_grammar("g.yaml", TEXT + "\nlight_verb: [行う]\n")


def test_a_missing_key_is_named():
    without = "\n".join(line for line in TEXT.splitlines() if not line.startswith("negation:"))
    with pytest.raises(DataFileError, match=r"missing key.*negation"):
        parse_grammar("g.yaml", without)


def test_duplicates_are_refused_at_any_depth():
    with pytest.raises(DataFileError, match="duplicate key 'b'"):
        strict_yaml("x.yaml", "a:\n  b: 1\n  b: 2\n")


def test_the_error_names_the_file():
    with pytest.raises(DataFileError, match=r"g\.yaml"):
        parse_grammar("g.yaml", "- not a mapping\n")
