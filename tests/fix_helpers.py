"""Small documents and checks shared by test_fix.py and test_annotate.py."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HEADER = [
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]


def make_docx(path: Path, paragraphs: list) -> Path:
    """A .docx whose paragraphs are strings or lists of ``(text, {bold, italic, size})`` runs."""
    doc = Document()
    body = doc.element.body
    for p in list(body):
        if p.tag == W + "p":
            body.remove(p)
    for spec in paragraphs:
        para = doc.add_paragraph()
        runs = [(spec, {})] if isinstance(spec, str) else spec
        for text, fmt in runs:
            run = para.add_run(text)
            if fmt.get("bold"):
                run.bold = True
            if fmt.get("italic"):
                run.italic = True
    doc.save(str(path))
    return path


def notice_docx(path: Path, extra: list | None = None) -> Path:
    """A short state notice with a wrong number line and two typos."""
    return make_docx(path, [
        *HEADER,
        "Số 5/TB-SKHCN",
        "Quảng Ngãi, ngày 25 tháng 3 năm 2024",
        "THÔNG BÁO",
        "Kết quả rà soát nhiệm vụ quý I năm 2024",
        [("a) Rà xoát danh mục nhiệm vụ ", {}), ("khoa học", {"bold": True}), (" năm 2025.", {})],
        "Bảo đảm kính phí cho các hoạt động của Sở.",
        *(extra or []),
    ])


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def member_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def paragraph_texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def convert_to_pdf(path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice; fail the test when it cannot."""
    exe = soffice()
    profile = outdir / "lo-profile"
    proc = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = outdir / (path.stem + ".pdf")
    assert proc.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 1000, proc.stderr
    return pdf
