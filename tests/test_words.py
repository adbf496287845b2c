"""Issue 18, items 4, 5 and 7: formatting as Word shows it, loanwords, repeated words.

* the effective-format resolver: a first-line indent is ``left`` + ``firstLine``
  (− ``hanging``), from direct formatting, styles and numbering levels; a sub- or
  superscript run has no size;
* NL202: loanwords written as one word (``rules/data/loanwords.txt``) and
  transliterations are not words run together;
* NL203: ``_repeats`` finds every immediate repeat; the word statistics.
"""

from __future__ import annotations

import filecmp
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from notice_lint.document import read_document
from notice_lint.rule import Severity
from notice_lint.testing import lint_text
from notice_lint_rules.language.NL203 import _repeats
from notice_lint_rules.language._wordstats import loanwords, pair_stats

from .docx_util import make_docx, p, r

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "rules" / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz"


# -- the resolver ---------------------------------------------------------------


def _layout(tmp_path: Path, body: str, **parts: str):
    doc = read_document(str(make_docx(tmp_path / "d.docx", body, **parts)), formatting=True)
    return doc.paragraphs


def test_first_line_is_left_plus_first_line(tmp_path: Path) -> None:
    paras = _layout(
        tmp_path,
        p(r("Một."), ppr='<w:pPr><w:ind w:left="709" w:firstLine="0"/></w:pPr>')
        + p(r("Hai."), ppr='<w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr>')
        + p(r("Ba."), ppr='<w:pPr><w:pStyle w:val="Lui"/><w:ind w:firstLine="360"/></w:pPr>')
        + p(r("Bốn."), ppr='<w:pPr><w:ind w:firstLine="720"/></w:pPr>'),
        styles='<w:style w:type="paragraph" w:styleId="Lui"><w:name w:val="Lui"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="200"/></w:pPr></w:style>',
    )
    assert [x.indent_first_mm for x in paras] == [12.51, 12.7, 12.7, 12.7]
    assert [x.indent_left_mm for x in paras] == [12.51, 19.05, 6.35, 0.0]


def test_numbering_level_indent_between_style_and_direct(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    )
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>'
    paras = _layout(
        tmp_path,
        p(r("Một."), ppr=f"<w:pPr>{num}</w:pPr>")
        + p(r("Hai."), ppr=f'<w:pPr>{num}<w:ind w:hanging="0"/></w:pPr>'),
        numbering=numbering,
    )
    assert paras[0].label == "1."
    assert (paras[0].indent_first_mm, paras[0].indent_left_mm) == (6.35, 12.7)
    assert (paras[1].indent_first_mm, paras[1].indent_left_mm) == (12.7, 12.7)


def test_sub_and_superscript_runs_have_no_size(tmp_path: Path) -> None:
    paras = _layout(
        tmp_path,
        p(
            r("- Lưu: VT, VP", '<w:rPr><w:sz w:val="22"/></w:rPr>'),
            r("NTMH", '<w:rPr><w:sz w:val="14"/><w:vertAlign w:val="superscript"/></w:rPr>'),
            r("2", '<w:rPr><w:sz w:val="14"/><w:rStyle w:val="Chi"/></w:rPr>'),
            r(".", '<w:rPr><w:sz w:val="22"/><w:vertAlign w:val="baseline"/></w:rPr>'),
        ),
        styles='<w:style w:type="character" w:styleId="Chi"><w:name w:val="Chi"/>'
        '<w:rPr><w:vertAlign w:val="subscript"/></w:rPr></w:style>',
    )
    assert [run.props.size for run in paras[0].runs] == [11.0, None, None, 11.0]


# -- NL202 ------------------------------------------------------------------------


def _nl202(text: str):
    return [f for f in lint_text(text, ".txt", select=["NL202"]) if f.code == "NL202"]


def test_transliterations_are_not_words_run_together() -> None:
    found = _nl202("Thay điốt cho đèn; tượng Giêsu và hoàng đế Napoléon; ông Ăngghen.\n")
    assert [f.column for f in found] == [6, 26, 44, 58]
    assert all(f.severity is Severity.INFO and f.fix is None for f in found)
    # words run together stay errors with their certain fix
    (bad,) = _nl202("Các đơn vị chủđộng phối hợp.\n")
    assert bad.severity is Severity.ERROR and bad.fix is not None and bad.fix.safe


def test_loanword_list() -> None:
    words = loanwords()
    assert {"ôtô", "axít", "lênin", "panô", "kilôgam"} <= words
    assert not words & {"tổchức", "theomẫu", "hgày", "đuợc", "sđ"}  # typos and codes are not loanwords
    lines = [ln for ln in (DATA / "loanwords.txt").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert lines == sorted(set(lines)) and all(unicodedata.is_normalized("NFC", w) for w in lines)
    for name in ("loanwords.txt", "syllable_pairs.txt"):
        head = (DATA / name).read_text(encoding="utf-8")[:1200]
        assert "tools/build_loanwords.py" in head and "Licence" in head and "fbaa690e1c9f" in head


def test_pair_statistics() -> None:
    stats = pair_stats()
    assert stats.pair("kiêm3", "tra") > 10_000 and stats.pair("tra", "hô1") < stats.pair("hô1", "sơ")
    assert stats.count("tra") > 10_000 and not stats.frequent("nin")


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared corpus is absent")
def test_build_is_reproducible(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_loanwords.py"), "--out", str(tmp_path)], check=True)
    for name in ("loanwords.txt", "syllable_pairs.txt"):
        assert filecmp.cmp(tmp_path / name, DATA / name, shallow=False), name


# -- NL203 ------------------------------------------------------------------------


def _brute(keys: list[str], most: int = 6) -> list[tuple[int, int]]:
    return [
        (i, m)
        for i in range(len(keys))
        for m in range(1, most + 1)
        if i + 2 * m <= len(keys) and keys[i : i + m] == keys[i + m : i + 2 * m]
    ]


def test_repeats_finds_every_immediate_repeat() -> None:
    rnd = random.Random(18)
    for _ in range(400):
        alphabet = [f"k{j}" for j in range(rnd.randint(1, 6))]
        keys = [rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))]
        got = set(_repeats(keys))
        want = set(_brute(keys))
        # a repeat is reported once per run of equal words: every hit is a repeat,
        # and every repeat starts at or inside a reported one of the same length
        assert got <= want
        for i, m in want:
            assert any(mm == m and j <= i < j + m + 1 for j, mm in got), (keys, i, m)


def test_repeated_phrase_across_a_paragraph_is_not_one() -> None:
    text = "Kiểm tra hồ sơ\nKiểm tra hồ sơ của các xã đã nộp.\n"
    assert not [f for f in lint_text(text, ".txt", select=["NL203"]) if f.code == "NL203"]
