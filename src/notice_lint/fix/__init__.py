"""Write what the linter found back into the document.

``--fix`` applies the fixes findings carry (:mod:`.text` for text files,
:mod:`.docx` for Word, as tracked changes by default), ``--diff`` shows them,
``--annotate`` writes a copy of a ``.docx`` with each finding as a comment
(:mod:`.annotate`).  :mod:`.session` runs them for the command line.
"""

from __future__ import annotations

from .select import FixPolicy, plan_fixes
from .session import FixOptions, FixSession, fix_bytes

__all__ = ["FixOptions", "FixPolicy", "FixSession", "fix_bytes", "plan_fixes"]
