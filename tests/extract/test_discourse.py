"""What one sentence lends the next: anaphora, zero targets, aliases (needs the parser)."""

from kankei.model import Sentence


def code_doc(pipeline, texts, doc_date=None):
    sents = []
    pos = 0
    for i, text in enumerate(texts):
        sents.append(
            Sentence("t", i, pos, pos + len(text), text, tuple(range(pos, pos + len(text))))
        )
        pos += len(text)
    parsed = {ps.sentence.index: ps for ps in pipeline.parser.parse(sents)}
    return pipeline.coder.code_document(sents, parsed, doc_date)


def triples(coded, index):
    return {(e.source, e.target, e.root) for e in coded.events if e.sentence_index == index}


def test_ryokoku_points_back_to_the_two_states(pipeline):
    coded = code_doc(pipeline, ["1972年、日本は中国を訪問した。", "両国は共同声明に署名した。"])
    assert ("JPN", "CHN", "05") in triples(coded, 1)


def test_an_unsaid_target_is_the_actor_just_named(pipeline):
    coded = code_doc(
        pipeline, ["1990年、米国はイラクに撤退を要求した。", "しかし、イラクは拒否した。"]
    )
    assert ("IRQ", "USA", "12") in triples(coded, 1)


def test_a_role_phrase_codes_the_surname_later(pipeline):
    coded = code_doc(
        pipeline,
        ["1950年、米国大使ジョン・スミスがモスクワに着任した。", "スミスはソ連を批判した。"],
    )
    assert ("USA", "SUN", "11") in triples(coded, 1)


def test_uncoded_names_are_listed(pipeline):
    coded = code_doc(pipeline, ["ヘンリー・フォードはソ連に工場を建てた。"])
    assert (0, "ヘンリー・フォード", "person") in coded.unknown
