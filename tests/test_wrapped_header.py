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
