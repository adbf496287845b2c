"""pdftotext exports whose narrow header column wraps the date or the motto onto the next line.

``Bình Định, ngày 21 tháng 8 năm`` ⏎ ``2025``, ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA`` ⏎ ``VIỆT NAM``,
``Độc lập - Tự do -`` ⏎ ``Hạnh phúc``, ``ĐẢNG CỘNG SẢN`` ⏎ ``VIỆT NAM``: the anatomy reads each as
one line (a JoinedSegment) and the findings on it still point where the text is.
The fixtures in ``fixtures/text/*-narrow.txt`` are written for the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_lint.anatomy import parse
from notice_lint.anatomy.model import JoinedSegment
from notice_lint.document.text import read_text
from notice_lint.rule import Edit, Finding, Fix, Severity
from notice_lint.runner import _unjoin
from notice_lint.testing import lint_text

TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "text"
STATE = (TEXT / "state-letter-pdftotext-narrow.txt").read_text(encoding="utf-8")
PARTY = (TEXT / "party-letter-pdftotext-narrow.txt").read_text(encoding="utf-8")

STATE_YEAR = "                                                        2025\n"
PARTY_YEAR = "            Số 315-CV/VPTU                                     2025\n"


def _findings(text: str, select: list[str]) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text, select=select)]


def _line_of(text: str, part: str) -> int:
    (number,) = [k for k, line in enumerate(text.splitlines(), start=1) if part in line]
    return number


@pytest.mark.parametrize("text", [STATE, PARTY], ids=["state", "party"])
def test_wrapped_header_is_clean(text: str) -> None:
    assert _findings(text, ["NL1"]) == []


@pytest.mark.parametrize(
    "head,tail",
    [("ngày 21 tháng 8", "năm 2025"), ("ngày 21", "tháng 8 năm 2025")],
    ids=["before-nam", "before-thang"],
)
def test_date_wrapped_elsewhere_is_clean(head: str, tail: str) -> None:
    text = STATE.replace("ngày 21 tháng 8 năm\n" + STATE_YEAR, f"{head}\n{' ' * 51}{tail}\n")
    assert text != STATE
    assert _findings(text, ["NL1"]) == []
    notice = parse(read_text("letter.txt", text.encode("utf-8")))
    assert notice.place_date.text == "Bình Định, ngày 21 tháng 8 năm 2025"


def test_wrapped_header_anatomy() -> None:
    notice = parse(read_text("letter.txt", STATE.encode("utf-8")))
    assert notice.profile == "nd30"
    assert isinstance(notice.place_date, JoinedSegment)
    assert notice.place_date.text == "Bình Định, ngày 21 tháng 8 năm 2025"
    assert notice.date is not None and notice.date.year == 2025
    assert notice.national is not None and notice.national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert notice.motto is not None and notice.motto.text == "Độc lập - Tự do - Hạnh phúc"

    notice = parse(read_text("letter.txt", PARTY.encode("utf-8")))
    assert notice.profile == "hd36"  # from the whole date: 2025 is under HD 36
    assert notice.party_header is not None and notice.party_header.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert notice.place_date.text == "Phan Rang - Tháp Chàm, ngày 18 tháng 6 năm 2025"


def test_offsets_past_the_head_point_at_the_tail_line() -> None:
    """A finding on the year points at the year's line; a fix across the join is dropped."""
    doc = read_text("letter.txt", PARTY.encode("utf-8"))
    notice = parse(doc)
    seg = notice.place_date
    assert isinstance(seg, JoinedSegment)
    k = seg.text.index("2025")
    para, offset = seg.locate(seg.start + k)
    assert para.line == _line_of(PARTY, "Số 315-CV/VPTU")
    assert para.text[offset:offset + 4] == "2025"
    para, offset = seg.locate(seg.start + seg.text.index("tháng"))
    assert para is seg.paragraph and para.text[offset:].startswith("tháng 6 năm")

    def finding(start: int, end: int, fix: Fix | None) -> Finding:
        return Finding(code="NL999", name="x", severity=Severity.INFO, paragraph=seg.paragraph.index,
                       start=start, end=end, message_vi="x", message_en="x", fix=fix)

    year = finding(seg.start + k, seg.start + k + 4, None)
    head = finding(seg.start, seg.start + 4, Fix((Edit(seg.paragraph.index, seg.start, seg.start + 4, "X"),)))
    across = finding(seg.start, seg.start + k + 4, Fix((Edit(seg.paragraph.index, seg.start, seg.start + k + 4, "X"),)))
    _unjoin(notice, [year, head, across])
    tail = seg.tail
    assert (year.paragraph, tail.text[year.start:year.end]) == (tail.index, "2025")
    assert head.paragraph == seg.paragraph.index and head.fix is not None
    assert across.paragraph == seg.paragraph.index and across.fix is None and across.end == seg.head_end


@pytest.mark.parametrize(
    "text,old,new,code,where",
    [
        (STATE, STATE_YEAR, "\n", "NL123", "ngày 21 tháng 8 năm"),  # the year really missing
        (PARTY, PARTY_YEAR, "            Số 315-CV/VPTU\n", "NL123", "ngày 18 tháng 6 năm"),
        (STATE, "Hạnh phúc\n", "Hạnh Phúc\n", "NL102", "Độc lập - Tự do -"),  # a wrong motto
        (STATE, "                                                  VIỆT NAM\n", "\n", "NL101", "Độc lập"),
        (STATE, "     2025\n", "     2052\n", "NL122", "ngày 21 tháng 8 năm"),  # a date in the future
    ],
)
def test_wrapped_header_real_defect_is_reported(text: str, old: str, new: str, code: str, where: str) -> None:
    assert text.count(old) == 1
    bad = text.replace(old, new)
    assert _findings(bad, ["NL1"]).count((_line_of(bad, where), code)) == 1


def test_a_second_line_that_completes_nothing_is_not_joined() -> None:
    """A number under the date column that makes no date, and a line below a whole motto, stay apart."""
    text = STATE.replace(STATE_YEAR, "                                                        12\n")
    notice = parse(read_text("letter.txt", text.encode("utf-8")))
    assert not isinstance(notice.place_date, JoinedSegment)
    assert (_line_of(text, "ngày 21 tháng 8 năm"), "NL123") in _findings(text, ["NL1"])


# -- a motto wrapped twice in a narrow column ------------------------------------------------

MOTTO_2 = "      SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG            Độc lập - Tự do -\n" + " " * 49 + "Hạnh phúc\n"
MOTTO_3 = (
    "      SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG               Độc lập -\n"
    + " " * 50 + "Tự do -\n"
    + " " * 49 + "Hạnh phúc\n"
)
NATIONAL_2 = "      UBND TỈNH BÌNH ĐỊNH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n" + " " * 50 + "VIỆT NAM\n"
NATIONAL_3 = (
    "      UBND TỈNH BÌNH ĐỊNH                  CỘNG HÒA XÃ HỘI\n"
    + " " * 48 + "CHỦ NGHĨA\n"
    + " " * 50 + "VIỆT NAM\n"
)


@pytest.mark.parametrize("old,new", [(MOTTO_2, MOTTO_3), (NATIONAL_2, NATIONAL_3)], ids=["motto", "national"])
def test_motto_wrapped_over_three_lines_is_clean(old: str, new: str) -> None:
    assert STATE.count(old) == 1
    text = STATE.replace(old, new)
    assert _findings(text, ["NL1"]) == []
    notice = parse(read_text("letter.txt", text.encode("utf-8")))
    assert notice.national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert notice.motto.text == "Độc lập - Tự do - Hạnh phúc"


def test_three_line_motto_defect_is_reported_and_located() -> None:
    bad = STATE.replace(MOTTO_2, MOTTO_3.replace("Hạnh phúc", "Hạnh Phúc"))
    assert _findings(bad, ["NL1"]) == [(_line_of(bad, "Độc lập -"), "NL102")]
    notice = parse(read_text("letter.txt", bad.encode("utf-8")))
    seg = notice.motto
    assert isinstance(seg, JoinedSegment) and len(seg.parts) == 2
    for word in ("Tự do", "Hạnh Phúc"):
        para, offset = seg.locate(seg.start + seg.text.index(word))
        assert para.line == _line_of(bad, word) and para.text[offset:].startswith(word)


def test_three_lines_that_make_no_motto_are_not_joined() -> None:
    """``Độc lập -`` ⏎ ``Tự do -`` ⏎ a line that ends no motto: the motto is missing, as it is."""
    bad = STATE.replace(MOTTO_2, MOTTO_3.replace("Hạnh phúc", "Ấm no"))
    notice = parse(read_text("letter.txt", bad.encode("utf-8")))
    assert notice.motto is None or not isinstance(notice.motto, JoinedSegment)
    assert any(code in ("NL101", "NL102") for _, code in _findings(bad, ["NL1"]))


# -- header lines broken with Enter in a .docx cell ----------------------------------------------

DOCX = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def test_docx_cell_paragraphs_read_as_one_line() -> None:
    from notice_lint.document import read_document

    notice = parse(read_document(DOCX / "top-state-wrapped-cells.docx"))
    assert notice.national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert notice.motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert notice.place_date.text == "Quảng Ngãi, ngày 25 tháng 3 năm 2024"
    assert [s.text for s in notice.organ] == ["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ", "CÔNG NGHỆ"]
    notice = parse(read_document(DOCX / "top-party-wrapped-cells.docx"))
    assert notice.party_header.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert notice.place_date.text == "Quảng Ngãi, ngày 28 tháng 7 năm 2024"


# -- justified lines of a PDF export ---------------------------------------------------------------

JUSTIFIED = {
    "                     Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.\n":
        "                     Kính   gửi:   Ủy   ban   nhân   dân   các   huyện,  thị  xã,  thành  phố.\n",
    "      1. Tăng cường kiểm tra đồng ruộng, phát hiện sớm và hướng dẫn nông dân phòng trừ\n":
        "      1.   Tăng   cường   kiểm   tra   đồng  ruộng,  phát  hiện  sớm  và  hướng  dẫn  nông  dân\n"
        "phòng trừ\n",
    "      2. Báo cáo tình hình sâu bệnh về Chi cục Trồng trọt và Bảo vệ thực vật vào thứ Năm\n":
        "      2.   Báo   cáo   tình   hình   sâu   bệnh   về   Chi  cục  Trồng  trọt  và  Bảo  vệ  thực\n"
        "vật vào thứ Năm\n",
}


def test_justified_lines_are_one_column() -> None:
    from notice_lint.document.model import split_columns

    line = "      2.   Báo   cáo   tình   hình   sâu   bệnh   về   Chi  cục  Trồng  trọt  và  Bảo  vệ  thực"
    assert split_columns(line) == [(6, len(line))]
    # a column gap among single spaces, and a gap too wide for justification, still split
    assert len(split_columns("Nơi nhận:   PHÓ GIÁM ĐỐC")) == 2
    assert len(split_columns("      Số: 1207/SNNMT-TTBVTV          Bình Định, ngày 21 tháng 8 năm 2025")) == 2
    assert len(split_columns("UBND  TỈNH  X          CỘNG  HÒA  XÃ  HỘI")) == 2


def test_justified_pdf_export_is_read_as_written() -> None:
    plain = (TEXT / "state-letter-pdftotext.txt").read_text(encoding="utf-8")
    text = plain
    for old, new in JUSTIFIED.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    assert _findings(text, ["NL1"]) == _findings(plain, ["NL1"]) == []
    notice = parse(read_text("letter.txt", text.encode("utf-8")))
    assert [s.text.split()[:2] for s in notice.addressee] == [["Kính", "gửi:"]]
    assert [h.label for h in notice.headings] == ["1.", "2."]


def test_justified_pdf_export_is_clean_for_every_rule() -> None:
    """The widened gaps of a justified page are the page's: no extra-space finding (NL301), and
    the words they separate are still one phrase for the language rules (a name is not cut,
    ``đòng  đến`` keeps its context).  A gap typed twice in a draft is still reported."""
    plain = (TEXT / "state-letter-pdftotext.txt").read_text(encoding="utf-8")
    text = plain
    for old, new in JUSTIFIED.items():
        text = text.replace(old, new)
    assert "   Tăng   cường" in text
    assert _findings(text, ["ALL"]) == _findings(plain, ["ALL"]) == []
    line = "      Hiện nay, lúa vụ Hè Thu năm 2025 trên địa bàn tỉnh đang ở giai đoạn làm đòng\nđến trỗ;"
    assert text.count(line) == 1
    wide = text.replace(line, "      Hiện   nay,   lúa   vụ   Hè   Thu   năm   2025   trên   địa   bàn   tỉnh   đang   ở\n"
                              "giai   đoạn   làm   đòng   đến   trỗ;")
    assert _findings(wide, ["ALL"]) == []
    typed = plain.replace("đang ở giai đoạn", "đang ở  giai đoạn", 1)
    assert typed != plain
    assert [c for _, c in _findings(typed, ["ALL"])] == ["NL301"]
