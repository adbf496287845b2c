"""Header forms real .docx drafts use: line breaks inside a cell, titles in Word's All caps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from notice_lint.runner import Linter, Options


def _draft(path: Path, *, caps_title: bool) -> Path:
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    p = left.paragraphs[0]
    p.add_run("UBND TỈNH LÀO CAI")
    p.add_run().add_break()
    p.add_run("SỞ CÔNG THƯƠNG")
    left.add_paragraph("Số:      /TB-SCT")
    p = right.paragraphs[0]
    p.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    p.add_run().add_break()
    p.add_run("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Lào Cai, ngày      tháng 6 năm 2026")
    title = doc.add_paragraph()
    run = title.add_run("Thông báo" if caps_title else "THÔNG BÁO")
    run.font.all_caps = caps_title or None
    doc.add_paragraph("Kết quả kiểm tra việc bảo quản vật liệu nổ công nghiệp")
    doc.add_paragraph("Ngày 10/6/2026, Sở Công Thương kiểm tra kho vật liệu nổ công nghiệp của Công ty.")
    out = path / f"draft-{caps_title}.docx"
    doc.save(str(out))
    return out


def test_line_breaks_and_all_caps_title(tmp_path: Path) -> None:
    for caps in (False, True):
        path = _draft(tmp_path, caps_title=caps)
        result = Linter(Options(today=dt.date(2026, 11, 23), select=["NL10", "NL11", "NL12", "NL13"])).lint_file(
            str(path)
        )
        assert result.error is None
        got = sorted(f.code for f in result.findings)
        assert got == ["NL113", "NL123"], [f.message_en for f in result.findings]
        assert result.profile == "nd30"


def _segments(text: str):
    from notice_lint import anatomy
    from notice_lint.document.text import read_text

    doc = read_text("x.txt", text.encode())
    return [(s.index, s.side, s.text) for s in anatomy.segments_of(doc)]


def test_run_together_header_is_split_into_columns() -> None:
    segs = _segments(
        "UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 18/TB-SKHCN Quảng Ngãi, ngày 25 tháng 3 năm 2024\n"
        "* Phan Thiết, ngày 28 tháng 7 năm 2024\n"
    )
    assert segs == [
        (1, "left", "UBND TỈNH QUẢNG NGÃI"),
        (1, "right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (2, "left", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        (2, "right", "Độc lập - Tự do - Hạnh phúc"),
        (3, "left", "Số: 18/TB-SKHCN"),
        (3, "right", "Quảng Ngãi, ngày 25 tháng 3 năm 2024"),
        (4, "left", "*"),
        (4, "right", "Phan Thiết, ngày 28 tháng 7 năm 2024"),
    ]


def test_body_sentences_are_not_split() -> None:
    text = (
        "Thực hiện chỉ đạo của Ban Chấp hành Đảng Cộng sản Việt Nam\n"
        "* Các phòng, đơn vị thuộc Sở:\n"
        "Số liệu báo cáo gửi về Sở, ngày 25 tháng 3 năm 2024\n"
        "Lào Cai,      ngày      tháng 6 năm 2026\n"
    )
    segs = _segments(text)
    assert [t for _, _, t in segs] == [
        "Thực hiện chỉ đạo của Ban Chấp hành Đảng Cộng sản Việt Nam",
        "* Các phòng, đơn vị thuộc Sở:",
        "Số liệu báo cáo gửi về Sở, ngày 25 tháng 3 năm 2024",
        "Lào Cai,      ngày      tháng 6 năm 2026",
    ]


def test_place_and_date_on_two_lines_of_a_cell(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].add_run("SỞ CÔNG THƯƠNG")
    left.add_paragraph("Số: 18/TB-SCT")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    p = right.add_paragraph()
    p.add_run("Lào Cai,")
    p.add_run().add_break()
    p.add_run("ngày 05 tháng 6 năm 2026")
    doc.add_paragraph("THÔNG BÁO")
    doc.add_paragraph("Kết quả kiểm tra kho vật liệu nổ công nghiệp")
    path = tmp_path / "two-lines.docx"
    doc.save(str(path))
    result = Linter(Options(today=dt.date(2026, 11, 23), select=["NL12"])).lint_file(str(path))
    assert result.error is None
    assert [f.code for f in result.findings] == []
