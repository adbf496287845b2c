"""--fix, --unsafe-fixes, --diff, --fix-only: text files and .docx (tracked and plain)."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from tests.fix_helpers import HEADER, convert_to_pdf, make_docx, member_names, notice_docx, paragraph_texts, parts

from notice_lint.cli import cli
from notice_lint.fix import FixPolicy, fix_bytes, plan_fixes
from notice_lint.fix.docx import DocxTarget
from notice_lint.fix.text import TextTarget
from notice_lint.rule import Edit, Finding, Fix, Rule, Severity
from notice_lint.runner import Linter, Options

TODAY = "2026-11-23"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NOTICE_TXT = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "                              Độc lập - Tự do - Hạnh phúc\n"
    "Số 5 / TB - SKHCN             Quảng Ngãi, ngày 25 tháng 3 năm 2024\n"
    "THÔNG BÁO\n"
    "Kính phí thực hiện do ngân sách tỉnh bảo đảm.\n"
)
FIXED_TXT = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "                              Độc lập - Tự do - Hạnh phúc\n"
    "Số: 05/TB-SKHCN             Quảng Ngãi, ngày 25 tháng 3 năm 2024\n"
    "THÔNG BÁO\n"
    "Kinh phí thực hiện do ngân sách tỉnh bảo đảm.\n"
)


def run(*args: str):
    """The command line, with the rules that carry fixes today (others may fire on these small documents)."""
    select = [] if any(a.startswith("--select") for a in args) else ["--select", "NL111,NL201"]
    return CliRunner().invoke(cli, ["--today", TODAY, *select, *args])


def lint_codes(path: Path) -> list[str]:
    result = run("--exit-zero", str(path))
    return re.findall(r"\bNL\d{3}\b", result.stdout)


class ReplaceRule(Rule):
    """Test rule: replace every ``pattern`` by ``replacement`` (safe or not)."""

    code = "NL990"
    name = "test-replace"
    severity = Severity.WARNING
    pattern = "ABCDEF"
    replacement = "ABxDEy"
    safe = True

    def check(self, notice, ctx):
        for para in notice.document.paragraphs:
            for m in re.finditer(self.pattern, para.text):
                yield self.finding(para, m.start(), m.end(), vi="thử", en="test",
                                   fix=Fix.replace(para.index, m.start(), m.end(), self.replacement, self.safe))


def linter_with(*rules: Rule) -> Linter:
    linter = Linter(Options(today=dt.date(2026, 11, 23)))
    linter.rules_for = lambda cfg, path: list(rules)  # type: ignore[method-assign]
    return linter


def fix_file(linter: Linter, path: Path, **kw) -> tuple[bytes, int, list[Finding]]:
    data = path.read_bytes()
    new, fixed, result = fix_bytes(linter, str(path), data, linter.lint_file(str(path), data), FixPolicy(), **kw)
    return new, fixed, result.findings


# -- text files -----------------------------------------------------------


def test_text_fix_writes_corrections_and_reports(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(NOTICE_TXT, encoding="utf-8")
    result = run("--fix", str(p))
    assert p.read_text(encoding="utf-8") == FIXED_TXT
    assert "Đã sửa 5 vấn đề, còn 0 vấn đề cần sửa tay" in result.stderr
    assert result.exit_code == 0
    assert lint_codes(p) == []


def test_text_fix_english_summary_and_remaining(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18-TB-SKHCN\nKính phí\n", encoding="utf-8")
    result = run("--fix", "--lang", "en", str(p))
    assert "Fixed 1 problem, 1 left to fix by hand (1 fixable with --unsafe-fixes)" in result.stderr
    assert p.read_text(encoding="utf-8").endswith("Số: 18-TB-SKHCN\nKinh phí\n")  # the unsafe fix waits
    result = run("--fix", "--unsafe-fixes", str(p))
    assert p.read_text(encoding="utf-8").endswith("Số: 18/TB-SKHCN\nKinh phí\n")
    assert "Đã sửa 1 vấn đề, còn 0 vấn đề cần sửa tay" in result.stderr


def test_text_keeps_bom_crlf_and_decomposed_text_elsewhere(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Nâng cao chất lượng")
    raw = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\n" + nfd + " độ ngũ công chức.\r\n"
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    run("--fix", str(p))
    out = p.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf")
    assert out[3:].decode("utf-8") == raw.replace("độ ngũ", "đội ngũ")  # only the typo changed, CRLF kept


def test_text_fix_in_decomposed_word_writes_composed_word(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(unicodedata.normalize("NFD", "Kính phí thực hiện.\n"), encoding="utf-8")
    run("--fix", str(p))
    # the replaced span is written composed (NFC); the text around it is left as it was
    assert p.read_text(encoding="utf-8") == "Kinh phí" + unicodedata.normalize("NFD", " thực hiện.\n")


def test_markdown_fix_keeps_markup(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# THÔNG BÁO\n\n**Kính phí** thực hiện do tỉnh bảo đảm.\n", encoding="utf-8")
    run("--fix", str(p))
    assert p.read_text(encoding="utf-8") == "# THÔNG BÁO\n\n**Kinh phí** thực hiện do tỉnh bảo đảm.\n"


def test_markdown_edit_across_markup_is_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("ABC**DEF** và ABCDEF\n", encoding="utf-8")
    new, fixed, left = fix_file(linter_with(ReplaceRule()), p)
    assert new.decode("utf-8") == "ABC**DEF** và ABxDEy\n"
    assert fixed == 1 and len(left) == 1  # the one crossing ** is for the user


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(NOTICE_TXT, encoding="utf-8")
    before = p.read_bytes()
    result = run("--diff", str(p))
    assert p.read_bytes() == before
    assert result.exit_code == 1
    assert "-Số 5 / TB - SKHCN" in result.stdout and "+Số: 05/TB-SKHCN" in result.stdout
    assert "+Kinh phí thực hiện" in result.stdout
    assert "NL111" not in result.stdout  # the diff, not the report
    clean = tmp_path / "ok.txt"
    clean.write_text(FIXED_TXT, encoding="utf-8")
    assert run("--diff", str(clean)).exit_code == 0


def test_fix_only_narrows_to_codes(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(NOTICE_TXT, encoding="utf-8")
    result = run("--fix-only", "NL2", str(p))
    text = p.read_text(encoding="utf-8")
    assert "Kinh phí" in text and "Số 5 / TB - SKHCN" in text
    assert "còn 4 vấn đề cần sửa tay" in result.stderr
    assert run("--fix-only", "NL9", str(p)).exit_code == 2  # unknown code


def test_fixing_twice_equals_fixing_once_text(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(NOTICE_TXT, encoding="utf-8")
    run("--fix", str(p))
    once = p.read_bytes()
    result = run("--fix", str(p))
    assert p.read_bytes() == once
    assert "Đã sửa 0 vấn đề" in result.stderr


# -- selection ------------------------------------------------------------


def _f(code: str, par: int, s: int, e: int, repl: str, safe: bool = True) -> Finding:
    return Finding(code, "x", Severity.ERROR, par, s, e, "v", "e", fix=Fix.replace(par, s, e, repl, safe))


def test_plan_drops_overlapping_and_unsafe_and_keeps_duplicates() -> None:
    a = _f("NL201", 1, 0, 4, "Kinh")
    b = _f("NL111", 1, 2, 6, "xx")  # overlaps a
    c = _f("NL201", 1, 0, 4, "Kinh")  # the same edit twice
    d = _f("NL111", 2, 3, 3, ":", safe=False)
    e = _f("NL111", 1, 4, 4, " ")  # insertion at a's end: no overlap
    plan = plan_fixes([a, b, c, d, e], FixPolicy())
    assert plan.findings == [a, c, e]
    assert plan_fixes([d], FixPolicy(unsafe=True)).findings == [d]
    assert plan_fixes([a, d], FixPolicy(unsafe=True, only=("NL1",))).findings == [d]


def test_fix_with_several_edits_is_all_or_nothing(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("ABC**DEF** ghi\n", encoding="utf-8")
    target = TextTarget(p.read_bytes(), markdown=True)
    both = Finding("NL990", "x", Severity.ERROR, 1, 0, 1, "v", "e",
                   fix=Fix((Edit(1, 0, 1, "a"), Edit(1, 2, 4, "zz"))))  # the second crosses **
    assert plan_fixes([both], FixPolicy(), target.can_apply).edits == []


# -- .docx ----------------------------------------------------------------


def test_docx_fix_as_tracked_changes(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    result = run("--fix", str(p))
    assert "Đã sửa 4 vấn đề, còn 0 vấn đề cần sửa tay" in result.stderr
    new = p.read_bytes()
    xml = parts(new)["word/document.xml"].decode("utf-8")
    dels = re.findall(r"<w:del [^>]*>", xml)
    inss = re.findall(r"<w:ins [^>]*>", xml)
    assert len(dels) == 3 and len(inss) == 4  # the colon is an insertion only
    for tag in dels + inss:
        assert 'w:author="notice-lint"' in tag and re.search(r'w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', tag)
    assert re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml) == ["5", "xoát", "kính"]
    assert lint_codes(p) == []  # the reader sees the text as fixed
    # python-docx opens it; the deleted text is still in the file for review
    assert Document(str(p)).paragraphs[0].text == HEADER[0]


def test_docx_fix_plain(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    run("--fix", "--no-track-changes", str(p))
    xml = parts(p.read_bytes())["word/document.xml"].decode("utf-8")
    assert "<w:del " not in xml and "<w:ins " not in xml
    texts = paragraph_texts(p)
    assert texts[3] == "Số: 05/TB-SKHCN"
    assert texts[7] == "a) Rà soát danh mục nhiệm vụ khoa học năm 2025."
    assert texts[8] == "Bảo đảm kinh phí cho các hoạt động của Sở."
    assert lint_codes(p) == []


@pytest.mark.parametrize("track", [True, False])
def test_docx_other_parts_byte_identical(tmp_path: Path, track: bool) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    before = p.read_bytes()
    run("--fix", *([] if track else ["--no-track-changes"]), str(p))
    after = p.read_bytes()
    assert member_names(after) == member_names(before)
    old, new = parts(before), parts(after)
    changed = [n for n in old if old[n] != new[n]]
    assert changed == ["word/document.xml"]


@pytest.mark.parametrize("track", [True, False])
def test_docx_fixing_twice_equals_fixing_once(tmp_path: Path, track: bool) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    flags = ["--fix"] + ([] if track else ["--no-track-changes"])
    run(*flags, str(p))
    once = p.read_bytes()
    result = run(*flags, str(p))
    assert p.read_bytes() == once
    assert "Đã sửa 0 vấn đề" in result.stderr


def _runs(path: Path, index: int) -> list[tuple[str, bool | None, bool | None]]:
    """Visible runs (inserted ones included, deleted ones not) with bold and italic."""
    para = Document(str(path)).paragraphs[index]
    out = []
    for r in para._p.iter(W + "r"):
        if any(a.tag == W + "del" for a in r.iterancestors()):
            continue
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if text:
            out.append((text, r.find(f"{W}rPr/{W}b") is not None, r.find(f"{W}rPr/{W}i") is not None))
    return out


@pytest.mark.parametrize("track", [True, False])
def test_multi_run_replacement_keeps_each_runs_formatting(tmp_path: Path, track: bool) -> None:
    p = make_docx(tmp_path / "m.docx", [[("xx ABC", {"bold": True}), ("DEF yy", {"italic": True})]])
    new, fixed, left = fix_file(linter_with(ReplaceRule()), p, track=track)
    assert fixed == 1 and left == []
    p.write_bytes(new)
    runs = _runs(p, 0)
    text = "".join(t for t, _, _ in runs)
    assert text == "xx ABxDEy yy"
    bold = "".join(t for t, b, _ in runs if b)
    italic = "".join(t for t, _, i in runs if i)
    assert bold == "xx ABx" and italic == "DEy yy"


def test_replacement_across_runs_of_one_format_is_one_change(tmp_path: Path) -> None:
    # Word splits runs of one format (spell-check, revision ids): one deletion, one insertion
    p = make_docx(tmp_path / "m.docx", [[("Bảo đảm kí", {"bold": True}), ("nh phí", {"bold": True})]])
    linter = Linter(Options(select=["NL201"], today=dt.date(2026, 11, 23)))
    new, fixed, left = fix_file(linter, p)
    xml = parts(new)["word/document.xml"].decode("utf-8")
    assert re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml) == ["kí", "nh"]
    assert len(re.findall(r"<w:del ", xml)) == 1 and len(re.findall(r"<w:ins ", xml)) == 1
    assert re.search(r"<w:ins [^>]*><w:r><w:rPr><w:b/></w:rPr><w:t>kinh</w:t>", xml)
    assert fixed == 1 and left == []


def test_field_text_is_not_edited(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "f.docx", ["xx ABCDEF yy", "ABCDEF"])
    data = parts(p.read_bytes())
    xml = data["word/document.xml"].decode("utf-8")
    # put the second paragraph's run inside a simple field
    xml = re.sub(r"(<w:p>(?:(?!<w:p>).)*?)(<w:r>(?:(?!</w:r>).)*?>ABCDEF</w:t></w:r>)",
                 lambda m: m.group(1) + '<w:fldSimple w:instr=" TITLE ">' + m.group(2) + "</w:fldSimple>",
                 xml, count=0, flags=re.S)
    assert "fldSimple" in xml
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in data.items():
            zf.writestr(name, xml.encode("utf-8") if name == "word/document.xml" else blob)
    p.write_bytes(buf.getvalue())
    new, fixed, left = fix_file(linter_with(ReplaceRule()), p, track=False)
    p.write_bytes(new)
    from notice_lint.document import read_document

    assert [q.text for q in read_document(p).paragraphs] == ["xx ABxDEy yy", "ABCDEF"]
    assert fixed == 1 and len(left) == 1


def test_docx_insertion_at_paragraph_start(tmp_path: Path) -> None:
    class Prefix(ReplaceRule):
        pattern = "^(?=Kính gửi)"
        replacement = ">"

    p = make_docx(tmp_path / "k.docx", [[("Kính gửi", {"bold": True}), (": Sở Tài chính", {})]])
    new, fixed, _ = fix_file(linter_with(Prefix()), p, track=True)
    p.write_bytes(new)
    xml = parts(new)["word/document.xml"].decode("utf-8")
    assert re.search(r"<w:ins [^>]*><w:r><w:rPr><w:b/></w:rPr><w:t>&gt;</w:t>", xml)
    assert fixed >= 1


def test_docx_diff_shows_paragraphs_and_writes_nothing(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    before = p.read_bytes()
    result = run("--diff", "--lang", "en", str(p))
    assert p.read_bytes() == before and result.exit_code == 1
    assert "-Số 5/TB-SKHCN\n+Số: 05/TB-SKHCN" in result.stdout
    assert "+Bảo đảm kinh phí cho các hoạt động của Sở." in result.stdout
    assert "4 problems can be fixed (--diff: no file written)" in result.stderr


@pytest.mark.parametrize("track", [True, False])
def test_paragraphs_not_edited_are_untouched(tmp_path: Path, track: bool) -> None:
    from lxml import etree

    p = notice_docx(tmp_path / "tb.docx")
    before = etree.fromstring(parts(p.read_bytes())["word/document.xml"])
    run("--fix", *([] if track else ["--no-track-changes"]), str(p))
    after = etree.fromstring(parts(p.read_bytes())["word/document.xml"])
    old = [etree.tostring(x) for x in before.iter(W + "p")]
    new = [etree.tostring(x) for x in after.iter(W + "p")]
    assert len(old) == len(new)
    assert [i for i in range(len(old)) if old[i] != new[i]] == [3, 7, 8]  # number line and the two typos
    # in an edited paragraph the runs around the edit are as they were
    def bold_run(root):
        return [etree.tostring(r) for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}b") is not None]

    assert bold_run(before) == bold_run(after)


def test_internal_error_keeps_the_file(tmp_path: Path, monkeypatch) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    before = p.read_bytes()

    def boom(*a, **k):
        raise RuntimeError("simulated")

    monkeypatch.setattr("notice_lint.fix.docx.DocxTarget.apply", boom)
    result = run("--fix", str(p))
    assert result.exit_code == 2 and p.read_bytes() == before
    assert "tệp gốc giữ nguyên" in result.stderr


# -- safety ---------------------------------------------------------------


def test_failed_write_leaves_original_untouched(tmp_path: Path, monkeypatch) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    before = p.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("notice_lint.fix.atomic.os.replace", broken_replace)
    result = run("--fix", str(p))
    assert result.exit_code == 2
    assert "tệp gốc giữ nguyên" in result.stderr
    assert p.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["tb.docx"]  # no temporary file left behind


def test_file_mode_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(NOTICE_TXT, encoding="utf-8")
    os.chmod(p, 0o640)
    run("--fix", str(p))
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert p.read_text(encoding="utf-8") == FIXED_TXT


def test_unreadable_docx_is_reported_not_touched(tmp_path: Path) -> None:
    p = tmp_path / "bad.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("--fix", str(p))
    assert result.exit_code == 2 and p.read_bytes() == b"PK\x03\x04 not really a zip"
    assert "Traceback" not in result.output


def test_docx_target_refuses_out_of_range_edits(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "a.docx", ["abc"])
    t = DocxTarget(p.read_bytes())
    assert not t.can_apply(Edit(5, 0, 1, "x"))
    assert not t.can_apply(Edit(1, 2, 9, "x"))
    assert t.can_apply(Edit(1, 0, 1, "x"))


# -- LibreOffice ----------------------------------------------------------


@pytest.mark.parametrize("track", [True, False])
def test_fixed_docx_opens_in_libreoffice(tmp_path: Path, track: bool) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    run("--fix", *([] if track else ["--no-track-changes"]), str(p))
    convert_to_pdf(p, tmp_path)


def test_text_box_fix_reaches_its_vml_fallback_too(tmp_path: Path) -> None:
    import io
    import zipfile

    p = make_docx(tmp_path / "tb.docx", ["HOST"])
    data = parts(p.read_bytes())
    xml = data["word/document.xml"].decode("utf-8")
    box = ('<w:txbxContent><w:p><w:r><w:t>Bảo đảm kính phí.</w:t></w:r></w:p></w:txbxContent>')
    host = (
        '<w:p><w:r><w:t>HOST</w:t></w:r><w:r><mc:AlternateContent '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/'
        f'word/2010/wordprocessingShape"><wps:txbx>{box}</wps:txbx></wps:wsp></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}</v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    xml = re.sub(r"<w:p>(?:(?!</w:p>).)*HOST(?:(?!</w:p>).)*</w:p>", host, xml, flags=re.S)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in data.items():
            zf.writestr(name, xml.encode("utf-8") if name == "word/document.xml" else blob)
    p.write_bytes(buf.getvalue())
    linter = Linter(Options(select=["NL201"], today=dt.date(2026, 11, 23)))
    new, fixed, left = fix_file(linter, p, track=False)
    out = parts(new)["word/document.xml"].decode("utf-8")
    assert fixed == 1 and left == []
    assert out.count(">kinh<") == 2 and "kính" not in out  # the Choice and its Fallback


# -- property: whatever the runs, the reader reads exactly the edited text ---

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CHARS = st.sampled_from(list("abc ÁàKínhphíđộ:/-5") + ["\t", unicodedata.normalize("NFD", "ệ")])
_RUN = st.tuples(st.lists(_CHARS, min_size=1, max_size=6).map("".join), st.booleans())


@st.composite
def _case(draw):
    runs = draw(st.lists(_RUN, min_size=1, max_size=5))
    raw = "".join(t for t, _ in runs)
    text = unicodedata.normalize("NFC", raw)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    edits = []
    for k in range(0, len(cuts) - 1, 2):
        s, e = cuts[k], cuts[k + 1]
        if edits and s <= edits[-1].end:
            continue
        edits.append(Edit(1, s, e, draw(st.text(st.sampled_from(list("xyz ỗ\t")), max_size=4))))
    return runs, text, edits


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=_case(), track=st.booleans())
def test_docx_edits_read_back_exactly(tmp_path_factory, case, track) -> None:
    from notice_lint.document import read_document

    runs, text, edits = case
    path = tmp_path_factory.mktemp("prop") / "p.docx"
    make_docx(path, [[(t, {"bold": b}) for t, b in runs]])
    target = DocxTarget(path.read_bytes(), track=track)
    usable = [e for e in edits if target.can_apply(e)]
    applied = target.apply(usable)
    expected = text
    for e in sorted(applied, key=lambda e: e.start, reverse=True):
        expected = expected[: e.start] + e.replacement + expected[e.end :]
    path.write_bytes(target.to_bytes())
    assert read_document(path).paragraphs[0].text == unicodedata.normalize("NFC", expected)
    Document(str(path))  # python-docx still opens it


@st.composite
def _text_case(draw):
    line = "".join(draw(st.lists(st.sampled_from(list("ab Kí:*|") + ["**", unicodedata.normalize("NFD", "ệ")]),
                                 min_size=1, max_size=12)))
    return line, draw(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3),
                                         st.text(st.sampled_from(list("xỗ ")), max_size=3)), max_size=3))


@settings(max_examples=150, deadline=None)
@given(case=_text_case(), markdown=st.booleans())
def test_text_edits_read_back_exactly(case, markdown) -> None:
    from notice_lint.document.text import read_text

    line, specs = case
    data = ("Dòng đầu\r\n" + line + "\r\n").encode("utf-8")
    text = read_text("x", data, markdown=markdown).paragraphs[1].text
    edits, last = [], -1
    for start, length, repl in sorted(specs):
        s, e = min(start, len(text)), min(start + length, len(text))
        if s > last:
            edits.append(Edit(2, s, e, repl))
            last = e
    target = TextTarget(data, markdown=markdown)
    usable = [e for e in edits if target.can_apply(e)]
    applied = target.apply(usable)
    expected = text
    for e in sorted(applied, key=lambda e: e.start, reverse=True):
        expected = expected[: e.start] + e.replacement + expected[e.end :]
    out = target.to_bytes()
    assert out.startswith("Dòng đầu\r\n".encode("utf-8")) and out.endswith(b"\r\n")
    assert read_text("x", out, markdown=markdown).paragraphs[1].text == unicodedata.normalize("NFC", expected)


class ComposeRule(Rule):
    """Test rule: a paragraph stored decomposed is rewritten composed (an NFC fix)."""

    code = "NL992"
    name = "test-nfc"
    severity = Severity.WARNING

    def check(self, notice, ctx):
        for para in notice.document.paragraphs:
            if para.raw != para.text:
                yield self.finding(para, 0, len(para.text), vi="Chưa dựng sẵn", en="not NFC",
                                   fix=Fix.replace(para.index, 0, len(para.text), para.text))


def test_nfc_fix_in_docx_rewrites_only_the_decomposed_words(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Việt")
    p = make_docx(tmp_path / "n.docx", [[("Tiếng ", {}), (nfd + " Nam", {"bold": True})]])
    new, fixed, left = fix_file(linter_with(ComposeRule()), p, track=True)
    xml = parts(new)["word/document.xml"].decode("utf-8")
    assert re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml) == [nfd]
    assert re.findall(r"<w:ins [^>]*><w:r><w:rPr><w:b/></w:rPr><w:t>([^<]*)</w:t>", xml) == ["Việt"]
    assert fixed == 1 and left == []


def test_nfc_fix_in_text_file(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_text("Tiếng " + unicodedata.normalize("NFD", "Việt") + " Nam\n", encoding="utf-8")
    new, fixed, left = fix_file(linter_with(ComposeRule()), p)
    assert new.decode("utf-8") == "Tiếng Việt Nam\n" and fixed == 1 and left == []


def test_second_pass_edits_its_own_tracked_insertion(tmp_path: Path) -> None:
    class First(ReplaceRule):
        code, pattern, replacement = "NL993", "quy dinh", "quy định"

    class Second(ReplaceRule):
        code, pattern, replacement = "NL994", "quy định", "quy Định"

    p = make_docx(tmp_path / "q.docx", [[("Theo quy dinh hiện hành", {"italic": True})]])
    new, fixed, left = fix_file(linter_with(First(), Second()), p, track=True)
    assert fixed == 2 and left == []
    xml = parts(new)["word/document.xml"].decode("utf-8")
    assert not re.search(r"<w:ins [^>]*>(?:(?!</w:ins>).)*<w:ins ", xml)  # no insertion nested in another
    # the text inserted by the first pass is taken back, not marked deleted: one deletion, one insertion
    assert re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml) == ["dinh"]
    assert re.findall(r"<w:ins [^>]*><w:r>(?:(?!</w:r>).)*<w:t>([^<]*)</w:t>", xml) == ["Định"]
    p.write_bytes(new)
    from notice_lint.document import read_document

    assert read_document(p).paragraphs[0].text == "Theo quy Định hiện hành"
    assert all(i for _, _, i in _runs(p, 0))  # italic throughout


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=_case(), data=st.data())
def test_tracked_edits_over_tracked_edits_read_back_exactly(tmp_path_factory, first, data) -> None:
    """A second pass (same run, same date) may edit the text the first pass inserted."""
    from notice_lint.document import read_document

    runs, text, edits = first
    path = tmp_path_factory.mktemp("prop2") / "p.docx"
    make_docx(path, [[(t, {"bold": b}) for t, b in runs]])
    date = "2026-11-23T10:00:00Z"
    for round_ in range(2):
        target = DocxTarget(path.read_bytes(), track=True, date=date)
        text = target.package.paragraph(1).text
        if round_:
            cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=4)))
            edits = [Edit(1, cuts[0], cuts[1], data.draw(st.text(st.sampled_from(list("qẽ ")), max_size=3)))]
        applied = target.apply([e for e in edits if target.can_apply(e)])
        expected = text
        for e in sorted(applied, key=lambda e: e.start, reverse=True):
            expected = expected[: e.start] + e.replacement + expected[e.end :]
        path.write_bytes(target.to_bytes())
        assert read_document(path).paragraphs[0].text == unicodedata.normalize("NFC", expected)
        xml = parts(path.read_bytes())["word/document.xml"].decode("utf-8")
        assert not re.search(r"<w:ins [^>]*>(?:(?!</w:ins>).)*<w:ins ", xml)
