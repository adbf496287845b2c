"""The process-wide memories the rules share (rules/_memo.py): bounded, and exact."""

from __future__ import annotations

from notice_lint_rules._memo import Clean, Verdicts
from notice_lint_rules.language import NL202, NL204, _legacy
from notice_lint_rules.typography import NL303


def test_verdicts_compute_once_and_start_afresh_past_their_bound() -> None:
    calls: list[str] = []
    v = Verdicts(lambda w: calls.append(w) or len(w), most=2)
    assert [v["a"], v["bb"], v["a"]] == [1, 2, 1] and calls == ["a", "bb"]
    v["ccc"]
    v["dddd"]  # past the bound: forgotten, then this one kept
    assert len(v) <= 3 and v["dddd"] == 4


def test_clean_leaves_the_unknown_words_and_starts_afresh_past_its_bound() -> None:
    clean = Clean(most=3)
    assert clean.unknown({"a", "b"}) == {"a", "b"}
    clean.update({"a", "b"})
    assert clean.unknown({"a", "b", "c"}) == {"c"}
    assert clean.unknown({"a", "b", "c"}, {"c"}) == set()  # others are left out too
    clean.update({"c", "d"})
    assert clean.unknown({"a", "e"}) == {"a", "e"}  # 4 > 3: the set started afresh
    assert len(clean) == 0


def test_the_rules_words_found_clean_are_clean_sets() -> None:
    # one mechanism for the four "words already found clean" memories (bound, set difference)
    for memory in (NL202._GOOD, _legacy._CLEAN_WORDS, NL204._PLAIN, NL303._NO_CASE_BREAK):
        assert isinstance(memory, Clean)


def test_a_word_found_clean_stays_judged_after_the_set_starts_afresh() -> None:
    # the bound drops memory, never verdicts: a bad word is bad before and after a reset
    NL202._GOOD.update(f"w{i}" for i in range(NL202._GOOD.most + 1))
    assert NL202._bad_words({"quyêt", "quyết"}) == {"quyêt"}
    assert "quyết" in NL202._GOOD and len(NL202._GOOD) < 10
