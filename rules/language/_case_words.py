"""Common words and sentence starts (Phụ lục II, I and VI).

- A common word is written with a small letter inside a sentence: ``theo quy
  định``, ``các đơn vị``, ``UBND chủ trì``.  Whether a capitalised word is a name
  (``Sở``, ``Ủy ban``) or a mistake is told by how often the legal text writes it
  with a capital after a small-letter word (:func:`._case_data.capital_verdict`):
  a judgement, so the fix is unsafe.  A capital before a number or ``số`` names a
  document (``Kế hoạch số 12``, ``Quyết định 45``) and is left alone, as is a word
  inside a run of capitalised words (a name).
- Months and weekdays: ``tháng 10``, ``thứ Hai`` (the noun in small letters).
- ``về việc`` inside a line, after a date, a number or a name.
- After ``;`` a sentence goes on: ``…các sở; các đơn vị…``.
- A sentence starts with a capital: ``…hoàn thành tốt. Các đơn vị…``.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Iterator

from notice_lint_rules._memo import Verdicts

from ._case_data import capital_verdict, fields_by_first, named_term
from ._case_text import Line, Tok, is_title
from ._syllables import key_of

__all__ = ["word_defects", "sentence_defects", "weekday_defects", "period_defects", "PERIOD_WORDS", "NAME_WORDS", "NAME_PAIRS"]

_NUMBER_AFTER = re.compile(r"[ \u00a0]*(?:\d|số\b|Số\b|[IVXLC]+\b)")
# function words and verbs that never start a name: a capital on them after ";" is wrong
_AFTER_SEMICOLON = {
    "các", "những", "và", "của", "cho", "để", "được", "đã", "sẽ", "đang", "có", "không", "với",
    "trong", "theo", "tại", "từ", "về", "là", "thì", "mà", "nhưng", "hoặc", "cũng", "vẫn", "chưa",
    "phải", "cần", "nên", "đồng", "tuy", "ngoài", "đề", "giao", "tiếp", "kịp", "bảo",
    "đảm", "thực", "chỉ", "rà", "tăng", "tổ", "triển", "hoàn", "khẩn", "nghiêm", "tránh", "đặc",
}
# words for a type of organ, titles and the nouns Phụ lục II capitalises in some uses
# (``các Sở, ngành``, ``Giám đốc Sở``, ``Đảng``): the statistics of the legal text
# mix them with other words (``cơ sở``, ``giám đốc doanh nghiệp``), so they are
# left to the list of names
_NAME_WORDS = {
    "Sở", "Ban", "Bộ", "Phòng", "Cục", "Vụ", "Viện", "Hội", "Đoàn", "Đội", "Ủy", "Uỷ", "Kho", "Trường",
    "Tòa", "Toà", "Đảng", "Quỹ", "Giám", "Bí", "Phó", "Trưởng", "Chánh", "Thứ", "Nhà", "Nhân", "Bác",
    "Người", "Tết", "Huyện", "Tỉnh", "Xã", "Phường", "Quận", "Thành", "Thị", "Mặt", "Cảng",
}
_THIS = {"này", "nói", "trên"}
# capitalised in their noun use by Phụ lục II, VI: never judged by the statistics
_RESPECT = {"Nhà", "Nhân", "Đảng", "Bác", "Người", "Tết", "Ngày", "Ngành"}
# the pairs that start the name of a company, a project or an industrial park: the
# document gives the name (``Công ty cổ phần …``, ``Dự án “…”``, ``Cụm công nghiệp …``)
_NAME_PAIRS = {
    ("Công", "ty"), ("Doanh", "nghiệp"), ("Chi", "nhánh"), ("Tập", "đoàn"), ("Hợp", "tác"), ("Dự", "án"),
    ("Cụm", "công"), ("Khu", "công"), ("Nhà", "máy"), ("Đề", "án"), ("Liên", "danh"), ("Tổng", "công"),
}
#: the same, for the other checks of NL207
NAME_WORDS, NAME_PAIRS = _NAME_WORDS, _NAME_PAIRS
# after an organ's word these say the organ is the document's own (``thuộc Sở phải …``)
_AFTER_OWN = {"khác", "đó", "mình", "phải", "này", "nêu", "ta"}
# (not once the law is "this one" or its number is followed by a comma: ``Thông tư này có
# hiệu lực``, ``Thông tư số 12/2020/TT-BNNPTNT, có hiệu lực``)
_LAW_BEFORE = re.compile(r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Thông tư)\b(?! này| đó| nói trên| trên)[^;:.,()]{0,50}\Z")
# the next word starts a name: ``Luật Đất đai``, ``Bộ luật Hình sự``, ``thứ Hai``, ``tháng Giêng``
_NAMING = {"luật", "Luật", "lệnh", "thứ", "tháng", "ngày", "tết", "Tết"}


# organ abbreviations after which a capital is a mistake (``UBND Chủ trì``); after any
# other word in capitals a name may go on (``P.TP Tư vấn``)
_ORGAN_ABBREV = {"UBND", "HĐND", "BTV", "BCH", "BCĐ", "MTTQ", "BTC"}
# the last word of a noun after which a capitalised word starts the thing's name:
# an organ or a company (``phòng Kinh tế``, ``Công ty Cổ phần …``), a project, a plan
# or an event (``dự án Khai thác …``, ``dự thảo Định hướng …``)
_NAMED_BY_NEXT = {
    "phòng", "sở", "ban", "cục", "vụ", "viện", "tâm", "ty", "nhánh", "đoàn", "đội", "trường", "hội",
    "án", "thảo", "hoạch", "trình", "trào", "thi", "xã", "nghiệp", "khu", "cụm", "làng", "thôn", "bản",
    "tổ", "nhóm", "quỹ", "lệnh", "luật", "thứ", "tháng", "ngày", "tết", "đồng", "sông", "núi", "hồ",
    "đường", "phố", "cầu", "chợ", "mỏ", "tập", "đề", "bộ", "tướng", "tịch", "thư", "đốc",
    # a rank after "cấp bậc", "quân hàm" (``thăng cấp bậc Hạ sĩ``)
    "bậc", "hàm",
    "ủy", "uỷ",  # a Party committee's name goes on: "Đảng ủy Khối các cơ quan tỉnh"
}
# a degree after "bằng" (``có bằng Đại học``): the level of the degree is its name
_DEGREES = {("Đại", "học"), ("Cao", "đẳng"), ("Trung", "cấp"), ("Thạc", "sĩ"), ("Tiến", "sĩ"), ("Cử", "nhân")}
# the names of heavenly bodies, capitalised as names (``bề mặt Trái đất``)
_BODIES = {("Trái", "đất"), ("Trái", "Đất"), ("Mặt", "trời"), ("Mặt", "Trời"), ("Mặt", "trăng"), ("Mặt", "Trăng")}
# what may join the words of one name: after a dash or in quotation marks a capital goes on it
_NAME_JOIN = (" - ", " – ")
_QUOTES = "\"“”"
# document kinds: capitalised when followed by the document's title or number
# (``thực hiện Kế hoạch diễn tập …``), not when used bare (``theo Quy định``)
_KINDS = {
    ("kế", "hoạch"), ("quy", "hoạch"), ("báo", "cáo"), ("phương", "án"), ("đề", "án"), ("dự", "án"),
    ("dự", "thảo"), ("quyết", "định"), ("thông", "báo"), ("tờ", "trình"), ("công", "văn"), ("văn", "bản"),
    ("chương", "trình"), ("nghị", "quyết"), ("chỉ", "thị"), ("quy", "chế"), ("quy", "định"),
    ("hướng", "dẫn"), ("thông", "tư"), ("nghị", "định"), ("kết", "luận"), ("hồ", "sơ"), ("đề", "cương"),
    ("định", "mức"), ("quy", "trình"),
}
# a word after a document kind that does not start its title
_FUNCTION = {
    "của", "và", "để", "được", "theo", "tại", "về", "với", "cho", "đã", "sẽ", "đang", "trong", "khi",
    "thì", "là", "có", "không", "các", "những", "do", "từ", "đến", "đúng", "nêu", "đề", "mà", "hoặc",
}


def _names_something(toks: Line, i: int, text: str, covered=(), bound: bool = False) -> bool:
    """Is the capitalised word ``toks[i]`` (inside a sentence) part of a name, a title,
    or the start of one?  Then it is not judged as a common word.  ``bound``: the word
    is the second syllable of a word whose first is the small-letter word before it
    (:func:`_bound`): that word does not introduce a name."""
    t = toks[i]
    prev = toks[i - 1]
    p = prev.text
    # a function word goes on no name ("Ban Nội chính Các cấp"), unless after a numeral (a
    # heading's title: "Chương I Những quy định chung") or in a list ("Tốt, Xấu và Không …")
    function = t.text in _NEVER_IN_NAME and not p.isupper() and t.before == " " and p not in ("và", "hoặc")
    if p.isupper() and len(p) > 1:
        if p not in _ORGAN_ABBREV and not function:
            return True
    elif not p.islower() and not function:
        return True  # after a capitalised word a name goes on
    if (p in _NAMING or p.lower() in _NAMED_BY_NEXT) and not bound:
        return True  # a law's name, a month or weekday in words, an organ's or a project's name
    if _in_name(toks, i, covered) and not (
        bound or function or _second_syllable(p, t.text, t.before, toks[i + 1].text if i + 1 < len(toks) else None)
    ):
        return True  # (not the second syllable of a word: "Thông tư này áp Dụng")
    n = len(toks)
    # what follows: a capitalised word, a word in capitals or a number within three
    # words (commas allowed) means a name or a title is being given
    for j in range(i + 1, min(n, i + 5)):
        u = toks[j]
        if j == i + 4:  # only a dash joins a fourth word on: "Thiết kế kỹ thuật - Dự toán"
            if u.before in _NAME_JOIN and u.text[:1].isupper():
                return True
            break
        if u.before not in (" ", ", ", "\u00a0"):
            if any(c.isdigit() for c in u.before) and toks[j - 1].text not in _DATE_NOUNS:
                return True  # "Kế hoạch 12", not "kể Từ ngày 01"
            if u.text[:1].isupper() and (u.before in _NAME_JOIN or (j == i + 1 and u.before.strip(" ") in _QUOTES)):
                return True  # "điểm Bưu điện - Văn hóa xã", "Thiết kế kỹ thuật - Dự toán", "Bản “Tiêu chuẩn …”"
            break
        if u.text[:1].isupper() or u.text in _THIS:
            if u.before == ", " and j + 1 < n and toks[j + 1].before == " " and not u.text.isupper() \
                    and capital_verdict(key_of(u.text), key_of(toks[j + 1].text)) \
                    and not _field_at(toks, j) \
                    and not (j + 3 < n and toks[j + 2].text == "và" and is_title(toks[j + 3].text)):
                continue  # a list of common words, each capitalised by mistake: "Cán bộ, Công chức"
            return True
        if u.text in _FUNCTION and u.text != "và":
            break  # "theo Quy định tại Khoản 4": a new phrase starts
    if _NUMBER_AFTER.match(text, t.end):
        return True
    # a national system's or programme's name ends in "quốc gia": "Mã bưu chính quốc gia",
    # "Ứng dụng định danh quốc gia", "Thương hiệu quốc gia Việt Nam"
    for j in range(i + 1, min(n - 1, i + 5)):
        u = toks[j]
        if u.before != " " or not u.text.islower() or u.text in _FUNCTION:
            break
        if u.text == "quốc" and j > i + 1 and toks[j + 1].text == "gia" and toks[j + 1].before == " ":
            return True
    nxt = toks[i + 1] if i + 1 < n else None
    if nxt is not None and nxt.before == " ":
        if _NUMBER_AFTER.match(text, nxt.end) and nxt.text not in _DATE_NOUNS:
            return True  # "Kế hoạch 12", not "kể Từ ngày 01"
        pair = (t.text, nxt.text)
        if pair in _BODIES or (p == "bằng" and pair in _DEGREES):
            return True
        if (t.text.lower(), nxt.text) in _KINDS:
            after = toks[i + 2] if i + 2 < n else None
            if after is not None and after.before == " " and after.text not in _FUNCTION:
                return True  # a document kind followed by the document's title
    return False


# words that start the name of an organ, a company or a place even at a line's start
_NAME_STARTERS = {
    "Công", "Sở", "Phòng", "Ban", "Trung", "Chi", "Cục", "Tổng", "Hợp", "Doanh", "Dự", "Cụm", "Khu",
    "Nhà", "Trường", "Bệnh", "Hội", "Đoàn", "Ủy", "Uỷ", "Văn", "Viện", "Đội", "Tập", "Liên", "Kho", "Quỹ",
}


# function words with a capital: no name goes on with one of them, whatever comes before
# ("của Ban Nội chính Các cấp", "Thủ tướng Chính phủ Quy định" is another matter)
_NEVER_IN_NAME = frozenset(w.capitalize() for w in (
    "các", "những", "của", "để", "được", "trong", "theo", "tại", "với", "là", "thì", "mà", "nhưng", "hoặc",
    "đã", "sẽ", "đang", "không", "cũng", "vẫn"))
# a verb or a word that links a subject to what it does: a name never goes on over it
# ("Văn phòng Sở là Đầu mối …": the name ended at "Sở")
_NAME_BREAKS = frozenset({"là", "được", "đã", "sẽ", "đang", "phải", "cần", "không", "thì", "mà", "bị", "nên", "vẫn"})


def _in_name(toks: Line, i: int, covered=()) -> bool:
    """A capitalised word among the five before, joined by spaces, commas, dashes or
    ``và``: the word may go on a name (``Trung tâm Y tế``, ``Công ty cổ phần Xây dựng …``,
    ``Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công``, ``Trung tâm Văn hóa -
    Thông tin và Thể thao``).  A sentence's first word counts only when it starts the
    name of an organ or a company.  Not a name the word goes on: a listed name that
    ended before it (``covered``: ``Thường trực Huyện ủy kết quả …``), a comma followed
    by a small letter (``… Trung tâm, được giao …``), a capital that is itself a common
    word's mistake (``Đoàn viên``), a verb between (``Văn phòng Sở là Đầu mối``:
    :data:`_NAME_BREAKS`)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        t = toks[j]
        sep = toks[j + 1].before
        if sep not in (" ", ", ", "\u00a0", " - ", " – "):
            return False
        if sep == ", " and j + 1 != i and not is_title(toks[j + 1].text):
            return False
        if j in covered and j + 1 not in covered and i - j <= 3 \
                and any(toks[k].text != "và" for k in range(j + 1, i)):
            return False  # a listed name ended, then the sentence went on for a word or two
        if t.text.isupper() and len(t.text) > 1:
            return False  # an organ's abbreviation (UBND) is not inside a name
        if t.text in _NAME_BREAKS:
            return False
        if is_title(t.text):
            if t.before in (" - ", " – ") and j:
                continue  # the part of a name after a dash: "Văn hóa - Thông tin"
            if t.text in _NAME_WORDS and j + 1 < len(toks) and toks[j + 1].text == "viên" \
                    and toks[j + 1].before == " " \
                    and capital_verdict(key_of(t.text), "viên", pair_only=True):
                return False  # a member's noun capitalised by mistake: "Đoàn viên", "Hội viên"
            # a line's first word in capitals after a line left open: a name wrapped over
            # two lines ("… phối hợp với Chi cục / Trồng trọt và Bảo vệ thực vật")
            return t.mid or t.text in _NAME_STARTERS or (j == 0 and toks.cont)
        if not t.mid:
            # a text export's line wrapped before «và» inside a name (``… qua Phòng Quản lý văn
            # hóa`` / ``và Gia đình, …``): the name began on the line left open before
            # ; or a table cell wrapped inside a name (``Trung tâm Huấn`` / ``luyện và Thi đấu``)
            return j == 0 and ((i == 1 and toks.cont and t.text == "và") or toks.name_cont)
    return False


# a weekday's name in small letters, told from an ordinal (``lần thứ sáu``) by the date or
# week after it: ``thứ sáu, ngày 14``, ``Thứ bảy tuần này``
_WEEKDAY_LOW = re.compile(r"(?<![^\W\d_])([Tt])hứ (hai|ba|tư|năm|sáu|bảy)(?=,? (?:ngày [0-9]|tuần|hằng tuần|hàng tuần))")


def weekday_defects(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, str, str, bool]]:
    """``thứ sáu, ngày 14`` → ``thứ Sáu`` (Phụ lục II, VI): ``(start, end, replacement, vi, en, safe)``."""
    for m in _WEEKDAY_LOW.finditer(text, start, end):
        good = "thứ " + m.group(2).capitalize()
        bad = m.group()
        yield (m.start(), m.end(), good,
               f"Ngày trong tuần viết «{good}»: «{bad}» → «{good}» (Phụ lục II, NĐ 30)",
               f"A weekday is written «{good}»: «{bad}» → «{good}»", True)


# the capitalised words judged by their own rule, not by the statistics
_SPECIAL = {"Tháng", "Thứ", "Về"}
# a year or a quarter by its number inside a sentence (``trong Năm 2025``, ``Quý I``)
_PERIOD_NUMBER = re.compile(r" (?:\d|(?:I|II|III|IV)\b)")
_NUMBERED_PERIODS = frozenset({"Năm", "Quý", "Ngày"})
_EVERY = frozenset({"hằng", "hàng", "mỗi", "từng"})
#: the words :func:`period_defects` starts from
PERIOD_WORDS = frozenset({"Năm", "Quý", "Tháng", "Tuần", "Ngày"})
_WEEKDAYS = {"Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"}
# abbreviations that end with a full stop and may be followed by a small letter
_ABBREV = {"tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "th", "tr", "st", "vd", "v", "vv", "ng", "đ", "q", "p", "kt", "tl", "tm", "tuq", "cn", "ncs"}
_LOWER_LETTERS = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
#: a full stop, spaces and a small letter: where sentence_defects may find something
STOP_THEN_LOWER = _STOP_THEN_LOWER = re.compile(f"[.?!][ \u00a0]+[{_LOWER_LETTERS}]")
_SENTENCE_END = re.compile(r"[.?!][ \u00a0]+\Z")
# what may end a sentence between two words: the mark alone or after a number (``năm 2026.``)
_STOP_SEP = re.compile(r"(?:[ \u00a0]*\d+(?:[/,]\d+)*)?[.?!]")
_NUMBERED = {"điều", "khoản", "mục", "phần", "chương", "số", "trang", "tr", "bước", "giai", "đoạn", "phụ", "lục"}


def word_defects(
    toks: Line, text: str, covered: set[int], defined: set[str]
) -> Iterator[tuple[int, int, str, str, str, bool]]:
    """``(start, end, replacement letter, vi, en, safe)``; ``covered``: the indices of the
    words of listed names (judged by :mod:`._case_organs`); ``defined``: the words the
    document defines as a short name (``… Duy Hiếu (Công ty)``)."""
    n = len(toks)
    words = toks.words
    seps = toks.seps
    flagged: set[int] = set()  # the words reported: a comma list of them goes on ("Cán bộ, Công chức")
    caps = toks.capitals()
    if not caps:
        return
    # the kind of every capitalised word at C speed (most are names: left alone)
    last = caps[-1] == n - 1
    inner = caps[:-1] if last else caps
    after = list(map(_NEXT, inner))
    kinds = list(map(_KIND_BY.__getitem__, zip(
        map(words.__getitem__, inner), map(words.__getitem__, after), map(seps.__getitem__, after))))
    if last:
        kinds.append(_KIND[(words[n - 1], None)])
    for i, kind in compress(zip(caps, kinds), kinds):
        w = words[i]
        if i + 1 < n:
            nw = words[i + 1]
            joined_next = seps[i + 1] == " "
        else:
            nw = None
            joined_next = False
        special = kind is _SPECIAL_WORD
        if not special:
            if w in defined or i in covered:
                continue
            if joined_next and (w, nw) in _NAME_PAIRS:
                continue
            # the first tests of _names_something, from the words alone (before any token)
            if _NAMED_AFTER[words[i - 1]] and not (seps[i] == ", " and (i - 1 in flagged or i - 2 in flagged)) \
                    and not _second_syllable(words[i - 1], w, seps[i], nw) \
                    and not (w in _NEVER_IN_NAME and seps[i] == " " and not words[i - 1].isupper()):
                continue
        t = toks[i]
        if t.quoted:
            continue
        if not t.mid:
            if w == "Về" and nw == "việc" and _runs_on(text, t.start) and "\n" not in t.before:
                yield (t.start, t.end, "v",
                       "«về việc» giữa dòng viết thường: «Về việc» → «về việc»",
                       "«về việc» inside a line takes a small letter: «Về việc» → «về việc»", True)
            continue
        if special:
            if w == "Tháng" and text[t.end:t.end + 1] == " " and text[t.end + 1:t.end + 2].isdigit():
                yield (t.start, t.end, "t",
                       "Tên tháng bằng số viết thường: «Tháng» → «tháng» (Phụ lục II, NĐ 30)",
                       "A month given by its number takes a small letter: «Tháng» → «tháng»", True)
            elif w == "Thứ" and joined_next and nw in _WEEKDAYS:
                yield (t.start, t.end, "t",
                       f"Ngày trong tuần viết «thứ {nw}»: «Thứ {nw}» → «thứ {nw}» (Phụ lục II, NĐ 30)",
                       f"A weekday is written «thứ {nw}»: «Thứ {nw}» → «thứ {nw}»", True)
            elif w == "Về" and joined_next and nw == "việc" and _runs_on(text, t.start):
                yield (t.start, t.end, "v",
                       "«về việc» giữa dòng viết thường: «Về việc» → «về việc»",
                       "«về việc» inside a line takes a small letter: «Về việc» → «về việc»", True)
            continue
        if t.before.rstrip(" \u00a0").endswith(";"):
            continue  # after ";" only the words of semicolon_defects
        if nw is None and text[t.end:toks.end].strip() == "":
            continue  # the line's last word: a wrapped line may go on with its name
        if joined_next and (w, nw) in _NAME_PAIRS:
            continue
        if joined_next and i + 2 < n and seps[i + 2] == " " and nw.islower() and words[i + 2].islower() \
                and named_term(f"{key_of(w)} {key_of(nw)} {key_of(words[i + 2])}"):
            continue  # a term the legal text writes as a name ("tại Trụ sở tiếp công dân")
        field_caps = _field_at(toks, i)
        if field_caps > 1 or (field_caps and (seps[i] in (", ", ": ") or words[i - 1] == "ngành"
                                             or (words[i - 1] == "vực" and words[i - 2] == "lĩnh"))):
            # a field by its name ("ngành Giáo dục và Đào tạo", "chuyên ngành Thú y", "lĩnh vực
            # Thú y"), a list
            # of organs by their fields ("các sở: Tư pháp, Tài chính")
            continue
        listed = seps[i] == ", " and (i - 1 in flagged or i - 2 in flagged)
        # (only where the word before would otherwise be taken to introduce a name)
        bound = _NAMED_AFTER[words[i - 1]] and _second_syllable(words[i - 1], w, seps[i], nw)
        if not listed and _names_something(toks, i, text, covered, bound):
            continue
        if _LAW_BEFORE.search(text, max(0, t.start - 60), t.start):
            continue  # inside a law's or a decree's name
        if w in _DOC_KINDS and _names_document(toks, i, text):
            continue  # "ban hành Quy định về …", "Quy định số 124-QĐ/TW", "Quy định của Bộ Chính trị về …"
        low = w[0].lower() + w[1:]
        flagged.add(i)
        yield (t.start, t.end, w[0].lower(),
               f"Danh từ chung giữa câu viết thường: «{w}» → «{low}» (Phụ lục II, NĐ 30)",
               f"A common word inside a sentence takes a small letter: «{w}» → «{low}»", False)


#: a document's kind, capitalised: first syllable -> the second ones
_DOC_KINDS = {
    "Quy": ("định", "chế"), "Kế": ("hoạch",), "Chương": ("trình",), "Đề": ("án",), "Hướng": ("dẫn",),
    "Quyết": ("định",), "Chỉ": ("thị",), "Nghị": ("quyết", "định"), "Thông": ("báo", "tư", "tri"),
    "Kết": ("luận",), "Báo": ("cáo",), "Phương": ("án",), "Điều": ("lệ",),
}


def _names_document(toks: Line, i: int, text: str) -> bool:
    """Does the capitalised kind at word ``i`` name one document: followed by its number
    (``Quy định số 124-QĐ/TW``), by its trích yếu (``Quy định về quản lý …``), or by its
    author and then its trích yếu (``Quy định của Bộ Chính trị về …``)?  Phụ lục II: the kind
    of a document spoken of in particular takes its capital.  ``theo Quy định của pháp luật``
    names none."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].text not in _DOC_KINDS[toks[i].text] or toks[i + 1].before != " ":
        return False
    nxt = toks[i + 2]
    if nxt.before != " ":
        return False
    if nxt.text == "về":
        return True
    if nxt.text == "số":
        return text[nxt.end:nxt.end + 2].lstrip(" \u00a0")[:1].isdigit()
    if nxt.text == "của" and i + 3 < n and toks[i + 3].text[:1].isupper():
        return any(toks[j].text == "về" for j in range(i + 4, min(n, i + 14)))
    return False


_SPECIAL_WORD = 1  # judged by its own rule (a month, a weekday, «về việc»)
_COMMON = 2  # the statistics say a common word: judged in its context


def _kind(pair: tuple[str, str | None]) -> int:
    """What :func:`word_defects` makes of the capitalised word ``pair[0]`` before the word
    ``pair[1]`` (None: no word joined by one space): 0 a name or in capitals, left alone;
    :data:`_SPECIAL_WORD`; :data:`_COMMON`.  A pure function of the two words, kept for
    the process in :data:`_KIND`."""
    w, nw = pair
    if len(w) > 1 and w[1:].isupper():
        return 0  # in capitals
    if w in _SPECIAL:
        return _SPECIAL_WORD
    # the statistics first (two dict look-ups): most capitalised words are names
    if w in _RESPECT:
        # but a member of the Party is a common noun: ``kết nạp đảng viên`` (HD 36, HD 05)
        return _COMMON if w == "Đảng" and nw == "viên" else 0
    if w in _NAME_WORDS:  # a name part alone: only the pair tells ("Ban hành")
        if nw is None or nw in _FUNCTION or nw in _AFTER_OWN:
            return 0
        verdict = capital_verdict(key_of(w), key_of(nw), pair_only=True)
    else:
        verdict = capital_verdict(key_of(w), key_of(nw) if nw is not None else None)
    return _COMMON if verdict else 0


_KIND = Verdicts(_kind)


def _field_at(toks: Line, i: int) -> int:
    """The number of capitalised words of the field of an organ's name (``Tài chính``: 1,
    ``Giáo dục và Đào tạo``: 2; the ``fields`` of ``data/case.json``) that starts at word
    ``i`` written its official way; 0 when none does."""
    cands = fields_by_first().get(key_of(toks.words[i]))
    if not cands:
        return 0
    words = toks.words
    seps = toks.seps
    n = len(words)
    for _keys, field in cands:
        k = len(field)
        if i + k <= n and all(words[i + m] == field[m] and (m == 0 or seps[i + m] in (" ", " - ", ", "))
                              for m in range(k)):
            return sum(1 for w in field if w[0].isupper())
    return 0


def _named_after(p: str) -> bool:
    """After the word ``p`` a capitalised word is part of a name (the first tests of
    :func:`_names_something`, told from the word alone, before any token is made)."""
    if p.isupper() and len(p) > 1:
        if p not in _ORGAN_ABBREV:
            return True
    elif not p.islower():
        return True
    return p in _NAMING or p.lower() in _NAMED_BY_NEXT


_NAMED_AFTER = Verdicts(_named_after)

# a date's noun: a number after it gives a date, not a document's number
_DATE_NOUNS = frozenset({"ngày", "tháng", "năm"})
# words after which a capital starts a name even when the two make a word (``thứ Hai``,
# ``tháng Giêng``, a commune or a river named by one syllable)
_NAMES_FOLLOW = frozenset({"thứ", "tháng", "ngày", "tết", "luật", "lệnh", "xã", "thôn", "bản", "làng",
                           "sông", "núi", "hồ", "phố", "chợ", "mỏ", "cầu", "đường"})
#: a pair whose first syllable is followed by the second, and the second preceded by the
#: first, in at least this share of their uses in the legal text: the two make one word
BOUND_SHARE = 0.1
BOUND_MIN = 100


def _bound(pair: tuple[str, str]) -> bool:
    """Is the capitalised ``pair[1]`` the second syllable of one word with the small-letter
    ``pair[0]`` before it (``hiệu Lực``, ``tổ Chức``, ``thi Hành``)?  A capital there never
    starts a name, whatever the first syllable may introduce elsewhere (``tổ Công tác``)."""
    p, w = pair
    if not p.islower() or p in _NAMES_FOLLOW or not w[1:].islower():
        return False
    from ._wordstats import pair_stats

    stats = pair_stats()
    a, b = key_of(p), key_of(w)
    n = stats.pair(a, b)
    if n < BOUND_MIN:
        return False
    return n >= BOUND_SHARE * stats.count(a) and n >= BOUND_SHARE * stats.count(b)


_BOUND = Verdicts(_bound)


def _second_syllable(prev: str, w: str, sep: str, nxt: str | None) -> bool:
    """Is the capitalised ``w``, one space after ``prev`` and before ``nxt`` (the next word,
    None at the end), the second syllable of one word with it (:func:`_bound`)?  Not when
    the next word has a capital: a name goes on (``thành phố Hồ Chí Minh``)."""
    return sep == " " and not (nxt and nxt[:1].isupper()) and _BOUND[(prev, w)]
# (word, next word, separator between them) -> :func:`_kind`
_KIND_BY = Verdicts(lambda k: _KIND[(k[0], k[1] if k[2] == " " else None)])
_NEXT = (1).__add__


def _runs_on(text: str, at: int) -> bool:
    """Something of the same line (a date, a number, a name) comes right before."""
    before = text[:at].rstrip(" \u00a0")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def period_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """A period of time written with a capital inside a sentence: a year, a quarter or a
    day given by its number (``trong Năm 2026``, ``kết quả Quý I``, ``trước Ngày 25``), and any period after
    ``hằng``, ``hàng``, ``mỗi``, ``từng`` (``trước ngày 20 hằng Tháng``): common nouns
    (a suggestion: a document may write them so throughout, and NL207 then drops it)."""
    words = toks.words
    for i in toks.find(PERIOD_WORDS):
        t = toks[i]
        if not t.mid or t.quoted:
            continue
        prev = words[i - 1].lower()
        if prev in _EVERY and t.before == " ":
            pass  # "hằng Tháng", "mỗi Năm"
        elif t.text not in _NUMBERED_PERIODS or not _PERIOD_NUMBER.match(text, t.end):
            continue
        elif prev == "thứ" or t.before.rstrip(" \u00a0").endswith(";"):
            continue  # "thứ Năm 12/6": a weekday; after ";" a sentence may start
        w = t.text
        low = w.lower()
        yield (t.start, t.end, low[0],
               f"Danh từ chỉ thời gian viết thường: «{w}» → «{low}» (Phụ lục II, NĐ 30)",
               f"A period of time is a common noun, in small letters: «{w}» → «{low}»")


def semicolon_defects(toks: Line) -> Iterator[tuple[int, int, str, str, str, bool]]:
    for i in toks.capitals():
        w = toks.words[i]
        if ";" not in toks.seps[i] or w.isupper() or w.lower() not in _AFTER_SEMICOLON:
            continue
        t = toks[i]
        if not t.before.rstrip(" \u00a0").endswith(";") or t.before.strip(" \u00a0") != ";":
            continue
        yield (t.start, t.end, w[0].lower(),
               f"Sau dấu chấm phẩy viết thường: «{w}» → «{w.lower()}»",
               f"Lower case after a semicolon: «{w}» → «{w.lower()}»", True)


def sentence_defects(toks: Line, text: str) -> Iterator[tuple[int, int, str, str, str, bool]]:
    """A small letter after the full stop that ends a sentence inside a line."""
    if not _STOP_THEN_LOWER.search(text, toks.start, toks.end):
        return
    seps = toks.seps
    words = toks.words
    for i in range(1, len(toks)):
        sep = seps[i]
        if "." not in sep and "?" not in sep and "!" not in sep or not words[i].islower():
            continue
        t = toks[i]
        w = t.text
        sep = t.before
        if not _SENTENCE_END.search(sep) or not _STOP_SEP.fullmatch(sep.strip(" \u00a0")):
            continue
        prev = toks[i - 1].text
        if sep.strip(" \u00a0")[:1].isdigit() and prev.lower() in _NUMBERED:
            continue  # "Điều 3. các …": a heading's label
        if len(prev) < 2 or prev.lower() in _ABBREV or not (prev.islower() or is_title(prev)) or t.quoted:
            continue
        after = text[t.end:t.end + 1]
        if after in (")", ".") :
            continue  # a label "a)" or an abbreviation
        if len(w) == 1 and after != " ":
            continue
        up = w[0].upper() + w[1:]
        yield (t.start, t.end, w[0].upper(),
               f"Đầu câu viết hoa: «{prev}{sep}{w}» → «{prev}{sep}{up}» (Phụ lục II, NĐ 30)",
               f"A sentence starts with a capital: «{prev}{sep}{w}» → «{prev}{sep}{up}»", True)
