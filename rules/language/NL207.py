from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._case_citations import KIND_FIRST, WORDS as CITATION_WORDS, citation_defects, kind_defects, law_defects
from ._case_data import first_words_any_case
from ._case_party import COMMITTEE_WORDS, committee_defects
from ._case_plural import PLURAL_WORDS, plural_defects
from ._case_organs import (NOUN_FIRST, SECOND_CAP_FIRST, SURNAMES, TYPE_FIRST, field_defects, name_defects, noun_defects,
                           person_defects, second_cap_defects)
from ._case_summary import summary_defects
from ._case_text import Line
from ._case_units import UNIT_FIRST, unit_defects
from ._syllables import built_stream
from ._case_words import (PERIOD_WORDS, STOP_THEN_LOWER, period_defects, semicolon_defects, sentence_defects,
                          weekday_defects, word_defects)
from ._validator import is_caps


class Capitalization(Rule):
    """Capital letters as Phụ lục II of NĐ 30 puts them (state and Party documents).

    Each case of the appendix, with a wrong and a right form:

    | case (Phụ lục II) | wrong | right | fix |
    | --- | --- | --- | --- |
    | I. a sentence starts with a capital | `hoàn thành tốt. các đơn vị` | `hoàn thành tốt. Các đơn vị` | safe |
    | II. every syllable of a personal name | `ông Trần văn Bình` | `ông Trần Văn Bình` | safe |
    | II, VI. a title before a person's name | `giám đốc Lê Minh Tâm` | `Giám đốc Lê Minh Tâm` | suggested |
    | II. `ông`, `bà` before a person's name | `đề nghị Ông Lê Minh Tâm` | `đề nghị ông Lê Minh Tâm` | suggested |
    | III.1 the noun of a unit before its name (one capital at most, on its first letter) | `tại Phường Yên Bái`, `Thành Phố Hà Tĩnh`, `Thị Xã Kỳ Anh` | `tại phường Yên Bái`, `thành phố Hà Tĩnh`, `Thị xã Kỳ Anh` | safe |
    | III.1 … and after an organ's name | `Hội đồng nhân dân Huyện`, `UBND Xã` | `Hội đồng nhân dân huyện`, `UBND xã` | safe |
    | III.1 … and standing alone | `trên địa bàn Tỉnh`, `có 12 Huyện, Thị xã` | `trên địa bàn tỉnh`, `có 12 huyện, thị xã` | safe |
    | IV. organs: the words of type and field | `ban Dân vận`, `Ban bí thư`, `Sở Giáo dục và đào tạo` | `Ban Dân vận`, `Ban Bí thư`, `Sở Giáo dục và Đào tạo` | safe |
    | IV. … a field the legal text never writes in small letters after a type word | `của Cục thú y` | `của Cục Thú y` | suggested |
    | IV. … and nothing else | `Ủy ban Nhân dân`, `Sở Khoa Học Và Công Nghệ` | `Ủy ban nhân dân`, `Sở Khoa học và Công nghệ` | safe |
    | IV. Party bodies | `Ban thường vụ huyện ủy`, `thường trực Hội đồng nhân dân` | `Ban Thường vụ Huyện ủy`, `Thường trực Hội đồng nhân dân` | safe |
    | IV. … a committee after one of its organs or titles (not a class listed by its levels: `Ban Thường vụ huyện ủy, thị ủy, thành ủy`) | `Ban Tổ chức huyện ủy`, `Bí thư tỉnh ủy` | `Ban Tổ chức Huyện ủy`, `Bí thư Tỉnh ủy` | safe |
    | IV. a ministry, also at a sentence's start | `Bộ quốc phòng, Bộ Công an …` | `Bộ Quốc phòng, Bộ Công an …` | safe |
    | VI. Nhà nước, Nhân dân as nouns | `cán bộ và nhân dân`, `tài sản của nhà nước` | `cán bộ và Nhân dân`, `tài sản của Nhà nước` | suggested |
    | VI. … never a capital on the second syllable, nor on a document kind's | `Ngân sách Nhà Nước`, `Nhân Dân`, `thực hiện Nghị Quyết` | `Ngân sách Nhà nước`, `Nhân dân`, `thực hiện Nghị quyết` | safe |
    | VI. `Tổ quốc` | `bảo vệ tổ quốc` | `bảo vệ Tổ quốc` | suggested |
    | VI. the Party's members and units are common nouns | `cho các Đảng viên mới`, `các Đảng bộ cơ sở` | `cho các đảng viên mới`, `các đảng bộ cơ sở` | suggested |
    | VI. named laws and codes | `Bộ luật hình sự` | `Bộ luật Hình sự` | safe |
    | VI. citations: Phần, Chương, Mục, Tiểu mục, Điều | `khoản 2 điều 12`, `Điều 5 mục 2 chương III` | `khoản 2 Điều 12`, `Điều 5 Mục 2 Chương III` | safe |
    | VI. citations: khoản, điểm and the point's letter | `theo Khoản 4, Điều 9`, `điểm B khoản 1` | `theo khoản 4, Điều 9`, `điểm b khoản 1` | safe |
    | V. a law cited by its name, as a basis or inside a sentence, or by its year | `Căn cứ luật Phòng, chống bệnh truyền nhiễm`, `thực hiện luật Lâm nghiệp`, `luật đất đai năm 2024` | `Căn cứ Luật Phòng, chống bệnh truyền nhiễm`, `thực hiện Luật Lâm nghiệp`, `Luật Đất đai năm 2024` | safe |
    | V. the kind of a document cited by its number | `theo quyết định số 12/QĐ-UBND`, `thực hiện kế hoạch số 40/KH-SCT` | `theo Quyết định số 12/QĐ-UBND`, `thực hiện Kế hoạch số 40/KH-SCT` | safe |
    | VI. months and weekdays | `vào Tháng 10`, `vào Thứ Hai`, `Thứ sáu, ngày 14` | `vào tháng 10`, `vào thứ Hai`, `thứ Sáu, ngày 14` | safe |
    | … a year, a quarter or a day by its number, a period after `hằng`, `mỗi` | `trong Năm 2026`, `kết quả Quý I`, `trước Ngày 25`, `hằng Tháng` | `trong năm 2026`, `kết quả quý I`, `trước ngày 25`, `hằng tháng` | suggested |
    | VI. a festival's name after `tết` | `dịp Tết nguyên đán` | `dịp Tết Nguyên đán` | safe |
    | common words inside a sentence | `theo Quy định`, `của Các đại biểu`, `UBND Chủ trì` | `theo quy định`, `của các đại biểu`, `UBND chủ trì` | suggested |
    | … the second syllable of a word, and a word before a date | `các tổ Chức`, `có hiệu Lực thi hành kể Từ ngày 01/7/2026` | `các tổ chức`, `có hiệu lực thi hành kể từ ngày 01/7/2026` | suggested |
    | … a common noun after `các`, `những`, `mọi`, `từng`, `mỗi`, and the list it opens | `các Cán bộ, Công chức` | `các cán bộ, công chức` | suggested |
    | `về việc` inside a line | `ngày 03/02/2026 Về việc …` | `ngày 03/02/2026 về việc …` | safe |
    | after `;` a sentence goes on | `…cụm công nghiệp; Giao UBND…` | `…cụm công nghiệp; giao UBND…` | safe |
    | the trích yếu's first letter (NĐ 30 PL I, II.5; HD 36 1.5; HD 05 5.1.1): a capital in a state document, a small letter in a Party one | `THÔNG BÁO` / `kết luận của Giám đốc Sở…` (state); `Về một số nội dung…` (Party) | `Kết luận của Giám đốc Sở…`; `về một số nội dung…` | safe (state), suggested (Party) |

    Not inside a sentence, so never judged for a capital: a line's first word
    (a PDF export wraps lines anywhere), the first word after a heading label
    (`1.`, `a)`, `-`), after `:`, `;` (but see above), a bracket or a quotation
    mark; a line in capitals; a quoted name; the words of a signature.  In a
    text file a name may be wrapped over two lines (`… phối hợp với Chi cục` /
    `Trồng trọt và Bảo vệ thực vật …`): after a long line left open, the next
    line's first capital goes on the name.

    The names of organs, titles and fixed phrases come from `rules/data/case.json`,
    built by `tools/build_case.py` from the legal text of the language-model corpus
    and the names NĐ 30, HD 36 and HD 05 print.  A listed name is certain; a name
    mined from the legal text is judged only where the document writes with a small
    letter a word the name capitalises, and not when the document consistently
    writes it its own way.  So is an organ of any type followed by a field of work
    mined from the legal text (`Phòng Giáo dục và đào tạo`, `Trung tâm Văn hóa -
    thông tin`), though the text names only other organs of that field.  A name
    written wholly in small letters is taken as a
    common noun (`thành lập ban chỉ đạo`), except for bodies that exist once
    (`ban bí thư`).  Whether a capitalised common word is a mistake is told by how
    often the legal text writes it with a capital after a small-letter word
    (`Quy định` ~0 %, `Sở` often); a capital before a number or `số`, on a
    document's short name given in brackets (`(Công ty)`), on the document's own
    kind (`thực hiện Kế hoạch`), or in a run of capitalised words is a name's and
    left alone, and so is a term the document always writes with its capital (three
    times or more, in small letters at most a third as often: `tại Trụ sở tiếp công dân`).
    A term the legal text itself mostly writes with its capital inside a sentence is
    a name even when used once (`tại Trụ sở tiếp công dân`, from the `upper3` terms of
    `case.json`).  A capital after a word that introduces a name is left alone too: a rank after `cấp
    bậc`, `quân hàm` (`Hạ sĩ`), a field of an organ's name after `ngành` (`chuyên ngành Thú y`), a degree
    after `bằng` (`bằng Đại học`), a heavenly body (`Trái đất`), and the words of a name
    joined by a dash or opened by a quotation mark (`điểm Bưu điện - Văn hóa xã`), a
    national system's name ending in `quốc gia` (`Mã bưu chính quốc gia`).  Those findings are judgements: their fix is offered, not applied
    by `--fix`.

    **Anti-pattern**

    ```
    Thực hiện ý kiến của Ban bí thư; theo khoản 2 điều 12 của Quy chế, UBND Chủ trì, phối hợp
    với thường trực Hội đồng nhân dân Huyện kiểm tra tại Phường Yên Bái vào Tháng 10. các đơn
    vị báo cáo kết quả.
    ```

    **Best practice**

    ```
    Thực hiện ý kiến của Ban Bí thư; theo khoản 2 Điều 12 của Quy chế, UBND chủ trì, phối hợp
    với Thường trực Hội đồng nhân dân huyện kiểm tra tại phường Yên Bái vào tháng 10. Các đơn
    vị báo cáo kết quả.
    ```
    """

    code = "NL207"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "capitalization"
    summary = "A capital letter where the rules of administrative writing put none, or none where they put one"
    summary_vi = "Viết hoa không đúng quy định (Phụ lục II, NĐ 30/2020)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Viết hoa theo Phụ lục II Nghị định 30/2020 (văn bản của Nhà nước và của Đảng): đầu câu viết hoa; '
        'tên người viết hoa mọi âm tiết, chức danh trước tên người viết hoa, «ông», «bà» trước tên người viết thường; danh từ chung chỉ đơn vị hành '
        'chính («phường», «tỉnh», «huyện», «xã») viết thường trước tên riêng, sau tên cơ quan và khi đứng một mình («trên địa bàn tỉnh»); tên cơ quan, '
        'tổ chức viết hoa chữ đầu của từ chỉ loại và chức năng, lĩnh vực («Ban Bí thư», «Ban Thường vụ Huyện '
        'ủy», «Ban Tổ chức Huyện ủy», «Bí thư Tỉnh ủy», «Sở Giáo dục và Đào tạo», «Bộ Quốc phòng»); «Nhà nước», «Nhân dân» (không viết «Nhà Nước», «Nhân Dân»), «Tổ quốc»; khi viện dẫn viết hoa «Phần, Chương, Mục, '
        'Tiểu mục, Điều», viết thường «khoản, điểm» và chữ cái của điểm; tháng bằng số và ngày trong tuần '
        '(«tháng 10», «thứ Hai»), năm và quý bằng số («năm 2026», «quý I»), «hằng tháng», «mỗi năm»; danh từ chung giữa câu viết thường («theo quy định», «các đơn vị», «các cán bộ, công chức»); '
        '«về việc» giữa dòng viết thường; trích yếu văn bản của Nhà nước viết hoa chữ cái đầu («Kết luận của…»), '
        'của Đảng viết thường chữ cái đầu («về một số nội dung…»). Sai: «theo khoản 2 điều 12», «ban Dân vận», «UBND Xã», «vào '
        'Tháng 10». Đúng: «theo khoản 2 Điều 12», «Ban Dân vận», «UBND xã», «vào tháng 10».'
    )
    severity = Severity.WARNING
    fixable = True
    profiles = ("nd30", "hd36", "hd05")
    reference = "NĐ 30/2020, Phụ lục II (viết hoa trong văn bản hành chính), Phụ lục I mục II.5; HD 36-HD/VPTW 1.5; HD 05-HD/VPTW Phần II, I-5.1.1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        prose = [*notice.summary, *notice.subject, *notice.addressee, *notice.body]
        if notice.recipients is not None:
            prose.extend(notice.recipients.items)
        state: dict = {}
        defined = _defined_words(prose)
        if notice.title is not None:  # the document's own kind ("thực hiện Kế hoạch")
            kind = notice.title.text.split()
            if kind:
                defined.add(kind[0].capitalize())
        # the issuing organ's type word standing for it (``các dự án do Sở làm chủ đầu tư`` in a
        # document of the Sở Xây dựng): the short name of a named organ, as a defined word is
        own = defined | _own_organ_word(notice)
        found: dict[tuple[int, int], Finding] = {}
        mined: list[tuple[tuple[int, int], tuple, str]] = []
        terms: list[tuple[tuple[int, int], str]] = []
        firsts = first_words_any_case()
        stop_then_lower = STOP_THEN_LOWER.search  # sentence_defects' own first test
        # the language rules' stream, when one of them has built it, holds each paragraph split
        st = built_stream(notice.document)
        split = st.paragraph_parts() if st is not None else _NO_PARTS
        # a text file wraps its lines anywhere: the line after a long one ending in a letter
        # goes on its sentence (``open_line``: the index of that next line)
        wrap = notice.document.kind != "docx"
        open_line = name_line = -1
        for seg in prose:
            part = seg.text
            if not part.strip() or (_LOWER_ASCII.search(part) is None and is_caps(part)):
                continue  # (a small ASCII letter: not in capitals, without upper-casing the line)
            para = seg.paragraph
            text = para.text
            parts = None
            if seg.start == 0 and seg.end >= len(text):
                whole = split.get(para.index)
                if whole is not None and whole[0] is para:
                    parts = whole[1]
            toks = Line(text, seg.start, seg.end, parts)
            if not toks:
                continue
            if wrap:
                toks.cont = seg.index == open_line and not toks.seps[0].strip()
                toks.name_cont = seg.index == name_line and not toks.seps[0].strip()
                tail = part.rstrip()
                open_line = seg.index + 1 if len(tail) >= 50 and tail[-1].isalpha() else -1
                name_line = seg.index + 1 if len(tail) < 50 and _ends_in_name(tail) else -1
            index = seg.index

            def add(start, end, edits, vi, en, safe):
                where = (index, start)
                if where in found:
                    return
                fix = Fix(tuple(Edit(index, s, e, r) for s, e, r in edits), safe)
                found[where] = self.finding(seg.paragraph, start, end, vi=vi, en=en, fix=fix)

            # each check runs only on a line that holds a word it starts from (one set
            # test each): most lines hold none of the citation, unit, noun or surname words
            held = toks.word_set()
            if not held.isdisjoint(CITATION_WORDS):
                for s, e, r, vi, en in citation_defects(toks, text):
                    add(s, e, ((s, s + 1, r),), vi, en, True)
            if "số" in held and not held.isdisjoint(KIND_FIRST):
                for s, e, r, vi, en in kind_defects(toks, text):
                    add(s, e, ((s, s + 1, r),), vi, en, True)
            if "luật" in held:
                for s, e, r, vi, en in law_defects(toks, text):
                    add(s, e, ((s, s + 1, r),), vi, en, True)
            if not held.isdisjoint(UNIT_FIRST):
                for s, e, r, vi, en in unit_defects(toks, text):
                    add(s, e, _letter_edits(text, s, r), vi, en, True)
            if not held.isdisjoint(firsts):
                for s, e, edits, vi, en, name, safe in name_defects(toks, state):
                    if not safe:
                        mined.append(((index, s), name.keys, vi))
                    add(s, e, edits, vi, en, safe)
            if not held.isdisjoint(TYPE_FIRST):
                for s, e, edits, vi, en, name, safe in field_defects(toks, state):
                    mined.append(((index, s), name.keys, vi))
                    add(s, e, edits, vi, en, safe)
            if not held.isdisjoint(NOUN_FIRST):
                for s, e, edits, vi, en in noun_defects(toks):
                    add(s, e, edits, vi, en, False)
            reported = state.pop("reported", _NONE)  # the words of the names reported
            if not held.isdisjoint(SECOND_CAP_FIRST):
                for s, e, edits, vi, en in second_cap_defects(toks, reported):
                    add(s, e, edits, vi, en, True)
            if not held.isdisjoint(SURNAMES):
                for s, e, edits, vi, en, safe in person_defects(toks):
                    add(s, e, edits, vi, en, safe)
            covered = state.pop("covered", _NONE)
            if not held.isdisjoint(COMMITTEE_WORDS):
                for s, e, edits, vi, en in committee_defects(toks, text, reported):
                    add(s, e, edits, vi, en, True)
            if toks.capitals():
                for s, e, r, vi, en, safe in word_defects(toks, text, covered, own):
                    if not safe:  # a common word by the statistics: the term it starts
                        m = _TERM.match(text, s)
                        terms.append(((index, s), m.group() if m else text[s:e]))
                    add(s, e, ((s, s + 1, r),), vi, en, safe)
                if ";" in part:
                    for s, e, r, vi, en, safe in semicolon_defects(toks):
                        add(s, e, ((s, s + 1, r),), vi, en, safe)
                if not held.isdisjoint(PERIOD_WORDS):
                    for s, e, r, vi, en in period_defects(toks, text):
                        if (index, s) not in found:
                            terms.append(((index, s), text[s:e]))  # the word alone: "Quý I", "Quý II/2026"
                            add(s, e, ((s, s + 1, r),), vi, en, False)
                if not held.isdisjoint(PLURAL_WORDS):
                    for s, e, r, vi, en in plural_defects(toks, text, covered, defined):
                        if (index, s) not in found:  # not judged a common word already
                            m = _TERM.match(text, s)
                            terms.append(((index, s), m.group() if m else text[s:e]))
                            add(s, e, ((s, s + 1, r),), vi, en, False)
            if "thứ" in held or "Thứ" in held:
                for s, e, r, vi, en, safe in weekday_defects(text, seg.start, seg.end):
                    add(s, e, _letter_edits(text, s, r), vi, en, safe)
            if stop_then_lower(text, seg.start, seg.end):
                for s, e, r, vi, en, safe in sentence_defects(toks, text):
                    add(s, e, ((s, s + 1, r),), vi, en, safe)
        for seg, s, e, r, vi, en, safe in summary_defects(notice):
            if (seg.index, s) not in found:
                fix = Fix((Edit(seg.index, s, s + 1, r),), safe)
                found[(seg.index, s)] = self.finding(seg.paragraph, s, e, vi=vi, en=en, fix=fix)
        if mined:
            _drop_house_style(found, mined, state.get("official", set()))
        if len(terms) >= _TERM_USES:
            _drop_defined_terms(found, terms, prose)
        return sorted(found.values(), key=lambda f: (f.paragraph, f.start))


def _ends_in_name(line: str) -> bool:
    """A short line ending in a capitalised word after another word (``Trung tâm Huấn``): a table
    cell of a text export wrapped inside an organ's name."""
    words = line.split()
    last = words[-1] if words else ""
    return len(words) >= 2 and last.isalpha() and last[:1].isupper() and last[1:].islower()


def _letter_edits(text: str, start: int, good: str) -> tuple[tuple[int, int, str], ...]:
    """The letters of ``text[start:]`` that ``good`` (same length) writes in the other case."""
    return tuple((k, k + 1, g) for k, g in enumerate(good, start) if text[k] != g)


_NONE: frozenset = frozenset()
_NO_PARTS: dict = {}
_LOWER_ASCII = re.compile("[a-z]")
_DEFINED = re.compile(r"\((?:sau đây gọi (?:tắt )?là |gọi tắt là )?[\"“]?([A-ZĐ][^\W\d_]*)")


#: the one-syllable words for a type of organ that name it alone once it is named
_ORGAN_TYPE_WORDS = frozenset({"Sở", "Ban", "Bộ", "Phòng", "Cục", "Vụ", "Viện", "Hội", "Trường", "Quỹ"})


def _own_organ_word(notice) -> set[str]:
    """The type word of the issuing organ (the header's last organ line, ``SỞ XÂY DỰNG`` →
    ``Sở``): the document calls itself by it (``Sở đã tham mưu``, ``do Sở làm chủ đầu tư``)."""
    lines = [seg.text.strip() for seg in notice.organ if seg.text.strip() not in ("", "*", "***")]
    if not lines:
        return set()
    first = lines[-1].split()[0].capitalize() if lines[-1].split() else ""
    return {first} if first in _ORGAN_TYPE_WORDS else set()


def _defined_words(prose) -> set[str]:
    """The first words of the short names a document gives in parentheses: ``(Công ty)``,
    ``(sau đây gọi tắt là Dự án)``; written with a capital later they stand for a name."""
    out: set[str] = set()
    for seg in prose:
        part = seg.text
        if "(" in part:
            out.update(_DEFINED.findall(part))
    return out


# a capitalised word and the two words after it: the term a document may coin
_TERM = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}")
_TERM_USES = 3


def _drop_defined_terms(found: dict, terms: list, prose) -> None:
    """A term the document writes with its capital three times or more inside sentences
    and in small letters at most a third as often (``lực lượng Bảo vệ dân phố``, ``tại Trụ
    sở tiếp công dân``; a slip to small letters once among many capitals does not unmake
    the name), is the document's name for a thing: not reported as a common word."""
    by_term: dict[str, list] = {}
    for where, term in terms:
        by_term.setdefault(term, []).append(where)
    text = None
    for term, wheres in by_term.items():
        if len(wheres) < _TERM_USES:
            continue
        if text is None:
            text = "\n".join(seg.text for seg in prose)
        if text.count(term[0].lower() + term[1:]) * 3 <= len(wheres):
            for where in wheres:
                found.pop(where, None)


def _drop_house_style(found: dict, mined: list, official: set) -> None:
    """A name mined from the legal text that the document writes one same other way twice
    or more, and never the official way, is the document's style: not reported."""
    by_name: dict[tuple, list] = {}
    for where, keys, vi in mined:
        by_name.setdefault(keys, []).append((where, vi))
    for keys, uses in by_name.items():
        if keys not in official and len(uses) >= 2 and len({vi for _, vi in uses}) == 1:
            for where, _ in uses:
                found.pop(where, None)
