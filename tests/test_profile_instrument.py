"""The Party instrument is chosen by the document's own date; hd11 before HD 36."""

from __future__ import annotations

import datetime as dt

import pytest

from notice_lint import anatomy
from notice_lint.document.text import read_text
from notice_lint.rule import Severity
from notice_lint.testing import codes, lint_text

PARTY = (
    "TỈNH UỶ QUẢNG NGÃI              ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "*\n"
    "Số 41-TB/TU                     {date}\n"
    "\n"
    "THÔNG BÁO\n"
    "kết luận của Thường trực Tỉnh uỷ\n"
    "-----\n"
)


def _profile(date: str, today: dt.date = dt.date(2026, 11, 23), instruments=None) -> str:
    doc = read_text("x.txt", PARTY.format(date=date).encode())
    return anatomy.parse(doc, [], today=today, instruments=instruments).profile


@pytest.mark.parametrize(
    "date,today,want",
    [
        ("Quảng Ngãi, ngày 02 tháng 4 năm 2018", dt.date(2026, 11, 23), "hd11"),
        ("Quảng Ngãi, ngày 03 tháng 4 năm 2018", dt.date(2026, 11, 23), "hd36"),
        ("Quảng Ngãi, ngày 26 tháng 5 năm 2026", dt.date(2026, 11, 23), "hd36"),
        ("Quảng Ngãi, ngày 27 tháng 5 năm 2026", dt.date(2026, 11, 23), "hd05"),
        # blank day: the month decides; within May 2026 the draft is signed no earlier than today
        ("Quảng Ngãi, ngày      tháng 9 năm 2025", dt.date(2026, 11, 23), "hd36"),
        ("Quảng Ngãi, ngày      tháng 5 năm 2026", dt.date(2026, 5, 10), "hd36"),
        ("Quảng Ngãi, ngày      tháng 5 năm 2026", dt.date(2026, 5, 28), "hd05"),
        ("Quảng Ngãi, ngày tháng năm 2025", dt.date(2026, 11, 23), "hd36"),
        # no date at all: the instrument in force today
        ("Quảng Ngãi, ngày    tháng    năm", dt.date(2026, 11, 23), "hd05"),
        ("Quảng Ngãi, ngày    tháng    năm", dt.date(2025, 1, 10), "hd36"),
    ],
)
def test_instrument_by_date(date: str, today: dt.date, want: str) -> None:
    assert _profile(date, today) == want


def test_next_instruction_is_a_data_change() -> None:
    rows = [dict(r) for r in anatomy.DEFAULT_INSTRUMENTS]
    rows.append({"profile": "hd99", "family": "party", "from": dt.date(2030, 1, 1), "kinds": "hd99"})
    assert _profile("Quảng Ngãi, ngày 02 tháng 01 năm 2030", instruments=rows) == "hd99"
    assert _profile("Quảng Ngãi, ngày 02 tháng 01 năm 2029", instruments=rows) == "hd05"


def test_kind_code_follows_the_instrument() -> None:
    entry = {"title": "QUY ĐỊNH", "state": "QyĐ", "hd36": "QĐi", "hd05": "QĐ"}
    assert anatomy.kind_code(entry, "nd30") == "QyĐ"
    assert anatomy.kind_code(entry, "hd36") == "QĐi"
    assert anatomy.kind_code(entry, "hd05") == "QĐ"
    assert anatomy.kind_code(entry, "hd11") is None  # not known for the 2004 instruction
    assert anatomy.kind_code({"title": "THÔNG BÁO", "state": "TB", "party": "TB"}, "hd11") == "TB"


def test_pre_hd36_runs_only_the_shared_checks() -> None:
    text = PARTY.format(date="Quảng Ngãi, ngày 5 tháng 7 năm 2017").replace("Số 41-TB/TU", "Số: 41-TB/TU")
    found = codes(lint_text(text, select=["NL1"]))
    assert "NL111" not in found  # the number form of HD 11 is not checked
    assert "NL121" not in found  # nor the zeros of its date
    text = PARTY.format(date="Quảng Ngãi, ngày 31 tháng 6 năm 2017")
    assert "NL122" in codes(lint_text(text, select=["NL1"]))  # a date that does not exist is wrong under any


def test_date_blank_is_an_error_when_final() -> None:
    text = PARTY.format(date="Quảng Ngãi, ngày      tháng 9 năm 2025")
    (info,) = [f for f in lint_text(text, select=["NL123"])]
    assert info.severity is Severity.INFO
    (err,) = [f for f in lint_text(text, select=["NL123"], final=True)]
    assert err.severity is Severity.ERROR


def test_no_header_says_which_profile_was_assumed() -> None:
    (f,) = lint_text("THÔNG BÁO\nKết luận của Giám đốc Sở\n", select=["NL101"])
    assert f.severity is Severity.INFO
    assert "Nghị định 30/2020" in f.message_vi and "--profile party" in f.message_en
    (f,) = lint_text("THÔNG BÁO\nKết luận của Giám đốc Sở\n", select=["NL101"], profile="hd36")
    assert "Hướng dẫn 36-HD/VPTW" in f.message_vi


def test_bad_instruments_config_never_raises() -> None:
    doc = read_text("x.txt", PARTY.format(date="Quảng Ngãi, ngày 05 tháng 7 năm 2024").encode())
    notice = anatomy.parse(doc, [], today=dt.date(2026, 11, 23), instruments=[{"profile": "x"}])
    assert notice.profile == "hd36"
    bad = [{"profile": "hd36", "family": "party", "from": "not a date"}]
    notice = anatomy.parse(doc, [], today=dt.date(2026, 11, 23), instruments=bad)
    assert notice.profile == "hd36"
