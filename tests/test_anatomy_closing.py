"""The anatomy of the closing on small texts: layouts of the signature and Nơi nhận blocks."""

from __future__ import annotations

from notice_lint import anatomy
from notice_lint.anatomy.closing import item_groups, parse_prefix
from notice_lint.document.text import read_text

HEAD = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18/TB-SKHCN\n"
    "THÔNG BÁO\nKết luận của Giám đốc Sở\nCác phòng triển khai thực hiện./.\n"
)


def parse(text: str):
    return anatomy.parse(read_text("case.txt", text.encode("utf-8"), markdown=False))


def titles(notice) -> list[str]:
    return [t.text.strip() for t in notice.signature.titles]


def test_prefix_forms() -> None:
    assert parse_prefix("TL.GIÁM ĐỐC").canonical == "TL"
    assert parse_prefix("KT GIÁM ĐỐC").canonical == "KT"
    assert parse_prefix("T/M BAN THƯỜNG VỤ").canonical == "T/M"
    assert parse_prefix("Q. CHÁNH VĂN PHÒNG").canonical == "Q"
    assert parse_prefix("QUYẾT ĐỊNH") is None
    assert parse_prefix("TỔ CÔNG TÁC") is None
    assert parse_prefix("TLGIÁM ĐỐC") is None


def test_label_merged_with_the_first_title() -> None:
    n = parse(HEAD + "Nơi nhận:  TL. CHỦ TỊCH\n- Các sở, ngành;\n- Lưu: VT, KGVX.\n"
              "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n(Đã ký)\nPhùng Văn Long\n")
    assert n.recipients.label.text == "Nơi nhận:"
    assert titles(n) == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    assert n.signature.prefix.text == "TL. CHỦ TỊCH"
    assert n.signature.name.text == "Phùng Văn Long"
    assert len(n.recipients.items) == 2


def test_wrapped_items_and_stamp() -> None:
    n = parse(HEAD + "Nơi nhận:\n- Văn phòng Tỉnh ủy và các cơ quan chuyên trách\ntham mưu, giúp việc,\n"
              "- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Thị Thu Trang\nĐẢNG UỶ XÃ CÔNG HẢI\n"
              "16-10-2025 13:46:25 +07:00\n")
    groups = item_groups(n)
    assert [len(g) for g in groups] == [2, 1]
    assert n.signature.name.text == "Vũ Thị Thu Trang"
    assert [s.text for s in n.signature.stamp] == ["ĐẢNG UỶ XÃ CÔNG HẢI", "16-10-2025 13:46:25 +07:00"]
    assert all(n.role_of(s) != "body" for s in n.signature.stamp)


def test_signed_copy_name_after_da_ky() -> None:
    n = parse(HEAD + "Nơi nhận:\n- Lưu: VT, VP.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐã ký: Nguyễn Thanh Phong\n")
    assert n.signature.name.text == "Nguyễn Thanh Phong"


def test_signature_above_the_list() -> None:
    n = parse(HEAD + "GIÁM ĐỐC\nNguyễn Văn An\nNơi nhận:\n- Lưu: VT, VP.\n")
    assert titles(n) == ["GIÁM ĐỐC"]
    assert n.signature.name.text == "Nguyễn Văn An"


def test_no_closing_in_a_fragment() -> None:
    n = parse("Các phòng triển khai thực hiện.\nNơi nhận hồ sơ: Bộ phận một cửa của Sở.\n")
    assert n.recipients is None and n.signature is None


def test_two_columns_split_by_the_text_reader() -> None:
    n = parse(HEAD + "Nơi nhận:                                KT. GIÁM ĐỐC\n"
              "- Như trên;                              PHÓ GIÁM ĐỐC\n"
              "- Các phòng, đơn vị thuộc Sở;\n"
              "- Lưu: VT, VP.\n"
              "                                         Nguyễn Văn An\n")
    assert [s.text.strip() for s in n.recipients.items] == ["- Như trên;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."]
    assert titles(n) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert n.signature.name.text.strip() == "Nguyễn Văn An"
