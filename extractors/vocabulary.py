"""Names defined once: the document types of a dossier (CONTRACT.md ``documents[].type``)."""

from __future__ import annotations

from enum import StrEnum


class DocType(StrEnum):
    TO_TRINH = "to_trinh"
    BIEN_BAN_KIEM_PHIEU = "bien_ban_kiem_phieu"
    BAO_CAO = "bao_cao"
    PHIEU_TU_DANH_GIA = "phieu_tu_danh_gia"
    KHAC = "khac"


REQUIRED_DOC_TYPES: tuple[DocType, ...] = (
    DocType.TO_TRINH,
    DocType.BIEN_BAN_KIEM_PHIEU,
    DocType.BAO_CAO,
    DocType.PHIEU_TU_DANH_GIA,
)

DOC_TYPE_NAMES_VI: dict[DocType, str] = {
    DocType.TO_TRINH: "Tờ trình đề nghị công nhận",
    DocType.BIEN_BAN_KIEM_PHIEU: "Biên bản kiểm phiếu",
    DocType.BAO_CAO: "Báo cáo kết quả thực hiện",
    DocType.PHIEU_TU_DANH_GIA: "Phiếu tự đánh giá",
    DocType.KHAC: "Tài liệu khác",
}


# Field names, defined once. Pattern rules may only emit these; validators and profiles may only
# name these (a typo fails with "did you mean"). Value types: int, float, str, date (ISO string),
# or a dict for the structured criteria readings. The first group are the per-document ``fields``
# of result.json; the others feed the contract's ``figures`` (same names where the contract has one).
FIELDS: dict[str, str] = {
    # -- document fields (every document type) --
    "unit_name": "str: the unit the document is about, e.g. 'Chi bộ Phòng Tư pháp'",
    "unit_kind": "str: 'chi_bo' or 'dang_bo_co_so'",
    "parent_name": "str: the superior body in the header, e.g. 'Đảng bộ Cơ quan Chính quyền huyện'",
    "year": "int: the year assessed ('năm 2024' in the subject line)",
    "doc_number": "str: 'Số 05-TTr/CB' → '05-TTr/CB'",
    "doc_date": "date: the date line, ISO 'YYYY-MM-DD'",
    "place": "str: place in the date line",
    "recipient": "str: 'Kính gửi: …'",
    "signer": "str: the name under the signature",
    "signer_title": "str: 'Bí thư', 'Phó Bí thư', 'Trưởng ban kiểm phiếu' …",
    "legacy_rating_label": "str: a pre-2018 rating phrase found ('trong sạch, vững mạnh' …)",
    # -- members and the vote (to_trinh, bien_ban_kiem_phieu) --
    "members_total": "int: tổng số đảng viên",
    "members_official": "int: đảng viên chính thức",
    "members_probationary": "int: đảng viên dự bị",
    "members_excused": "int: miễn sinh hoạt / miễn công tác",
    "members_present": "int: có mặt",
    "members_absent": "int: vắng mặt",
    "committee_members": "int: số đảng ủy viên / cấp ủy viên (the voters of a đảng bộ cơ sở)",
    "voters_eligible": "int: stated number entitled to vote",
    "ballots_issued": "int: phiếu phát ra",
    "ballots_returned": "int: phiếu thu về / thu vào",
    "ballots_valid": "int: phiếu hợp lệ",
    "ballots_invalid": "int: phiếu không hợp lệ",
    "votes_for": "int: tán thành / đồng ý",
    "votes_against": "int: không tán thành / không đồng ý",
    "votes_for_pct": "float: stated percentage in favour",
    "votes_against_pct": "float: stated percentage against",
    "votes_for_pct_base": "str: the figure a stated percentage in favour is of ('so với tổng số …')",
    "votes_against_pct_base": "str: the figure a stated percentage against is of",
    # -- member ratings (bao_cao, to_trinh) --
    "members_rated": "int: số đảng viên được đánh giá, xếp loại",
    "rating_xuat_sac": "int: hoàn thành xuất sắc nhiệm vụ",
    "rating_tot": "int: hoàn thành tốt nhiệm vụ",
    "rating_hoan_thanh": "int: hoàn thành nhiệm vụ",
    "rating_khong_hoan_thanh": "int: không hoàn thành nhiệm vụ",
    "rating_xuat_sac_pct": "float: stated share of members at 'hoàn thành xuất sắc nhiệm vụ' (%)",
    "rating_tot_pct": "float: stated share at 'hoàn thành tốt nhiệm vụ' (%)",
    "rating_hoan_thanh_pct": "float: stated share at 'hoàn thành nhiệm vụ' (%)",
    # -- activity in the year (bao_cao) --
    "regular_meetings": "int: sinh hoạt thường kỳ",
    "thematic_meetings": "int: sinh hoạt chuyên đề",
    "attendance_pct": "float: average attendance %",
    "disciplined_members": "int: members disciplined in the year (0 when 'không có đảng viên bị kỷ luật')",
    "disciplined_organisations": "int: party organisations disciplined in the year",
    "new_members": "int: kết nạp đảng viên mới",
    # -- subordinate cells of a đảng bộ cơ sở (bao_cao, to_trinh) --
    "subordinates_total": "int: số chi bộ trực thuộc",
    "subordinates_xuat_sac": "int: chi bộ hoàn thành xuất sắc nhiệm vụ",
    "subordinates_tot": "int: chi bộ hoàn thành tốt nhiệm vụ",
    "subordinates_hoan_thanh": "int: chi bộ hoàn thành nhiệm vụ",
    "subordinates_khong_hoan_thanh": "int: chi bộ không hoàn thành nhiệm vụ",
    "subordinates_at_least_hoan_thanh": "int: stated 'hoàn thành nhiệm vụ trở lên'",
    "subordinates_at_least_tot": "int: stated 'hoàn thành tốt nhiệm vụ trở lên'",
    "subordinates_registered_bon_tot": "int: chi bộ đăng ký 'bốn tốt'",
    "subordinates_bon_tot": "int: chi bộ đạt 'bốn tốt'",
    # -- the self-assessment (phieu_tu_danh_gia) --
    "criterion": "dict {index: 1-4, max: float|None, score: float|None, passed: bool|None}: one criterion row",
    "criterion_item": "dict {criterion: 1-4, item: '1.1', max: float|None, score: float|None, passed: bool|None}",
    "criteria_total": "dict {max: float|None, score: float|None}: the total row",
}
