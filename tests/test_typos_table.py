"""Every entry of the built-in typo table (NL201) fires, fixes, and respects its guards."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from notice_lint.testing import lint_text

TABLE = Path(__file__).resolve().parents[1] / "rules" / "data" / "typos.toml"
ROWS = tomllib.loads(TABLE.read_text(encoding="utf-8"))["typo"]


def _lines(findings):
    out: dict[int, list] = {}
    for f in findings:
        if f.code == "NL201":
            out.setdefault(f.line, []).append(f)
    return out


def _apply(lines: list[str], findings) -> list[str]:
    lines = list(lines)
    edits = sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: (e.paragraph, -e.start))
    for e in edits:
        line = lines[e.paragraph - 1]
        lines[e.paragraph - 1] = line[: e.start] + e.replacement + line[e.end :]
    return lines


def _doc(sentences: list[str]) -> tuple[str, list[int]]:
    """One sentence per paragraph, blank lines between; returns the text and each sentence's line."""
    lines, where = [], []
    for s in sentences:
        where.append(len(lines) + 1)
        lines.extend([s, ""])
    return "\n".join(lines) + "\n", where


def test_table_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 300
    wrongs = [r["wrong"] for r in ROWS]
    assert len(set(wrongs)) == len(wrongs), "duplicate wrong phrases"
    for r in ROWS:
        assert r["wrong"].strip() and r["right"].strip() and r.get("class"), r


def test_every_entry_fires_and_fixes() -> None:
    sentences = [f"Ghi chú: {r['wrong']}." for r in ROWS]
    text, where = _doc(sentences)
    findings = [f for f in lint_text(text, select=["NL201"]) if f.code == "NL201"]
    by_line = _lines(findings)
    missing = [r["wrong"] for r, line in zip(ROWS, where) if len(by_line.get(line, [])) != 1]
    assert not missing, f"entries that did not fire exactly once: {missing}"
    fixed = _apply(text.split("\n"), findings)
    wrong_fix = [
        (r["wrong"], fixed[line - 1])
        for r, line in zip(ROWS, where)
        if fixed[line - 1] != f"Ghi chú: {r['right']}."
    ]
    assert not wrong_fix, wrong_fix


def test_corrections_are_not_flagged() -> None:
    text, _ = _doc([f"Ghi chú: {r['right']}." for r in ROWS])
    flagged = [f.message_en for f in lint_text(text, select=["NL201"]) if f.code == "NL201"]
    assert not flagged, flagged


def test_capitals_are_kept() -> None:
    sentences = [f"GHI CHÚ: {r['wrong'].upper()}." for r in ROWS[:40]]
    text, where = _doc(sentences)
    findings = lint_text(text, select=["NL201"])
    fixed = _apply(text.split("\n"), findings)
    for r, line in zip(ROWS[:40], where):
        assert fixed[line - 1] == f"GHI CHÚ: {r['right'].upper()}."


GUARDED = [
    (r, g, side)
    for r in ROWS
    for side in ("not_before", "not_after")
    for g in r.get(side, [])
]


def test_guards_silence_their_entries() -> None:
    assert GUARDED, "the table has guarded entries"
    sentences, columns = [], []
    for r, g, side in GUARDED:
        phrase = f"{r['wrong']} {g}" if side == "not_before" else f"{g} {r['wrong']}"
        sentences.append(f"Ghi chú: {phrase}.")
        columns.append(10 if side == "not_before" else 11 + len(g))
    text, where = _doc(sentences)
    by_line = _lines(lint_text(text, select=["NL201"]))
    # the guarded entry itself must be silent (the guard word may start another entry)
    loud = [
        (r["wrong"], g)
        for (r, g, _), line, col in zip(GUARDED, where, columns)
        if any(f.column == col for f in by_line.get(line, []))
    ]
    assert not loud, f"guards that did not silence their entry: {loud}"


@pytest.mark.parametrize("sep", ["\n", "\n\n", "   \n\n"])
def test_hard_wrapped_lines(sep: str) -> None:
    text = f"Các phòng chuyên môn chủ trì rà{sep}xoát danh mục nhiệm vụ.\n"
    findings = [f for f in lint_text(text, select=["NL201"]) if f.code == "NL201"]
    assert [(f.line, f.column) for f in findings] == [(1, 30)]
    lines = _apply(text.split("\n"), findings)
    assert "\n".join(lines) == text.replace("xoát", "soát")


def test_no_join_across_sentence_end_or_columns() -> None:
    assert not lint_text("Các phòng cùng rà.\nXoát là từ sai.\n", select=["NL201"])
    assert not lint_text("SỞ KHOA HỌC          Rà\nxoát\n", select=["NL201"])


def test_config_adds_and_replaces_entries() -> None:
    cfg = {"typos": [{"wrong": "tiếp dân cư", "right": "tiếp công dân", "class": "local"}]}
    findings = lint_text("Lịch tiếp dân cư tháng 5.\n", select=["NL201"], config=cfg)
    assert [f.message_en for f in findings] == ["Misspelling: «tiếp dân cư» → «tiếp công dân»"]


MALFORMED_ROWS = [
    "rà xoát",
    {"wrong": "tiếp dân cư"},
    {"wrong": 3, "right": "x"},
    {"wrong": "hộ xơ", "right": "hồ sơ", "not_before": 5, "severity": "loud"},
]


@pytest.mark.parametrize("row", MALFORMED_ROWS)
def test_malformed_config_rows_are_config_errors(row) -> None:
    """A typo entry of a configuration file is validated (issue 19): an error naming it, not silence."""
    from notice_lint.errors import ConfigError

    with pytest.raises(ConfigError, match=r"typos\[1\]"):
        lint_text("Rà xoát hộ xơ.\n", select=["NL201"], config={"typos": [row]})


def test_malformed_rows_reaching_the_rule_are_ignored(tmp_path) -> None:
    """Rows that bypass the configuration check (a plugin's table) still cannot break the rule."""
    from notice_lint.config import Config
    from notice_lint.runner import Linter, Options

    draft = tmp_path / "draft.txt"
    draft.write_text("Rà xoát hộ xơ.\n", encoding="utf-8")
    linter = Linter(Options(select=["NL201"]))
    linter._fixed_config = Config(options={"typos": MALFORMED_ROWS})  # noqa: SLF001
    findings = linter.lint_file(str(draft)).findings
    assert [f.message_en for f in findings] == [
        "Misspelling: «Rà xoát» → «Rà soát»",
        "Misspelling: «hộ xơ» → «hồ sơ»",
    ]
