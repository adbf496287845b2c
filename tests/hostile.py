"""Small files that make the reader size something without bound, unless it caps it.

Each function returns the bytes of a ``.docx`` (a few kB to a few hundred kB on
disk) that a real document never resembles but that is well formed: the reader
must lint it within a bounded time and memory, never refuse it for a value it
can clamp.  Used by ``tests/test_limits.py``.
"""

from __future__ import annotations

from badinput import W_DOC_CLOSE, W_DOC_OPEN, docx_with_document_xml

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbering(lvl: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W_NS}>'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">{lvl}</w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()


def _numbered(text: str, count: int) -> str:
    para = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f'<w:r><w:t>{text}</w:t></w:r></w:p>'
    )
    return W_DOC_OPEN + para * count + W_DOC_CLOSE


def huge_list_start(start: int = 26_000_000_000, count: int = 20) -> bytes:
    """A letter list whose first value is ``start``: each label would be a billion letters."""
    lvl = f'<w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/>'
    return docx_with_document_xml(_numbered("Nội dung mục.", count), {"word/numbering.xml": _numbering(lvl)})


def huge_start_override(start: int = 26_000_000_000, count: int = 20) -> bytes:
    """The same through ``w:startOverride`` of the list instance."""
    lvl = '<w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/>'
    numbering = _numbering(lvl).replace(
        b'<w:abstractNumId w:val="0"/></w:num>',
        f'<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/>'
        "</w:lvlOverride></w:num>".encode(),
    )
    return docx_with_document_xml(_numbered("Nội dung mục.", count), {"word/numbering.xml": numbering})


def huge_level_text(chars: int = 2_000_000, count: int = 1500) -> bytes:
    """A level text of ``chars`` characters copied into each of ``count`` labels."""
    lvl = f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{"x" * chars}%1."/>'
    return docx_with_document_xml(_numbered("Mục.", count), {"word/numbering.xml": _numbering(lvl)})


def long_style_chain(length: int = 40_000) -> bytes:
    """``length`` paragraph styles, each based on the next; the last one is numbered."""
    styles = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W_NS}>']
    for k in range(length):
        styles.append(
            f'<w:style w:type="paragraph" w:styleId="s{k}"><w:name w:val="s{k}"/>'
            f'<w:basedOn w:val="s{k + 1}"/></w:style>'
        )
    styles.append(
        f'<w:style w:type="paragraph" w:styleId="s{length}"><w:name w:val="s{length}"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    lvl = '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    body = W_DOC_OPEN + '<w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr><w:r><w:t>Mục một.</w:t></w:r></w:p>' + W_DOC_CLOSE
    return docx_with_document_xml(
        body, {"word/numbering.xml": _numbering(lvl), "word/styles.xml": "".join(styles).encode()}
    )


def many_entries_directory(count: int = 20_000) -> bytes:
    """A zip whose central directory lists ``count`` empty members (about 60 bytes each)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", W_DOC_OPEN + W_DOC_CLOSE)
        for k in range(count):
            zf.writestr(f"m/{k}", b"")
    return buf.getvalue()


def duplicate_names() -> bytes:
    """Two members named ``word/document.xml`` (which one a reader takes is anyone's guess)."""
    import io
    import warnings
    import zipfile

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("word/document.xml", W_DOC_OPEN + "<w:p><w:r><w:t>Một</w:t></w:r></w:p>" + W_DOC_CLOSE)
            zf.writestr("word/document.xml", W_DOC_OPEN + "<w:p><w:r><w:t>Hai</w:t></w:r></w:p>" + W_DOC_CLOSE)
    return buf.getvalue()


def element_flood(mb: int = 24) -> bytes:
    """A document.xml of ``mb`` MB of empty elements Word ignores (4 million of them in 24 MB)."""
    unit = "<w:x/>"
    body = W_DOC_OPEN + "<w:p><w:r><w:t>Thông báo</w:t></w:r></w:p>" + unit * (mb * 1024 * 1024 // len(unit)) + W_DOC_CLOSE
    return docx_with_document_xml(body)


#: a sentence of a notice's body, with one space too many (one NL301 finding a paragraph)
SENTENCE = (
    "Các cơ quan, đơn vị có trách nhiệm triển khai thực hiện nghiêm túc nội dung  chỉ đạo của Ủy ban"
    " nhân dân tỉnh về công tác phòng, chống thiên tai và báo cáo kết quả về Sở trước ngày 30 hằng tháng."
)


#: a short line with four findings (two double spaces, a space before a comma and none after it)
SHORT_SENTENCE = "Các cơ quan  đơn vị ,thực hiện nghiêm túc  nội dung chỉ đạo này."


def many_findings(count: int = 20_000, text: str = SENTENCE) -> bytes:
    """``count`` paragraphs of ``text`` (each with its finding): what each paragraph costs."""
    from badinput import para

    return docx_with_document_xml(W_DOC_OPEN + para(text) * count + W_DOC_CLOSE)
