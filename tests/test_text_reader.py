from __future__ import annotations

from pathlib import Path

import pytest

from notice_lint.document import read_document
from notice_lint.document.text import strip_markdown
from notice_lint.errors import InputError


def test_lines_are_paragraphs_and_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffTHÔNG BÁO\r\nKết luận\n".encode("utf-8"))
    doc = read_document(path)
    assert [(x.index, x.text) for x in doc.paragraphs] == [(1, "THÔNG BÁO"), (2, "Kết luận")]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Số: 18/TB-SKHCN\n".encode("utf-16"))
    assert read_document(path).paragraphs[0].text == "Số: 18/TB-SKHCN"


@pytest.mark.parametrize(
    "data",
    [
        "Thông báo".encode("cp1258"),
        "Số: 18".encode("utf-16-le"),
        bytes(range(256)) * 4,
    ],
)
def test_undecodable_text_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_document(path)


def test_markdown_markup_removed_columns_kept() -> None:
    text, cols = strip_markdown("## **THÔNG BÁO**")
    assert text == "THÔNG BÁO"
    assert cols[0] == 5  # "T" is the sixth character of the line


def test_markdown_table_cells_become_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("| SỞ KHOA HỌC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n", encoding="utf-8")
    doc = read_document(path)
    para = doc.paragraphs[0]
    assert [para.text[s:e] for s, e in para.columns] == ["SỞ KHOA HỌC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert doc.paragraphs[1].text == ""


def test_two_columns_of_a_pdf_export_but_not_blank_fields() -> None:
    from notice_lint.document.model import split_columns

    line = "Nơi nhận:                          TL. CHỦ TỊCH"
    assert [line[s:e] for s, e in split_columns(line)] == ["Nơi nhận:", "TL. CHỦ TỊCH"]
    assert len(split_columns("Số:       /TB-SCT")) == 1
    assert len(split_columns("Lào Cai, ngày        tháng 6 năm 2026")) == 1


@pytest.mark.parametrize("text", [
    "", "   ", "Kết luận", "  Kết luận  ", "Nơi nhận:                TL. CHỦ TỊCH", "Số:       /TB-SCT", "A\tB",
    "A\u00a0\u00a0\u00a0B", "a  b", "\t", "CỘNG HÒA     ĐỘC LẬP", "   x   y   ",
])
def test_single_column_is_at_most_one_column(text: str) -> None:
    from notice_lint.document.model import Paragraph

    assert Paragraph(index=1, text=text).single_column == (len(Paragraph(index=1, text=text).columns) <= 1)


def test_markdown_keeps_a_lone_star_and_underscores_in_words() -> None:
    assert strip_markdown("*")[0] == "*"
    assert strip_markdown("snake_case_name")[0] == "snake_case_name"
    assert strip_markdown("*nghiêng* và __đậm__")[0] == "nghiêng và đậm"
