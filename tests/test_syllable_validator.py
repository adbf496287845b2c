"""The Vietnamese syllable validator behind NL202 (rules/language/_validator.py)."""

from __future__ import annotations

import pytest

from notice_lint_rules.language._validator import check, has_vietnamese_mark, split

VALID = (
    "người được thuở quốc quyết quỳnh quýt giết gì gìn già giữa khuỷu ngoẹo hoà hòa thủy thuỷ ủy uỷ "
    "kỳ kiến nghiêng nghề ghế quê quên quân quơ qui cua cuộc yên yêu khuya huỳnh xoong soóc học "
    "hoạch khoẻ khỏe thuế oai tiếng toán mùa già quý ngành"
).split()


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word: str) -> None:
    assert check(word).ok


@pytest.mark.parametrize(
    "word,reason,fixed",
    [
        ("nghành", "spelling", "ngành"),
        ("gế", "spelling", "ghế"),
        ("ngỉ", "spelling", "nghỉ"),
        ("coa", "spelling", None),
        ("tyên", "spelling", None),
        ("iêu", "spelling", None),
        ("qúy", "tone-position", "quý"),
        ("ngừơi", "tone-position", "người"),
        ("gìa", "tone-position", "già"),
        ("tíêng", "tone-position", "tiếng"),
        ("tóan", "tone-position", "toán"),
        ("muà", "tone-position", "mùa"),
        ("thủơ", "tone-position", "thuở"),
        ("viêt", "stop-tone", None),
        ("hòc", "stop-tone", None),
        ("đểbảo", "parse", None),
        ("krông", "parse", None),
    ],
)
def test_invalid_syllables(word: str, reason: str, fixed: str | None) -> None:
    verdict = check(word)
    assert not verdict.ok
    assert verdict.reason == reason
    assert verdict.fixed == fixed


def test_spelling_fix_never_loops() -> None:
    # gh → g and g → gh both apply before "y": the suggestion must not recurse
    assert not check("ghy").ok
    assert not check("gy").ok


@pytest.mark.parametrize(
    "word,parts",
    [
        ("sảnxuất", ("sản", "xuất")),
        ("đểtổ", ("để", "tổ")),
        ("đềnghị", ("đề", "nghị")),  # not đền ghị: the later syllable takes the longest onset
        ("phụnữ", ("phụ", "nữ")),
        ("ýkiến", ("ý", "kiến")),
    ],
)
def test_split_run_together(word: str, parts: tuple[str, ...]) -> None:
    assert split(word)[0] == parts


def test_split_rejects_names_and_noise() -> None:
    assert split("krông") == ()
    assert split("pleiku") == ()


def test_vietnamese_mark() -> None:
    assert has_vietnamese_mark("Đắk") and has_vietnamese_mark("ươ")
    assert not has_vietnamese_mark("Pleiku") and not has_vietnamese_mark("VietGAP")
