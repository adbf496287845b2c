"""Apply edits to a ``.txt`` / ``.md`` file.

A paragraph is a physical line.  Edits are offsets into ``Paragraph.text``
(markdown markup removed, NFC); ``Paragraph.col_map`` leads each character
back to its column in the line.  An edit is written only where the changed
text sits in the file as one piece: an edit that would cut through markup
(``**``, a table pipe) is left for the user.  Line endings, the byte-order
mark and the encoding of the file are kept.
"""

from __future__ import annotations

import re
import unicodedata

from ..document.text import decode_text, read_text, strip_markdown
from ..rule import Edit
from .spans import shape_edit, source_map

__all__ = ["TextTarget"]

_LINE_SPLIT = re.compile(r"(\r\n|\r|\n)")


class TextTarget:
    """A text file being fixed, in memory."""

    def __init__(self, data: bytes, *, markdown: bool) -> None:
        self.markdown = markdown
        self._bom, self._encoding = _encoding_of(data)
        text = decode_text(data)
        parts = _LINE_SPLIT.split(text)
        self.lines = parts[0::2]
        self.seps = parts[1::2]
        self.paragraphs = read_text("fix", data, markdown=markdown).paragraphs
        self.changed = False

    # -- locating --------------------------------------------------------
    def _locate(self, edit: Edit, lo: int | None = None, hi: int | None = None) -> tuple[int, int, int, str] | None:
        """``(line index, source start, source end, replacement)`` or None."""
        if not 1 <= edit.paragraph <= len(self.paragraphs):
            return None
        para = self.paragraphs[edit.paragraph - 1]
        text = para.text
        if not 0 <= edit.start <= edit.end <= len(text):
            return None
        line = self.lines[edit.paragraph - 1]
        cols = source_map(len(text), para.col_map)

        def cluster_end(i: int) -> int:
            k = cols[i] + 1
            while k < len(line) and unicodedata.combining(line[k]):
                k += 1
            return k

        def verbatim(i: int) -> bool:
            return line[cols[i] : cluster_end(i)] == text[i]

        s, e, repl = shape_edit(text, edit.start, edit.end, edit.replacement, verbatim, lo, hi)
        if s == e and not repl:
            return (edit.paragraph - 1, 0, 0, "")  # nothing left to change
        for k in (s, e):
            if 0 < k < len(text) and cols[k] == cols[k - 1]:
                return None  # inside one composed character
        if s < e:
            a, b = cols[s], cluster_end(e - 1)
            if unicodedata.normalize("NFC", line[a:b]) != text[s:e]:
                return None  # markup or a substituted character inside the edit
        elif s > 0:
            a = b = cluster_end(s - 1)
        else:
            a = b = cols[0] if cols else len(line)
        return (edit.paragraph - 1, a, b, repl)

    def can_apply(self, edit: Edit) -> bool:
        loc = self._locate(edit)
        return loc is not None and self._reads_as_intended(loc[0], [(edit, loc)])

    def _read(self, line: str) -> str:
        body = strip_markdown(line)[0] if self.markdown else line
        return unicodedata.normalize("NFC", body)

    def _edited(self, idx: int, items: list) -> tuple[str, str]:
        """The line with ``items`` written, and the text it should read as."""
        line = self.lines[idx]
        for _, (_, a, b, repl) in sorted(items, key=lambda t: (t[1][1], t[1][2]), reverse=True):
            line = line[:a] + repl + line[b:]
        text = self.paragraphs[idx].text
        for edit, _ in sorted(items, key=lambda t: (t[0].start, t[0].end), reverse=True):
            text = text[: edit.start] + edit.replacement + text[edit.end :]
        return line, unicodedata.normalize("NFC", text)

    def _reads_as_intended(self, idx: int, items: list) -> bool:
        # markdown reads markup by its neighbours: an edit may turn a ``*`` into text
        line, want = self._edited(idx, items)
        return self._read(line) == want

    # -- editing ---------------------------------------------------------
    def apply(self, edits: list[Edit]) -> list[Edit]:
        """Apply non-overlapping edits; return those written."""
        from .docx import _with_neighbours

        by_line: dict[int, list] = {}
        for edit, lo, hi in _with_neighbours(edits):
            loc = self._locate(edit, lo, hi)
            if loc is not None:
                by_line.setdefault(loc[0], []).append((edit, loc))
        done: list[Edit] = []
        for idx, items in by_line.items():
            line, want = self._edited(idx, items)
            if self._read(line) != want:
                continue  # leave the line to the user rather than write something else
            if line != self.lines[idx]:
                self.lines[idx] = line
                self.changed = True
            done.extend(edit for edit, _ in items)
        if self.changed:
            self.paragraphs = read_text("fix", self.to_bytes(), markdown=self.markdown).paragraphs
        return done

    def to_bytes(self) -> bytes:
        out: list[str] = []
        for i, line in enumerate(self.lines):
            out.append(line)
            if i < len(self.seps):
                out.append(self.seps[i])
        return self._bom + "".join(out).encode(self._encoding)

    def view_lines(self) -> list[str]:
        """The lines as the user sees them in the file (for --diff)."""
        lines = list(self.lines)
        if lines and lines[-1] == "" and self.seps:
            lines.pop()
        return lines


def _encoding_of(data: bytes) -> tuple[bytes, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf", "utf-8"
    if data.startswith(b"\xff\xfe"):
        return b"\xff\xfe", "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return b"\xfe\xff", "utf-16-be"
    return b"", "utf-8"
