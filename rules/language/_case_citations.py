"""Citations of a part of a document (Phụ lục II, VI): ``Phần, Chương, Mục, Tiểu
mục, Điều`` are capitalised, ``khoản, điểm`` are not, and the point's label is a
lower-case letter: ``điểm a khoản 2 Điều 103 Mục 5 Chương XII Phần I``.

Every case here is certain, so each finding carries a safe fix.
"""

from __future__ import annotations

import re
from typing import Iterator

from ._case_text import Line

__all__ = ["citation_defects", "kind_defects", "law_defects", "WORDS", "KIND_FIRST"]

# after the word: its number (Arabic or Roman) or the point's letter
_NUMBER = re.compile(r"[ \u00a0]+(?:\d+[a-zđ]?\b|[IVXLC]+\b)")
_ROMAN_ONLY = re.compile(r"[ \u00a0]+[IVXLC]+\b")
_POINT_LETTER = re.compile(r"[ \u00a0]+([a-zđA-ZĐ])(?=[ \u00a0]*(?:,|\)|;|$|[ \u00a0](?:khoản|Khoản|Điều|điều|của|và|mục|Mục)\b))")
# another part of a citation right before or after: the chain "… khoản 2 Điều 3 Mục 4 …"
_CHAIN_BEFORE = re.compile(r"(?:[Đđ]iều|[Kk]hoản|[Đđ]iểm|[Mm]ục|[Cc]hương|[Pp]hần)[ \u00a0]+[\dA-Za-zđ]+[ \u00a0,]+\Z")
_CHAIN_AFTER = re.compile(r"[ \u00a0,]+(?:Điều|Chương|Phần|Mục|của|Tiểu)\b")

# what each word should be; (message part vi, en)
_CAPITAL = {"điều": "Điều", "chương": "Chương", "phần": "Phần", "mục": "Mục", "tiểu": "Tiểu"}
_LOWER = {"Khoản": "khoản", "Điểm": "điểm"}
#: the words a citation check starts from
WORDS = frozenset([*_CAPITAL, *_LOWER, "điểm"])


def citation_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """``(start, end, replacement, vi, en)`` for each wrongly cased citation word."""
    n = len(toks)
    for i in toks.find(WORDS):
        t = toks[i]
        w = t.text
        if w in _CAPITAL:
            if w == "tiểu":
                if i + 1 >= n or toks[i + 1].text != "mục" or toks[i + 1].before != " ":
                    continue
                after = toks[i + 1].end
            else:
                after = t.end
            m = _NUMBER.match(text, after)
            if m is None:
                continue
            if w in ("phần", "mục", "tiểu"):
                # a part of the document itself ("như mục 2 nêu trên") is left alone:
                # only a link of a citation chain is certain
                head = text[max(0, t.start - 40):t.start]
                if not _CHAIN_BEFORE.search(head) and not _CHAIN_AFTER.match(text, m.end()):
                    continue
            elif w == "chương" and _ROMAN_ONLY.match(text, after) is None and not _CHAIN_AFTER.match(text, m.end()):
                if not _CHAIN_BEFORE.search(text[max(0, t.start - 40):t.start]):
                    continue
            good = _CAPITAL[w]
            label = "Tiểu mục" if w == "tiểu" else good
            yield (
                t.start, t.end, good[0],
                f"Khi viện dẫn, viết hoa «{label}»: «{w}» → «{good}» (Phụ lục II, NĐ 30)",
                f"In a citation «{label}» is capitalised: «{w}» → «{good}»",
            )
        elif w in _LOWER:
            if not t.mid:
                continue
            if w == "Khoản":
                if _NUMBER.match(text, t.end) is None:
                    continue
            elif _POINT_LETTER.match(text, t.end) is None:
                continue
            good = _LOWER[w]
            yield (
                t.start, t.end, good[0],
                f"Khi viện dẫn, «{good}» viết thường: «{w}» → «{good}» (Phụ lục II, NĐ 30)",
                f"In a citation «{good}» is lower case: «{w}» → «{good}»",
            )
        if w == "điểm" or w == "Điểm":
            m = _POINT_LETTER.match(text, t.end)
            if m is not None and m.group(1).isupper() and _follows_citation(text, m.end(1)):
                s = m.start(1)
                letter = m.group(1)
                yield (
                    s, s + 1, letter.lower(),
                    f"Ký hiệu điểm là chữ cái thường: «{w} {letter}» → «{w} {letter.lower()}» (Phụ lục II, NĐ 30)",
                    f"A point is labelled with a lower-case letter: «{w} {letter}» → «{w} {letter.lower()}»",
                )


_KHOAN_AFTER = re.compile(r"[ \u00a0,]+(?:khoản|Khoản|Điều|điều)\b")


def _follows_citation(text: str, at: int) -> bool:
    """A capital point letter is a label only when a clause or an article follows."""
    return _KHOAN_AFTER.match(text, at) is not None


# -- a document cited by its kind, number and symbol --------------------------------------------

#: the kinds of document a text cites by number and symbol: first syllable -> the second ones
_KINDS = {
    "quyết": ("định",), "nghị": ("định", "quyết"), "thông": ("tư", "báo", "tri"), "chỉ": ("thị",),
    "pháp": ("lệnh",), "kế": ("hoạch",), "công": ("văn",), "tờ": ("trình",), "kết": ("luận",),
    "hướng": ("dẫn",), "quy": ("định", "chế"), "chương": ("trình",), "đề": ("án",), "báo": ("cáo",),
}
#: the words a kind check starts from (only in a line that also holds «số»)
KIND_FIRST = frozenset(_KINDS)
# «số 12/QĐ-UBND», «số 19/2006/QĐ-BTC», «số 05-HD/VPTW»: a number, then the symbol's capitals
_CITED = re.compile(r"số[ \u00a0]+\d+(?:/\d{4})?[/\-][A-ZĐ]")
_SYMBOL_AFTER = re.compile(r"[ \u00a0]+số[ \u00a0]+\d+(?:/\d{4})?[/\-][A-ZĐ]")


def kind_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """``(start, end, replacement, vi, en)`` for the kind of a cited document written in small
    letters inside a sentence: ``theo quyết định số 12/QĐ-UBND`` → ``theo Quyết định số 12/QĐ-UBND``.

    A document named by its number and symbol is one document: its kind takes a capital (Phụ lục
    II: the kind of a document spoken of in particular; the legal text writes it so 99.9 % of the
    time).  Not after a word with a capital (``Mẫu báo cáo số 13``, ``Thông tư hướng dẫn số …``:
    the kind word belongs to a name there).
    """
    if _CITED.search(text, toks.start, toks.end) is None:
        return  # most lines with «số» and a kind word cite no document by its symbol
    n = len(toks)
    for i in toks.find(KIND_FIRST):
        if i + 1 >= n:
            continue
        t = toks[i]
        if not t.mid or t.quoted:
            continue
        nxt = toks[i + 1]
        if nxt.text not in _KINDS[t.text] or nxt.before != " ":
            continue
        if _SYMBOL_AFTER.match(text, nxt.end) is None:
            continue
        prev = toks[i - 1]
        if prev.text[:1].isupper() and prev.end + 1 == t.start:
            continue  # "Mẫu báo cáo số 13-NT": the kind word belongs to a name
        if i >= 2 and prev.text in _KINDS.get(toks[i - 2].text.lower(), ()) and toks[i - 2].text[:1].isupper():
            continue  # "Thông tư hướng dẫn số …": the document's own kind came first
        kind = f"{t.text} {nxt.text}"
        good = t.text[0].upper() + t.text[1:]
        yield (
            t.start, nxt.end, good[0],
            f"Viết hoa tên loại của văn bản được viện dẫn: «{kind} số …» → «{good} {nxt.text} số …» (Phụ lục II, NĐ 30)",
            f"The kind of a cited document takes a capital: «{kind} …» → «{good} {nxt.text} …»",
        )


def law_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """``Căn cứ luật Phòng, chống …`` → ``Căn cứ Luật Phòng, chống …``: a law cited as a basis, by its
    name, takes a capital (the legal text writes «Căn cứ Luật X» 390 times and never «Căn cứ luật X»).
    ``Căn cứ bộ luật X`` → ``Bộ luật``."""
    n = len(toks)
    for i in toks.find(_LAW_WORDS):
        k = i - 1 if toks[i].text == "luật" and i >= 1 and toks[i - 1].text == "bộ" else i
        if k < 1 or i + 1 >= n:
            continue
        basis = k >= 2 and toks[k - 1].text == "cứ" and toks[k - 2].text in ("Căn", "căn")
        if not basis:
            # a law cited by its name anywhere inside a sentence (``thực hiện luật Lâm nghiệp``,
            # ``theo quy định của luật Đất đai``): the legal text writes «Luật X» there thousands
            # of times and «luật X» after a word only in pháp luật, kỷ luật, công ty luật
            if k != i or toks[k - 1].text not in _CITING:
                continue
        if toks[i].text == "bộ":
            continue
        t, nxt = toks[k], toks[i + 1]
        if not nxt.text[:1].isupper() or nxt.before != " " or t.before != " " or toks[k - 1].before != " ":
            continue
        good = t.text[0].upper() + t.text[1:]
        lead = text[toks[k - 2 if basis else k - 1].start:t.start]
        name = text[t.start:toks[i].end]
        right = good + text[t.end:toks[i].end]
        yield (
            t.start, toks[i].end, good[0],
            f"Viết hoa tên loại của văn bản được viện dẫn: «{lead}{name} {nxt.text} …» → «{lead}{right} {nxt.text} …» "
            f"(Phụ lục II, NĐ 30)",
            f"The kind of a cited law takes a capital: «{name} {nxt.text} …» → «{right} {nxt.text} …»",
        )


#: the words a law check starts from
_LAW_WORDS = frozenset({"luật"})
#: the words before a law's name that cite it (``của luật Đất đai``); not ``pháp``, ``kỷ``,
#: ``ty`` (pháp luật Việt Nam, kỷ luật Đảng, công ty luật Minh An)
_CITING = frozenset({
    "của", "theo", "tại", "và", "hoặc", "hiện", "hành", "với", "về", "định", "dẫn", "là", "trong", "tiết",
})
