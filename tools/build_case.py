"""Build ``rules/data/case.json``, the data NL207 (capitalisation) reads.

Usage (from the repository root; no network)::

    python tools/build_case.py [PATH/TO/phapdien.txt.xz] [--out rules/data/case.json] [--lines N]

The default text is ``../shared/corpus/lm/phapdien.txt.xz``: the Vietnamese legal
codification and some 2025-2026 decrees (repository ``diepxuan/diepxuan.github.io``,
MIT License; legal normative texts are outside copyright, Luật Sở hữu trí tuệ
Điều 15).  Only counts derived from it are written, never its text.

What is written (sorted, so a rerun on the same text gives the same bytes):

``names``
    Names of organs and bodies, titles and fixed phrases in their official case.
    The listed ones (``CERTAIN`` below: the forms NĐ 30 Phụ lục II, HD 36 and
    HD 05 print, and the state and Party bodies every province has) are certain;
    the mined ones are n-grams that start with the word for a type of organ and
    are written the same way in at least 97 % of their mid-sentence occurrences.
    Each row: ``[official form, count in the text, certain 0/1]``.
``lower``
    Syllables (tone-style-insensitive keys) that, inside a sentence after a
    lower-case word, are written with a capital in at most 4 % of their
    occurrences (at least 40 of them): a capital there is a mistake
    (``theo Quy định``, ``các Đơn vị``).
``lower2`` / ``upper2``
    Two-syllable exceptions to ``lower``: ``upper2`` holds pairs whose first
    syllable is in ``lower`` yet the pair is often capitalised (``Sở Tài``), and
    ``lower2`` pairs whose first syllable is not in ``lower`` but the pair almost
    never is (``quy định``).

``upper3``
    Three-syllable terms whose first syllable (or first pair) is judged a common
    word by ``lower`` / ``lower2`` yet which the text writes with a capital inside
    a sentence (after a small-letter word, the two next syllables in small
    letters) at least ``TERM_MIN`` times and in at least ``TERM_SHARE`` of such
    uses: a name for a thing (``Trụ sở tiếp công dân``, ``Ứng dụng định danh quốc
    gia``), not a common word capitalised by mistake.  Keys, as in ``lower2``.

``fields``
    The field part of an organ's name, mined from what follows a word for a type
    of organ (``ORGAN_TYPES``: ``Sở``, ``Phòng``, ``Trung tâm``, ``Chi cục`` …) when
    that word has its capital: ``Giáo dục và Đào tạo``, ``Tài chính - Kế hoạch``.
    NL207 judges ``<any organ type> <field>`` by them, so ``Phòng Giáo dục và đào
    tạo`` is found though the text names only ``Sở/Bộ Giáo dục và Đào tạo``.  A
    field has two words or more, is written one way in at least 97 % of its uses
    after a type word (at least ``FIELD_MIN`` of them), is closed (no one next word
    follows it in half of its uses) and starts with a capital.  Each row:
    ``[official form, count, uses in small letters]``: the last counts the uses
    of the field's words all in small letters after a type word with its capital
    (``Bộ tiếp công dân``: a verb there, not the field).

``--lines N`` reads only the first N lines (the determinism test uses a slice).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from notice_lint_rules.language._syllables import syllable_key

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lm import held_out  # noqa: E402  (the same split as the language model)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = ROOT.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz"
DEFAULT_OUT = ROOT / "rules" / "data" / "case.json"

SOURCE = (
    "diepxuan/diepxuan.github.io van-ban/ at fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048 "
    "(Bộ pháp điển and 2025-2026 decrees), as ../shared/corpus/lm/phapdien.txt.xz; "
    "names printed by NĐ 30/2020 Phụ lục II, HD 36-HD/VPTW and HD 05-HD/VPTW"
)
LICENCE = "MIT (repository); legal normative texts are not protected (Luật Sở hữu trí tuệ, Điều 15). Counts only."

# Names whose case is certain: written in their official form by NĐ 30 Phụ lục II
# (its examples), HD 36 / HD 05 (the Party bodies they print), and the state and
# Party bodies found in every province.  Hand-written here from those texts.
CERTAIN = [
    # Party (HD 36, HD 05, Phụ lục II IV)
    "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Ban Chấp hành Đảng bộ",
    "Ban Bí thư", "Bộ Chính trị", "Văn phòng Trung ương Đảng", "Tổng Bí thư",
    "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy", "Ban Thường vụ Huyện ủy",
    "Ban Thường vụ Quận ủy", "Ban Thường vụ Thị ủy", "Ban Thường vụ Đảng ủy",
    "Thường trực Tỉnh ủy", "Thường trực Thành ủy", "Thường trực Huyện ủy", "Thường trực Đảng ủy",
    "Văn phòng Tỉnh ủy", "Văn phòng Huyện ủy", "Văn phòng Thành ủy",
    "Ban Dân vận", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Nội chính", "Ban Kinh tế",
    "Ban Tuyên giáo và Dân vận", "Ủy ban Kiểm tra", "Ban Chỉ đạo",
    "Đảng Cộng sản Việt Nam", "Đảng bộ tỉnh", "Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương",
    "Ban Dân vận Trung ương", "Ủy ban Kiểm tra Trung ương",
    # state (Phụ lục II IV, V)
    "Quốc hội", "Chính phủ", "Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "Chủ tịch nước",
    "Chủ tịch Quốc hội", "Ủy ban Thường vụ Quốc hội", "Văn phòng Chính phủ",
    "Thường trực Hội đồng nhân dân", "Hội đồng nhân dân", "Ủy ban nhân dân",
    "Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Ủy ban nhân dân", "Chủ tịch Hội đồng nhân dân",
    "Phó Chủ tịch Hội đồng nhân dân", "Văn phòng Ủy ban nhân dân",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Đoàn đại biểu Quốc hội",
    "Bộ Tài nguyên và Môi trường", "Bộ Tài chính", "Bộ Công Thương", "Bộ Nội vụ", "Bộ Tư pháp",
    "Bộ Xây dựng", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Khoa học và Công nghệ",
    "Bộ Kế hoạch và Đầu tư", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường",
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Giao thông vận tải",
    "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Thông tin và Truyền thông", "Bộ Dân tộc và Tôn giáo",
    "Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương",
    "Sở Ngoại vụ", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư",
    "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Nông nghiệp và Môi trường", "Sở Giao thông vận tải", "Sở Thông tin và Truyền thông",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao", "Sở Dân tộc và Tôn giáo",
    "Sở Lao động - Thương binh và Xã hội", "Báo và Phát thanh, Truyền hình", "Thanh tra tỉnh", "Kho bạc Nhà nước", "Kiểm toán nhà nước",
    "Ngân hàng Nhà nước Việt Nam", "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Công an tỉnh",
    # not "Bộ/Ban Chỉ huy Quân sự": the laws write "quân sự", provincial documents "Quân sự";
    # a listed name is certain, so a name written both ways is left to the mined statistics
    # mass organisations
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ Việt Nam", "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh", "Hội Nông dân", "Liên đoàn Lao động", "Tổng Liên đoàn Lao động Việt Nam",
    # other cases of Phụ lục II V
    "Huân chương Sao vàng", "Huân chương Hồ Chí Minh", "Anh hùng Lao động", "Nghệ sĩ Nhân dân",
    "Nhà giáo Nhân dân", "Thầy thuốc Nhân dân", "Anh hùng Lực lượng vũ trang nhân dân",
    "Quốc khánh", "Quốc tế Lao động", "Cách mạng tháng Tám", "Nguyên đán",
    # the Mặt trận's programme: nhà Đại đoàn kết, Ngày hội Đại đoàn kết toàn dân tộc
    "Đại đoàn kết",
    "Bộ luật Hình sự", "Bộ luật Dân sự", "Bộ luật Lao động", "Bộ luật Tố tụng hình sự",
    "Luật Tổ chức Quốc hội", "Luật Tổ chức chính quyền địa phương", "Luật Ban hành văn bản quy phạm pháp luật",
    "Luật Cán bộ, công chức", "Luật Đất đai", "Luật Đầu tư công", "Luật Ngân sách nhà nước",
    "Luật Bảo vệ môi trường", "Luật Hóa chất", "Luật Xây dựng", "Luật Doanh nghiệp",
    "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
]

# the words for a type of organ or body a mined name starts with
TYPES = {
    "ban", "bộ", "sở", "cục", "tổng cục", "vụ", "viện", "văn phòng", "ủy ban", "hội đồng", "thanh tra",
    "kho bạc", "ngân hàng", "trung tâm", "chi cục", "tòa án", "học viện", "đại học", "hội", "liên đoàn",
    "mặt trận", "đoàn", "quỹ", "thường trực", "luật", "bộ luật", "nghị định", "pháp lệnh",
}
# the words for a type of organ after which the field of its work is named (Phụ lục II,
# IV): ``Phòng Tài chính - Kế hoạch``, ``Trung tâm Văn hóa - Thông tin``
ORGAN_TYPES = {
    "bộ", "sở", "phòng", "cục", "chi cục", "tổng cục", "vụ", "viện", "ban", "trung tâm", "văn phòng",
    "ủy ban", "học viện", "trường", "đội", "hội",
}
FIELD_MIN = 30
FIELD_SHARE = 0.9  # a field's words take one case in this share of its uses at least
# a field does not end on these (a place or a level after the name)
_FIELD_STOP_END = {"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "cấp", "thuộc", "ương"}
# a mined name does not end on these
_STOP_END = {
    "và", "của", "các", "về", "với", "cho", "theo", "tại", "trong", "để", "đối", "là", "có", "được",
    "khi", "thì", "từ", "đến", "những", "này", "đó", "số", "năm", "ngày", "tháng", "hoặc",
}
_JOINERS = {"và"}
# single words NL207 judges by their pair only (rules/language/_case_words.py, _NAME_WORDS):
# their pairs go in ``lower2`` even when the word is in ``lower``
NAME_WORDS = [
    "Sở", "Ban", "Bộ", "Phòng", "Cục", "Vụ", "Viện", "Hội", "Đoàn", "Đội", "Ủy", "Kho", "Trường",
    "Tòa", "Đảng", "Quỹ", "Giám", "Bí", "Phó", "Trưởng", "Chánh", "Thứ", "Nhà", "Nhân", "Bác",
    "Người", "Tết", "Huyện", "Tỉnh", "Xã", "Phường", "Quận", "Thành", "Thị", "Mặt", "Cảng",
]
# pairs of a name word and the rest of a common noun, too rare in the legal text to be
# counted but never a name inside a sentence (the members of a union, an association, a
# team): written into ``lower2`` by hand
LOWER_PAIRS = ["đoàn viên", "hội viên", "đội viên"]
# a word is "written in small letters inside a sentence" when it is seen there at least
# MIN_COUNT times after a small-letter word, with a capital at most MAX_SHARE of them;
# a pair whose first word is such is still a name part from NAME_SHARE up
MIN_COUNT = 40
MAX_WORDS = 10  # the longest name looked for, plus one
MAX_SHARE = 0.04
NAME_SHARE = 0.15
TERM_MIN = 5  # upper3: a term capitalised inside a sentence this often at least …
TERM_SHARE = 0.3  # … in this share of its uses there at least
_WORD = re.compile(r"[^\W\d_]+")
_SPLIT = re.compile(r"([^\W\d_]+)")
_OPEN = set(".!?:;\"“”(«»…/|[]–-•*+=")


def key(s: str) -> str:
    """Lower-case syllable with its tone moved to the end (``hoà`` = ``hòa``): the linter's own key."""
    return syllable_key(s)


def title(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or not w[1:].isupper())


def lower(w: str) -> bool:
    return w.islower()


def read_lines(path: Path, limit: int | None):
    """The lines of the text, without the files ``tools/build_lm.py`` keeps out (its
    ``held_out``: the 5 % that ``bench/case_eval.py`` measures NL207 on)."""
    keep = True
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.startswith("# "):
                keep = not held_out(line[2:].strip())
            if keep:
                yield unicodedata.normalize("NFC", line.rstrip("\n"))


def count(path: Path, limit: int | None):
    uni_n: Counter = Counter()
    uni_c: Counter = Counter()
    bi_n: Counter = Counter()
    bi_c: Counter = Counter()
    tri_n: Counter = Counter()  # a word after a small-letter word and the two small-letter words after it
    tri_c: Counter = Counter()  # … the first with its capital
    phrase_forms: Counter = Counter()  # exact form of an n-gram starting with a type word
    field_forms: Counter = Counter()  # exact form of the words after an organ type word
    types = {phrase_key(t) for t in TYPES}
    organ1 = {phrase_key(t) for t in ORGAN_TYPES if " " not in t}
    organ2 = {phrase_key(t) for t in ORGAN_TYPES if " " in t}
    organ2_first = {k.split(" ")[0] for k in organ2}
    for line in read_lines(path, limit):
        if not line or line.startswith("# "):
            continue
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) * 2 > len(letters):
            continue  # a line in capitals: no case signal
        parts = _SPLIT.split(line)
        words = parts[1::2]
        seps = parts[0::2]
        keys = [key(w) for w in words]
        n = len(words)
        for i in range(n):
            if not title(words[i]):
                continue
            if i + 1 < n and seps[i + 1] == " " and keys[i] + " " + keys[i + 1] in organ2:
                start = i + 2
            elif keys[i] in organ1:
                start = i + 1
            else:
                continue
            if start >= n or seps[start] != " " or (words[start].isupper() and len(words[start]) > 1):
                continue
            form = [words[start]]
            field_forms[words[start]] += 1
            j = start
            while j + 1 < n and len(form) < MAX_WORDS and seps[j + 1] in (" ", " - ", ", "):
                j += 1
                if words[j].isupper() and len(words[j]) > 1:
                    break
                if title(words[j]) and (keys[j] in organ1 or keys[j] in organ2_first):
                    break  # another organ's name starts: "Bộ Quốc phòng, Bộ Công an"
                if words[j] in _FIELD_STOP_END:
                    break  # the place or level after the name: "… - Kế hoạch huyện"
                form.append(seps[j] + words[j])
                field_forms["".join(form)] += 1
        for i in range(1, n):
            sep = seps[i]
            if sep != " " or not lower(words[i - 1]):
                continue
            w = words[i]
            if w.isupper() and len(w) > 1:
                continue
            k = keys[i]
            cap = title(w)
            uni_n[k] += 1
            if cap:
                uni_c[k] += 1
            if i + 1 < n and seps[i + 1] == " ":
                nxt = words[i + 1]
                if not (nxt.isupper() and len(nxt) > 1):
                    b = k + " " + keys[i + 1]
                    bi_n[b] += 1
                    if cap:
                        bi_c[b] += 1
                    if i + 2 < n and seps[i + 2] == " " and lower(nxt) and lower(words[i + 2]):
                        t = b + " " + keys[i + 2]
                        tri_n[t] += 1
                        if cap:
                            tri_c[t] += 1
            if cap and (k in types or (i + 1 < n and k + " " + keys[i + 1] in types)):
                # a name may start here: its written forms, 2 to 7 words
                j = i
                form = [w]
                while j + 1 < n and len(form) < MAX_WORDS and seps[j + 1] in (" ", " - "):
                    j += 1
                    form.append(seps[j] + words[j])
                    phrase_forms["".join(form)] += 1
    return uni_n, uni_c, bi_n, bi_c, tri_n, tri_c, phrase_forms, field_forms


def phrase_key(form: str) -> str:
    return " ".join(key(w) for w in _WORD.findall(form))


def _by_key(forms: Counter) -> tuple[dict[str, Counter], dict[str, int], dict[str, int]]:
    """The written forms grouped by their key (case and tone placement aside), each key's
    total count, and the count of the commonest key one word longer (its next word)."""
    by_key: dict[str, Counter] = {}
    for form, c in forms.items():
        by_key.setdefault(phrase_key(form), Counter())[form] += c
    totals = {k: sum(fs.values()) for k, fs in by_key.items()}
    longest_next: dict[str, int] = {}
    for k, total in totals.items():
        head, _, _last = k.rpartition(" ")
        if head in totals:
            longest_next[head] = max(longest_next.get(head, 0), total)
    return by_key, totals, longest_next


def mined_names(phrase_forms: Counter) -> dict[str, tuple[str, int]]:
    """Names that start with a type word, written one way in >= 97 % of their uses and
    *closed*: no one next word follows them in half of their uses (``Sở Thông`` is not a
    name: ``tin`` always follows).  A name is dropped when the words it adds to a shorter
    kept name are all in small letters (they add nothing NL207 can judge)."""
    by_key, totals, longest_next = _by_key(phrase_forms)
    out: dict[str, tuple[str, int]] = {}
    for k, forms in by_key.items():
        top, c = sorted(forms.items(), key=lambda fc: (-fc[1], fc[0]))[0]
        words = _WORD.findall(top)
        if len(words) < 2 or len(words) >= MAX_WORDS or words[-1].lower() in _STOP_END:
            continue  # a form of MAX_WORDS words may go on: its end is not known
        head = " ".join(words[:2]).lower()
        if words[0].lower() not in TYPES and head not in TYPES:
            continue
        if c < 60 or c < 0.97 * totals[k] or longest_next.get(k, 0) >= 0.5 * totals[k]:
            continue
        if not any(title(w) for w in words[1:]):
            continue  # only the type word capitalised: nothing to judge
        out[k] = (top, c)
    for k in sorted(out, key=len, reverse=True):
        words = _WORD.findall(out[k][0])
        for cut in range(len(words) - 1, 1, -1):
            shorter = " ".join(k.split(" ")[:cut])
            if shorter in out:
                if not any(title(w) for w in words[cut:]):
                    del out[k]
                break
    return out


_ORGAN1 = {key(t) for t in ORGAN_TYPES if " " not in t}
_ORGAN2 = {" ".join(map(key, t.split())) for t in ORGAN_TYPES if " " in t}


def mined_fields(field_forms: Counter) -> list[list]:
    """The fields of organs' names (see ``fields`` above), ``[form, count, count in small letters]``."""
    by_key, totals, longest_next = _by_key(field_forms)
    out = []
    for k, forms in by_key.items():
        # the share of the commonest way of capitalising (``hóa`` and ``hoá`` are one way)
        cases: Counter = Counter()
        for form, c in forms.items():
            cases[tuple(title(w) for w in _WORD.findall(form))] += c
        case, c = sorted(cases.items(), key=lambda fc: (-fc[1], fc[0]))[0]
        top = sorted((f for f in forms if tuple(title(w) for w in _WORD.findall(f)) == case),
                     key=lambda f: (-forms[f], f))[0]
        words = _WORD.findall(top)
        if len(words) < 2 or len(words) >= MAX_WORDS - 1 or not title(words[0]):
            continue
        if key(words[0]) in _ORGAN1 or " ".join(map(key, words[:2])) in _ORGAN2:
            continue  # another organ's name ("Văn phòng Bộ Công an")
        if ", " in top and " và " not in top.rpartition(", ")[2]:
            continue  # a list of organs, not one field ("Quốc phòng, Bảo hiểm xã hội")
        if words[-1].lower() in _STOP_END or words[-1].lower() in _FIELD_STOP_END:
            continue
        if c < FIELD_MIN or c < FIELD_SHARE * totals[k] or longest_next.get(k, 0) >= 0.5 * totals[k]:
            continue
        keys = [key(w) for w in words]
        last_cap = max(m for m, w in enumerate(words) if title(w))
        if any(totals.get(" ".join(keys[:m + 1]), 0) < (0.5 if m > 1 else 0.25) * totals.get(" ".join(keys[:m]), 0)
               for m in range(last_cap + 1, len(words))):
            continue  # small-letter words the field does not hold to: the sentence going on
        # its uses with every word in small letters after a type word with its capital: a
        # verb and its object there ("Lãnh đạo Bộ tiếp công dân"), not the field
        low = sum(n for f, n in forms.items() if not any(title(w) for w in _WORD.findall(f)))
        out.append([top, c, low])
    # a field that only adds words in small letters to a shorter one is the shorter one
    # and what the sentence goes on with ("Tài chính hướng dẫn"): dropped
    kept = {phrase_key(r[0]) for r in out}
    final = []
    for form, c, low in out:
        words = _WORD.findall(form)
        keys = [key(w) for w in words]
        for cut in range(len(words) - 1, 1, -1):
            if " ".join(keys[:cut]) in kept:
                if not any(title(w) for w in words[cut:]):
                    break
        else:
            if not (len(words) > 2 and " ".join(keys[:1]) in kept and not any(title(w) for w in words[1:])):
                final.append([form, c, low])
    return sorted(final, key=lambda r: (phrase_key(r[0]), r[0]))


def build(path: Path, limit: int | None = None) -> bytes:
    uni_n, uni_c, bi_n, bi_c, tri_n, tri_c, phrase_forms, field_forms = count(path, limit)
    name_words = {key(w) for w in NAME_WORDS}
    low = {k for k, n in uni_n.items() if n >= MIN_COUNT and uni_c[k] <= MAX_SHARE * n}
    lower2 = sorted(
        b for b, n in bi_n.items()
        if n >= MIN_COUNT and bi_c[b] <= MAX_SHARE * n and (b.split(" ")[0] not in low or b.split(" ")[0] in name_words)
    )
    lower2 = sorted({*lower2, *(" ".join(key(w) for w in p.split()) for p in LOWER_PAIRS)})
    upper2 = sorted(
        b for b, n in bi_n.items() if b.split(" ")[0] in low and bi_c[b] >= 3 and bi_c[b] >= NAME_SHARE * n
    )
    judged = set(lower2)
    upper3 = sorted(
        t for t, c in tri_c.items()
        if c >= TERM_MIN and c >= TERM_SHARE * tri_n[t]
        and (t.split(" ")[0] in low or " ".join(t.split(" ")[:2]) in judged)
    )
    names: dict[str, list] = {}
    for k, (form, c) in mined_names(phrase_forms).items():
        names[k] = [form, c, 0]
    for form in CERTAIN:
        k = phrase_key(form)
        names[k] = [form, phrase_forms.get(form, 0), 1]
    blob = {
        "source": SOURCE,
        "licence": LICENCE,
        "built_by": "tools/build_case.py",
        "lines": limit,
        "names": sorted(names.values(), key=lambda r: (phrase_key(r[0]), r[0])),
        "fields": mined_fields(field_forms),
        "lower": sorted(low),
        "lower2": lower2,
        "upper2": upper2,
        "upper3": upper3,
    }
    text = json.dumps(blob, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace('],["', '],\n["').replace('","', '",\n"')  # one entry a line: readable diffs
    return (text + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", nargs="?", default=str(DEFAULT_TEXT))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--lines", type=int, default=None)
    args = ap.parse_args(argv)
    path = Path(args.text)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    data = build(path, args.lines)
    Path(args.out).write_bytes(data)
    print(f"{args.out}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
