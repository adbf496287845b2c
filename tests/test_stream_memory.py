"""The language rules' syllable stream of a long document keeps less, and says the same."""

from __future__ import annotations

from notice_lint import anatomy
from notice_lint.document.text import read_text
from notice_lint_rules.language import _syllables

LINE = "Các cơ quan,  đơn vị báo cáo kết quả về Sở Tư pháp trước ngày 30 (hằng tháng)."


def _notice(lines: int):
    text = "\n".join(f"{LINE} Mục {k}." for k in range(lines)) + "\n"
    return anatomy.parse(read_text("long.txt", text.encode("utf-8"), markdown=False))


def test_offsets_past_the_kept_parts_are_the_same(monkeypatch) -> None:
    notice = _notice(2000)  # ~38,000 words
    monkeypatch.setattr(_syllables, "_KEEP_PARTS", 1 << 40)
    whole = _syllables._stream(notice, _syllables.latin_split())
    monkeypatch.setattr(_syllables, "_KEEP_PARTS", 1 << 12)
    part = _syllables._stream(notice, _syllables.latin_split())
    assert len(part.paragraph_parts()) < len(whole.paragraph_parts()) == 2000
    assert part.keys == whole.keys and part.texts == whole.texts and part.joined == whole.joined
    for i in range(0, len(whole), 7):  # asked out of order too: the cache of offsets is refilled
        assert part.word(i) == whole.word(i)
    for i in range(len(whole) - 1, 0, -997):
        assert part.span(i) == whole.span(i)


def test_joined_is_one_byte_a_word() -> None:
    st = _syllables.stream(_notice(3))
    assert isinstance(st.joined, bytearray) and len(st.joined) == len(st.keys)
    assert st.joined[1] == 1  # «cơ» after «Các»: one space
    assert st.joined[0] == 0  # the document's first word
