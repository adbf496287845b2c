"""The language rules on real .docx packages: legacy fonts, legacy encodings, decomposed text."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from notice_lint.testing import lint_bytes


def _package(paragraphs: list[tuple[str, str | None]], normal_font: str | None = None, east_asia: str | None = None) -> bytes:
    d = docx.Document()
    if normal_font:
        d.styles["Normal"].font.name = normal_font
    for text, font in paragraphs:
        run = d.add_paragraph().add_run(text)
        run.font.size = Pt(14)
        if font:
            run.font.name = font
        if east_asia:
            rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
            rfonts.set(qn("w:eastAsia"), east_asia)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _found(data: bytes, code: str) -> list[tuple[int, int]]:
    result = lint_bytes(data, ".docx", select=[code])
    assert result.error is None, result.error
    return [(f.line, f.column) for f in result.findings if f.code == code]


def test_vietnamese_text_in_a_vn_font() -> None:
    data = _package([("18/TB-SKHCN", ".VnTime"), ("Thông báo kết luận của Giám đốc Sở", ".VnTime")])
    assert _found(data, "NL206") == [(2, 1)]  # ASCII in a .Vn font looks the same: not reported


def test_vni_font_from_the_normal_style() -> None:
    data = _package([("Kính gửi: Ủy ban nhân dân tỉnh", None)], normal_font="VNI-Times")
    assert _found(data, "NL206") == [(1, 1)]


def test_east_asian_font_slot_is_not_the_vietnamese_font() -> None:
    data = _package([("Hoàng Chí Hiền", None)], east_asia=".VnTime")
    assert _found(data, "NL206") == []


def test_unicode_font_is_silent() -> None:
    data = _package([("Thông báo kết luận của Giám đốc Sở", "Times New Roman")])
    assert _found(data, "NL206") == []


def test_tcvn3_text_in_a_docx_is_reported_once() -> None:
    data = _package([("Th«ng b¸o kÕt luËn cña Gi¸m ®èc Së", ".VnTime")])
    result = lint_bytes(data, ".docx", select=["NL206"])
    assert len(result.findings) == 1
    assert "TCVN3" in result.findings[0].message_vi
    assert result.findings[0].fix is not None and not result.findings[0].fix.safe
    assert result.findings[0].fix.edits[0].replacement == "Thông báo kết luận của Giám đốc Sở"


def test_decomposed_text_in_a_docx() -> None:
    data = _package([("KT. GIA\u0301M \u0110\u00d4\u0301C", None), ("PHÓ GIÁM ĐỐC", None)])
    assert _found(data, "NL205") == [(1, 5)]


def test_typo_across_a_line_break_inside_a_paragraph() -> None:
    d = docx.Document()
    run = d.add_paragraph().add_run("Các phòng chủ trì rà")
    run.add_break()
    d.paragraphs[0].add_run("xoát danh mục nhiệm vụ.")
    buf = io.BytesIO()
    d.save(buf)
    result = lint_bytes(buf.getvalue(), ".docx", select=["NL201"])
    [f] = result.findings
    assert (f.line, f.column) == (1, 19)
    [edit] = f.fix.edits
    assert edit.replacement == "rà\nsoát"


def test_the_signers_name_is_not_judged(tmp_path) -> None:
    from fixtures.build.notice import DEFAULT_STATE, build_notice, spec

    from notice_lint.rule import Severity

    signed = tmp_path / "signed.docx"
    build_notice(spec(DEFAULT_STATE, signer="Lê Thị Thuỷ"), signed)
    assert _found(signed.read_bytes(), "NL204") == []
    named = tmp_path / "named.docx"
    body = [*DEFAULT_STATE["body"][:-1], "Giao bà Lê Thị Thuỷ, chuyên viên, theo dõi.", DEFAULT_STATE["body"][-1]]
    build_notice(spec(DEFAULT_STATE, body=body, signer="Lê Thị Thuỷ"), named)
    result = lint_bytes(named.read_bytes(), ".docx", select=["NL204"])
    assert [f.severity for f in result.findings] == [Severity.INFO]
    assert not result.findings[0].fix.safe


def test_tree_is_kept_only_for_a_legacy_font(tmp_path) -> None:
    from notice_lint.document import read_document
    from notice_lint.document.docx import release_tree

    path = tmp_path / "a.docx"
    path.write_bytes(_package([("Thông báo kết luận của Giám đốc Sở", ".VnTime")]))
    doc = read_document(path)
    assert not release_tree(doc, fonts=True)  # NL206 reads the runs' fonts from the tree
    assert doc.paragraphs[0].source is not None and doc.paragraphs[0].runs[0].source is not None
    assert release_tree(doc)  # no rule reads fonts: let go
    assert doc.paragraphs[0].source is None and doc.paragraphs[0].runs[0].source is None
    assert "document_xml" not in doc.meta
    path.write_bytes(_package([("Thông báo kết luận của Giám đốc Sở", "Times New Roman")]))
    doc = read_document(path)
    assert release_tree(doc, fonts=True) and all(p.source is None for p in doc.paragraphs)
