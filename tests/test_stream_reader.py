"""The incremental reader of word/document.xml (``docx._read_streaming``) gives the model the
whole-tree reader gives (once its tree is let go), on every fixture, and the same error lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from badinput import W_DOC_CLOSE, W_DOC_OPEN, docx_with_document_xml, para  # noqa: E402

from notice_lint.document import docx  # noqa: E402
from notice_lint.document.docx import read_docx, release_tree  # noqa: E402
from notice_lint.errors import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").rglob("*.docx"))


def _model(path: str, data: bytes, *, stream: bool, formatting: bool) -> tuple:
    try:
        doc = read_docx(path, data, formatting=formatting, stream=stream)
    except InputError as exc:
        return ("error", exc.vi, exc.en)
    release_tree(doc)
    meta = doc.meta
    return (doc.paragraphs, doc.sections, doc.page, doc.comments,
            sorted(meta.get("contextual_spacing", ())), sorted(meta.get("bottom_border", ())))


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every part read incrementally, in small batches (a batch ends inside tables and lists)."""
    monkeypatch.setattr(docx, "STREAM_FROM", 0)
    monkeypatch.setattr(docx, "STREAM_BATCH", 3)


def test_fixtures_read_alike(streamed: None) -> None:
    if not FIXTURES:
        pytest.skip("fixtures not built")
    calls = []
    real = docx._read_streaming
    docx._read_streaming = lambda *a: calls.append(1) or real(*a)  # type: ignore[assignment]
    try:
        for path in FIXTURES:
            data = path.read_bytes()
            for formatting in (False, True):
                whole = _model(str(path), data, stream=False, formatting=formatting)
                assert _model(str(path), data, stream=True, formatting=formatting) == whole, (path.name, formatting)
    finally:
        docx._read_streaming = real  # type: ignore[assignment]
    assert len(calls) >= len(FIXTURES)  # most of them were read incrementally (not those with comments)


def test_no_tree_is_kept(streamed: None) -> None:
    path = ROOT / "fixtures" / "docx" / "state-notice-ok.docx"
    if not path.exists():
        pytest.skip("fixtures not built")
    doc = read_docx(str(path), path.read_bytes(), formatting=True, stream=True)
    assert "document_xml" not in doc.meta and doc.paragraphs
    assert all(p.source is None and all(r.source is None for r in p.runs) for p in doc.paragraphs)


@pytest.mark.parametrize("xml", [
    W_DOC_OPEN + para("Một.") + "<w:p><w:r><w:t>hai</w:r></w:p>" + W_DOC_CLOSE,  # malformed
    '<!DOCTYPE x [<!ENTITY a "b">]>' + W_DOC_OPEN + para("&a;") + W_DOC_CLOSE,  # a DTD
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:x/></w:document>',  # no body
    W_DOC_OPEN + "<w:tbl><w:tr><w:tc>" * 20 + para("Sâu.") + "</w:tc></w:tr></w:tbl>" * 20 + W_DOC_CLOSE,  # too deep
])
def test_same_error_lines(streamed: None, xml: str) -> None:
    data = docx_with_document_xml(xml)
    whole = _model("x.docx", data, stream=False, formatting=False)
    assert whole[0] == "error"
    assert _model("x.docx", data, stream=True, formatting=False) == whole


def test_a_legacy_font_keeps_the_tree_for_its_rule(streamed: None) -> None:
    """With ``fonts`` (NL206 reads run fonts), a body naming a TCVN3 font is read whole: its
    tree is kept for the rule; without it, or with no such name, the body is streamed."""
    run = '<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>Th«ng b¸o</w:t></w:r>'
    data = docx_with_document_xml(W_DOC_OPEN + f"<w:p>{run}</w:p>" + para("Một đoạn.") + W_DOC_CLOSE)
    assert "document_xml" in read_docx("x.docx", data, stream=True, fonts=True).meta
    assert "document_xml" not in read_docx("x.docx", data, stream=True).meta
    plain = docx_with_document_xml(W_DOC_OPEN + para("Một đoạn.") * 3 + W_DOC_CLOSE)
    assert "document_xml" not in read_docx("x.docx", plain, stream=True, fonts=True).meta
