from __future__ import annotations

from pathlib import Path

import pytest

from notice_lint.document import read_document
from notice_lint.errors import InputError

from .docx_util import make_docx, p, r


def texts(path: Path) -> list[str]:
    return [para.text for para in read_document(path).paragraphs]


def test_runs_tabs_breaks_hyperlinks_smarttags_fields(tmp_path: Path) -> None:
    body = p(
        r("Số: 18"),
        '<w:r><w:tab/></w:r>',
        '<w:hyperlink r:id="x">' + r("/TB-") + "</w:hyperlink>",
        '<w:smartTag w:uri="u" w:element="e">' + r("SKHCN") + "</w:smartTag>",
        '<w:r><w:br/></w:r>',
        '<w:fldSimple w:instr="PAGE">' + r("2") + "</w:fldSimple>",
    )
    assert texts(make_docx(tmp_path / "a.docx", body)) == ["Số: 18\t/TB-SKHCN\n2"]


def test_tracked_changes_keep_inserted_drop_deleted(tmp_path: Path) -> None:
    body = p(
        r("Kinh "),
        '<w:del w:id="1" w:author="a"><w:r><w:delText>phi</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="a">' + r("phí") + "</w:ins>",
    )
    assert texts(make_docx(tmp_path / "a.docx", body)) == ["Kinh phí"]


def test_content_controls_and_nested_tables_in_order(tmp_path: Path) -> None:
    inner = "<w:tbl><w:tr><w:tc>" + p(r("inner")) + "</w:tc></w:tr></w:tbl>"
    body = (
        p(r("one"))
        + "<w:sdt><w:sdtContent>" + p(r("two")) + "</w:sdtContent></w:sdt>"
        + "<w:tbl><w:tr><w:tc>" + p(r("left")) + inner + "</w:tc><w:tc>" + p(r("right")) + "</w:tc></w:tr></w:tbl>"
        + p(r("after"))
    )
    doc = read_document(make_docx(tmp_path / "a.docx", body))
    assert [x.text for x in doc.paragraphs] == ["one", "two", "left", "inner", "right", "after"]
    cells = [(x.cell.depth, x.cell.col, x.cell.side) if x.cell else None for x in doc.paragraphs]
    assert cells == [None, None, (1, 0, "left"), (2, 0, "full"), (1, 1, "right"), None]
    assert [x.index for x in doc.paragraphs] == [1, 2, 3, 4, 5, 6]


def test_text_box_read_once_not_with_its_vml_fallback(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + p(r("HỎA TỐC")) + "</w:txbxContent>"
    body = p(
        r("host"),
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
        + box
        + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        + box
        + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    )
    doc = read_document(make_docx(tmp_path / "a.docx", body))
    assert [x.text for x in doc.paragraphs] == ["host", "HỎA TỐC"]
    assert doc.paragraphs[1].in_textbox


NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
"""


def num(nid: int, ilvl: int) -> str:
    return f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr></w:pPr>'


def test_automatic_numbering_labels(tmp_path: Path) -> None:
    body = "".join(
        [
            p(r("ĐÁNH GIÁ"), ppr=num(1, 0)),
            p(r("Phòng A"), ppr=num(1, 1)),
            p(r("việc một"), ppr=num(1, 2)),
            p(r("việc hai"), ppr=num(1, 2)),
            p(r("gạch"), ppr=num(1, 3)),
            p(r("Phòng B"), ppr=num(1, 1)),
            p(r("việc ba"), ppr=num(1, 2)),
            p(r("NHIỆM VỤ"), ppr=num(1, 0)),
            p(r("typed"), ppr=""),
            p(r("from three"), ppr=num(2, 0)),
            p(r("four"), ppr=num(2, 0)),
            p(r("style numbered"), ppr='<w:pPr><w:pStyle w:val="Muc"/></w:pPr>'),
        ]
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Muc"><w:basedOn w:val="Base"/></w:style>'
    )
    doc = read_document(make_docx(tmp_path / "a.docx", body, numbering=NUMBERING, styles=styles))
    labels = [x.label for x in doc.paragraphs]
    assert labels == ["I.", "1.", "a)", "b)", "-", "2.", "a)", "II.", None, "3.", "4.", "1."]
    assert doc.paragraphs[0].text == "ĐÁNH GIÁ"  # the label is not part of the text


def test_page_setup(tmp_path: Path) -> None:
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="850"/></w:sectPr>'
    doc = read_document(make_docx(tmp_path / "a.docx", p(r("x")), sect=sect))
    assert doc.page is not None
    assert (round(doc.page.width_mm), round(doc.page.height_mm), doc.page.orientation) == (210, 297, "portrait")
    assert (round(doc.page.top_mm), round(doc.page.left_mm), round(doc.page.right_mm)) == (20, 30, 15)


def test_decomposed_text_is_nfc_with_raw_kept(tmp_path: Path) -> None:
    decomposed = "U\u0309y ban"
    doc = read_document(make_docx(tmp_path / "a.docx", p(r(decomposed))))
    para = doc.paragraphs[0]
    assert para.text == "Ủy ban" and para.raw == decomposed


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", "rỗng"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "mật khẩu"),
        (b"{\\rtf1 hello}", "RTF"),
        (b"<html><body>x</body></html>", "HTML"),
        (b"not a zip at all", "zip"),
        (b"PK\x03\x04garbage", "hỏng"),
    ],
)
def test_bad_packages_give_one_clear_error(tmp_path: Path, data: bytes, needle: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_document(path)
    assert needle in exc.value.vi


def test_doctype_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>&e;</w:body></w:document>',
        )
    with pytest.raises(InputError) as exc:
        read_document(path)
    assert "DOCTYPE" in exc.value.en
