from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from notice_lint.anatomy.header import parse_place_date
from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._top import option_list

_COMMA = re.compile(r"\s*,")
_STOP = re.compile(r"\s*[.,;]+")  # a full stop (or a comma, a semicolon) after the year


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


#: a syllable of a place name ("Tân", "Lập", "H'leo")
_SYLLABLE = re.compile(r"[^\W\d_][\w']*")
#: the nouns of a unit, whose second syllable keeps its small letter: "Thành phố Hồ Chí Minh"
_UNIT_PAIRS = frozenset({("Thành", "phố"), ("Thị", "xã"), ("Thị", "trấn"), ("Đặc", "khu")})


class DateFormat(Rule):
    """The place-date line is not in the form ``<Place>, ngày DD tháng M năm YYYY``.

    NĐ 30 (Phụ lục I, II.4) and HD 36 / HD 05 (1.4, 4.2.2) agree: the place
    name with capital initials (every syllable: ``Tân Lập``, not ``Tân lập``;
    the noun of a unit aside: ``Thành phố Hồ Chí Minh``), a comma after it, then the words ``ngày``,
    ``tháng``, ``năm`` with Arabic numbers; a day below 10 and the months 1
    and 2 take a leading zero (``ngày 05``, ``tháng 01``, ``tháng 02``) and
    the months 3 to 12 do not (``tháng 3``, not ``tháng 03``).  When the
    configuration names the organ's ``place``, the line must use it.  No
    comma stands between the day, month and year, and no full stop after it
    (``ngày 25 tháng 3, năm 2024.``).

    Blank fields of a draft (``ngày      tháng 6 năm 2026``) are NL123's
    business, not this rule's.

    **Anti-pattern**

    ```
    Quảng Ngãi ngày 5 tháng 03 năm 2024
    Quảng Ngãi, 05/3/2024
    Quảng Ngãi, ngày 25 tháng 3, năm 2024.
    Tân lập, ngày 22 tháng 9 năm 2026
    ```

    **Best practice**

    ```
    Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```

    **Fix**: the comma, the zeros, the words and the capitals are corrected (safe); the
    configured place replaces another place only with ``--unsafe-fixes``.
    """

    code = "NL121"
    name = "date-format"
    summary = "Form of the place-date line"
    summary_vi = "Sai thể thức dòng địa danh, ngày tháng năm"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Dòng địa danh, ngày tháng năm viết theo mẫu «Quảng Ngãi, ngày 05 tháng 3 năm 2024»: có dấu phẩy '
        'sau địa danh; ngày dưới 10 và tháng 1, 2 thêm số 0 phía trước (từ tháng 3 không thêm). Sai: '
        '«Quảng Ngãi ngày 5 tháng 03 năm 2024», «Quảng Ngãi, 05/3/2024». Không có dấu phẩy giữa ngày, tháng, '
        'năm và không có dấu chấm cuối dòng: sai «ngày 25 tháng 3, năm 2024.».'
    )
    severity = Severity.ERROR
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục II.4; HD 36-HD/VPTW, 1.4.2; HD 05-HD/VPTW, Phần II, I-4.2.2"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.place_date
        if seg is None:
            return
        pd = parse_place_date(seg.text)
        if pd is None:
            return
        para, base = seg.index, seg.start
        sp = pd.spans
        place_blank = not pd.place.strip(" ._…,")
        # 1. the place name
        if not pd.place:
            yield self.finding(
                para, base, base,
                vi="Thiếu địa danh trước ngày tháng (dạng: Quảng Ngãi, ngày 05 tháng 3 năm 2024)",
                en="The place name is missing before the date (form: Quảng Ngãi, ngày 05 tháng 3 năm 2024)",
            )
        elif not place_blank:
            p0 = sp["place"][0]
            if pd.place[:1].islower():
                yield self.finding(
                    para, base + p0, base + sp["place"][1],
                    vi="Chữ cái đầu của địa danh phải viết hoa",
                    en="The place name begins with a capital letter",
                    fix=Fix.replace(para, base + p0, base + p0 + 1, pd.place[0].upper()),
                )
            else:
                yield from self._lower_syllables(para, base, sp["place"][0], seg.text[sp["place"][0]:sp["place"][1]])
            if ctx.option("place") is not None:  # else no place is configured
                yield from self._configured_place(notice, ctx, seg, pd)
            # 2. the comma after the place
            sep = seg.text[sp["sep"][0]:sp["sep"][1]]
            if "," not in sep:
                s, e = sp["sep"]
                yield self.finding(
                    para, base + s, base + max(e, s),
                    vi="Sau địa danh phải có dấu phẩy (,)",
                    en="The place name is followed by a comma",
                    fix=Fix.replace(para, base + s, base + e, ", "),
                )
        # 3. numbers written as 05/3/2024
        if pd.numeric:
            s = sp["day"][0]
            e = sp["year"][1]
            fix = None
            if pd.date() is not None:
                words = f"ngày {_day(pd.day)} tháng {_month(pd.month)} năm {pd.year}"
                start = sp["sep"][1]
                fix = Fix.replace(para, base + start, base + e, words)
                s = start
            yield self.finding(
                para, base + s, base + e,
                vi="Ngày tháng năm ban hành viết đầy đủ bằng chữ «ngày … tháng … năm …», không viết dạng 05/3/2024",
                en="The issue date is written out as «ngày … tháng … năm …», not as 05/3/2024",
                fix=fix,
            )
            return
        # 4. the words "ngày", "tháng", "năm" in lower case
        edits = []
        for name, word in (("ngay", "ngày"), ("thang", "tháng"), ("nam", "năm")):
            s, e = sp[name]
            if seg.text[s:e] != word:
                edits.append(Edit(para, base + s, base + e, word))
        if edits:
            yield self.finding(
                para, edits[0].start, edits[-1].end,
                vi="Viết chữ thường «ngày … tháng … năm …»",
                en="«ngày … tháng … năm …» is written in lower case",
                fix=Fix(tuple(edits)),
            )
        # 4b. no comma inside the date, no full stop after it ("ngày 25, tháng 3, năm 2024.")
        text = seg.text
        commas = [m for name in ("day", "month") if sp[name][1] >= 0
                  for m in _COMMA.finditer(text, sp[name][1], sp["thang" if name == "day" else "nam"][0])]
        stops = list(_STOP.finditer(text, sp["year"][1], len(text.rstrip()))) if pd.year is not None else []
        if commas or stops:
            vi = [("Không có dấu phẩy giữa ngày, tháng, năm", "No comma between the day, month and year")] if commas else []
            if stops and all(set(m.group().strip()) == {"."} for m in stops):
                vi.append(("không có dấu chấm sau năm ban hành", "no full stop after the year"))
            elif stops:
                vi.append(("không có dấu câu sau năm ban hành", "no punctuation after the year"))
            stray = commas + stops
            yield self.finding(
                para, base + stray[0].start(), base + stray[-1].end(),
                vi=_sentence(" và ".join(v for v, _ in vi)),
                en=_sentence("; ".join(e for _, e in vi)),
                fix=Fix(tuple(Edit(para, base + m.start(), base + m.end(), "") for m in stray)),
            )
        # 5. zeros: day below 10 and months 1, 2 padded; months 3..12 not
        if pd.day is not None:
            want = _day(pd.day)
            if want != pd.day and int(pd.day) > 0:
                s, e = sp["day"]
                yield self.finding(
                    para, base + s, base + e,
                    vi=f"Ngày nhỏ hơn 10 phải thêm số 0 phía trước: «ngày {want}»",
                    en=f"A day below 10 takes a leading zero: «ngày {want}»",
                    fix=Fix.replace(para, base + s, base + e, want),
                )
        if pd.month is not None and 0 < int(pd.month) <= 12:
            want = _month(pd.month)
            if want != pd.month:
                s, e = sp["month"]
                if int(pd.month) < 3:
                    vi = f"Tháng 1 và 2 phải thêm số 0 phía trước: «tháng {want}»"
                    en = f"The months 1 and 2 take a leading zero: «tháng {want}»"
                else:
                    vi = f"Tháng từ 3 đến 12 không thêm số 0 phía trước: «tháng {want}»"
                    en = f"The months 3 to 12 take no leading zero: «tháng {want}»"
                yield self.finding(para, base + s, base + e, vi=vi, en=en,
                                   fix=Fix.replace(para, base + s, base + e, want))

    def _lower_syllables(self, para: int, base: int, p0: int, place: str) -> Iterable[Finding]:
        """``Tân lập``: every syllable of a place name starts with a capital (the noun of a unit
        excepted: ``Thành phố``, ``Thị xã``, ``Thị trấn``, ``Đặc khu``)."""
        words = list(_SYLLABLE.finditer(place))
        low = [m for k, m in enumerate(words) if k and m.group(0)[0].islower()
               and (words[k - 1].group(0), m.group(0)) not in _UNIT_PAIRS]
        if not low:
            return
        name = place.strip()
        good = list(place)
        for m in low:
            good[m.start()] = m.group(0)[0].upper()
        right = "".join(good).strip()
        yield self.finding(
            para, base + p0 + low[0].start(), base + p0 + low[-1].end(),
            vi=f"Các chữ cái đầu của địa danh phải viết hoa: «{name}» → «{right}»",
            en=f"Every syllable of the place name begins with a capital: «{name}» → «{right}»",
            fix=Fix(tuple(Edit(para, base + p0 + m.start(), base + p0 + m.start() + 1, m.group(0)[0].upper())
                          for m in low)),
        )

    def _configured_place(self, notice, ctx, seg, pd) -> Iterable[Finding]:
        places = [_norm(p) for p in option_list(ctx, "place") if p.strip()]
        if not places or _norm(pd.place) in places:
            return
        s, e = pd.spans["place"]
        want = option_list(ctx, "place")[0].strip()
        fix = Fix.replace(seg.index, seg.start + s, seg.start + s + len(pd.place), want, safe=False)
        shown = " / ".join(option_list(ctx, "place"))
        yield self.finding(
            seg.paragraph, seg.start + s, seg.start + s + len(pd.place),
            vi=f"Địa danh «{pd.place}» khác địa danh của cơ quan trong cấu hình («{shown}»)",
            en=f"The place «{pd.place}» is not the organ's place in the configuration («{shown}»)",
            fix=fix,
        )


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split()).rstrip(",")


def _day(d: str) -> str:
    return f"{int(d):02d}" if int(d) < 10 else str(int(d))


def _month(m: str) -> str:
    v = int(m)
    return f"{v:02d}" if v < 3 else str(v)
