"""A line break inside a sentence (a hard-wrapped text, a soft wrap in markdown, an HTML <br>)
does not cut the sentence: its events survive, its offsets still point into the original.
Blank lines, headings, list items, quotes and table rows stay breaks. Team-written texts."""

import pytest

from kankei.ingest import read_document

WRAPPED = "1972年5月、ニクソン大統領は\nモスクワを訪問し、ブレジネフ書記長と会談した。\n"
JOINED = "1972年5月、ニクソン大統領はモスクワを訪問し、ブレジネフ書記長と会談した。"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wrapped.txt", WRAPPED),
        ("soft.md", f"# 米ソ首脳会談\n\n{WRAPPED}"),
        ("br.html", f"<html><body><p>{WRAPPED.replace(chr(10), '<br>', 1)}</p></body></html>"),
        (
            "narrow.txt",
            "1972年5月、ニクソン大統領はモスクワを訪\n問し、ブレジネフ書記長と会談した。\n",
        ),
        ("crlf.txt", WRAPPED.replace("\n", "\r\n")),
    ],
)
def test_a_wrapped_sentence_is_one_sentence(write, name, content):
    doc = read_document(write(name, content))
    texts = [s.text for s in doc.sentences if s.parse]
    assert JOINED in texts
    sentence = next(s for s in doc.sentences if s.text == JOINED)
    # every character still maps to where it stands in the original
    assert all(doc.text[o] == ch for o, ch in zip(sentence.offsets, sentence.text, strict=True))


def test_the_events_of_a_wrapped_sentence_survive(write, pipeline):
    doc = pipeline.read(write("wrapped.txt", WRAPPED))
    (coded,) = pipeline.code_many([doc])
    assert {(e.source, e.target, e.root) for e in coded.events} >= {("USA", "SUN", "04")}


@pytest.mark.parametrize(
    ("content", "joined"),
    [
        # a heading, a list item, a finished sentence, a blank line, a table row stay breaks
        ("概要\n米国はソ連を承認した。\n", "概要米国"),
        ("- 1972年、米国はソ連と\n- 1973年、ソ連は米国と会談した。\n", "ソ連と- 1973年"),
        ("- 1972年、米国はソ連と\n- 1973年、ソ連は米国と会談した。\n", "ソ連と1973年"),
        ("米国はソ連を承認した。\nソ連は米国と会談した。\n", "承認した。ソ連"),
        ("1972年、米国はソ連と\n\n会談した。\n", "ソ連と会談"),
        ("1972年、米国はソ連と\n| 1972 | 会談 |\n", "ソ連と|"),
        ("## 1972年、米国は\n会談した。\n", "米国は会談"),
    ],
)
def test_structure_keeps_its_breaks(write, content, joined):
    doc = read_document(write("a.txt", content))
    assert not [s.text for s in doc.sentences if joined in s.text]
