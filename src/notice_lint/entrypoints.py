"""Find the plugins of an entry-point group without importing ``importlib.metadata``.

``importlib.metadata`` (with the ``email``, ``csv`` and ``zipfile`` machinery
it pulls in) costs ~30 ms to import, a sixth of a cold ``notice-lint`` run
on one file; pre-commit pays that on every commit.  Installed distributions
are folders ``<name>-<version>.dist-info`` (or ``.egg-info``) on ``sys.path``
whose ``entry_points.txt`` is a small INI file, so finding the plugins of one
group is a directory listing and a few small reads.  When ``sys.path`` holds
anything this scan does not understand (a zip file, an ``.egg``), the caller
falls back to ``importlib.metadata``: :func:`scan` then returns ``None``.

As ``importlib.metadata.entry_points()`` does, only the first distribution
of each name counts (an older copy further down ``sys.path`` is shadowed);
the order is ``sys.path`` order, then directory order.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NamedTuple

__all__ = ["EntryPoint", "scan", "load", "GROUP"]

#: the entry-point group notice-lint plugins are declared in
GROUP = "notice_lint"

_META_SUFFIXES = (".dist-info", ".egg-info")


class EntryPoint(NamedTuple):
    name: str
    value: str  # "module" or "module:attribute" (extras, if any, stripped)
    dist: str  # the folder it was declared in, for messages


def _parse(text: str, group: str, dist: str) -> list[EntryPoint]:
    out: list[EntryPoint] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line[0] == "[" and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section != group or "=" not in line:
            continue
        name, _, value = line.partition("=")
        value = value.split("[", 1)[0].strip()  # "mod:obj [extra]"
        out.append(EntryPoint(name.strip(), value, dist))
    return out


def _dist_name(folder: str) -> str:
    """``Foo.Bar-1.0.dist-info`` → ``foo_bar`` (the normalised distribution name)."""
    stem = folder.rsplit(".", 1)[0].split("-", 1)[0]
    return "_".join(filter(None, stem.replace("-", "_").replace(".", "_").split("_"))).lower()


def scan(group: str, path: list[str] | None = None) -> list[EntryPoint] | None:
    """Entry points of ``group`` on ``path`` (default ``sys.path``); ``None`` when it cannot tell."""
    out: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path if path is None else path:
        folder = entry or os.curdir
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip archive or an egg file: importlib.metadata knows those
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.endswith(".egg"):
                return None
            if not name.endswith(_META_SUFFIXES):
                continue
            dist = _dist_name(name)
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError):
                continue
            if f"[{group}]" in text.replace(" ", ""):
                out.extend(_parse(text, group, os.path.join(folder, name)))
    return out


def load(ep: EntryPoint) -> Any:
    """Import the object an entry point names (``module`` or ``module:attr.attr``)."""
    module_name, _, attrs = ep.value.partition(":")
    obj = importlib.import_module(module_name.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj
