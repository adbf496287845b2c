"""Property-based tests: the reader, the anatomy and every rule on hostile text.

For any input: no exception escapes (a reader may refuse a file, only with
an :class:`InputError`), the anatomy does not fail internally, every finding
and every fix edit lies inside its paragraph, and applying the safe fixes
twice gives what applying them once gave.

Inputs: random Unicode text; realistic notices written here (in our own
words), shuffled and mutated; the ``document.xml`` of a fixture built by
``fixtures/build``, mutated in its structure and in its bytes.

The normal run keeps a small budget (derandomized, so it cannot flake); the
``slow`` tests run the same properties much longer:
``pytest -m slow tests/test_fuzz.py``.
"""

from __future__ import annotations

import datetime as dt
import time
import io
import logging
import random
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from notice_lint import anatomy
from notice_lint.data import DataTables
from notice_lint.document.docx import read_docx
from notice_lint.document.text import read_text
from notice_lint.errors import InputError
from notice_lint.plugins import get_plugin_manager
from notice_lint.rule import RuleContext
from notice_lint.runner import rule_registry

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_rule_cases import apply_fixes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 23)
PROFILES = (None, "nd30", "hd36", "hd05")

FAST = settings(
    max_examples=60, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
SLOW = settings(
    max_examples=1000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

EXAMPLES = {"run": 0}


# -- the pipeline under test ---------------------------------------------------


class AnatomyFailure(logging.Handler):
    """The anatomy swallows its own exceptions (users keep their findings): catch them here."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


_TABLES = DataTables(get_plugin_manager())
_RULES = [cls() for cls in rule_registry().values()]


def run_rules(doc, profile=None, final=False):
    """Anatomy + every registered rule that applies, as the runner runs them; checks spans."""
    EXAMPLES["run"] += 1
    catcher = AnatomyFailure()
    log = logging.getLogger("notice_lint.anatomy")
    old_level = log.level
    log.setLevel(logging.DEBUG)
    log.addHandler(catcher)
    try:
        notice = anatomy.parse(doc, _TABLES.get("kinds"), profile=profile, today=TODAY)
    finally:
        log.removeHandler(catcher)
        log.setLevel(old_level)
    assert not catcher.records, "anatomy failed: " + "".join(
        logging.Formatter().formatException(r.exc_info) for r in catcher.records  # type: ignore[arg-type]
    )
    ctx = RuleContext(data=_TABLES, final=final, lang="vi", options={}, today=TODAY)
    findings = []
    n = len(doc.paragraphs)
    for rule in _RULES:
        if notice.profile not in rule.profiles or doc.kind not in rule.formats:
            continue
        for f in rule.check(notice, ctx):
            assert 1 <= f.paragraph <= n, (rule.code, f)
            text = doc.paragraphs[f.paragraph - 1].text
            assert 0 <= f.start <= f.end <= len(text), (rule.code, f, text)
            assert f.message_vi and f.message_en, (rule.code, f)
            if f.fix is not None:
                for e in f.fix.edits:
                    assert 1 <= e.paragraph <= n, (rule.code, e)
                    etext = doc.paragraphs[e.paragraph - 1].text
                    assert 0 <= e.start <= e.end <= len(etext), (rule.code, e, etext)
            findings.append(f)
    return notice, findings


def read_txt(text: str):
    try:
        return read_text("fuzz.txt", text.encode("utf-8"))
    except InputError:
        return None


def check_text(text: str, profile=None, final=False) -> None:
    """Every property on a text: no exception, spans inside, fixes idempotent."""
    doc = read_txt(text)
    if doc is None:
        return
    _, findings = run_rules(doc, profile, final)
    # fixes apply to lines: only when a line is exactly its paragraph's text
    if all(p.text == line for p, line in zip(doc.paragraphs, text.split("\n"))) and len(doc.paragraphs) == len(
        text.split("\n")
    ):
        # like --fix: apply, re-lint, apply again until nothing changes. A fix may
        # uncover another finding (a cascade), but two fixes must never undo
        # each other: the loop converges, and one more pass is a no-op.
        seen = [text]
        current, current_findings = text, findings
        for _ in range(6):
            nxt = apply_fixes(current, current_findings)
            if nxt == current:
                return
            assert nxt not in seen, f"fixes undo each other:\n{current!r}\n{nxt!r}"
            seen.append(nxt)
            doc2 = read_txt(nxt)
            assert doc2 is not None, "a safe fix made the text unreadable"
            _, current_findings = run_rules(doc2, profile, final)
            current = nxt
        raise AssertionError(f"fixes did not converge:\n{seen[-2]!r}\n{seen[-1]!r}")


def clean(text: str) -> str:
    """NFC, no carriage returns or line separators that split lines differently."""
    text = unicodedata.normalize("NFC", text.replace("\r", "\n"))
    return text


# -- realistic documents -------------------------------------------------------

STATE_LINES = [
    "ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Số: 07/TB-STNMT", "Số 112/TB-UBND", "Số:      /TB-VP",
    "Bình Định, ngày 09 tháng 01 năm 2025", "Hà Nội, ngày    tháng    năm 2025", "Quy Nhơn, ngày 5 tháng 12 năm 2024",
    "THÔNG BÁO", "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi kiểm tra công trình đê biển",
    "V/v tổ chức tập huấn nghiệp vụ lưu trữ", "Kính gửi: Các sở, ban, ngành thuộc tỉnh",
    "Ngày 06 tháng 01 năm 2025, Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ thi công tuyến đê biển Nhơn Lý.",
    "I. TÌNH HÌNH THỰC HIỆN", "II. NHIỆM VỤ THỜI GIAN TỚI", "1. Sở Nông nghiệp và Phát triển nông thôn:",
    "a) Chỉ đạo nhà thầu tăng ca, bảo đảm tiến độ trước mùa mưa bão;", "b) Báo cáo kết quả trước ngày 15/02/2025.",
    "- Kiểm tra, rà soát hồ sơ thiết kế;", "- Phối hợp với UBND huyện Phù Cát giải phóng mặt bằng.",
    "Điều 1. Phạm vi điều chỉnh", "Khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.",
    "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Nơi nhận:", "- Như trên;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KT.",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "(Đã ký)", "Lê Thị Thu Hà", "Trần Quốc Việt",
]
PARTY_LINES = [
    "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "HUYỆN ỦY TUY PHƯỚC", "*", "Số 85-TB/HU",
    "Tuy Phước, ngày 14 tháng 8 năm 2025", "THÔNG BÁO", "ý kiến của Ban Thường vụ Huyện ủy về công tác cán bộ",
    "-----", "Tại cuộc họp ngày 12/8/2025, Ban Thường vụ Huyện ủy đã nghe Ban Tổ chức báo cáo.",
    "Ban Thường vụ Huyện ủy thống nhất như sau:", "Nơi nhận:", "- Ban Tổ chức Tỉnh ủy,", "- Lưu Văn phòng Huyện ủy.",
    "T/M BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Sơn",
]
NOISE = list("  \t.,;:-–—/()«»\"'*#|_~!?…0123456789") + [
    "\u00a0", "\u200b", "\ufeff", "\u00ad", "\u0301", "\u0323", "o\u0302\u0301", "đ", "Đ", "ư", "ơ", "ế", "ộ",
    "Số", "ngày", "tháng", "năm", "/", "./.", "TB-", "-TB/", "NĐ-CP", "V/v", "Kính gửi", "Nơi nhận", "KT.", "TM.",
    "\U0001F600", "\u202e", "\x0b", "\x0c", "𝐀", "ﬁ", "Ⅳ", "١٢",
]
XML_NOISE = [n for n in NOISE if not any(ord(c) < 32 and c not in "\t\n" for c in n)]


@st.composite
def realistic_text(draw) -> str:
    pool = draw(st.sampled_from([STATE_LINES, PARTY_LINES, STATE_LINES + PARTY_LINES]))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    lines = list(pool)
    if draw(st.booleans()):
        rnd.shuffle(lines)
    else:  # keep the order, drop some lines: a plausible notice with parts missing
        lines = [line for line in lines if rnd.random() > 0.2]
    for _ in range(draw(st.integers(0, 12))):
        if not lines:
            break
        k = rnd.randrange(len(lines))
        line = lines[k]
        op = rnd.randrange(9)
        pos = rnd.randrange(len(line) + 1)
        if op == 0:
            line = line[:pos] + rnd.choice(NOISE) + line[pos:]
        elif op == 1:
            line = line[:pos] + line[pos + rnd.randint(1, 4):]
        elif op == 2:
            line = line.upper() if rnd.random() < 0.5 else line.lower()
        elif op == 3:
            line = "".join(c for c in unicodedata.normalize("NFD", line) if not unicodedata.combining(c))
        elif op == 4:
            lines.insert(k, line)
        elif op == 5:
            line = "   " + line + "  "
        elif op == 6:
            line = line.replace(" ", "  ") if rnd.random() < 0.5 else line.replace(" ", "\t", 1)
        elif op == 7:
            line = "".join(str(rnd.randint(0, 99)) if c.isdigit() else c for c in line)
        else:
            lines.insert(k, "")
        lines[k] = line
    return clean("\n".join(lines))


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
).map(clean)


# -- a fixture's document.xml ------------------------------------------------------


def _fixture_docx() -> bytes:
    from fixtures.build import all_fixtures, build

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "f.docx"
        build("state-notice-number-typos", all_fixtures()["state-notice-number-typos"], out)
        return out.read_bytes()


FIXTURE = _fixture_docx()
with zipfile.ZipFile(io.BytesIO(FIXTURE)) as _zf:
    FIXTURE_PARTS = {i.filename: _zf.read(i.filename) for i in _zf.infolist()}
DOCUMENT_XML = FIXTURE_PARTS["word/document.xml"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def repack(document_xml: bytes, **parts: bytes) -> bytes:
    """The fixture with its document.xml (and other parts, by name: word/x.xml = x_xml) replaced."""
    replaced = {"word/document.xml": document_xml}
    replaced.update({f"word/{k.replace('_xml', '.xml')}": v for k, v in parts.items()})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in FIXTURE_PARTS.items():
            zf.writestr(name, replaced.get(name, blob))
    return buf.getvalue()


def mutate_tree(seed: int, steps: int, xml: bytes = DOCUMENT_XML) -> bytes:
    rnd = random.Random(seed)
    root = etree.fromstring(xml)
    for _ in range(steps):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        el = rnd.choice(elements)
        parent = el.getparent()
        op = rnd.randrange(8)
        if op == 0 and parent is not None:
            parent.remove(el)
        elif op == 1 and parent is not None:
            parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
        elif op == 2 and parent is not None:  # move somewhere else
            target = rnd.choice(elements)
            if el not in target.iterancestors() and target is not el:
                parent.remove(el)
                target.append(el)
        elif op == 3:
            texts = [t for t in root.iter(W + "t")]
            if texts:
                t = rnd.choice(texts)
                s = t.text or ""
                pos = rnd.randrange(len(s) + 1)
                t.text = s[:pos] + rnd.choice(XML_NOISE) + s[pos + rnd.randint(0, 3):]
        elif op == 4:  # wrap in a table cell or a content control
            if parent is not None:
                i = parent.index(el)
                wrapper = etree.SubElement(parent, W + rnd.choice(["sdt", "tbl", "ins", "del", "smartTag"]))
                parent.remove(wrapper)
                inner = wrapper
                if wrapper.tag == W + "tbl":
                    inner = etree.SubElement(etree.SubElement(wrapper, W + "tr"), W + "tc")
                elif wrapper.tag == W + "sdt":
                    inner = etree.SubElement(wrapper, W + "sdtContent")
                parent.remove(el)
                inner.append(el)
                parent.insert(i, wrapper)
        elif op == 5:  # junk attributes, as hand-edited files have
            el.set(W + rnd.choice(["val", "w", "ilvl", "numId"]), rnd.choice(["", "-1", "999999999999", "x", "٣"]))
        elif op == 6:
            etree.SubElement(el, W + rnd.choice(["tab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "numPr"]))
        else:
            etree.SubElement(el, W + rnd.choice(["r", "t", "p", "tc", "tr"])).text = rnd.choice(XML_NOISE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def mutate_bytes(seed: int, steps: int) -> bytes:
    rnd = random.Random(seed)
    data = bytearray(DOCUMENT_XML)
    for _ in range(steps):
        pos = rnd.randrange(len(data))
        op = rnd.randrange(3)
        if op == 0:
            data[pos] = rnd.randrange(256)
        elif op == 1:
            del data[pos : pos + rnd.randint(1, 40)]
        else:
            data[pos:pos] = rnd.choice([b"<", b">", b"&", b"&amp;", b"<w:p>", b"</w:r>", b"\xc3", b"\x00", b"]]>"])
    return bytes(data)


def check_docx(data: bytes, profile=None, final=False) -> None:
    for formatting in (False, True):
        try:
            doc = read_docx("fuzz.docx", data, formatting=formatting)
        except InputError:
            return
        run_rules(doc, profile, final)


def check_zip(data: bytes) -> None:
    try:
        doc = read_docx("fuzz.docx", data)
    except InputError:
        return
    run_rules(doc)


# -- the properties ----------------------------------------------------------------


def _random_text(text, profile, final):
    check_text(text, profile, final)


def _realistic(text, profile, final):
    check_text(text, profile, final)
    check_text(text.replace("\n", "\n\n"), profile, final)


def _markdown(text, profile):
    try:
        doc = read_text("fuzz.md", text.encode("utf-8"), markdown=True)
    except InputError:
        return
    run_rules(doc, profile)


def _tree(seed, steps, profile, final):
    check_docx(repack(mutate_tree(seed, steps)), profile, final)


def _numbering(seed, steps):
    """Numbered paragraphs (direct and through a style) with mutated numbering and styles parts."""
    numbered = DOCUMENT_XML.replace(
        b"<w:pPr>", b'<w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    )
    parts = {}
    for k, name in enumerate(("numbering_xml", "styles_xml")):
        blob = FIXTURE_PARTS.get(f"word/{name.replace('_xml', '.xml')}")
        if blob is not None:
            parts[name] = mutate_tree(seed + k, steps, blob)
    check_docx(repack(mutate_tree(seed, steps // 2, numbered), **parts))


def _bytes(seed, steps):
    check_docx(repack(mutate_bytes(seed, steps)))


def _zip_bytes(seed, steps):
    rnd = random.Random(seed)
    data = bytearray(FIXTURE)
    for _ in range(steps):
        pos = rnd.randrange(len(data))
        data[pos] = rnd.randrange(256)
    check_zip(bytes(data))


def _raw_bytes(data):
    for suffix_reader in (lambda: read_text("f.txt", data), lambda: read_text("f.md", data, markdown=True)):
        try:
            doc = suffix_reader()
        except InputError:
            continue
        run_rules(doc)
    check_zip(data)


profiles = st.sampled_from(PROFILES)
seeds = st.integers(0, 2**32 - 1)

CASES = {
    "random_text": (_random_text, (unicode_text, profiles, st.booleans())),
    "realistic": (_realistic, (realistic_text(), profiles, st.booleans())),
    "markdown": (_markdown, (st.one_of(realistic_text(), unicode_text), profiles)),
    "docx_tree": (_tree, (seeds, st.integers(1, 12), profiles, st.booleans())),
    "docx_numbering": (_numbering, (seeds, st.integers(0, 10))),
    "docx_bytes": (_bytes, (seeds, st.integers(1, 6))),
    "zip_bytes": (_zip_bytes, (seeds, st.integers(1, 4))),
    "raw_bytes": (_raw_bytes, (st.binary(max_size=600),)),
}


def _make(name: str, budget: settings, marks=()):
    fn, strategies = CASES[name]
    test = budget(given(*strategies)(fn))
    for m in marks:
        test = m(test)
    return test


for _name in CASES:
    globals()[f"test_fuzz_{_name}"] = _make(_name, FAST)
    globals()[f"test_fuzz_{_name}_slow"] = _make(_name, SLOW, (pytest.mark.slow,))


def test_realistic_documents_are_realistic():
    """The generator's untouched output is read as a notice (the fuzz reaches the rules)."""
    doc = read_txt(clean("\n".join(STATE_LINES)))
    notice, _ = run_rules(doc)
    assert notice.title is not None and notice.number is not None


def test_fixture_tree_is_read():
    doc = read_docx("fuzz.docx", repack(mutate_tree(1, 0)))
    _, findings = run_rules(doc)
    assert {"NL111", "NL201"} <= {f.code for f in findings}


def test_examples_were_run():
    """Printed with -s: how many documents the fuzz tests linted in this session."""
    print(f"\nfuzz: {EXAMPLES['run']} documents linted")


# -- one long line of a hostile shape --------------------------------------------
#
# Every rule and the readers on one 100,000-character paragraph (the longest a
# reader accepts) of a shape that makes a backtracking pattern quadratic or
# worse: each must finish within a generous CPU budget (a quadratic pattern
# takes minutes).  CPU time, not wall time: other processes on the machine do
# not count.

LONG = 100_000
LONG_BUDGET = 2.0  # seconds of CPU for reading, the anatomy and every rule


def _rep(unit: str, prefix: str = "", suffix: str = "") -> str:
    body = LONG - len(prefix) - len(suffix)
    return prefix + (unit * (body // len(unit) + 1))[:body] + suffix


LONG_SHAPES = {
    "comma-letters": _rep("a,"),  # URL-like spans, the missing-space patterns
    "marked-letters": _rep("ệ"),  # one word of marked letters
    "marked-pairs": _rep("ắa"),
    "combining-marks": _rep("a\u0301"),
    "capitals": _rep("ĐẢ"),
    "camel": _rep("Aa"),  # a capital after a small letter, each inside one long word
    "colons": _rep(":a"),
    "dots": _rep("a."),
    "domains": _rep("a.vn"),
    "www": _rep("www."),
    "double-spaces": _rep("a  "),
    "no-break-spaces": _rep("a\u00a0\u00a0"),
    "space-dash": _rep("a -"),
    "space-semicolon": _rep("; "),
    "spaces": _rep(" ", suffix="x"),  # a Markdown table-rule candidate, a heading tail
    "pipe-spaces": _rep(" ", prefix="| ", suffix="x"),
    "heading-spaces": _rep(" ", prefix="# a", suffix="b #"),
    "open-comments": _rep("<!-- "),
    "open-directives": _rep("<!-- notice-lint-disable "),
    "number-spaces": _rep(" ", prefix="Số:", suffix=" x"),  # the number-line patterns
    "number-spaces-slash": _rep(" ", prefix="Số ", suffix="/"),
    "number-digits": _rep("1 ", prefix="Số: ", suffix="x"),
    "so-spaces": _rep(" ", prefix="so ", suffix="x"),
    "short-for-spaces": _rep(" ", prefix="gọi tắt là"),
    "archive-spaces": _rep(" ", prefix="Lưu: a", suffix="b"),
    "signature-spaces": _rep("  A", prefix="TM. "),
}
# the shapes a Markdown reader treats differently, also read as .md; a few as .docx
LONG_MD = ("spaces", "pipe-spaces", "heading-spaces", "open-comments", "comma-letters", "double-spaces")
LONG_DOCX = ("comma-letters", "marked-letters", "number-spaces", "camel")


def _long_doc(kind: str, line: str):
    lines = ["THÔNG BÁO", line, "Nơi nhận:", "- Lưu: VT."]
    if kind == "docx":
        from xml.sax.saxutils import escape

        from badinput import W_DOC_CLOSE, W_DOC_OPEN, docx_with_document_xml, para

        body = "".join(para(escape(x)) for x in lines)
        return read_docx("long.docx", docx_with_document_xml(W_DOC_OPEN + body + W_DOC_CLOSE))
    return read_text(f"long.{kind}", ("\n".join(lines) + "\n").encode("utf-8"), markdown=kind == "md")


@pytest.mark.parametrize(
    "shape,kind",
    [(s, "txt") for s in LONG_SHAPES] + [(s, "md") for s in LONG_MD] + [(s, "docx") for s in LONG_DOCX],
)
def test_long_line_is_linear(shape, kind):
    line = LONG_SHAPES[shape]
    assert len(line) == LONG
    started = time.process_time()
    doc = _long_doc(kind, line)
    run_rules(doc)
    spent = time.process_time() - started
    assert spent < LONG_BUDGET, f"{shape} ({kind}): {spent:.1f} s of CPU"
