"""data/cameo_roots.yaml: the root properties, read through a strict schema."""

import pytest

from kankei.errors import DataFileError
from kankei.extract.cameo import load_root_properties, parse_root_properties
from kankei.extract.datafiles import bundled

((WHERE, TEXT),) = bundled("cameo_roots.yaml")


def test_the_bundled_properties_load():
    roots = load_root_properties()
    assert roots.symmetric == {"03", "04", "05", "06"}
    assert "19" in roots.violent and "19" in roots.coercive and "19" in roots.hostile
    assert roots.programmes == {"07"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t + "\n  symmetric:\n    means: x\n    roots: ['04']\n", "duplicate key"),
        (lambda t: t.replace("  programmes:", "  programme:"), "unknown key"),
        (lambda t: t.replace('roots: ["07"]', 'roots: ["21"]'), "not CAMEO roots"),
        (lambda t: t.replace('roots: ["07"]', "roots: []"), "non-empty list"),
        (lambda t: t.replace('    means: "acts told as', '    mean: "acts told as'), "unknown key"),
    ],
)
def test_malformed_files_are_refused(change, message):
    with pytest.raises(DataFileError, match=message):
        parse_root_properties("roots.yaml", change(TEXT))
