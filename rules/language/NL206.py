from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._legacy import SIGNAL_RE, detect, gain, odd_paragraphs, to_unicode
from ._syllables import LANGUAGE_PROFILES

_NAMES = {"TCVN3": "TCVN3 (ABC, phông .Vn…)", "VNI": "VNI (phông VNI-…)"}
_NAMES_EN = {"TCVN3": "TCVN3 (ABC, .Vn… fonts)", "VNI": "VNI (VNI-… fonts)"}


def _span(text: str) -> tuple[int, int]:
    stripped = text.strip()
    start = text.index(stripped[0]) if stripped else 0
    return start, start + len(stripped)


class LegacyEncoding(Rule):
    """Text typed in a pre-Unicode Vietnamese encoding, or set in a pre-Unicode font.

    Văn bản hành chính phải dùng phông chữ tiếng Việt bộ mã Unicode (TCVN
    6909:2001).  Text typed with a TCVN3 (ABC) or VNI keyboard table and later
    read as Unicode shows as Latin-1 garbage (``Th«ng b¸o``, ``Thoâng baùo``);
    it cannot be searched, copied or read by the receiving system.  A paragraph
    is reported when several of its words hold characters that are no
    Vietnamese letter and a trial TCVN3 or VNI conversion turns it into
    Vietnamese; the conversion is offered as a fix to review (not applied by
    ``--fix``; convert the file with Unikey's "chuyển mã" or re-type it).
    In a ``.docx``, Vietnamese text set in a ``.Vn…``/``VNI-…`` font is also
    reported: on another computer it prints as garbage.

    **Anti-pattern**

    ```
    Th«ng b¸o kÕt luËn cña Gi¸m ®èc Së
    ```

    **Best practice**

    ```
    Thông báo kết luận của Giám đốc Sở
    ```
    """

    code = "NL206"
    name = "legacy-encoding"
    summary = "Text in a legacy Vietnamese encoding (TCVN3, VNI) or font"
    summary_vi = "Văn bản gõ bằng bảng mã cũ (TCVN3, VNI) hoặc dùng phông cũ"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản gõ bằng bảng mã cũ (TCVN3, VNI) hoặc dùng phông cũ (.VnTime, VNI-Times) hiển thị sai '
        'trên máy khác. Sai: «Th«ng b¸o». Hãy chuyển sang Unicode.'
    )
    severity = Severity.ERROR
    profiles = LANGUAGE_PROFILES
    needs = frozenset({"fonts", "stream"})  # the run fonts of a .docx that names a legacy font; the stream
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục I.3 (phông chữ tiếng Việt Unicode, TCVN 6909:2001)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        doc = notice.document
        reported: set[int] = set()
        found: set[str] = set()
        odd = odd_paragraphs(doc)
        for para in doc.paragraphs if odd else ():  # no odd paragraph: no encoding to detect
            text = para.text
            if id(para) not in odd or not SIGNAL_RE.search(text):
                continue
            enc = detect(text)
            if enc is None:
                continue
            found.add(enc)
            yield self._report(para, enc)
            reported.add(para.index)
        if len(found) == 1:
            # VNI capitals often hold no tell-tale character (THOÂNG BAÙO): once the
            # document is known to be VNI/TCVN3, a paragraph that reads much better
            # converted is in the same encoding
            enc = next(iter(found))
            for para in doc.paragraphs:
                text = para.text
                if para.index in reported or text.isascii() or not text.strip():
                    continue
                if to_unicode(text, enc) != text and gain(text, enc) >= 0.5:
                    reported.add(para.index)
                    yield self._report(para, enc)
        if doc.kind == "docx":
            yield from self._fonts(doc, reported)

    def _report(self, para, enc: str) -> Finding:
        text = para.text
        start, end = _span(text)
        converted = to_unicode(text[start:end], enc)
        return self.finding(
            para,
            start,
            end,
            vi=f"Đoạn văn gõ bằng bảng mã {_NAMES[enc]}, không phải Unicode: «{converted[:60]}»",
            en=f"Paragraph typed in the {_NAMES_EN[enc]} encoding, not Unicode: «{converted[:60]}»",
            fix=Fix.replace(para.index, start, end, converted, safe=False),
        )

    def _fonts(self, doc, reported: set[int]) -> Iterable[Finding]:
        from notice_lint.document.fonts import is_legacy_font, legacy_fonts_declared, run_font

        if not legacy_fonts_declared(doc):
            return
        for para in doc.paragraphs:
            if para.index in reported or not para.runs or para.text.isascii():
                continue
            hits = []
            for run in para.runs:
                piece = para.text[run.start : run.end]
                if piece.isascii():
                    continue  # ASCII looks the same in every font
                font = run_font(doc, para, run)
                if is_legacy_font(font):
                    hits.append((run.start, run.end, font))
            if not hits:
                continue
            start, end, font = hits[0][0], hits[-1][1], hits[0][2]
            yield self.finding(
                para,
                start,
                end,
                vi=f"Chữ tiếng Việt dùng phông cũ «{font}» (không phải phông Unicode); đổi sang phông Unicode như Times New Roman",
                en=f"Vietnamese text in the legacy font «{font}» (not a Unicode font); use a Unicode font such as Times New Roman",
            )
