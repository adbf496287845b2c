from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity
from notice_lint.vntext import fold

from ._syllables import built_stream
from ._validator import is_caps

_L = r"[^\W\d_]"
# common nouns of administrative units (Phụ lục II, III.1), longest first
_UNIT = re.compile(rf"(?<!{_L})(Thành phố|Thị xã|Thị trấn|Phường|Quận|Huyện|Tỉnh|Xã)(?=[ \u00a0]+({_L}+))")
# words after which a new sentence or a list item may start with a capital
# the unit nouns alone: a fast test for the places _UNIT may match
_UNIT_NOUN = re.compile("Thành phố|Thị xã|Thị trấn|Phường|Quận|Huyện|Tỉnh|Xã")
_OPENERS = ".!?:;(\"“'«-–+*•…/|"
# the unit noun is part of a Party or mass organisation's name: Tỉnh ủy, Huyện đoàn, Tỉnh đội
_ORGAN_NEXT = {"ủy", "uỷ", "ủy", "đoàn", "đội", "hội", "ủy", "uy"}
# Phụ lục II, III.1: a unit named after a person or an event keeps the capital
# (Phường Điện Biên Phủ, Thành phố Hồ Chí Minh); a surname or one of these
# names right after the unit noun is left alone.
_PERSON_OR_EVENT = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
    "ngo", "duong", "ly", "luong", "dinh", "trinh", "doan", "mai", "cao", "chu", "ton", "quang",
    "hai", "ba", "dien", "bach", "dong", "chi", "cach", "thong", "hung", "ky", "quoc",
}
# function words and verbs that never start a name: a capital on them after ";" is wrong
_AFTER_SEMICOLON = {
    "các", "những", "và", "của", "cho", "để", "được", "đã", "sẽ", "đang", "có", "không", "với",
    "trong", "theo", "tại", "từ", "về", "là", "thì", "mà", "nhưng", "hoặc", "cũng", "vẫn", "chưa",
    "phải", "cần", "nên", "đồng", "tuy", "ngoài", "đồng thời", "đề", "giao", "tiếp", "kịp", "bảo",
    "đảm", "thực", "chỉ", "rà", "tăng", "tổ", "triển", "hoàn", "khẩn", "nghiêm", "tránh", "đặc",
}
_SEMI = re.compile(rf";[ \u00a0]*({_L}+)")


# each unit noun and its words (_UNIT needs them as whole words)
_UNIT_WORDS = tuple((n, frozenset(n.split())) for n in _UNIT_NOUN.pattern.split("|"))
# a separator before a word that ends as _SEMI needs: ";" and spaces
_SEMI_END = re.compile(r";[ \u00a0]*\Z")


def _may_match(doc) -> tuple[list[str] | None, bool]:
    """What ``_UNIT`` and ``_SEMI`` may match in ``doc``: the unit nouns that may occur (None:
    any), and whether a semicolon may.  Told from the distinct words and separators of
    the language rules' stream when it is built: ``_UNIT`` needs the noun's word (or both
    words, and the noun in the text) among the words; ``_SEMI`` a separator before a word
    ending in ``;`` and spaces."""
    st = built_stream(doc)
    if st is None:
        return None, True
    words, inner, first, _last, _bare = st.inventory()
    nouns = [noun for noun, parts in _UNIT_WORDS if parts <= words]
    if any(" " in noun for noun in nouns):  # "Nguyễn Thị" and "xã hội" hold the words of "Thị xã"
        whole = "\n".join([p.text for p in doc.paragraphs])
        nouns = [noun for noun in nouns if " " not in noun or noun in whole]
    semicolon = any(map(_SEMI_END.search, inner)) or any(map(_SEMI_END.search, first))
    return nouns, semicolon


def _mid_sentence(text: str, start: int, seg_start: int) -> bool:
    """True when the word at ``start`` follows other words of the same sentence."""
    before = text[seg_start:start].rstrip()
    if not before:
        return False
    last = before[-1]
    if last in _OPENERS or last == ")":
        return False  # a sentence, a list item or a parenthesis starts here
    # a heading label only ("1.", "a)", "II.", "-") before the word
    if re.fullmatch(r"[\s\-+•*]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])?[.)]?", before):
        return False
    return True


class Capitalization(Rule):
    """A capital letter where Phụ lục II of NĐ 30 puts none.

    - The common noun of an administrative unit is written in lower case
      before its proper name: ``tại phường Yên Bái``, ``Hội đồng nhân dân
      tỉnh Sơn La``.  It keeps its capital at the start of a sentence or a
      list item, before a number (``Quận 1``), and before the name of a
      person or an event (``Phường Điện Biên Phủ``, ``Thành phố Hồ Chí
      Minh``).  Those cases are left alone, so a finding here is a warning
      and its fix is offered, not applied by ``--fix``.
    - Inside a sentence, a word after ``;`` starts with a lower-case letter
      (``…các sở; các đơn vị…``).  Names after ``;`` keep their capitals,
      so only words that never start a name are reported.

    **Anti-pattern**

    ```
    Kiểm tra kho chứa tại Phường Yên Bái, Tỉnh Lào Cai; Các đơn vị báo cáo kết quả.
    ```

    **Best practice**

    ```
    Kiểm tra kho chứa tại phường Yên Bái, tỉnh Lào Cai; các đơn vị báo cáo kết quả.
    ```
    """

    code = "NL207"
    name = "capitalization"
    summary = "A capital letter where the rules of administrative writing put none"
    summary_vi = "Viết hoa không đúng quy định (Phụ lục II, NĐ 30/2020)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Viết hoa theo Phụ lục II Nghị định 30/2020: không viết hoa danh từ chung như «phường», «tỉnh» '
        'đứng trước tên riêng, không viết hoa chữ đầu sau dấu chấm phẩy. Sai: «Phường Yên Bái, Tỉnh Lào '
        'Cai». Đúng: «phường Yên Bái, tỉnh Lào Cai».'
    )
    severity = Severity.WARNING
    fixable = True
    profiles = ("nd30", "hd36", "hd05")
    reference = "NĐ 30/2020, Phụ lục II (viết hoa trong văn bản hành chính), mục I và III.1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        nouns, any_semicolon = _may_match(notice.document)
        if not nouns and nouns is not None and not any_semicolon:
            return
        prose = [*notice.summary, *notice.subject, *notice.addressee, *notice.body]
        if notice.recipients is not None:
            prose.extend(notice.recipients.items)
        for seg in prose:
            text = seg.paragraph.text
            if nouns is None:
                units = _UNIT_NOUN.search(text, seg.start, seg.end) is not None
            else:  # the few nouns the document may hold: found with str.find
                units = any(text.find(noun, seg.start, seg.end) >= 0 for noun in nouns)
            semicolon = any_semicolon and text.find(";", seg.start, seg.end) >= 0
            if not units and not semicolon:
                continue  # neither a unit noun nor a semicolon: nothing to judge
            part = seg.text
            if not part.strip() or is_caps(part) or part[1:] == part[1:].lower():
                continue
            if units:
                yield from self._units(seg, text)
            if semicolon:
                yield from self._after_semicolon(seg, text)

    def _units(self, seg, text: str) -> Iterable[Finding]:
        for m in _UNIT.finditer(text, seg.start, seg.end):
            noun, nxt = m.group(1), m.group(2)
            if not nxt[0].isupper() or nxt.lower() in _ORGAN_NEXT:
                continue
            if fold(nxt) in _PERSON_OR_EVENT:
                continue
            if not _mid_sentence(text, m.start(), seg.start):
                continue
            lower = noun[0].lower() + noun[1:]
            yield self.finding(
                seg.paragraph,
                m.start(),
                m.end(1),
                vi=f"Danh từ chung chỉ đơn vị hành chính viết thường: «{noun} {nxt}» → «{lower} {nxt}» "
                "(Phụ lục II, NĐ 30)",
                en=f"The common noun of an administrative unit is lower case: «{noun} {nxt}» → «{lower} {nxt}»",
                fix=Fix.replace(seg.index, m.start(), m.start() + 1, noun[0].lower(), safe=False),
            )

    def _after_semicolon(self, seg, text: str) -> Iterable[Finding]:
        for m in _SEMI.finditer(text, seg.start, seg.end):
            word = m.group(1)
            if not word[0].isupper() or word.isupper() or word.lower() not in _AFTER_SEMICOLON:
                continue
            start = m.start(1)
            yield self.finding(
                seg.paragraph,
                start,
                m.end(1),
                vi=f"Sau dấu chấm phẩy viết thường: «{word}» → «{word.lower()}»",
                en=f"Lower case after a semicolon: «{word}» → «{word.lower()}»",
                fix=Fix.replace(seg.index, start, start + 1, word[0].lower()),
            )
