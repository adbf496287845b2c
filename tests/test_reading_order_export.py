"""A ``pdftotext`` export in reading order (no ``-layout``): the closing's two columns come
line by line in turns (an item, the signer's title, the other items, the name).

The fixture is written for the project, modelled on such exports of signed letters.
"""

from __future__ import annotations

from pathlib import Path

from notice_lint.anatomy import parse
from notice_lint.document.text import read_text
from notice_lint.testing import lint_text

TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "text"
LETTER = (TEXT / "state-letter-pdftotext-raw.txt").read_text(encoding="utf-8")


def _findings(text: str, select: list[str]) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text, select=select)]


def _line_of(text: str, start: str) -> int:
    (number,) = [k for k, line in enumerate(text.splitlines(), start=1) if line.startswith(start)]
    return number


def test_interleaved_closing_is_read_whole() -> None:
    notice = parse(read_text("letter.txt", LETTER.encode("utf-8")))
    items = [s.text for s in notice.recipients.items]
    assert items == [
        "- Như trên;",
        "- TT Huyện ủy, TT HĐND huyện (b/c);",
        "- Phòng Nông nghiệp và Môi trường;",
        "- Lưu: VT, NN.",
    ]
    sig = notice.signature
    assert sig is not None and sig.name is not None and sig.name.text == "Đặng Văn Lực"
    assert [t.text for t in sig.titles] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_interleaved_closing_is_clean() -> None:
    assert _findings(LETTER, ["ALL"]) == []


def test_interleaved_closing_defects_still_found() -> None:
    # the storage line lost: the last item ends with ";" and no "Lưu" line
    text = LETTER.replace("- Lưu: VT, NN.\n", "")
    last = _line_of(text, "- Phòng Nông nghiệp")
    assert _findings(text, ["NL1"]) == [(last, "NL162"), (last, "NL161")]
    # the signer's name missing
    text = LETTER.replace("Đặng Văn Lực\n", "")
    assert _findings(text, ["NL1"]) == [(_line_of(text, "PHÓ CHỦ TỊCH"), "NL153")]
    # the deputy's line missing after "KT."
    text = LETTER.replace("PHÓ CHỦ TỊCH\n", "")
    assert _findings(text, ["NL1"]) == [(_line_of(text, "KT. CHỦ TỊCH"), "NL152")]
