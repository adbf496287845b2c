"""--fix of the format (NL401–NL406): tracked formatting changes that accept and reject cleanly.

Drafts are built by ``fixtures/build`` (each with one layer of formatting
wrong); copies of the real drafts of ``../shared/corpus/real`` are fixed too
when present.  A small accept/reject helper works on the XML the way Word
does, so that "reject all" is checked to give back the original formatting,
property by property.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as DocxDocument
from lxml import etree
from tests.fix_helpers import soffice

from fixtures.build import build
from fixtures.build import cases_format as cf
from fixtures.build.notice import DEFAULT_PARTY, DEFAULT_STATE, spec
from notice_lint.cli import cli
from notice_lint.document import read_document
from notice_lint.fix import FixPolicy, fix_bytes
from notice_lint.fix.docx import DocxTarget
from notice_lint.fix.select import overlaps, plan_fixes
from notice_lint.rule import Edit, Finding, Fix, FormatEdit, Severity
from notice_lint.runner import Linter, Options

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORMAT_CODES = ("NL401", "NL402", "NL403", "NL404", "NL405", "NL406")
TODAY = dt.date(2026, 11, 23)
BROKEN = [name for name in cf.FIXTURES if not name.endswith("-ok")]


# -- accept / reject, as Word does it ---------------------------------------


def _resolve(data: bytes, accept: bool) -> bytes:
    """The package with every revision of word/document.xml accepted (or rejected)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zin.read("word/document.xml"))
    for el in list(root.iter(W + "ins", W + "del")):
        parent = el.getparent()
        if (el.tag == W + "ins") == accept:  # keep the content, drop the mark
            for t in el.iter(W + "delText"):
                t.tag = W + "t"
            for child in list(el):
                el.addprevious(child)
        parent.remove(el)
    for tag in ("rPrChange", "pPrChange", "sectPrChange"):
        for change in list(root.iter(W + tag)):
            holder = change.getparent()
            if not accept:
                old = change[0]
                keep = {W + "rPr", W + "sectPr"} if tag == "pPrChange" else set()
                if tag == "sectPrChange":
                    keep = {W + "headerReference", W + "footerReference"}
                    holder.attrib.clear()
                    holder.attrib.update(old.attrib)
                for child in list(holder):
                    if child is not change and child.tag not in keep:
                        holder.remove(child)
                for child in list(old):
                    change.addprevious(child)
            holder.remove(change)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "word/document.xml":
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, blob)
    return out.getvalue()


def formatting_of(data: bytes) -> tuple[list, list]:
    """Every paragraph's text, layout and the effective run properties of each character; every section."""
    doc = read_document("x.docx", formatting=True, data=data)
    paras = []
    for p in doc.paragraphs:
        chars = [None] * len(p.text)
        for r in p.runs:
            for k in range(r.start, r.end):
                chars[k] = r.props
        paras.append((p.index, p.text, p.alignment, p.indent_first_mm, p.indent_left_mm, p.space_before_pt,
                      p.space_after_pt, p.line_spacing, tuple(chars)))
    sections = [(s.width_mm, s.height_mm, s.top_mm, s.bottom_mm, s.left_mm, s.right_mm) for s in doc.sections]
    return paras, sections


def _linter() -> Linter:
    return Linter(Options(today=TODAY, select=list(FORMAT_CODES)))


def _fix(path: Path, *, track: bool = True, unsafe: bool = False) -> tuple[bytes, int, list[Finding]]:
    linter = _linter()
    data = path.read_bytes()
    first = linter.lint_file(str(path), data)
    new, fixed, result = fix_bytes(linter, str(path), data, first, FixPolicy(unsafe=unsafe), track=track)
    return new, fixed, result.findings


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.code in FORMAT_CODES]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("fmtfix")
    values = {name: cf.FIXTURES[name] for name in BROKEN}
    values["state-ok"] = spec(DEFAULT_STATE)
    values["party-margins-state"] = spec(DEFAULT_PARTY, margins_mm=(25, 20, 30, 20))
    values["party-hd05-state-sizes"] = spec(DEFAULT_PARTY, place_date="Quảng Ngãi, ngày 15 tháng 6 năm 2026",
                                            sizes=DEFAULT_STATE["sizes"])
    values["body-size-15"] = spec(DEFAULT_STATE, size=15)
    paths = {}
    for name, value in values.items():
        paths[name] = out / f"{name}.docx"
        build(name, value, paths[name])
    return paths


# -- the fix clears the findings, on generated drafts ------------------------


@pytest.mark.parametrize("track", [True, False])
@pytest.mark.parametrize("name", [*BROKEN, "party-margins-state", "body-size-15"])
def test_fix_clears_the_formatting_findings(drafts, name: str, track: bool) -> None:
    before = _linter().lint_file(str(drafts[name]), drafts[name].read_bytes())
    assert _codes(before.findings), "the draft must have formatting findings to fix"
    assert all(f.fix is not None for f in before.findings if f.code in FORMAT_CODES)
    new, fixed, after = _fix(drafts[name], track=track)
    assert fixed >= 1
    assert _codes(after) == []
    DocxDocument(io.BytesIO(new))  # python-docx opens it
    # the text is the same: only formatting changed
    assert [p[1] for p in formatting_of(new)[0]] == [p[1] for p in formatting_of(drafts[name].read_bytes())[0]]


def test_correct_draft_is_left_byte_identical(drafts) -> None:
    data = drafts["state-ok"].read_bytes()
    new, fixed, _ = _fix(drafts["state-ok"])
    assert fixed == 0 and new == data


@pytest.mark.parametrize("name", [*BROKEN, "party-margins-state"])
def test_reject_all_gives_back_the_original_formatting(drafts, name: str) -> None:
    data = drafts[name].read_bytes()
    new, _, _ = _fix(drafts[name], track=True)
    assert new != data
    original = formatting_of(data)
    assert formatting_of(_resolve(new, accept=False)) == original
    # accepting gives what the fixed file shows, and that is the plain fix
    assert formatting_of(_resolve(new, accept=True)) == formatting_of(new)
    plain, _, _ = _fix(drafts[name], track=False)
    assert formatting_of(new) == formatting_of(plain)


def test_tracked_changes_are_marked_and_the_rest_keeps_its_bytes(drafts) -> None:
    data = drafts["format-page"].read_bytes()
    new, _, _ = _fix(drafts["format-page"])
    old_parts = {i.filename: zipfile.ZipFile(io.BytesIO(data)).read(i) for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    with zipfile.ZipFile(io.BytesIO(new)) as zf:
        changed = sorted(n for n in zf.namelist() if zf.read(n) != old_parts[n])
        xml = zf.read("word/document.xml")
    assert changed == ["word/document.xml"]
    root = etree.fromstring(xml)
    marks = list(root.iter(W + "sectPrChange"))
    assert marks and all(m.get(W + "author") == "notice-lint" and m.get(W + "date") for m in marks)
    sect = marks[0].getparent()
    assert sect.find(W + "pgSz").get(W + "w") == "11906" and sect.find(W + "pgSz").get(W + "h") == "16838"
    assert sect.find(W + "pgMar").get(W + "top") == "1134"  # 15 mm -> 20 mm
    # the page is read as one section, not two (the old w:sectPr inside the change is not a section)
    assert len(read_document("x.docx", formatting=True, data=new).sections) == 1


def test_size_fix_is_a_run_property_change(drafts) -> None:
    new, _, _ = _fix(drafts["format-normal-12pt"])
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(new)).read("word/document.xml"))
    changes = list(root.iter(W + "rPrChange"))
    assert changes
    for ch in changes:
        rpr = ch.getparent()
        assert rpr.find(W + "sz") is not None
        assert list(rpr)[-1] is ch  # the change record closes the w:rPr, as the schema orders it
        old = ch.find(W + "rPr")
        assert old is not None and old.find(W + "rPrChange") is None


def test_the_style_is_never_changed(drafts) -> None:
    data = drafts["format-normal-12pt"].read_bytes()  # the 12 pt comes from the Normal style
    new, _, _ = _fix(drafts["format-normal-12pt"])
    for part in ("word/styles.xml", "word/settings.xml"):
        assert zipfile.ZipFile(io.BytesIO(new)).read(part) == zipfile.ZipFile(io.BytesIO(data)).read(part)


def test_hidden_markup_is_made_visible_when_revisions_are_written(drafts, tmp_path: Path) -> None:
    """Issue 19.1: a draft saved with markup hidden must open showing the fix's marks."""
    src = tmp_path / "hidden.docx"
    _with_settings(drafts["format-page"], src, b'<w:revisionView w:markup="0" w:formatting="0"/>')
    new, _, _ = _fix(src)
    with zipfile.ZipFile(io.BytesIO(new)) as zf, zipfile.ZipFile(src) as old:
        assert b"revisionView" not in zf.read("word/settings.xml")
        changed = sorted(n for n in zf.namelist() if zf.read(n) != old.read(n))
        # the settings lose only that element
        assert zf.read("word/settings.xml") == old.read("word/settings.xml").replace(
            b'<w:revisionView w:markup="0" w:formatting="0"/>', b"")
    assert changed == ["word/document.xml", "word/settings.xml"]
    plain, _, _ = _fix(src, track=False)  # no revisions: the user's view setting stays
    assert b"revisionView" in zipfile.ZipFile(io.BytesIO(plain)).read("word/settings.xml")


def _with_settings(src: Path, dst: Path, element: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "word/settings.xml":
                start = blob.index(b">", blob.index(b"<w:settings")) + 1
                blob = blob[:start] + element + blob[start:]
            zout.writestr(info, blob)


# -- safe and unsafe ---------------------------------------------------------


def test_hd05_size_fix_waits_for_unsafe_fixes(drafts) -> None:
    path = drafts["party-hd05-state-sizes"]
    before = [f for f in _linter().lint_file(str(path), path.read_bytes()).findings if f.code == "NL402"]
    assert before and all(f.fix is not None and not f.fix.safe for f in before)
    _, _, after = _fix(path)
    assert "NL402" in _codes(after)
    _, _, after = _fix(path, unsafe=True)
    assert "NL402" not in _codes(after)


def test_margins_are_safe_and_go_to_the_nearest_value(drafts) -> None:
    path = drafts["party-margins-state"]  # Party 20/20/30/15; the draft has 25/20/30/20
    f = next(f for f in _linter().lint_file(str(path), path.read_bytes()).findings if f.code == "NL404")
    assert f.fix.safe
    (edit,) = f.fix.edits
    assert isinstance(edit, FormatEdit) and edit.scope == "section"
    assert dict(edit.props) == {"top": 1134, "right": 850}
    assert edit.note_vi == "lề trên 25 → 20 mm; lề phải 20 → 15 mm"


def test_body_size_goes_to_the_nearest_value_of_the_range(drafts) -> None:
    path = drafts["body-size-15"]
    sizes = {dict(e.props)["size"] for f in _linter().lint_file(str(path), path.read_bytes()).findings
             if f.code == "NL402" for e in f.fix.edits}
    assert 14 in sizes and 15 not in sizes


def test_one_wrong_body_paragraph_joins_the_size_of_the_rest(drafts, tmp_path: Path) -> None:
    """A 12 pt paragraph in a 14 pt body goes to 14 (not to 13, the nearest): the body stays of one size."""
    path = tmp_path / "one-small.docx"
    shutil.copy(drafts["state-ok"], path)

    def shrink(root) -> None:
        para = next(p for p in root.iter(W + "p") if "Các phòng, đơn vị đã hoàn thành" in cf._text(p))
        for r in para.iter(W + "r"):
            rpr = r.find(W + "rPr")
            if rpr is None:
                rpr = etree.SubElement(r, W + "rPr")
                r.insert(0, rpr)
            for old in rpr.findall(W + "sz"):
                rpr.remove(old)
            etree.SubElement(rpr, W + "sz").set(W + "val", "24")

    cf._patch(path, document=shrink)
    found = [f for f in _linter().lint_file(str(path), path.read_bytes()).findings if f.code == "NL402"]
    assert len(found) == 1
    assert {dict(e.props)["size"] for e in found[0].fix.edits} == {DEFAULT_STATE["size"]}
    assert DEFAULT_STATE["size"] == 14
    _, _, after = _fix(path)
    assert _codes(after) == []


def test_formatting_edits_overlap_only_on_one_property() -> None:
    a = FormatEdit("run", 3, 0, 10, (("size", 13),))
    assert overlaps(a, FormatEdit("run", 3, 5, 12, (("size", 14),)))
    assert not overlaps(a, FormatEdit("run", 3, 5, 12, (("bold", True),)))
    assert not overlaps(a, FormatEdit("run", 3, 10, 12, (("size", 14),)))
    assert not overlaps(a, Edit(3, 0, 10, "x"))
    assert overlaps(FormatEdit("section", 1, 0, 0, (("top", 1),), section=0),
                    FormatEdit("section", 9, 0, 0, (("top", 2),), section=0))


def test_text_and_format_fixes_go_in_separate_passes(drafts) -> None:
    text = Finding("NL990", "t", Severity.ERROR, 5, 0, 2, "vi", "en", Fix((Edit(5, 0, 2, "ab"),)))
    fmt = Finding("NL402", "t", Severity.ERROR, 5, 0, 2, "vi", "en", Fix((FormatEdit("run", 5, 0, 2, (("size", 13),)),)))
    assert plan_fixes([text, fmt], FixPolicy(), kind="text").findings == [text]
    assert plan_fixes([text, fmt], FixPolicy(), kind="format").findings == [fmt]
    target = DocxTarget(drafts["state-ok"].read_bytes())
    assert not target.can_apply(FormatEdit("run", 10_000, 0, 2, (("size", 13),)))
    assert not target.can_apply(FormatEdit("section", 1, 0, 0, (("top", 1134),), section=7))


# -- the command line --------------------------------------------------------


def _cli(*args: str):
    return CliRunner().invoke(cli, ["--today", TODAY.isoformat(), "--no-cache", "--select", ",".join(FORMAT_CODES), *args])


def test_diff_says_the_formatting_changes_in_words(drafts, tmp_path: Path) -> None:
    p = tmp_path / "d.docx"
    shutil.copy(drafts["format-page"], p)
    data = p.read_bytes()
    vi = _cli("--diff", str(p))
    assert vi.exit_code == 1
    assert "phần trang 1" in vi.stdout and "lề trên 15 → 20 mm" in vi.stdout and "khổ giấy" in vi.stdout
    en = _cli("--diff", "--lang", "en", str(p))
    assert "top margin 15 → 20 mm" in en.stdout and "paper 215.9 × 279.4 mm → A4" in en.stdout
    assert p.read_bytes() == data
    size = tmp_path / "s.docx"
    shutil.copy(drafts["format-normal-12pt"], size)
    out = _cli("--diff", str(size)).stdout
    assert "cỡ chữ 12 → 13" in out and "theo kiểu" in out  # the 12 pt came from the style


def test_json_says_what_a_format_fix_changes(drafts) -> None:
    out = _cli("--format", "json", "--exit-zero", str(drafts["format-page"])).stdout
    fixes = [f["fix"] for f in json.loads(out) if f["code"] == "NL404"]
    assert fixes and fixes[0][0]["format"]["scope"] == "section"
    assert fixes[0][0]["format"]["top"] == 1134 and "lề trên 15 → 20 mm" in fixes[0][0]["description"]


def test_html_report_shows_a_format_fix_in_words(drafts, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = _cli("--format", "html", "-o", str(out), "--exit-zero", str(drafts["format-layout"]), str(drafts["format-page"]))
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "lề trên 15 → 20 mm" in page and "canh trái → canh đều" in page


def test_cli_fix_writes_the_file_and_a_second_run_is_silent(drafts, tmp_path: Path) -> None:
    p = tmp_path / "f.docx"
    shutil.copy(drafts["format-layout"], p)
    res = _cli("--fix", str(p))
    assert "Đã sửa" in res.stderr
    again = _cli(str(p))
    assert again.exit_code == 0, again.stdout


def test_cached_findings_keep_their_format_fix(drafts, tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "c.docx"
    shutil.copy(drafts["format-page"], p)
    monkeypatch.chdir(tmp_path)
    args = ["--today", TODAY.isoformat(), "--select", "NL404", "--format", "json", "--exit-zero", str(p)]
    first = CliRunner().invoke(cli, args).stdout
    second = CliRunner().invoke(cli, args).stdout
    assert first == second and '"format"' in second


# -- real drafts (skipped without ../shared) ----------------------------------


def test_real_drafts_lose_their_certain_formatting_findings(corpus: Path, tmp_path: Path) -> None:
    files = sorted((corpus / "real").glob("*.docx"))
    if not files:
        pytest.skip("no real .docx")
    for src in files:
        p = tmp_path / src.name
        shutil.copy(src, p)
        new, _, after = _fix(p)
        left = [f for f in after if f.code in FORMAT_CODES and f.fix is not None and f.fix.safe]
        assert left == [], (src.name, [(f.code, f.message_en) for f in left])
        DocxDocument(io.BytesIO(new))
        assert formatting_of(_resolve(new, accept=False)) == formatting_of(src.read_bytes()), src.name


# -- LibreOffice -------------------------------------------------------------


def test_libreoffice_shows_the_new_format_and_the_marks(tmp_path: Path) -> None:
    """Rendered to PDF, the fixed page is A4 with its margins, and the change marks show (issue 19.1)."""
    exe = soffice()
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    body = [line.replace("kinh phí", "kính phí") for line in DEFAULT_STATE["body"]]
    src = tmp_path / "src.docx"
    build("lo", spec(DEFAULT_STATE, page_mm=(215.9, 279.4), margins_mm=(15, 15, 30, 20), body=body), src)
    _with_settings(src, tmp_path / "hidden-src.docx", b'<w:revisionView w:markup="0"/>')  # markup hidden
    linter = Linter(Options(today=TODAY, select=[*FORMAT_CODES, "NL201"]))
    data = (tmp_path / "hidden-src.docx").read_bytes()
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(fix_bytes(linter, str(fixed), data, linter.lint_file("x.docx", data), FixPolicy())[0])
    plain = tmp_path / "plain.docx"
    plain.write_bytes(fix_bytes(linter, str(plain), data, linter.lint_file("x.docx", data), FixPolicy(),
                                track=False)[0])
    profile = tmp_path / "lo-profile"
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(fixed), str(plain)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    for name in ("fixed", "plain"):
        info = subprocess.run(["pdfinfo", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True).stdout
        assert "(A4)" in info, info  # no longer Letter
        box = subprocess.run(["pdftotext", "-bbox", str(tmp_path / f"{name}.pdf"), "-"], capture_output=True,
                             text=True).stdout
        ys = [float(y) for y in _attr_values(box, "yMin")]
        assert ys and 50 <= min(ys) <= 62, min(ys)  # the first line under a 20 mm top margin (57 pt), not 15 mm
    text = subprocess.run(["pdftotext", str(tmp_path / "fixed.pdf"), "-"], capture_output=True, text=True).stdout
    assert "kính" in text and "kinh" in text  # the deletion is shown beside the insertion: markup visible
    text = subprocess.run(["pdftotext", str(tmp_path / "plain.pdf"), "-"], capture_output=True, text=True).stdout
    assert "kính" not in text and "kinh" in text


def _attr_values(html: str, attr: str) -> list[str]:
    out = []
    key = f'{attr}="'
    k = html.find(key)
    while k != -1:
        end = html.find('"', k + len(key))
        out.append(html[k + len(key):end])
        k = html.find(key, end)
    return out
