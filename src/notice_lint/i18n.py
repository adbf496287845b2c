"""The command line in Vietnamese (the default) or English (``--lang en``).

- :func:`ui_lang_from_args` reads ``--lang`` from the raw arguments, before
  ``click`` parses them, so that ``--help`` and click's own usage errors are
  already in the user's language;
- :class:`LocalizedCommand` shows the help in that language (Vietnamese help
  texts of the options are in :data:`HELP_VI`, by parameter name; the English
  ones stay where the options are declared) and installs a Vietnamese catalog
  for click's messages (``No such option``, ``Invalid value``…);
- :func:`evidence` says the ``-v`` evidence of the profile in either language
  (the cache stores it as the English phrases the anatomy writes).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Sequence

import click

__all__ = ["msg", "ui_lang_from_args", "LocalizedCommand", "HELP_VI", "evidence", "did_you_mean"]


def msg(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def ui_lang_from_args(args: Sequence[str]) -> str:
    """``en`` when the arguments ask for English (``--lang en``, ``--lang=en``), else ``vi``."""
    lang = "vi"
    it = iter(args)
    for a in it:
        if a == "--":
            break
        if a == "--lang":
            lang = next(it, lang)
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    return "en" if lang == "en" else "vi"


def did_you_mean(word: str, choices: Iterable[str], lang: str) -> str:
    """`` (có phải ý bạn là 'x'?)`` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    return msg(lang, f" (có phải ý bạn là '{close[0]}'?)", f" (did you mean '{close[0]}'?)")


# -- help ---------------------------------------------------------------------------

COMMAND_HELP_VI = (
    "Kiểm tra văn bản hành chính tiếng Việt (.docx, .txt, .md).\n\n"
    "Thông báo bằng tiếng Việt theo mặc định; --lang en để dùng tiếng Anh."
)

#: the Vietnamese help of each option, by parameter name (a test checks every visible option has one)
HELP_VI: dict[str, str] = {
    "fmt": "Định dạng kết quả: text, json, sarif, github, html.",
    "select": "Các mã hoặc tiền tố quy tắc cần chạy (cách nhau bằng dấu phẩy), ví dụ NL1,NL201.",
    "ignore": "Các mã hoặc tiền tố quy tắc không chạy.",
    "extend_select": "Các mã hoặc tiền tố thêm vào tập quy tắc đã chọn.",
    "profile": "Thể thức nhà nước (nd30) hoặc của Đảng (hd36/hd05; party = theo ngày của văn bản). "
               "Mặc định: tự nhận biết.",
    "final": "Kiểm tra như văn bản sắp ban hành: số hoặc ngày để trống là lỗi.",
    "lang": "Ngôn ngữ của thông báo (mặc định vi).",
    "config_file": "Dùng tệp cấu hình này.",
    "fail_on": "Mức thấp nhất làm lệnh báo thất bại (mặc định warning).",
    "exit_zero": "Luôn thoát với mã 0, kể cả khi có vấn đề.",
    "quiet": "Chỉ in các vấn đề, không in dòng tổng kết.",
    "statistics": "In số vấn đề theo từng quy tắc.",
    "verbose": "In thể thức áp dụng cho từng tệp và căn cứ để nhận biết.",
    "output_file": "Ghi báo cáo vào tệp này.",
    "list_rules": "Liệt kê mọi quy tắc rồi thoát.",
    "explain": "Giải thích một quy tắc (kèm ví dụ sai và đúng) rồi thoát.",
    "fix": "Tự sửa những lỗi sửa chắc chắn được (.docx: dưới dạng theo dõi thay đổi).",
    "unsafe_fixes": "Sửa cả những lỗi cần xem lại sau khi sửa.",
    "diff": "In những thay đổi mà --fix sẽ làm; không ghi tệp nào.",
    "fix_only": "Chỉ sửa các mã hoặc tiền tố này (kéo theo --fix).",
    "no_track_changes": "Ghi bản sửa .docx trực tiếp, không dùng theo dõi thay đổi.",
    "annotate": "Ghi một bản sao .docx, mỗi vấn đề là một ghi chú (mặc định TÊN.notice-lint.docx; "
                "tên khác: --annotate=OUT).",
    "report_unused": "Báo các chú thích tắt kiểm tra mà không tắt vấn đề nào (NL001).",
    "show_source": "In đoạn văn của mỗi vấn đề với dấu ^ bên dưới chỗ sai (định dạng text).",
    "jobs": "Số tiến trình chạy song song; 0 = mỗi CPU một tiến trình (mặc định: mỗi CPU một tiến trình "
            "khi có hơn 8 tệp, nếu không thì 1).",
    "no_cache": "Không đọc, không ghi bộ nhớ đệm kết quả (.notice_lint_cache/).",
    "generate_docs": "Ghi các trang quy tắc (NLxxx.md) vào thư mục DIR rồi thoát.",
    "version": "In số phiên bản rồi thoát.",
}

#: click's own messages (its gettext message ids) in Vietnamese
_CLICK_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tuỳ chọn",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In số phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "No such option {name!r}.": "Không có tuỳ chọn {name!r}.",
    "No such option: {name}": "Không có tuỳ chọn {name}",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Option {name!r} requires an argument.": "Tuỳ chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tuỳ chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tuỳ chọn {name!r} không nhận giá trị.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc các giá trị {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tuỳ chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "default: {default}": "mặc định: {default}",
    "Aborted!": "Đã huỷ!",
}

_CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui", "utils")


def _install_click_catalog(lang: str) -> None:
    """Point click's ``_``/``ngettext`` at the Vietnamese catalog (or back at gettext for English)."""
    import gettext
    import importlib

    if lang == "en":
        tr, ntr = gettext.gettext, gettext.ngettext
    else:
        def tr(message: str) -> str:
            return _CLICK_VI.get(message, gettext.gettext(message))

        def ntr(singular: str, plural: str, n: int) -> str:
            return tr(singular if n == 1 else plural)

    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - another click layout
            continue
        if hasattr(module, "_"):
            module._ = tr  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ntr  # type: ignore[attr-defined]


class LocalizedCommand(click.Command):
    """A command whose help and usage errors follow ``--lang`` (Vietnamese by default)."""

    ui_lang = "vi"

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        import sys

        raw = list(sys.argv[1:] if args is None else args)
        self.ui_lang = ui_lang_from_args(raw)
        _install_click_catalog(self.ui_lang)
        self.options_metavar = msg(self.ui_lang, "[TUỲ CHỌN]", "[OPTIONS]")
        for param in self.params:
            if isinstance(param, click.Argument) and param.name == "paths":
                param.metavar = msg(self.ui_lang, "[TỆP|THƯ MỤC]...", "[PATHS]...")
        return super().main(raw, *a, **kw)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.ui_lang == "en":
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(COMMAND_HELP_VI)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.ui_lang == "en":
            return super().format_options(ctx, formatter)
        saved = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Option) and param.name in HELP_VI:
                saved.append((param, param.help))
                param.help = HELP_VI[param.name]
        try:
            super().format_options(ctx, formatter)
        finally:
            for param, text in saved:
                param.help = text


# -- -v evidence -----------------------------------------------------------------------

_EVIDENCE_VI: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^line (\d+): (.*)$"), r"dòng \1: \2"),
    (re.compile(r"^instrument by date (\d+)-0?(\d+)-0?(\d+)$"), r"văn bản hướng dẫn theo ngày ban hành \3/\2/\1"),
    (re.compile(r"^instrument by partial date (\d+)-0?(\d+)-0?(\d+)$"),
     r"văn bản hướng dẫn theo ngày ban hành (ghi chưa đủ) \3/\2/\1"),
    (re.compile(r"^instrument by today (\d+)-0?(\d+)-0?(\d+)$"),
     r"văn bản hướng dẫn theo ngày hôm nay \3/\2/\1 (văn bản chưa ghi ngày)"),
]
_EVIDENCE_PHRASES_VI = [
    (re.compile(r"^Party organ '(.*)'$"), r"tên cơ quan Đảng «\1»"),
    (re.compile(r"^'\*' under the organ$"), r"dấu «*» dưới tên cơ quan"),
    (re.compile(r"^Party number form$"), r"số, ký hiệu theo kiểu của Đảng"),
    (re.compile(r"^state number form$"), r"số, ký hiệu theo kiểu nhà nước"),
]


def evidence(items: Iterable[str], lang: str) -> str:
    """The ``-v`` evidence for a profile, in the user's language."""
    items = list(items)
    if not items:
        return msg(lang, "không có dấu hiệu", "no evidence")
    if lang == "en":
        return "; ".join(items)
    out = []
    for item in items:
        for pattern, repl in _EVIDENCE_VI:
            if pattern.match(item):
                item = pattern.sub(repl, item)
                break
        head, sep, tail = item.partition(": ")
        if sep:
            for pattern, repl in _EVIDENCE_PHRASES_VI:
                if pattern.match(tail):
                    tail = pattern.sub(repl, tail)
                    break
            item = head + sep + tail
        out.append(item)
    return "; ".join(out)
