"""The reader's resource budget: values a document gives that size something are capped.

Each hostile file comes from ``tests/hostile.py`` (small on disk); without the
caps each costs gigabytes or minutes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402

from notice_lint.document.docx import read_docx  # noqa: E402
from notice_lint.document.numbering import MAX_LABEL_CHARS, MAX_LIST_VALUE, format_number  # noqa: E402


def _labels(data: bytes) -> list[str]:
    return [p.label for p in read_docx("x.docx", data).paragraphs if p.label]


def test_list_start_is_clamped():
    labels = _labels(hostile.huge_list_start())
    assert labels and all(len(label) <= MAX_LABEL_CHARS for label in labels)
    # Word's largest list value (1,261 letters «g»), the label cut at its cap; the counter
    # running on past it stays there
    assert labels[0] == labels[-1] == "g" * MAX_LABEL_CHARS


def test_start_override_is_clamped():
    labels = _labels(hostile.huge_start_override())
    assert labels and all(len(label) <= MAX_LABEL_CHARS for label in labels)


def test_small_list_values_are_untouched():
    assert format_number(3, "lowerLetter") == "c"
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(MAX_LIST_VALUE + 10, "decimal") == str(MAX_LIST_VALUE)


def test_level_text_is_capped():
    started = time.process_time()
    labels = _labels(hostile.huge_level_text())
    assert len(labels) == 1500
    assert all(len(label) <= MAX_LABEL_CHARS for label in labels)
    assert time.process_time() - started < 10


def test_style_chain_is_bounded():
    data = hostile.long_style_chain()
    assert len(data) < 400_000
    started = time.process_time()
    doc = read_docx("x.docx", data)
    assert time.process_time() - started < 5
    # the numbered style lies 40,000 links away: past the bound, so no label
    assert doc.paragraphs[0].label is None


def _refusal(data: bytes) -> str:
    from notice_lint.errors import InputError

    try:
        read_docx("x.docx", data)
    except InputError as exc:
        assert "\n" not in exc.vi and "\n" not in exc.en
        return exc.en
    raise AssertionError("the file was read")


def test_huge_central_directory_is_refused_before_zipfile_reads_it(monkeypatch):
    import zipfile

    data = hostile.many_entries_directory()

    def no_zipfile(*a, **k):
        raise AssertionError("zipfile walked the central directory")

    monkeypatch.setattr(zipfile, "ZipFile", no_zipfile)
    started = time.process_time()
    assert "too many parts (20,001" in _refusal(data)
    assert time.process_time() - started < 0.5


def test_duplicate_member_names_are_one_clean_error(tmp_path):
    import subprocess

    p = tmp_path / "dup.docx"
    p.write_bytes(hostile.duplicate_names())
    assert "same name" in _refusal(p.read_bytes())
    out = subprocess.run([sys.executable, "-W", "default", "-m", "notice_lint", "--no-cache", "--lang", "en", str(p)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "same name" in lines[0] and "Warning" not in out.stderr


def test_element_flood_is_refused_before_parsing():
    data = hostile.element_flood()
    assert len(data) < 200_000  # small on disk
    started = time.process_time()
    assert "too many XML elements" in _refusal(data)
    assert time.process_time() - started < 2


def test_show_source_escapes_control_and_bidi_characters(tmp_path):
    from click.testing import CliRunner

    from notice_lint.cli import cli

    p = tmp_path / "tb.txt"
    p.write_text("THÔNG BÁO\n\x1b[2J\u202eKính phí thực hiện\x07 do tỉnh bảo đảm.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--no-cache", "--select", "NL201", "--show-source", str(p)])
    out = result.stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b[2J\\u202eKính phí" in out and "\\x07" in out
    source, caret = [ln for ln in out.splitlines() if ln.lstrip().startswith(("2 |", "| "))][:2]
    # the caret stands under «Kính phí», past the escapes' printed width
    assert source.index("Kính") == caret.index("^")


def test_annotate_refuses_a_doctype_past_the_first_64_kib(tmp_path):
    """The comments part --annotate parses and writes back: its DOCTYPE is looked for in the
    whole part, not only at its start (here behind a 70 kB comment)."""
    from click.testing import CliRunner

    from badinput import W_DOC_CLOSE, W_DOC_OPEN, docx_with_document_xml, para

    from notice_lint.cli import cli

    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/comments" Target="comments.xml"/></Relationships>'
    )
    comments = (
        '<?xml version="1.0"?>\n<!--' + "x" * 70_000 + '-->\n<!DOCTYPE w:comments [<!ENTITY e SYSTEM '
        '"file:///etc/hostname">]>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main"><w:comment w:id="0"><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:comment></w:comments>'
    )
    p = tmp_path / "tb.docx"
    p.write_bytes(docx_with_document_xml(
        W_DOC_OPEN + para("Kính phí thực hiện.") + W_DOC_CLOSE,
        {"word/_rels/document.xml.rels": rels.encode(), "word/comments.xml": comments.encode()},
    ))
    result = CliRunner().invoke(cli, ["--no-cache", "--lang", "en", "--annotate", str(p)])
    assert result.exit_code == 2
    assert "DOCTYPE" in result.stderr
    assert not (tmp_path / "tb.notice-lint.docx").exists()
