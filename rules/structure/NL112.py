from __future__ import annotations

from typing import Iterable

from notice_lint.anatomy import kind_columns
from notice_lint.anatomy.header import kind_titles
from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._number import parse_number
from ._top import instrument_name


class NumberKind(Rule):
    """The kind abbreviation in the number does not match the kind in the title.

    The symbol starts (state) or ends before ``/`` (Party) with the
    abbreviation of the document's kind: ``TB`` for ``THÔNG BÁO``, ``QĐ`` for
    ``QUYẾT ĐỊNH``, ``KH`` for ``KẾ HOẠCH`` (NĐ 30 Phụ lục III; HD 36 1.3.1;
    HD 05 3.1.2).  A state công văn has no kind abbreviation
    (``Số: 12/SKHCN-VP``), a Party công văn has ``CV`` (``Số 357-CV/BTCTU``).
    The instruments differ on a few codes: a state Quy định is ``QyĐ``; a
    Party Quy định is ``QĐ`` under HD 05 (``QĐi``, the HD 36 form, is then a
    warning); under HD 36 both ``QĐi`` and ``QĐ`` are accepted (a 2019
    công văn of the Văn phòng Trung ương dealt with this code; its text was
    not read).

    **Anti-pattern**

    ```
    Số: 18/QĐ-SKHCN
                                THÔNG BÁO
    ```

    **Best practice**

    ```
    Số: 18/TB-SKHCN
                                THÔNG BÁO
    ```

    **Fix** (unsafe: the title may be the wrong part): the code of the title.
    """

    code = "NL112"
    name = "number-kind"
    summary = "The kind abbreviation in the number agrees with the title"
    summary_vi = "Chữ viết tắt tên loại trong số, ký hiệu không khớp tên loại văn bản"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Chữ viết tắt tên loại trong số, ký hiệu phải khớp tên loại văn bản. Sai: «Số: 18/QĐ-SKHCN» cho '
        'một THÔNG BÁO. Đúng: «Số: 18/TB-SKHCN».'
    )
    severity = Severity.ERROR
    fixable = True
    reference = "NĐ 30/2020, Phụ lục III, mục I; HD 36-HD/VPTW, 1.3.1; HD 05-HD/VPTW, Phần II, I-3.1.2"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.number
        if seg is None:
            return
        line = parse_number(seg.text)
        if line is None:
            return
        party = notice.is_party
        code, _ = line.kind_and_organ(party)
        s0 = seg.start + line.offsets["sym"][0] + line.year_len
        span = (s0, s0 + len(code)) if code else (s0, s0)
        if notice.title is not None:
            want = notice.kind
            if not want:
                return  # a kind with no code under this profile (or unknown)
            title = notice.title.text.strip()
            if code is None or (not party and code.casefold() not in self._codes(notice, ctx)
                                and code.casefold() not in _all_codes(ctx)):
                # "Số: 18/SKHCN" or "Số: 12/SCT-CN" above a title: the kind code is missing
                form = f"{want}-" if not party else f"{want}/"
                yield self.finding(
                    seg.paragraph, s0, s0,
                    vi=f"Ký hiệu văn bản thiếu chữ viết tắt tên loại «{want}» của «{title}»",
                    en=f"The symbol lacks the kind abbreviation «{want}» of «{title}»",
                    fix=Fix.replace(seg.index, s0, s0, form, safe=False),
                )
                return
            if code == want:
                return  # the title's own code (the test below accepts it)
            also = (notice.kind_entry or {}).get("also", {})
            accepted = {want.casefold()} | {str(c).casefold() for c in (also.get(notice.profile, []) if isinstance(also, dict) else [])}
            if code.casefold() not in accepted:
                outdated = party and any(
                    (notice.kind_entry or {}).get(col) == code for col in ("hd36", "hd05") if col != notice.profile
                )
                yield self.finding(
                    seg.paragraph, *span,
                    vi=f"Chữ viết tắt tên loại «{code}» không khớp tên loại «{title}» (phải là «{want}»"
                       f"{self._why(code, want, notice, ctx, 'vi')})",
                    en=f"The kind abbreviation «{code}» does not match the title «{title}» (it is «{want}»"
                       f"{self._why(code, want, notice, ctx, 'en')})",
                    fix=Fix.replace(seg.index, span[0], span[1], want, safe=False),
                    severity=Severity.WARNING if outdated else None,
                )
            return
        if notice.kind != "CV":
            return
        if party:
            if code is not None and code.casefold() != "cv":
                yield self.finding(
                    seg.paragraph, *span,
                    vi=f"Công văn của Đảng có ký hiệu tên loại «CV», không phải «{code}»",
                    en=f"A Party công văn has the kind abbreviation «CV», not «{code}»",
                    fix=Fix.replace(seg.index, span[0], span[1], "CV", safe=False),
                )
            return
        if code is not None and code.casefold() == "cv":
            # other kind codes are not judged here: organ abbreviations share them (CT = Cục Thuế, HĐ = Hội đồng)
            yield self.finding(
                seg.paragraph, *span,
                vi="Công văn của cơ quan nhà nước không có chữ viết tắt tên loại (không ghi «CV»): Số: 12/SKHCN-VP",
                en="A state công văn has no kind abbreviation (no «CV»): Số: 12/SKHCN-VP",
            )

    @staticmethod
    def _codes(notice, ctx) -> set[str]:  # noqa: D102
        """Every kind code of the document's profile, folded (``tb``, ``qđ``…), and ``cv``
        (built once per profile and data tables)."""
        tables = ctx.data
        return tables.derived("kinds", "NL112-codes-" + notice.profile,
                              lambda kinds: _profile_codes(notice.profile, kinds, tables.get("instruments")))

    @staticmethod
    def _why(code, want, notice, ctx, lang) -> str:
        """A note when the code is another instrument's form of the same kind (QĐi vs QĐ, QyĐ)."""
        entry = notice.kind_entry or {}
        others = {k: v for k, v in entry.items() if k in ("state", "party", "hd36", "hd05") and v}
        for col, v in others.items():
            if v == code:
                label = {"state": "NĐ 30/2020", "party": "văn bản của Đảng" if lang == "vi" else "Party documents",
                         "hd36": "HD 36-HD/VPTW", "hd05": "HD 05-HD/VPTW"}[col]
                name = instrument_name(notice, ctx)
                if lang == "vi":
                    return f"; «{code}» là dạng của {label}, văn bản này theo {name}"
                return f"; «{code}» is the form of {label}, this document follows {name}"
        return ""


def _profile_codes(profile: str, kinds, instruments) -> set[str]:
    out = {"cv"}
    columns = kind_columns(profile, instruments)  # what kind_code reads, found once
    for _, entry in kind_titles(kinds):
        for col in columns:
            if col in entry:
                if entry[col]:
                    out.add(entry[col].casefold())
                break
    return out


def _all_codes(ctx) -> set[str]:
    """The kind codes of every profile, folded: a code of another profile is a wrong kind, not a missing one."""
    return ctx.data.derived("kinds", "NL112-all-codes", _build_all_codes)


def _build_all_codes(kinds) -> set[str]:
    out = set()
    for entry in kinds:
        for col in ("state", "party", "hd36", "hd05"):
            v = entry.get(col)
            if v:
                out.add(str(v).casefold())
    return out
