"""Documents made from one template parse their styles once; others get their own."""

from __future__ import annotations

from pathlib import Path

from fixtures.build.notice import DEFAULT_STATE, build_notice, spec
from notice_lint.document import read_document


def test_same_styles_parts_share_one_stylesheet_and_different_ones_do_not(tmp_path: Path) -> None:
    a = build_notice(spec(DEFAULT_STATE), tmp_path / "a.docx")
    b = build_notice(spec(DEFAULT_STATE, number="Số: 19/TB-SKHCN"), tmp_path / "b.docx")
    c = build_notice(spec(DEFAULT_STATE, size=12), tmp_path / "c.docx")  # Normal style at 12 pt
    sa = read_document(a, formatting=True).meta["stylesheet"]
    sb = read_document(b, formatting=True).meta["stylesheet"]
    doc_c = read_document(c, formatting=True)
    assert sa is sb
    assert doc_c.meta["stylesheet"] is not sa
    body = [p for p in doc_c.paragraphs if p.text.startswith("Ngày 20 tháng 3")][0]
    assert body.runs[0].props.size == 12
