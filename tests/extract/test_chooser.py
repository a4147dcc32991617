"""The trained argument chooser: its data file's loader, the candidates and features it ranks,
and how it is switched on (`--argument-model`). Team-written sentences."""

import json
from dataclasses import replace

import pytest

from kankei.errors import DataFileError
from kankei.extract.chooser import (
    ArgumentModel,
    RoleModel,
    candidates,
    load_argument_model,
    parse_argument_model,
)
from kankei.extract.draft import Arg, Draft
from kankei.extract.events import _hits, _scope
from kankei.extract.frame import build_frame
from kankei.model import Sentence
from kankei.pipeline import Pipeline, build_coder
from kankei.settings import Settings
from tests.coding import code

ROLE = {"bias": 0.0, "threshold": 0.5, "weights": {"case=に": 1.0}}
GOOD = {"version": 1, "trained_on": "test", "source": ROLE, "target": ROLE}


def test_the_bundled_model_loads_and_names_its_training():
    model = load_argument_model()
    assert "news-dev" in model.trained_on and "wiki-dev" in model.trained_on
    assert 0.0 <= model.target.threshold <= 1.0
    assert model.target.weights


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({**GOOD, "extra": 1}, "exactly"),
        ({k: v for k, v in GOOD.items() if k != "target"}, "exactly"),
        ({**GOOD, "version": 2}, "version"),
        ({**GOOD, "target": {**ROLE, "threshold": 1.5}}, "not a probability"),
        ({**GOOD, "target": {**ROLE, "weights": {"case=に": "high"}}}, "weights"),
        ({**GOOD, "target": {**ROLE, "colour": "red"}}, "exactly"),
    ],
)
def test_a_bad_model_is_named_with_its_problem(raw, message):
    with pytest.raises(DataFileError, match=message):
        parse_argument_model(raw, "model.json")


def test_a_duplicate_key_is_rejected(tmp_path):
    path = tmp_path / "model.json"
    text = json.dumps(GOOD)
    path.write_text(text[:-1] + ', "version": 1}', encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate key"):
        load_argument_model(path)


def test_a_probability_below_the_threshold_abstains():
    sure = RoleModel(bias=0.0, threshold=0.7, weights={"a": 2.0})
    assert sure.probability(["a"]) > 0.7
    assert sure.probability(["b"]) == 0.5
    model = ArgumentModel(source=sure, target=sure)
    assert model.role("target") is sure


def drafts(pipeline, text):
    """The drafts of a sentence's predicates with their frames, before any rule."""
    coder = pipeline.coder
    (ps,) = pipeline.parser.parse([Sentence("t", 0, 0, len(text), text, tuple(range(len(text))))])
    named = coder.actors.find(text)
    scope = _scope(ps, named, [], None, coder.knowledge, ["USA", "SUN"], None, ["USA"])
    assert scope is not None
    out = []
    for hit in _hits(scope):
        frame = build_frame(hit, scope, frozenset())
        out.append((Draft(hit=hit, code=hit.pred.code, frame=frame), scope))
    return out


def test_candidates_are_the_sentences_actors_then_the_discourses(pipeline):
    ((draft, scope),) = drafts(pipeline, "中国に対し、日本は抗議した。")
    found = candidates(draft, scope, "target")
    codes = [sorted(c.codes) for c in found]
    # the sentence's two actors, then the discourse's (the subject before, the latest named)
    assert codes[:2] == [["CHN"], ["JPN"]]
    assert all(not c.in_sentence for c in found[2:])
    assert {c for f in found[2:] for c in f.codes} <= {"USA", "SUN"}
    china = found[0].features
    assert "case=に対し" in china and "side=before" in china
    assert any(f.startswith("path=") for f in china)
    assert any(f.startswith("disc=") for f in found[2].features)


def test_a_candidate_already_in_the_other_slot_is_left_out(pipeline):
    ((draft, scope),) = drafts(pipeline, "中国に対し、日本は抗議した。")
    japan = [c for c in candidates(draft, scope, "source") if "JPN" in c.codes]
    filled = replace(draft, sources=Arg(japan[0].mentions, "case"))
    assert all("JPN" not in c.codes for c in candidates(filled, scope, "target"))


def test_the_model_is_off_unless_asked_for():
    assert build_coder(Settings()).knowledge.arguments is None
    assert build_coder(Settings(argument_model=True)).knowledge.arguments is not None


def test_with_the_model_an_unmarked_target_is_chosen():
    text = (
        "イスラエルの入植地について、パレスチナ自治政府は撤去を要求したが、イスラエルは拒否した。"
    )
    with_model = Pipeline(Settings(argument_model=True))
    chosen = [e for e in code(with_model, text) if "target.chosen" in e.rules]
    assert [(e.source, e.target, e.root) for e in chosen] == [("ISR", "PSE", "12")]
