from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from notice_lint.anatomy.header import has_mass_title

from ._top import PARTY_AND_LEGACY, has_top, instrument_name


class HeaderMissing(Rule):
    """The national header (state) or the Party title line is missing.

    A state document opens, top right, with the Quốc hiệu
    ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` and under it the Tiêu ngữ
    ``Độc lập - Tự do - Hạnh phúc``; a Party document with
    ``ĐẢNG CỘNG SẢN VIỆT NAM`` (no Tiêu ngữ).  The profile comes from the
    rest of the header (a Party organ, ``*`` under it, ``Số 05-TB/TU``),
    and the message says which one was assumed.

    A mass organisation's own document (Hội Nông dân, Hội Cựu chiến binh,
    Hội Liên hiệp Phụ nữ, Đoàn Thanh niên) prints its organisation's title
    line there instead (``HỘI NÔNG DÂN VIỆT NAM``, ``ĐOÀN TNCS HỒ CHÍ MINH``),
    as its own rules on documents require: that is not reported.

    When the whole first row is missing (no organ and no Quốc hiệu, but a
    number and a date), the finding is a ``warning`` that covers both parts
    (NL103 stays silent): that is most often a header row lost by an export.

    A text that has **no header at all** (it starts at ``THÔNG BÁO``, as
    the body-only exports published on web pages do) gets one ``info``
    finding instead of an error: the header cannot be checked, and the
    document is judged as a state document (NĐ 30) unless the
    configuration or ``--profile`` says otherwise.

    **Anti-pattern**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```

    **Best practice**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```
    """

    code = "NL101"
    name = "header-missing"
    summary = "The Quốc hiệu and Tiêu ngữ (state) or ĐẢNG CỘNG SẢN VIỆT NAM (Party) is missing"
    summary_vi = "Thiếu Quốc hiệu, Tiêu ngữ (Nhà nước) hoặc tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» (Đảng)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản của cơ quan nhà nước phải có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» và Tiêu ngữ '
        '«Độc lập - Tự do - Hạnh phúc» ở góc phải phần đầu; văn bản của Đảng có tiêu đề «ĐẢNG CỘNG SẢN '
        'VIỆT NAM».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.1; HD 36-HD/VPTW, 1.1; HD 05-HD/VPTW, Phần II, I-1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.national is not None or notice.motto is not None or notice.party_header is not None:
            yield from self._partial(notice)
            return
        if has_mass_title(notice):
            return  # a mass organisation's document, under its own title line (HỘI NÔNG DÂN VIỆT NAM)
        first = notice.title or (notice.segments[0] if notice.segments else None)
        index = notice.organ[0].index if notice.organ else (first.index if first is not None else 1)
        why_vi, why_en = _why(notice, ctx)
        if not has_top(notice):
            if notice.title is None and notice.kind != "CV":
                return  # no header and no title: not an administrative document (a README, notes)
            yield self.finding(
                index, 0, 0,
                vi="Không có phần đầu văn bản (Quốc hiệu, Tiêu ngữ, tên cơ quan, số, ngày tháng): nếu đây là "
                   f"bản trích phần nội dung thì phần đầu chưa được kiểm tra; văn bản được xét theo {why_vi}",
                en="The document has no header (Quốc hiệu, Tiêu ngữ, organ, number, date): if it is an extract "
                   f"of the body, its header was not checked; it is judged by {why_en}",
                severity=Severity.INFO,
            )
            return
        if not notice.organ:
            # the whole first row (organ | Quốc hiệu) is gone, the number and date are there:
            # most often a header row an export lost (text boxes); one finding, for both parts
            top = notice.segments[0].index if notice.segments else 1
            yield self.finding(
                top, 0, 0,
                vi="Thiếu dòng đầu của phần đầu văn bản: tên cơ quan ban hành (góc trái) và "
                   + ("tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»" if notice.is_party else "Quốc hiệu, Tiêu ngữ")
                   + f" (góc phải); văn bản được xét theo {why_vi}",
                en="The first row of the header is missing: the issuing organ (left) and "
                   + ("the title line «ĐẢNG CỘNG SẢN VIỆT NAM»" if notice.is_party else "the Quốc hiệu and Tiêu ngữ")
                   + f" (right); the document is judged by {why_en}",
                severity=Severity.WARNING,
            )
            return
        if notice.is_party:
            yield self.finding(
                index, 0, 0,
                vi=f"Thiếu tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» ở góc phải, dòng đầu (xét theo {why_vi})",
                en=f"The title line «ĐẢNG CỘNG SẢN VIỆT NAM» is missing at the top right (judged by {why_en})",
            )
        else:
            yield self.finding(
                index, 0, 0,
                vi="Thiếu Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» và Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» "
                   f"ở góc phải, dòng đầu (xét theo {why_vi})",
                en="The Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» and the Tiêu ngữ «Độc lập - Tự do - Hạnh "
                   f"phúc» are missing at the top right (judged by {why_en})",
            )

    def _partial(self, notice) -> Iterable[Finding]:
        if notice.party_header is not None:
            return  # a Party document: no Tiêu ngữ
        if notice.national is None and notice.motto is not None:
            yield self.finding(
                notice.motto.paragraph, notice.motto.start, notice.motto.start,
                vi="Thiếu Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» phía trên Tiêu ngữ",
                en="The Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» is missing above the Tiêu ngữ",
            )
        elif notice.national is not None and notice.motto is None:
            seg = notice.national
            yield self.finding(
                seg.paragraph, seg.end, seg.end,
                vi="Thiếu Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» dưới Quốc hiệu",
                en="The Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» is missing under the Quốc hiệu",
            )


def _why(notice, ctx) -> tuple[str, str]:
    """Which profile the document is judged by, and why, in both languages."""
    name = instrument_name(notice, ctx)
    if notice.profile_source == "config":
        return f"{name} (theo cấu hình)", f"{name} (as configured)"
    if notice.profile_source == "assumed":
        return (
            f"{name} (mặc định; văn bản của Đảng: dùng --profile party)",
            f"{name} (assumed; for a Party document use --profile party)",
        )
    clues = [e for e in notice.evidence if not e.startswith("instrument")]
    en = ", ".join(clues) or "the header"
    vi = ", ".join(_vi(e) for e in clues) or "phần đầu"
    return f"{name} (nhận biết qua: {vi})", f"{name} (detected from: {en})"


_VI_CLUES = (
    ("line ", "dòng "),
    ("Party organ", "tên cơ quan của Đảng"),
    ("'*' under the organ", "dấu «*» dưới tên cơ quan"),
    ("Party number form", "số, ký hiệu dạng văn bản của Đảng"),
    ("state number form", "số, ký hiệu dạng văn bản nhà nước"),
)


def _vi(clue: str) -> str:
    for en, vi in _VI_CLUES:
        clue = clue.replace(en, vi)
    return clue
