"""Apply edits to a ``.docx``: as tracked changes (default) or plainly.

An edit is mapped from ``Paragraph.text`` (NFC) to the raw text of the runs,
the runs are split at its ends, and the runs inside are deleted (``w:del``,
their ``w:t`` becoming ``w:delText``) and followed by an inserted run
(``w:ins``) carrying the formatting of the text it replaces.  When the
replaced runs differ in formatting, the edit is cut into its smallest changes
so each keeps the formatting of its own text.  Nothing outside the edited runs
changes.  Text in a field, in someone's tracked insertion or in a run holding
an image or a note reference is not edited.  Formatting edits are written by
:mod:`.formatting`.  When revisions are written, ``w:revisionView`` is dropped
from ``word/settings.xml`` so that Word and LibreOffice show their marks (a
draft saved with markup hidden would show the corrected text with no mark).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from typing import Iterator

from lxml import etree

from ..document.docx import ALTERNATE, DEL, FALLBACK, INS, MOVEFROM, P, R, RPR, T, TXBX, W
from ..document.model import nfc_with_map
from ..rule import Edit, FormatEdit
from .ooxml import PLAIN_CHILDREN, XML_SPACE, Package, ParagraphRuns, new_run
from .spans import shape_edit

__all__ = ["DocxTarget", "AUTHOR"]

AUTHOR = "notice-lint"
_NO_EDIT_PARENTS = {INS, DEL, MOVEFROM, W + "moveTo", W + "fldSimple"}
FLDCHAR, INSTR = W + "fldChar", W + "instrText"


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class DocxTarget:
    """A .docx being fixed, in memory."""

    def __init__(self, data: bytes, *, track: bool = True, author: str = AUTHOR, date: str | None = None) -> None:
        self.package = Package(data)
        self.track = track
        self.author = author
        self.date = date or _now()
        self._next_id = self.package.next_id()
        self.changed = False
        self._format = None

    @property
    def formatter(self):
        if self._format is None:
            from .formatting import FormatWriter

            self._format = FormatWriter(self.package, self.track, self._mark, self._own_insertion)
        return self._format

    # -- locating --------------------------------------------------------
    def _chunks(self, edit: Edit, lo: int | None = None, hi: int | None = None) -> list[tuple[int, int, str]] | None:
        """The raw-offset changes ``(a, b, text)`` an edit makes, or None if it cannot be written."""
        para = self.package.paragraph(edit.paragraph)
        if para is None or para.source is None:
            return None
        text = para.text
        if not 0 <= edit.start <= edit.end <= len(text):
            return None
        runs = ParagraphRuns(para.source)
        raw = runs.raw
        if raw != para.raw:
            return None
        _, nmap = nfc_with_map(raw)
        cols = list(range(len(text))) if nmap is None else nmap

        def raw_at(k: int) -> int:
            return cols[k] if k < len(text) else len(raw)

        def verbatim(i: int) -> bool:
            return raw[raw_at(i) : raw_at(i + 1)] == text[i]

        s, e, repl = shape_edit(text, edit.start, edit.end, edit.replacement, verbatim, lo, hi)
        if s == e and not repl:
            return []
        for k in (s, e):
            if 0 < k < len(text) and cols[k] == cols[k - 1]:
                return None
        pieces = [(s, e, repl)]
        if not self._same_format(runs, raw_at(s), raw_at(e)):
            pieces = _fine_changes(text, s, e, repl)
        chunks = [(raw_at(a), raw_at(b), r) for a, b, r in pieces]
        for a, b, _ in chunks:
            if not self._editable(runs, a, b):
                return None
        return chunks

    def _same_format(self, runs: ParagraphRuns, a: int, b: int) -> bool:
        keys = {etree.tostring(r.find(RPR)) if r.find(RPR) is not None else b""
                for r in (s.run for s in runs.segs if s.start < b and s.end > a)}
        return len(keys) <= 1

    def _editable(self, runs: ParagraphRuns, a: int, b: int) -> bool:
        touched = [s for s in runs.segs if s.start < b and s.end > a]
        if a == b:  # an insertion takes the formatting of a neighbour: it must be editable too
            touched = [s for s in runs.segs if s.end == a or (a == 0 and s.start == 0)]
        in_field = _field_runs(runs.p)
        for seg in touched:
            r = seg.run
            if r in in_field or any(c.tag not in PLAIN_CHILDREN for c in r if isinstance(c.tag, str)):
                return False
            parent = r.getparent()
            while parent is not None and parent is not runs.p:
                if parent.tag in _NO_EDIT_PARENTS and not self._own_insertion(parent):
                    return False
                parent = parent.getparent()
        return True

    def _own_insertion(self, el: etree._Element | None) -> bool:
        """A ``w:ins`` this very fix run wrote (an earlier pass): its text may be edited again."""
        return (
            self.track and el is not None and el.tag == INS
            and el.get(W + "author") == self.author and el.get(W + "date") == self.date
        )

    def can_apply(self, edit: Edit | FormatEdit) -> bool:
        if isinstance(edit, FormatEdit):
            return self.formatter.can_apply(edit)
        return self._chunks(edit) is not None

    # -- editing ---------------------------------------------------------
    def apply(self, edits: list[Edit | FormatEdit]) -> list[Edit | FormatEdit]:
        """Apply non-overlapping edits; return those written."""
        formats = [e for e in edits if isinstance(e, FormatEdit)]
        done: list[Edit | FormatEdit] = []
        if formats:
            done = list(self.formatter.apply(formats))
            if done:
                self.changed = True
            edits = [e for e in edits if not isinstance(e, FormatEdit)]
            if not edits:
                return done
        return done + self._apply_text(edits)

    def _apply_text(self, edits: list[Edit]) -> list[Edit]:
        work: dict[int, list[tuple[int, int, str]]] = {}
        done: list[Edit] = []
        for edit, lo, hi in _with_neighbours(edits):
            chunks = self._chunks(edit, lo, hi)
            if chunks is not None:
                work.setdefault(edit.paragraph, []).extend(chunks)
                done.append(edit)
        for index, chunks in work.items():
            p = self.package.paragraph(index).source  # type: ignore[union-attr]
            runs = ParagraphRuns(p)
            twin = _fallback_twin(p, runs.raw)  # the VML copy of a text box paragraph
            for target in (runs, twin):
                if target is None or not all(self._editable(target, a, b) for a, b, _ in chunks):
                    continue
                for a, b, repl in sorted(chunks, key=lambda c: (c[0], c[1]), reverse=True):
                    self._replace(target, a, b, repl)
        if any(work.values()):
            self.changed = True
        return done

    def _replace(self, runs: ParagraphRuns, a: int, b: int, repl: str) -> None:
        runs.split_at(b)
        runs.split_at(a)
        old = runs.covering(a, b)
        if old:
            template = old[0]
        else:
            template = runs.run_ending_at(a) if a > 0 else runs.run_starting_at(a)
        inserted = new_run(template, repl) if repl else None
        if self.track:
            last = None
            for r in old:
                parent = r.getparent()
                if self._own_insertion(parent):  # our own insertion is simply taken back
                    parent.remove(r)
                    if not len(parent):
                        parent.getparent().remove(parent)
                else:
                    last = self._delete_tracked(r)
            runs.refresh()
            if inserted is not None:
                ins = self._mark(INS)
                ins.append(inserted)
                self._place(runs, ins, after=last, a=a)
        else:
            if inserted is not None:
                if old:
                    old[0].addprevious(inserted)
                else:
                    self._place(runs, inserted, after=None, a=a)
            for r in old:
                r.getparent().remove(r)
        runs.refresh()

    def _place(self, runs: ParagraphRuns, el: etree._Element, *, after, a: int) -> None:
        before = runs.run_ending_at(a) if after is None and a > 0 else None
        first = runs.run_starting_at(a) if after is None and before is None else None
        anchor = after if after is not None else before if before is not None else first
        if anchor is None:
            runs.p.append(el)
            return
        if el.tag == INS and self._own_insertion(anchor.getparent()):
            el = el[0]  # next to our own inserted text: join that insertion, never nest one in it
        if anchor is first:
            anchor.addprevious(el)
        else:
            anchor.addnext(el)

    def _mark(self, tag: str) -> etree._Element:
        el = etree.Element(tag)
        el.set(W + "id", str(self._next_id))
        el.set(W + "author", self.author)
        el.set(W + "date", self.date)
        self._next_id += 1
        return el

    def _delete_tracked(self, run: etree._Element) -> etree._Element:
        prev = run.getprevious()
        if prev is not None and prev.tag == DEL and prev.get(W + "author") == self.author and prev.get(W + "date") == self.date:
            wrapper = prev
        else:
            wrapper = self._mark(DEL)
            run.addprevious(wrapper)
        wrapper.append(run)
        for t in run.findall(T):
            t.tag = W + "delText"
            t.set(XML_SPACE, "preserve")
        return wrapper

    # -- result ----------------------------------------------------------
    def to_bytes(self) -> bytes:
        if self.track and self.changed:
            show_markup(self.package)
        return self.package.to_bytes()

    def view_lines(self) -> list[str]:
        """The paragraph texts as stored (for --diff): not normalised, so an NFC fix shows."""
        return [p.raw for p in Package(self.to_bytes()).paragraphs]


SETTINGS = "word/settings.xml"
#: the whole w:revisionView element (it has attributes only); linear: no nested repeats
_REVISION_VIEW = re.compile(rb"<w:revisionView\b[^>]*>(?:</w:revisionView>)?")


def show_markup(package: Package) -> None:
    """Drop ``w:revisionView`` from the settings, so revisions show (every view defaults to on).

    Only the element goes: the rest of the part keeps its bytes.
    """
    blob = package.replaced.get(SETTINGS, package.parts.get(SETTINGS))
    if not blob or b"revisionView" not in blob:
        return
    new = _REVISION_VIEW.sub(b"", blob)
    if new != blob:
        package.set_part(SETTINGS, new)


def _with_neighbours(edits: list[Edit]) -> list[tuple[Edit, int | None, int | None]]:
    """Each edit with the room it may widen into: up to its neighbours in the paragraph."""
    out = []
    ordered = sorted(edits, key=lambda e: (e.paragraph, e.start, e.end))
    for k, e in enumerate(ordered):
        prev = ordered[k - 1] if k and ordered[k - 1].paragraph == e.paragraph else None
        nxt = ordered[k + 1] if k + 1 < len(ordered) and ordered[k + 1].paragraph == e.paragraph else None
        out.append((e, prev.end if prev else None, nxt.start if nxt else None))
    return out


def _fine_changes(text: str, s: int, e: int, repl: str) -> list[tuple[int, int, str]]:
    """The smallest changes turning ``text[s:e]`` into ``repl`` (text offsets)."""
    sm = difflib.SequenceMatcher(None, text[s:e], repl, autojunk=False)
    return [(s + i1, s + i2, repl[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _fallback_twin(p: etree._Element, raw: str) -> ParagraphRuns | None:
    """The same paragraph in the VML fallback of a text box, when it reads the same."""
    box = next((a for a in p.iterancestors(TXBX)), None)
    alt = next((a for a in p.iterancestors(ALTERNATE)), None)
    if box is None or alt is None:
        return None
    fallback = alt.find(FALLBACK)
    twin_box = next(fallback.iter(TXBX), None) if fallback is not None else None
    if twin_box is None:
        return None
    mine, theirs = list(box.iter(P)), list(twin_box.iter(P))
    if len(mine) != len(theirs) or p not in mine:
        return None
    twin = ParagraphRuns(theirs[mine.index(p)])
    return twin if twin.raw == raw else None


def _field_runs(p: etree._Element) -> set[etree._Element]:
    """Runs of ``p`` inside a complex field (instruction or result)."""
    out: set[etree._Element] = set()
    depth = 0
    for r in _iter_runs(p):
        marks = [c.get(W + "fldCharType") for c in r if c.tag == FLDCHAR]
        if depth > 0 or marks or r.find(INSTR) is not None:
            out.add(r)
        for m in marks:
            if m == "begin":
                depth += 1
            elif m == "end" and depth > 0:
                depth -= 1
    return out


def _iter_runs(p: etree._Element) -> Iterator[etree._Element]:
    return p.iter(R)
