"""What a clerk sees (issue 19): the summary's words, the severity of each finding, UTF-8 output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_lint.cli import cli

BAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 5/TB-SKHCN\nKính phí thực hiện do ngân sách bảo đảm.\n"


def _draft(tmp_path: Path, text: str = BAD) -> Path:
    path = tmp_path / "du-thao.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_names_what_it_counts(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL111,NL201,NL113", str(draft)])
    last = res.output.splitlines()[-1]
    # every finding is a "vấn đề"; "lỗi" counts only the errors, so the fixable count never exceeds it by name
    assert last == "Phát hiện 3 vấn đề trong 1 tệp: 3 lỗi, 0 cảnh báo, 0 thông tin; có thể tự sửa 3 vấn đề với --fix."
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL111,NL201", "--lang", "en", str(draft)])
    assert res.output.splitlines()[-1] == (
        "Found 3 problem(s) in 1 file(s): 3 error(s), 0 warning(s), 0 info; 3 fixable with --fix."
    )


def test_text_output_shows_each_findings_severity(tmp_path: Path) -> None:
    draft = _draft(tmp_path, BAD.replace("Số 5/TB-SKHCN", "Số:      /TB-SKHCN"))
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL113,NL201", str(draft)])
    lines = res.output.splitlines()
    assert any(": NL113 thông tin: " in ln for ln in lines), lines
    assert any(": NL201 lỗi: Sai chính tả" in ln for ln in lines), lines
    assert lines[-1] == "Phát hiện 2 vấn đề trong 1 tệp: 1 lỗi, 0 cảnh báo, 1 thông tin; có thể tự sửa 1 vấn đề với --fix."
    en = CliRunner().invoke(cli, ["--no-cache", "--select", "NL113,NL201", "--lang", "en", str(draft)]).output
    assert ": NL113 info: " in en and ": NL201 error: " in en


def test_output_is_utf8_whatever_the_console_code_page(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1258"}
    proc = subprocess.run(
        [sys.executable, "-m", "notice_lint", "--no-cache", "--select", "NL201", str(draft), "missing.docx"],
        capture_output=True, env=env, cwd=tmp_path,
    )
    out = proc.stdout.decode("utf-8")  # strict: a cp1258 byte would fail here
    err = proc.stderr.decode("utf-8")
    assert "Sai chính tả: «Kính phí» → «Kinh phí»" in out
    assert "\\u" not in out and "\\x" not in out
    assert "missing.docx" in err and "\\u" not in err


# -- --diff shows every change it counts ----------------------------------------------

NFD_HEADER = unicodedata.normalize("NFD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
NFD_BODY = unicodedata.normalize("NFD", "Kinh phí do ngân sách bảo đảm.")


def _diff(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notice_lint", "--diff", "--select", "NL205", path.name],
                          cwd=path.parent, capture_output=True, text=True, encoding="utf-8")


def _check_nfc_diff(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, proc.stderr
    minus = [ln for ln in proc.stdout.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln for ln in proc.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    # the decomposed marks are written out, so the old and the new line look different
    assert "-Kinh phi\\u0301 do nga\\u0302n sa\\u0301ch ba\\u0309o đa\\u0309m." in minus
    assert "+Kinh phí do ngân sách bảo đảm." in plus
    assert all(unicodedata.is_normalized("NFC", ln) for ln in minus + plus)


def test_diff_shows_an_nfc_fix_of_a_text_file(tmp_path: Path) -> None:
    draft = tmp_path / "nfd.txt"
    draft.write_text(f"{NFD_HEADER}\n{NFD_BODY}\n", encoding="utf-8")
    _check_nfc_diff(_diff(draft))


def test_diff_shows_an_nfc_fix_of_a_docx(tmp_path: Path) -> None:
    from .docx_util import make_docx, p, r

    draft = make_docx(tmp_path / "nfd.docx", p(r(NFD_HEADER)) + p(r(NFD_BODY)))
    _check_nfc_diff(_diff(draft))


def test_visible_line_leaves_plain_text_alone() -> None:
    from notice_lint.fix.session import visible_line

    assert visible_line("Kinh phí  do\tngân sách") == "Kinh phí  do\tngân sách"
    assert visible_line("a\u00a0b\u200bc") == "a\\u00a0b\\u200bc"


# -- SARIF: helpUri absolute or absent ------------------------------------------------


@pytest.mark.parametrize("documentation", [None, "https://example.org/notice-lint/docs/"])
def test_sarif_help_uri_is_absolute_or_absent(documentation, monkeypatch, shared: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from notice_lint import docs
    from notice_lint.reporters.sarif import render
    from notice_lint.runner import Linter

    monkeypatch.setattr(docs, "_documentation_url", lambda: documentation)
    result = Linter().lint_file(str(_draft(tmp_path)))
    log = json.loads(render([result], lang="vi"))
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith(f"# {rule['id']} ")
        if documentation is None:
            assert "helpUri" not in rule
        else:
            assert rule["helpUri"] == f"https://example.org/notice-lint/docs/rules/{rule['id']}.md"


# -- Vietnamese throughout ------------------------------------------------------------


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notice_lint", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_help_is_vietnamese_by_default_and_english_with_lang_en() -> None:
    from notice_lint.i18n import HELP_VI

    vi = CliRunner().invoke(cli, ["--help"]).output
    assert vi.startswith("Cách dùng: ") and vi.splitlines()[0].endswith(" [TUỲ CHỌN] [TỆP|THƯ MỤC]...")
    assert "In số phiên bản rồi thoát." in vi
    assert "Tuỳ chọn:" in vi and "Kiểm tra văn bản hành chính tiếng Việt" in vi
    assert "Tự sửa những lỗi sửa chắc chắn được" in vi and "In hướng dẫn này rồi thoát." in vi
    assert "Usage:" not in vi and "Apply the certain fixes" not in vi
    en = CliRunner().invoke(cli, ["--lang", "en", "--help"]).output
    assert en.startswith("Usage: ") and en.splitlines()[0].endswith(" [OPTIONS] [PATHS]...")
    assert "Apply the certain fixes" in en
    assert "Cách dùng" not in en
    # every option a user sees has its Vietnamese help (add it to notice_lint/i18n.py HELP_VI)
    missing = [p.name for p in cli.params if getattr(p, "help", None) and not getattr(p, "hidden", False)
               and p.name not in HELP_VI and p.name not in ("help", "version")]
    assert not missing, f"options without a Vietnamese help in notice_lint.i18n.HELP_VI: {missing}"


def test_usage_errors_are_vietnamese() -> None:
    proc = _cli("--fromat", "json", "x.txt")
    assert proc.returncode == 2
    assert "Lỗi: Không có tuỳ chọn '--fromat'." in proc.stderr and "--format" in proc.stderr
    proc = _cli("--profile", "nd31", "x.txt")
    assert "Giá trị không hợp lệ cho '--profile'" in proc.stderr
    assert "No such option" not in _cli("--fromat").stderr.replace("Không", "")
    assert "No such option '--fromat'" in _cli("--lang", "en", "--fromat").stderr


def test_cli_errors_are_vietnamese_without_doubled_prefix(tmp_path: Path) -> None:
    proc = _cli()
    assert proc.returncode == 2 and proc.stderr == "notice-lint: chưa chỉ ra tệp nào (ví dụ: notice-lint du-thao.docx)\n"
    draft = _draft(tmp_path)
    proc = _cli("--select", "NL2011", str(draft))
    assert proc.returncode == 2
    assert proc.stderr == "notice-lint: mã quy tắc không tồn tại 'NL2011' (trong '--select') (có phải ý bạn là 'NL201'?)\n"
    proc = _cli("--explain", "NL2011")
    assert proc.stderr == "notice-lint: mã quy tắc không tồn tại 'NL2011' (có phải ý bạn là 'NL201'?)\n"
    proc = _cli("--fix-only", "NL999", str(draft))
    assert proc.returncode == 2 and proc.stderr.count("notice-lint:") == 1
    proc = _cli("--lang", "en", "--format", "htm", str(draft))
    assert proc.stderr == ("notice-lint: unknown --format 'htm' (one of: text, json, sarif, github, html)"
                           " (did you mean 'html'?)\n")


def test_verbose_evidence_is_vietnamese(tmp_path: Path) -> None:
    draft = _draft(tmp_path, BAD.replace("Số 5/TB-SKHCN", "Số: 05/TB-SKHCN"))
    vi = _cli("--no-cache", "-v", "--select", "NL201", str(draft)).stderr
    assert f"{draft}: thể thức nd30 (dòng 1: Quốc hiệu; dòng 2: số, ký hiệu theo kiểu nhà nước)" in vi
    en = _cli("--no-cache", "-v", "--lang", "en", "--select", "NL201", str(draft)).stderr
    assert f"{draft}: profile nd30 (line 1: Quốc hiệu; line 2: state number form)" in en
    party = "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY QUẢNG NGÃI\n*\nSố 05-TB/TU\nQuảng Ngãi, ngày 05 tháng 3 năm 2024\n"
    draft.write_text(party, encoding="utf-8")
    vi = _cli("--no-cache", "-v", "--select", "NL201", str(draft)).stderr
    assert "dòng 1: ĐẢNG CỘNG SẢN VIỆT NAM" in vi and "dấu «*» dưới tên cơ quan" in vi
    assert "văn bản hướng dẫn theo ngày ban hành 5/3/2024" in vi
    assert "Party" not in vi and "instrument" not in vi and "line " not in vi


def test_explain_shows_vietnamese_beside_english() -> None:
    from notice_lint.runner import rule_registry

    vi = CliRunner().invoke(cli, ["--explain", "NL111"]).output
    assert vi.startswith("# NL111 `number-format`\n\nSai thể thức dòng số, ký hiệu\n\n- Mức: lỗi\n")
    assert "Đúng: «Số: 05/TB-SKHCN»" in vi
    assert vi.index("Đúng: «Số: 05/TB-SKHCN»") < vi.index("*English:*") < vi.index("**Anti-pattern**")
    en = CliRunner().invoke(cli, ["--explain", "NL111", "--lang", "en"]).output
    assert en.startswith("# NL111 `number-format`\n\nForm of the number/symbol line") and "Mức:" not in en
    lacking = [code for code, cls in rule_registry().items() if not cls.doc_vi.strip()]
    assert not lacking, f"rules without a Vietnamese page (doc_vi): {lacking}"


def test_vietnamese_messages_use_guillemets() -> None:
    from notice_lint_rules.formatting._parts import PART_NAMES, fmt_pt_vi, fmt_range_vi

    assert not [vi for vi, _ in PART_NAMES.values() if "“" in vi or "”" in vi]
    assert fmt_pt_vi(13.5) == "13,5" and fmt_range_vi(12.5, 13) == "12,5–13" and fmt_pt_vi(14) == "14"


# -- configuration errors ---------------------------------------------------------------


def _config_run(tmp_path: Path, config: str | bytes, *args: str) -> subprocess.CompletedProcess[str]:
    target = tmp_path / ".notice-lint.toml"
    if isinstance(config, bytes):
        target.write_bytes(config)
    else:
        target.write_text(config, encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    return _cli("--no-cache", *args, "a.txt", "b.txt", "c.txt", cwd=tmp_path)


def test_a_bad_config_is_said_once_and_is_no_unreadable_document(tmp_path: Path) -> None:
    proc = _config_run(tmp_path, 'selct = ["NL2"]\n')
    assert proc.returncode == 2
    cfg = tmp_path / ".notice-lint.toml"
    assert proc.stderr == f"notice-lint: {cfg}: khoá cấu hình không hợp lệ 'selct' (có phải ý bạn là 'select'?)\n"
    assert "không đọc được" not in proc.stdout
    assert "3 tệp chưa kiểm tra vì tệp cấu hình có lỗi" in proc.stdout
    en = _config_run(tmp_path, 'select = ["NL2011"]\n', "--lang", "en")
    assert en.stderr == f"notice-lint: {cfg}: unknown rule code 'NL2011' (in 'select') (did you mean 'NL201'?)\n"


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ('final = "no"\n', "'final' phải là true hoặc false (đang là 'no')"),
        ("place = 5\n", "'place' phải là một chuỗi trong dấu nháy (đang là 5)"),
        ('organ = ["SKHCN"]\n', "'organ' phải là một chuỗi trong dấu nháy"),
        ('date-future-days = "7"\n', "'date-future-days' phải là một số nguyên"),
        ("units = [1, 2]\n", "'units' phải là danh sách chuỗi"),
        ('[[typos]]\nwrong = "kính phí"\n', "mục typos[1] thiếu 'right' (cần cả wrong và right)"),
        ('[[typos]]\nwrong = "kính phí"\nright = 5\n', "'typos[1].right' phải là một chuỗi không rỗng"),
        ('[[typos]]\nwrong = "a"\nright = "b"\n[[typos]]\nwrogn = "x"\nright = "y"\n',
         "mục typos[2] có khoá không hợp lệ 'wrogn' (có phải ý bạn là 'wrong'?)"),
        ('typos = ["kính phí"]\n', "mục typos[1] phải là bảng"),
        ("x = " + "[" * 3000 + "]" * 3000 + "\n", "tệp cấu hình lồng nhau quá sâu hoặc quá lớn để đọc"),
        (b'place = "Qu\xe1ng Ng\xe3i"\n', "tệp cấu hình không phải văn bản UTF-8"),
    ],
)
def test_config_values_are_checked(tmp_path: Path, config, said: str) -> None:
    proc = _config_run(tmp_path, config)
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and said in lines[0], proc.stderr
    assert lines[0].startswith(f"notice-lint: {tmp_path / '.notice-lint.toml'}: ")
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_good_config_values_still_pass(tmp_path: Path) -> None:
    proc = _config_run(tmp_path, 'final = false\nplace = "Quảng Ngãi"\nunits = ["VP"]\ndate-future-days = 7\n'
                       '[[typos]]\nwrong = "ngân sách bảo đảm"\nright = "ngân sách bảo đảm"\nclass = "x"\n',
                       "--select", "NL201")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == "" and "NL201" in proc.stdout


def test_fix_summary_counts_problems_not_errors(tmp_path: Path) -> None:
    """A fixed warning is no 'lỗi': the --fix summary counts 'vấn đề' like the lint summary."""
    draft = _draft(tmp_path, BAD.replace("thực hiện", "thực  hiện"))
    proc = _cli("--fix", "--select", "NL301", str(draft))
    assert "Đã sửa 1 vấn đề, còn 0 vấn đề cần sửa tay" in proc.stderr, proc.stderr
    assert "lỗi" not in proc.stderr
    assert "thực hiện" in draft.read_text(encoding="utf-8")
