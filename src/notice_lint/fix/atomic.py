"""Write a file safely: a temporary file beside it, then ``os.replace``.

``Fingerprint`` remembers the file ``--fix`` read (which file, its size, time
and content) so that the fixed text replaces only that file: a file edited,
deleted, replaced or turned into a link while the linter worked is left alone.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile

from ..errors import InputError

__all__ = ["write_atomic", "Fingerprint"]


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_dev, b.st_ino, b.st_size, b.st_mtime_ns)


class Fingerprint:
    """What was read from ``path``: the link (if any), the file and its content hash."""

    __slots__ = ("path", "link", "file", "digest", "target")

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.link = os.lstat(path)  # the name itself: a link or the file
        self.file = os.stat(path)  # what the name leads to
        self.digest = hashlib.sha256(data).digest()
        # the file to replace, fixed now: a link that appears later is never followed
        self.target = os.path.realpath(path)

    def changed(self) -> bool:
        """True when ``path`` is no longer the file that was read, as it was."""
        try:
            link, file = os.lstat(self.path), os.stat(self.path)
        except OSError:
            return True  # deleted (or made unreachable)
        if not _same(link, self.link) or not _same(file, self.file):
            return True
        if os.path.realpath(self.path) != self.target:
            return True
        h = hashlib.sha256()
        try:
            with open(self.target, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError:
            return True
        return h.digest() != self.digest

    def read_only(self) -> bool:
        """True when the file is write-protected (no write permission bit, or no access for this user)."""
        return not (self.file.st_mode & 0o222) or not os.access(self.target, os.W_OK)

    def check(self) -> None:
        """Raise :class:`InputError` (one line) when the fixed text must not replace the file."""
        if self.changed():
            raise InputError(
                "tệp đã thay đổi trong khi sửa, không ghi đè; hãy chạy lại --fix",
                "the file changed while it was being fixed; not overwritten; run --fix again",
            )
        if self.read_only():
            where_vi = where_en = ""
            if stat.S_ISLNK(self.link.st_mode):
                where_vi = f" (đây là liên kết tới {self.target}, tệp sẽ bị thay)"
                where_en = f" (it is a link to {self.target}, the file that would be replaced)"
            raise InputError(
                f"tệp chỉ đọc{where_vi}, không ghi đè; hãy bỏ thuộc tính chỉ đọc nếu muốn sửa",
                f"the file is read-only{where_en}; not overwritten; make it writable to fix it",
            )


def write_atomic(path: str, data: bytes, *, mode_from: str | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; on any error ``path`` is untouched.

    The file mode of ``mode_from`` (default: ``path`` itself, when it exists)
    is kept.  A symbolic link is followed: the file it points at is replaced.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    mode = None
    try:
        mode = stat.S_IMODE(os.stat(mode_from or target).st_mode)
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
