"""A formatting fix of many edits (a whole-body finding) holds them compactly (rule.EditSeries)
and gives back edits equal to the ones it was made from, in order, for every reader of a fix."""

from __future__ import annotations

import pickle

from notice_lint.rule import COMPACT_FROM, Edit, EditSeries, Fix, FormatEdit, compact_edits


def _edits(n: int) -> list[FormatEdit]:
    out = []
    for k in range(1, n + 1):
        if k % 3 == 0:
            out.append(FormatEdit("run", k, 2, 9, (("size", 13.0),), note_vi="cỡ chữ 12 → 13", note_en="size 12 → 13"))
        elif k % 3 == 1:
            out.append(FormatEdit("run", k, 0, 4, (("size", 13),), note_vi="cỡ chữ 12 → 13", note_en="size 12 → 13"))
        else:
            out.append(FormatEdit("paragraph", k, 0, 0, (("jc", "both"),), note_vi="canh đều", note_en="justified"))
    return out


def test_many_edits_are_held_compactly_and_given_back_alike() -> None:
    edits = _edits(40)
    series = compact_edits(edits)
    assert isinstance(series, EditSeries) and len(series) == 40 and len(series._variants) == 3
    back = list(series)
    assert back == edits and series[5] == edits[5] and series[-1] == edits[-1] and series[2:4] == tuple(edits[2:4])
    # 13 and 13.0 are equal but print apart: each keeps its own type
    assert [type(e.props[0][1]) for e in back[:3]] == [int, str, float]
    fix = Fix(series)
    assert fix == Fix(tuple(edits)) and hash(fix) == hash(Fix(tuple(edits)))
    assert list(fix.edits) == edits and repr(fix) == repr(Fix(tuple(edits)))
    again = pickle.loads(pickle.dumps(fix))
    assert isinstance(again.edits, EditSeries) and again == fix


def test_few_edits_or_text_edits_stay_a_tuple() -> None:
    assert type(compact_edits(_edits(COMPACT_FROM - 1))) is tuple
    mixed = _edits(COMPACT_FROM) + [Edit(1, 0, 1, "x")]
    assert compact_edits(mixed) == tuple(mixed) and type(compact_edits(mixed)) is tuple
