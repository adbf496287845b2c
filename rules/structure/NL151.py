from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity
from notice_lint.vntext import fold

from ._signature import COLLECTIVE, OWN_NAME_KINDS, TO_PARTY, closing_profile, TO_STATE, head_title, is_deputy, prefixed_titles, state_kind

class SignatoryPrefix(Rule):
    """The authority prefix of the signature is wrong or missing.

    State documents (NĐ 30) write ``TM.`` (on behalf of a collective), ``KT.``
    (a deputy signing for the head), ``TL.`` (by order), ``TUQ.`` (by
    delegation) and ``Q.`` (acting head): capitals, a period, one space, then
    the title.  Party documents (HD 36, HD 05) write ``T/M``, ``K/T``, ``T/L``
    with no period, and ``Q.``.  A deputy (``PHÓ …``) signing for the head
    writes ``KT.`` / ``K/T`` above the head's title (unless no head has been
    appointed and the deputy signs in their own name).  A Party committee
    (cấp uỷ) is a collective: its deputy secretary signs ``T/M``, never ``K/T``.

    **Anti-pattern**

    ```
    TL.GIÁM ĐỐC
    KT GIÁM ĐỐC
    T/M ỦY BAN NHÂN DÂN      (a state document)
    PHÓ GIÁM ĐỐC             (alone, signing for the director)
    GIÁM ĐỐC / PHÓ GIÁM ĐỐC  (the KT. forgotten above the deputy's title)
    K/T BÍ THƯ               (a Party committee)
    ```

    **Best practice**

    ```
    TL. GIÁM ĐỐC
    KT. GIÁM ĐỐC
    TM. ỦY BAN NHÂN DÂN
    KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ
    ```

    **Fix**: the period and the space are corrected; a prefix of the other
    profile is replaced (an unsafe fix: it trusts the profile detection).
    """

    code = "NL151"
    name = "signatory-prefix"
    summary = "Authority prefix of the signature missing or malformed"
    summary_vi = "Sai hoặc thiếu chữ viết tắt quyền hạn ký (TM., KT., TL., TUQ., Q.; T/M, K/T, T/L)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Chữ viết tắt quyền hạn ký viết đúng: văn bản nhà nước dùng «TM.», «KT.», «TL.», «TUQ.», «Q.» (có'
        ' dấu chấm và dấu cách); văn bản của Đảng dùng «T/M», «K/T». Sai: «TL.GIÁM ĐỐC», «KT GIÁM ĐỐC». '
        'Đúng: «TL. GIÁM ĐỐC», «KT. GIÁM ĐỐC».'
    )
    severity = Severity.ERROR
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục II.7; HD 36-HD/VPTW, 1.7.1; HD 05-HD/VPTW, 7.1.1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        sig = notice.signature
        if sig is None or not sig.titles:
            return
        judged = closing_profile(notice)
        party = judged == "party"
        any_prefix = False
        for _, seg, p in prefixed_titles(notice):
            any_prefix = True
            if judged is None:
                continue  # a text without its header and with mixed signs: the forms are not judged
            yield from self._form(seg, p, party)
            if party and p.canonical in ("K/T", "KT"):
                title = head_title(seg, p)
                if fold(title).startswith(COLLECTIVE):
                    yield self.finding(
                        seg.paragraph, seg.start + p.start, seg.end,
                        vi=f"Cấp uỷ là tập thể: ký thay mặt «T/M …» (ví dụ «T/M BAN THƯỜNG VỤ» / «PHÓ BÍ THƯ»), "
                           f"không ký «K/T {title}»",
                        en=f"A Party committee is a collective: sign «T/M …» (e.g. «T/M BAN THƯỜNG VỤ» / "
                           f"«PHÓ BÍ THƯ»), never «K/T {title}»",
                    )
        if any_prefix or state_kind(notice) in OWN_NAME_KINDS:
            return
        first = sig.titles[0]
        if is_deputy(first.text) and not any(fold(s.text.strip()) == "kiem" for s in sig.lines):
            title = first.text.strip()
            head = title.split(None, 1)[1] if " " in title else title
            kt = "K/T" if party else "KT."
            yield self.finding(
                first.paragraph, first.start, first.end,
                vi=f"Cấp phó ký thay cấp trưởng phải ghi «{kt} {head}» trên dòng «{title}» "
                   f"(trừ khi chưa có cấp trưởng và cấp phó được giao phụ trách ký trực tiếp)",
                en=f"A deputy signing for the head writes «{kt} {head}» above «{title}» "
                   f"(unless no head is appointed and the deputy signs in their own name)",
                severity=Severity.WARNING,
            )
        elif len(sig.titles) >= 2 and is_deputy(sig.titles[1].text):
            # "GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC": the head's title above the deputy's, the «KT.» forgotten
            title = first.text.strip()
            own = sig.titles[1].text.strip()
            if (fold(own).split(None, 1)[1:] == [fold(title)] and not (party and fold(title).startswith("bi thu"))
                    and not any(fold(x.text.strip()) == "kiem" for x in sig.lines)):
                kt = "K/T" if party else "KT."
                yield self.finding(
                    first.paragraph, first.start, first.end,
                    vi=f"Cấp phó ký thay cấp trưởng: thiếu «{kt}» trước «{title}» («{kt} {title}» / «{own}»)",
                    en=f"A deputy signing for the head: «{kt}» is missing before «{title}» («{kt} {title}» / «{own}»)",
                    fix=Fix((Edit(first.index, first.start, first.start, kt + " "),), safe=False),
                    severity=Severity.WARNING,
                )

    def _form(self, seg, p, party: bool) -> Iterable[Finding]:
        canon = p.canonical
        base = seg.start
        span = (base + p.start, base + p.rest_start)
        written = seg.text[p.start:p.rest_start]
        title = head_title(seg, p)
        if party:
            if canon in ("T/M", "K/T", "T/L"):
                want, safe = canon + " ", True
            elif canon == "Q":
                want, safe = "Q. ", True
            elif canon in TO_PARTY:
                want = TO_PARTY[canon] + " "
                yield self.finding(
                    seg.paragraph, span[0], span[1],
                    vi=f"Văn bản của Đảng ghi «{want.strip()}», không ghi «{written.strip()}» của văn bản nhà nước: "
                       f"«{want}{title}»",
                    en=f"A Party document writes «{want.strip()}», not the state form «{written.strip()}»: "
                       f"«{want}{title}»",
                    fix=Fix.replace(seg.index, span[0], span[1], want, safe=False),
                )
                return
            else:  # TUQ: no Party form
                yield self.finding(
                    seg.paragraph, span[0], span[1],
                    vi=f"«{written.strip()}» không dùng trong văn bản của Đảng (chỉ có T/M, K/T, T/L, Q.)",
                    en=f"«{written.strip()}» is not used in Party documents (only T/M, K/T, T/L, Q.)",
                )
                return
        else:
            if canon in TO_STATE and "/" in canon:
                want = TO_STATE[canon] + " "
                yield self.finding(
                    seg.paragraph, span[0], span[1],
                    vi=f"Văn bản nhà nước ghi «{want.strip()}», không ghi «{written.strip()}» của văn bản Đảng: "
                       f"«{want}{title}»",
                    en=f"A state document writes «{want.strip()}», not the Party form «{written.strip()}»: "
                       f"«{want}{title}»",
                    fix=Fix.replace(seg.index, span[0], span[1], want, safe=False),
                )
                return
            want, safe = canon + ". ", True
        if written != want:
            yield self.finding(
                seg.paragraph, span[0], span[1],
                vi=f"Viết tắt quyền hạn ký phải là «{want.strip()}» và một dấu cách trước chức vụ: «{want}{title}»",
                en=f"The authority prefix is «{want.strip()}» and one space before the title: «{want}{title}»",
                fix=Fix.replace(seg.index, span[0], span[1], want, safe=safe),
            )
