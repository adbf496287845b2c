"""Administrative units (Phụ lục II, III.1): the common noun is lower case before
the proper name (``tại phường Yên Bái``, ``Hội đồng nhân dân tỉnh Sơn La``) and
after the name of an organ (``UBND xã``, ``Hội đồng nhân dân huyện``), and
standing alone (``trên địa bàn tỉnh``, ``các xã, phường``).  It keeps
its capital before a number (``Quận 1``), before the name of a person or an
event (``Phường Điện Biên Phủ``), in ``Thành phố Hồ Chí Minh`` and in the names
of Party and mass bodies (``Tỉnh ủy``, ``Huyện đoàn``).
"""

from __future__ import annotations

import re
from typing import Iterator

from notice_lint.vntext import fold

from ._case_text import Line

__all__ = ["unit_defects", "UNIT_FIRST"]

# the common nouns, as word sequences
_UNITS = (("Thành", "phố"), ("Thị", "xã"), ("Thị", "trấn"), ("Phường",), ("Quận",), ("Huyện",), ("Tỉnh",), ("Xã",))
#: the first words of the unit nouns: a fast test for the tokens that may start one
UNIT_FIRST = frozenset(u[0] for u in _UNITS)
# the unit noun is part of a Party or mass organisation's name: Tỉnh ủy, Huyện đoàn, Tỉnh đội
_ORGAN_NEXT = {"ủy", "uỷ", "đoàn", "đội", "hội", "uy"}
# Phụ lục II, III.1: a unit named after a person or an event keeps the capital
# (Phường Điện Biên Phủ, Thành phố Hồ Chí Minh); a surname or one of these
# names right after the unit noun is left alone.
_PERSON_OR_EVENT = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
    "ngo", "duong", "ly", "luong", "dinh", "trinh", "doan", "mai", "cao", "chu", "ton", "quang",
    "hai", "ba", "dien", "bach", "dong", "chi", "cach", "thong", "hung", "ky", "quoc",
}
# the last words of an organ's name after which a unit noun names the organ's level
_ORGAN_END = {"UBND", "HĐND", "dân", "Dân", "MTTQ", "ĐTN", "Đảng", "bộ", "LĐLĐ", "tra", "an"}
_ORGAN_PAIRS = {("nhân", "dân"), ("Nhân", "Dân"), ("Nhân", "dân"), ("Đảng", "bộ"), ("Thanh", "tra"), ("Công", "an")}
_NUMBER_AFTER = re.compile(r"[ \u00a0]+\d")
# between a small word and a unit noun standing alone: a space, or a number ("có 12 Huyện")
_ALONE_BEFORE = re.compile(r"[ \u00a0](?:\d{1,6}[ \u00a0])?")


def unit_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """``(start, end, the unit noun in small letters, vi, en)``: the noun spans start..end."""
    n = len(toks)
    listed: set[int] = set()  # the last word of each noun reported: a list of them goes on
    for i in toks.find(UNIT_FIRST):
        t = toks[i]
        w = t.text
        if t.quoted:
            continue
        noun = None
        for unit in _UNITS:
            if unit[0] != w:
                continue
            k = len(unit)
            if i + k > n:
                continue
            # the later syllables in either case: ``Thành Phố Hà Tĩnh`` is wrong twice
            if all(toks[i + j].text.lower() == unit[j] and toks[i + j].before == " " for j in range(1, k)):
                noun = unit
                break
        if noun is None:
            continue
        last = toks[i + len(noun) - 1]
        nxt = toks[i + len(noun)] if i + len(noun) < n else None
        joined = nxt is not None and nxt.before in (" ", "\u00a0")
        phrase = text[t.start:last.end]  # as written: ``Thành phố``, ``Thành Phố``
        kept = " ".join(noun)  # with its first capital, where a capital is right
        after = nxt.text if joined and nxt.text[0].isupper() else ""
        if not t.mid or _NUMBER_AFTER.match(text, last.end) or (
                after and (fold(after) in _PERSON_OR_EVENT or (noun == ("Thành", "phố") and after == "Hồ"))):
            # a sentence's start, ``Quận 1``, ``Phường Điện Biên Phủ``, ``Thành phố Hồ Chí Minh``:
            # the first capital is right, one on a later syllable never is (``Thành Phố``)
            if phrase != kept and after:
                shown, good = f"{phrase} {after}", f"{kept} {after}"
                yield (t.start, last.end, kept,
                       f"Danh từ chung chỉ đơn vị hành chính chỉ viết hoa chữ cái đầu: «{shown}» → «{good}» (Phụ lục II, NĐ 30)",
                       f"Only the first letter of an administrative unit's noun is a capital: «{shown}» → «{good}»")
            continue
        if joined and nxt.text.lower() in _ORGAN_NEXT:
            continue  # Tỉnh ủy, Huyện đoàn
        if not after:
            # no proper name after it: the unit's noun after the name of an organ (``UBND
            # Xã``), and the noun standing alone after a small word or a number, or in a list
            # of them (``trên địa bàn Tỉnh``, ``có 12 Huyện, Thị xã``): not at a line's end,
            # where a wrapped line may go on with the name
            prev = toks[i - 1] if i else None
            if prev is None or prev.before.endswith(("\n",)):
                continue
            pair = (toks[i - 2].text, prev.text) if i >= 2 else None
            organ = t.before in (" ", "\u00a0") and prev.text in _ORGAN_END and not (
                prev.text in {"dân", "Dân", "bộ", "tra", "an"} and pair not in _ORGAN_PAIRS)
            if not organ:
                if nxt is None and not text[last.end:toks.end].strip():
                    continue
                if not ((prev.text.islower() and _ALONE_BEFORE.fullmatch(t.before))
                        or (t.before == ", " and i - 1 in listed)):
                    continue
        lower = phrase.lower()
        listed.add(i + len(noun) - 1)
        shown = f"{phrase} {after}".strip()
        good = f"{lower} {after}".strip()
        yield (
            t.start, last.end, lower,
            f"Danh từ chung chỉ đơn vị hành chính viết thường: «{shown}» → «{good}» (Phụ lục II, NĐ 30)",
            f"The common noun of an administrative unit is lower case: «{shown}» → «{good}»",
        )
