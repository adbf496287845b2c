from __future__ import annotations

from typing import Any, Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._syllables import match_case, syllable_key, tokens


def _build_index(rows: list[dict[str, Any]]) -> dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]]:
    index: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
    for row in rows:
        keys = tuple(syllable_key(t.text) for t in tokens(row["wrong"]))
        if not keys:
            continue
        index.setdefault(keys[0], []).append((keys, row))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return index


def _keyset(values: Any) -> set[str]:
    if not values:
        return set()
    if isinstance(values, str):
        values = [values]
    return {syllable_key(v) for v in values}


class KnownTypo(Rule):
    """A known misspelling or wrong word, from the typo table.

    The table (``rules/data/typos.toml``, extendable by config ``typos`` and
    plugins) lists phrases that are wrong in administrative writing with their
    correction.  Matching is on whole syllables, ignores case and tone-mark
    style (``hoà`` = ``hòa``) and crosses line breaks inside a paragraph.
    The fix keeps each syllable's capitalisation (``RÀ XOÁT`` → ``RÀ SOÁT``).

    **Anti-pattern**

    ```
    Kính phí thực hiện do ngân sách tỉnh bảo đảm.
    Các phòng rà xoát danh mục nhiệm vụ.
    ```

    **Best practice**

    ```
    Kinh phí thực hiện do ngân sách tỉnh bảo đảm.
    Các phòng rà soát danh mục nhiệm vụ.
    ```
    """

    code = "NL201"
    name = "known-typo"
    summary = "A known misspelling or wrong word"
    summary_vi = "Lỗi chính tả, dùng từ đã biết"
    severity = Severity.ERROR
    fixable = True
    reference = "NĐ 30/2020, Điều 8 (văn bản viết bằng tiếng Việt, chính xác)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        index = ctx.data.derived("typos", "NL201-index", _build_index)
        if not index:
            return
        skip = {(s.index, s.start) for s in notice.name_segments()}
        for para in notice.document.paragraphs:
            if not para.text or (para.index, 0) in skip:
                continue
            toks = tokens(para.text)
            keys = [syllable_key(t.text) for t in toks]
            i = 0
            n = len(toks)
            while i < n:
                hit = None
                for phrase, row in index.get(keys[i], ()):
                    m = len(phrase)
                    if tuple(keys[i : i + m]) != phrase:
                        continue
                    if i + m < n and keys[i + m] in _keyset(row.get("not_before")):
                        continue
                    if i > 0 and keys[i - 1] in _keyset(row.get("not_after")):
                        continue
                    hit = (m, row)
                    break
                if hit is None:
                    i += 1
                    continue
                m, row = hit
                found = toks[i : i + m]
                start, end = found[0].start, found[-1].end
                right_words = row["right"].split()
                fixed = []
                for k, w in enumerate(right_words):
                    model = found[min(k, m - 1)].text
                    if k >= m and not model.isupper():
                        model = model.lower()
                    fixed.append(match_case(model, w))
                # keep the original separators (a line break stays a line break)
                seps = [para.text[found[k].end : found[k + 1].start] for k in range(m - 1)]
                if len(fixed) == m:
                    replacement = "".join(w + (seps[k] if k < len(seps) else "") for k, w in enumerate(fixed))
                else:
                    replacement = " ".join(fixed)
                wrong_text = para.text[start:end]
                yield self.finding(
                    para,
                    start,
                    end,
                    vi=f"Sai chính tả: «{wrong_text}» → «{replacement}»",
                    en=f"Misspelling: «{wrong_text}» → «{replacement}»",
                    fix=Fix.replace(para.index, start, end, replacement),
                )
                i += m
