"""Lint many files: through the cache, on a process pool, in the order of a serial run.

Files the cache already answers are never sent to a worker; the rest go to a
``ProcessPoolExecutor`` (``--jobs``; by default one worker per CPU when more
than :data:`PARALLEL_FROM` files are left to lint).  ``Executor.map`` keeps
the input order, so the report is the same byte for byte as a serial run.
Each worker builds its own :class:`~notice_lint.runner.Linter` from the
same options; results (``FileResult``, ``Finding``, ``InputError``) come back
pickled.

A worker that dies (out of memory, killed) costs only its own file: the files
not yet answered are linted one at a time in a worker of their own, and the
one whose worker dies is reported unreadable.  They are never linted in the
main process, which the same file would kill too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

from .cache import Cache, lint_keyed

__all__ = ["lint_many", "run_batch", "default_jobs", "PARALLEL_FROM"]

#: a pool pays for itself from this many files up
PARALLEL_FROM = 8

_WORKER: tuple[Any, Cache | None] | None = None


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(n_files: int) -> int:
    return cpu_count() if n_files > PARALLEL_FROM else 1


def _init(options: Any, cache_root: Path | None) -> None:
    global _WORKER
    from .runner import Linter

    _WORKER = (Linter(options), Cache(cache_root) if cache_root is not None else None)


def _work(batch: list[str]) -> list[tuple[Any, str | None]]:
    assert _WORKER is not None
    linter, cache = _WORKER
    return [lint_keyed(linter, path, cache) for path in batch]


#: the most files a worker is handed at once
BATCH_MOST = 16


def batches(paths: list[str], workers: int) -> list[list[str]]:
    """``paths`` cut into consecutive batches that shrink as the end nears (guided scheduling).

    Large batches save messages between the processes; small ones at the end
    keep a worker from being left with a long batch while the others are idle.
    """
    out: list[list[str]] = []
    i, n = 0, len(paths)
    while i < n:
        size = max(1, min(BATCH_MOST, (n - i) // (workers * 4)))
        out.append(paths[i : i + size])
        i += size
    return out


def lint_many(linter: Any, paths: list[str], *, jobs: int | None = None, cache: Cache | None = None) -> Iterator[Any]:
    """FileResults of ``paths``, in order; ``jobs`` None = :func:`default_jobs`, 0 = one per CPU."""
    hits: dict[int, Any] = {}
    if cache is not None:
        cache.start_batch(len(paths))
        for i, path in enumerate(paths):
            hit = _cached(linter, path, cache)
            if hit is not None:
                hits[i] = hit
    todo = [p for i, p in enumerate(paths) if i not in hits]
    workers = default_jobs(len(todo)) if jobs is None else (cpu_count() if jobs == 0 else jobs)
    workers = min(workers, len(todo))
    fresh = _serial(linter, todo, cache) if workers <= 1 else _pooled(linter, todo, cache, workers)
    for i in range(len(paths)):
        yield hits[i] if i in hits else next(fresh)


#: the reader's own limit (``notice_lint.document.MAX_FILE_BYTES``); a larger file is never in the cache
CACHED_MAX_BYTES = 200 * 1024 * 1024


def _cached(linter: Any, path: str, cache: Cache) -> Any:
    """The cached result of ``path``, or None.  A plain read: anything unusual is a miss, and the
    reader then reports it (so a run that only reads the cache never imports the readers)."""
    import stat

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > CACHED_MAX_BYTES or os.path.basename(path).startswith("~$"):
            return None
        digest = cache.known_digest(path, st)  # unchanged since the last run: not even read
        if digest is None:
            with open(path, "rb") as fh:
                data = fh.read()
            digest = cache.digest(path, data, st)
    except (OSError, ValueError):
        return None
    key = cache.key_for_digest(linter, path, digest)
    return cache.get(key, path) if key is not None else None


def _serial(linter: Any, paths: list[str], cache: Cache | None) -> Iterator[Any]:
    for path in paths:
        result, _key = lint_keyed(linter, path, cache)  # the cache noted the key itself
        yield result


def _pooled(linter: Any, paths: list[str], cache: Cache | None, workers: int) -> Iterator[Any]:
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is used
    from concurrent.futures.process import BrokenProcessPool

    from . import anatomy  # noqa: F401 - imported once here, inherited by forked workers
    from .document import docx, text  # noqa: F401

    done = 0
    pool = ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init,
        initargs=(linter.options, cache.root.parent if cache is not None else None),
    )
    try:
        for batch in pool.map(_work, batches(paths, workers)):
            for result, key in batch:
                done += 1
                if cache is not None:
                    cache.used(key, result)  # the worker wrote the entry; the pack is written here
                yield result
    except (BrokenProcessPool, OSError):
        # a worker died (out of memory, killed): which of its files did it is not known, so the
        # rest are linted one at a time in a worker of their own; never here, where the same
        # file would take the whole run down
        pool.shutdown(wait=True, cancel_futures=True)
        yield from _one_by_one(linter, paths[done:], cache)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _died(path: str) -> Any:
    from .errors import InputError
    from .runner import FileResult

    return FileResult(path=path, error=InputError(
        "tiến trình đọc tệp này bị dừng đột ngột (hết bộ nhớ?); tệp có thể hỏng hoặc quá lớn, "
        "hãy mở bằng Word và lưu lại",
        "the process reading this file died (out of memory?); the file may be damaged or too large; "
        "open it in Word and save it again",
    ))


def _one_by_one(linter: Any, paths: list[str], cache: Cache | None) -> Iterator[Any]:
    """Each file in a worker process, one at a time: a file whose worker dies is reported
    unreadable, and a new worker takes the next file."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    initargs = (linter.options, cache.root.parent if cache is not None else None)
    pool = None
    try:
        for path in paths:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=1, initializer=_init, initargs=initargs)
            try:
                [(result, key)] = pool.submit(_work, [path]).result()
            except (BrokenProcessPool, OSError):
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                yield _died(path)
                continue
            if cache is not None:
                cache.used(key, result)
            yield result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def show_progress(n_files: int) -> bool:
    """A progress bar only on a terminal, and only for more files than fit on one screen."""
    import sys

    try:
        if not sys.stderr.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    import shutil  # only on a terminal

    return n_files > shutil.get_terminal_size().lines


def run_batch(
    linter: Any, paths: list[str], *, jobs: int | None = None, use_cache: bool = True, cache: Cache | None = None
) -> Iterator[Any]:
    """What the command line runs: :func:`lint_many` with the cache and, on a terminal, a progress bar.

    ``cache``: the cache to use (default: a new one in the usual place when ``use_cache``).
    """
    import sys

    if cache is None and use_cache:
        cache = Cache()
    results = lint_many(linter, paths, jobs=jobs, cache=cache)
    if not show_progress(len(paths)):
        yield from results
        return
    import click

    with click.progressbar(results, length=len(paths), file=sys.stderr, label="notice-lint") as bar:
        yield from bar
