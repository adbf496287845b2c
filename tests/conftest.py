from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def find_shared() -> Path | None:
    """``../shared`` of this checkout (or of any folder above it, for worktrees)."""
    for parent in [ROOT, *ROOT.parents]:
        cand = parent / "shared"
        if (cand / "spec" / "RULES.md").is_file():
            return cand
        cand = parent.parent / "shared"
        if (cand / "spec" / "RULES.md").is_file():
            return cand
    return None


SHARED = find_shared()


@pytest.fixture
def shared() -> Path:
    if SHARED is None:
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def corpus(shared: Path) -> Path:
    return shared / "corpus"
