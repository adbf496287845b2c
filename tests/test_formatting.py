"""Formatting rules NL401–NL406 and the effective formatting they read.

The YAML rule cases are text-only, so these tests build ``.docx`` notices
with the fixture builder (``fixtures/build``) and change one layer of Word's
formatting at a time: direct run formatting, a style, the theme, the
document defaults, the page setup.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from fixtures.build import build
from fixtures.build import cases_format as cf
from fixtures.build.notice import DEFAULT_PARTY, DEFAULT_STATE, spec
from notice_lint.document import read_document
from notice_lint.rule import Severity
from notice_lint.testing import lint_path

TODAY = dt.date(2026, 11, 23)


def _build(tmp_path: Path, name: str, value) -> Path:
    path = tmp_path / f"{name}.docx"
    build(name, value, path)
    return path


def _lint(path: Path, code: str, **kw):
    result = lint_path(path, select=[code], today=TODAY, **kw)
    assert result.error is None
    return result.findings


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("formatting")
    values = dict(cf.FIXTURES)
    values["state-ok"] = spec(DEFAULT_STATE)
    values["party-ok"] = spec(DEFAULT_PARTY)
    values["party-hd05-state-sizes"] = spec(
        DEFAULT_PARTY,
        place_date="Quảng Ngãi, ngày 15 tháng 6 năm 2026",
        sizes=DEFAULT_STATE["sizes"],
    )
    values["body-size-12-5"] = spec(DEFAULT_STATE, size=12.5)
    values["margins-2cm"] = spec(DEFAULT_STATE, margins_mm=(20, 20, 30, 20))
    values["party-margins-state"] = spec(DEFAULT_PARTY, margins_mm=(25, 20, 30, 20))
    return {name: _build(out, name, value) for name, value in values.items()}


SILENT = ["state-ok", "party-ok", "format-styles-only-ok", "format-theme-vietnamese-ok", "format-landscape-table-ok"]


@pytest.mark.parametrize("name", SILENT)
@pytest.mark.parametrize("code", ["NL401", "NL402", "NL403", "NL404", "NL405", "NL406"])
def test_correct_notices_are_silent(built, name: str, code: str) -> None:
    assert _lint(built[name], code) == []


# -- NL401 font-family ------------------------------------------------------


def test_nl401_direct_arial_body_reported_once(built) -> None:
    found = _lint(built["format-body-arial"], "NL401")
    assert [(f.line, f.code) for f in found] == [(9, "NL401")]
    assert "Arial" in found[0].message_vi and "12 đoạn" in found[0].message_vi


def test_nl401_theme_minor_font_applies_when_no_font_is_set(built) -> None:
    found = _lint(built["format-theme-calibri"], "NL401")
    assert len(found) == 1
    assert "Calibri" in found[0].message_en and "whole document" in found[0].message_en


def test_nl401_config_names_another_font(built, tmp_path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notice-lint]\nfont = "Arial"\n', encoding="utf-8")
    path = tmp_path / "notice.docx"
    path.write_bytes(built["state-ok"].read_bytes())
    found = _lint(path, "NL401")
    assert len(found) == 1 and "phải là Arial" in found[0].message_vi


# -- NL402 font-size --------------------------------------------------------


def test_nl402_normal_style_12pt(built) -> None:
    found = _lint(built["format-normal-12pt"], "NL402")
    lines = [f.line for f in found]
    assert 9 in lines  # the whole body, once
    assert sum(1 for f in found if "Toàn bộ phần nội dung" in f.message_vi) == 1
    assert {6, 7, 8, 25, 26, 28} <= set(lines)  # parts inheriting Normal


def test_nl402_half_points_are_not_rounded(built) -> None:
    found = _lint(built["body-size-12-5"], "NL402")
    assert any("12.5" in f.message_en for f in found)
    # Vietnamese writes the decimal comma (issue 19): «cỡ chữ 12,5», never 12.5
    assert any("12,5" in f.message_vi for f in found)
    assert not any(re.search(r"\d\.\d", f.message_vi) for f in found)


def test_nl402_party_sizes(built) -> None:
    found = _lint(built["format-party-state-sizes"], "NL402")
    assert [f.line for f in found] == [1, 3, 4, 6, 16, 17]
    assert "(3 dòng)" in found[-1].message_vi
    assert all(f.severity == Severity.ERROR for f in found)


def test_nl402_hd05_sizes_are_warnings(built) -> None:
    result = lint_path(built["party-hd05-state-sizes"], select=["NL402"], today=TODAY)
    assert result.profile == "hd05"
    assert result.findings and all(f.severity == Severity.WARNING for f in result.findings)
    assert "HD 05" in result.findings[0].message_vi


# -- NL403 page-size / NL404 page-margins ------------------------------------


def test_nl403_letter_paper(built) -> None:
    found = _lint(built["format-page"], "NL403")
    assert [(f.line, f.column) for f in found] == [(1, 1)]
    assert "215,9" in found[0].message_vi


def test_nl403_landscape_first_page(tmp_path) -> None:
    path = _build(tmp_path, "landscape", spec(DEFAULT_STATE, page_mm=(297, 210)))
    found = _lint(path, "NL403")
    assert len(found) == 1 and "ngang" in found[0].message_vi


def test_nl404_narrow_margins(built) -> None:
    found = _lint(built["format-page"], "NL404")
    assert len(found) == 1
    assert "lề trên 15 mm" in found[0].message_vi and "lề dưới 15 mm" in found[0].message_vi


def test_nl404_margins_as_word_shows_them(built) -> None:
    # 2 cm is stored as 1134 twips (20.003 mm) and 1.5 cm as 850 (14.99 mm)
    assert _lint(built["margins-2cm"], "NL404") == []
    assert _lint(built["state-ok"], "NL404") == []


def test_nl404_party_margins_are_fixed(built) -> None:
    found = _lint(built["party-margins-state"], "NL404")
    assert len(found) == 1
    assert "lề trên 25 mm" in found[0].message_vi and "lề phải 20 mm" in found[0].message_vi


# -- NL405 element-style -----------------------------------------------------


def test_nl405_bold_off_upright_date_plain_label(built) -> None:
    found = _lint(built["format-element-styles"], "NL405")
    assert [f.line for f in found] == [6, 7, 21]
    assert "in nghiêng" in found[0].message_vi
    assert "in đậm" in found[1].message_vi


def test_nl405_party_typography(built) -> None:
    found = _lint(built["format-party-state-sizes"], "NL405")
    assert [f.line for f in found] == [16, 21]
    assert "gạch chân" in found[0].message_vi
    assert "không được in đậm" in found[1].message_vi


# -- NL406 paragraph-layout --------------------------------------------------


def test_nl406_doc_defaults_double_spacing(built) -> None:
    found = _lint(built["format-defaults-double"], "NL406")
    assert len(found) == 2
    assert any("2 dòng" in f.message_vi for f in found)
    assert any("0 pt" in f.message_vi for f in found)


def test_nl406_left_aligned_and_wrong_indent(built) -> None:
    found = _lint(built["format-layout"], "NL406")
    assert [(f.line, f.message_en.split(";")[0]) for f in found] == [
        (9, "The paragraph is aligned left"),
        (10, "The first line is indented 2 cm"),
    ]


def test_nl406_party_line_spacing(tmp_path) -> None:
    path = _build(tmp_path, "party-single", spec(DEFAULT_PARTY))
    cf._patch(path, styles=_single_exact_16)
    found = _lint(path, "NL406")
    assert len(found) == 1 and "18 pt" in found[0].message_vi


def _single_exact_16(styles) -> None:
    dd = styles.find(cf.W + "docDefaults")
    ppr = dd.find(f"{cf.W}pPrDefault/{cf.W}pPr")
    cf._drop(ppr, "spacing")
    ppr.append(cf._el("spacing", after="120", line="320", lineRule="exact"))


# -- effective properties ---------------------------------------------------


def test_styles_chain_character_style_and_theme(built) -> None:
    doc = read_document(built["format-styles-only-ok"], formatting=True)
    body = next(p for p in doc.paragraphs if p.text.startswith("Ngày 20 tháng 3"))
    assert body.style == "NoticeBody"
    assert body.alignment == "both" and body.indent_first_mm == pytest.approx(12.7)
    assert body.space_after_pt == 6 and body.line_spacing == ("exact", 17.0)
    assert {r.props.font for r in body.runs} == {"Times New Roman"}  # from Normal, via basedOn
    item = next(p for p in doc.paragraphs if p.text.startswith("- Ban Giám đốc"))
    assert {r.props.size for r in item.runs} == {11.0}  # character style
    label = next(p for p in doc.paragraphs if p.text == "Nơi nhận:")
    assert {(r.props.bold, r.props.italic, r.props.size) for r in label.runs} == {(True, True, 12.0)}


def test_theme_language_picks_vietnamese_theme_font(built) -> None:
    doc = read_document(built["format-theme-vietnamese-ok"], formatting=True)
    assert {r.props.font for p in doc.paragraphs for r in p.runs} == {"Times New Roman"}
    doc = read_document(built["format-theme-calibri"], formatting=True)
    assert {r.props.font for p in doc.paragraphs for r in p.runs} == {"Calibri"}


def test_text_rules_never_read_styles(built, monkeypatch) -> None:
    from notice_lint.document import styles

    def boom(*args, **kwargs):
        raise AssertionError("styles read for a text rule")

    monkeypatch.setattr(styles, "apply_styles", boom)
    result = lint_path(built["state-ok"], select=["NL110"], today=TODAY)
    assert result.error is None
    doc = read_document(built["state-ok"])
    assert all(r.props.font is None for p in doc.paragraphs for r in p.runs)


def test_formatting_rules_skip_text_files(tmp_path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 18/TB-SKHCN\n", encoding="utf-8")
    result = lint_path(path, select=["NL4"], today=TODAY)
    assert result.error is None and result.findings == []


def _toggle_styles(styles) -> None:
    rpr = cf._el("rPr")
    rpr.append(cf._el("b"))
    cf._style(styles, "paragraph", "TitleBold", "Normal", rpr=rpr)
    rpr = cf._el("rPr")
    rpr.append(cf._el("b"))
    cf._style(styles, "character", "StrongChar", None, rpr=rpr)


def _toggle_doc(root) -> None:
    for p in cf._paragraphs(root):
        if cf._text(p) == "THÔNG BÁO":
            cf._set_pstyle(p, "TitleBold")
            for rpr in cf._run_props(p):
                cf._drop(rpr, "b")
                rpr.insert(0, cf._el("rStyle", val="StrongChar"))
        elif cf._text(p).startswith("Kết luận của"):
            cf._set_pstyle(p, "TitleBold")
            for rpr in cf._run_props(p):
                cf._drop(rpr, "b")
        elif cf._text(p).startswith("Ngày 20 tháng 3"):
            for rpr in cf._run_props(p):
                rpr.append(cf._el("vanish"))


def test_toggle_properties_cancel_between_styles_and_hidden_text(tmp_path) -> None:
    path = _build(tmp_path, "toggle", spec(DEFAULT_STATE))
    cf._patch(path, styles=_toggle_styles, document=_toggle_doc)
    doc = read_document(path, formatting=True)
    title = next(p for p in doc.paragraphs if p.text == "THÔNG BÁO")
    summary = next(p for p in doc.paragraphs if p.text.startswith("Kết luận của"))
    hidden = next(p for p in doc.paragraphs if p.text.startswith("Ngày 20 tháng 3"))
    assert {r.props.bold for r in title.runs} == {False}  # bold style + bold character style
    assert {r.props.bold for r in summary.runs} == {True}  # bold from the paragraph style alone
    assert {r.props.font for r in hidden.runs} == {None}
    assert [f.line for f in _lint(path, "NL405")] == [title.index]


def _label_border(root, border: bool) -> None:
    for p in cf._paragraphs(root):
        if cf._text(p).startswith("Nơi nhận"):
            for rpr in cf._run_props(p):
                cf._drop(rpr, "u")
            if border:
                pbdr = cf._el("pBdr")
                pbdr.append(cf._el("bottom", val="single", sz="6", space="1", color="auto"))
                cf._ppr(p).append(pbdr)


@pytest.mark.parametrize("border", [True, False])
def test_nl405_party_label_rule_may_be_a_border(tmp_path, border: bool) -> None:
    path = _build(tmp_path, "party-border", spec(DEFAULT_PARTY))
    cf._patch(path, document=lambda root: _label_border(root, border))
    found = _lint(path, "NL405")
    assert (found == []) is border


def _no_sizes(styles) -> None:
    for sz in list(styles.iter(cf.W + "sz")):
        sz.getparent().remove(sz)


def test_no_size_anywhere_is_words_10pt(tmp_path) -> None:
    path = _build(tmp_path, "no-sizes", spec(DEFAULT_STATE))
    cf._patch(path, styles=_no_sizes)
    found = _lint(path, "NL402")
    assert any("Toàn bộ phần nội dung" in f.message_vi and "cỡ chữ 10," in f.message_vi for f in found)


def test_nl405_party_stacked_prefixes_are_bold(tmp_path) -> None:
    value = spec(DEFAULT_PARTY, signature=["T/L BAN THƯỜNG VỤ", "K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])
    path = _build(tmp_path, "party-stacked", value)
    # the builder leaves every line under the first not bold: make the second a bold prefix line
    def bold_second(root) -> None:
        for p in cf._paragraphs(root):
            if cf._text(p) == "K/T CHÁNH VĂN PHÒNG":
                for rpr in cf._run_props(p):
                    rpr.insert(0, cf._el("b"))

    cf._patch(path, document=bold_second)
    assert _lint(path, "NL405") == []


def _recipient_runs(path: Path, item: str, pieces: list[tuple[str, float]]) -> None:
    """Rewrite recipient item ``item`` as runs of the given texts and sizes."""
    from docx import Document
    from docx.shared import Pt

    doc = Document(str(path))
    for table in doc.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                if p.text == item:
                    for r in p.runs[1:]:
                        r._r.getparent().remove(r._r)
                    p.runs[0].text = pieces[0][0]
                    p.runs[0].font.size = Pt(pieces[0][1])
                    for text, size in pieces[1:]:
                        p.add_run(text).font.size = Pt(size)
    doc.save(str(path))


@pytest.mark.parametrize(
    "pieces,reported",
    [
        ([("- Ban Giám đốc Sở ", 11), ("(Hằng)", 7), (";", 11)], False),  # the drafter's name, set small
        ([("- Ban Giám đốc Sở ", 11), ("(Hằng)", 13), (";", 11)], True),  # larger than the list: a slip
        ([("- Ban Giám đốc ", 11), ("Sở", 7), (";", 11)], True),  # a word of the item set small
    ],
    ids=["drafter-small", "drafter-large", "word-small"],
)
def test_nl402_drafter_name_in_brackets_is_not_the_list_size(tmp_path, pieces, reported: bool) -> None:
    path = _build(tmp_path, "drafter", spec(DEFAULT_STATE))
    _recipient_runs(path, "- Ban Giám đốc Sở;", pieces)
    found = [f for f in _lint(path, "NL402") if "nơi nhận" in f.message_vi.lower()]
    assert bool(found) is reported
