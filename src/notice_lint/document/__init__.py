"""Readers that turn a file into a :class:`~notice_lint.document.model.Document`."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .model import Cell, Document, PageSetup, Paragraph, RunProps, RunSpan

__all__ = ["read_document", "Document", "Paragraph", "Cell", "PageSetup", "RunProps", "RunSpan", "SUFFIXES"]

SUFFIXES = (".docx", ".txt", ".md")


def read_document(path: str | Path, *, formatting: bool = False, data: bytes | None = None) -> Document:
    """Read ``path`` (``.docx``, ``.txt`` or ``.md``); raise :class:`InputError` when it can't be read.

    ``formatting`` asks the ``.docx`` reader for effective run and paragraph
    formatting (styles, theme); text rules never pay for it.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if data is None:
        data = _read_bytes(p)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(str(path), data, formatting=formatting)
    if suffix in (".txt", ".md", ".markdown"):
        from .text import read_text

        return read_text(str(path), data, markdown=suffix != ".txt")
    raise InputError(
        f"không đọc được định dạng '{suffix or p.name}' (chỉ hỗ trợ .docx, .txt, .md)",
        f"unsupported file type '{suffix or p.name}' (only .docx, .txt, .md)",
    )


MAX_FILE_BYTES = 200 * 1024 * 1024


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_symlink() and not p.exists():
            raise InputError("liên kết trỏ tới tệp không tồn tại", "broken symbolic link")
        if not p.exists():
            raise InputError("không tìm thấy tệp", "no such file")
        if p.is_dir():
            raise InputError("đây là một thư mục, không phải tệp văn bản", "is a directory, not a document")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"tệp quá lớn ({size // (1024 * 1024)} MB); giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB",
                f"file too large ({size // (1024 * 1024)} MB); the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        with open(p, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError("không có quyền đọc tệp", "permission denied") from None
    except IsADirectoryError:
        raise InputError("đây là một thư mục, không phải tệp văn bản", "is a directory, not a document") from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", f"cannot read the file ({exc.strerror})") from None
