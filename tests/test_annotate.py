"""--annotate: a copy of the .docx with each finding as a Word comment."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from tests.fix_helpers import convert_to_pdf, make_docx, member_names, notice_docx, parts
from lxml import etree

from notice_lint.cli import cli
from notice_lint.fix.annotate import annotate_docx
from notice_lint.fix.session import annotate_argument
from notice_lint.rule import Rule, Severity
from notice_lint.runner import Linter, Options

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args: str):
    """The command line, with the rules that carry fixes today (others may fire on these small documents)."""
    select = [] if any(a.startswith("--select") for a in args) else ["--select", "NL111,NL201"]
    return CliRunner().invoke(cli, ["--today", "2026-11-23", *select, *args])


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id -> the document text between its range start and end."""
    root = etree.fromstring(parts(data)["word/document.xml"])
    out: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            out.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t" and el.text:
            for cid in open_ids:
                out[cid] += el.text
    return out


def test_annotate_writes_a_commented_copy(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    before = p.read_bytes()
    result = run("--annotate", str(p))
    out = tmp_path / "tb.notice-lint.docx"
    assert out.is_file() and p.read_bytes() == before  # never the original
    assert "đã ghi 4 ghi chú vào" in result.stderr
    comments = list(Document(str(out)).comments)
    assert [c.author for c in comments] == ["notice-lint"] * 4
    texts = [c.text for c in comments]
    assert texts[0] == "NL111: Sau chữ «Số» phải có dấu hai chấm"
    assert texts[1] == "NL111: Số nhỏ hơn 10 phải thêm số 0 phía trước: «05»"
    assert texts[2].startswith("NL201: ") and "«Rà soát»" in texts[2]
    # each comment is anchored on the text its finding points at
    anchors = anchored_texts(out.read_bytes())
    assert sorted(anchors.values()) == sorted(["5", "Rà xoát", "kính phí", " "])
    # nothing but the body, the comments part and its registration changed
    old, new = parts(before), parts(out.read_bytes())
    assert sorted(n for n in old if old[n] != new[n]) == [
        "[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"]
    assert member_names(out.read_bytes())[:-1] == member_names(before)
    assert member_names(out.read_bytes())[-1] == "word/comments.xml"


def test_annotate_in_english_to_a_named_file(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    out = tmp_path / "review.docx"
    run("--annotate=" + str(out), "--lang", "en", str(p))
    texts = [c.text for c in Document(str(out)).comments]
    assert texts[0] == "NL111: «Số» must be followed by a colon"


def test_annotate_argument_reading() -> None:
    assert annotate_argument("a.docx", ()) == ("", ("a.docx",))
    assert annotate_argument("new-review.docx", ("a.docx",)) == ("new-review.docx", ("a.docx",))
    assert annotate_argument(None, ("a.docx",)) == (None, ("a.docx",))


def test_annotate_never_overwrites_an_existing_document(tmp_path: Path) -> None:
    a = notice_docx(tmp_path / "a.docx")
    b = notice_docx(tmp_path / "b.docx")
    a_bytes = a.read_bytes()
    run("--annotate", str(a), str(b))  # a.docx is read as a file to lint, not as OUT
    assert a.read_bytes() == a_bytes
    assert (tmp_path / "a.notice-lint.docx").is_file() and (tmp_path / "b.notice-lint.docx").is_file()


def test_annotate_text_file_is_one_clear_message(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Kính phí thực hiện.\n", encoding="utf-8")
    result = run("--annotate", str(p))
    assert "--annotate chỉ dùng cho tệp .docx" in result.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt"]


class MissingPart(Rule):
    """Test rule: something is missing at the end of paragraph 1."""

    code = "NL991"
    name = "test-missing"
    severity = Severity.WARNING

    def check(self, notice, ctx):
        para = notice.document.paragraphs[0]
        yield self.finding(para, len(para.text), len(para.text), vi="Thiếu «Kính gửi»", en="missing")


def test_missing_part_is_anchored_on_its_paragraph(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "m.docx", [[("Thiếu ", {}), ("nơi gửi", {"bold": True})], "Dòng hai"])
    linter = Linter(Options(today=dt.date(2026, 11, 23)))
    linter.rules_for = lambda cfg, path: [MissingPart()]  # type: ignore[method-assign]
    findings = linter.lint_file(str(p)).findings
    out = annotate_docx(p.read_bytes(), findings)
    assert list(anchored_texts(out).values()) == ["Thiếu nơi gửi"]
    doc = Document(io.BytesIO(out))
    assert [c.text for c in doc.comments] == ["NL991: Thiếu «Kính gửi»"]
    assert [pp.text for pp in doc.paragraphs] == ["Thiếu nơi gửi", "Dòng hai"]


def test_existing_comments_are_kept(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    doc = Document(str(p))
    doc.add_comment(doc.paragraphs[6].runs, text="Xem lại trích yếu", author="Chuyên viên", initials="CV")
    doc.save(str(p))
    run("--annotate", str(p))
    out = tmp_path / "tb.notice-lint.docx"
    comments = list(Document(str(out)).comments)
    assert [c.author for c in comments] == ["Chuyên viên"] + ["notice-lint"] * 4
    ids = [c.comment_id for c in comments]
    assert len(set(ids)) == len(ids)
    xml = parts(out.read_bytes())["[Content_Types].xml"].decode()
    assert xml.count("comments+xml") == 1


def test_annotated_copy_opens_in_libreoffice(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    run("--annotate", str(p))
    convert_to_pdf(tmp_path / "tb.notice-lint.docx", tmp_path)


def test_fix_then_annotate_comments_what_is_left(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx", extra=["Số: 18-TB-SKHCN"])
    run("--fix", "--annotate", str(p))
    comments = [c.text for c in Document(str(tmp_path / "tb.notice-lint.docx")).comments]
    assert all("NL201" not in c for c in comments)
    with zipfile.ZipFile(tmp_path / "tb.notice-lint.docx") as zf:
        assert re.search(rb"<w:ins ", zf.read("word/document.xml"))


def test_clean_document_copy_is_the_document(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "ok.docx", ["Kinh phí thực hiện do tỉnh bảo đảm."])
    result = run("--annotate", "--select", "NL201", str(p))
    assert (tmp_path / "ok.notice-lint.docx").read_bytes() == p.read_bytes()
    assert "đã ghi 0 ghi chú" in result.stderr


def test_diff_and_annotate_do_not_combine(tmp_path: Path) -> None:
    p = notice_docx(tmp_path / "tb.docx")
    result = run("--diff", "--annotate", str(p))
    assert result.exit_code == 2 and "--diff" in result.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["tb.docx"]


def test_annotate_refuses_a_part_with_a_dtd_hidden_past_its_first_kilobytes(tmp_path: Path) -> None:
    """The fixers parse the parts they write back with the readers' refusal of DTDs (any
    encoding, anywhere in the part), not a look at the first bytes only."""
    import pytest

    from notice_lint.errors import InputError

    src = parts(notice_docx(tmp_path / "tb.docx").read_bytes())
    rels = src["word/_rels/document.xml.rels"].decode("utf-8")
    head, _, rest = rels.partition("?>")
    hostile = (head + '?>\n<!--' + "x" * 70000 + '-->\n<!DOCTYPE Relationships [<!ENTITY e "x">]>' + rest)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in src.items():
            if name == "word/_rels/document.xml.rels":
                blob = hostile.encode("utf-16")
            out.writestr(name, blob)
    data = buf.getvalue()
    findings = Linter(Options(today=dt.date(2026, 11, 23), select=["NL111"])).lint_file("tb.docx", data=data).findings
    assert findings  # the reader never opens the relationships part: the document is linted
    with pytest.raises(InputError) as exc:
        annotate_docx(data, findings)
    assert "DOCTYPE" in exc.value.en
