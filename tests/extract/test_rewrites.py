"""data/rewrites.yaml: code rewrites as data, read by a validating loader."""

import pytest

from kankei.errors import DataFileError
from kankei.extract.cameo import load_codebook
from kankei.extract.datafiles import bundled
from kankei.extract.rewrites import load_rewrites, parse_rewrites
from kankei.extract.rules.roots import TESTS
from tests.coding import code

((WHERE, TEXT),) = bundled("rewrites.yaml")
NAMES = frozenset(TESTS)


def test_the_bundled_rewrites_load_and_name_known_codes():
    rewrites = load_rewrites(NAMES, load_codebook())
    assert rewrites["root.mass-killing"].codes == {"1823", "175"}
    assert rewrites["root.mass-killing"].then == "202"
    assert all(r.id.startswith("root.") for r in rewrites.values())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("test: many-victims", "test: many-victim"), "unknown test"),
        (lambda t: t.replace('then: "202"', 'then: "209"'), "unknown CAMEO code"),
        (lambda t: t.replace("id: root.against", "id: root.recall"), "given twice"),
        (lambda t: t.replace("id: root.against", "id: against"), "root.<name>"),
        (lambda t: t.replace('if: {roots: ["01"]', 'if: {root: ["01"]'), "unknown key"),
        (lambda t: t.replace('roots: ["05"]', 'roots: ["25"]'), "not CAMEO roots"),
        (lambda t: t + "\nrewrites: []\n", "duplicate key"),
    ],
)
def test_malformed_rewrites_are_refused(change, message):
    with pytest.raises(DataFileError, match=message):
        parse_rewrites("rewrites.yaml", change(TEXT), NAMES, load_codebook())


def test_a_rewrite_switched_off_leaves_the_lexicon_code(pipeline):
    text = "ロシア軍はウクライナで多数の民間人を殺害した。"
    on = {e.code for e in code(pipeline, text)}
    coder = pipeline.coder.with_disabled(frozenset({"root.mass-killing"}))
    off = {e.code for e in code(pipeline, text, coder=coder)}
    assert on == {"202"} and off == {"1823"}
