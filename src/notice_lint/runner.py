"""Lint documents: read → anatomy → rules → findings, file by file."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from .config import Config, check_codes, find_config, select_codes
from .errors import ConfigError, InputError
from .rule import Finding, Rule, RuleContext, Severity

__all__ = ["FileResult", "Linter", "Options", "discover", "rule_registry"]


@dataclass
class Options:
    """What the command line says; None means "as the config file says"."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    profile: str | None = None
    final: bool | None = None
    lang: str | None = None
    config_file: Path | None = None
    today: _dt.date | None = None
    report_unused: bool = False  # report inline suppressions that suppress nothing (NL001)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    profile: str | None = None
    evidence: list[str] = field(default_factory=list)
    kind: str | None = None  # document kind ("docx" / "text" / "markdown")
    #: codes whose findings were cut at :data:`MAX_FINDINGS_PER_RULE`: code -> how many the rule found
    capped: dict[str, int] = field(default_factory=dict)


#: the most findings of one code kept for one file (the first ones the rule yields; the rest are
#: counted, not kept).  Real documents never come near (112 at most over the corpus, the QA and
#: held-out texts); without a cap no memory bound holds: a 100,000-character line of ``,a ,a ,a``
#: gives a finding per 3 bytes, and no finding is smaller than ~50 bytes.
MAX_FINDINGS_PER_RULE = 2000


_REGISTRY: dict[str, type[Rule]] | None = None


def rule_registry() -> dict[str, type[Rule]]:
    """Every rule contributed by a plugin (built-in ones included), by code."""
    global _REGISTRY
    if _REGISTRY is None:
        from .plugins import get_plugin_manager

        reg: dict[str, type[Rule]] = {}
        for batch in reversed(get_plugin_manager().hook.notice_lint_get_rules()):
            for cls in batch or ():
                if cls.code in reg and reg[cls.code] is not cls:
                    raise ConfigError(
                        f"hai plugin cùng khai báo mã quy tắc {cls.code}",
                        f"two plugins declare rule code {cls.code}",
                    )
                reg[cls.code] = cls
        _REGISTRY = dict(sorted(reg.items()))
    return _REGISTRY


def reset_registry() -> None:
    global _REGISTRY
    _REGISTRY = None
    from .plugins import get_plugin_manager

    get_plugin_manager.cache_clear()


def known_config_keys() -> set[str]:
    keys: set[str] = set()
    for cls in rule_registry().values():
        keys.update(cls.config_keys)
    return keys


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files to lint, each once (``notice-lint corpus corpus/real`` meets ``real/`` twice):
    given files as they are, folders recursed to .docx/.txt/.md (see :func:`_discover`)."""
    seen: set[str] = set()
    for path in _discover(paths):
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            yield path


def _discover(paths: Iterable[str]) -> Iterator[str]:
    """Files to lint: given files as they are, folders recursed to .docx/.txt/.md.

    Recursing never leaves the folder given: symbolic links to folders are not
    followed, and a link to a file is linted only when its target lies inside
    the folder (a broken link is yielded, so the user hears about it).  Word
    lock files (``~$…``) and hidden files are skipped; an unreadable subfolder
    is yielded, so it gets its one line instead of vanishing.
    """
    from .formats import SUFFIXES

    for p in paths:
        if os.path.isdir(p) and not p.lower().endswith(SUFFIXES):
            top = os.path.realpath(p)
            unreadable: list[str] = []
            for root, dirs, files in os.walk(p, onerror=lambda e: unreadable.append(e.filename)):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for name in sorted(files):
                    if name.startswith("~$") or name.startswith("."):
                        continue
                    if name.lower().endswith(SUFFIXES):
                        full = os.path.join(root, name)
                        if os.path.islink(full) and os.path.exists(full) and not _inside(os.path.realpath(full), top):
                            continue  # a link out of the folder: not what the user gave
                        yield full
                while unreadable:
                    yield unreadable.pop(0)
            yield from unreadable
        else:
            yield p


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


class Linter:
    """Lints files with the rules the configuration selects.

    ``rules`` (optional) is what the result cache remembered of the installed
    rules (:meth:`notice_lint.cache.Cache.rules_manifest`: their codes and
    configuration keys, for exactly these rule modules): with it, options and
    configuration are checked and cache keys computed without importing a
    single rule module; the rules are imported the first time a file really
    has to be linted.
    """

    def __init__(self, options: Options | None = None, rules: dict[str, Any] | None = None) -> None:
        self.options = options or Options()
        self._registry: dict[str, type[Rule]] | None = None
        if rules is not None:
            self.codes: list[str] = list(rules["codes"])
            self._known_keys = set(rules["config_keys"])
        else:
            self.codes = list(self.registry)
            self._known_keys = known_config_keys()
        self._config_cache: dict[Path, Config | None] = {}
        self._folder_config: dict[str, Config] = {}  # by the folder as given: no resolve() per file
        self._fixed_config: Config | None = None
        if self.options.config_file is not None:
            from .config import load_config_file

            self._fixed_config = load_config_file(self.options.config_file, self._known_keys) or Config()
        self._data_cache: dict[Any, Any] = {}
        self._rules_cache: dict[Any, list[Rule]] = {}
        #: per rule list (by id: the lists live in ``_rules_cache``) and document profile and kind:
        #: the rules that run, their codes, and what the reader must provide for them
        self._plans: dict[tuple[int, str | None, str | None], tuple[list[Rule], list[str]]] = {}
        self._needs: dict[int, set[str]] = {}
        self._codes_cache: dict[Any, list[str]] = {}
        self._validated: set[int] = set()
        all_codes = self.codes
        for key, values in (
            ("--select", self.options.select or []),
            ("--ignore", self.options.ignore),
            ("--extend-select", self.options.extend_select),
        ):
            check_codes(values, all_codes, "", key)

    @property
    def registry(self) -> dict[str, type[Rule]]:
        """Every installed rule class by code (imports the rule modules on first use)."""
        if self._registry is None:
            self._registry = rule_registry()
        return self._registry

    # -- configuration ---------------------------------------------------
    def config_for(self, path: str) -> Config:
        if self._fixed_config is not None:
            cfg = self._fixed_config
        else:
            folder = os.path.dirname(path)
            cfg = self._folder_config.get(folder)
            if cfg is None:
                cfg = find_config(Path(path).parent, self._known_keys, self._config_cache)
                self._folder_config[folder] = cfg
        if id(cfg) not in self._validated:
            where = str(cfg.path) if cfg.path else ""
            all_codes = self.codes
            check_codes(cfg.select, all_codes, where, "select")
            check_codes(cfg.ignore, all_codes, where, "ignore")
            check_codes(cfg.extend_select, all_codes, where, "extend-select")
            for glob, codes in cfg.per_file_ignores.items():
                check_codes(codes, all_codes, where, f"per-file-ignores.{glob}")
            self._validated.add(id(cfg))
        return cfg

    def lang_for(self, cfg: Config) -> str:
        return self.options.lang or cfg.lang

    def codes_for(self, cfg: Config, path: str) -> list[str]:
        """The codes of the rules enabled for ``path`` (in code order), without importing a rule."""
        ignores = cfg.ignores_for(path)
        key = (id(cfg), tuple(ignores))
        codes = self._codes_cache.get(key)
        if codes is None:
            select = self.options.select if self.options.select is not None else cfg.select
            extend = cfg.extend_select + self.options.extend_select
            ignore = cfg.ignore + self.options.ignore + ignores
            enabled = select_codes(self.codes, select, extend, ignore)
            codes = self._codes_cache[key] = [code for code in self.codes if code in enabled]
        return codes

    def rules_for(self, cfg: Config, path: str) -> list[Rule]:
        codes = self.codes_for(cfg, path)
        rules = self._rules_cache.get(tuple(codes))
        if rules is None:
            registry = self.registry
            rules = self._rules_cache[tuple(codes)] = [registry[code]() for code in codes]
        return rules

    def data_for(self, cfg: Config) -> Any:
        from .data import DataTables
        from .plugins import get_plugin_manager

        data = self._data_cache.get(id(cfg))
        if data is None:
            data = DataTables(get_plugin_manager(), cfg.data_extra())
            self._data_cache[id(cfg)] = data
        return data

    # -- linting ---------------------------------------------------------
    def lint_file(self, path: str, data: bytes | None = None) -> FileResult:
        result = FileResult(path=path)
        try:
            cfg = self.config_for(path)
            rules = self.rules_for(cfg, path)
            result.findings = self._lint(path, cfg, rules, result, data)
        except InputError as exc:
            result.error = exc
        except RecursionError:
            from .document.limits import too_deep

            result.error = too_deep(None)
        except MemoryError:
            result.error = InputError(
                "tài liệu quá lớn, không đủ bộ nhớ để đọc; hãy tách thành các tệp nhỏ hơn",
                "the document is too large to read in memory; split it into smaller files",
            )
        except Exception as exc:  # a bug must not cost the user the other files
            result.error = InputError(
                f"lỗi nội bộ khi kiểm tra tệp này ({type(exc).__name__}); hãy báo lỗi kèm theo tệp",
                f"internal error while checking this file ({type(exc).__name__}); please report it with the file",
            )
        return result

    def _lint(self, path: str, cfg: Config, rules: list[Rule], result: FileResult, data: bytes | None) -> list[Finding]:
        from . import anatomy
        from .document import read_document
        from .document.limits import LONG_DOCUMENT, return_large_blocks, trim_heap

        needs = self._needs.get(id(rules))
        if needs is None:
            needs = self._needs[id(rules)] = set().union(*(r.needs for r in rules))
        doc = read_document(path, formatting="styles" in needs, data=data)
        result.kind = doc.kind
        if doc.kind == "docx" and "tree" not in needs:
            from .document.docx import release_tree

            release_tree(doc, fonts="fonts" in needs)
        long_document = len(doc.paragraphs) >= LONG_DOCUMENT
        if long_document:
            return_large_blocks()  # what the rules build and drop goes back to the system
            trim_heap()  # and what the XML tree held
        tables = self.data_for(cfg)
        today = self.options.today or _dt.date.today()
        profile = self.options.profile or cfg.profile
        notice = anatomy.parse(
            doc, tables.get("kinds"), profile=profile, today=today, instruments=tables.get("instruments")
        )
        result.profile = notice.profile
        result.evidence = notice.evidence
        final = self.options.final if self.options.final is not None else cfg.final
        ctx = RuleContext(data=tables, final=final, lang=self.lang_for(cfg), options=cfg.options, today=today)
        findings: list[Finding] = []
        plan = self._plans.get((id(rules), notice.profile, doc.kind))
        if plan is None:
            run = [r for r in rules if notice.profile in r.profiles and doc.kind in r.formats]
            plan = self._plans[(id(rules), notice.profile, doc.kind)] = (run, [r.code for r in run], _last_users(run))
        run, ran, last_users = plan
        meta = doc.meta
        for k, rule in enumerate(run):
            try:
                before = len(findings)
                found = iter(rule.check(notice, ctx))
                findings.extend(islice(found, MAX_FINDINGS_PER_RULE))
                if len(findings) - before == MAX_FINDINGS_PER_RULE:  # (never on an ordinary file)
                    _cap(findings, before, found, result.capped)
            except Exception as exc:  # a broken rule must not cost the user the other findings
                print(
                    f"notice-lint: internal error in rule {rule.code} on {path}: {type(exc).__name__}: {exc}",
                    file=sys.stderr,
                )
            if k in last_users:
                for key in last_users[k]:
                    meta.pop(key, None)
            if long_document:
                trim_heap()  # what the rule (or a shared structure let go) made and freed
        from .suppress import apply_suppressions

        _unjoin(notice, findings)
        report_unused = self.options.report_unused and "NL001" in ran
        return apply_suppressions(doc, finalize(doc, findings), ran, report_unused=report_unused, known=self.registry)


def _cap(findings: list[Finding], before: int, rest: Iterable[Finding], capped: dict[str, int]) -> None:
    """Go on with a rule that yielded :data:`MAX_FINDINGS_PER_RULE` findings: keep those of a
    code below the cap, count the others without holding them (``capped``: code -> all found)."""
    counts: dict[str, int] = {}
    for f in findings[before:]:
        counts[f.code] = counts.get(f.code, 0) + 1
    try:
        for f in rest:
            code = f.code
            n = counts[code] = counts.get(code, 0) + 1
            if n <= MAX_FINDINGS_PER_RULE:
                findings.append(f)
    finally:  # (a rule that breaks half-way: what it found until then is said too)
        for code, n in counts.items():
            if n > MAX_FINDINGS_PER_RULE:
                capped[code] = capped.get(code, 0) + n


#: what the rules with a need build once and share on the document (``doc.meta`` keys, by
#: need): let go as soon as the last rule of the run with that need is done, so that the rules
#: after it do not hold it too (the language rules' syllable stream, ~17 bytes a word).  A rule
#: that reads it without declaring the need still gets it: it is built again.  (NL201 keeps its
#: places in the stream beside the stream itself.)
SHARED: dict[str, tuple[str, ...]] = {"stream": ("_language_stream", "_nl201_places")}


def _last_users(run: list[Rule]) -> dict[int, tuple[str, ...]]:
    """``index in run -> the doc.meta keys to let go after that rule`` (:data:`SHARED`)."""
    out: dict[int, tuple[str, ...]] = {}
    for need, keys in SHARED.items():
        last = max((k for k, rule in enumerate(run) if need in rule.needs), default=None)
        if last is not None:
            out[last] = out.get(last, ()) + keys
    return out


def _unjoin(notice: Any, findings: list[Finding]) -> None:
    """Move findings inside a wrapped line the anatomy read as one (a JoinedSegment) to where they are.

    An offset past the head of the join stands for one in the tail's paragraph (a year on the
    line below). A fix that edits past the head cannot be written exactly: it is dropped.
    """
    from .anatomy.model import JoinedSegment
    from .anatomy.segments import _MERGED_ZONE

    joins = []
    for seg in notice.segments:
        if seg.paragraph.index > _MERGED_ZONE:  # joins are made in the header zone only
            break
        if type(seg) is JoinedSegment:
            joins.append(seg)
    if not joins:
        return
    heads = {j.paragraph.index: j for j in joins}
    for f in findings:
        j = heads.get(f.paragraph)
        if j is None:
            continue
        if f.fix is not None and any(
            getattr(e, "paragraph", None) == f.paragraph and getattr(e, "end", 0) > j.head_end for e in f.fix.edits
        ):
            f.fix = None
        if f.start > j.head_end:
            start, end = f.start, max(f.end, f.start)
            para, f.start = j.locate(start)
            end_para, f.end = j.locate(end)
            if end_para is not para:  # from one tail piece into the next: the first piece's part
                f.end = max(f.start, len(para.text.rstrip()))
            f.paragraph = para.index
        elif f.end > j.head_end:
            f.end = j.head_end  # from the head into the tail: the head's part


def finalize(doc: Any, findings: list[Finding]) -> list[Finding]:
    """Fill lines and columns, drop duplicates, sort in reading order.

    A duplicate is a finding of the same code, place and message as an earlier one.  The
    places seen are held by code, each code's let go after its last finding (the rules
    report one code each, in turn): a document with 150,000 findings never holds a key
    for each of them at once.
    """
    out: list[Finding] = []
    n = len(doc.paragraphs)
    last = {f.code: i for i, f in enumerate(findings)}
    by_code: dict[str, set[tuple[Any, ...]]] = {}
    seen: set[tuple[Any, ...]] | None = None
    for i, f in enumerate(findings):
        code = f.code
        seen = by_code.get(code)
        if seen is None:
            seen = by_code[code] = set()
        if last[code] == i:
            del by_code[code]  # its last finding: the set goes with this iteration
        k = (f.paragraph, f.start, f.end, f.message_en)
        if k in seen:
            continue
        seen.add(k)
        idx = min(max(f.paragraph, 1), n) if n else 1
        if n:
            para = doc.paragraphs[idx - 1]
            f.paragraph = idx
            f.start = max(0, min(f.start, len(para.text)))
            f.end = max(f.start, min(f.end, len(para.text)))
            f.line = para.line
            f.column = para.column(f.start)
            f.end_line = para.line
            f.end_column = para.column(f.end - 1) + 1 if f.end > f.start else f.column
        else:
            f.line = f.end_line = 1
            f.column = f.end_column = 1
        out.append(f)
    seen = None  # the last code's set, let go before sorting
    sort_findings(out)
    return out


def sort_findings(findings: list[Finding]) -> None:
    """Sort in reading order: by line, column and code, in place and stably.

    Two stable sorts (by code, then by place) give that order with one int a finding
    for a key instead of a tuple (a third of the memory: a document may have 150,000).
    """
    from operator import attrgetter

    findings.sort(key=attrgetter("code"))
    if all(0 <= f.column < 1 << 32 and f.line >= 0 for f in findings):
        findings.sort(key=lambda f: (f.line << 32) + f.column)
    else:  # (never from the runner: lines and columns start at 1)
        findings.sort(key=lambda f: (f.line, f.column))


def failing(findings: Iterable[Finding], fail_on: str) -> bool:
    threshold = Severity.parse(fail_on)
    return any(f.severity >= threshold for f in findings)
