"""Structure rules (NL1xx): the parts of a document and their forms."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .._discover import rules_in

    return rules_in(__name__)
