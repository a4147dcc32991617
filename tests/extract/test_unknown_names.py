"""The uncoded names a user grows the dictionary from (`kankei actors --unknown`): persons and
organisations no entry codes, without the news media a report cites. Team-written sentences."""

import pytest

from kankei.extract.unknown import unknown_names
from kankei.model import Sentence


def names(pipeline, text):
    sentence = Sentence("t", 0, 0, len(text), text, tuple(range(len(text))))
    (parsed,) = pipeline.parser.parse([sentence])
    coder = pipeline.coder
    found = unknown_names(text, parsed, coder.actors.find(text), coder.knowledge.grammar.is_media)
    return [name for name, _ in found]


@pytest.mark.parametrize(
    "text",
    [
        "朝日新聞によると、米国はソ連を非難した。",
        "ロイター通信は、米国がソ連を非難したと報じた。",
        "CNNが伝えたところでは、米国はソ連を非難した。",
    ],
)
def test_news_media_are_not_listed(pipeline, text):
    assert names(pipeline, text) == []


@pytest.mark.parametrize(
    ("name", "media"),
    [
        ("朝日新聞", True),
        ("AP通信", True),
        ("ワシントン・ポスト", True),
        ("BBC", True),
        ("ハマス", False),
        ("ヒズボラ", False),
        ("国際労働機関", False),
    ],
)
def test_what_counts_as_a_medium(pipeline, name, media):
    assert pipeline.coder.knowledge.grammar.is_media(name) is media


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ポリサリオ戦線はモロッコを非難した。", "ポリサリオ"),
        ("ヴィーゼンタール氏はドイツを訪問した。", "ヴィーゼンタール"),
    ],
)
def test_uncoded_organisations_and_persons_are_still_listed(pipeline, text, name):
    assert name in names(pipeline, text)
