"""Formatting rules (NL4xx, .docx only): fonts, sizes, page, emphasis, layout."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .._discover import rules_in

    return rules_in(__name__)
