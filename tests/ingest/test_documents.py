from pathlib import Path

import pytest

from kankei.errors import BinaryContent, EmptyDocument, UnsupportedFormat
from kankei.ingest import discover, read_document
from tests.conftest import EXAMPLES


def test_html_sentences_map_back_into_the_html_source():
    doc = read_document(EXAMPLES / "blog_detente.html")
    assert doc.fmt == "html"
    assert doc.doc_date == "2022-05-29" and doc.doc_date_source == "html-metadata"
    assert doc.title == "デタントの春を振り返る | 歴史ノート"
    parsed = [s for s in doc.sentences if s.parse]
    assert any("ブレジネフ書記長と会談しました" in s.text for s in parsed)
    for s in parsed:
        for i, ch in enumerate(s.text):
            assert doc.text[s.offsets[i]] == ch or doc.text[s.offsets[i]] == "&"
    # page furniture outside the article is never parsed
    assert not any("ランキング" in s.text or "メールアドレス" in s.text for s in parsed)


def test_html_entities_are_decoded_and_mapped():
    doc = read_document(EXAMPLES / "blog_detente.html")
    sent = next(s for s in doc.sentences if "限界" in s.text)
    assert '"限界"' in sent.text
    assert doc.text[sent.start : sent.end].count("&quot;") == 2


def test_markdown_front_matter_gives_title_and_date():
    doc = read_document(EXAMPLES / "news_inf_treaty.md")
    assert doc.doc_date == "1987-12-09" and doc.doc_date_source == "front-matter"
    assert doc.title == "米ソ首脳、INF全廃条約に調印"
    assert not any("title:" in s.text or "次の記事" in s.text for s in doc.sentences)


def test_plain_text_front_matter_gives_title_and_date_too(write):
    # a blog exported as plain text keeps its front matter
    path = write(
        "post.txt", "---\ntitle: 会談\ndate: 2023-08-13\n---\n\n今年4月、米国はロシアと会談した。\n"
    )
    doc = read_document(path)
    assert (doc.doc_date, doc.doc_date_source, doc.title) == ("2023-08-13", "front-matter", "会談")
    assert [s.text for s in doc.sentences] == ["今年4月、米国はロシアと会談した。"]


@pytest.mark.parametrize("heading", ["参考文献", "## 参考文献", "### 脚注"])
def test_a_bibliography_under_a_marked_heading_is_not_narrative(write, heading):
    text = f"1962年、米国はソ連と会談した。\n\n{heading}\n\n- 某著『冷戦史』、2015年、ISBN 4-00-000000-0\n"
    doc = read_document(write("a.txt", text))
    assert [s.text for s in doc.sentences if s.parse] == ["1962年、米国はソ連と会談した。"]


def test_doc_date_option_wins(write):
    path = write("a.txt", "米国はソ連を承認した。")
    assert read_document(path, doc_date="1933-11-16").doc_date == "1933-11-16"


def test_same_content_same_id(write):
    a = write("a.txt", "米国はソ連を承認した。")
    b = write("sub/b.txt", "米国はソ連を承認した。".encode("cp932"))
    assert read_document(a).doc_id == read_document(b).doc_id


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyDocument),
        ("blank.md", b"\n  \n", EmptyDocument),
        ("image.txt", bytes(range(256)) * 40, BinaryContent),
        ("report.pdf", b"%PDF-1.4", UnsupportedFormat),
    ],
)
def test_bad_files_raise_errors_naming_them(write, name, content, error):
    path = write(name, content)
    with pytest.raises(error) as info:
        read_document(path)
    assert name in info.value.message


def test_discover_walks_folders_and_skips_hidden_and_foreign_types(write, tmp_path: Path):
    write("a.txt", "x")
    write("sub/b.html", "<p>x</p>")
    write("sub/c.pdf", "x")
    write(".hidden/d.txt", "x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.txt", "sub/b.html"]


@pytest.mark.parametrize(
    ("tail", "expected", "how"),
    [
        (
            "2023-08-13 200500.jpg\n\n本文である。\nこの記事へのコメント\n読者の声。\n2023年08月15日 14:49\n",
            "2023-08",
            "evidence:comment,image",
        ),
        ("2023-08-13 200500.jpg\n\n本文である。\n", "2023-08-13", "evidence:image"),
        ("本文である。\n", None, None),
    ],
)
def test_document_date_from_its_own_evidence(write, tail, expected, how):
    doc = read_document(write("blog.txt", "見出し\n\n" + tail))
    assert (doc.doc_date, doc.doc_date_source) == (expected, how)
