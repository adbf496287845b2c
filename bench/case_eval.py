"""Evaluate NL207 (capitalisation) on the text kept out of its data.

    python bench/case_eval.py                      # 100,000 words, seed 17
    python bench/case_eval.py --words 200000 --out /tmp/nl-case-eval

The held-out 5 % of ``../shared/corpus/lm/phapdien.txt.xz`` (the files
``tools/build_lm.py``'s ``held_out`` chooses; ``tools/build_case.py`` leaves the
same files out of ``rules/data/case.json``) is sampled line by line as
``bench/lm_eval.py`` does, and a second copy gets capitalisation errors of the
kinds Phụ lục II of NĐ 30 names, at most one a line (seeded, so a rerun makes
the same errors):

``organ``
    a capitalised word of an organ's name after its type word lowered
    (``Sở Tài chính`` → ``Sở tài chính``, ``Trung tâm Y tế`` → ``Trung tâm y tế``);
``organ-type``
    the type word itself lowered inside a sentence (``của Bộ Tài chính`` → ``của bộ Tài chính``);
``party``
    a Party body's capital lowered (``Ban Thường vụ`` → ``Ban thường vụ``,
    ``Tỉnh ủy`` → ``tỉnh ủy``, ``Ban Bí thư`` → ``Ban bí thư``);
``common-listed``
    a common word of Phụ lục II's examples capitalised inside a sentence
    (``theo quy định`` → ``theo Quy định``, ``các``, ``đơn vị``, ``nhiệm vụ``, ``cán bộ`` …);
``common-any``
    any other small-letter word inside a sentence capitalised;
``citation``
    ``khoản``/``điểm`` capitalised, ``Điều``/``Chương``/``Mục`` lowered;
``month``
    ``tháng 10`` → ``Tháng 10``;
``unit``
    an administrative unit noun before its name capitalised (``xã Tân Lập`` → ``Xã Tân Lập``).

Each kind is chosen only where the clean line has the correct form inside a
sentence (after a small-letter word), so the injected form is an error.  Both
copies are written as ``.txt`` documents of ``--per-doc`` lines under ``--out``
(beside ``injected.tsv``: file line, column, kind, original and injected word)
and linted in process with NL207 alone.

Reported: NL207 findings per 10,000 words of the clean text (every one listed
in ``clean-findings.txt``, to be read: a source's own mistake or a false
alarm?); on the injected text, per kind, recall (``fixed``: a finding whose fix
puts back the original letter at the place; ``flagged``: a finding over the
place) and the share of injections on lines the rule reads as prose (the rest,
table rows, headings in capitals, signature lines, are out of its reach by
design); and precision: findings at an injected place / all findings of the
injected text.  The findings of the injected text that are not at a place are
listed in ``other-findings.txt``, the injected errors not fixed in ``missed.txt``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from lm_eval import default_source, held_lines, sample, words_in, write_docs  # noqa: E402

from notice_lint.runner import Linter, Options  # noqa: E402
from notice_lint_rules.language import NL207  # noqa: E402
from notice_lint_rules.language._case_text import Line, is_title  # noqa: E402

_ARTEFACT = re.compile(r"(?P<heading>Điều \d+(?:\.\d+)*\.[A-ZĐ]+\.[\d.]+ )|(?P<table>[\dA-Z]{1,3}(?:\.\d+)+ [A-ZĐ])")
KINDS = ["organ", "organ-type", "party", "common-listed", "common-any", "citation", "month", "unit"]

# the words for a type of organ, one or two words (as written in a name)
_TYPES1 = {"Sở", "Bộ", "Phòng", "Ban", "Cục", "Vụ", "Viện", "Hội", "Đoàn", "Quỹ", "Thanh", "Kho"}
_TYPES2 = {("Trung", "tâm"), ("Chi", "cục"), ("Tổng", "cục"), ("Văn", "phòng"), ("Ủy", "ban"), ("Hội", "đồng"),
           ("Học", "viện"), ("Liên", "đoàn"), ("Ngân", "hàng"), ("Tòa", "án"), ("Mặt", "trận")}
# in a name these are not a field word: a place, a level, a function word
_NAME_STOP = {
    "tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "của", "tại", "theo", "về", "để", "cho", "với",
    "trong", "các", "được", "có", "là", "đã", "sẽ", "thì", "khi", "do", "từ", "đến", "này", "đó", "trên",
    "Việt", "Nam", "Hà", "Nội", "Hồ", "Chí", "Minh", "Trung", "ương",
}
_SEPS = {" ", " - "}  # not ", ": a list of organs is not one name
_TITLE1 = {"Chánh", "Phó", "Trưởng", "Giám", "Chủ", "Thủ", "Cục", "Chi", "Trung", "Văn", "Ủy", "Tổng"}
_PARTY_UY = {"Huyện", "Tỉnh", "Thành", "Đảng", "Quận", "Thị", "Xã"}
_COMMON = {
    ("quy", "định"), ("đơn", "vị"), ("nhiệm", "vụ"), ("cán", "bộ"), ("công", "chức"), ("viên", "chức"),
    ("thực", "hiện"), ("kết", "quả"), ("đoàn", "viên"), ("hội", "viên"), ("trách", "nhiệm"), ("kinh", "phí"),
}
_COMMON1 = {"các", "những"}
_CITE_UP = {"khoản": r"\d", "điểm": r"[a-zđ]\b"}
_CITE_DOWN = {"Điều": r"\d", "Chương": r"[IVXLC]+\b", "Mục": r"\d"}
_UNITS = {"xã", "phường", "huyện", "tỉnh", "quận"}
_UNIT2 = {("thị", "xã"), ("thị", "trấn"), ("thành", "phố")}


def _after_lower(words: list[str], seps: list[str], i: int) -> bool:
    """Inside a sentence: right after a small-letter word, across one space."""
    return i > 0 and seps[i] == " " and words[i - 1].islower()


def sites(line: str) -> dict[str, list[tuple[int, str]]]:
    """The places of ``line`` where each kind of error can be made: ``(offset, new letter)``."""
    toks = Line(line, 0, len(line))
    words, seps = toks.words, toks.seps
    n = len(words)
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)

    def at(i: int) -> int:
        return toks[i].start

    def flip(i: int) -> str:
        c = words[i][0]
        return c.lower() if c.isupper() else c.upper()

    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < n else ""
        joined = i + 1 < n and seps[i + 1] == " "
        # organs: the type word, then the words of the field
        start = None
        if w in _TYPES1:
            start = i + 1
        elif joined and (w, nxt) in _TYPES2:
            start = i + 2
        if start is not None and start < n and seps[start] == " " and is_title(words[start]) \
                and words[start] not in _NAME_STOP:
            if _after_lower(words, seps, i):
                out["organ-type"].append((at(i), flip(i)))
            j = start
            while j < n and j < start + 8 and (j == start or seps[j] in _SEPS):
                u = words[j]
                if u in _NAME_STOP or u.lower() in _NAME_STOP or (u.isupper() and len(u) > 1) \
                        or (j > start and (u in _TYPES1 or u in _TITLE1)):
                    break  # a place, a function word, another organ or a title: the name ended
                if is_title(u) and u not in _PARTY_UY:
                    out["organ"].append((at(j), flip(j)))
                j += 1
        # Party bodies
        if w == "Ban" and joined and nxt in ("Thường", "Bí") and i + 2 < n and words[i + 2] in ("vụ", "thư"):
            out["party"].append((at(i + 1), flip(i + 1)))
        if w in _PARTY_UY and joined and nxt in ("ủy", "uỷ") and i > 0 and seps[i] == " " and not words[i - 1].isupper():
            out["party"].append((at(i), flip(i)))
        if w == "Thường" and joined and nxt == "trực" and i + 2 < n and is_title(words[i + 2]) \
                and _after_lower(words, seps, i):
            out["party"].append((at(i), flip(i)))
        if w == "tháng" and i and words[i - 1].islower() and toks[i].mid and re.match(r" \d", line[toks[i].end:]):
            out["month"].append((at(i), flip(i)))  # "ngày 05 tháng 3", "trong tháng 10"
            continue
        if not _after_lower(words, seps, i) or not w.islower():
            if w in _CITE_DOWN and _after_lower(words, seps, i) and re.match(" " + _CITE_DOWN[w], line[toks[i].end:]):
                out["citation"].append((at(i), flip(i)))
            continue
        # small-letter words inside a sentence
        if w in _CITE_UP and re.match(" " + _CITE_UP[w], line[toks[i].end:]):
            out["citation"].append((at(i), flip(i)))
        elif (w in _UNITS and joined and is_title(nxt) and nxt not in ("Hồ",)) or \
                ((w, nxt) in _UNIT2 and i + 2 < n and seps[i + 2] == " " and is_title(words[i + 2])
                 and words[i + 2] != "Hồ"):
            out["unit"].append((at(i), flip(i)))
        elif (joined and (w, nxt) in _COMMON) or w in _COMMON1:
            out["common-listed"].append((at(i), flip(i)))
        elif joined and nxt.islower() and len(w) > 1 and w not in _CITE_UP and w not in _UNITS and w != "tháng":
            out["common-any"].append((at(i), flip(i)))
    return out


def inject(lines: list[str], rng: random.Random, share: float):
    """The lines with at most one error each (a kind drawn evenly among those the line
    allows), and the list ``(line, offset, kind, original word, injected word)``."""
    out, made = [], []
    for n, line in enumerate(lines):
        places = sites(line)
        rare = any(places.get(k) for k in KINDS if not k.startswith("common"))
        if rng.random() >= (min(1.0, 2 * share) if rare else share):
            out.append(line)
            continue
        # the kinds of Phụ lục II's names and citations are rarer in the text than common
        # words: when the line allows one, one of them is made
        kinds = [k for k in KINDS if places.get(k) and not k.startswith("common")] \
            or [k for k in KINDS if places.get(k)]
        if not kinds:
            out.append(line)
            continue
        kind = rng.choice(kinds)
        pos, letter = rng.choice(places[kind])
        end = pos
        while end < len(line) and line[end].isalpha():
            end += 1
        bad = line[:pos] + letter + line[pos + 1:]
        out.append(bad)
        made.append((n, pos, kind, line[pos:end], bad[pos:end]))
    return out, made


def lint(docs: list[tuple[Path, int]]):
    """NL207 findings as ``{sample line: [(start, end, edits, message)]}`` and the sample
    lines the rule reads as prose."""
    prose: set[int] = set()
    base = {"first": 0}
    check = NL207.Capitalization.check

    def spy(self, notice, ctx):
        for seg in [*notice.summary, *notice.subject, *notice.addressee, *notice.body]:
            prose.add(base["first"] + seg.index // 2)
        if notice.recipients is not None:
            for seg in notice.recipients.items:
                prose.add(base["first"] + seg.index // 2)
        return check(self, notice, ctx)

    NL207.Capitalization.check = spy
    try:
        linter = Linter(Options(select=["NL207"], profile="nd30"))
        found: dict[int, list] = defaultdict(list)
        for path, first in docs:
            base["first"] = first
            res = linter.lint_file(str(path))
            if res.error is not None:
                raise SystemExit(f"{path}: {res.error}")
            for f in res.findings:
                line = first + (f.line - 1) // 2  # one sample line every other line of the file
                edits = [(e.start, e.replacement) for e in f.fix.edits] if f.fix else []
                found[line].append((f.start, f.end, edits, f.message_en))
    finally:
        NL207.Capitalization.check = check
    return found, prose


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=default_source())
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/nl-case-eval"))
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--share", type=float, default=0.3, help="share of lines given an error")
    ap.add_argument("--per-doc", type=int, default=30, help="lines per document")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"case_eval: no source text at {args.source}", file=sys.stderr)
        return 2
    lines = sample(held_lines(args.source), args.words)
    n_words = words_in(lines)
    bad_lines, made = inject(lines, random.Random(args.seed), args.share)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "injected.tsv", "w", encoding="utf-8") as fh:
        fh.write("line\tstart\tkind\toriginal\tinjected\n")
        for row in made:
            fh.write("\t".join(map(str, row)) + "\n")
    t0 = time.process_time()
    clean, _ = lint(write_docs(lines, args.out / "clean", args.per_doc))
    t1 = time.process_time()
    dirty, prose = lint(write_docs(bad_lines, args.out / "injected", args.per_doc))
    n_clean = sum(len(v) for v in clean.values())
    # lines the codification joins that a document keeps apart: an article's heading run
    # into its first sentence ("Điều 3.2.TT.9.2. Dịch vụ … Dịch vụ …"), a table row
    # flattened into one line ("2.12 Đơn vị tính Nhập đơn vị tính …")
    joined = Counter(_ARTEFACT.match(lines[k]).lastgroup for k in clean if _ARTEFACT.match(lines[k])
                     for _ in clean[k])
    prose_words = words_in([x for x in lines if not _ARTEFACT.match(x)])
    n_prose = n_clean - sum(joined.values())
    with open(args.out / "clean-findings.txt", "w", encoding="utf-8") as fh:
        for line in sorted(clean):
            for start, end, _e, msg in clean[line]:
                text = lines[line]
                fh.write(f"{line}:{start}\t{msg}\t…{text[max(0, start - 50):end + 30]}…\n")
    per, fixed, flagged, reach = Counter(), Counter(), Counter(), Counter()
    at_place: set[tuple[int, int]] = set()  # (line, index of the finding in the line)
    missed: list[str] = []
    for line, pos, kind, orig, bad in made:
        per[kind] += 1
        if line in prose:
            reach[kind] += 1
        got = dirty.get(line, [])
        over = [k for k, (start, end, edits, _m) in enumerate(got)
                if start <= pos < max(end, start + 1) or any(s == pos for s, _r in edits)]
        at_place.update((line, k) for k in over)
        if over:
            flagged[kind] += 1
        if any((s, r) == (pos, orig[0]) for _s, _e, edits, _m in got for s, r in edits):
            fixed[kind] += 1
        else:
            missed.append(f"{kind}\t{line}:{pos}\t{orig} → {bad}\t…{bad_lines[line][max(0, pos - 50):pos + 40]}…\n")
    n_dirty = sum(len(v) for v in dirty.values())
    with open(args.out / "other-findings.txt", "w", encoding="utf-8") as fh:
        for line in sorted(dirty):
            for k, (start, end, _e, msg) in enumerate(dirty[line]):
                if (line, k) not in at_place:
                    fh.write(f"{line}:{start}\t{msg}\t…{bad_lines[line][max(0, start - 50):end + 30]}…\n")
    (args.out / "missed.txt").write_text("".join(sorted(missed)), encoding="utf-8")
    total = sum(per.values())
    print(f"held-out sample: {len(lines)} lines, {n_words} words, seed {args.seed}; "
          f"{total} errors injected (list: {args.out}/injected.tsv)")
    print(f"clean text: {n_clean} NL207 findings = {n_clean / n_words * 10000:.2f} per 10,000 words "
          f"(listed in {args.out}/clean-findings.txt); lint CPU time {t1 - t0:.1f} s")
    print(f"  of which on article headings run into their text {joined['heading']}, on flattened table rows "
          f"{joined['table']}; the other lines: {n_prose} = {n_prose / max(prose_words, 1) * 10000:.2f} "
          f"per 10,000 of their {prose_words} words")
    print(f"injected text: {n_dirty} NL207 findings, {len(at_place)} at an injected place: "
          f"precision {len(at_place) / max(n_dirty, 1):.3f}")
    print("kind            errors  in-prose  fixed  recall  flagged  recall-in-prose")
    for kind in KINDS:
        if per[kind]:
            print(f"{kind:15} {per[kind]:6} {reach[kind]:9} {fixed[kind]:6} {fixed[kind] / per[kind]:7.3f} "
                  f"{flagged[kind] / per[kind]:8.3f} {fixed[kind] / max(reach[kind], 1):16.3f}")
    print(f"{'all':15} {total:6} {sum(reach.values()):9} {sum(fixed.values()):6} "
          f"{sum(fixed.values()) / max(total, 1):7.3f} {sum(flagged.values()) / max(total, 1):8.3f} "
          f"{sum(fixed.values()) / max(sum(reach.values()), 1):16.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
