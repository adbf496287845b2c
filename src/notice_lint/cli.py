"""The ``notice-lint`` command."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path

import click

from . import __version__
from .i18n import LocalizedCommand, msg

__all__ = ["main", "cli"]


def _split_codes(value: tuple[str, ...] | str | None) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = (value,)
    out: list[str] = []
    for v in value:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return out


def _one_line(path: str) -> str:
    """A file name as it can stand on one line of stderr (control characters escaped)."""
    if path.isprintable():
        return path
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in path)


def capped_line(capped: dict[str, int], lang: str, fixing: bool = False) -> str:
    """What a file whose findings were cut at the cap (``FileResult.capped``) is told."""
    from .runner import MAX_FINDINGS_PER_RULE

    def num(n: int) -> str:
        return f"{n:,}".replace(",", ".") if lang != "en" else f"{n:,}"

    cap = num(MAX_FINDINGS_PER_RULE)
    items = sorted(capped.items())
    if lang == "en":
        if fixing:
            counts = ", ".join(f"{code} still has {num(n)} findings" for code, n in items)
            tail = (f"each fixing pass fixes and reports only the first {cap} findings of each rule (limit); "
                    "run again to fix the rest")
        else:
            counts = ", ".join(f"{code} has {num(n)} findings" for code, n in items)
            tail = f"only the first {cap} findings of each rule are reported (limit); fix them and run again to see the rest"
    elif fixing:
        counts = ", ".join(f"{code} còn {num(n)} vấn đề" for code, n in items)
        tail = f"mỗi lượt sửa chỉ sửa và báo {cap} vấn đề đầu của mỗi quy tắc (giới hạn) — chạy lại để sửa tiếp"
    else:
        counts = ", ".join(f"{code} có {num(n)} vấn đề" for code, n in items)
        tail = f"chỉ báo {cap} vấn đề đầu của mỗi quy tắc (giới hạn) — sửa rồi chạy lại để xem tiếp"
    return f"{counts}; {tail}"


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(msg(getattr(_ctx.command, "ui_lang", "vi"), "cần dạng YYYY-MM-DD",
                                     "expected YYYY-MM-DD")) from None


@click.command(cls=LocalizedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable files get their own line
@click.option("--format", "fmt", default="text", show_default=True, help="Output format: text, json, sarif, github, html.")
@click.option("--select", multiple=True, help="Codes or prefixes to run (comma-separated), e.g. NL1,NL201.")
@click.option("--ignore", multiple=True, help="Codes or prefixes not to run.")
@click.option("--extend-select", multiple=True, help="Codes or prefixes added to the selection.")
@click.option(
    "--profile",
    type=click.Choice(["auto", "nd30", "party", "hd36", "hd05"], case_sensitive=False),
    default=None,
    help="State (nd30) or Party (hd36/hd05; party = by the document's date). Default: detect.",
)
@click.option("--final/--draft", "final", default=None, help="Judge as a final document: a blank number or date is an error.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages (default vi).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Use this config file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that fails the run (default warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("-v", "--verbose", is_flag=True, help="Print each file's profile and the evidence for it.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.option("--explain", metavar="CODE", default=None, help="Explain a rule (with a bad and a good example) and exit.")
@click.option("--fix", "fix", is_flag=True, help="Apply the certain fixes (.docx: as tracked changes).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply the fixes that may need a second look.")
@click.option("--diff", "diff", is_flag=True, help="Print the changes --fix would make; write nothing.")
@click.option("--fix-only", multiple=True, help="Fix only these codes or prefixes (implies --fix).")
@click.option("--no-track-changes", is_flag=True, help="Write .docx fixes plainly, not as tracked changes.")
@click.option("--annotate", is_flag=False, flag_value="", default=None, metavar="[OUT]",
              help="Write a copy of the .docx with each finding as a comment (default NAME.notice-lint.docx; "
              "name another with --annotate=OUT).")
@click.option("--today", callback=_parse_date, default=None, hidden=True, help="Pretend today is this date (tests).")
# -- batches, suppressions, docs (issue 8) --------------------------------
@click.option("--report-unused", is_flag=True, help="Report inline suppressions that suppress nothing (NL001).")
@click.option("--show-source", is_flag=True, help="Print each finding's line with a caret under it (text format).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes; 0 = one per CPU (default: one per CPU for more than 8 files, else 1).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (.notice_lint_cache/).")
@click.option("--generate-docs", metavar="DIR", type=click.Path(file_okay=False), default=None,
              help="Write the rule pages (NLxxx.md) into DIR and exit.")
@click.version_option(__version__, "--version", prog_name="notice-lint")
def cli(paths, fmt, select, ignore, extend_select, profile, final, lang, config_file, fail_on, exit_zero, quiet,
        statistics, verbose, output_file, list_rules, explain, fix, unsafe_fixes, diff, fix_only, no_track_changes,
        annotate, today, report_unused, show_source, jobs, no_cache, generate_docs) -> None:  # noqa: PLR0913
    """Lint Vietnamese administrative documents (.docx, .txt, .md).

    Messages are in Vietnamese by default; --lang en for English.
    """
    from .errors import ConfigError, InputError
    from .reporters import REPORTERS, get_reporter
    from .runner import Linter, Options, discover, failing, rule_registry

    ui_lang = lang or "vi"
    if list_rules:
        from .docs import rule_table

        click.echo(rule_table(rule_registry(), ui_lang))
        return
    if generate_docs:
        from .docs import generate_docs as _generate

        n = len(_generate(generate_docs))
        click.echo(msg(ui_lang, f"notice-lint: đã ghi {n} trang vào {generate_docs}",
                       f"notice-lint: wrote {n} page(s) to {generate_docs}"))
        return
    if explain:
        from .docs import explain_rule

        code = explain.strip().upper()
        reg = rule_registry()
        if code not in reg:
            from .i18n import did_you_mean

            hint = did_you_mean(code, reg, ui_lang)
            click.echo(msg(ui_lang, f"notice-lint: mã quy tắc không tồn tại '{code}'{hint}",
                           f"notice-lint: unknown rule code '{code}'{hint}"), err=True)
            sys.exit(2)
        click.echo(explain_rule(reg[code], ui_lang))
        return
    if fmt not in REPORTERS:
        from .i18n import did_you_mean

        hint = did_you_mean(fmt, REPORTERS, ui_lang)
        click.echo(msg(ui_lang, f"notice-lint: không có định dạng --format '{fmt}' (chọn một trong: "
                       f"{', '.join(REPORTERS)}){hint}",
                       f"notice-lint: unknown --format '{fmt}' (one of: {', '.join(REPORTERS)}){hint}"), err=True)
        sys.exit(2)
    if annotate:
        from .fix.session import annotate_argument  # the fixers load only when asked for

        annotate, paths = annotate_argument(annotate, paths)
    if not paths:
        click.echo(msg(ui_lang, "notice-lint: chưa chỉ ra tệp nào (ví dụ: notice-lint du-thao.docx)",
                       "notice-lint: no files given (try: notice-lint draft.docx)"), err=True)
        sys.exit(2)
    fixing = bool(fix or unsafe_fixes or diff or fix_only or annotate is not None)
    cache = None
    if not no_cache and not fixing:
        from .cache import Cache

        cache = Cache()
    # what the cache remembers of the installed rules: a run the cache answers imports none of them
    rules = cache.rules_manifest() if cache is not None else None
    try:
        linter = Linter(
            Options(
                select=_split_codes(select) or None,
                ignore=_split_codes(ignore),
                extend_select=_split_codes(extend_select),
                profile=profile.lower() if profile else None,
                final=final,
                lang=lang,
                config_file=Path(config_file) if config_file else None,
                today=today,
                report_unused=report_unused,
            ),
            rules=rules,
        )
        fixer = None
        if fixing:  # the fixers load only when asked for
            from .fix import FixOptions, FixSession

            fix_options = FixOptions(fix, unsafe_fixes, diff, tuple(_split_codes(fix_only)), not no_track_changes, annotate)
            if fix_options.active:
                fixer = FixSession(linter, fix_options, ui_lang, err=lambda m: click.echo(m, err=True), out=click.echo)
    except InputError as exc:
        click.echo(f"notice-lint: {exc.message(ui_lang)}", err=True)
        sys.exit(2)

    files = list(discover(paths))
    if lang is None and files:
        # the language of the nearest configuration (of the first file)
        try:
            ui_lang = linter.config_for(files[0]).lang
        except InputError:
            pass
    if fixer:
        fixer.lang = ui_lang

    results = []
    input_errors = 0
    fail = False
    config_error = False
    config_said: set[str] = set()  # a bad configuration is said once, not once per file it governs
    from .parallel import run_batch

    if fixer:
        batch = (fixer.process(f) for f in files)
    else:
        batch = run_batch(linter, files, jobs=jobs, use_cache=cache is not None, cache=cache)
    for result in batch:
        path = result.path
        if result.error is not None:
            if isinstance(result.error, ConfigError):  # not an unreadable document: the configuration
                config_error = True
                said = result.error.message(ui_lang)
                if said not in config_said:
                    config_said.add(said)
                    click.echo(f"notice-lint: {said}", err=True)
            else:
                input_errors += 1
                click.echo(f"{_one_line(path)}: {result.error.message(ui_lang)}", err=True)
        if result.capped:  # a rule found more than the cap: one line for the file
            click.echo(f"{_one_line(path)}: {capped_line(result.capped, ui_lang, bool(fixer and fixer.options.fixing))}", err=True)
        if verbose and result.error is None:
            from .i18n import evidence

            ev = evidence(result.evidence, ui_lang)
            click.echo(msg(ui_lang, f"{path}: thể thức {result.profile} ({ev})", f"{path}: profile {result.profile} ({ev})"),
                       err=True)
        results.append(result)
        cfg_fail_on = fail_on
        if cfg_fail_on is None and result.error is None:
            cfg_fail_on = linter.config_for(path).fail_on
        if result.findings and failing(result.findings, cfg_fail_on or "warning"):
            fail = True

    if cache is not None:
        cache.save()  # files unchanged by the next run are not even read; the pack of a large run
        if rules is None:
            cache.remember_rules(linter)  # the next run the cache answers needs no rule module
    if fixer and fixer.summary():
        click.echo(fixer.summary(), err=True)
    if fixer and diff:
        sys.exit(2 if input_errors else 1 if fixer.would_change else 0)
    color = output_file is None and sys.stdout.isatty() and fmt == "text"
    options = dict(lang=ui_lang, color=color, quiet=quiet, show_source=show_source)
    if fmt == "text":  # written as it is made: a long document's report never stands whole
        from .reporters.text import iter_render

        chunks = iter_render(results, **options)
    else:
        chunks = iter((get_reporter(fmt)(results, **options),))
    if statistics:
        from .reporters.text import statistics as stats

        if fmt == "text":
            from itertools import chain

            chunks = chain((stats(results, ui_lang),), chunks)
        else:
            click.echo(stats(results, ui_lang), err=True, nl=False)
    if output_file:
        with open(output_file, "w", encoding="utf-8") as out:  # as Path.write_text writes
            out.writelines(chunks)
    else:
        for chunk in chunks:
            click.echo(chunk, nl=False)
    if input_errors or config_error or (fixer and fixer.failures):
        sys.exit(2)
    if fail and not exit_zero:
        sys.exit(1)


def main() -> None:
    """Entry point: no traceback ever reaches a user."""
    for stream in (sys.stdout, sys.stderr):
        # UTF-8 whatever the console code page or PYTHONIOENCODING (cp1258 on a Vietnamese Windows
        # would turn «Quốc hiệu» into escapes in a redirected file); what cannot be encoded is escaped
        try:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except BrokenPipeError:  # the reader of our output went away (| head)
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        sys.exit(1)
    except KeyboardInterrupt:
        from .i18n import ui_lang_from_args

        click.echo(msg(ui_lang_from_args(sys.argv[1:]), "notice-lint: đã dừng", "notice-lint: interrupted"), err=True)
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - last line of defence
        from .i18n import ui_lang_from_args

        click.echo(msg(ui_lang_from_args(sys.argv[1:]), f"notice-lint: lỗi nội bộ: {type(exc).__name__}: {exc}",
                       f"notice-lint: internal error: {type(exc).__name__}: {exc}"), err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
