"""Configuration: ``[tool.notice-lint]`` in ``pyproject.toml`` or ``.notice-lint.toml``.

Found by walking up from each linted file; the nearest file wins.  Command
line options override it.  Unknown keys and unknown rule codes are errors that
name the file and the key.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import ConfigError

__all__ = ["Config", "CORE_KEYS", "load_config_file", "find_config", "select_codes"]

CORE_KEYS: dict[str, str] = {
    "select": "rule codes or prefixes to run (default: all)",
    "ignore": "rule codes or prefixes not to run",
    "extend-select": "codes or prefixes added to select",
    "per-file-ignores": "glob -> codes ignored in matching files",
    "profile": "auto | nd30 | party | hd36 | hd05",
    "final": "judge the document as final (blank number/date are errors)",
    "lang": "vi | en: the language of messages",
    "fail-on": "error | warning | info: lowest severity that fails the run",
    "organ": "the organ's abbreviation in the number symbol, e.g. SKHCN",
    "units": "the organ's drafting units, e.g. ['VP', 'QLKH']",
    "place": "the place name of the place-date line, e.g. 'Quảng Ngãi'",
    "kinds": "extra document kinds: [{title, state, party}]",
    "typos": "extra known typos: [{wrong, right, class}]",
    "abbreviations": "abbreviations that need no definition",
    "names": "words the syllable check accepts (names, loanwords)",
    "tone-style": "old | new: preferred tone-mark placement",
}
DATA_KEYS = ("kinds", "typos", "abbreviations", "names")
PROFILES = ("auto", "nd30", "party", "hd36", "hd05")
CONFIG_FILES = (".notice-lint.toml", "notice-lint.toml", "pyproject.toml")


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["NL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    profile: str = "auto"
    final: bool = False
    lang: str = "vi"
    fail_on: str = "warning"
    options: dict[str, Any] = field(default_factory=dict)  # every key, as written
    path: Path | None = None  # the file it came from
    root: Path | None = None  # its folder (per-file-ignores are relative to it)

    def data_extra(self) -> dict[str, list[Any]]:
        return {k: list(self.options.get(k, [])) for k in DATA_KEYS if k in self.options}

    def ignores_for(self, path: str) -> list[str]:
        out: list[str] = []
        if not self.per_file_ignores:
            return out
        rel = path
        if self.root is not None:
            try:
                rel = os.path.relpath(os.path.abspath(path), self.root)
            except ValueError:
                rel = path
        rel = rel.replace(os.sep, "/")
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
                out.extend(codes)
        return out


def _where(where: str) -> str:
    return f"{where}: " if where else ""


def _hint(word: str, choices: Iterable[str]) -> tuple[str, str]:
    """A "did you mean" for a misspelt key or code, in both languages (empty when nothing is close)."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" (có phải ý bạn là '{close[0]}'?)", f" (did you mean '{close[0]}'?)"


def _type_error(where: str, key: str, vi_want: str, en_want: str, value: Any) -> ConfigError:
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return ConfigError(
        f"{where}: '{key}' phải là {vi_want} (đang là {shown})",
        f"{where}: '{key}' must be {en_want} (got {shown})",
    )


#: the type each core or rule key takes: (python type(s), Vietnamese, English)
_STRING = ((str,), "một chuỗi trong dấu nháy", "a quoted string")
_BOOL = ((bool,), "true hoặc false", "true or false")
_INT = ((int,), "một số nguyên", "an integer")
_KEY_TYPES: dict[str, tuple[tuple[type, ...], str, str]] = {
    "profile": _STRING, "lang": _STRING, "fail-on": _STRING, "organ": _STRING, "place": _STRING,
    "tone-style": _STRING, "font": _STRING, "final": _BOOL, "signer-academic-titles": _BOOL,
    "date-future-days": _INT,
}
#: the keys of one typo entry: required ones first
_TYPO_KEYS = ("wrong", "right", "class", "severity", "safe", "not_before", "not_after")


def _check_type(section: dict[str, Any], key: str, where: str) -> None:
    if key not in section or key not in _KEY_TYPES:
        return
    types, vi, en = _KEY_TYPES[key]
    value = section[key]
    ok = isinstance(value, types) and not (bool not in types and isinstance(value, bool))
    if not ok:
        raise _type_error(where, key, vi, en, value)


def _strings(value: Any, where: str, key: str, allow_one: bool = False) -> None:
    if allow_one and isinstance(value, str):
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _type_error(where, key, "danh sách chuỗi", "a list of strings", value)


def _check_typos(rows: list[Any], where: str) -> None:
    for n, row in enumerate(rows, start=1):
        name = f"typos[{n}]"
        if not isinstance(row, dict):
            raise ConfigError(
                f"{where}: mục {name} phải là bảng {{wrong = \"…\", right = \"…\"}}",
                f"{where}: entry {name} must be a table {{wrong = \"…\", right = \"…\"}}",
            )
        for k in row:
            if k not in _TYPO_KEYS:
                vi, en = _hint(k, _TYPO_KEYS)
                raise ConfigError(
                    f"{where}: mục {name} có khoá không hợp lệ '{k}'{vi}",
                    f"{where}: entry {name} has an unknown key '{k}'{en}",
                )
        for k in ("wrong", "right"):
            if k not in row:
                raise ConfigError(
                    f"{where}: mục {name} thiếu '{k}' (cần cả wrong và right)",
                    f"{where}: entry {name} lacks '{k}' (both wrong and right are required)",
                )
            if not isinstance(row[k], str) or not row[k].strip():
                raise _type_error(where, f"{name}.{k}", "một chuỗi không rỗng", "a non-empty string", row[k])
        for k in ("class", "severity"):
            if k in row and not isinstance(row[k], str):
                raise _type_error(where, f"{name}.{k}", "một chuỗi", "a string", row[k])
        if "severity" in row and row["severity"].lower() not in ("error", "warning", "info"):
            raise ConfigError(
                f"{where}: '{name}.severity' phải là error, warning hoặc info",
                f"{where}: '{name}.severity' must be error, warning or info",
            )
        if "safe" in row and not isinstance(row["safe"], bool):
            raise _type_error(where, f"{name}.safe", "true hoặc false", "true or false", row["safe"])
        for k in ("not_before", "not_after"):
            if k in row:
                _strings(row[k], where, f"{name}.{k}", allow_one=True)


def _codes(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{where}: khoá '{key}' phải là danh sách mã quy tắc",
            f"{where}: key '{key}' must be a list of rule codes",
        )
    return [v.strip().upper() for v in value]


def load_config_file(path: Path, known_keys: Iterable[str] = ()) -> Config | None:
    """Read one config file; None when a ``pyproject.toml`` has no section for us."""
    import tomllib  # only when a configuration file exists

    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: tệp cấu hình sai cú pháp TOML ({exc})", f"{path}: invalid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(
            f"{path}: tệp cấu hình không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
            f"{path}: the configuration file is not UTF-8 text; save it again as UTF-8",
        ) from None
    except (RecursionError, MemoryError):
        raise ConfigError(
            f"{path}: tệp cấu hình lồng nhau quá sâu hoặc quá lớn để đọc",
            f"{path}: the configuration file is nested too deeply or too large to read",
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: không đọc được tệp cấu hình", f"{path}: cannot read ({exc.strerror})") from None
    if not isinstance(raw.get("tool", {}), dict):
        raise _type_error(str(path), "tool", "một bảng", "a table", raw["tool"])
    if path.name == "pyproject.toml":
        section = raw.get("tool", {}).get("notice-lint")
        if section is None:
            return None
    else:
        section = raw.get("tool", {}).get("notice-lint", raw)
    if not isinstance(section, dict):
        raise _type_error(str(path), "tool.notice-lint", "một bảng", "a table", section)
    return config_from_dict(section, str(path), known_keys, path)


def config_from_dict(section: dict[str, Any], where: str, known_keys: Iterable[str] = (), path: Path | None = None) -> Config:
    known = set(CORE_KEYS) | set(known_keys)
    for k in section:
        if k not in known:
            vi, en = _hint(k, known)
            raise ConfigError(
                f"{where}: khoá cấu hình không hợp lệ '{k}'{vi}",
                f"{where}: unknown configuration key '{k}'{en}",
            )
    for k in section:
        _check_type(section, k, where)
    cfg = Config(path=path, root=path.parent if path else None)
    cfg.options = dict(section)
    if "select" in section:
        cfg.select = _codes(section["select"], where, "select")
    if "ignore" in section:
        cfg.ignore = _codes(section["ignore"], where, "ignore")
    if "extend-select" in section:
        cfg.extend_select = _codes(section["extend-select"], where, "extend-select")
    if "per-file-ignores" in section:
        pfi = section["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(
                f"{where}: 'per-file-ignores' phải là bảng mẫu tệp -> mã",
                f"{where}: 'per-file-ignores' must be a table of glob -> codes",
            )
        cfg.per_file_ignores = {g: _codes(v, where, f"per-file-ignores.{g}") for g, v in pfi.items()}
    if "units" in section:
        _strings(section["units"], where, "units", allow_one=True)
    if "profile" in section:
        prof = str(section["profile"]).lower()
        if prof not in PROFILES:
            raise ConfigError(
                f"{where}: 'profile' không hợp lệ '{prof}' (chọn: {', '.join(PROFILES)})",
                f"{where}: invalid 'profile' '{prof}' (one of {', '.join(PROFILES)})",
            )
        cfg.profile = prof
    if "final" in section:
        cfg.final = section["final"]  # a bool: checked above (final = "no" is an error, not True)
    if "lang" in section:
        lang = str(section["lang"]).lower()
        if lang not in ("vi", "en"):
            raise ConfigError(f"{where}: 'lang' phải là vi hoặc en", f"{where}: 'lang' must be vi or en")
        cfg.lang = lang
    if "fail-on" in section:
        fo = str(section["fail-on"]).lower()
        if fo not in ("error", "warning", "info"):
            raise ConfigError(
                f"{where}: 'fail-on' phải là error, warning hoặc info",
                f"{where}: 'fail-on' must be error, warning or info",
            )
        cfg.fail_on = fo
    for k in DATA_KEYS:
        if k in section and not isinstance(section[k], list):
            raise ConfigError(f"{where}: '{k}' phải là danh sách", f"{where}: '{k}' must be a list")
    if "typos" in section:
        _check_typos(section["typos"], where)
    for k in ("abbreviations", "names"):  # words, or tables like the data files' rows
        if k in section and not all(isinstance(v, (str, dict)) for v in section[k]):
            raise _type_error(where, k, "danh sách chuỗi", "a list of strings", section[k])
    for n, row in enumerate(section.get("kinds", ()), start=1):
        if not isinstance(row, dict) or not isinstance(row.get("title"), str) or not row["title"].strip():
            raise ConfigError(
                f"{where}: mục kinds[{n}] phải là bảng có 'title' (tên loại văn bản)",
                f"{where}: entry kinds[{n}] must be a table with a 'title' (the kind's title)",
            )
    return cfg


_DEFAULT_CONFIG = Config()


def find_config(start: Path, known_keys: Iterable[str] = (), cache: dict[Path, Config | None] | None = None) -> Config:
    """The configuration that applies to files in folder ``start``."""
    cache = {} if cache is None else cache
    chain: list[Path] = []
    cur = start.resolve()
    found: Config | None = None
    while True:
        if cur in cache:
            found = cache[cur]
            break
        chain.append(cur)
        for name in CONFIG_FILES:
            cand = cur / name
            if cand.is_file():
                cfg = load_config_file(cand, known_keys)
                if cfg is not None:
                    found = cfg
                    break
        if found is not None:
            break
        if cur.parent == cur or (cur / ".git").exists():
            break
        cur = cur.parent
    for d in chain:
        cache[d] = found
    # one shared default: what is derived from a configuration (data tables,
    # compiled indexes, the enabled rules) is cached by its identity
    return found or _DEFAULT_CONFIG


def select_codes(all_codes: Iterable[str], select: list[str], extend: list[str], ignore: list[str]) -> set[str]:
    """Codes enabled by select/extend-select/ignore; the longest matching prefix wins."""
    out = set()
    for code in all_codes:
        on = max((len(p) for p in select + extend if code.startswith(p) or p == "ALL"), default=-1)
        off = max((len(p) for p in ignore if code.startswith(p) or p == "ALL"), default=-1)
        if on >= 0 and on > off:
            out.add(code)
    return out


def check_codes(prefixes: Iterable[str], all_codes: Iterable[str], where: str, key: str) -> None:
    codes = list(all_codes)
    for p in prefixes:
        if p == "ALL":
            continue
        if not any(c.startswith(p) for c in codes):
            vi, en = _hint(p, codes)
            raise ConfigError(
                f"{_where(where)}mã quy tắc không tồn tại '{p}' (trong '{key}'){vi}",
                f"{_where(where)}unknown rule code '{p}' (in '{key}'){en}",
            )
