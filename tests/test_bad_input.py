"""Bad input never crashes the linter and never costs the user a document.

One run of the real command over every case of ``tests/badinput.py`` plus
two good notices: every bad file gets exactly one line on stderr (its name,
what is wrong, what to do), the good ones are still linted, the exit code is
2, nothing leaks, nothing is fetched, time and memory stay bounded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from badinput import SECRET, make_bad_corpus, write_external_dtd_cases  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "fixtures" / "docx" / "state-notice-ok.docx"
WITH_FINDINGS = ROOT / "fixtures" / "docx" / "state-notice-number-typos.docx"

# words that say what to do, in each language
ADVICE = {
    "vi": re.compile(r"\bhãy\b|không mở tệp"),
    "en": re.compile(r"\b(save|open|check|split|remove|fix|give|get|lint|name|do not|please)\b"),
}


def run_cli(args: list[str], cwd: Path, timeout: float = 180, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "notice_lint", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, **kwargs,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file a user owns in ``folder`` (the linter's own result cache is not theirs)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if ".notice_lint_cache" in p.parts:
            continue
        if p.is_symlink() or not p.is_file():
            out[str(p)] = "link" if p.is_symlink() else "dir"
            continue
        h = hashlib.sha256()
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        out[str(p)] = f"{p.stat().st_mtime_ns}:{h.hexdigest()}"
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    cases = make_bad_corpus(folder, GOOD)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    write_external_dtd_cases(folder, listener.getsockname()[1])
    shutil.copy(GOOD, folder / "good.docx")
    shutil.copy(WITH_FINDINGS, folder / "typos.docx")
    yield folder, cases, listener
    listener.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_bad_input_gets_one_clean_line(corpus, lang):
    folder, cases, listener = corpus
    names = [c.name for c in cases]
    before = snapshot(folder)
    args = ["--format", "json", "--lang", lang, "good.docx", *names, "typos.docx"]
    start = time.monotonic()
    proc = run_cli(args, folder)
    elapsed = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert "internal error" not in proc.stderr
    lines = proc.stderr.splitlines()
    report = []
    for name in names:
        mine = [line for line in lines if line.startswith(f"{name}: ")]
        report.append((name, len(mine)))
        assert len(mine) == 1, f"{name}: {len(mine)} lines on stderr: {mine}"
        message = mine[0][len(name) + 2 :]
        assert ADVICE[lang].search(message), f"{name}: no advice in {message!r}"
        vietnamese = re.search(r"[ạảãáàâấầẩẫậăắằẳẵặđệểễếềóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựíìỉĩịýỳỷỹỵ]", message)
        assert bool(vietnamese) == (lang == "vi"), message
    assert len(lines) == len(names), "\n".join(lines)
    assert proc.returncode == 2
    # the good files were linted all the same
    findings = json.loads(proc.stdout)
    assert {f["path"] for f in findings} == {"typos.docx"}
    assert {"NL111", "NL201"} <= {f["code"] for f in findings}
    # nothing leaked, nothing fetched, nothing written, bounded cost
    assert SECRET not in proc.stdout and SECRET not in proc.stderr
    with pytest.raises(BlockingIOError):
        listener.accept()
    assert snapshot(folder) == before
    assert elapsed < 60, f"the run took {elapsed:.1f} s"
    assert peak_mb < 600, f"peak RSS {peak_mb:.0f} MB"


def test_each_case_alone_exits_2(corpus):
    """Exit code 2 comes from the bad file itself, not from the company it keeps."""
    folder, cases, _ = corpus
    quick = [c.name for c in cases if not c.name.startswith(("bomb", "many", "huge"))][:12]
    for name in quick:
        proc = run_cli([name], folder, timeout=60)
        assert proc.returncode == 2, (name, proc.stderr)
        assert len(proc.stderr.splitlines()) == 1, (name, proc.stderr)


def test_lock_files_are_skipped_when_recursing_and_links_are_not_followed(tmp_path):
    inside = tmp_path / "drafts"
    outside = tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    shutil.copy(GOOD, inside / "draft.docx")
    (inside / "~$draft.docx").write_bytes(b"\x05Admin" + b" " * 100)
    shutil.copy(WITH_FINDINGS, outside / "secret-notice.docx")
    os.symlink(outside, inside / "linked-folder")
    os.symlink(outside / "secret-notice.docx", inside / "linked-file.docx")
    os.symlink(inside / "draft.docx", inside / "alias.docx")  # a link inside the folder is fine
    os.symlink(tmp_path / "nothing.docx", inside / "broken.docx")
    before = snapshot(tmp_path)
    proc = run_cli(["--format", "json", "drafts"], tmp_path, timeout=60)
    assert "secret-notice" not in proc.stdout + proc.stderr
    assert "~$" not in proc.stdout + proc.stderr
    assert proc.stderr.splitlines() == [
        f"{os.path.join('drafts', 'broken.docx')}: liên kết tượng trưng trỏ tới tệp không tồn tại; hãy sửa hoặc xoá liên kết"
    ]
    assert proc.returncode == 2
    assert json.loads(proc.stdout) == []
    assert snapshot(tmp_path) == before


# Run the command as user 'nobody' when the tests run as root (root reads
# everything): the interpreter, the package and every lazy import are loaded
# by linting a good file first, then the process drops its privileges.
_AS_NOBODY = """
import os, sys
from notice_lint.runner import Linter, Options
Linter(Options()).lint_file(sys.argv[1])
import notice_lint.cli, notice_lint.reporters.text, notice_lint.reporters.json, notice_lint.parallel, notice_lint.cache, hashlib, json, tempfile
os.setgid(65534)
os.setuid(65534)
sys.argv = ["notice-lint", *sys.argv[2:]]
notice_lint.cli.main()
"""


def test_unreadable_file_and_folder(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="nl-perm-"))
    os.chmod(base, 0o755)
    try:
        shutil.copy(GOOD, base / "locked.docx")
        os.chmod(base / "locked.docx", 0o000)
        (base / "locked-folder").mkdir()
        shutil.copy(GOOD, base / "locked-folder" / "inner.docx")
        os.chmod(base / "locked-folder", 0o000)
        shutil.copy(GOOD, base / "open.docx")
        os.chmod(base / "open.docx", 0o644)
        args = ["locked.docx", "open.docx", str(base)]
        if os.geteuid() == 0:
            cmd = [sys.executable, "-c", _AS_NOBODY, str(base / "open.docx"), *args]
        else:
            cmd = [sys.executable, "-m", "notice_lint", *args]
        proc = subprocess.run(cmd, cwd=base, capture_output=True, text=True, timeout=60)
        if os.geteuid() == 0 and "Traceback" in proc.stderr and "PermissionError" in proc.stderr:
            pytest.skip("as root, and the unprivileged user cannot load this checkout")
        lines = proc.stderr.splitlines()
        assert "Traceback" not in proc.stderr, proc.stderr
        assert [l for l in lines if l.startswith("locked.docx: ")] == [
            "locked.docx: không có quyền đọc tệp; hãy xin quyền đọc hoặc sao chép tệp sang thư mục của mình"
        ]
        assert any(l.startswith(str(base / "locked-folder") + ": không có quyền đọc thư mục") for l in lines), lines
        assert not any("open.docx" in l for l in lines), lines
        assert len(lines) == 2, lines  # locked.docx (given, and met again when recursing: once), and the folder
        assert proc.returncode == 2
    finally:
        for p in (base / "locked-folder", base / "locked.docx"):
            if p.exists():
                os.chmod(p, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_console_that_cannot_show_vietnamese(tmp_path):
    """A latin-1 console gets escaped messages, never an internal error that hides the report."""
    shutil.copy(WITH_FINDINGS, tmp_path / "typos.docx")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    proc = subprocess.run(
        [sys.executable, "-m", "notice_lint", "typos.docx", "missing.docx"],
        cwd=tmp_path, capture_output=True, timeout=60, env=env,
    )
    out, err = proc.stdout.decode("latin-1"), proc.stderr.decode("latin-1")
    assert "internal error" not in err and "Traceback" not in err
    assert "typos.docx:5:3: NL111" in out
    assert err.startswith("missing.docx: ") and len(err.splitlines()) == 1
    assert proc.returncode == 2


def test_file_name_with_a_line_break_stays_one_line(tmp_path):
    (tmp_path / "bad\nname.docx").write_bytes(b"not a zip")
    proc = run_cli(["bad\nname.docx"], tmp_path, timeout=60)
    assert proc.stderr.splitlines() == [
        "bad\\nname.docx: tệp không phải .docx (không phải tệp nén zip); hãy mở bằng Word và lưu lại dạng .docx"
    ]
    assert proc.returncode == 2
