"""Structure rules (NL1xx): the parts of a document and their forms."""

from __future__ import annotations


def get_rules() -> list[type]:
    from .NL110 import NumberMissing
    from .NL111 import NumberFormat
    from .NL113 import NumberBlank

    return [NumberMissing, NumberFormat, NumberBlank]
