"""Sections of a ``.docx`` with the paragraphs they hold."""

from __future__ import annotations

from notice_lint.document.model import Document, PageSetup, Paragraph, Record

from ._parts import has_text


class Section(Record):
    _fields = __match_args__ = ("index", "setup", "paragraphs")

    def __init__(self, index: int, setup: PageSetup, paragraphs: list[Paragraph] | None = None) -> None:
        self.index = index
        self.setup = setup
        self.paragraphs = [] if paragraphs is None else paragraphs

    @property
    def anchor(self) -> int:
        """Paragraph a finding about this section points at: its first with text."""
        for p in self.paragraphs:
            if has_text(p.text):
                return p.index
        return self.paragraphs[0].index if self.paragraphs else 1

    @property
    def tables_only(self) -> bool:
        """The section holds a table and, outside it, at most a few title lines."""
        in_table = any(p.cell is not None for p in self.paragraphs)
        loose = [p for p in self.paragraphs if p.cell is None and has_text(p.text)]
        return in_table and len(loose) <= 4 and all(len(p.text) <= 200 for p in loose)


def sections(doc: Document) -> list[Section]:
    """The document's sections with their paragraphs (read once per document: NL403 and NL404 ask)."""
    hit = doc.meta.get("_pages.sections")
    if hit is None:
        hit = doc.meta["_pages.sections"] = _sections(doc)
    return list(hit)


def _sections(doc: Document) -> list[Section]:
    out = [Section(i, s) for i, s in enumerate(doc.sections)]
    if not out:
        return out
    for p in doc.paragraphs:
        k = min(max(p.page_section, 0), len(out) - 1)
        out[k].paragraphs.append(p)
    return [s for s in out if s.paragraphs]
