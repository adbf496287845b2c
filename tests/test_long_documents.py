"""Long real-looking documents: no false alarm on their structure, and the real defects still found.

The fixtures in ``fixtures/text`` are written for the project (modelled on Party guidance with
parts, capital-letter parts, steps and annexes, and on pdftotext exports of signed letters).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_lint.testing import lint_text

TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "text"
GUIDANCE = (TEXT / "party-guidance-long.txt").read_text(encoding="utf-8")


def _findings(text: str, select: list[str]) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text, select=select)]


def _line_of(text: str, start: str) -> int:
    (number,) = [k for k, line in enumerate(text.splitlines(), start=1) if line.startswith(start)]
    return number


def test_long_guidance_is_clean() -> None:
    """Parts, capital parts (a one-letter ``I.`` under ``C.``), steps, a form field and a wrapped rule number."""
    assert _findings(GUIDANCE, ["NL1"]) == []


@pytest.mark.parametrize(
    "old,new,code",
    [
        ("IV. GIẢI QUYẾT", "V. GIẢI QUYẾT", "NL140"),  # a gap in part B after part A went to III
        ("2. Trình tự hội nghị", "3. Trình tự hội nghị", "NL140"),
        ("II. BÁO CÁO TỔNG HỢP", "III. BÁO CÁO TỔNG HỢP", "NL140"),  # under "C.", after a one-letter "I."
        ("3. Công tác xây dựng Đảng", "4. Công tác xây dựng Đảng", "NL140"),
        ("II. KHEN THƯỞNG", "III. KHEN THƯỞNG", "NL140"),  # under "BƯỚC 2"
        ("III. THỜI GIAN THỰC HIỆN", "IV. THỜI GIAN THỰC HIỆN", "NL140"),  # in the first part
        ("4. Niêm yết", "5. Niêm yết", "NL140"),  # after the form fields "Mục 1", "Mục 7"
        ("đ) Bế mạc", "e) Bế mạc", "NL142"),
    ],
)
def test_long_guidance_real_gap_is_reported(old: str, new: str, code: str) -> None:
    assert GUIDANCE.count("\n" + old) == 1
    text = GUIDANCE.replace("\n" + old, "\n" + new)
    assert _findings(text, ["NL14"]) == [(_line_of(text, new), code)]


def test_long_guidance_repeat_is_reported() -> None:
    text = GUIDANCE.replace("\nIII. TỔNG HỢP Ý KIẾN", "\nII. TỔNG HỢP Ý KIẾN")
    assert _findings(text, ["NL140"])[0] == (_line_of(text, "II. TỔNG HỢP Ý KIẾN"), "NL140")


PARTY_LETTER = (TEXT / "party-letter-pdftotext.txt").read_text(encoding="utf-8")
STATE_LETTER = (TEXT / "state-letter-pdftotext.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [PARTY_LETTER, STATE_LETTER], ids=["party", "state"])
def test_two_column_export_is_clean(text: str) -> None:
    """The signature column beside the list, its name between two items or below the list."""
    assert _findings(text, ["NL1"]) == []


def test_two_column_export_closing_columns() -> None:
    from notice_lint.anatomy import parse
    from notice_lint.document.text import read_text

    notice = parse(read_text("letter.txt", PARTY_LETTER.encode("utf-8")))
    assert notice.recipients is not None
    assert [s.text for s in notice.recipients.items][-1] == "- Lưu Văn phòng Tỉnh ủy."
    assert len(notice.recipients.items) == 5
    sig = notice.signature
    assert sig is not None and sig.name is not None and sig.name.text == "Đặng Quốc Việt"
    assert [s.text for s in sig.titles] == ["T/L BAN THƯỜNG VỤ", "K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]

    notice = parse(read_text("letter.txt", STATE_LETTER.encode("utf-8")))
    assert [s.text for s in notice.signature.titles] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert notice.signature.name.text == "Trương Văn Hậu"
    assert notice.recipients.items[-1].text == "- Lưu: VT, TTBVTV."
    assert notice.body[-1].text.endswith("./.")


@pytest.mark.parametrize(
    "text,old,new,code",
    [
        (PARTY_LETTER, "- Lưu Văn phòng Tỉnh ủy.\n", "", "NL162"),  # no Lưu line at all
        (PARTY_LETTER, "- Phòng Tổng hợp,\n", "- Phòng Tổng hợp;\n", "NL161"),
        (STATE_LETTER, "                                                              KT. GIÁM ĐỐC\n", "\n", "NL151"),
        (STATE_LETTER, "- Lưu: VT, TTBVTV.", "- Lưu VT, TTBVTV.", "NL162"),
    ],
)
def test_two_column_export_real_defect_is_reported(text: str, old: str, new: str, code: str) -> None:
    assert text.count(old) == 1
    assert code in [c for _, c in _findings(text.replace(old, new), ["NL1"])]


def test_two_column_export_missing_name_is_reported() -> None:
    text = STATE_LETTER.replace("Trương Văn Hậu", "")
    assert _findings(text, ["NL15"]) == [(_line_of(text, "Nơi nhận"), "NL153")]


@pytest.mark.parametrize(
    "old,new",
    [
        ("III. ĐỀ XUẤT, KIẾN NGHỊ", "IV. ĐỀ XUẤT, KIẾN NGHỊ"),  # in annex 1, after the body went to IV
        ("3) Số phiếu hợp lệ", "4) Số phiếu hợp lệ"),  # in annex 2
    ],
)
def test_annex_numbering_is_judged(old: str, new: str) -> None:
    assert GUIDANCE.count("\n" + old) == 1
    text = GUIDANCE.replace("\n" + old, "\n" + new)
    assert _findings(text, ["NL14"]) == [(_line_of(text, new), "NL140")]


@pytest.mark.parametrize("form", ["PHỤ LỤC 3", "Mẫu số 03/BC-ĐU"])
def test_annex_form_is_not_the_closing(form: str) -> None:
    """A sample form in an annex has its own Nơi nhận and signature: the document's are above it."""
    from notice_lint.anatomy import parse
    from notice_lint.document.text import read_text

    text = GUIDANCE.replace("\nPHỤ LỤC 3\n", f"\n{form}\n")
    assert _findings(text, ["NL1"]) == []
    notice = parse(read_text("guidance.txt", text.encode("utf-8")))
    assert notice.signature is not None and notice.signature.name.text == "Lê Thị Thu Hà"
    assert notice.recipients.items[-1].text == "- Lưu Văn phòng Ban."
    annexes = [h.label for h in notice.headings if h.kind == "annex"]
    assert annexes == ["PHỤ LỤC 1", "PHỤ LỤC 2", form.split("/")[0]]


def test_two_column_export_with_signing_stamp() -> None:
    """The e-signing stamp beside the list (``Người ký: …``, ``Email: …``, a time) is no name; a page
    break (form feed) before the last item does not end the list."""
    from notice_lint.anatomy import parse
    from notice_lint.document.text import read_text

    old = (
        "- Lãnh đạo Văn phòng,\n\n- Phòng Tổng hợp,\n"
        "                                                             Đặng Quốc Việt\n"
        "- Lưu Văn phòng Tỉnh ủy.\n"
    )
    new = (
        "- Lãnh đạo Văn phòng,                                   Người ký: Văn phòng Tỉnh ủy\n"
        "- Phòng Tổng hợp,                                       Email: vanphong@tinhuy.vn\n"
        "                                                        Thời gian ký: 18.06.2025 15:02:11 +07:00\n"
        "\f- Lưu Văn phòng Tỉnh ủy.\n"
        "                                                             Đặng Quốc Việt\n"
    )
    assert PARTY_LETTER.count(old) == 1
    text = PARTY_LETTER.replace(old, new)
    assert _findings(text, ["NL1"]) == []
    notice = parse(read_text("letter.txt", text.encode("utf-8")))
    assert notice.signature.name.text == "Đặng Quốc Việt"
    assert len(notice.signature.stamp) == 3
    assert notice.recipients.items[-1].text.strip() == "- Lưu Văn phòng Tỉnh ủy."
