"""Batches: process pool in serial order, result cache, progress bar, pickling of results."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
from pathlib import Path

import pytest

from .eco_helpers import DRAFT, run, write
from notice_lint import parallel
from notice_lint.cache import CACHE_DIR, FORMAT, INDEX, PACK, PACK_FROM, Cache, cache_root, lint_one
from notice_lint.errors import ConfigError, InputError
from notice_lint.runner import Linter, Options

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "fixtures" / "docx"
TODAY = dt.date(2026, 11, 23)


def key(result) -> tuple:
    err = None if result.error is None else (type(result.error).__name__, result.error.vi, result.error.en)
    return (result.path, err, result.profile, result.kind, [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message_vi, f.message_en, f.severity, f.fix)
        for f in result.findings
    ])


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A folder of a dozen documents (text drafts, fixture .docx, one unreadable file); cwd = tmp_path."""
    monkeypatch.chdir(tmp_path)
    paths = []
    for k in range(6):
        text = DRAFT.replace("ngày 12", f"ngày {10 + k}") + ("Rà xoát lại.\n" * k)
        paths.append(str(write(tmp_path, f"docs/draft{k}.txt", text).relative_to(tmp_path)))
    for p in sorted(DOCX.glob("*.docx")):
        target = tmp_path / "docs" / p.name
        target.write_bytes(p.read_bytes())
        paths.append(str(target.relative_to(tmp_path)))
    (tmp_path / "docs" / "empty.md").write_bytes(b"")
    paths.append("docs/empty.md")
    return paths


def test_results_pickle() -> None:
    result = Linter(Options(today=TODAY)).lint_file(str(DOCX / "state-notice-number-typos.docx"))
    assert result.findings and any(f.fix for f in result.findings)
    assert key(pickle.loads(pickle.dumps(result))) == key(result)
    for err in (InputError("tệp rỗng", "empty"), ConfigError("sai khoá", "bad key")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and (back.vi, back.en) == (err.vi, err.en)


def test_pool_results_in_serial_order(tree: list[str]) -> None:
    linter = Linter(Options(today=TODAY))
    serial = [key(r) for r in parallel.lint_many(linter, tree, jobs=1)]
    pooled = [key(r) for r in parallel.lint_many(linter, tree, jobs=3)]
    assert pooled == serial
    assert [k[0] for k in serial] == tree
    assert serial[-1][1][0] == "InputError" and serial[-1][1][2].startswith("the file is empty")


def test_cli_jobs_gives_the_same_report(tree: list[str]) -> None:
    one = run("--no-cache", "--jobs", "1", "--format", "json", "docs")
    many = run("--no-cache", "--jobs", "3", "--format", "json", "docs")
    assert one.exit_code == many.exit_code == 2  # the empty file
    assert one.stdout == many.stdout and json.loads(one.stdout)


@pytest.mark.parametrize("n, workers", [(0, 2), (1, 2), (7, 2), (100, 2), (1000, 2), (1000, 8), (33, 3)])
def test_batches_keep_the_order_and_shrink_towards_the_end(n: int, workers: int) -> None:
    paths = [f"f{k}" for k in range(n)]
    cut = parallel.batches(paths, workers)
    assert [p for b in cut for p in b] == paths
    sizes = [len(b) for b in cut]
    assert all(1 <= s <= parallel.BATCH_MOST for s in sizes) and sizes == sorted(sizes, reverse=True)
    if n >= 100:
        assert sizes[0] == min(parallel.BATCH_MOST, n // (workers * 4)) and sizes[-workers:] == [1] * workers


def test_default_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cpu_count", lambda: 6)
    assert parallel.default_jobs(parallel.PARALLEL_FROM) == 1
    assert parallel.default_jobs(parallel.PARALLEL_FROM + 1) == 6


def test_pool_is_used_for_many_files(tree: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    used = []
    real = parallel._pooled
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_pooled", lambda *a: used.append(a[3]) or real(*a))
    list(parallel.lint_many(Linter(Options(today=TODAY)), tree))
    assert used == [2]
    list(parallel.lint_many(Linter(Options(today=TODAY)), tree[:3]))
    assert used == [2]  # three files: serial


# -- cache ----------------------------------------------------------------------


def _entries(root: Path) -> list[Path]:
    """The cached results (not the manifest of the installed rules, in ``rules/``, the file index or the pack)."""
    return [p for p in (root / CACHE_DIR).rglob("*.json") if p.parent.name != "rules" and p.name not in (INDEX, PACK)]


def test_second_run_only_reads_the_cache(tree: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = run("--jobs", "1", "--format", "json", "docs")
    assert len(_entries(tmp_path)) == len(tree) - 1  # not the unreadable file

    def boom(self, path, data=None):
        if Path(path).name != "empty.md":
            raise AssertionError(f"{path} linted again")
        return real(self, path, data)

    real = Linter.lint_file
    monkeypatch.setattr(Linter, "lint_file", boom)
    second = run("--jobs", "1", "--format", "json", "docs")
    assert second.stdout == first.stdout and second.exit_code == first.exit_code
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def _pack(root: Path) -> dict:
    return json.loads((root / CACHE_DIR / f"v{FORMAT}" / PACK).read_text(encoding="utf-8"))["entries"]


def _many(tmp_path: Path, n: int = PACK_FROM) -> None:
    """``n`` distinct text drafts in ``many/`` (cwd = tmp_path)."""
    for k in range(n):
        write(tmp_path, f"many/d{k:03}.txt", DRAFT.replace("ngày 12", f"ngày {1 + k % 28}") + "Rà xoát.\n" * (k % 3) + f"Mục {k}.\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_large_run_is_answered_from_the_pack(jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _many(tmp_path)
    first = run("--jobs", jobs, "--format", "json", "many")
    entries = _entries(tmp_path)
    pack = _pack(tmp_path)
    assert len(entries) == PACK_FROM and sorted(pack) == sorted(p.stem for p in entries)  # the workers' keys too
    for entry in entries:  # the next run must not need them
        entry.unlink()
    seen = _linted(monkeypatch)
    second = run("--jobs", jobs, "--format", "json", "many")
    assert seen == [] and second.stdout == first.stdout and second.exit_code == first.exit_code == 1


def test_the_pack_holds_what_the_last_large_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _many(tmp_path, PACK_FROM + 1)
    run("--jobs", "1", "many")
    before = _pack(tmp_path)
    write(tmp_path, "many/d000.txt", DRAFT + "Sửa đổi.\n")
    (tmp_path / "many" / "d001.txt").unlink()
    seen = _linted(monkeypatch)
    run("--jobs", "1", "many")
    after = _pack(tmp_path)
    assert seen == ["d000.txt"]
    assert len(after) == PACK_FROM and len(set(after) - set(before)) == 1  # the new d000, not the old nor d001


def test_a_small_run_neither_reads_nor_writes_the_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _many(tmp_path, 3)
    run("--jobs", "1", "many")
    assert not (tmp_path / CACHE_DIR / f"v{FORMAT}" / PACK).exists()


def test_a_run_beyond_the_pack_limit_reads_entries_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import notice_lint.cache as cache_mod

    monkeypatch.chdir(tmp_path)
    _many(tmp_path, PACK_FROM + 1)
    monkeypatch.setattr(cache_mod, "PACK_UP_TO", PACK_FROM)
    first = run("--jobs", "1", "--format", "json", "many")
    assert not (tmp_path / CACHE_DIR / f"v{FORMAT}" / PACK).exists() and len(_entries(tmp_path)) == PACK_FROM + 1
    assert run("--jobs", "1", "--format", "json", "many").stdout == first.stdout


def test_a_large_run_forgets_the_files_that_are_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _many(tmp_path, PACK_FROM + 2)
    write(tmp_path, "other/kept.txt", DRAFT)
    run("--jobs", "1", "many", "other")
    index = tmp_path / CACHE_DIR / f"v{FORMAT}" / INDEX
    before = set(json.loads(index.read_text(encoding="utf-8"))["files"])
    assert len(before) == PACK_FROM + 3
    (tmp_path / "many" / "d000.txt").unlink()
    (tmp_path / "many" / "d001.txt").rename(tmp_path / "d001.moved")
    run("--jobs", "1", "many/d002.txt")  # a small run forgets nothing
    assert set(json.loads(index.read_text(encoding="utf-8"))["files"]) == before
    run("--jobs", "1", "many")  # a large run of one folder: the other folder's file is kept
    after = set(json.loads(index.read_text(encoding="utf-8"))["files"])
    assert before - after == {os.path.abspath(tmp_path / "many" / n) for n in ("d000.txt", "d001.txt")}
    assert after < before


def test_a_damaged_pack_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _many(tmp_path)
    first = run("--jobs", "1", "--format", "json", "many")
    pack_file = tmp_path / CACHE_DIR / f"v{FORMAT}" / PACK
    entries = _pack(tmp_path)
    k0, k1 = sorted(entries)[:2]
    swapped = dict(entries, **{k0: entries[k1], k1: entries[k0]})  # each under the other's key
    broken = dict(entries, **{k0: {"key": k0, "findings": [{"code": 1}]}, k1: ["not", "an", "entry"]})
    for garbage in (b"", b"{\"format\": 3, \"entries\": []}", b"[1, 2]",
                    json.dumps({"format": FORMAT, "entries": swapped}).encode(),
                    json.dumps({"format": FORMAT, "entries": broken}).encode(),
                    json.dumps({"format": FORMAT + 1, "entries": {}}).encode()):
        pack_file.write_bytes(garbage)
        again = run("--jobs", "1", "--format", "json", "many")
        assert again.stdout == first.stdout


def _linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = Linter.lint_file
    monkeypatch.setattr(Linter, "lint_file", lambda self, path, data=None: seen.append(Path(path).name) or real(self, path, data))
    return seen


def test_cache_misses_on_content_config_and_selection(tree: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run("--jobs", "1", "docs")
    seen = _linted(monkeypatch)
    write(tmp_path, "docs/draft0.txt", DRAFT + "Kính phí.\n")
    run("--jobs", "1", "docs")
    assert seen == ["draft0.txt", "empty.md"]
    seen.clear()
    run("--jobs", "1", "--select", "NL2", "docs")
    assert len(seen) == len(tree)
    seen.clear()
    (tmp_path / ".notice-lint.toml").write_text('organ = "SKHCN"\n', encoding="utf-8")
    run("--jobs", "1", "docs")
    assert len(seen) == len(tree)
    seen.clear()
    run("--jobs", "1", "--no-cache", "docs")
    assert len(seen) == len(tree)


def test_no_cache_writes_nothing(tree: list[str], tmp_path: Path) -> None:
    run("--no-cache", "docs")
    assert not (tmp_path / CACHE_DIR).exists()


def test_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = str(write(tmp_path))
    linter = Linter(Options(today=TODAY))
    cache = Cache(tmp_path)
    good = lint_one(linter, path, cache)
    (entry,) = (tmp_path / CACHE_DIR).rglob("*.json")
    for garbage in (b"", b"{\"key\": 1", b"[]", json.dumps({"key": entry.stem, "findings": [{"code": 1}]}).encode()):
        entry.write_bytes(garbage)
        again = lint_one(linter, path, cache)
        assert key(again) == key(good)
        assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem


def test_cache_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import notice_lint.cache as cache_mod

    path = str(write(tmp_path))
    linter = Linter(Options(today=TODAY))

    def fail(*_a):
        raise OSError("disk full")

    monkeypatch.setattr(cache_mod.os, "replace", fail)
    result = lint_one(linter, path, Cache(tmp_path))
    assert result.findings
    assert [p.name for p in (tmp_path / CACHE_DIR).rglob("*") if p.is_file() and p.suffix == ".json"] == []


def test_cache_lives_beside_the_nearest_config(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / ".notice-lint.toml").write_text('lang = "vi"\n', encoding="utf-8")
    assert cache_root(project / "sub") == project.resolve()
    (tmp_path / "plain").mkdir()
    assert cache_root(tmp_path / "plain") == (tmp_path / "plain").resolve()


# -- progress bar -----------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import shutil
    import sys

    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((80, 24)))
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert parallel.show_progress(25) and not parallel.show_progress(24)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not parallel.show_progress(1000)


def test_progress_bar_drawn(tree: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    err = _Tty()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(parallel, "show_progress", lambda n: True)
    results = list(parallel.run_batch(Linter(Options(today=TODAY)), tree, jobs=1, use_cache=False))
    assert [r.path for r in results] == tree
    assert "notice-lint" in err.getvalue() and "100%" in err.getvalue()


def test_an_edited_rule_module_invalidates_the_cache() -> None:
    import os

    import notice_lint_rules.language.NL201 as rule_module

    linter = Linter(Options(today=TODAY))
    before = Cache(Path("unused")).key(linter, "a.txt", b"x")
    src = Path(rule_module.__file__)
    st = src.stat()
    try:
        os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert Cache(Path("unused")).key(linter, "a.txt", b"x") != before
    finally:
        os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert Cache(Path("unused")).key(linter, "a.txt", b"x") == before


def test_workers_fill_the_cache(tree: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run("--jobs", "2", "--format", "json", "docs")
    assert len(_entries(tmp_path)) == len(tree) - 1
    seen = _linted(monkeypatch)
    second = run("--jobs", "2", "--format", "json", "docs")
    assert seen == ["empty.md"] and second.stdout == first.stdout


# -- a run the cache answers imports no rule ----------------------------------------

_PROBE = (
    "import sys\n"
    "from notice_lint.cli import main\n"
    "try:\n    main()\n"
    "finally:\n"
    "    loaded = sorted(m for m in sys.modules if m.startswith(('notice_lint_rules', 'notice_lint.anatomy')))\n"
    "    print('IMPORTED', len(loaded), file=sys.stderr)\n"
)


def _probe(tmp_path: Path, *args: str):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", _PROBE, "--today", "2026-11-23", "--format", "json", *args],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
    )


def test_a_fully_cached_run_imports_no_rule_module(tmp_path: Path) -> None:
    write(tmp_path, "docs/a.txt", DRAFT + "Rà xoát lại.\n")
    write(tmp_path, "docs/b.txt", DRAFT)
    first = _probe(tmp_path, "docs")
    assert "IMPORTED 0" not in first.stderr and json.loads(first.stdout)
    assert list((tmp_path / CACHE_DIR).rglob("rules/*.json"))  # the manifest of the installed rules
    second = _probe(tmp_path, "docs")
    assert "IMPORTED 0" in second.stderr
    assert second.stdout == first.stdout and second.returncode == first.returncode == 1
    # the options are still checked against the installed rules' codes
    bad = _probe(tmp_path, "--select", "NL9", "docs")
    assert bad.returncode == 2 and "NL9" in bad.stderr
    # an edited file is linted: the rules are imported then
    write(tmp_path, "docs/b.txt", DRAFT + "Kính phí.\n")
    third = _probe(tmp_path, "docs")
    assert "IMPORTED 0" not in third.stderr and "NL201" in third.stdout


def test_a_damaged_manifest_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = Cache(tmp_path)
    assert cache.rules_manifest() is None
    linter = Linter(Options(today=TODAY))
    cache.remember_rules(linter)
    manifest = cache.rules_manifest()
    assert manifest is not None and manifest["codes"] == list(linter.registry)
    assert Linter(Options(today=TODAY), rules=manifest).codes == linter.codes
    (path,) = (tmp_path / CACHE_DIR).rglob("rules/*.json")
    for garbage in ("", "[]", '{"codes": [1], "config_keys": []}', json.dumps({**manifest, "fingerprint": "x"})):
        path.write_text(garbage, encoding="utf-8")
        assert Cache(tmp_path).rules_manifest() is None


# -- files unchanged since the last run are not read --------------------------------


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import builtins

    seen: list[str] = []
    real = builtins.open

    def spy(file, *a, **k):
        if "docs" in Path(str(file)).parts:
            seen.append(Path(str(file)).name)
        return real(file, *a, **k)

    monkeypatch.setattr(builtins, "open", spy)
    return seen


def _age(path: Path, seconds: int) -> None:
    import os

    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def test_unchanged_files_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = write(tmp_path, "docs/a.txt", DRAFT + "Rà xoát lại.\n")
    b = write(tmp_path, "docs/b.txt", DRAFT)
    for p in (a, b):
        _age(p, 60)  # written well before the index: trusted next time
    first = run("--jobs", "1", "--format", "json", "docs")
    assert (tmp_path / CACHE_DIR).rglob(INDEX)
    opened = _opened(monkeypatch)
    second = run("--jobs", "1", "--format", "json", "docs")
    assert opened == [] and second.stdout == first.stdout
    # an edited file is read again (its size and mtime changed)
    b.write_text(DRAFT.replace("ngày 12", "ngày 13") + "Kính phí.\n", encoding="utf-8")
    third = run("--jobs", "1", "--format", "json", "docs")
    assert opened == ["b.txt", "b.txt"] and "NL201" in third.stdout and third.stdout != second.stdout


def test_a_file_as_young_as_the_index_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "docs/a.txt", DRAFT)  # mtime = now: within the slack of the index written just after
    run("--jobs", "1", "docs")
    opened = _opened(monkeypatch)
    run("--jobs", "1", "docs")
    assert opened == ["a.txt"]


def test_a_damaged_index_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = write(tmp_path, "docs/a.txt", DRAFT + "Rà xoát lại.\n")
    _age(a, 60)
    first = run("--jobs", "1", "--format", "json", "docs")
    (index,) = (tmp_path / CACHE_DIR).rglob(INDEX)
    for garbage in ("", "[]", '{"written": "x", "files": {}}', '{"written": 1, "files": {"a": [1]}}'):
        index.write_text(garbage, encoding="utf-8")
        assert run("--jobs", "1", "--format", "json", "docs").stdout == first.stdout
