"""The anatomy labels the top of every corpus document correctly.

For each real document: the parts it really has (read by hand from the
document), the kind the title (or the công văn form) gives, and the profile
with its instrument: every state document is ``nd30``; the Party texts of
2025 are ``hd36`` (their day is blank but month and year are written); the
2017 Party seed predates HD 36 (``hd11``).  The seed text exports start at
``THÔNG BÁO``: they have a title and a summary and no header.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from notice_lint import anatomy
from notice_lint.data import DataTables
from notice_lint.document import read_document
from notice_lint.plugins import get_plugin_manager

TODAY = dt.date(2026, 11, 23)

STATE_TOP = {"national", "motto", "organ", "number", "place_date"}
TYPED = STATE_TOP | {"title", "summary"}
CONG_VAN = STATE_TOP | {"subject", "addressee"}
PARTY_TOP = {"party_header", "organ", "organ_star", "number", "place_date"}

# file -> (profile, kind, parts present)
EXPECTED: dict[str, tuple[str, str, set[str]]] = {
    "skhcn-2020-monthly.txt": ("nd30", "TB", {"title", "summary"}),
    "ubnd-quangngai-2024.txt": ("nd30", "TB", {"title", "summary"}),
    "skhcn-vinhlong-2018.md": ("nd30", "TB", {"title", "summary"}),
    "skhcn-quangtri-2023-draft.md": ("nd30", "TB", {"number", "place_date", "title", "summary"}),
    "tinhuy-binhthuan-2017-party.txt": ("hd11", "TB", PARTY_TOP | {"title", "summary"}),
    "real/cv-danguy-conghai-100-2025.txt": ("hd36", "CV", PARTY_TOP | {"subject", "addressee"}),
    "real/tbkl-danguy-conghai-20-2025.txt": ("hd36", "TB", PARTY_TOP | {"title", "summary"}),
    "real/tbkl-danguy-conghai-30-2025.txt": ("hd36", "TB", PARTY_TOP | {"title", "summary"}),
    "real/bc-sct-laocai-ccn-gui-bct.docx": ("nd30", "BC", TYPED | {"addressee"}),
    "real/bc-vpubnd-laocai-ccn.docx": ("nd30", "BC", TYPED),
    # an internal note of a unit: no number line (its Lưu has no VT)
    "real/cv-phongqlcn-laocai-noibo-kcn.docx": ("nd30", "CV", CONG_VAN - {"number"}),
    "real/cv-sct-laocai-2245-tb-kiemtra.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-3059-tb-kiemtra-sinquyen.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-3915-tb-huanluyen.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-chamdut-thamdinh-sinquyen.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-duyhieu-khongcap.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-mongson-kho-nfd.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-tb-kiemtra-hoachat-taybac.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-tuchoi-thamdinh-phucloc.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-sct-laocai-yenthanh-panm-nfd.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-ubnd-laocai-didoi-ccn.docx": ("nd30", "CV", CONG_VAN),
    "real/cv-ubnd-laocai-tl-baocao-kcn.docx": ("nd30", "CV", CONG_VAN),
    "real/gm-ubnd-laocai-hop-ccn.docx": ("nd30", "GM", TYPED | {"addressee"}),
    "real/kh-sct-laocai-2242-kiemtra-gcn.docx": ("nd30", "KH", TYPED),
    "real/kh-sct-laocai-dean08-cn-xanh.docx": ("nd30", "KH", TYPED),
    "real/qd-sct-laocai-doan-kiemtra-hoachat.docx": ("nd30", "QĐ", TYPED),
    "real/tb-sct-laocai-1894-kqkt-vlncn.docx": ("nd30", "TB", TYPED),
    "real/tb-sct-laocai-kho-vlncn-namcang.docx": ("nd30", "TB", TYPED | {"addressee"}),
    "real/tbkl-vpubnd-laocai-ccn-2026.docx": ("nd30", "TB", TYPED),
    "real/ttr-sct-laocai-tienchat-thuocno.docx": ("nd30", "TTr", TYPED | {"addressee"}),
}

# a few lines whose label is easy to get wrong: (file, text the line starts with, role)
LINES = [
    # a KH whose summary begins "Thực hiện …" (centred): not the body
    ("real/kh-sct-laocai-dean08-cn-xanh.docx", "Thực hiện Đề án số 08", "summary"),
    # a QĐ: the authority line under the summary is neither summary nor body
    ("real/qd-sct-laocai-doan-kiemtra-hoachat.docx", "GIÁM ĐỐC SỞ CÔNG THƯƠNG", "authority"),
    # a capitals summary longer than a line
    ("real/tb-sct-laocai-kho-vlncn-namcang.docx", "KẾT QUẢ KIỂM TRA CÔNG TÁC", "summary"),
    ("real/tb-sct-laocai-kho-vlncn-namcang.docx", "Kính gửi:", "addressee"),
    # a place-date with "4năm" run together is still the place-date
    ("real/tb-sct-laocai-1894-kqkt-vlncn.docx", "Lào Cai, ngày", "place_date"),
    # soft hyphens drawn as the rule under the summary
    ("real/ttr-sct-laocai-tienchat-thuocno.docx", "\u00ad\u00ad\u00ad", "rule_line"),
    # the wrapped line of a Kính gửi item in its cell
    ("real/cv-ubnd-laocai-didoi-ccn.docx", "Nông nghiệp và Môi trường;", "addressee"),
    # a Party công văn's trích yếu on three lines of the PDF text
    ("real/cv-danguy-conghai-100-2025.txt", "Ban Thường vụ Đảng uỷ giao", "subject"),
]


def _tables() -> DataTables:
    return DataTables(get_plugin_manager())


def _parse(path: Path):
    tables = _tables()
    doc = read_document(str(path))
    return anatomy.parse(doc, tables.get("kinds"), today=TODAY, instruments=tables.get("instruments"))


def _present(notice) -> set[str]:
    out = set()
    for name in ("national", "motto", "party_header", "organ_star", "number", "place_date", "title"):
        if getattr(notice, name) is not None:
            out.add(name)
    for name in ("organ", "summary", "subject", "addressee"):
        if getattr(notice, name):
            out.add(name)
    return out


def test_every_corpus_document_is_listed(corpus: Path) -> None:
    found = {str(p.relative_to(corpus)) for p in corpus.rglob("*") if p.suffix in (".docx", ".txt", ".md")}
    found.discard("real/SOURCES.md")
    # lm/ holds the language-model text (compressed) and its README, not documents
    found = {name for name in found if not name.startswith("lm/")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_top_parts(corpus: Path, name: str) -> None:
    profile, kind, parts = EXPECTED[name]
    notice = _parse(corpus / name)
    assert notice.profile == profile
    assert notice.kind == kind
    assert _present(notice) == parts


@pytest.mark.parametrize("name,start,role", LINES)
def test_line_roles(corpus: Path, name: str, start: str, role: str) -> None:
    notice = _parse(corpus / name)
    segs = [s for s in notice.segments if s.text.strip().startswith(start)]
    assert segs, f"no line starting with {start!r}"
    assert notice.role_of(segs[0]) == role


def test_party_2025_instrument_from_month_and_year(corpus: Path) -> None:
    """The day is blank, the month and year say 2025: HD 36, though HD 05 is in force today."""
    notice = _parse(corpus / "real" / "tbkl-danguy-conghai-20-2025.txt")
    assert notice.date is None
    assert notice.profile == "hd36"
    assert any(e.startswith("instrument by partial date 2025-10-31") for e in notice.evidence)
