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


BODY = "1972年5月、米国の大統領はソ連を訪問し、首脳会談を行った。両国は条約に署名した。\n"


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        # a translation banner is page furniture, never the title: the file names the article
        ("冷戦期の会談.txt", f"> この記事は会談から翻訳されています。\n\n{BODY}", "冷戦期の会談"),
        ("戦争_(1950年).txt", f"この記事は戦争から翻訳されています。\n\n{BODY}", "戦争 (1950年)"),
        # a markdown heading or a news headline is
        ("a.md", f"# 米ソ首脳会談\n\n{BODY}", "米ソ首脳会談"),
        ("b.txt", f"米ソ、首脳会談で合意\n\n{BODY}", "米ソ、首脳会談で合意"),
        ("c.txt", f"U.S.-Soviet Summit, 1972\n\n{BODY}", "U.S.-Soviet Summit, 1972"),
        # a caption or a table fragment opening the text is not; nor a section heading below
        ("会談.txt", f"(A) 加盟国\n朱色 = 同盟国\n{BODY}", "会談"),
        ("首脳会談.txt", f"{BODY}\n## 概要\n\n{BODY}", "首脳会談"),
    ],
)
def test_the_title_is_the_documents_own(write, name, text, title):
    assert read_document(write(name, text)).title == title


def test_a_quoted_translation_banner_is_not_parsed(write):
    doc = read_document(write("a.txt", f"> この記事は米ソ関係から翻訳されています。\n\n{BODY}"))
    assert all("翻訳" not in s.text for s in doc.sentences if s.parse)
