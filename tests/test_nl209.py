"""NL209 context-typo: the issue's examples in a real-looking draft, and the draft corrected."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from notice_lint.testing import lint_path
from notice_lint_rules.language._candidates import candidates, telex, vni

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "nl209"

# (the words as typed, the words meant): every example of issue 16
EXAMPLES = [
    ("thục hiện", "thực hiện"), ("kế hoặch", "kế hoạch"), ("kết quá", "kết quả"), ("tăng cướng", "tăng cường"),
    ("Giám đóc", "Giám đốc"), ("chí đạo", "chỉ đạo"), ("triễn khai", "triển khai"), ("dự toàn", "dự toán"),
    ("chách nhiệm", "trách nhiệm"), ("xinh hoạt", "sinh hoạt"), ("tồn động", "tồn đọng"), ("sảy ra", "xảy ra"),
    ("cuar", "của"), ("dduwowcj", "được"), ("vieejc", "việc"), ("va2", "và"),
]


def _fixed_text(text: str, finding) -> tuple[str, str]:
    """The paragraph's words around the finding, before and after its fix."""
    edit = finding.fix.edits[0]
    para = text.splitlines()[finding.line - 1]
    s, e = edit.start, edit.end
    lo = para.rfind(" ", 0, max(0, s - 1)) + 1
    hi = para.find(" ", e + 1)
    hi = len(para) if hi < 0 else hi
    return para[lo:hi], (para[lo:s] + edit.replacement + para[e:hi])


def test_every_example_is_found_with_its_correction() -> None:
    path = DATA / "draft-typos.txt"
    text = path.read_text(encoding="utf-8")
    result = lint_path(path, select=["NL201", "NL209"])
    assert result.error is None
    fixes = [_fixed_text(text, f) for f in result.findings if f.fix is not None]
    for wrong, right in EXAMPLES:
        assert any(wrong in before and right in after for before, after in fixes), (wrong, right, fixes)
    nl209 = [f for f in result.findings if f.code == "NL209"]
    assert nl209 and all(not f.fix.safe for f in nl209)  # a suggestion, applied only with --unsafe-fixes
    assert all(f.message_vi.endswith("?") and "→" in f.message_en for f in nl209)
    # NL201's table reports its own examples; NL209 stays silent there
    lines201 = {(f.line, f.column) for f in result.findings if f.code == "NL201"}
    assert lines201 and not lines201 & {(f.line, f.column) for f in nl209}


def test_corrected_draft_is_clean() -> None:
    result = lint_path(DATA / "draft-clean.txt", select=["NL209"])
    assert result.error is None and result.findings == []


def test_english_messages() -> None:
    result = lint_path(DATA / "draft-typos.txt", select=["NL209"])
    f = next(f for f in result.findings if "thục" in f.message_en)
    assert f.message_en == "Possible typo: «thục hiện» → «thực hiện»?"
    assert f.message_vi == "Có thể gõ nhầm: «thục hiện» → «thực hiện»?"


@pytest.mark.parametrize(
    "word, meant",
    [("thục", "thực"), ("quá", "quả"), ("đóc", "đốc"), ("chí", "chỉ"), ("toàn", "toán"), ("sảy", "xảy"),
     ("động", "đọng"), ("xinh", "sinh"), ("chách", "trách"), ("hoặch", "hoạch")],
)
def test_candidates_hold_the_meant_word(word: str, meant: str) -> None:
    assert meant in dict(candidates(word))


def test_keyboard_leftovers() -> None:
    assert telex("cuar") == "của" and telex("dduwowcj") == "được" and telex("vieejc") == "việc"
    assert telex("email") is None and telex("của") is None
    assert vni("va", "2") == "và" and vni("dau", "962") == "đầu" and vni("duoc", "75") == "dược" and vni("m", "2") is None


def test_model_not_loaded_unless_nl209_runs(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Các phòng thực hiện kế hoạch.\n", encoding="utf-8")
    code = (
        "from notice_lint.testing import lint_path\n"
        f"lint_path({str(f)!r}, select=['NL201', 'NL202'])\n"
        "from notice_lint_rules.language import _lm\n"
        "assert not _lm._MODEL, 'model loaded'\n"
        f"lint_path({str(f)!r}, select=['NL209'])\n"
        "assert _lm._MODEL and _lm._MODEL[0] is not None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _findings(path: Path) -> list[tuple]:
    result = lint_path(path, select=["NL209"])
    assert result.error is None
    return [(f.line, f.column, f.message_vi) for f in result.findings]


def test_runs_found_silent_are_skipped_and_findings_stay_the_same(monkeypatch) -> None:
    """A run of words found silent is not weighed again (process-wide), and that changes no
    finding: each document gives the same findings first, after itself and after others."""
    from notice_lint_rules.language import NL209

    drafts = [DATA / "draft-typos.txt", DATA / "draft-clean.txt"]
    alone = []
    for path in drafts:
        NL209._CACHES.clear()
        alone.append(_findings(path))
    assert alone[0] and not alone[1]
    NL209._CACHES.clear()
    for _ in range(2):  # after the other draft, and again
        assert [_findings(p) for p in drafts] == alone
        assert [_findings(p) for p in reversed(drafts)] == alone[::-1]
    # the clean draft's runs are known silent now: only a few of its words are looked at
    looked = []
    walk = NL209._walk

    def spy(work, texts, *args):
        looked.append((list(walk(work, texts, *args)), len(texts)))
        return iter(looked[-1][0])

    monkeypatch.setattr(NL209, "_walk", spy)
    assert _findings(drafts[1]) == []
    (todo, words), = looked
    assert words > 200 and len(todo) * 10 < words


def test_a_run_repeated_in_a_document_is_weighed_once(tmp_path: Path, monkeypatch) -> None:
    """The second time a document holds the same run of words, it is not weighed again
    (found silent the first time); a typo repeated is reported at each place."""
    from notice_lint_rules.language import NL209

    NL209._CACHES.clear()
    line = "Các phòng chuyên môn tiếp tục thực hiện các nhiệm vụ đã được giao theo kế hoạch năm của Sở."
    typo = "Văn phòng Sở tổng hợp kết quá thực hiện nhiệm vụ của các đơn vị."
    path = tmp_path / "a.txt"
    path.write_text("THÔNG BÁO\n\n" + "\n".join([line, typo] * 5) + "\n", encoding="utf-8")
    looked = []
    walk = NL209._walk

    def spy(*args):
        for i in walk(*args):
            looked.append(i)
            yield i

    monkeypatch.setattr(NL209, "_walk", spy)
    found = _findings(path)
    assert [m for _, _, m in found] == ["Có thể gõ nhầm: «kết quá» → «kết quả»?"] * 5
    assert [line for line, _, _ in found] == [4, 6, 8, 10, 12]
    words = len(line.split()) + len(typo.split())
    # the clean line once (five times: 150 words), the typo's each time
    assert words < len(looked) < words + 5 * len(typo.split()) + 10


def test_a_silent_run_is_looked_at_again_when_vni_digits_follow_it(tmp_path: Path) -> None:
    """``va`` ends a run found silent (before a full stop); followed by ``2`` and a word it is
    a VNI leftover of ``và``, reported though the run's words are the same."""
    from notice_lint_rules.language import NL209

    NL209._CACHES.clear()
    head = "THÔNG BÁO\n\n"
    silent, typo = tmp_path / "a.txt", tmp_path / "b.txt"
    silent.write_text(head + "Văn phòng Sở tổng hợp va.\n", encoding="utf-8")
    typo.write_text(head + "Văn phòng Sở tổng hợp va2 các phòng.\n", encoding="utf-8")
    fresh = _findings(typo)
    assert [m for _, _, m in fresh] == ["Có thể gõ nhầm: «va2 các» → «và các»?"]
    NL209._CACHES.clear()
    assert _findings(silent) == [] and _findings(silent) == []
    assert NL209._CACHES[4]  # the run is known silent
    assert _findings(typo) == fresh


def test_a_long_run_is_not_kept(tmp_path: Path) -> None:
    from notice_lint_rules.language import NL209

    NL209._CACHES.clear()
    path = tmp_path / "a.txt"
    path.write_text("THÔNG BÁO\n\nCác phòng họp.\n" + " ".join(["các phòng thực hiện kế hoạch"] * 30) + "\n",
                    encoding="utf-8")
    assert _findings(path) == []
    quiet = NL209._CACHES[4]
    assert "Các phòng họp" in quiet and max(len(run.split()) for run in quiet) < 100


def test_windows_of_any_size_give_the_same_findings(tmp_path: Path, monkeypatch) -> None:
    """The scan builds its lists of contexts a window of whole runs at a time: windows of one
    run (a VNI leftover at a window's end reads the next window's first words), of a few
    runs and of the whole document give the same findings, and the lists are never made for
    more than a window's words."""
    from notice_lint_rules.language import NL209

    draft = (DATA / "draft-typos.txt").read_text(encoding="utf-8")
    # VNI leftovers before a full stop and before a word, a repeated typo, a run found silent
    extra = "Văn phòng Sở tổng hợp va2 các phòng. Phòng Tài chính tổng hợp va. Báo cáo kết quá cho Sở va2 Ủy ban.\n"
    path = tmp_path / "a.txt"
    path.write_text(draft + extra * 3, encoding="utf-8")
    NL209._CACHES.clear()
    whole = _findings(path)
    assert len(whole) > 12 and sum("va2" in m for _, _, m in whole) == 6 + draft.count("va2")
    made = []
    lists = NL209._Lazy.__init__

    def spy(self, keys, joined, idof, kind, lo=0):
        made.append(lo)
        lists(self, keys, joined, idof, kind, lo)

    monkeypatch.setattr(NL209._Lazy, "__init__", spy)
    for size in (1, 2, 7, 60):
        monkeypatch.setattr(NL209, "_WINDOW", size)
        NL209._CACHES.clear()
        assert _findings(path) == whole, size
        assert _findings(path) == whole, size  # the runs known silent now
    assert made and min(made) == 0 and max(made) > 300  # lazy windows far into the document
