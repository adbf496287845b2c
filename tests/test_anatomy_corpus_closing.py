"""The closing of every corpus document, as the anatomy must read it.

For each of the 30 documents of ``../shared/corpus``: the ``Nơi nhận`` block
(found or not, how many items, the archive item) and the signature block
(authority prefix line, title lines, signer's name, e-signature stamp lines),
as a reader sees them in the document.  Skips when ``../shared`` is absent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from notice_lint import anatomy
from notice_lint.anatomy.closing import item_groups
from notice_lint.document import read_document

KT_GD = ("KT. GIÁM ĐỐC", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
TL_CT = ("TL. CHỦ TỊCH", ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])
TM_BTV = ("T/M BAN THƯỜNG VỤ", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"])
THUAN = "Hoàng Văn Thuân"

# file: (items, archive item, (prefix line, title lines), name, stamp lines) — None: the part is absent
EXPECTED = {
    "skhcn-2020-monthly.txt": (3, "- Lưu: VT, VP.", ("TL. GIÁM ĐỐC", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
                               "Nguyễn Thái Bình", 0),
    "tinhuy-binhthuan-2017-party.txt": (7, "- Lưu Văn phòng Tỉnh ủy.",
                                        ("K/T CHÁNH VĂN PHÒNG", ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
                                        "Nguyễn Minh", 0),
    "ubnd-quangngai-2024.txt": (7, "- Lưu: VT, KGVX.thiên95", TL_CT, "Phùng Tô Long", 0),
    "skhcn-quangtri-2023-draft.md": (3, "- Lưu: VT, VP.", ("TL.GIÁM ĐỐC", ["TL.GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
                                     "Trần Thị Nhung", 0),
    "skhcn-vinhlong-2018.md": (5, "- Lưu VT, QLKHNCNS.", KT_GD, "Nguyễn Thanh Phong", 0),
    "real/bc-sct-laocai-ccn-gui-bct.docx": (5, "- Lưu: VT, CN(Trung).", KT_GD, "Nguyễn Đình Chiến", 0),
    "real/bc-vpubnd-laocai-ccn.docx": (None, None, None, None, 0),
    "real/cv-danguy-conghai-100-2025.txt": (2, "- Lưu VPĐU.", TM_BTV, "Vũ Thị Thuỳ Trang", 2),
    "real/cv-phongqlcn-laocai-noibo-kcn.docx": (3, "- Lưu: CN (Trung).", (None, ["PHÓ TRƯỞNG PHÒNG"]),
                                                "Trần Trọng Trang", 0),
    "real/cv-sct-laocai-2245-tb-kiemtra.docx": (3, "- Lưu: VT, CN(M.Cường).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-3059-tb-kiemtra-sinquyen.docx": (3, "- Lưu: VT, CN(M.Cường).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-3915-tb-huanluyen.docx": (3, "- Lưu: VT, CN(Linh).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-chamdut-thamdinh-sinquyen.docx": (4, "- Lưu: VT, CN(Dũng).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-duyhieu-khongcap.docx": (3, "- Lưu: VT, BP1C, CN(M.Cường).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-mongson-kho-nfd.docx": (3, "- Lưu: VT, CN(Dũng).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-tb-kiemtra-hoachat-taybac.docx": (3, "- Lưu: VT, CN(M. Cường).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-tuchoi-thamdinh-phucloc.docx": (5, "-  Lưu: VT, QLCN(Dũng).", KT_GD, THUAN, 0),
    "real/cv-sct-laocai-yenthanh-panm-nfd.docx": (3, "- Lưu: VT, CN(Linh).", KT_GD, THUAN, 0),
    "real/cv-ubnd-laocai-didoi-ccn.docx": (4, "- Lưu: VT, KT (T.Q.Hùng).",
                                           ("KT. CHỦ TỊCH", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]), "Ngô Hạnh Phúc", 0),
    "real/cv-ubnd-laocai-tl-baocao-kcn.docx": (5, "- Lưu: VT, KT(Hùng).", TL_CT, "Hoàng Ngọc Bích", 0),
    "real/gm-ubnd-laocai-hop-ccn.docx": (6, "- Lưu: VT, KT(T.Q.Hùng), HCQT (Mến).", TL_CT, "Hoàng Ngọc Bích", 0),
    "real/kh-sct-laocai-2242-kiemtra-gcn.docx": (2, "- Lưu: VT, CN(M.Cường.", KT_GD, THUAN, 0),
    "real/kh-sct-laocai-dean08-cn-xanh.docx": (6, "- Lưu: VT, CN(Trung).", KT_GD, "Trịnh Văn Thành", 0),
    "real/qd-sct-laocai-doan-kiemtra-hoachat.docx": (3, "- Lưu: VT, CN(Loan).", (None, ["GIÁM ĐỐC"]),
                                                     "Hoàng Chí Hiền", 0),
    "real/tb-sct-laocai-1894-kqkt-vlncn.docx": (5, "- Lưu: VT, CN(M.Cường).", KT_GD, THUAN, 0),
    "real/tb-sct-laocai-kho-vlncn-namcang.docx": (4, "- Lưu: VT, CN(Dũng).", KT_GD, THUAN, 0),
    "real/tbkl-danguy-conghai-20-2025.txt": (5, "- Lưu VPĐU.", TM_BTV, "Vũ Thị Thuỳ Trang", 2),
    "real/tbkl-danguy-conghai-30-2025.txt": (5, "- Lưu VPĐU.", TM_BTV, "Vũ Thị Thuỳ Trang", 2),
    "real/tbkl-vpubnd-laocai-ccn-2026.docx": (10, "- Lưu: VT, TH.", (None, ["CHÁNH VĂN PHÒNG"]), "Lê Trí Hà", 0),
    "real/ttr-sct-laocai-tienchat-thuocno.docx": (4, "- Lưu: VT, CN(TĐKhôi).", (None, ["GIÁM ĐỐC"]),
                                                  "Hoàng Chí Hiền", 0),
}


def test_every_corpus_document_is_listed(corpus) -> None:
    found = {
        p.relative_to(corpus).as_posix()
        for p in corpus.rglob("*")
        if p.suffix in (".txt", ".md", ".docx") and not p.stem.isupper()  # SOURCES.md describes the corpus
    }
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_closing_of_corpus_document(corpus, name: str) -> None:
    n_items, archive, signature, signer, n_stamp = EXPECTED[name]
    notice = anatomy.parse(read_document(corpus / name), None, today=dt.date(2026, 11, 23))
    # Nơi nhận
    if n_items is None:
        assert notice.recipients is None
    else:
        assert notice.recipients is not None
        assert notice.recipients.label.text.strip().startswith("Nơi nhận")
        groups = item_groups(notice)
        assert len(notice.recipients.items) == len(groups) == n_items
        assert " ".join(s.text.strip() for s in groups[-1]) == archive
    # signature
    if signature is None:
        assert notice.signature is None
        return
    prefix, titles = signature
    sig = notice.signature
    assert sig is not None
    assert (sig.prefix.text.strip() if sig.prefix else None) == prefix
    assert [t.text.strip() for t in sig.titles] == titles
    assert sig.name is not None and sig.name.text.strip() == signer
    assert len(sig.stamp) == n_stamp
    # the stamp and the name are no body text
    body = {(s.index, s.start) for s in notice.body}
    assert (sig.name.index, sig.name.start) not in body
