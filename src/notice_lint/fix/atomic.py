"""Write a file safely: a temporary file beside it, then ``os.replace``."""

from __future__ import annotations

import os
import stat
import tempfile

__all__ = ["write_atomic"]


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
