"""Find the parts of a notice once, for every rule: ``parse(document) -> Notice``.

The anatomy never raises: a part it cannot find is ``None`` (or empty), and
the rule for that part reports it missing.

This face only re-exports.  The work is in named modules:

- ``segments.py``: the document cut into segments (columns, lines; run-together
  header lines split, a place-date broken over two pieces joined again);
- ``header.py``, ``closing.py``, ``body.py``: the parts at the top, at the
  bottom and in between (headings);
- ``profile.py``: the instrument (NĐ 30, HD 11, HD 36, HD 05) from the header
  and the date, and the kind code a profile reads from the kinds table;
- ``parsing.py``: ``parse``, which runs them in order;
- ``model.py``: the ``Notice``, ``Segment``, ``Heading``, ``Signature`` and
  ``Recipients`` classes.
"""

from __future__ import annotations

from .model import Heading, Notice, Recipients, Segment, Signature
from .parsing import parse
from .profile import (
    DEFAULT_INSTRUMENTS,
    choose_profile,
    estimated_date,
    instrument,
    kind_code,
    kind_columns,
    place_date_of,
)
from .segments import segments_of

__all__ = [
    "parse", "Notice", "Segment", "Heading", "Signature", "Recipients", "segments_of", "choose_profile",
    "instrument", "kind_code", "kind_columns", "estimated_date", "place_date_of", "DEFAULT_INSTRUMENTS",
]
