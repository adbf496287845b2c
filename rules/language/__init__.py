"""Language rules (NL2xx): spelling and words in context."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .NL201 import KnownTypo

    return [KnownTypo]
