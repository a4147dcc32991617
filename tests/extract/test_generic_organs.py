"""Organs named without their state (外務省は, 政府が, 首相は) stand for the state the document is
about — when one state dominates it — and never inside a compound or after a name's の.
Team-written sentences."""

import pytest

from kankei.extract.actors import ActorEntry, RawMention
from kankei.extract.generic import bare_organs, home_state
from tests.coding import code_sentences

IRAN = ["イランは決議に反発した。", "イランは協議を拒んだ。", "イランは査察を拒否した。"]


def mention(code, kind="state", rule="name"):
    return RawMention(code, 0, 1, (ActorEntry(code=code, type=kind, names=(code,)),), rule)


@pytest.mark.parametrize(
    ("counts", "home"),
    [
        ({"IRN": 3}, "IRN"),
        ({"IRN": 4, "USA": 2}, "IRN"),
        ({"IRN": 3, "USA": 2}, None),  # not twice as often as the next
        ({"IRN": 2}, None),  # too few to say
        ({}, None),
    ],
)
def test_the_document_state_dominates_or_there_is_none(counts, home):
    sentences = [[mention(code)] for code, n in counts.items() for _ in range(n)]
    assert home_state(sentences) == home


def test_compounds_and_organisations_do_not_count_for_the_home_state():
    sentences = [[mention("IRN", rule="compound")]] * 3 + [[mention("UN", kind="igo")]] * 3
    assert home_state(sentences) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("外務省はIAEAを非難した。", ["外務省"]),
        ("26日、政府は声明を出した。", ["政府"]),
        ("「首相は辞任すべきだ」と述べた。", ["首相"]),
        # inside a compound: another organ, or an event, not the bare organ
        ("暫定政府は声明を出した。", []),
        ("大統領選挙が行われた。", []),
        ("国防省報道官が述べた。", []),
    ],
)
def test_a_bare_organ_stands_alone(pipeline, text, found):
    grammar = pipeline.coder.knowledge.grammar
    named = pipeline.coder.actors.find(text)
    assert [m.text for m in bare_organs(text, named, "IRN", grammar)] == found


def test_after_a_names_no_the_name_says_whose(pipeline):
    text = "イギリスの外務省は抗議した。"
    named = pipeline.coder.actors.find(text)
    assert bare_organs(text, named, "IRN", pipeline.coder.knowledge.grammar) == []


def events(pipeline, texts, disabled=frozenset()):
    coder = pipeline.coder.with_disabled(frozenset(disabled))
    coded = code_sentences(pipeline, texts, "2005-09-28", coder).events
    return {(e.source, e.target, e.root) for e in coded}


def test_in_a_document_about_one_state_its_foreign_ministry_is_that_state(pipeline):
    texts = [*IRAN, "外務省はIAEAを非難した。"]
    assert ("IRN", "UN", "11") in events(pipeline, texts)
    assert ("IRN", "UN", "11") not in events(pipeline, texts, {"actor.generic-organ"})


def test_where_no_state_dominates_a_bare_organ_is_left_uncoded(pipeline):
    texts = ["イランは決議に反発した。", "米国はイランを非難した。", "外務省はIAEAを非難した。"]
    assert not {e for e in events(pipeline, texts) if e[1] == "UN"}
