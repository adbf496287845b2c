"""Table-driven rule tests: every ``rules/**/NLxxx.yml`` beside its rule.

Each file::

    rule: NL111
    cases:
      - name: missing colon
        fail: |            # a small document (text); the rule must fire
          Số 18/TB-SKHCN
        expect: [[1, 1]]   # optional: [line, column] of each finding, in order
        fixed: |           # optional: the text after applying the safe fixes
          Số: 18/TB-SKHCN
      - name: correct form
        pass: |            # the rule must stay silent
          Số: 18/TB-SKHCN
        config: {final: true}   # optional [tool.notice-lint] keys
        profile: hd36           # optional
        suffix: .md             # optional (default .txt)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from notice_lint.rule import Fix
from notice_lint.testing import lint_text

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def _cases():
    for path in sorted(RULES_DIR.rglob("NL*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(spec.get("cases", [])):
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}-{i}-{case.get('name', '')}")


def apply_fixes(text: str, findings) -> str:
    """Apply the safe fixes of ``findings`` to a text whose paragraphs are its lines."""
    lines = text.split("\n")
    edits = []
    for f in findings:
        if f.fix is not None and f.fix.safe:
            edits.extend(f.fix.edits)
    applied: dict[int, list[tuple[int, int]]] = {}
    for e in sorted(edits, key=lambda e: (e.paragraph, -e.start)):
        spans = applied.setdefault(e.paragraph, [])
        if any(e.start < t and s < e.end for s, t in spans):
            continue  # overlaps an edit already applied
        spans.append((e.start, e.end))
        line = lines[e.paragraph - 1]
        lines[e.paragraph - 1] = line[: e.start] + e.replacement + line[e.end :]
    return "\n".join(lines)


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(code: str, case: dict) -> None:
    kwargs = {"select": [code]}
    if case.get("config"):
        kwargs["config"] = case["config"]
    if case.get("profile"):
        kwargs["profile"] = case["profile"]
    suffix = case.get("suffix", ".txt")
    if "fail" in case:
        findings = [f for f in lint_text(case["fail"], suffix, **kwargs) if f.code == code]
        assert findings, f"{code} did not fire on: {case['fail']!r}"
        if "expect" in case:
            assert [[f.line, f.column] for f in findings] == case["expect"]
        if "fixed" in case:
            assert apply_fixes(case["fail"], findings) == case["fixed"]
    else:
        findings = [f for f in lint_text(case["pass"], suffix, **kwargs) if f.code == code]
        assert not findings, f"{code} fired on a correct text: {[f.message_en for f in findings]}"
