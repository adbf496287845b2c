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
