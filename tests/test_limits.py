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
