"""Shared reading of the signature block for NL150–NL153."""

from __future__ import annotations

from notice_lint.anatomy.closing import Prefix, parse_prefix
from notice_lint.anatomy.model import Notice, Segment
from notice_lint.vntext import fold

__all__ = ["STATE_PREFIXES", "PARTY_PREFIXES", "TO_PARTY", "TO_STATE", "prefixed_titles", "is_deputy",
           "looks_like_notice", "head_title"]

STATE_PREFIXES = ("TM", "KT", "TL", "TUQ", "Q")
PARTY_PREFIXES = ("T/M", "K/T", "T/L", "Q")
TO_PARTY = {"TM": "T/M", "KT": "K/T", "TL": "T/L", "Q": "Q."}
TO_STATE = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "Q": "Q."}


#: parse_prefix per distinct title line (titles recur from notice to notice; a Prefix is never changed)
_PREFIXES: dict[str, Prefix | None] = {}


def prefixed_titles(notice: Notice) -> list[tuple[int, Segment, Prefix]]:
    """(position in the titles, title segment, its prefix) for each title line with an authority prefix
    (read once per notice for NL150–NL153: do not change the list)."""
    found = notice.derived.get("_signature.prefixed")
    if found is None:
        found = []
        sig = notice.signature
        if sig is not None:
            seen = _PREFIXES
            for i, seg in enumerate(sig.titles):
                text = seg.text
                if text in seen:
                    p = seen[text]
                else:
                    if len(seen) >= 2048:
                        seen.clear()
                    p = seen[text] = parse_prefix(text)
                if p is not None:
                    found.append((i, seg, p))
        notice.derived["_signature.prefixed"] = found
    return found


#: what a Party collective (cấp uỷ, its standing committee, a chi bộ, the inspection committee) is called
COLLECTIVE = (
    "bi thu", "pho bi thu", "ban thuong vu", "ban chap hanh", "thuong truc", "tinh uy", "thanh uy", "huyen uy",
    "quan uy", "thi uy", "dang uy", "chi bo", "uy ban kiem tra", "bo chinh tri", "ban bi thu",
)


def head_title(seg: Segment, p: Prefix) -> str:
    """The title after the prefix: ``KT. GIÁM ĐỐC`` → ``GIÁM ĐỐC``."""
    return seg.text[p.rest_start:].strip()


def is_deputy(title: str) -> bool:
    return fold(title.strip()).startswith("pho ")


def looks_like_notice(notice: Notice) -> bool:
    """A document with a header: missing closing parts can be judged."""
    return any(x is not None for x in (notice.national, notice.party_header, notice.number, notice.title)) or bool(
        notice.organ
    )


def closing_anchor(notice: Notice):
    """The paragraph where a missing closing part belongs: the signature's first line, else the
    last body paragraph before an appendix (``Phụ lục …``), else the last body paragraph."""
    import re

    if notice.signature is not None and notice.signature.titles:
        return notice.signature.titles[0].paragraph
    if notice.recipients is not None:
        return notice.recipients.label.paragraph
    body = notice.body
    if not body:
        return None
    appendix = re.compile(r"^\s*(Phụ lục|PHỤ LỤC)\b")
    for k, seg in enumerate(body):
        if k > 0 and appendix.match(seg.text) and len(seg.text.split()) <= 12:
            return body[k - 1].paragraph
    return body[-1].paragraph


#: kinds signed by the parties in their own names and sent without a Nơi nhận list:
#: minutes, contracts, agreements, memoranda, letters of authority or introduction, leave slips, slips
OWN_NAME_KINDS = frozenset({"BB", "HĐ", "BGN", "BTT", "GUQ", "GGT", "GNP", "PG", "PC", "PB"})


def state_kind(notice: Notice) -> str | None:
    """The state abbreviation of the document's kind (``TB``, ``BB``…), whatever the profile."""
    entry = notice.kind_entry
    if entry:
        return entry.get("state") or notice.kind
    return notice.kind


def closing_profile(notice: Notice) -> str | None:
    """``"nd30"`` or ``"party"``: the profile the closing is judged by, or None when unknown.

    When the header gave the profile (detected, or set by the user), that is it.
    When it was only assumed (a text export without its header), the closing
    itself tells: state prefixes (``TL.``, ``KT.``) and ``Lưu: VT`` against
    Party prefixes (``T/M``, ``K/T``) and ``Lưu <unit>``.  With no such sign,
    the forms that differ between the profiles are not judged.
    """
    import re

    if notice.profile_source != "assumed":
        return "party" if notice.is_party else "nd30"
    state = party = 0
    for _, _, p in prefixed_titles(notice):
        if p.party:
            party += 1
        elif p.canonical != "Q":
            state += 1
    rec = notice.recipients
    if rec is not None and rec.items:
        last = rec.items[-1].text.strip().lstrip("-–—+•* ").strip()
        if re.match(r"^L[ưu]u\s*:", last) or re.search(r"\bVT\b", last):
            state += 1
        elif re.match(r"^L[ưu]u\s+\S", last):
            party += 1
    if state > party:
        return "nd30"
    if party > state:
        return "party"
    return None
