"""Typography rules (NL3xx): spaces and punctuation."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .._discover import rules_in

    return rules_in(__name__)
