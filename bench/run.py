"""Benchmark notice-lint against a parse floor, python-docx and textlint.

    python bench/run.py [--quick] [--files N] [--record bench/RESULTS.md] [--no-textlint]

Generates its own documents with python-docx (``fixtures/build/notice.py``):
a 2-page notice, a 20-page report, a 200-page compilation and a tree of
mixed notices (1,000 by default), then prints one table.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from fixtures.build.notice import DEFAULT_PARTY, DEFAULT_STATE, build_notice, spec  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TODAY = dt.date(2026, 11, 23)
CHARS_PER_PAGE = 1800  # A4, 14 pt Times New Roman, the margins of NĐ 30

# -- documents ---------------------------------------------------------------------

SUBJECTS = [
    "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Văn phòng Sở", "Phòng Quản lý khoa học", "Ủy ban nhân dân các huyện",
    "Trung tâm Công nghệ thông tin", "Ban Quản lý dự án", "các phòng, đơn vị thuộc Sở", "Thanh tra Sở",
]
VERBS = [
    "chủ trì, phối hợp với", "khẩn trương rà soát, tổng hợp và báo cáo", "hướng dẫn, kiểm tra, đôn đốc",
    "tham mưu cho Giám đốc Sở về", "bố trí kinh phí để thực hiện", "theo dõi, tổng hợp kết quả triển khai",
]
OBJECTS = [
    "kế hoạch chuyển đổi số năm 2025", "danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh",
    "công tác cải cách hành chính trong lĩnh vực được giao", "hồ sơ đề nghị thanh quyết toán kinh phí",
    "việc triển khai hệ thống quản lý văn bản và điều hành", "các chỉ tiêu phát triển kinh tế - xã hội",
    "báo cáo sơ kết 6 tháng đầu năm", "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
]
TAILS = [
    "bảo đảm đúng quy định, báo cáo kết quả về Văn phòng Sở trước ngày 15 hằng tháng",
    "kịp thời báo cáo những khó khăn, vướng mắc phát sinh để xem xét, giải quyết",
    "phối hợp chặt chẽ với các cơ quan liên quan trong quá trình thực hiện",
    "gửi kết quả về Sở trước ngày 30 tháng 6 năm 2025 để tổng hợp",
]


def body_lines(rnd: random.Random, pages: float, typos: list[dict]) -> list[str]:
    """A body of about ``pages`` pages: sections, numbered items, bullets, long paragraphs."""
    out: list[str] = []
    size = 0
    section = 0
    item = 0
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    while size < pages * CHARS_PER_PAGE - 700:
        if not out or rnd.random() < 0.06:
            section += 1
            item = 0
            head = rnd.choice(["TÌNH HÌNH THỰC HIỆN", "NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN", "ĐÁNH GIÁ CHUNG"])
            line = f"{romans[(section - 1) % 10]}. {head}"
        elif rnd.random() < 0.2:
            item += 1
            line = f"{item}. {rnd.choice(SUBJECTS)}"
        elif rnd.random() < 0.3:
            line = f"- {rnd.choice(VERBS).capitalize()} {rnd.choice(OBJECTS)};"
        else:
            sentences = [
                f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}, {rnd.choice(TAILS)}"
                for _ in range(rnd.randint(1, 3))
            ]
            line = ". ".join(s[0].upper() + s[1:] for s in sentences) + "."
        if typos and rnd.random() < 0.03:
            t = rnd.choice(typos)
            line = line.rstrip(".;") + f", trong đó có khoản {t['wrong']} cần xử lý."
        out.append(line)
        size += max(len(line), 80)
    out.append("Văn phòng Sở thông báo để các phòng, đơn vị biết và thực hiện./.")
    return out


def make_docs(work: Path, n_files: int, typos: list[dict]) -> dict[str, Path]:
    rnd = random.Random(2025)
    docs = {}
    for name, pages in (("notice-2p", 2), ("report-20p", 20), ("compilation-200p", 200)):
        path = work / f"{name}.docx"
        build_notice(spec(DEFAULT_STATE, body=body_lines(rnd, pages, typos)), path)
        docs[name] = path
    docs["tree"] = make_tree(work / "tree", n_files, rnd, typos)
    return docs


def make_tree(folder: Path, n: int, rnd: random.Random, typos: list[dict]) -> Path:
    """``n`` notices in folders of 50: a few python-docx bases, varied file by file."""
    bases = []
    for k in range(12):
        base = DEFAULT_PARTY if k % 3 == 2 else DEFAULT_STATE
        over = {"body": body_lines(rnd, rnd.choice([1, 1.5, 2, 3]), typos)}
        if k % 4 == 1:
            over["number"] = base["number"].replace(":", "")  # a defect
        tmp = folder / f"_base{k}.docx"
        build_notice(spec(base, **over), tmp)
        bases.append(tmp.read_bytes())
        tmp.unlink()
    for i in range(n):
        sub = folder / f"don-vi-{i // 50:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"thong-bao-{i:04d}.docx").write_bytes(vary(bases[i % len(bases)], i))
    return folder


def vary(docx: bytes, i: int) -> bytes:
    """Another notice from a base: its own number, date and a word or two."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = blob.decode("utf-8")
                text = re.sub(r"Số:? (\d+)", lambda m: m.group(0).replace(m.group(1), str(i % 300 + 1)), text, count=1)
                text = text.replace("ngày 25 tháng 3", f"ngày {i % 28 + 1} tháng {i % 12 + 1}", 1)
                text = text.replace("giao ban", ["giao ban", "sơ kết", "kiểm tra", "làm việc"][i % 4], 1)
                blob = text.encode("utf-8")
            out.writestr(info, blob)
    return buf.getvalue()


def export_texts(tree: Path, out: Path) -> Path:
    """The same notices as .txt (one paragraph a line), for textlint and notice-lint alike."""
    from notice_lint.document import read_document

    for p in sorted(tree.rglob("*.docx")):
        doc = read_document(p)
        target = out / p.relative_to(tree).with_suffix(".txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(par.text for par in doc.paragraphs) + "\n", encoding="utf-8")
    return out


# -- measurements ---------------------------------------------------------------------


def timed(fn, repeat: int) -> float:
    """Median CPU seconds of ``repeat`` calls (after one warm-up call).

    CPU time, not wall time: in-process figures then hold on a busy machine.
    """
    fn()
    runs = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        runs.append(time.process_time() - t)
    return statistics.median(runs)


def floor_read(path: Path) -> int:
    """The parse floor: unzip, parse document.xml with lxml, join the text of every paragraph."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    n = 0
    for p in root.iter(W + "p"):
        n += len("".join(t.text or "" for t in p.iter(W + "t")))
    return n


def python_docx_read(path: Path) -> int:
    import docx

    d = docx.Document(str(path))
    n = sum(len(p.text) for p in d.paragraphs)
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                n += sum(len(p.text) for p in cell.paragraphs)
    return n


def lint_in_process(linter, path: Path) -> int:
    result = linter.lint_file(str(path))
    if result.error is not None:
        raise SystemExit(f"bench: {path}: {result.error.en}")
    return len(result.findings)


def cli_path() -> list[str]:
    exe = Path(sys.executable).with_name("notice-lint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "notice_lint"]


CPU_OF_LAST = {"cpu": 0.0}


def run_process(cmd: list[str], cwd: Path | None = None) -> float:
    """Wall seconds of one process; its CPU seconds (user+sys) go to CPU_OF_LAST."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_OF_LAST["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


def process_time(cmd: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float]:
    """Median wall and median CPU seconds of ``repeat`` runs (after one run that warms the disk cache)."""
    run_process(cmd, cwd)
    walls, cpus = [], []
    for _ in range(repeat):
        walls.append(run_process(cmd, cwd))
        cpus.append(CPU_OF_LAST["cpu"])
    return statistics.median(walls), statistics.median(cpus)


def timed_run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one process."""
    return run_process(cmd, cwd), CPU_OF_LAST["cpu"]


def byte_compile() -> None:
    """Write the .pyc files a pip install writes (this checkout may run with PYTHONDONTWRITEBYTECODE)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src"), str(ROOT / "rules")],
                   env=env, stdout=subprocess.DEVNULL, check=False)


PEAK_RSS = """
import resource, sys, datetime
from notice_lint.runner import Linter, Options
r = Linter(Options(select=["ALL"], today=datetime.date(2026, 11, 23))).lint_file(sys.argv[1])
assert r.error is None, r.error
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def cli_options() -> str:
    return subprocess.run([*cli_path(), "--help"], capture_output=True, text=True).stdout


def clear_caches(*folders: Path) -> None:
    for folder in folders:
        for p in folder.rglob(".notice_lint_cache"):
            shutil.rmtree(p, ignore_errors=True)
        for p in folder.glob(".notice_lint_cache"):
            shutil.rmtree(p, ignore_errors=True)


def tree_runs(tree: Path, work: Path, repeat: int = 3) -> dict[str, float | None]:
    """1,000 files as one process: --jobs 1/2, without and with the cache (n/a when absent)."""
    helptext = cli_options()
    has_jobs = "--jobs" in helptext
    cache_dir = work / "cache"
    cache_args: list[str] | None = None
    no_cache: list[str] = []
    if "--no-cache" in helptext:
        no_cache = ["--no-cache"]
        cache_args = ["--cache-dir", str(cache_dir)] if "--cache-dir" in helptext else []
    elif re.search(r"--cache\b", helptext):
        cache_args = ["--cache"] + (["--cache-dir", str(cache_dir)] if "--cache-dir" in helptext else [])
    base = [*cli_path(), "--format", "json", "--today", TODAY.isoformat()]
    out: dict[str, tuple[float, float] | None] = {"jobs1": None, "jobs2": None, "cold": None, "warm": None}
    clear_caches(tree, work)
    shutil.rmtree(cache_dir, ignore_errors=True)
    if has_jobs:
        run_process([*base, *no_cache, "--jobs", "1", str(tree)], work)  # disk cache warm
        out["jobs1"] = median_run([*base, *no_cache, "--jobs", "1", str(tree)], work, repeat)
        out["jobs2"] = median_run([*base, *no_cache, "--jobs", "2", str(tree)], work, repeat)
    else:
        run_process([*base, str(tree)], work)  # disk cache warm
        out["jobs1"] = median_run([*base, str(tree)], work, repeat)
    if cache_args is not None:
        jobs = ["--jobs", "2"] if has_jobs else []
        colds, warms = [], []
        for _ in range(repeat):  # each round: an empty cache, then a re-run
            clear_caches(tree, work)
            shutil.rmtree(cache_dir, ignore_errors=True)
            colds.append(timed_run([*base, *cache_args, *jobs, str(tree)], work))
            warms.append(timed_run([*base, *cache_args, *jobs, str(tree)], work))
        out["cold"], out["warm"] = _median_pair(colds), _median_pair(warms)
        clear_caches(tree, work)
        shutil.rmtree(cache_dir, ignore_errors=True)
    return out


def _median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def median_run(cmd: list[str], cwd: Path | None, repeat: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds of ``repeat`` runs of a long command (one run is at the mercy of a busy machine)."""
    return _median_pair([timed_run(cmd, cwd) for _ in range(repeat)])


# -- textlint --------------------------------------------------------------------------


def prh_yaml(typos: list[dict]) -> str:
    lines = ["version: 1", "rules:"]
    for t in typos:
        wrong, right = t["wrong"], t["right"]
        lines.append(f"  - expected: {_yaml_str(right)}")
        lines.append(f"    pattern: {_yaml_str(wrong)}")
    return "\n".join(lines) + "\n"


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def install_textlint(folder: Path) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    exe = folder / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        folder.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder),
             "textlint", "textlint-rule-prh"],
            capture_output=True, text=True,
        )
        if proc.returncode != 0 or not exe.exists():
            print(f"bench: npm install failed: {proc.stderr.strip()[:300]}", file=sys.stderr)
            return None
    return exe


def textlint_runs(exe: Path, folder: Path, typos: list[dict], one_txt: Path, texts: Path, repeat: int,
                  tree_repeat: int = 3) -> dict:
    rc = folder / ".textlintrc.json"
    (folder / "prh.yml").write_text(prh_yaml(typos), encoding="utf-8")
    rc.write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}' % (folder / "prh.yml"), encoding="utf-8")
    cmd = [str(exe), "--config", str(rc)]
    # it must really find the typos: one planted line
    probe = folder / "probe.txt"
    probe.write_text(f"Bảo đảm {typos[0]['wrong']} cho các hoạt động.\n", encoding="utf-8")
    check = subprocess.run([*cmd, str(probe)], capture_output=True, text=True)
    if typos[0]["right"] not in check.stdout:
        print(f"bench: textlint did not report the planted typo:\n{check.stdout}{check.stderr}", file=sys.stderr)
    one = process_time([*cmd, str(one_txt)], repeat)
    files = sorted(str(p) for p in texts.rglob("*.txt"))
    run_process([*cmd, *files])  # disk cache warm
    return {"one": one, "tree": median_run([*cmd, *files], None, tree_repeat)}


# -- report ----------------------------------------------------------------------------


def fmt_s(v: float | None | tuple) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, tuple):  # (wall, cpu)
        return f"{fmt_s(v[0])} (CPU {fmt_s(v[1])})"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def wall(v: float | tuple | None) -> float | None:
    return v[0] if isinstance(v, tuple) else v


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def verdict(value: float | None, ok) -> str:
    if value is None:
        return "n/a"
    return "ok" if ok(value) else "MISSED"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="200 files, fewer repeats (about a minute)")
    ap.add_argument("--files", type=int, default=None, help="files in the tree (default 1000, --quick 200)")
    ap.add_argument("--no-textlint", action="store_true", help="skip textlint even when npm is present")
    ap.add_argument("--textlint-dir", type=Path, default=None, help="reuse this npm folder for textlint")
    ap.add_argument("--record", type=Path, default=None, help="write the table to this Markdown file")
    ap.add_argument("--keep", type=Path, default=None, help="generate into this folder and keep it")
    args = ap.parse_args(argv)
    n_files = args.files or (200 if args.quick else 1000)
    repeat = 3 if args.quick else 7

    typos = tomllib.loads((ROOT / "rules" / "data" / "typos.toml").read_text(encoding="utf-8"))["typo"]
    work = args.keep or Path(tempfile.mkdtemp(prefix="notice-lint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        print(f"bench: generating documents in {work} …", file=sys.stderr)
        docs = make_docs(work, n_files, typos)
        texts = export_texts(docs["tree"], work / "texts")
        one_txt = work / "notice-2p.txt"
        from notice_lint.document import read_document
        from notice_lint.runner import Linter, Options

        one_txt.write_text(
            "\n".join(p.text for p in read_document(docs["notice-2p"]).paragraphs) + "\n", encoding="utf-8"
        )
        byte_compile()
        linter = Linter(Options(select=["ALL"], today=TODAY))
        per_doc = {}
        for name in ("notice-2p", "report-20p", "compilation-200p"):
            path = docs[name]
            r = max(3, repeat // (2 if "200p" in name else 1))
            per_doc[name] = {
                "paragraphs": len(read_document(path).paragraphs),
                "kb": path.stat().st_size / 1024,
                "floor": timed(lambda: floor_read(path), r),
                "reader": timed(lambda: read_document(path), r),
                "python-docx": timed(lambda: python_docx_read(path), r),
                "lint": timed(lambda: lint_in_process(linter, path), r),
            }
            print(f"bench: {name} done", file=sys.stderr)
        bare = process_time([sys.executable, "-c", "pass"], repeat)
        version = process_time([*cli_path(), "--version"], repeat)
        # lint work, not the result cache: the cache is measured on its own (tree runs, "re-run" line)
        fresh = ["--no-cache"] if "--no-cache" in cli_options() else []
        one_file = process_time([*cli_path(), *fresh, "--today", TODAY.isoformat(), str(docs["notice-2p"])], repeat)
        one_cached = None
        if fresh:
            clear_caches(work)
            one_cached = process_time([*cli_path(), "--today", TODAY.isoformat(), str(docs["notice-2p"])], repeat,
                                      cwd=work)
            clear_caches(work)
        rss = peak_rss_mb(docs["compilation-200p"])
        tree_repeat = 1 if args.quick else 3
        tree = tree_runs(docs["tree"], work, tree_repeat)
        print("bench: tree done", file=sys.stderr)
        nl_txt_one = process_time([*cli_path(), *fresh, "--today", TODAY.isoformat(), str(one_txt)], repeat)
        run_process([*cli_path(), *fresh, "--format", "json", "--today", TODAY.isoformat(), str(texts)])  # disk warm
        nl_txt_tree = median_run([*cli_path(), *fresh, "--format", "json", "--today", TODAY.isoformat(), str(texts)],
                                 None, tree_repeat)
        textlint = None
        textlint_note = ""
        if args.no_textlint:
            textlint_note = "skipped (--no-textlint)"
        else:
            exe = install_textlint(args.textlint_dir or work / "textlint")
            if exe is None:
                textlint_note = "skipped: npm is not installed (or the install failed)"
            else:
                textlint = textlint_runs(exe, exe.parents[2], typos, one_txt, texts, repeat, tree_repeat)
        if textlint_note:
            print(f"bench: textlint {textlint_note}", file=sys.stderr)

        rows = table_rows(per_doc, bare, version, one_file, one_cached, rss, tree, n_files, nl_txt_one,
                          nl_txt_tree, textlint, textlint_note)
        table = render(rows)
        machine = machine_line()
        print(table)
        print(machine)
        total = time.perf_counter() - started
        print(f"(benchmark took {total:.0f} s)", file=sys.stderr)
        if args.record:
            # sections written by other measurements (``## ...``, e.g. bench/lm_eval.py) are kept
            old = args.record.read_text(encoding="utf-8") if args.record.is_file() else ""
            kept = old[old.index("\n## ") :] if "\n## " in old else ""
            args.record.write_text(
                "# Benchmark results\n\n"
                f"Last run: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
                f"`python bench/run.py{' --quick' if args.quick else ''}`"
                f" ({n_files} files, {len(typos)} typo entries exported to prh), {total:.0f} s.\n\n"
                f"Machine: {machine}; load average before the run {LOAD_BEFORE}.\n\n"
                "In-process figures are CPU time (median); process figures are wall time (median), with the\n"
                "process's CPU time in brackets.  See bench/README.md for what each line measures.\n\n"
                f"{table}\n" + kept,
                encoding="utf-8",
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


LOAD_BEFORE = "%.2f %.2f %.2f" % os.getloadavg()


def table_rows(per_doc, bare, version, one_file, one_cached, rss, tree, n_files, nl_txt_one, nl_txt_tree, textlint,
               note):
    rows: list[tuple[str, str, str, str]] = []
    for name, d in per_doc.items():
        label = f"{name} ({d['paragraphs']} paragraphs, {d['kb']:.0f} KB)"
        rows.append((f"parse floor (zipfile+lxml+walk), {label}", fmt_s(d["floor"]), "", ""))
        rows.append((f"notice-lint reader only, {label}", fmt_s(d["reader"]), "", ""))
        rows.append((f"python-docx Document()+text, {label}", fmt_s(d["python-docx"]), "", ""))
        rows.append((f"notice-lint in-process, all rules, {label}", fmt_s(d["lint"]), "", ""))
    for name, d in per_doc.items():
        r0 = ratio(d["reader"], d["floor"])
        rows.append((f"ratio reader / floor, {name}", f"{r0:.2f}×", "", ""))
        r1 = ratio(d["lint"], d["floor"])
        rows.append((f"ratio lint / floor, {name}", f"{r1:.2f}×", "≤ 1.5×", verdict(r1, lambda v: v <= 1.5)))
        r2 = ratio(d["python-docx"], d["lint"])
        rows.append((f"ratio python-docx / lint, {name}", f"{r2:.1f}×", "≥ 5×", verdict(r2, lambda v: v >= 5)))
    rows.append(("baseline: python -c pass (process)", fmt_s(bare), "", ""))
    rows.append(("cold start: notice-lint --version", fmt_s(version), "≤ 150 ms",
                 verdict(wall(version), lambda v: v <= 0.150)))
    rows.append(("cold start: notice-lint notice-2p.docx", fmt_s(one_file), "≤ 300 ms",
                 verdict(wall(one_file), lambda v: v <= 0.300)))
    if one_cached is not None:
        rows.append(("re-run: notice-lint notice-2p.docx, result cached", fmt_s(one_cached), "", ""))
    rows.append((f"{n_files} files, --jobs 1 (no cache)", fmt_s(tree["jobs1"]), "", ""))
    rows.append((f"{n_files} files, --jobs 2 (no cache)", fmt_s(tree["jobs2"]), "", ""))
    sp = ratio(wall(tree["jobs1"]), wall(tree["jobs2"]))
    rows.append(("speed-up --jobs 2 / --jobs 1", "n/a" if sp is None else f"{sp:.2f}×", "≥ 1.7×",
                 verdict(sp, lambda v: v >= 1.7)))
    rows.append((f"{n_files} files, cache cold", fmt_s(tree["cold"]), "", ""))
    rows.append((f"{n_files} files, cache warm (re-run)", fmt_s(tree["warm"]), "", ""))
    cr = ratio(wall(tree["warm"]), wall(tree["cold"]))
    rows.append(("cached re-run / cold", "n/a" if cr is None else f"{cr * 100:.0f} %", "≤ 10 %",
                 verdict(cr, lambda v: v <= 0.10)))
    rows.append(("peak RSS, compilation-200p (whole process)", f"{rss:.0f} MB", "≤ 150 MB",
                 verdict(rss, lambda v: v <= 150)))
    d20, d200 = per_doc["report-20p"], per_doc["compilation-200p"]
    tr = ratio(d200["lint"], d20["lint"])
    rows.append(("time 200-page / 20-page (in-process lint)", f"{tr:.1f}×", "≤ 12×", verdict(tr, lambda v: v <= 12)))
    rows.append(("notice-lint notice-2p.txt (process)", fmt_s(nl_txt_one), "", ""))
    rows.append((f"notice-lint {n_files} .txt (one process)", fmt_s(nl_txt_tree), "", ""))
    if textlint is not None:
        rows.append(("textlint+prh notice-2p.txt (process)", fmt_s(textlint["one"]), "", ""))
        rows.append((f"textlint+prh {n_files} .txt (one process)", fmt_s(textlint["tree"]), "", ""))
        t1 = ratio(wall(textlint["one"]), wall(nl_txt_one))
        rows.append(("ratio textlint / notice-lint, one file", f"{t1:.1f}×", "≥ 10×", verdict(t1, lambda v: v >= 10)))
        t2 = ratio(wall(textlint["tree"]), wall(nl_txt_tree))
        rows.append((f"ratio textlint / notice-lint, {n_files} files", f"{t2:.1f}×", "≥ 10×",
                     verdict(t2, lambda v: v >= 10)))
    else:
        rows.append(("textlint+prh", "n/a", "", note))
    return rows


def render(rows: list[tuple[str, str, str, str]]) -> str:
    head = ("measure", "value", "target", "")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *(line(r) for r in rows)])


def machine_line() -> str:
    import lxml

    try:
        from importlib.metadata import version

        pd = version("python-docx")
    except Exception:  # pragma: no cover
        pd = "?"
    return (
        f"nproc {os.cpu_count()}, Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, lxml {lxml.__version__}, python-docx {pd}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
