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


def test_chunks_of_any_size_make_the_same_stream(monkeypatch) -> None:
    # the parts are gathered in chunks, copied out at the end (_unzip): a chunk boundary
    # falls between paragraphs, before and after a paragraph whose words skip a name
    from .conftest import ROOT

    text = (ROOT / "fixtures" / "text" / "state-letter-pdftotext.txt").read_text(encoding="utf-8")
    signer = next(line for line in text.split("\n") if line.strip() == "Trương Văn Hậu")
    note = "- Lưu: VT, phòng KHTC."  # words in the signer's line, before the name
    text = text.replace(signer, note + signer[len(note):])
    notice = anatomy.parse(read_text("a.txt", text.encode("utf-8"), markdown=False))
    monkeypatch.setattr(_syllables, "_CHUNK", 1 << 40)
    whole = _syllables._stream(notice, _syllables.latin_split())
    assert whole._spans  # the signer's line: its words but the name
    for size in (2, 6, 64):
        monkeypatch.setattr(_syllables, "_CHUNK", size)
        part = _syllables._stream(notice, _syllables.latin_split())
        assert part.keys == whole.keys and part.texts == whole.texts and part.joined == whole.joined
        assert list(part._firsts) == list(whole._firsts) and part._spans == whole._spans
        assert part.inventory() == whole.inventory()
        assert [part.word(i) for i in range(len(whole))] == [whole.word(i) for i in range(len(whole))]
