"""The rule contract: what a rule is, what it receives and what it returns.

A rule is a small class::

    class NumberFormat(Rule):
        '''The number line must read ``Số: 18/TB-SKHCN``.

        **Anti-pattern** ... **Best practice** ... **Reference** ...
        '''
        code = "NL111"
        name = "number-format"
        summary = "Form of the number/symbol line"
        severity = Severity.ERROR
        profiles = ("nd30", "hd36", "hd05")

        def check(self, notice, ctx):
            yield self.finding(paragraph, start, end, vi="...", en="...", fix=...)

Rules are pure functions of the :class:`~notice_lint.anatomy.Notice` and the
:class:`RuleContext`; they never open files or parse XML.
"""

from __future__ import annotations

import enum
import inspect
from array import array
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from .document.model import FrozenRecord, Record

if TYPE_CHECKING:  # pragma: no cover
    from .anatomy import Notice
    from .data import DataTables
    from .document.model import Paragraph

__all__ = ["Severity", "Edit", "FormatEdit", "EditSeries", "compact_edits", "Fix", "Finding", "Rule", "RuleContext", "ALL_PROFILES", "ANY_PROFILE"]

ALL_PROFILES: tuple[str, ...] = ("nd30", "hd36", "hd05")
#: ALL_PROFILES plus "hd11", Party documents dated before HD 36 (03/4/2018):
#: for checks every instruction shares (spelling, spaces, the parts themselves)
ANY_PROFILE: tuple[str, ...] = ALL_PROFILES + ("hd11",)


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.strip().upper()]


# The value types below are written out by hand (``__slots__``, ``__init__``,
# ``__eq__``, ``__repr__``; frozen ones hashable and read-only) with what
# ``@dataclass(slots=True)`` would generate: a dataclass is built with
# ``exec`` each time the module is imported, i.e. at every run.


class _Shared(dict):
    """Each distinct message once: ``_SHARED[text]`` is the first equal string met.

    A rule formats its message (and a formatting edit its note) afresh for each
    finding; a document with 100,000 findings repeats a few dozen of them, and a
    copy each costs ~150 bytes.  Past ``most`` entries the map starts afresh, so
    a long run cannot grow it without bound.
    """

    __slots__ = ()
    most = 20_000

    def __missing__(self, text: str) -> str:
        if len(self) > self.most:
            self.clear()
        self[text] = text
        return text


_SHARED = _Shared()
#: the one copy of a string equal to the one given
shared = _SHARED.__getitem__
#: formatting properties (with their values' types) -> the one tuple of them
_PROPS: dict[tuple[Any, ...], tuple[tuple[str, Any], ...]] = {}


class Edit(FrozenRecord):
    """Replace ``text[start:end]`` of paragraph ``paragraph`` (1-based index)."""

    __slots__ = ("paragraph", "start", "end", "replacement")
    _fields = __match_args__ = __slots__

    paragraph: int
    start: int
    end: int
    replacement: str

    def __init__(self, paragraph: int, start: int, end: int, replacement: str) -> None:
        put = object.__setattr__
        put(self, "paragraph", paragraph)
        put(self, "start", start)
        put(self, "end", end)
        if type(replacement) is str and len(replacement) <= 4:  # ", " or " x" made afresh per finding: one copy
            replacement = _SHARED[replacement]
        put(self, "replacement", replacement)


class FormatEdit(FrozenRecord):
    """Set formatting properties, leaving the text alone (the other kind of edit).

    ``scope`` says what is formatted:

    - ``"run"``: the runs over ``text[start:end]`` of paragraph ``paragraph``
      (split at both ends); ``props`` among ``size`` (points), ``font``,
      ``bold``, ``italic``, ``caps``, ``underline``;
    - ``"paragraph"``: paragraph ``paragraph`` (``start == end == 0``);
      ``props`` among ``jc`` (``"both"``…), ``first_line``, ``before``,
      ``after`` (twips), ``line`` and ``line_rule`` (Word's ``w:spacing``),
      ``contextual`` (bool);
    - ``"section"``: page section ``section`` (0-based, in document order;
      ``paragraph`` is the one a finding points at); ``props`` among
      ``width``, ``height``, ``top``, ``bottom``, ``left``, ``right`` (twips)
      and ``orient``.

    ``props`` is a tuple of ``(name, value)`` pairs; ``note_vi``/``note_en``
    say in words what changes (``cỡ chữ 14 → 13``), for ``--diff`` and the
    JSON output.  Formatting is set on the runs, paragraphs or sections
    concerned, never on a style.
    """

    __slots__ = ("scope", "paragraph", "start", "end", "props", "section", "note_vi", "note_en")
    _fields = __match_args__ = __slots__

    scope: str
    paragraph: int
    start: int
    end: int
    props: tuple[tuple[str, Any], ...]
    section: int
    note_vi: str
    note_en: str

    def __init__(
        self, scope: str, paragraph: int, start: int, end: int, props: tuple[tuple[str, Any], ...],
        section: int = 0, note_vi: str = "", note_en: str = "",
    ) -> None:
        if scope not in ("run", "paragraph", "section"):
            raise ValueError(f"unknown formatting scope {scope!r}")
        put = object.__setattr__
        put(self, "scope", scope)
        put(self, "paragraph", paragraph)
        put(self, "start", start)
        put(self, "end", end)
        props = tuple(props)
        try:  # one tuple for every edit that sets the same values (each run of a whole body);
            # keyed with the values' types too: 13 == 13.0 and 1 == True, but they print apart
            props = _PROPS.setdefault((props, tuple([type(p[1]) for p in props])), props)
        except (TypeError, IndexError):  # an unhashable value or a malformed pair: kept as it is
            pass
        if len(_PROPS) > 4096:
            _PROPS.clear()
        put(self, "props", props)
        put(self, "section", section)
        put(self, "note_vi", _SHARED[note_vi])
        put(self, "note_en", _SHARED[note_en])

    def note(self, lang: str = "vi") -> str:
        return self.note_en if lang == "en" else self.note_vi


class EditSeries:
    """Many :class:`FormatEdit` held compactly (a formatting finding on the whole body fixes
    every paragraph of it): their places in arrays of ints, each distinct (scope, props,
    notes) once; the edits are made again when read (iterated, indexed), equal to the ones
    given.  Made by :func:`compact_edits`.
    """

    __slots__ = ("_places", "_kinds", "_variants")

    def __init__(self, places: array, kinds: array, variants: list[tuple[Any, ...]]) -> None:
        self._places = places  # paragraph, start, end, section of each edit
        self._kinds = kinds  # its index in _variants
        self._variants = variants  # (scope, props, note_vi, note_en)

    @classmethod
    def empty(cls) -> "EditSeries":
        return cls(array("i"), array("I"), [])

    def extend(self, edits: Iterable[Any], seen: dict[Any, int]) -> bool:
        """Append ``edits`` (``seen``: the variants' positions, kept by the caller); False, with
        nothing appended, when one is not a :class:`FormatEdit` or does not fit."""
        places, kinds, variants = self._places, self._kinds, self._variants
        n_places, n_kinds = len(places), len(kinds)
        try:
            for e in edits:
                if type(e) is not FormatEdit:
                    raise TypeError
                props = e.props
                # with the values' types: 13 == 13.0 and 1 == True, but they print apart
                key = (e.scope, props, tuple([type(p[1]) for p in props]), e.note_vi, e.note_en)
                k = seen.get(key)
                if k is None:
                    k = seen[key] = len(variants)
                    variants.append((e.scope, props, e.note_vi, e.note_en))
                kinds.append(k)
                places.extend((e.paragraph, e.start, e.end, e.section))
        except (TypeError, OverflowError, IndexError):  # an unhashable value, a place that is no int
            del places[n_places:], kinds[n_kinds:]
            return False
        return True

    def part(self, spans: Iterable[tuple[int, int]]) -> "tuple[FormatEdit, ...] | EditSeries":
        """The edits at ``first, count`` of each span, in order (a tuple when few)."""
        places, kinds = array("i"), array("I")
        own_places, own_kinds = self._places, self._kinds
        for first, count in spans:
            kinds.extend(own_kinds[first : first + count])
            places.extend(own_places[4 * first : 4 * (first + count)])
        out = EditSeries(places, kinds, self._variants)
        return out if len(kinds) >= COMPACT_FROM else tuple(out)

    def __len__(self) -> int:
        return len(self._kinds)

    def __getitem__(self, k: int) -> FormatEdit:
        if isinstance(k, slice):
            return tuple(self)[k]  # type: ignore[return-value]
        n = len(self._kinds)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        return self._make(k)

    def _make(self, k: int) -> FormatEdit:
        scope, props, vi, en = self._variants[self._kinds[k]]
        places = self._places
        i = 4 * k
        return FormatEdit(scope, places[i], places[i + 1], places[i + 2], props, places[i + 3], vi, en)

    def __iter__(self) -> Iterator[FormatEdit]:
        return map(self._make, range(len(self._kinds)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (EditSeries, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(tuple(self))


#: fewer edits than this stay a tuple
COMPACT_FROM = 16


def compact_edits(edits: list[Edit | FormatEdit]) -> "tuple[Edit | FormatEdit, ...] | EditSeries":
    """``edits`` as a tuple, or, when many formatting edits, as an :class:`EditSeries`."""
    if len(edits) < COMPACT_FROM:
        return tuple(edits)
    series = EditSeries.empty()
    return series if series.extend(edits, {}) else tuple(edits)


class Fix(FrozenRecord):
    """A correction: one or more edits (:class:`Edit` of the text, :class:`FormatEdit`
    of the formatting), applied together.

    ``safe`` fixes are applied by ``--fix``; unsafe ones only with
    ``--unsafe-fixes``.
    """

    __slots__ = ("_edits", "safe")
    _fields = __match_args__ = ("edits", "safe")

    safe: bool

    def __init__(self, edits: tuple[Edit | FormatEdit, ...], safe: bool = True) -> None:
        put = object.__setattr__
        # one edit (most fixes) is held alone, not in a tuple of its own: 48 bytes a finding
        put(self, "_edits", edits[0] if type(edits) is tuple and len(edits) == 1 else edits)
        put(self, "safe", safe)

    @property
    def edits(self) -> "tuple[Edit | FormatEdit, ...] | EditSeries":
        """The edits: a tuple, or an :class:`EditSeries` (a sequence that makes them when read)."""
        edits = self._edits
        return (edits,) if isinstance(edits, (Edit, FormatEdit)) else edits

    def _key(self) -> tuple[Any, ...]:
        edits = self.edits
        return (edits if type(edits) is tuple else tuple(edits), self.safe)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.edits, self.safe))  # an EditSeries goes as it is

    @classmethod
    def replace(cls, paragraph: int, start: int, end: int, replacement: str, safe: bool = True) -> "Fix":
        return cls((Edit(paragraph, start, end, replacement),), safe)


class Finding(Record):
    __slots__ = (
        "code", "name", "severity", "paragraph", "start", "end", "message_vi", "message_en", "fix",
        "line", "column", "end_line", "end_column",
    )
    _fields = __match_args__ = __slots__

    code: str
    name: str
    severity: Severity
    paragraph: int  # 1-based paragraph index
    start: int  # offset in Paragraph.text
    end: int
    message_vi: str
    message_en: str
    fix: Fix | None
    line: int  # source line / column, filled by the runner
    column: int
    end_line: int
    end_column: int

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        paragraph: int,
        start: int,
        end: int,
        message_vi: str,
        message_en: str,
        fix: Fix | None = None,
        line: int = 0,
        column: int = 0,
        end_line: int = 0,
        end_column: int = 0,
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.message_vi = _SHARED[message_vi]
        self.message_en = _SHARED[message_en]
        self.fix = fix
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi


class RuleContext(Record):
    """What a rule may know besides the document."""

    __slots__ = ("data", "final", "lang", "options", "today")
    _fields = __match_args__ = __slots__

    data: "DataTables"
    final: bool
    lang: str
    options: dict[str, Any]  # [tool.notice-lint] keys
    today: Any  # datetime.date; the runner fills it

    def __init__(
        self,
        data: "DataTables",
        final: bool = False,
        lang: str = "vi",
        options: dict[str, Any] | None = None,
        today: Any = None,
    ) -> None:
        self.data = data
        self.final = final
        self.lang = lang
        self.options = {} if options is None else options
        self.today = today

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


class Rule:
    """Base class of every rule (built-in or from a plugin)."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""  # one line, English
    summary_vi: ClassVar[str] = ""  # one line, Vietnamese
    #: a short Vietnamese page for --explain (what the rule wants, a wrong and a right example),
    #: shown beside the English docstring; --lang en shows the docstring alone
    doc_vi: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    profiles: ClassVar[tuple[str, ...]] = ALL_PROFILES
    #: document kinds the rule can judge ("docx", "text", "markdown")
    formats: ClassVar[tuple[str, ...]] = ("docx", "text", "markdown")
    #: extra parts a reader must load for this rule ("styles" for formatting); after reading,
    #: a .docx's XML tree is let go (``Paragraph.source``/``RunSpan.source`` become None) unless a
    #: rule needs "tree", or needs "fonts" (run fonts) and the package names a legacy font;
    #: "stream": the rule reads the language rules' syllable stream, let go after the last
    #: rule that needs it (``runner.SHARED``)
    needs: ClassVar[frozenset[str]] = frozenset()
    #: configuration keys this rule understands (key -> help text)
    config_keys: ClassVar[dict[str, str]] = {}
    fixable: ClassVar[bool] = False
    #: the clause the rule enforces, for the docs
    reference: ClassVar[str] = ""

    def check(self, notice: "Notice", ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------
    def finding(
        self,
        paragraph: "Paragraph | int",
        start: int,
        end: int,
        *,
        vi: str,
        en: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        index = paragraph if isinstance(paragraph, int) else paragraph.index
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity if severity is None else severity,
            paragraph=index,
            start=start,
            end=end,
            message_vi=vi,
            message_en=en,
            fix=fix,
        )

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.code} {self.name}>"


def iter_rules(classes: Iterable[type[Rule]]) -> Iterator[type[Rule]]:
    seen: set[str] = set()
    for cls in classes:
        if cls.code in seen:
            raise ValueError(f"duplicate rule code {cls.code}")
        seen.add(cls.code)
        yield cls
