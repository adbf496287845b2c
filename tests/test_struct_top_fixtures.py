"""The top-of-document fixtures are judged by the profile their date calls for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from notice_lint.runner import Linter, Options

DOCX = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


@pytest.mark.parametrize(
    "name,profile",
    [
        ("top-state-notice-defects", "nd30"),
        ("top-state-congvan", "nd30"),
        ("top-party-notice-hd36", "hd36"),
        ("top-party-notice-hd05", "hd05"),
        ("top-party-congvan-hd05", "hd05"),
    ],
)
def test_fixture_profile(name: str, profile: str) -> None:
    result = Linter(Options(today=dt.date(2026, 11, 23))).lint_file(str(DOCX / f"{name}.docx"))
    assert result.error is None
    assert result.profile == profile


def test_party_congvan_fix_writes_ve_viec() -> None:
    result = Linter(Options(today=dt.date(2026, 11, 23), select=["NL131"])).lint_file(
        str(DOCX / "top-party-congvan-hd05.docx")
    )
    (finding,) = result.findings
    (edit,) = finding.fix.edits
    assert edit.replacement == "về việc "
