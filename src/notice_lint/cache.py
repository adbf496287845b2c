"""A result cache: a file whose content, configuration and rules have not changed is not linted again.

Where: ``.notice_lint_cache/`` in the folder of the configuration file that
applies to the current directory (the nearest ``.notice-lint.toml``,
``notice-lint.toml`` or ``pyproject.toml`` with ``[tool.notice-lint]`` found
walking up from the cwd), or in the current directory when there is none.

The key of an entry is a SHA-256 of: the file's bytes and suffix, the
notice-lint version, a fingerprint of the installed engine and rule modules
(name, size and mtime of each source file, so an edited rule is never served
stale), the configuration that applies to the file, the rules enabled for it
(per-file ignores included), the command-line profile/final/report-unused
options and the date the date rules judge by.  An entry is JSON (never
pickle: a cache folder may come from an untrusted checkout), written to a
temporary file and renamed into place; an entry that cannot be read or
parsed is ignored and overwritten.

Two small files make a re-run cheap (a run the cache answers costs about
the start of the interpreter and ``click``):

- ``files.json`` remembers, for each file linted, its size, mtime, inode and
  content digest: a file whose status is unchanged, and whose mtime is more
  than 2 s older than that list, is not read again (the ``git`` index's rule
  against racy timestamps); a run of many files forgets the files that are gone;
- ``rules/<code fingerprint>.json`` remembers the codes and configuration
  keys of the installed rules: the options and configuration are checked and
  the keys computed without importing any rule; the rules are imported only
  when a file has to be linted.

A run of many files (:data:`PACK_FROM` to :data:`PACK_UP_TO`) also writes ``pack.json``:
the entries it used, by key, in one file.  The next run of many files reads
that one file instead of an entry file per document; a key the pack lacks is
read from its entry file as usual.  The pack holds only the last such run's
entries, so it never outgrows the tree it was made for.

Every cache file is read with a size limit (:data:`MAX_INDEX_BYTES`,
:data:`MAX_PACK_BYTES`, :data:`MAX_ENTRY_BYTES`): a larger one is ignored, not
loaded.  A cache folder (or its version folder) that is a symbolic link, not a
folder, or another user's is ignored: neither read nor written.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .rule import Edit, Finding, Fix, FormatEdit, Severity

__all__ = ["Cache", "CACHE_DIR", "cache_root", "lint_one", "lint_keyed"]

CACHE_DIR = ".notice_lint_cache"
FORMAT = 3
#: the files of the engine and of plugins whose change must invalidate the cache
_SOURCE_SUFFIXES = (".py", ".toml", ".json", ".txt")
#: the file that remembers each linted file's size, mtime, inode and content digest
INDEX = "files.json"
#: how much older than the remembered list a file's mtime must be for its digest to be trusted
MTIME_SLACK_NS = 2_000_000_000
#: the file that holds, in one piece, the entries used by the last run of many files
PACK = "pack.json"
#: from how many files a run reads and writes the pack (fewer: an entry file each costs less)
PACK_FROM = 32
#: up to how many: the pack is held in memory while the run goes on
PACK_UP_TO = 20_000
#: the largest cache files read (larger ones are ignored, never loaded): the index holds about
#: 150 bytes a file, the pack one entry per file of a run of at most PACK_UP_TO files
MAX_INDEX_BYTES = 32 * 1024 * 1024
MAX_PACK_BYTES = 128 * 1024 * 1024
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def _read_limited(path: str, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes, else None
    (a file planted in the cache costs nothing to ignore).  Raises OSError like ``open``."""
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        data = fh.read(limit + 1)
    return data if len(data) <= limit else None


def _own_folder(path: Path) -> bool:
    """May the cache use ``path``: absent (it will be made), or a real folder of this user (not a
    link someone planted to have the cache read or written elsewhere, nor another user's folder)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    return not hasattr(os, "geteuid") or st.st_uid == os.geteuid()


def cache_root(cwd: Path | None = None) -> Path:
    """The folder that holds ``.notice_lint_cache/``: the nearest config file's folder, else the cwd."""
    from .config import find_config

    cwd = (cwd or Path.cwd()).resolve()
    try:
        cfg = find_config(cwd)
    except InputError:
        return cwd
    return cfg.path.parent if cfg.path is not None else cwd


class Cache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else cache_root()) / CACHE_DIR
        self.dir = self.root / f"v{FORMAT}"
        self._dir = str(self.dir)
        self._code_fp: str | None = None
        self._bases: dict[tuple[Any, ...], bytes] = {}
        self._index: tuple[int, dict[str, list[Any]]] | None = None  # (saved at, path -> status, digest)
        self._seen: dict[str, list[Any]] = {}  # digests computed by this run
        self._asked: set[str] = set()  # paths whose remembered digest this run looked up
        self._pack: dict[str, Any] | None = None  # key -> entry, read from the pack (None: not in use)
        self._used: dict[str, Any] | None = None  # key -> entry used by this run (None: not packing)
        self._safe: bool | None = None  # the cache folder may be used (see usable)

    def usable(self) -> bool:
        """False when the cache folder (or its version folder) is a link, not a folder, or another
        user's: then the cache is ignored, never read nor written."""
        if self._safe is None:
            self._safe = _own_folder(self.root) and _own_folder(self.dir)
        return self._safe

    # -- key ---------------------------------------------------------------
    def key(self, linter: Any, path: str, data: bytes, st: os.stat_result | None = None) -> str | None:
        """The key of ``path`` with content ``data`` under ``linter``'s settings (None: no caching).

        ``st``: the file's status taken *before* ``data`` was read; given, the
        digest is remembered for the next run (:meth:`known_digest`).
        """
        return self.key_for_digest(linter, path, self.digest(path, data, st))

    def key_for_digest(self, linter: Any, path: str, digest: str) -> str | None:
        """:meth:`key` from the content's digest (:meth:`digest` or :meth:`known_digest`)."""
        try:
            cfg = linter.config_for(path)
            codes = linter.codes_for(cfg, path)
        except InputError:
            return None
        suffix = os.path.splitext(path)[1].lower()
        base_key = (linter, id(cfg), tuple(codes), suffix)  # the linter is held: its ids stay its own
        base = self._bases.get(base_key)
        if base is None:  # everything but the content: the same for every file of a folder
            opts = linter.options
            parts = {
                "format": FORMAT,
                "version": __version__,
                "code": self.code_fingerprint(),
                "suffix": suffix,
                "config": {"options": cfg.options, "profile": cfg.profile, "final": cfg.final},
                "rules": codes,
                "profile": opts.profile,
                "final": opts.final,
                "report_unused": getattr(opts, "report_unused", False),
                "today": (opts.today or _dt.date.today()).isoformat(),
            }
            blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
            base = self._bases[base_key] = hashlib.sha256(blob.encode("utf-8")).digest()
        h = hashlib.sha256(base)
        h.update(digest.encode())
        return h.hexdigest()

    # -- content digests, remembered by file status ----------------------------
    def digest(self, path: str, data: bytes, st: os.stat_result | None = None) -> str:
        """SHA-256 of ``data``, the content of ``path``; remembered with ``st`` (its status taken
        before reading it: a file changed while being read then never matches) when given."""
        digest = hashlib.sha256(data).hexdigest()
        if st is not None:
            self._seen[os.path.abspath(path)] = [st.st_size, st.st_mtime_ns, st.st_ino, digest]
        return digest

    def known_digest(self, path: str, st: os.stat_result) -> str | None:
        """The digest of ``path`` remembered by an earlier run, if the file has not changed since.

        "Not changed": same size, modification time and inode, and a
        modification time older than the remembered list by more than
        :data:`MTIME_SLACK_NS` (a file written in the same clock tick as the
        list was saved is read again: some file systems keep times to 2 s).
        """
        if self._index is None:
            self._index = self._load_index()
        written, files = self._index
        key = os.path.abspath(path)
        self._asked.add(key)
        entry = files.get(key)
        if (
            entry is not None
            and entry[0] == st.st_size
            and entry[1] == st.st_mtime_ns
            and entry[2] == st.st_ino
            and st.st_mtime_ns < written - MTIME_SLACK_NS
        ):
            return entry[3]
        return None

    def _load_index(self) -> tuple[int, dict[str, list[Any]]]:
        try:
            blob = _read_limited(os.path.join(self._dir, INDEX), MAX_INDEX_BYTES) if self.usable() else None
            if blob is None:
                return 0, {}
            obj = json.loads(blob)
            written, files = int(obj["written"]), obj["files"]
            if isinstance(files, dict):
                return written, {
                    k: v for k, v in files.items()
                    if isinstance(v, list) and len(v) == 4 and isinstance(v[3], str)
                }
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return 0, {}

    def save_index(self) -> None:
        """Remember the digests this run computed (atomically; a lost race only costs re-reading).

        A run of many files (the pack's range) also forgets the files that no
        longer exist, so that the list does not grow with every file ever renamed.
        """
        gone = self._gone() if self._used is not None else []
        if not self._seen and not gone:
            return
        import time

        if self._index is None:
            self._index = self._load_index()
        files = dict(self._index[1])
        for path in gone:
            del files[path]
        files.update(self._seen)
        self._write(Path(self._dir) / INDEX, {"written": time.time_ns(), "files": files})
        self._seen = {}

    def _gone(self) -> list[str]:
        """The remembered paths, not met by this run, that are no longer files."""
        if self._index is None:
            return []
        asked = self._asked
        return [p for p in self._index[1] if p not in asked and p not in self._seen and not os.path.isfile(p)]

    def code_fingerprint(self) -> str:
        """Name, size and mtime of every source file of the engine and of the installed plugins.

        The plugins are found by their entry points, without importing them (a
        package: all its files; a single module: that file); plugins registered
        in this process by hand, if the registry holds any, are added.
        """
        if self._code_fp is None:
            roots = {Path(__file__).resolve().parent}
            files: set[Path] = set()
            for module in _plugin_modules():
                _add_module(module, roots, files)
            from . import runner

            for cls in (runner._REGISTRY or {}).values():  # noqa: SLF001 - already built: free to read
                top = sys.modules.get(cls.__module__.split(".")[0])
                f = getattr(top, "__file__", None)
                if f and Path(f).name == "__init__.py":
                    roots.add(Path(f).resolve().parent)
                elif f:
                    files.add(Path(f).resolve())
            names = {str(f) for f in files}
            for root in roots:  # os.walk, not Path.rglob: this runs at every start
                for folder, dirs, found in os.walk(root):
                    dirs[:] = [d for d in dirs if d != "__pycache__"]
                    names.update(os.path.join(folder, n) for n in found if n.endswith(_SOURCE_SUFFIXES))
            h = hashlib.sha256()
            for name in sorted(names):
                try:
                    st = os.stat(name)
                except OSError:
                    continue
                h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            self._code_fp = h.hexdigest()
        return self._code_fp

    # -- what the installed rules are -----------------------------------------
    def _manifest_path(self) -> Path:
        return self.dir / "rules" / f"{self.code_fingerprint()}.json"

    def rules_manifest(self) -> dict[str, Any] | None:
        """The codes and configuration keys of the installed rules, as remembered for this exact code.

        ``None`` when not remembered yet (or unreadable): then the rules are imported.
        """
        try:
            blob = _read_limited(str(self._manifest_path()), MAX_ENTRY_BYTES) if self.usable() else None
            if blob is None:
                return None
            obj = json.loads(blob)
            codes, keys = obj["codes"], obj["config_keys"]
            if obj.get("fingerprint") == self.code_fingerprint() and all(isinstance(c, str) for c in codes + keys):
                return {"codes": codes, "config_keys": keys}
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return None

    def remember_rules(self, linter: Any) -> None:
        """Write the manifest of ``linter``'s rules (importing them if it has not)."""
        from .runner import known_config_keys

        obj = {"fingerprint": self.code_fingerprint(), "codes": list(linter.registry),
               "config_keys": sorted(known_config_keys())}
        self._write(self._manifest_path(), obj)

    # -- entries -----------------------------------------------------------
    def _entry(self, key: str) -> Path:
        return Path(self._entry_path(key))

    def _entry_path(self, key: str) -> str:
        # plain strings: a thousand cache hits should not cost a thousand pathlib objects
        return os.path.join(self._dir, key[:2], key + ".json")

    def get(self, key: str, path: str) -> Any:
        """The result remembered under ``key`` for ``path`` (from the pack when it holds it), or None."""
        obj = self._pack.get(key) if self._pack is not None else None
        if obj is None:
            try:
                blob = _read_limited(self._entry_path(key), MAX_ENTRY_BYTES) if self.usable() else None
                if blob is None:
                    return None
                obj = json.loads(blob)
            except (OSError, ValueError):
                return None  # missing or corrupt: lint again
        if not isinstance(obj, dict) or obj.get("key") != key:
            return None
        result = _result(obj, path)
        if result is not None and self._used is not None:
            self._used[key] = obj
        return result

    def put(self, key: str, result: Any) -> None:
        obj = _entry_obj(key, result)
        self._write(self._entry(key), obj)
        self.used(key, result, obj)

    # -- the pack: the entries of a run of many files, in one file ------------------
    def start_batch(self, n_files: int) -> None:
        """A run of ``n_files`` files begins: from :data:`PACK_FROM` to :data:`PACK_UP_TO` files,
        read and write the pack."""
        if not PACK_FROM <= n_files <= PACK_UP_TO or self._used is not None:
            return
        self._used = {}
        try:
            blob = _read_limited(os.path.join(self._dir, PACK), MAX_PACK_BYTES) if self.usable() else None
            if blob is None:
                return
            obj = json.loads(blob)
            entries = obj["entries"]
            if obj.get("format") == FORMAT and isinstance(entries, dict):
                self._pack = entries
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def used(self, key: str | None, result: Any, obj: Any = None) -> None:
        """Remember that this run's result of a file is the entry ``key`` (linted here or by a worker)."""
        if self._used is None or key is None or result.error is not None or key in self._used:
            return
        self._used[key] = obj if obj is not None else _entry_obj(key, result)

    def save(self) -> None:
        """Save what the next run needs: the file index, and the pack when this run used one."""
        self.save_index()
        used, pack = self._used, self._pack
        if used and (pack is None or used.keys() != pack.keys()):
            self._write(Path(self._dir) / PACK, {"format": FORMAT, "entries": used})
            self._pack = used
        self._used = None if used is None else {}

    def _write(self, target: Path, obj: Any) -> None:
        """Write ``obj`` as JSON to ``target`` atomically; a disk error only costs the speed-up."""
        import tempfile

        if not self.usable():
            return  # a linked or foreign cache folder is never written into
        try:
            self._ensure_root()
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(obj, fh, ensure_ascii=False)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return  # a read-only or full disk only costs the speed-up

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("# created by notice-lint\n*\n", encoding="utf-8")
            (self.root / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# notice-lint result cache\n", encoding="utf-8"
            )


def _plugin_modules() -> list[str]:
    """Top-level modules named by the ``notice_lint`` entry points (found without importing them)."""
    from .entrypoints import GROUP, scan

    found = scan(GROUP)
    if found is None:  # sys.path this scan cannot read: the registry's own modules count instead
        return []
    return sorted({ep.value.split(":", 1)[0].split(".", 1)[0].strip() for ep in found})


def _add_module(module: str, roots: set[Path], files: set[Path]) -> None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return
    if spec is None:
        return
    if spec.submodule_search_locations:
        roots.update(Path(p).resolve() for p in spec.submodule_search_locations)
    elif spec.origin and spec.has_location:
        files.add(Path(spec.origin).resolve())


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": int(f.severity),
        "paragraph": f.paragraph,
        "start": f.start,
        "end": f.end,
        "vi": f.message_vi,
        "en": f.message_en,
        "fix": None
        if f.fix is None
        else {"safe": f.fix.safe, "edits": [_edit_list(e) for e in f.fix.edits]},
        "pos": [f.line, f.column, f.end_line, f.end_column],
    }


def _entry_obj(key: str, result: Any) -> dict[str, Any]:
    return {
        "key": key,
        "profile": result.profile,
        "evidence": result.evidence,
        "kind": result.kind,
        "findings": [_finding_dict(f) for f in result.findings],
        **({"capped": result.capped} if result.capped else {}),  # findings past the cap (runner)
    }


def _result(obj: dict[str, Any], path: str) -> Any:
    """The FileResult an entry holds, or None when it is not one (a damaged or foreign file)."""
    from .runner import FileResult

    try:
        return FileResult(
            path=path,
            findings=[_finding(d) for d in obj["findings"]],
            profile=obj["profile"],
            evidence=list(obj["evidence"]),
            kind=obj["kind"],
            capped={str(k): int(v) for k, v in obj.get("capped", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _edit_list(e: Any) -> list[Any]:
    """An edit as a JSON list: ``[paragraph, start, end, replacement]``, or a formatting edit tagged "fmt"."""
    if isinstance(e, Edit):
        return [e.paragraph, e.start, e.end, e.replacement]
    return ["fmt", e.scope, e.paragraph, e.start, e.end, [[k, v] for k, v in e.props], e.section, e.note_vi, e.note_en]


def _edit(d: list[Any]) -> Any:
    if d and d[0] == "fmt":
        _, scope, para, start, end, props, section, vi, en = d
        return FormatEdit(str(scope), int(para), int(start), int(end), tuple((str(k), v) for k, v in props),
                          int(section), str(vi), str(en))
    p, s, e, r = d
    return Edit(int(p), int(s), int(e), str(r))


def _finding(d: dict[str, Any]) -> Finding:
    fix = None
    if d["fix"] is not None:
        fix = Fix(tuple(_edit(e) for e in d["fix"]["edits"]), bool(d["fix"]["safe"]))
    line, column, end_line, end_column = (int(v) for v in d["pos"])
    return Finding(
        code=str(d["code"]),
        name=str(d["name"]),
        severity=Severity(int(d["severity"])),
        paragraph=int(d["paragraph"]),
        start=int(d["start"]),
        end=int(d["end"]),
        message_vi=str(d["vi"]),
        message_en=str(d["en"]),
        fix=fix,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


def lint_one(linter: Any, path: str, cache: Cache | None) -> Any:
    """Lint ``path`` through the cache (``cache`` None: no cache)."""
    return lint_keyed(linter, path, cache)[0]


def lint_keyed(linter: Any, path: str, cache: Cache | None) -> tuple[Any, str | None]:
    """:func:`lint_one`, and the cache key of the bytes it linted (None: not cacheable)."""
    if cache is None:
        return linter.lint_file(path), None
    from .document import _read_bytes

    try:
        st = os.stat(path)
        data = _read_bytes(Path(path))
    except (OSError, InputError):
        return linter.lint_file(path), None  # the same error, reported the usual way
    key = cache.key(linter, path, data, st)
    if key is not None:
        hit = cache.get(key, path)
        if hit is not None:
            return hit, key
    result = linter.lint_file(path, data=data)
    if key is not None and result.error is None:
        cache.put(key, result)
        return result, key
    return result, None
