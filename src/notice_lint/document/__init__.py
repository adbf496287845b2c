"""Readers that turn a file into a :class:`~notice_lint.document.model.Document`."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import InputError
from .model import Cell, Document, PageSetup, Paragraph, RunProps, RunSpan

__all__ = ["read_document", "Document", "Paragraph", "Cell", "PageSetup", "RunProps", "RunSpan", "SUFFIXES"]

from ..formats import SUFFIXES  # noqa: E402 - re-exported


def read_document(path: str | Path, *, formatting: bool = False, data: bytes | None = None, stream: bool = False,
                  fonts: bool = False) -> Document:
    """Read ``path`` (``.docx``, ``.txt`` or ``.md``); raise :class:`InputError` when it can't be read.

    ``formatting`` asks the ``.docx`` reader for effective run and paragraph
    formatting (styles, theme); text rules never pay for it.  ``stream``: the
    caller lets a ``.docx``'s XML tree go once the model is read (``fonts``: unless
    a legacy font is named; see :func:`~.docx.read_docx`).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if p.name.startswith("~$") and suffix in (".docx", ".doc"):
        raise InputError(
            f"đây là tệp khoá tạm của Word (tạo ra khi văn bản đang mở), không phải văn bản;"
            f" hãy kiểm tra tệp gốc (…{p.name[2:]})",
            f"this is a Word lock file (made while a document is open), not a document;"
            f" lint the document itself (…{p.name[2:]})",
        )
    if data is None:
        data = _read_bytes(p)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(str(path), data, formatting=formatting, stream=stream, fonts=fonts)
    if suffix in (".txt", ".md", ".markdown"):
        from .text import read_text

        return read_text(str(path), data, markdown=suffix != ".txt")
    if suffix in (".doc", ".rtf", ".odt", ".dot", ".dotx", ".docm"):
        raise InputError(
            f"định dạng '{suffix}' không được hỗ trợ; hãy mở bằng Word và lưu lại dạng .docx (Word Document)",
            f"'{suffix}' files are not supported; open the file in Word and save it as .docx (Word Document)",
        )
    raise InputError(
        f"không đọc được định dạng '{suffix or p.name}' (chỉ hỗ trợ .docx, .txt, .md); hãy lưu văn bản dạng .docx",
        f"unsupported file type '{suffix or p.name}' (only .docx, .txt, .md); save the document as .docx",
    )


MAX_FILE_BYTES = 200 * 1024 * 1024


# what Path.exists() takes for "no such file" (pathlib's _ignore_error)
_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _read_bytes(p: Path) -> bytes:
    try:
        try:
            st = os.stat(p)  # one stat answers what is_symlink/exists/is_dir/is_file/stat asked in turn
        except ValueError:  # an embedded NUL: no such file
            st = None
        except OSError as exc:
            if exc.errno not in _MISSING:
                raise
            st = None
        if st is None:
            if os.path.islink(p):
                raise InputError(
                    "liên kết tượng trưng trỏ tới tệp không tồn tại; hãy sửa hoặc xoá liên kết",
                    "broken symbolic link (its target does not exist); fix or remove the link",
                )
            raise InputError("không tìm thấy tệp; hãy kiểm tra lại đường dẫn", "no such file; check the path")
        if stat.S_ISDIR(st.st_mode):
            try:
                os.listdir(p)
            except OSError:
                raise InputError(
                    "không có quyền đọc thư mục; hãy xin quyền đọc hoặc sao chép các tệp sang thư mục của mình",
                    "cannot read this folder (permission denied); get read access or copy the files elsewhere",
                ) from None
            raise _is_dir()
        if not stat.S_ISREG(st.st_mode):
            raise InputError(
                "không phải tệp thông thường (thiết bị, ống dẫn…); hãy chỉ ra tệp văn bản",
                "not a regular file (a device, pipe…); give the linter a document file",
            )
        size = st.st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"tệp quá lớn ({size // (1024 * 1024)} MB; giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB);"
                " hãy tách văn bản hoặc bỏ bớt hình ảnh",
                f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB);"
                " split the document or remove images",
            )
        with open(p, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(
            "không có quyền đọc tệp; hãy xin quyền đọc hoặc sao chép tệp sang thư mục của mình",
            "permission denied; get read access or copy the file to a folder of your own",
        ) from None
    except IsADirectoryError:
        raise _is_dir() from None
    except OSError as exc:
        raise InputError(
            f"không đọc được tệp ({exc.strerror}); hãy kiểm tra ổ đĩa hoặc sao chép tệp sang chỗ khác",
            f"cannot read the file ({exc.strerror}); check the drive or copy the file elsewhere",
        ) from None


def _is_dir() -> InputError:
    return InputError(
        "đây là một thư mục, không phải tệp văn bản; hãy chỉ ra các tệp trong đó",
        "this is a folder, not a document; name the files in it",
    )
