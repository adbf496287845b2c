"""What a document may hold before the linter refuses it (in one clear line).

A 200-page compilation has about 8,000 paragraphs and no paragraph longer
than a few thousand characters; tables in real notices nest two or three
levels deep.  Far beyond that an input is damaged, generated or hostile, and
linting it would cost minutes and gigabytes: it is refused, never read in
part.
"""

from __future__ import annotations

from ..errors import InputError

__all__ = [
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_CHARS",
    "MAX_TABLE_DEPTH",
    "check_paragraph_length",
    "too_many_paragraphs",
    "too_deep",
]

MAX_PARAGRAPHS = 50_000
MAX_PARAGRAPH_CHARS = 100_000
MAX_TABLE_DEPTH = 16


def check_paragraph_length(length: int, number: int) -> None:
    """Refuse a paragraph (a line, in a text file) longer than any a document holds."""
    if length > MAX_PARAGRAPH_CHARS:
        raise InputError(
            f"đoạn {number} dài {length:,} ký tự (giới hạn {MAX_PARAGRAPH_CHARS:,}); tệp có thể bị hỏng"
            " hoặc không phải văn bản; hãy kiểm tra và ngắt đoạn rồi lưu lại",
            f"paragraph {number} is {length:,} characters long (the limit is {MAX_PARAGRAPH_CHARS:,}); the file"
            " may be damaged or not a document; check it, break the paragraph and save it again",
        )


def too_many_paragraphs() -> InputError:
    return InputError(
        f"văn bản có hơn {MAX_PARAGRAPHS:,} đoạn, quá dài để kiểm tra; hãy tách thành các tệp nhỏ hơn",
        f"the document has more than {MAX_PARAGRAPHS:,} paragraphs, too long to check; split it into smaller files",
    )


def too_deep(depth: int | None) -> InputError:
    if depth is None:
        return InputError(
            "cấu trúc văn bản lồng nhau quá sâu, không đọc được; hãy bỏ bớt bảng hoặc khung lồng nhau rồi lưu lại",
            "the document is nested too deeply to read; remove nested tables or content controls and save it again",
        )
    return InputError(
        f"bảng lồng nhau quá sâu (hơn {MAX_TABLE_DEPTH} tầng); hãy bỏ bớt bảng lồng trong bảng rồi lưu lại",
        f"tables are nested too deeply (more than {MAX_TABLE_DEPTH} levels); remove nested tables and save it again",
    )


#: paragraphs from which a document counts as long for :func:`return_large_blocks` and
#: :func:`trim_heap`
LONG_DOCUMENT = 2_000
_LARGE_BLOCKS: list[bool] = []
_LIBC: list = []


def _libc():
    """The C library through ctypes on Linux (None elsewhere or without ctypes); loaded once,
    for a long document only (ctypes costs ~2 ms)."""
    if not _LIBC:
        import sys

        lib = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                lib = ctypes.CDLL(None)
            except (OSError, ImportError):
                lib = None
        _LIBC.append(lib)
    return _LIBC[0]


def return_large_blocks() -> None:
    """Have glibc give every allocation of 128 KiB or more its own mapping, returned to the
    system when freed (``mallopt(M_MMAP_THRESHOLD, 128 KiB)``, as ``MALLOC_MMAP_THRESHOLD_``
    would set it); once per process, called for a long document only.

    By default glibc raises that threshold to the size of the largest block freed so far,
    so the big lists a long document's rules build and drop (the syllable stream while it is
    made, the language model's contexts) stay in the heap once freed, where Python's small
    objects (the findings, which live in arenas of their own) never reuse them: the peak of
    a 20,000-paragraph document falls by ~20 MB.  Elsewhere than glibc nothing happens.
    (A big block still comes from the heap when a free chunk there fits it: see
    :func:`trim_heap`.)
    """
    if _LARGE_BLOCKS:
        return
    _LARGE_BLOCKS.append(True)
    lib = _libc()
    try:
        lib.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD (malloc.h)
    except AttributeError:  # no C library, or one without mallopt
        pass


def trim_heap() -> None:
    """Give the free pages inside the C heap back to the system (glibc ``malloc_trim(0)``;
    elsewhere nothing happens).  The runner calls it for a long document once the lxml tree
    is let go and after each rule (the syllable stream let go after the last rule that reads
    it, what a rule built and dropped).  Freed, that memory stays resident in the heap (glibc
    returns only its top, and serves even a big list from a free chunk that fits), where
    Python's small objects, in arenas of their own, never reuse it.  About 0.1 ms when there
    is nothing to give back; ~0.2 % of the lint of a 20,000-paragraph document in all.
    """
    try:
        _libc().malloc_trim(0)
    except AttributeError:  # no C library, or one without malloc_trim (musl)
        pass
