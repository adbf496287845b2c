"""``--fix`` / ``--diff`` / ``--annotate`` for the command line, file by file.

The fix loop: lint, choose the fixes (:mod:`.select`), apply them in memory,
lint the result again, up to :data:`MAX_PASSES` times, until nothing more can
be fixed.  Only then is anything written, atomically.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .atomic import Fingerprint
from ..errors import ConfigError, InputError
from ..runner import FileResult, Linter
from .select import FixPolicy, plan_fixes

__all__ = ["FixOptions", "FixSession", "fix_bytes", "annotated_name", "annotate_argument", "MAX_PASSES"]

MAX_PASSES = 8
ANNOTATED_SUFFIX = ".notice-lint.docx"


@dataclass
class FixOptions:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    only: tuple[str, ...] = ()
    track: bool = True
    annotate: str | None = None  # None: no; "": beside the file; else the output path

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff or bool(self.only)

    @property
    def active(self) -> bool:
        return self.fixing or self.annotate is not None


def visible_line(line: str) -> str:
    """A line of --diff with what a terminal would not show written out: combining marks of
    decomposed (non-NFC) text, control and format characters and unusual spaces as ``\\u0301``,
    so that every change --diff counts can be seen."""
    line = line.replace("\n", "↵")
    if line.isascii():
        return line
    decomposed = not unicodedata.is_normalized("NFC", line)
    out = []
    for ch in line:
        cat = unicodedata.category(ch)
        if (cat == "Mn" and decomposed) or (cat in ("Cc", "Cf") and ch != "\t") or (cat == "Zs" and ch != " "):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def make_target(kind: str | None, data: bytes, track: bool, date: str | None = None):
    if kind == "docx":
        from .docx import DocxTarget

        return DocxTarget(data, track=track, date=date)
    from .text import TextTarget

    return TextTarget(data, markdown=kind == "markdown")


def fix_bytes(
    linter: Linter, path: str, data: bytes, result: FileResult, policy: FixPolicy, *, track: bool = True,
    date: str | None = None, notes: list | None = None,
) -> tuple[bytes, int, FileResult]:
    """Fix ``data`` in memory: ``(new bytes, findings fixed, final lint result)``.

    Each pass writes the text fixes, or, when none is left, the formatting
    fixes.  ``notes``, when given, receives ``(edit, inherited)`` for every
    formatting edit written (:class:`~notice_lint.rule.FormatEdit`; inherited:
    the old value came from a style), for ``--diff``.
    """
    current = data
    fixed = 0
    # one date for every pass: a later pass recognises the insertions of an earlier one by it
    date = date or _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    done: set[tuple] = set()  # a finding fixed once is never "fixed" again (a fix that does not hold)
    for _ in range(MAX_PASSES):
        if result.error is not None:
            break
        candidates = [f for f in result.findings if _key(f) not in done]
        new = current
        for kind in ("text", "format"):
            target = make_target(result.kind, current, track, date)
            plan = plan_fixes(candidates, policy, target.can_apply, kind=kind)
            if not plan.edits:
                continue
            applied = target.apply(plan.edits)
            new = target.to_bytes() if target.changed else current
            if new != current:
                break
        if new == current:
            break
        relint = linter.lint_file(path, new)
        if relint.error is not None:  # never write what the reader cannot read back
            break
        written = [f for f in plan.findings if all(e in applied for e in f.fix.edits)]
        current, result = new, relint
        fixed += len(written)
        done.update(_key(f) for f in written)
        if notes is not None and kind == "format":
            inherited = getattr(getattr(target, "formatter", None), "inherited", set())
            notes.extend((e, e in inherited) for e in applied if not hasattr(e, "replacement"))
    return current, fixed, result


def _key(f) -> tuple:
    return (f.code, f.paragraph, f.start, f.end, f.message_en)


def annotate_argument(value: str | None, paths: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """Tell ``--annotate OUT`` from ``--annotate FILE``.

    The option's value is optional, so ``--annotate draft.docx`` hands the
    file to the option.  The value is read as a file to lint when no other
    file is given, or when it names an existing document that is not an
    annotated copy (an existing document is never overwritten with comments
    of another).  ``--annotate=OUT`` with a new name always means OUT.
    """
    if not value:
        return value, paths
    if not paths or (os.path.exists(value) and not value.lower().endswith(ANNOTATED_SUFFIX)):
        return "", (value, *paths)
    return value, paths


def annotated_name(path: str) -> str:
    root, _ = os.path.splitext(path)
    return root + ANNOTATED_SUFFIX


@dataclass
class FixSession:
    """Runs the fix modes over the files of one command and keeps the tally."""

    linter: Linter
    options: FixOptions
    lang: str = "vi"
    err: Callable[[str], None] = print
    out: Callable[[str], None] = print
    fixed: int = 0
    remaining: int = 0
    unsafe_left: int = 0
    would_change: bool = False
    failures: int = 0
    _date: str | None = field(default=None, repr=False)
    _out_used: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        from ..config import check_codes

        check_codes(self.options.only, list(self.linter.registry), "", "--fix-only")
        if self.options.diff and self.options.annotate is not None:
            raise ConfigError("--diff không ghi tệp nào nên không dùng cùng --annotate",
                              "--diff writes no file, so it cannot be combined with --annotate")
        self._date = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _msg(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    def process(self, path: str) -> FileResult:
        from ..document import _read_bytes

        try:
            data = _read_bytes(Path(path))
            # what was read, so that only that file, unchanged since, is replaced
            fingerprint = Fingerprint(path, data) if self.options.fixing and not self.options.diff else None
        except InputError as exc:
            return FileResult(path=path, error=exc)
        except OSError:
            return FileResult(path=path, error=InputError(
                "tệp đã thay đổi trong khi đọc; hãy chạy lại", "the file changed while it was read; run again"))
        result = self.linter.lint_file(path, data)
        if result.error is not None:
            return result
        current = data
        if self.options.fixing:
            policy = FixPolicy(unsafe=self.options.unsafe, only=tuple(self.options.only))
            notes: list = []
            try:
                current, fixed, result = fix_bytes(self.linter, path, data, result, policy,
                                                   track=self.options.track, date=self._date, notes=notes)
            except InputError as exc:
                return FileResult(path=path, error=exc)
            except Exception as exc:  # a fix must never cost the user the file or the other files
                return FileResult(path=path, error=InputError(
                    f"lỗi nội bộ khi sửa, tệp gốc giữ nguyên ({type(exc).__name__}: {exc})",
                    f"internal error while fixing; the original is unchanged ({type(exc).__name__}: {exc})"))
            self.fixed += fixed
            if self.options.diff:
                self._print_diff(path, result.kind, data, current, notes)
            elif current != data:
                try:
                    from .atomic import write_atomic

                    fingerprint.check()  # still the file that was read, and writable
                    write_atomic(fingerprint.target, current)
                except InputError as exc:
                    self.failures += 1
                    self.fixed -= fixed
                    return FileResult(path=path, error=exc)
                except OSError as exc:
                    self.failures += 1
                    self.fixed -= fixed
                    hint_vi = hint_en = ""
                    if isinstance(exc, PermissionError):
                        hint_vi, hint_en = "; tệp có đang mở trong Word?", "; is the file open in Word?"
                    return FileResult(path=path, error=InputError(
                        f"không ghi được tệp đã sửa, tệp gốc giữ nguyên ({exc.strerror or exc}{hint_vi})",
                        f"could not write the fixed file; the original is unchanged ({exc.strerror or exc}{hint_en})"))
            self.remaining += len(result.findings)
            self.unsafe_left += sum(1 for f in result.findings if f.fix is not None and not f.fix.safe
                                    and not self.options.unsafe)
        if self.options.annotate is not None:
            self._annotate(path, result, current)
        return result

    # -- diff --------------------------------------------------------------
    def _print_diff(self, path: str, kind: str | None, old: bytes, new: bytes, notes: list | None = None) -> None:
        if old == new:
            return
        self.would_change = True
        before = make_target(kind, old, True).view_lines()
        after = make_target(kind, new, True).view_lines()
        fix = [visible_line(ln) for ln in after]
        for line in difflib.unified_diff([visible_line(ln) for ln in before], fix, path,
                                         path + self._msg(" (đã sửa)", " (fixed)"), lineterm=""):
            self.out(line)
        if notes:
            for line in format_lines(notes, self.lang):
                self.out(f"{path}: {line}")

    # -- annotate ----------------------------------------------------------
    def _annotate(self, path: str, result: FileResult, data: bytes) -> None:
        if result.kind != "docx":
            self.err(self._msg(f"{path}: --annotate chỉ dùng cho tệp .docx (tệp văn bản không có chỗ ghi chú); bỏ qua",
                               f"{path}: --annotate applies to .docx files only (a text file has no comments); skipped"))
            return
        if path.lower().endswith(ANNOTATED_SUFFIX):
            return  # our own output of an earlier run
        out = self.options.annotate or annotated_name(path)
        if self.options.annotate and self._out_used:
            self.failures += 1
            self.err(self._msg(f"{path}: --annotate=OUT chỉ dùng cho một tệp; bỏ qua (không ghi đè {out})",
                               f"{path}: --annotate=OUT takes one file; skipped (not overwriting {out})"))
            return
        if os.path.exists(out) and os.path.realpath(out) == os.path.realpath(path):
            self.failures += 1
            self.err(self._msg(f"{path}: --annotate không ghi đè lên tệp gốc; hãy chọn tên khác",
                               f"{path}: --annotate never overwrites the original; choose another name"))
            return
        if os.path.islink(out):
            # a link at the copy's name (perhaps planted in a shared folder): never written through
            self.failures += 1
            self.err(self._msg(f"{path}: {out} là liên kết tượng trưng (tới {os.path.realpath(out)}), không ghi đè; "
                               "hãy chọn tên khác",
                               f"{path}: {out} is a symbolic link (to {os.path.realpath(out)}); not overwritten; "
                               "choose another name"))
            return
        from .annotate import annotate_docx
        from .atomic import write_atomic

        try:
            blob = annotate_docx(data, result.findings, self.lang)
            write_atomic(out, blob, mode_from=path)
        except Exception as exc:  # noqa: BLE001 - reported, the original is never touched
            self.failures += 1
            if isinstance(exc, InputError):
                reason = exc.message(self.lang)
            elif isinstance(exc, OSError):
                reason = exc.strerror or str(exc)
            else:
                reason = f"{type(exc).__name__}: {exc}"
            self.err(self._msg(f"{path}: không ghi được bản có ghi chú ({reason})",
                               f"{path}: could not write the annotated copy ({reason})"))
            return
        self._out_used = True
        n = len(result.findings)
        self.err(self._msg(f"{path}: đã ghi {n} ghi chú vào {out}", f"{path}: wrote {n} comments to {out}"))

    # -- summary -----------------------------------------------------------
    def summary(self) -> str | None:
        if not self.options.fixing:
            return None
        if self.options.diff:
            return self._msg(f"Có thể sửa tự động {self.fixed} vấn đề (--diff: chưa ghi tệp nào)",
                             f"{_n(self.fixed)} can be fixed (--diff: no file written)")
        text = self._msg(f"Đã sửa {self.fixed} vấn đề, còn {self.remaining} vấn đề cần sửa tay",
                         f"Fixed {_n(self.fixed)}, {self.remaining} left to fix by hand")
        if self.unsafe_left:
            text += self._msg(f" ({self.unsafe_left} vấn đề sửa được với --unsafe-fixes)",
                              f" ({self.unsafe_left} fixable with --unsafe-fixes)")
        return text


def format_lines(notes: list, lang: str = "vi") -> list[str]:
    """Formatting changes in words, one line per paragraph or section, in document order.

    ``đoạn 12: cỡ chữ 14 → 13``; a change whose old value came from a style
    says that the paragraph itself was formatted, not the style.
    """
    by_place: dict[tuple, list[str]] = {}
    for edit, inherited in notes:
        if edit.scope == "section":
            place = (0, edit.section, edit.paragraph)
        else:
            place = (1, edit.paragraph, 0)
        text = edit.note(lang)
        if inherited:
            text += (" (giá trị cũ theo kiểu; sửa trực tiếp trên đoạn, không sửa kiểu)" if lang != "en"
                     else " (the old value came from a style; set on the paragraph, not the style)")
        seen = by_place.setdefault(place, [])
        if text not in seen:
            seen.append(text)
    out = []
    for (kind, k, para), texts in sorted(by_place.items()):
        if kind == 0:
            where = f"section {k + 1} (paragraph {para})" if lang == "en" else f"phần trang {k + 1} (đoạn {para})"
        else:
            where = f"paragraph {k}" if lang == "en" else f"đoạn {k}"
        out.append(f"{where}: " + "; ".join(texts))
    return out


def _n(count: int) -> str:
    return f"{count} problem" + ("" if count == 1 else "s")
