"""Choose which fixes of a lint run to apply.

A fix is applied whole or not at all.  Fixes are taken in report order; one
that overlaps an edit already chosen is dropped (the next pass of the fix loop
re-lints and picks it up again if it still applies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..rule import Edit, Finding, FormatEdit

__all__ = ["FixPolicy", "Plan", "plan_fixes", "overlaps", "is_format_fix"]


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


def overlaps(a: Edit | FormatEdit, b: Edit | FormatEdit) -> bool:
    """Do two edits of one paragraph touch the same text (or insert at one point)?

    Two formatting edits overlap when they set one property of the same runs,
    paragraph or section; a formatting edit never overlaps a text edit (they
    are applied in different passes, see :func:`plan_fixes`).
    """
    fa, fb = isinstance(a, FormatEdit), isinstance(b, FormatEdit)
    if fa or fb:
        if not (fa and fb) or a.scope != b.scope:
            return False
        if not {k for k, _ in a.props} & {k for k, _ in b.props}:
            return False
        if a.scope == "section":
            return a.section == b.section
        if a.paragraph != b.paragraph:
            return False
        if a.scope == "paragraph":
            return True
        return a.start < b.end and b.start < a.end
    if a.paragraph != b.paragraph:
        return False
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def is_format_fix(finding: Finding) -> bool:
    """A fix of the formatting only (every edit a :class:`FormatEdit`)."""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and all(isinstance(e, FormatEdit) for e in fix.edits)


def plan_fixes(findings: Iterable[Finding], policy: FixPolicy, applicable=None, *, kind: str | None = None) -> Plan:
    """Pick the fixes to apply in one pass.

    ``applicable(edit) -> bool`` says whether the target file can take an edit
    (a text file cannot edit across markup, a .docx not inside a field); a fix
    with an edit it cannot take is left for the user.  ``kind`` narrows the
    pass to fixes of the ``"text"`` or of the ``"format"`` only: a text edit
    splits and replaces runs, so formatting is set in a pass of its own, on
    the text as it then is.
    """
    plan = Plan()
    for f in findings:
        if not policy.wants(f):
            continue
        if kind is not None and is_format_fix(f) != (kind == "format"):
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
