"""NL207 (capitalisation, Phụ lục II of NĐ 30) on a real-looking draft, and the data
it reads (``rules/data/case.json``, built by ``tools/build_case.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from notice_lint.testing import lint_text

ROOT = Path(__file__).resolve().parents[1]

# every example of issue 17, in a draft plan of a district (made up)
DRAFT = """\
ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN BẢO THẮNG                  Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND                Bảo Thắng, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2026

Căn cứ Công văn số 120/SNV-CCHC ngày 12/02/2026 Về việc hướng dẫn kiểm tra cải cách hành chính;
Thực hiện ý kiến chỉ đạo của Ban bí thư và của ban Dân vận Tỉnh ủy; theo khoản 2 điều 12 của Quy chế làm việc, Ủy ban nhân dân huyện ban hành kế hoạch như sau:
1. Mục đích
Rà soát việc thực hiện theo Quy định tại Khoản 4, Điều 9 và điểm B khoản 1 Điều 10 của Quy chế; ý kiến của Các đại biểu được tổng hợp đầy đủ.
2. Nội dung
Ban thường vụ huyện ủy giao các Đơn vị trực thuộc rà soát hồ sơ; UBND Chủ trì, phối hợp với thường trực Hội đồng nhân dân và Hội đồng nhân dân Huyện tổ chức kiểm tra vào Tháng 10 năm 2026.
Sở Giáo dục và đào tạo phối hợp với UBND Xã Phú Nhuận kiểm tra tại Phường Yên Bái; các trường hoàn thành tốt. các đơn vị còn lại báo cáo trước ngày 30/10/2026.
Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.

Nơi nhận:                                KT. CHỦ TỊCH
- Như trên;                              PHÓ CHỦ TỊCH
- Lưu: VT.

                                         Nguyễn Văn An
"""

# (what the draft writes, what NL207 suggests): each example of the issue
EXPECTED = [
    ("Về việc hướng dẫn", "về việc hướng dẫn"),
    ("Ban bí thư", "Ban Bí thư"),
    ("ban Dân vận", "Ban Dân vận"),
    ("khoản 2 điều 12", "khoản 2 Điều 12"),
    ("theo Quy định tại", "theo quy định tại"),
    ("Khoản 4, Điều 9", "khoản 4, Điều 9"),
    ("điểm B khoản 1", "điểm b khoản 1"),
    ("của Các đại biểu", "của các đại biểu"),
    ("Ban thường vụ huyện ủy", "Ban Thường vụ Huyện ủy"),
    ("các Đơn vị trực thuộc", "các đơn vị trực thuộc"),
    ("UBND Chủ trì", "UBND chủ trì"),
    ("thường trực Hội đồng nhân dân", "Thường trực Hội đồng nhân dân"),
    ("Hội đồng nhân dân Huyện", "Hội đồng nhân dân huyện"),
    ("vào Tháng 10", "vào tháng 10"),
    ("Sở Giáo dục và đào tạo", "Sở Giáo dục và Đào tạo"),
    ("UBND Xã Phú Nhuận", "UBND xã Phú Nhuận"),
    ("tại Phường Yên Bái", "tại phường Yên Bái"),
    ("tốt. các đơn vị", "tốt. Các đơn vị"),
]


def _nl207(text: str):
    return [f for f in lint_text(text, select=["NL207"]) if f.code == "NL207"]


def _apply(text: str, findings) -> str:
    """Apply every fix (safe or not), as ``--unsafe-fixes`` would."""
    lines = text.split("\n")
    edits = sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: (e.paragraph, -e.start))
    for e in edits:
        line = lines[e.paragraph - 1]
        lines[e.paragraph - 1] = line[: e.start] + e.replacement + line[e.end :]
    return "\n".join(lines)


def _corrected() -> str:
    out = DRAFT
    for bad, good in EXPECTED:
        assert bad in out
        out = out.replace(bad, good, 1)
    return out


def test_every_example_is_found_with_its_suggestion() -> None:
    findings = _nl207(DRAFT)
    assert len(findings) == len(EXPECTED)  # one finding per defect
    assert _apply(DRAFT, findings) == _corrected()
    for f in findings:
        assert f.message_vi and f.message_en and f.message_vi != f.message_en


def test_the_corrected_draft_has_no_finding() -> None:
    assert _nl207(_corrected()) == []


def test_certain_cases_have_safe_fixes_and_judgements_unsafe_ones() -> None:
    findings = _nl207(DRAFT)
    lines = DRAFT.split("\n")
    by_word = {lines[f.paragraph - 1][f.start:f.end]: f.fix.safe for f in findings}
    assert by_word["điều"] is True  # a citation word
    assert by_word["Huyện"] is True  # a unit noun after an organ
    assert by_word["Quy"] is False  # a common word, judged from the statistics
    assert by_word["Chủ"] is False


def test_the_data_is_small_and_built_from_the_whole_text() -> None:
    path = ROOT / "rules" / "data" / "case.json"
    assert path.stat().st_size < 400_000
    blob = json.loads(path.read_text(encoding="utf-8"))
    assert blob["lines"] is None and blob["licence"] and blob["source"]
    forms = {row[0] for row in blob["names"]}
    assert {"Ban Bí thư", "Sở Giáo dục và Đào tạo", "Ủy ban Mặt trận Tổ quốc Việt Nam"} <= forms
    assert all(len(row) == 3 and row[2] in (0, 1) for row in blob["names"])


def test_the_data_is_read_only_when_the_rule_runs() -> None:
    code = (
        "import notice_lint_rules.language.NL207, notice_lint_rules.language._case_data as d;"
        "print(bool(d._loaded))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_build_is_deterministic_on_a_slice(corpus: Path, tmp_path: Path) -> None:
    text = corpus / "lm" / "phapdien.txt.xz"
    if not text.is_file():
        pytest.skip("the language-model text is not present")
    script = ROOT / "tools" / "build_case.py"
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(script), str(text), "--lines", "4000", "--out", str(out)],
            check=True, capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    blob = json.loads(outs[0])
    assert blob["lines"] == 4000
    assert set(blob) >= {"names", "lower", "lower2", "upper2", "source", "licence"}
    assert blob["lower"] == sorted(blob["lower"])
