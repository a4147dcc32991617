"""Every extraction rule on the example its docstring gives: the coding the example states
holds, and the rule takes part in it — it fired (its id is among the events' rules) or switching
it off changes what is coded. Team-written sentences, none from the reference corpus."""

import re
from dataclasses import replace

import pytest

from kankei.extract.chooser import load_argument_model
from kankei.extract.order import all_rule_ids, rule_table
from tests.coding import code_sentences

TABLE = rule_table()
TRIPLE = re.compile(r"([A-Z]{2,6})→([A-Z]{2,6}) (\d\d)")
UNILATERAL = re.compile(r"([A-Z]{2,6}) (\d\d), no target")
DATE = re.compile(r"\b(\d{4}(?:-\d\d){0,2})\b")
MODES = ("hypothetical", "desired", "future")


# rules that act only with the trained argument chooser loaded (--argument-model)
MODEL_RULES = frozenset({"source.chosen", "target.chosen"})


def run(pipeline, sentence, disabled=frozenset(), model=False):
    texts = [t + "。" for t in sentence.rstrip("。").split("。")]
    coder = pipeline.coder.with_disabled(disabled)
    if model:
        arguments = load_argument_model()
        coder = replace(coder, knowledge=replace(coder.knowledge, arguments=arguments))
    return code_sentences(pipeline, texts, "2000-01-01", coder).events


def summary(events):
    return sorted(repr((e.source, e.target, e.code, e.mode, e.date, e.negated)) for e in events)


def test_every_rule_has_an_example_with_a_stated_coding():
    assert [rule_id for rule_id, _ in TABLE] == list(all_rule_ids())
    for rule_id, example in TABLE:
        assert " → " in example, rule_id


@pytest.mark.parametrize(("rule_id", "example"), TABLE, ids=[r for r, _ in TABLE])
def test_rule_on_its_example(pipeline, rule_id, example):
    sentence, coding = example.split(" → ", 1)
    coding = coding.split(": ", 1)[0]
    model = rule_id in MODEL_RULES
    if rule_id == "source.chosen" and load_argument_model().source.threshold >= 1.0:
        pytest.skip("the shipped source model abstains everywhere (bench/train_arguments.py)")
    on = run(pipeline, sentence, model=model)
    for source, target, root in TRIPLE.findall(coding):
        assert any((e.source, e.target, e.root) == (source, target, root) for e in on), (
            coding,
            summary(on),
        )
    for source, root in UNILATERAL.findall(coding):
        assert any((e.source, e.target, e.root) == (source, None, root) for e in on), summary(on)
    if coding.startswith("no event"):
        assert not [e for e in on if e.mode == "asserted" and not e.negated], summary(on)
    for mode in MODES:
        if mode in coding:
            assert any(e.mode == mode for e in on), summary(on)
    if "negated" in coding:
        assert any(e.negated for e in on), summary(on)
    for date in DATE.findall(coding):
        if date not in ("01", "02"):
            assert any(e.date == date for e in on), (date, summary(on))
    fired = any(rule_id in e.rules for e in on)
    off = run(pipeline, sentence, frozenset({rule_id}), model=model)
    assert fired or summary(on) != summary(off), "the rule plays no part in its own example"


def test_a_switched_off_rule_is_checked_against_the_known_ids():
    from kankei.errors import SettingsError
    from kankei.pipeline import build_coder
    from kankei.settings import Settings

    with pytest.raises(SettingsError, match=r"no\.such-rule"):
        build_coder(Settings(disabled_rules=frozenset({"no.such-rule"})))
