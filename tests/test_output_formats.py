"""--format sarif / github, --show-source, --statistics, --fail-on, --exit-zero."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest

from .eco_helpers import PICK, run, write

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "fixtures" / "docx"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def sarif_of(*args: str) -> dict:
    res = run("--format", "sarif", "--no-cache", *args)
    assert res.exit_code in (0, 1, 2), res.output
    return json.loads(res.stdout)


def test_sarif_validates_against_the_schema(shared: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    write(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    log = sarif_of(*PICK, "draft.txt", "broken.docx", str(DOCX / "state-notice-number-typos.docx"))
    jsonschema.validate(log, schema)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"], "findings must be results"
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_sarif_rules_and_results(tmp_path: Path) -> None:
    write(tmp_path)
    run_ = sarif_of(*PICK, "draft.txt")["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    typo = by_id["NL201"]
    assert typo["name"] == "known-typo"
    assert typo["shortDescription"]["text"] and typo["fullDescription"]["text"]
    # SARIF wants an absolute helpUri: none when the package declares no Documentation URL, the page in help
    assert "helpUri" not in typo or urllib.parse.urlparse(typo["helpUri"]).scheme in ("http", "https")
    assert typo["help"]["text"] and typo["help"]["markdown"].startswith("# NL201 `known-typo`")
    assert typo["defaultConfiguration"]["level"] == "error"
    assert by_id["NL113"]["defaultConfiguration"]["level"] == "note"
    got = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in run_["results"]
    ]
    assert got[0] == ("NL113", "note", "draft.txt", {"startLine": 5, "startColumn": 4, "endLine": 5, "endColumn": 10})
    assert got[1] == ("NL201", "error", "draft.txt", {"startLine": 9, "startColumn": 1, "endLine": 9, "endColumn": 9})
    for r in run_["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert run_["results"][1]["message"]["text"] == "Sai chính tả: «Kính phí» → «Kinh phí»"


def test_sarif_docx_paragraph_is_the_line() -> None:
    docx = DOCX / "state-notice-number-typos.docx"
    expected = (DOCX / "state-notice-number-typos.expected").read_text(encoding="utf-8").split()
    results = sarif_of(str(docx))["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    got = [f"{g['startLine']}:{g['startColumn']} {r['ruleId']}" for g, r in zip(regions, results)]
    assert got == [" ".join(expected[i : i + 2]) for i in range(0, len(expected), 2)]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file://") and uri.endswith("state-notice-number-typos.docx")


def test_github_annotations(tmp_path: Path) -> None:
    write(tmp_path)
    res = run("--format", "github", "--no-cache", *PICK, "draft.txt")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0] == (
        "::notice file=draft.txt,line=5,col=4,endLine=5,endColumn=10,title=NL113::"
        "Chưa điền số văn bản (văn thư điền khi ban hành)"
    )
    assert lines[1].startswith("::error file=draft.txt,line=9,col=1,endLine=9,endColumn=9,title=NL201::")
    assert len(lines) == 3


def test_github_escapes_properties_and_reports_unreadable_files(tmp_path: Path) -> None:
    write(tmp_path, "a,b:c%.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run("--format", "github", "--no-cache", *PICK, "--lang", "en", "a,b:c%.txt", "empty.txt")
    assert res.exit_code == 2
    out = res.stdout.splitlines()
    assert out[0].startswith("::notice file=a%2Cb%3Ac%25.txt,line=5,")
    assert out[-1].startswith("::error file=empty.txt::the file is empty")


def test_warning_severity_maps_to_warning() -> None:
    from notice_lint.reporters.github import annotation
    from notice_lint.rule import Finding, Severity

    f = Finding("NL301", "double-space", Severity.WARNING, 1, 0, 2, "hai\ndòng", "two\nlines", line=3, column=2,
                end_line=3, end_column=4)
    assert annotation("x.txt", f, "vi") == (
        "::warning file=x.txt,line=3,col=2,endLine=3,endColumn=4,title=NL301::hai%0Adòng"
    )


def test_show_source_puts_a_caret_under_the_span(tmp_path: Path) -> None:
    write(tmp_path)
    res = run("--no-cache", *PICK, "--show-source", "draft.txt")
    lines = res.stdout.splitlines()
    i = lines.index("draft.txt:10:11: NL201 lỗi: Sai chính tả: «rà xoát» → «rà soát» [*]")
    assert lines[i + 1] == "   10 | Các phòng rà xoát hồ sơ trước ngày 30 tháng 5 năm 2024."
    assert lines[i + 2] == "      |           ^^^^^^^"
    assert "^" not in run("--no-cache", "draft.txt").stdout


def test_show_source_docx_prints_the_paragraph() -> None:
    res = run("--no-cache", "--show-source", "--select", "NL201", str(DOCX / "state-notice-number-typos.docx"))
    lines = res.stdout.splitlines()
    i = next(k for k, ln in enumerate(lines) if ":19:11: NL201" in ln)
    assert lines[i + 1].startswith("   19 | - Bảo đảm kính phí")
    assert lines[i + 2] == "      | " + " " * 10 + "^" * 8


def test_show_source_markdown_columns_count_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "draft.md", "# THÔNG BÁO\n\n**Kính phí** do Sở bảo đảm.\n")
    lines = run("--no-cache", "--show-source", "--select", "NL201", "draft.md").stdout.splitlines()
    assert lines[0].startswith("draft.md:3:3: NL201")
    assert lines[1] == "    3 | **Kính phí** do Sở bảo đảm."
    assert lines[2].startswith("      |   ^^^^^^^^")  # the caret starts under «K», inside the markup


def test_statistics_counts_per_rule(tmp_path: Path) -> None:
    write(tmp_path)
    out = run("--no-cache", *PICK, "--statistics", "draft.txt").stdout.splitlines()
    assert out[:2] == ["    2\tNL201\tknown-typo", "    1\tNL113\tnumber-blank"]
    res = run("--no-cache", *PICK, "--statistics", "--format", "json", "draft.txt")
    assert json.loads(res.stdout)[0]["code"] == "NL113"
    assert "    2\tNL201\tknown-typo" in res.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--select", "NL113"], 0),  # info never fails by default
        (["--select", "NL113", "--fail-on", "info"], 1),
        (["--select", "NL201", "--fail-on", "error"], 1),
        (["--select", "NL201", "--fail-on", "error", "--exit-zero"], 0),
        (["--select", "NL113", "--fail-on", "warning"], 0),
    ],
)
def test_fail_on_and_exit_zero(tmp_path: Path, args: list[str], code: int) -> None:
    write(tmp_path)
    assert run("--no-cache", *args, "draft.txt").exit_code == code


def test_fail_on_from_config(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / ".notice-lint.toml").write_text('fail-on = "info"\nselect = ["NL113"]\n', encoding="utf-8")
    assert run("--no-cache", "draft.txt").exit_code == 1
    assert run("--no-cache", "--fail-on", "error", "draft.txt").exit_code == 0


def test_sarif_of_the_corpus_validates(shared: Path, corpus: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = sarif_of(str(corpus))
    jsonschema.validate(log, schema)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert any(u.endswith(".docx") for u in uris) and any(u.endswith(".txt") for u in uris)
