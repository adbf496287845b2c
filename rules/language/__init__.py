"""Language rules (NL2xx): spelling and words in context."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .._discover import rules_in

    return rules_in(__name__)
