"""Choose which fixes of a lint run to apply.

A fix is applied whole or not at all.  Fixes are taken in report order; one
that overlaps an edit already chosen is dropped (the next pass of the fix loop
re-lints and picks it up again if it still applies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..rule import Edit, Finding

__all__ = ["FixPolicy", "Plan", "plan_fixes", "overlaps"]


@dataclass(frozen=True)
class FixPolicy:
    """Which fixes to apply: safe ones, unsafe ones too, only some codes."""

    unsafe: bool = False
    only: tuple[str, ...] = ()  # codes or prefixes; empty = every code

    def wants(self, finding: Finding) -> bool:
        fix = finding.fix
        if fix is None or not fix.edits:
            return False
        if not fix.safe and not self.unsafe:
            return False
        if self.only and not any(finding.code.startswith(p) for p in self.only):
            return False
        return True


@dataclass
class Plan:
    """The edits chosen for one pass and the findings they fix."""

    edits: list[Edit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def by_paragraph(self) -> dict[int, list[Edit]]:
        out: dict[int, list[Edit]] = {}
        for e in self.edits:
            out.setdefault(e.paragraph, []).append(e)
        for edits in out.values():
            edits.sort(key=lambda e: (e.start, e.end), reverse=True)
        return out


def overlaps(a: Edit, b: Edit) -> bool:
    """Do two edits of one paragraph touch the same text (or insert at one point)?"""
    if a.paragraph != b.paragraph:
        return False
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def plan_fixes(findings: Iterable[Finding], policy: FixPolicy, applicable=None) -> Plan:
    """Pick the fixes to apply in one pass.

    ``applicable(edit) -> bool`` says whether the target file can take an edit
    (a text file cannot edit across markup, a .docx not inside a field); a fix
    with an edit it cannot take is left for the user.
    """
    plan = Plan()
    for f in findings:
        if not policy.wants(f):
            continue
        edits = list(f.fix.edits)  # type: ignore[union-attr]
        if all(e in plan.edits for e in edits):
            plan.findings.append(f)  # the same correction, reported twice
            continue
        if any(overlaps(e, chosen) for e in edits for chosen in plan.edits):
            continue
        if any(overlaps(e, other) for i, e in enumerate(edits) for other in edits[i + 1 :]):
            continue
        if applicable is not None and not all(applicable(e) for e in edits):
            continue
        plan.edits.extend(edits)
        plan.findings.append(f)
    return plan
