from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from notice_lint.cli import cli

BAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 5/TB-SKHCN\nKính phí thực hiện.\n"


def lint(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_pyproject_config_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notice-lint]\nselect = ["NL201"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    f = tmp_path / "docs" / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    res = lint(str(f))
    assert "NL201" in res.output and "NL111" not in res.output


def test_dot_notice_lint_toml_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".notice-lint.toml").write_text(
        'select = ["NL111", "NL201"]\n[per-file-ignores]\n"old/*.txt" = ["NL201"]\n', encoding="utf-8"
    )
    (tmp_path / "old").mkdir()
    f = tmp_path / "old" / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    res = lint(str(f))
    assert "NL111" in res.output and "NL201" not in res.output


def test_cli_select_overrides_config(tmp_path: Path) -> None:
    (tmp_path / ".notice-lint.toml").write_text('select = ["NL201"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    res = lint(str(f), "--select", "NL111")
    assert "NL111" in res.output and "NL201" not in res.output


def test_unknown_key_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    cfg = tmp_path / ".notice-lint.toml"
    cfg.write_text('selct = ["NL201"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    res = lint(str(f))
    assert res.exit_code == 2
    assert str(cfg) in res.output and "selct" in res.output


def test_unknown_code_in_config_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.notice-lint]\nignore = ["NL777"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    res = lint(str(f))
    assert res.exit_code == 2 and "NL777" in res.output and str(cfg) in res.output


def test_config_typos_extend_the_table(tmp_path: Path) -> None:
    (tmp_path / ".notice-lint.toml").write_text(
        'select = ["NL201"]\n[[typos]]\nwrong = "quyết đinh"\nright = "quyết định"\n', encoding="utf-8"
    )
    f = tmp_path / "a.txt"
    f.write_text("Căn cứ quyết đinh số 12.\n", encoding="utf-8")
    res = lint(str(f))
    assert "quyết định" in res.output


def test_lang_and_final_from_config(tmp_path: Path) -> None:
    (tmp_path / ".notice-lint.toml").write_text('lang = "en"\nfinal = true\nselect = ["NL113"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:     /TB-SKHCN\n", encoding="utf-8")
    res = lint(str(f))
    assert res.exit_code == 1 and "blank" in res.output
