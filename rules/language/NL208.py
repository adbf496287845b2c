from __future__ import annotations

import re
from typing import Any, Iterable

from notice_lint.rule import ANY_PROFILE, Finding, Rule, RuleContext, Severity
from ._lazy import LazyRe
from ._syllables import built_stream
from ._validator import UPPER, check, has_vietnamese_mark, is_caps

_L = r"[^\W\d_]"
# an upper-case token (letters, "&" inside), not part of a longer word
_CAPS_TOKEN = re.compile(rf"(?<![\w&])[{UPPER}]+(?:&[{UPPER}]+)*(?![\w&])")
# what any reported token holds: two capitals, or a capital before "&" (``KH&CN``, ``A&B``)
_TWO_CAPS = re.compile(rf"[{UPPER}][{UPPER}&]")
_DIGIT = re.compile(r"\d")
# a number after a code (``OM 5451``, ``FSSC 22000``), not a list's next item (``UAV 1. Việc``)
_CODE_NUMBER = re.compile(r" \d++(?![.,/]\d)(?!\.)")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DEFINED_PAREN = re.compile(r"\(\s*([^\W\d_][^\W\d_&\-]*(?:[&\-][^\W\d_]+)*)\s*\)")
_DEFINED_WORDS = LazyRe(
    # possessive space runs (``\s*+``): the spaces are never shared out between them (a long run
    # would be tried every way); the optional «là» and marks still back off
    r"(?:gọi|viết)\s++tắt\s++(?:là\s*+)?:?\s*+[«“\"']?\s*+([^\W\d_][^\W\d_&\-]*(?:[&\-][^\W\d_]+)*)",
    re.IGNORECASE,
)


def _has_tat(text: str) -> bool:
    """Does ``text`` hold «tắt» in any case (the literal _DEFINED_WORDS needs)?"""
    # a case-insensitive search scans slowly; «ắ» / «Ắ» are found fast, and are rare; then
    # the text in lower case holds «tắt» exactly where re.compile("tắt", re.I) would match:
    # only T/t lower to «t» and Ắ/ắ to «ắ», and re.I folds no other letter into them
    # (checked on every code point)
    return ("ắ" in text or "Ắ" in text) and "tắt" in text.lower()


# «tắt» in any case (only T/t and Ắ/ắ fold into its letters, see _has_tat)
_TAT_WORDS = frozenset(a + b + c for a in "tT" for b in "ắẮ" for c in "tT")


def _may_define(doc) -> bool:
    """May a definition pattern match in ``doc``?  Told from the stream when it is built: a
    «(» lies in a separator, and _DEFINED_WORDS needs «tắt» as a whole word."""
    st = built_stream(doc)
    return st is None or "(" in st.separator_text() or not _TAT_WORDS.isdisjoint(st.inventory()[0])


# a company's or a plant's registered name may contain letters that are no abbreviation to spell out
_FIRM = LazyRe(
    r"(?:công ty|tập đoàn|nhà máy|chi nhánh|liên danh|doanh nghiệp|hợp tác xã|hộ kinh doanh)\b(?=[^;:.()]*$)",
    re.IGNORECASE,
)


# words that end a firm's name: "Công ty cổ phần Mông Sơn về việc …" ends before "về"
_NAME_ENDS = frozenset(
    "về của tại cho với để theo đã đang được là các những trong trên từ đến khi thì mà này đó có "
    "không nêu việc đề nghị báo cáo thực hiện".split()
)


def _in_firm_name(before: str) -> bool:
    """True when the text before a token is a firm's name still running (no word that ends it)."""
    m = None
    for m in _FIRM.finditer(before):
        pass
    if m is None:
        return False
    return not any(w in _NAME_ENDS for w in before[m.end() :].split())


def _build_allowed(rows: list[Any]) -> frozenset[str]:
    out: set[str] = set()
    for row in rows:
        value = row if isinstance(row, str) else (row.get("abbr") or row.get("abbreviation") or "") if isinstance(row, dict) else ""
        if value:
            out.add(value.strip())
    return frozenset(out)


def _kind_abbrs(rows: list[Any]) -> frozenset[str]:
    out: set[str] = set()
    for row in rows:
        if isinstance(row, dict):
            for key in ("state", "party", "hd36", "hd05"):
                value = row.get(key)
                if isinstance(value, str) and value:
                    out.add(value)
    return frozenset(out)


_ALLOWED: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}


def _allowed(table: frozenset[str], kinds: frozenset[str]) -> frozenset[str]:
    """The abbreviations of the table and the document kinds (built once per pair of sets)."""
    key = (table, kinds)
    both = _ALLOWED.get(key)
    if both is None:
        if len(_ALLOWED) > 16:
            _ALLOWED.clear()
        both = _ALLOWED[key] = table | kinds
    return both


def _is_abbreviation(word: str) -> bool:
    letters = word.replace("&", "")
    if len(letters) < 2 or not letters.isupper() or _ROMAN.match(letters):
        return False
    return True


def _is_word(word: str) -> bool:
    """An upper-case Vietnamese word (``TỈNH``), not an abbreviation."""
    return "&" not in word and check(word.lower()).ok


class UndefinedAbbreviation(Rule):
    """An uncommon abbreviation used without, or before, its full form.

    An abbreviation a reader may not know is written out the first time,
    with the abbreviation in parentheses: ``Hệ thống quản lý chất lượng
    (HTQLCL)``, or ``(sau đây gọi tắt là HTQLCL)``; afterwards the
    abbreviation alone is enough.  Common abbreviations (``UBND``,
    ``HĐND``, ``KH&CN``, ``TNHH``…, the table ``rules/data/abbreviations.toml``,
    the document kinds, config ``abbreviations``, ``organ`` and ``units``)
    need no full form.  The number line, the header, the signature and the
    ``Nơi nhận`` block are not prose and are not checked.

    Reported once per abbreviation: as info when the document never spells
    it out, as a warning when it is spelt out only after its first use.

    **Anti-pattern**

    ```
    Các đơn vị duy trì HTQLCL theo TCVN ISO 9001:2015.
    ```

    **Best practice**

    ```
    Các đơn vị duy trì Hệ thống quản lý chất lượng (HTQLCL) theo TCVN ISO 9001:2015.
    ```
    """

    code = "NL208"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    profiles = ANY_PROFILE
    name = "undefined-abbreviation"
    summary = "An uncommon abbreviation used without, or before, its full form"
    summary_vi = "Chữ viết tắt không thông dụng chưa được viết đầy đủ lần đầu"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Chữ viết tắt không thông dụng phải viết đầy đủ ở lần đầu, kèm chữ viết tắt trong ngoặc đơn. Sai:'
        ' «duy trì HTQLCL». Đúng: «duy trì Hệ thống quản lý chất lượng (HTQLCL)».'
    )
    severity = Severity.INFO
    config_keys = {"abbreviations": "abbreviations that need no definition"}
    reference = "NĐ 30/2020, Phụ lục I, mục II (viết tắt: viết đầy đủ lần đầu, kèm chữ viết tắt trong ngoặc đơn)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        allowed = _allowed(
            ctx.data.derived("abbreviations", "NL208-allowed", _build_allowed),
            ctx.data.derived("kinds", "NL208-kinds", _kind_abbrs),
        )
        organ, units = ctx.option("organ"), ctx.option("units")
        if organ is not None or units is not None:
            allowed = set(allowed)
            for value in (organ, units):
                if isinstance(value, str):
                    allowed.add(value)
                elif isinstance(value, (list, tuple)):
                    allowed.update(v for v in value if isinstance(v, str))

        prose = [*notice.summary, *notice.subject, *notice.addressee, *notice.body]
        # where each abbreviation is first spelt out, in document order
        defined: dict[str, tuple[int, int]] = {}
        for para in notice.document.paragraphs if _may_define(notice.document) else ():  # annexes included
            text = para.text
            if "(" not in text and "ắ" not in text and "Ắ" not in text:
                continue  # neither pattern can match (see below): most lines
            for rx in (_DEFINED_PAREN, _DEFINED_WORDS):
                if rx is _DEFINED_PAREN and "(" not in text or rx is _DEFINED_WORDS and not _has_tat(text):
                    continue  # the literal each pattern needs is absent
                for m in rx.finditer(text):
                    for part in re.split(r"[-]", m.group(1)):
                        defined.setdefault(part, (para.index, m.start(1)))
                    defined.setdefault(m.group(1), (para.index, m.start(1)))

        reported: set[str] = set()
        for seg in prose:
            text = seg.paragraph.text
            if not _TWO_CAPS.search(text, seg.start, seg.end):
                continue  # no upper-case token of two letters or more
            part = seg.text
            if not part.strip() or is_caps(part):
                continue  # an all-caps heading: its words are words
            for m in _CAPS_TOKEN.finditer(text, seg.start, seg.end):
                word = m.group()
                if word in reported or word in allowed or not _is_abbreviation(word):
                    continue
                chunk_start = text.rfind(" ", 0, m.start()) + 1
                chunk_end = text.find(" ", m.end())
                chunk = text[chunk_start : chunk_end if chunk_end >= 0 else len(text)]
                if "/" in chunk or "@" in chunk or _DIGIT.search(chunk):
                    continue  # a number/symbol (18/TB-SKHCN), a code, a URL
                if _CODE_NUMBER.match(text, m.end()):
                    continue  # a code and its number: a rice variety (giống OM 5451, ST 25), a standard
                if _is_word(word) and (has_vietnamese_mark(word) or _caps_neighbour(text, m.start(), m.end())):
                    continue
                if "&" in word and all(p in allowed for p in word.split("&") if p):
                    continue
                start = m.start()
                if _in_firm_name(text[max(0, start - 90) : start]):
                    continue  # part of a firm's name: Công ty TNHH MTV ACT
                where = (seg.index, start)
                first = defined.get(word)
                if first is not None and first <= where:
                    continue
                reported.add(word)
                if first is not None:
                    yield self.finding(
                        seg.paragraph,
                        start,
                        m.end(),
                        vi=f"Chữ viết tắt «{word}» được dùng trước khi viết đầy đủ (dòng {first[0]}); "
                        "viết đầy đủ ở lần dùng đầu tiên",
                        en=f"The abbreviation «{word}» is used before its full form (line {first[0]}); "
                        "spell it out at its first use",
                        severity=Severity.WARNING,
                    )
                else:
                    yield self.finding(
                        seg.paragraph,
                        start,
                        m.end(),
                        vi=f"Chữ viết tắt «{word}» không thông dụng và chưa được viết đầy đủ: "
                        f"viết «tên đầy đủ ({word})» ở lần dùng đầu tiên",
                        en=f"The uncommon abbreviation «{word}» is never spelt out: "
                        f"write «full name ({word})» at its first use",
                    )


_NEIGHBOUR_LEFT = LazyRe(r"(\S+)\s+$")
_NEIGHBOUR_RIGHT = LazyRe(r"^\s+(\S+)")


def _caps_neighbour(text: str, start: int, end: int) -> bool:
    """True when a neighbouring word is an upper-case Vietnamese word (a caps phrase)."""
    for m in (_NEIGHBOUR_LEFT.search(text[max(0, start - 30) : start]), _NEIGHBOUR_RIGHT.match(text[end : end + 30])):
        if m is not None:
            w = m.group(1).strip(",.;:()")
            if len(w) > 1 and w.isupper() and check(w.lower()).ok:
                return True
    return False
