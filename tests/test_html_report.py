"""``--format html``: one self-contained page, hostile text escaped, highlights seen in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html import escape
from pathlib import Path

import pytest

from .docx_util import make_docx, p, r

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "fixtures" / "docx"
HOSTILE = '<script>alert("x")</script> Kính phí \'do\' ngân sách \u202eđảm bảo\u202c & "cấp".'


def lint_html(*args: str, cwd: Path) -> str:
    out = cwd / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "notice_lint", "--no-cache", "--format", "html", "-o", str(out), *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return out.read_text(encoding="utf-8")


def _hostile_docx(path: Path) -> Path:
    return make_docx(path, p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p(r(escape(HOSTILE, quote=False))))


def test_html_report_is_self_contained_and_escapes_hostile_text(tmp_path: Path) -> None:
    (tmp_path / "du-thao.txt").write_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" + HOSTILE + "\n", encoding="utf-8")
    _hostile_docx(tmp_path / "du-thao.docx")
    page = lint_html("--select", "NL201", "du-thao.txt", "du-thao.docx", cwd=tmp_path)
    assert page.startswith("<!DOCTYPE html>")
    # no script, no network, no other file
    assert "<script" not in page.lower() and "src=" not in page and "http://" not in page and "https://" not in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    # the document's own markup is text, its bidi override a visible token
    assert page.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") == 2
    assert "\u202e" not in page and "\u202c" not in page and page.count("U+202E") == 2
    # each finding highlighted on its exact text, the message on hover, the fix as ~~old~~ -> new, the number
    marks = re.findall(r'<mark class="sev-error fam-NL2" data-f="\d+" title="([^"]*)">([^<]*)</mark>', page)
    assert marks == [("NL201 lỗi: Sai chính tả: «Kính phí» → «Kinh phí»", "Kính phí")] * 2
    assert page.count("<del>Kính␣phí</del> → <ins>Kinh␣phí</ins>") == 2
    assert re.search(r'<div class="para has-NL2" id="d1-p2"><span class="no">2</span>', page)
    assert 'id="show-NL2"' in page and "NL2xx Ngôn ngữ" in page
    # the list beside names the line of a text file, the paragraph of a .docx
    assert '<a href="#d1-p2" class="where">dòng 2:' in page and '<a href="#d2-p2" class="where">đoạn 2:' in page
    en = lint_html("--select", "NL201", "--lang", "en", "du-thao.txt", cwd=tmp_path)
    assert 'title="NL201 error: Misspelling' in en and "NL2xx Language" in en


def test_html_report_of_cached_results_still_shows_the_text(tmp_path: Path) -> None:
    (tmp_path / "du-thao.txt").write_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính phí do ngân sách bảo đảm.\n",
                                          encoding="utf-8")
    args = [sys.executable, "-m", "notice_lint", "--select", "NL201", "--format", "html", "du-thao.txt"]
    first = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert (tmp_path / ".notice_lint_cache").is_dir()
    second = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert first.stdout == second.stdout
    assert ">Kính phí</mark> do ngân sách bảo đảm." in second.stdout


def test_overlapping_and_empty_spans_nest() -> None:
    from notice_lint.reporters.html import paragraph_html
    from notice_lint.rule import Finding, Severity

    a = Finding("NL201", "known-typo", Severity.ERROR, 1, 0, 8, "a", "a")
    b = Finding("NL301", "space", Severity.WARNING, 1, 4, 12, "b", "b")
    c = Finding("NL113", "blank", Severity.INFO, 1, 3, 3, "c", "c")
    out = paragraph_html("abc<defgh>ijkl", [(1, a), (2, b), (3, c)], "vi")
    text = re.sub(r"<[^>]+>", "", out)
    assert text == "abc&lt;defgh&gt;ijkl"  # every character once, in order
    # a, the point marker, a again, a+b (nested), b: the point at 3 cuts the first span
    assert out.count("<mark") == 6
    assert 'class="sev-info fam-NL1 pt"' in out


# -- a real browser ---------------------------------------------------------------


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def screenshot(page: Path, out: Path, tmp_path: Path) -> list[tuple[int, int, int]]:
    exe = _chromium()
    cmd = [exe, "--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--window-size=1200,900",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", f"--screenshot={out}", page.as_uri()]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")
    try:
        subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium did not finish in time")
    if not out.is_file():
        pytest.skip("Chromium wrote no screenshot")
    return read_png(out.read_bytes())


def read_png(data: bytes) -> list[tuple[int, int, int]]:
    """The pixels of an 8-bit RGB/RGBA PNG (what Chromium writes), as RGB triples."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
        elif kind == b"IDAT":
            idat += body
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    pixels = []
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            ul = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + left) & 255
            elif f == 2:
                line[i] = (line[i] + up) & 255
            elif f == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(up - ul), abs(left - ul), abs(left + up - 2 * ul)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        pixels.extend(tuple(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return pixels


def _count(pixels: list[tuple[int, int, int]], hex_color: str) -> int:
    want = tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return sum(1 for px in pixels if all(abs(a - b) <= 6 for a, b in zip(px, want)))


def test_highlights_are_seen_in_chromium_and_the_family_filter_hides_them(tmp_path: Path) -> None:
    from notice_lint.reporters.html import SEVERITY_COLORS

    _chromium()
    shutil.copy(DOCX / "state-notice-number-typos.docx", tmp_path / "du-thao.docx")
    _hostile_docx(tmp_path / "hostile.docx")
    page = lint_html("--select", "NL111,NL201", "du-thao.docx", "hostile.docx", cwd=tmp_path)
    report = tmp_path / "report.html"
    pixels = screenshot(report, tmp_path / "shot.png", tmp_path)
    error = _count(pixels, SEVERITY_COLORS["error"])
    assert error > 300, error  # the highlighted spans (and the error count badges) are on the page
    # the same page with the NL2 box unchecked: the NL2 highlights lose their colour, NL1's stay
    (tmp_path / "nl1.html").write_text(page.replace('id="show-NL2" checked', 'id="show-NL2"'), encoding="utf-8")
    only_nl1 = _count(screenshot(tmp_path / "nl1.html", tmp_path / "nl1.png", tmp_path), SEVERITY_COLORS["error"])
    assert 0 < only_nl1 < error
    # and a page whose hostile script had run would not look like this: it has no script to run
    assert "<script" not in page
