"""The unseen corpus: its units, members and faults (the truth), and which wording family writes each file.

Every random choice comes from ``random.Random(f"unseen:{case}")``; the corpus has no seed option on
purpose: it is frozen (``hashes.json``), and a different corpus would be a different measurement.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from samples.truth import CONTENT_WARNINGS, ERROR_CODES, Criterion, DocSpec, Dossier, Subordinates

from .families import family_round
from .families import split_of as family_split

REQUIRED = ("to_trinh", "bien_ban_kiem_phieu", "bao_cao", "phieu_tu_danh_gia")
# Round 1: the four families first open to rule writers (the u* dossiers, the metamorphic tests' bases)
# and the twelve first held out (the h* dossiers). All sixteen have since been read (issue 21), so
# families.yaml now marks every round-1 family dev; these names only say which dossier uses which family.
DEV = ("TTR-2", "BBK-2", "BCA-1", "PTD-3")
HELDOUT = (
    ("TTR-1", "TTR-3", "TTR-4"),
    ("BBK-1", "BBK-3", "BBK-4"),
    ("BCA-2", "BCA-3", "BCA-4"),
    ("PTD-1", "PTD-2", "PTD-4"),
)
# Warnings a clean dossier must not raise either: a false figure mismatch or a misread "old label".
EXTRA_FORBIDDEN = ["FIGURE_MISMATCH", "LEGACY_RATING_LABEL"]

CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ Trường Mầm non Hoa Sen", "Đảng bộ xã Hòa Khánh", "Ban Thường vụ Đảng ủy xã Hòa Khánh", "Hòa Khánh"),
    ("Chi bộ thôn Đông Hạ", "Đảng bộ xã Quảng Phú", "Đảng ủy xã Quảng Phú", "Quảng Phú"),
    (
        "Chi bộ Phòng Giáo dục và Đào tạo",
        "Đảng bộ Cơ quan Chính quyền huyện Thạnh Hóa",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Thạnh Hóa",
        "Thạnh Hóa",
    ),
    ("Chi bộ Khu phố Trung Lương", "Đảng bộ phường Bình Đức", "Ban Thường vụ Đảng ủy phường Bình Đức", "Mỹ Tho"),
    (
        "Chi bộ Bưu điện huyện Bến Lức",
        "Đảng bộ Khối Doanh nghiệp huyện Bến Lức",
        "Ban Thường vụ Đảng ủy Khối Doanh nghiệp huyện",
        "Bến Lức",
    ),
    ("Chi bộ Quân sự xã Tân Hòa", "Đảng bộ xã Tân Hòa", "Đảng ủy xã Tân Hòa", "Tân Hòa"),
    ("Chi bộ Tổ dân phố số 7", "Đảng bộ phường Quyết Thắng", "Ban Thường vụ Đảng ủy phường Quyết Thắng", "Sơn La"),
    (
        "Chi bộ Trung tâm Văn hóa - Thể thao huyện",
        "Đảng bộ Cơ quan Chính quyền huyện Mường La",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Mường La",
        "Mường La",
    ),
    ("Chi bộ Hợp tác xã Nông nghiệp Thành Công", "Đảng bộ xã Lương Hòa", "Đảng ủy xã Lương Hòa", "Lương Hòa"),
    ("Chi bộ bản Huổi Một", "Đảng bộ xã Nậm Lầu", "Ban Thường vụ Đảng ủy xã Nậm Lầu", "Nậm Lầu"),
    ("Chi bộ Trạm Y tế phường Hòa Minh", "Đảng bộ phường Hòa Minh", "Đảng ủy phường Hòa Minh", "Đà Nẵng"),
    ("Chi bộ ấp Long Thạnh", "Đảng bộ xã Long Hòa", "Ban Thường vụ Đảng ủy xã Long Hòa", "Long Hòa"),
    (
        "Chi bộ Văn phòng Ủy ban nhân dân huyện",
        "Đảng bộ Cơ quan Chính quyền huyện Thủ Thừa",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Thủ Thừa",
        "Thủ Thừa",
    ),
    (
        "Chi bộ Trường Trung học cơ sở Nguyễn Du",
        "Đảng bộ thị trấn Hậu Nghĩa",
        "Ban Thường vụ Đảng ủy thị trấn Hậu Nghĩa",
        "Hậu Nghĩa",
    ),
]  # fmt: skip
COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Hòa Bình", "ĐẢNG ỦY XÃ HÒA BÌNH", "Đảng bộ huyện Thạnh Hóa", "Ban Thường vụ Huyện ủy Thạnh Hóa", "Hòa Bình"),
    (
        "Đảng bộ phường Chiềng Sinh",
        "ĐẢNG ỦY PHƯỜNG CHIỀNG SINH",
        "Đảng bộ thành phố Sơn La",
        "Ban Thường vụ Thành ủy Sơn La",
        "Sơn La",
    ),
    (
        "Đảng bộ Bệnh viện Đa khoa huyện Bến Lức",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN BẾN LỨC",
        "Đảng bộ huyện Bến Lức",
        "Ban Thường vụ Huyện ủy Bến Lức",
        "Bến Lức",
    ),
    ("Đảng bộ xã Mường Bon", "ĐẢNG ỦY XÃ MƯỜNG BON", "Đảng bộ huyện Mai Sơn", "Ban Thường vụ Huyện ủy Mai Sơn", "Mường Bon"),
    (
        "Đảng bộ thị trấn Thủ Thừa",
        "ĐẢNG ỦY THỊ TRẤN THỦ THỪA",
        "Đảng bộ huyện Thủ Thừa",
        "Ban Thường vụ Huyện ủy Thủ Thừa",
        "Thủ Thừa",
    ),
]  # fmt: skip
NAMES = [
    "Nguyễn Thị Thanh Hương", "Trần Quốc Việt", "Lê Thị Diễm", "Phạm Văn Cường", "Hoàng Thị Lụa", "Vũ Đình Khải",
    "Đinh Thị Hạnh", "Tạ Văn Quang", "Mai Xuân Trường", "Quàng Văn Chiến", "Lường Thị Ương", "Nguyễn Hữu Lộc",
    "Kiều Thị Phương", "Thái Văn Bình", "Trịnh Thị Oanh", "Lưu Minh Khoa",
]  # fmt: skip
CRITERIA = [
    ("Lãnh đạo hoàn thành tốt nhiệm vụ chính trị", [
        "Cụ thể hóa và triển khai kịp thời chủ trương, nghị quyết của cấp trên",
        "Hoàn thành các chỉ tiêu, nhiệm vụ chính trị được giao trong năm",
        "Chính quyền, đoàn thể được xếp loại hoàn thành tốt nhiệm vụ trở lên",
    ]),
    ("Chất lượng sinh hoạt tốt", [
        "Chuẩn bị nội dung, họp chi ủy trước mỗi kỳ sinh hoạt",
        "Sinh hoạt định kỳ hằng tháng và chuyên đề ít nhất mỗi quý một lần",
        "Đảng viên dự sinh hoạt trên 85%, thời gian sinh hoạt đúng quy định",
    ]),
    ("Đoàn kết, kỷ luật tốt", [
        "Thực hiện nghiêm quy chế làm việc, giữ gìn đoàn kết nội bộ",
        "Thực hiện nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
        "Không có tổ chức đảng, đảng viên bị xử lý kỷ luật",
    ]),
    ("Cán bộ, đảng viên tốt", [
        "Giữ gìn phẩm chất chính trị, đạo đức, lối sống",
        "Thực hiện tốt chức trách, nhiệm vụ; gương mẫu nơi cư trú",
        "Làm tốt công tác phát triển đảng viên",
    ]),
]  # fmt: skip
SPLITS = {25: [8, 9, 8], 30: [10, 12, 8], 20: [6, 8, 6]}
FRAMEWORKS = ([25, 25, 25, 25], [30, 25, 20, 25], [25, 30, 25, 20])
FILE_NAMES = {
    "to_trinh": ["TTr de nghi 4 tot", "Tờ trình công nhận bốn tốt", "1-To trinh", "TO TRINH"],
    "bien_ban_kiem_phieu": ["Biên bản kiểm phiếu biểu quyết", "2. BB kiem phieu", "BBKP", "bien ban KP"],
    "bao_cao": ["Báo cáo thực hiện mô hình", "3.Bao cao KQ", "BC 4 tot", "bao cao tong ket"],
    "phieu_tu_danh_gia": ["Phiếu tự đánh giá tiêu chí", "4. Phieu tu cham", "PDG", "phieu cham diem"],
}


@dataclass
class Entry:
    """One dossier of the corpus: who, in which media and families, and its fault (None: clean)."""

    case: str
    description: str
    kind: str
    media: list[str]
    families: tuple[str, str, str, str]
    fault: str | None = None
    excused: int = 0
    invalid: int = 0
    extra: dict = field(default_factory=dict)
    # Later rounds: a fixed place number (file numbering; rounds appended before this one do not shift it)
    # and the dossier's own unit (the unit row as in CELLS / COMMITTEES).
    index: int | None = None
    unit: tuple[str, ...] | None = None


def _entries() -> list[Entry]:
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    dev = [
        Entry("u01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), DEV),
        Entry("u02_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), DEV),
        Entry("u03_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), DEV),
        Entry("u04_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), DEV),
        Entry(
            "u05_chi_bo_mien_sinh_hoat",
            "Chi bộ đạt, 01 đảng viên miễn sinh hoạt (không biểu quyết)",
            "chi_bo",
            ["docx", "pdf_text", "docx", "pdf_text"],
            DEV,
            excused=1,
        ),
        Entry("u06_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("pdf_text"), DEV, "criterion"),
        Entry(
            "u07_so_dang_vien_khac",
            "Tờ trình ghi số đảng viên khác",
            "chi_bo",
            m4("docx"),
            DEV,
            "count_to_trinh",
        ),
        Entry("u08_bieu_quyet_mot_nua", "Tán thành đúng một nửa", "chi_bo", m4("docx"), DEV, "vote"),
        Entry(
            "u09_thieu_chuyen_de_anh",
            "Chỉ 03 cuộc chuyên đề, ảnh chụp",
            "chi_bo",
            m4("photo"),
            DEV,
            "thematic",
        ),
    ]
    held = [
        ("h10_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("h11_chi_bo_dat_docx_2", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("h12_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("h13_chi_bo_dat_pdf_2", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("h14_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("h15_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("h16_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("h17_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("h18_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("h19_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + quét + PDF", "chi_bo", ["docx", "scan", "pdf_text", "docx"], None, {}),
        ("h20_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("h21_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("pdf_text"), None, {"invalid": 1}),
        ("h22_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, PDF + Word + quét", "dang_bo_co_so", ["pdf_text", "docx", "scan", "pdf_text"], None, {}),
        ("h23_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("docx"), "khtnv", {}),
        ("h24_tot_duoi_80", "Dưới 80% đảng viên hoàn thành tốt trở lên", "chi_bo", m4("pdf_text"), "under80", {}),
        ("h25_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("docx"), "quorum", {}),
        ("h26_co_ky_luat", "01 đảng viên bị kỷ luật khiển trách", "chi_bo", m4("pdf_text"), "discipline", {}),
        ("h27_thieu_thuong_ky_scan", "Chỉ 11 cuộc sinh hoạt thường kỳ, bản quét", "chi_bo", m4("scan"), "regular", {}),
        ("h28_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("docx"), "attendance", {}),
        ("h29_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("pdf_text"), "subordinate", {}),
        ("h30_so_dang_vien_khac_bb", "Biên bản ghi số đảng viên chính thức khác", "chi_bo", m4("pdf_text"), "count_bien_ban", {}),
        ("h31_dang_bo_so_dang_vien_khac", "Đảng bộ: báo cáo ghi số đảng viên khác", "dang_bo_co_so", m4("docx"), "count_bao_cao", {}),
        ("h32_phieu_khong_khop_scan", "Tán thành + không tán thành ≠ hợp lệ, bản quét", "chi_bo", m4("scan"), "ballots", {}),
        ("h33_diem_khong_cong_dung", "Điểm tiêu chí 1 khác tổng các nội dung", "chi_bo", m4("pdf_text"), "score_sum", {}),
        ("h34_thieu_phieu", "Thiếu phiếu tự đánh giá", "chi_bo", m4("docx"), "missing", {}),
        ("h35_nam_khac", "Phiếu tự đánh giá ghi năm trước", "chi_bo", ["docx", "docx", "pdf_text", "pdf_text"], "year", {}),
        ("h36_nop_muon", "Tờ trình tháng 01 năm sau", "chi_bo", m4("docx"), "late", {}),
        ("h37_xep_loai_cu_2017", "Hồ sơ năm 2017, xếp loại “đủ tư cách …”", "chi_bo", m4("docx"), "legacy", {}),
        ("h38_bieu_quyet_anh", "Tán thành không quá nửa, ảnh chụp", "chi_bo", m4("photo"), "vote", {}),
    ]  # fmt: skip
    out = list(dev)
    for i, (case, desc, kind, media, fault, extra) in enumerate(held):
        fams = (
            HELDOUT[0][i % 3],
            HELDOUT[1][(i // 3) % 3],
            HELDOUT[2][(i + i // 3) % 3],
            HELDOUT[3][(i + 2 * (i // 3)) % 3],
        )
        out.append(Entry(case, desc, kind, media, fams, fault, **extra))
    return out


ROUND2 = (
    ("TTR-5", "TTR-6", "TTR-7"),
    ("BBK-5", "BBK-6", "BBK-7"),
    ("BCA-5", "BCA-6", "BCA-7"),
    ("PTD-5", "PTD-6", "PTD-7"),
)


def _round2() -> list[Entry]:
    """Round 2 (cases ``r2_*``): twelve new families, three per document type (families/r2_*.py); about half
    the dossiers clean, the others with one fault each; a third need OCR."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    cases = [
        ("r2_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r2_02_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r2_03_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r2_04_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r2_05_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r2_06_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r2_07_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r2_08_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + PDF + quét", "chi_bo", ["docx", "pdf_text", "scan", "docx"], None, {}),
        ("r2_09_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("r2_10_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("pdf_text"), None, {"invalid": 1}),
        ("r2_11_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, PDF + Word", "dang_bo_co_so", ["pdf_text", "docx", "docx", "pdf_text"], None, {}),
        ("r2_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm dưới 95%", "chi_bo", m4("docx"), "criterion", {}),
        ("r2_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("pdf_text"), "khtnv", {}),
        ("r2_14_tot_duoi_80_scan", "Dưới 80% đảng viên hoàn thành tốt trở lên, bản quét", "chi_bo", m4("scan"), "under80", {}),
        ("r2_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("docx"), "quorum", {}),
        ("r2_16_dang_bo_co_ky_luat", "Đảng bộ: 01 đảng viên bị kỷ luật", "dang_bo_co_so", m4("pdf_text"), "discipline", {}),
        ("r2_17_thieu_thuong_ky", "Chỉ 11 cuộc sinh hoạt thường kỳ", "chi_bo", m4("pdf_text"), "regular", {}),
        ("r2_18_thieu_chuyen_de_anh", "Chỉ 03 cuộc chuyên đề, ảnh chụp", "chi_bo", m4("photo"), "thematic", {}),
        ("r2_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("docx"), "attendance", {}),
        ("r2_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("docx"), "subordinate", {}),
        ("r2_21_so_dang_vien_khac_tt", "Tờ trình ghi số đảng viên chính thức khác", "chi_bo", m4("pdf_text"), "count_to_trinh", {}),
        ("r2_22_phieu_khong_khop_scan", "Tán thành + không tán thành ≠ hợp lệ, bản quét", "chi_bo", m4("scan"), "ballots", {}),
        ("r2_23_diem_khong_cong_dung", "Điểm tiêu chí 1 khác tổng các nội dung, Word + PDF", "chi_bo", ["docx", "docx", "pdf_text", "pdf_text"], "score_sum", {}),
        ("r2_24_bieu_quyet_anh", "Tán thành không quá nửa, ảnh chụp", "chi_bo", m4("photo"), "vote", {}),
    ]  # fmt: skip
    out = []
    for i, (case, desc, kind, media, fault, extra) in enumerate(cases):
        fams = (
            ROUND2[0][i % 3],
            ROUND2[1][(i // 3) % 3],
            ROUND2[2][(i + i // 3) % 3],
            ROUND2[3][(i + 2 * (i // 3)) % 3],
        )
        out.append(Entry(case, desc, kind, media, fams, fault, **extra))
    return out


R3_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ Trường Tiểu học Lê Văn Tám", "Đảng bộ Phường 3", "Ban Thường vụ Đảng ủy Phường 3", "Tân An"),
    ("Chi bộ ấp Bình Hòa", "Đảng bộ xã Tân Trạch", "Đảng ủy xã Tân Trạch", "Tân Trạch"),
    (
        "Chi bộ Phòng Tài chính - Kế hoạch",
        "Đảng bộ Cơ quan Chính quyền huyện Cần Đước",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Cần Đước",
        "Cần Đước",
    ),
    ("Chi bộ Công an xã Phước Vân", "Đảng bộ xã Phước Vân", "Đảng ủy xã Phước Vân", "Phước Vân"),
    ("Chi bộ thôn Yên Thái", "Đảng bộ xã Đông Sơn", "Ban Thường vụ Đảng ủy xã Đông Sơn", "Đông Sơn"),
    ("Chi bộ Ban Quản lý chợ Long Xuyên", "Đảng bộ phường Mỹ Long", "Đảng ủy phường Mỹ Long", "Long Xuyên"),
    ("Chi bộ bản Nà Sản", "Đảng bộ xã Chiềng Mung", "Đảng ủy xã Chiềng Mung", "Chiềng Mung"),
    (
        "Chi bộ Khoa Khám bệnh",
        "Đảng bộ Trung tâm Y tế huyện Cần Giuộc",
        "Ban Thường vụ Đảng ủy Trung tâm Y tế huyện Cần Giuộc",
        "Cần Giuộc",
    ),
    ("Chi bộ Khu phố 5", "Đảng bộ thị trấn Đức Hòa", "Ban Thường vụ Đảng ủy thị trấn Đức Hòa", "Đức Hòa"),
    (
        "Chi bộ Điện lực huyện Châu Thành",
        "Đảng bộ Khối Doanh nghiệp tỉnh Tiền Giang",
        "Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh",
        "Châu Thành",
    ),
]  # fmt: skip
R3_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Phước Vân", "ĐẢNG ỦY XÃ PHƯỚC VÂN", "Đảng bộ huyện Cần Đước", "Ban Thường vụ Huyện ủy Cần Đước", "Phước Vân"),
    ("Đảng bộ phường Tô Hiệu", "ĐẢNG ỦY PHƯỜNG TÔ HIỆU", "Đảng bộ thành phố Sơn La", "Ban Thường vụ Thành ủy Sơn La", "Sơn La"),
    (
        "Đảng bộ Công ty Cổ phần Cấp nước Long An",
        "ĐẢNG ỦY CÔNG TY CỔ PHẦN CẤP NƯỚC LONG AN",
        "Đảng bộ Khối Doanh nghiệp tỉnh Long An",
        "Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh Long An",
        "Tân An",
    ),
    ("Đảng bộ xã Mỹ Lệ", "ĐẢNG ỦY XÃ MỸ LỆ", "Đảng bộ huyện Cần Đước", "Ban Thường vụ Huyện ủy Cần Đước", "Mỹ Lệ"),
    ("Đảng bộ thị trấn Ít Ong", "ĐẢNG ỦY THỊ TRẤN ÍT ONG", "Đảng bộ huyện Mường La", "Ban Thường vụ Huyện ủy Mường La", "Ít Ong"),
]  # fmt: skip


def _round3() -> list[Entry]:
    """Round 3 (cases ``r3_*``): twelve held-out families, three per document type (families/r3_*.py),
    written from the guidance texts without reading extractors/ or validators/."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r3_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r3_02_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r3_03_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r3_04_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r3_05_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r3_06_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r3_07_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + quét + PDF + ảnh", "chi_bo", ["docx", "scan", "pdf_text", "photo"], None, {}),
        ("r3_08_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("r3_09_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("pdf_text"), None, {"invalid": 1}),
        ("r3_10_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r3_11_chi_bo_dat_hon_hop_2", "Chi bộ đạt, PDF + Word + quét", "chi_bo", ["pdf_text", "docx", "docx", "scan"], None, {}),
        ("r3_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("pdf_text"), "criterion", {}),
        ("r3_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("docx"), "khtnv", {}),
        ("r3_14_bieu_quyet_mot_nua_scan", "Tán thành đúng một nửa, bản quét", "chi_bo", m4("scan"), "vote", {}),
        ("r3_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("pdf_text"), "quorum", {}),
        ("r3_16_co_ky_luat", "01 đồng chí bị kỷ luật khiển trách", "chi_bo", m4("docx"), "discipline", {}),
        ("r3_17_thieu_thuong_ky_anh", "Chỉ 11/12 kỳ sinh hoạt thường kỳ, ảnh chụp", "chi_bo", m4("photo"), "regular", {}),
        ("r3_18_thieu_chuyen_de_hon_hop", "Chỉ 03 cuộc chuyên đề, Word + PDF + quét", "chi_bo", ["docx", "pdf_text", "scan", "docx"], "thematic", {}),
        ("r3_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("pdf_text"), "attendance", {}),
        ("r3_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("docx"), "subordinate", {}),
        ("r3_21_dang_bo_to_trinh_khac", "Đảng bộ: tờ trình ghi số đảng viên khác", "dang_bo_co_so", m4("pdf_text"), "count_to_trinh", {}),
        ("r3_22_phieu_khong_khop", "Tán thành + không tán thành ≠ hợp lệ", "chi_bo", m4("docx"), "ballots", {}),
        ("r3_23_diem_khong_cong_dung_scan", "Điểm tiêu chí 1 khác tổng các nội dung, bản quét", "chi_bo", m4("scan"), "score_sum", {}),
        ("r3_24_dang_bo_nam_khac", "Đảng bộ: phiếu tự đánh giá ghi năm trước", "dang_bo_co_so", ["docx", "docx", "pdf_text", "pdf_text"], "year", {}),
    ]  # fmt: skip
    fams = (("TTR-8", "TTR-9", "TTR-10"), ("BBK-8", "BBK-9", "BBK-10"), ("BCA-8", "BCA-9", "BCA-10"), ("PTD-8", "PTD-9", "PTD-10"))  # fmt: skip
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R3_CELLS[cells % len(R3_CELLS)], cells + 1
        else:
            unit, committees = R3_COMMITTEES[committees % len(R3_COMMITTEES)], committees + 1
        families = (
            fams[0][i % 3],
            fams[1][(i // 3) % 3],
            fams[2][(i + i // 3) % 3],
            fams[3][(i + 2 * (i // 3)) % 3],
        )
        out.append(Entry(case, desc, kind, media, families, fault, index=300 + i, unit=unit, **extra))
    return out


R4_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ Trường Tiểu học Kim Đồng", "Đảng bộ xã Điện Phước", "Ban Thường vụ Đảng ủy xã Điện Phước", "Điện Phước"),
    ("Chi bộ thôn Phú Hậu", "Đảng bộ xã Nghi Phong", "Đảng ủy xã Nghi Phong", "Nghi Phong"),
    (
        "Chi bộ Phòng Nội vụ",
        "Đảng bộ Cơ quan Chính quyền huyện Giồng Trôm",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Giồng Trôm",
        "Giồng Trôm",
    ),
    ("Chi bộ Khu dân cư số 4", "Đảng bộ phường Tiền Phong", "Ban Thường vụ Đảng ủy phường Tiền Phong", "Thái Bình"),
    (
        "Chi bộ Trạm Khuyến nông huyện Đức Trọng",
        "Đảng bộ Cơ quan Chính quyền huyện Đức Trọng",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Đức Trọng",
        "Đức Trọng",
    ),
    ("Chi bộ xóm Đồng Tâm", "Đảng bộ xã Quỳnh Lập", "Đảng ủy xã Quỳnh Lập", "Quỳnh Lập"),
    ("Chi bộ Ban Chỉ huy Quân sự xã Bình Minh", "Đảng bộ xã Bình Minh", "Đảng ủy xã Bình Minh", "Bình Minh"),
    (
        "Chi bộ Trường Trung học phổ thông Phan Châu Trinh",
        "Đảng bộ phường An Mỹ",
        "Ban Thường vụ Đảng ủy phường An Mỹ",
        "Tam Kỳ",
    ),
    ("Chi bộ Tổ dân phố Hòa Bình", "Đảng bộ thị trấn Liên Nghĩa", "Đảng ủy thị trấn Liên Nghĩa", "Liên Nghĩa"),
    (
        "Chi bộ Phòng giao dịch Ngân hàng Chính sách xã hội huyện Hưng Hà",
        "Đảng bộ Khối các cơ quan huyện Hưng Hà",
        "Ban Thường vụ Đảng ủy Khối các cơ quan huyện Hưng Hà",
        "Hưng Hà",
    ),
]  # fmt: skip
R4_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Điện Phước", "ĐẢNG ỦY XÃ ĐIỆN PHƯỚC", "Đảng bộ thị xã Điện Bàn", "Ban Thường vụ Thị ủy Điện Bàn", "Điện Phước"),
    (
        "Đảng bộ phường Tiền Phong",
        "ĐẢNG ỦY PHƯỜNG TIỀN PHONG",
        "Đảng bộ thành phố Thái Bình",
        "Ban Thường vụ Thành ủy Thái Bình",
        "Thái Bình",
    ),
    (
        "Đảng bộ Bệnh viện Đa khoa huyện Quỳnh Lưu",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN QUỲNH LƯU",
        "Đảng bộ huyện Quỳnh Lưu",
        "Ban Thường vụ Huyện ủy Quỳnh Lưu",
        "Quỳnh Lưu",
    ),
    ("Đảng bộ xã Châu Hòa", "ĐẢNG ỦY XÃ CHÂU HÒA", "Đảng bộ huyện Giồng Trôm", "Ban Thường vụ Huyện ủy Giồng Trôm", "Châu Hòa"),
    (
        "Đảng bộ thị trấn Liên Nghĩa",
        "ĐẢNG ỦY THỊ TRẤN LIÊN NGHĨA",
        "Đảng bộ huyện Đức Trọng",
        "Ban Thường vụ Huyện ủy Đức Trọng",
        "Liên Nghĩa",
    ),
]  # fmt: skip


def _round4() -> list[Entry]:
    """Round 4 (cases ``r4_*``): twelve held-out families, three per document type (families/r4_*.py),
    written from the guidance texts without reading extractors/, validators/ or earlier rounds' misses."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r4_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r4_02_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r4_03_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r4_04_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r4_05_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r4_06_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r4_07_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("pdf_text"), None, {"excused": 1}),
        ("r4_08_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r4_09_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("docx"), None, {"invalid": 1}),
        ("r4_10_chi_bo_dat_hon_hop", "Chi bộ đạt, quét + Word + PDF", "chi_bo", ["scan", "docx", "pdf_text", "docx"], None, {}),
        ("r4_11_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, Word + PDF + quét", "dang_bo_co_so", ["docx", "pdf_text", "pdf_text", "scan"], None, {}),
        ("r4_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("docx"), "criterion", {}),
        ("r4_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("pdf_text"), "khtnv", {}),
        ("r4_14_bieu_quyet_mot_nua", "Tán thành đúng một nửa", "chi_bo", m4("docx"), "vote", {}),
        ("r4_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("pdf_text"), "quorum", {}),
        ("r4_16_dang_bo_co_ky_luat", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách", "dang_bo_co_so", m4("docx"), "discipline", {}),
        ("r4_17_thieu_thuong_ky_scan", "Chỉ 11 kỳ sinh hoạt thường kỳ, bản quét", "chi_bo", m4("scan"), "regular", {}),
        ("r4_18_thieu_chuyen_de_anh", "Chỉ 03 kỳ chuyên đề, ảnh chụp", "chi_bo", m4("photo"), "thematic", {}),
        ("r4_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("docx"), "attendance", {}),
        ("r4_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("pdf_text"), "subordinate", {}),
        ("r4_21_so_dang_vien_khac_bb", "Biên bản ghi số đảng viên chính thức khác", "chi_bo", m4("docx"), "count_bien_ban", {}),
        ("r4_22_phieu_khong_khop", "Tán thành + không tán thành ≠ hợp lệ", "chi_bo", m4("pdf_text"), "ballots", {}),
        ("r4_23_diem_khong_cong_dung_hon_hop", "Điểm tiêu chí 1 khác tổng các nội dung, Word + PDF + quét", "chi_bo", ["docx", "docx", "pdf_text", "scan"], "score_sum", {}),
        ("r4_24_nam_khac", "Phiếu tự đánh giá ghi năm trước", "chi_bo", ["docx", "pdf_text", "pdf_text", "pdf_text"], "year", {}),
    ]  # fmt: skip
    fams = (("TTR-11", "TTR-12", "TTR-13"), ("BBK-11", "BBK-12", "BBK-13"), ("BCA-11", "BCA-12", "BCA-13"), ("PTD-11", "PTD-12", "PTD-13"))  # fmt: skip
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R4_CELLS[cells % len(R4_CELLS)], cells + 1
        else:
            unit, committees = R4_COMMITTEES[committees % len(R4_COMMITTEES)], committees + 1
        families = (
            fams[0][i % 3],
            fams[1][(i // 3) % 3],
            fams[2][(i + i // 3) % 3],
            fams[3][(i + 2 * (i // 3)) % 3],
        )
        out.append(Entry(case, desc, kind, media, families, fault, index=400 + i, unit=unit, **extra))
    return out


R5_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ Trường Mầm non Sơn Ca", "Đảng bộ xã Tân Lập", "Ban Thường vụ Đảng ủy xã Tân Lập", "Tân Lập"),
    ("Chi bộ ấp Bình Thạnh 2", "Đảng bộ xã Mỹ Lệ", "Đảng ủy xã Mỹ Lệ", "Mỹ Lệ"),
    (
        "Chi bộ Phòng Lao động - Thương binh và Xã hội",
        "Đảng bộ Cơ quan Chính quyền huyện Châu Thành",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Châu Thành",
        "Châu Thành",
    ),
    ("Chi bộ Khu phố 3", "Đảng bộ phường Phú Thủy", "Ban Thường vụ Đảng ủy phường Phú Thủy", "Phan Thiết"),
    (
        "Chi bộ Trung tâm Y tế huyện Tánh Linh",
        "Đảng bộ Khối các cơ quan huyện Tánh Linh",
        "Ban Thường vụ Đảng ủy Khối các cơ quan huyện Tánh Linh",
        "Tánh Linh",
    ),
    ("Chi bộ thôn Yên Thổ", "Đảng bộ xã Hưng Đạo", "Đảng ủy xã Hưng Đạo", "Hưng Đạo"),
    ("Chi bộ Công an xã Đức Hòa Hạ", "Đảng bộ xã Đức Hòa Hạ", "Đảng ủy xã Đức Hòa Hạ", "Đức Hòa Hạ"),
    (
        "Chi bộ Trường Tiểu học Nguyễn Văn Trỗi",
        "Đảng bộ thị trấn Đông Thành",
        "Ban Thường vụ Đảng ủy thị trấn Đông Thành",
        "Đông Thành",
    ),
    ("Chi bộ bản Nà Lốc", "Đảng bộ xã Chiềng Hặc", "Ban Thường vụ Đảng ủy xã Chiềng Hặc", "Chiềng Hặc"),
    (
        "Chi bộ Chi cục Thuế khu vực Bắc Bình - Tuy Phong",
        "Đảng bộ Khối các cơ quan huyện Bắc Bình",
        "Ban Thường vụ Đảng ủy Khối các cơ quan huyện Bắc Bình",
        "Bắc Bình",
    ),
]  # fmt: skip
R5_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Tân Lập", "ĐẢNG ỦY XÃ TÂN LẬP", "Đảng bộ huyện Mộc Châu", "Ban Thường vụ Huyện ủy Mộc Châu", "Tân Lập"),
    (
        "Đảng bộ phường Phú Thủy",
        "ĐẢNG ỦY PHƯỜNG PHÚ THỦY",
        "Đảng bộ thành phố Phan Thiết",
        "Ban Thường vụ Thành ủy Phan Thiết",
        "Phan Thiết",
    ),
    (
        "Đảng bộ Trường Cao đẳng Cộng đồng Đồng Tháp",
        "ĐẢNG ỦY TRƯỜNG CAO ĐẲNG CỘNG ĐỒNG ĐỒNG THÁP",
        "Đảng bộ Khối các cơ quan tỉnh Đồng Tháp",
        "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh",
        "Cao Lãnh",
    ),
    ("Đảng bộ xã Phước Lâm", "ĐẢNG ỦY XÃ PHƯỚC LÂM", "Đảng bộ huyện Cần Giuộc", "Ban Thường vụ Huyện ủy Cần Giuộc", "Phước Lâm"),
    (
        "Đảng bộ thị trấn Đông Thành",
        "ĐẢNG ỦY THỊ TRẤN ĐÔNG THÀNH",
        "Đảng bộ huyện Bình Minh",
        "Ban Thường vụ Huyện ủy Bình Minh",
        "Đông Thành",
    ),
]  # fmt: skip


def _round5() -> list[Entry]:
    """Round 5 (cases ``r5_*``): twelve held-out families, three per document type (families/r5_*.py), that
    vary layout (borderless layout tables, annexes, a table continued on the next page, checkboxes, name
    lists, three-level items), written from the guidance texts without reading extractors/, validators/ or
    earlier rounds' misses."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r5_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r5_02_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r5_03_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r5_04_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r5_05_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r5_06_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("r5_07_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r5_08_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r5_09_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("pdf_text"), None, {"invalid": 1}),
        ("r5_10_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + quét + PDF", "chi_bo", ["docx", "scan", "pdf_text", "docx"], None, {}),
        ("r5_11_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, PDF + Word + ảnh", "dang_bo_co_so", ["pdf_text", "docx", "photo", "pdf_text"], None, {}),
        ("r5_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("pdf_text"), "criterion", {}),
        ("r5_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("docx"), "khtnv", {}),
        ("r5_14_tot_duoi_80", "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên", "chi_bo", m4("pdf_text"), "under80", {}),
        ("r5_15_khong_du_so_luong_scan", "Đảng viên chính thức có mặt dưới 2/3, bản quét", "chi_bo", m4("scan"), "quorum", {}),
        ("r5_16_dang_bo_co_ky_luat", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách", "dang_bo_co_so", m4("pdf_text"), "discipline", {}),
        ("r5_17_thieu_thuong_ky", "Chỉ 11 kỳ sinh hoạt thường kỳ", "chi_bo", m4("docx"), "regular", {}),
        ("r5_18_thieu_chuyen_de_anh", "Chỉ 03 kỳ chuyên đề, ảnh chụp", "chi_bo", m4("photo"), "thematic", {}),
        ("r5_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("pdf_text"), "attendance", {}),
        ("r5_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("docx"), "subordinate", {}),
        ("r5_21_so_dang_vien_khac_tt", "Tờ trình ghi số đảng viên chính thức khác", "chi_bo", m4("pdf_text"), "count_to_trinh", {}),
        ("r5_22_phieu_khong_khop_hon_hop", "Tán thành + không tán thành ≠ hợp lệ, Word + quét + PDF", "chi_bo", ["docx", "scan", "docx", "pdf_text"], "ballots", {}),
        ("r5_23_diem_khong_cong_dung", "Điểm tiêu chí 1 khác tổng các nội dung", "chi_bo", m4("docx"), "score_sum", {}),
        ("r5_24_bieu_quyet_mot_nua_anh", "Tán thành đúng một nửa, ảnh chụp", "chi_bo", m4("photo"), "vote", {}),
    ]  # fmt: skip
    fams = (("TTR-14", "TTR-15", "TTR-16"), ("BBK-14", "BBK-15", "BBK-16"), ("BCA-14", "BCA-15", "BCA-16"), ("PTD-14", "PTD-15", "PTD-16"))  # fmt: skip
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R5_CELLS[cells % len(R5_CELLS)], cells + 1
        else:
            unit, committees = R5_COMMITTEES[committees % len(R5_COMMITTEES)], committees + 1
        families = (
            fams[0][(i + 1) % 3],
            fams[1][(i + i // 3) % 3],
            fams[2][(i // 3 + 2 * i) % 3],
            fams[3][(2 * i + i // 3 + 1) % 3],
        )
        out.append(Entry(case, desc, kind, media, families, fault, index=500 + i, unit=unit, **extra))
    return out


R6_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ Trường Mầm non Hoa Ban", "Đảng bộ xã Cẩm Thịnh", "Ban Thường vụ Đảng ủy xã Cẩm Thịnh", "Cẩm Thịnh"),
    ("Chi bộ thôn Bản Giới", "Đảng bộ xã Tri Phương", "Đảng ủy xã Tri Phương", "Tri Phương"),
    (
        "Chi bộ Phòng Tài chính - Kế hoạch huyện Trần Văn Thời",
        "Đảng bộ Cơ quan Chính quyền huyện Trần Văn Thời",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện Trần Văn Thời",
        "Trần Văn Thời",
    ),
    ("Chi bộ Khu phố Long Bình", "Đảng bộ phường 9", "Ban Thường vụ Đảng ủy phường 9", "Tuy Hòa"),
    (
        "Chi bộ Trung tâm Dịch vụ nông nghiệp huyện Hàm Yên",
        "Đảng bộ Khối cơ quan và doanh nghiệp huyện Hàm Yên",
        "Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp huyện Hàm Yên",
        "Hàm Yên",
    ),
    ("Chi bộ thôn Cẩm Sơn", "Đảng bộ xã Gio Mỹ", "Đảng ủy xã Gio Mỹ", "Gio Mỹ"),
    ("Chi bộ Quân sự xã An Cư", "Đảng bộ xã An Cư", "Đảng ủy xã An Cư", "An Cư"),
    (
        "Chi bộ Trường Trung học phổ thông Cẩm Xuyên",
        "Đảng bộ thị trấn Cẩm Xuyên",
        "Ban Thường vụ Đảng ủy thị trấn Cẩm Xuyên",
        "Cẩm Xuyên",
    ),
    ("Chi bộ ấp Rạch Cui", "Đảng bộ xã Khánh Bình Tây", "Ban Thường vụ Đảng ủy xã Khánh Bình Tây", "Khánh Bình Tây"),
    (
        "Chi bộ Bảo hiểm xã hội huyện Sông Hinh",
        "Đảng bộ Khối các cơ quan huyện Sông Hinh",
        "Ban Thường vụ Đảng ủy Khối các cơ quan huyện Sông Hinh",
        "Sông Hinh",
    ),
]  # fmt: skip
R6_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Cẩm Thịnh", "ĐẢNG ỦY XÃ CẨM THỊNH", "Đảng bộ huyện Cẩm Xuyên", "Ban Thường vụ Huyện ủy Cẩm Xuyên", "Cẩm Thịnh"),
    ("Đảng bộ xã Tri Phương", "ĐẢNG ỦY XÃ TRI PHƯƠNG", "Đảng bộ huyện Trùng Khánh", "Ban Thường vụ Huyện ủy Trùng Khánh", "Tri Phương"),
    (
        "Đảng bộ Bệnh viện Đa khoa huyện Gio Linh",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN GIO LINH",
        "Đảng bộ huyện Gio Linh",
        "Ban Thường vụ Huyện ủy Gio Linh",
        "Gio Linh",
    ),
    ("Đảng bộ phường 9", "ĐẢNG ỦY PHƯỜNG 9", "Đảng bộ thành phố Tuy Hòa", "Ban Thường vụ Thành ủy Tuy Hòa", "Tuy Hòa"),
    (
        "Đảng bộ thị trấn Tân Yên",
        "ĐẢNG ỦY THỊ TRẤN TÂN YÊN",
        "Đảng bộ huyện Hàm Yên",
        "Ban Thường vụ Huyện ủy Hàm Yên",
        "Hàm Yên",
    ),
]  # fmt: skip


def _round6() -> list[Entry]:
    """Round 6 (cases ``r6_*``): twelve held-out families, three per document type (families/r6_*.py), that
    vary structure and layout (a narrative, small matrices, framed boxes, footnotes, per-group totals, the
    documents' figures side by side), written from the guidance texts without reading extractors/,
    validators/ or earlier rounds' misses."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r6_01_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r6_02_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r6_03_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r6_04_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("r6_05_dang_bo_dat_anh", "Đảng bộ cơ sở đạt, ảnh chụp điện thoại", "dang_bo_co_so", m4("photo"), None, {}),
        ("r6_06_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r6_07_chi_bo_phieu_khong_hop_le_scan", "Chi bộ đạt, 01 phiếu không hợp lệ, bản quét", "chi_bo", m4("scan"), None, {"invalid": 1}),
        ("r6_08_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r6_09_chi_bo_dat_hon_hop", "Chi bộ đạt, ảnh + Word + PDF + quét", "chi_bo", ["photo", "docx", "pdf_text", "scan"], None, {}),
        ("r6_10_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, Word + PDF", "dang_bo_co_so", ["docx", "pdf_text", "pdf_text", "docx"], None, {}),
        ("r6_11_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r6_12_tieu_chi_duoi_95_scan", "Tiêu chí 2 tự chấm 92%, bản quét", "chi_bo", m4("scan"), "criterion", {}),
        ("r6_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("docx"), "khtnv", {}),
        ("r6_14_tot_duoi_80", "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên", "chi_bo", m4("pdf_text"), "under80", {}),
        ("r6_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("docx"), "quorum", {}),
        ("r6_16_dang_bo_co_ky_luat_scan", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách, bản quét", "dang_bo_co_so", m4("scan"), "discipline", {}),
        ("r6_17_thieu_thuong_ky", "Chỉ 11 kỳ sinh hoạt thường kỳ", "chi_bo", m4("pdf_text"), "regular", {}),
        ("r6_18_thieu_chuyen_de", "Chỉ 03 kỳ chuyên đề", "chi_bo", m4("docx"), "thematic", {}),
        ("r6_19_du_sinh_hoat_duoi_85_anh", "Tỷ lệ dự sinh hoạt 84,6%, ảnh chụp", "chi_bo", m4("photo"), "attendance", {}),
        ("r6_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("pdf_text"), "subordinate", {}),
        ("r6_21_so_dang_vien_khac_bb", "Biên bản ghi số đảng viên chính thức khác", "chi_bo", m4("docx"), "count_bien_ban", {}),
        ("r6_22_phieu_khong_khop", "Tán thành + không tán thành ≠ hợp lệ", "chi_bo", m4("pdf_text"), "ballots", {}),
        ("r6_23_diem_khong_cong_dung_hon_hop", "Điểm tiêu chí 1 khác tổng các nội dung, PDF + Word + quét", "chi_bo", ["pdf_text", "docx", "docx", "scan"], "score_sum", {}),
        ("r6_24_bieu_quyet_mot_nua", "Tán thành đúng một nửa", "chi_bo", m4("docx"), "vote", {}),
    ]  # fmt: skip
    fams = (("TTR-17", "TTR-18", "TTR-19"), ("BBK-17", "BBK-18", "BBK-19"), ("BCA-17", "BCA-18", "BCA-19"), ("PTD-17", "PTD-18", "PTD-19"))  # fmt: skip
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R6_CELLS[cells % len(R6_CELLS)], cells + 1
        else:
            unit, committees = R6_COMMITTEES[committees % len(R6_COMMITTEES)], committees + 1
        families = (
            fams[0][(i + 2) % 3],
            fams[1][(2 * i + i // 3) % 3],
            fams[2][(i + i // 3 + 1) % 3],
            fams[3][(i // 3 + 2 * i + 2) % 3],
        )
        out.append(Entry(case, desc, kind, media, families, fault, index=600 + i, unit=unit, **extra))
    return out


R7_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ thôn Nậm Cang", "Đảng bộ xã Bản Xèo", "Ban Thường vụ Đảng ủy xã Bản Xèo", "Bản Xèo"),
    ("Chi bộ ấp Phú Tân A", "Đảng bộ xã Phú Tâm", "Đảng ủy xã Phú Tâm", "Phú Tâm"),
    (
        "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn huyện Tuy Phước",
        "Đảng bộ Khối Chính quyền huyện Tuy Phước",
        "Ban Thường vụ Đảng ủy Khối Chính quyền huyện Tuy Phước",
        "Tuy Phước",
    ),
    ("Chi bộ xóm Mường Chiềng", "Đảng bộ xã Tú Sơn", "Ban Thường vụ Đảng ủy xã Tú Sơn", "Tú Sơn"),
    ("Chi bộ thôn Phước Nhơn", "Đảng bộ xã Xuân Hải", "Đảng ủy xã Xuân Hải", "Xuân Hải"),
    (
        "Chi bộ Trường Phổ thông Dân tộc nội trú huyện Ba Bể",
        "Đảng bộ Khối cơ quan huyện Ba Bể",
        "Ban Thường vụ Đảng ủy Khối cơ quan huyện Ba Bể",
        "Ba Bể",
    ),
    ("Chi bộ Tổ dân phố Kim Tân 3", "Đảng bộ phường Kim Tân", "Ban Thường vụ Đảng ủy phường Kim Tân", "Lào Cai"),
    ("Chi bộ Quân sự xã Vĩnh Hải", "Đảng bộ xã Vĩnh Hải", "Đảng ủy xã Vĩnh Hải", "Vĩnh Hải"),
    (
        "Chi bộ Trạm Y tế xã Cát Hanh",
        "Đảng bộ xã Cát Hanh",
        "Ban Thường vụ Đảng ủy xã Cát Hanh",
        "Cát Hanh",
    ),
    ("Chi bộ Khóm 4", "Đảng bộ phường 2", "Ban Thường vụ Đảng ủy phường 2", "Sóc Trăng"),
]  # fmt: skip
R7_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Bản Xèo", "ĐẢNG ỦY XÃ BẢN XÈO", "Đảng bộ huyện Bát Xát", "Ban Thường vụ Huyện ủy Bát Xát", "Bản Xèo"),
    ("Đảng bộ xã Phú Tâm", "ĐẢNG ỦY XÃ PHÚ TÂM", "Đảng bộ huyện Châu Thành", "Ban Thường vụ Huyện ủy Châu Thành", "Phú Tâm"),
    (
        "Đảng bộ Bệnh viện Đa khoa huyện Phù Cát",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN PHÙ CÁT",
        "Đảng bộ huyện Phù Cát",
        "Ban Thường vụ Huyện ủy Phù Cát",
        "Phù Cát",
    ),
    ("Đảng bộ thị trấn Mường Khến", "ĐẢNG ỦY THỊ TRẤN MƯỜNG KHẾN", "Đảng bộ huyện Tân Lạc", "Ban Thường vụ Huyện ủy Tân Lạc", "Mường Khến"),
    ("Đảng bộ xã Phước Dinh", "ĐẢNG ỦY XÃ PHƯỚC DINH", "Đảng bộ huyện Thuận Nam", "Ban Thường vụ Huyện ủy Thuận Nam", "Phước Dinh"),
]  # fmt: skip


def _round7() -> list[Entry]:
    """Round 7 (cases ``r7_*``): twelve held-out families, three per document type (families/r7_*.py), each
    as a clerk in another district writes it, combining things no earlier round varied (counts in words
    only, a whole meeting's minutes, half-year figures, shares on other bases, a note without diacritics,
    tables to join by code, values before labels), written from the guidance texts without reading
    extractors/, validators/ or any score."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r7_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r7_02_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r7_03_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r7_04_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("pdf_text"), None, {"excused": 1}),
        ("r7_05_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r7_06_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r7_07_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("docx"), None, {"invalid": 1}),
        ("r7_08_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r7_09_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + ảnh + PDF + quét", "chi_bo", ["docx", "photo", "pdf_text", "scan"], None, {}),
        ("r7_10_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, PDF + Word", "dang_bo_co_so", ["pdf_text", "docx", "docx", "pdf_text"], None, {}),
        ("r7_11_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r7_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("docx"), "criterion", {}),
        ("r7_13_dang_vien_khong_hoan_thanh_scan", "01 đảng viên không hoàn thành nhiệm vụ, bản quét", "chi_bo", m4("scan"), "khtnv", {}),
        ("r7_14_tot_duoi_80", "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên", "chi_bo", m4("pdf_text"), "under80", {}),
        ("r7_15_khong_du_so_luong_anh", "Đảng viên chính thức có mặt dưới 2/3, ảnh chụp", "chi_bo", m4("photo"), "quorum", {}),
        ("r7_16_dang_bo_co_ky_luat", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách", "dang_bo_co_so", m4("pdf_text"), "discipline", {}),
        ("r7_17_thieu_thuong_ky", "Chỉ 11 kỳ sinh hoạt thường kỳ", "chi_bo", m4("docx"), "regular", {}),
        ("r7_18_thieu_chuyen_de_scan", "Chỉ 03 kỳ chuyên đề, bản quét", "chi_bo", m4("scan"), "thematic", {}),
        ("r7_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("pdf_text"), "attendance", {}),
        ("r7_20_chi_bo_truc_thuoc_khtnv_anh", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ, ảnh chụp", "dang_bo_co_so", m4("photo"), "subordinate", {}),
        ("r7_21_so_dang_vien_khac_bc", "Báo cáo ghi số đảng viên chính thức khác", "chi_bo", m4("docx"), "count_bao_cao", {}),
        ("r7_22_phieu_khong_khop", "Tán thành + không tán thành ≠ hợp lệ", "chi_bo", m4("pdf_text"), "ballots", {}),
        ("r7_23_diem_khong_cong_dung_hon_hop", "Điểm tiêu chí 1 khác tổng các nội dung, Word + PDF + quét", "chi_bo", ["docx", "pdf_text", "scan", "docx"], "score_sum", {}),
        ("r7_24_bieu_quyet_mot_nua", "Tán thành đúng một nửa", "chi_bo", m4("docx"), "vote", {}),
    ]  # fmt: skip
    fams = (("TTR-20", "TTR-21", "TTR-22"), ("BBK-20", "BBK-21", "BBK-22"), ("BCA-20", "BCA-21", "BCA-22"), ("PTD-20", "PTD-21", "PTD-22"))  # fmt: skip
    # Which family of each type writes dossier i: each family 8 times, with a đảng bộ, scans or photos, clean
    # and faulty dossiers, and no two families of different types sharing more than 4 dossiers.
    pick = (
        "011012022012020021211021",
        "110211200020212120020112",
        "122001212100002221010112",
        "021222110001122022001110",
    )
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R7_CELLS[cells % len(R7_CELLS)], cells + 1
        else:
            unit, committees = R7_COMMITTEES[committees % len(R7_COMMITTEES)], committees + 1
        families = tuple(fams[t][int(pick[t][i])] for t in range(4))
        out.append(Entry(case, desc, kind, media, families, fault, index=700 + i, unit=unit, **extra))
    return out


R8_CELLS = [
    # unit, superior body, recipient, place
    ("Chi bộ bản Huổi Lếch", "Đảng bộ xã Mường Mươn", "Ban Thường vụ Đảng ủy xã Mường Mươn", "Mường Mươn"),
    ("Chi bộ thôn Kon Klốc", "Đảng bộ xã Đắk Ui", "Đảng ủy xã Đắk Ui", "Đắk Ui"),
    (
        "Chi bộ Phòng Tài chính - Kế hoạch huyện Hồng Dân",
        "Đảng bộ Khối cơ quan huyện Hồng Dân",
        "Ban Thường vụ Đảng ủy Khối cơ quan huyện Hồng Dân",
        "Hồng Dân",
    ),
    ("Chi bộ thôn Làng Mạ", "Đảng bộ xã Ba Thành", "Ban Thường vụ Đảng ủy xã Ba Thành", "Ba Thành"),
    ("Chi bộ khối phố Pò Mán", "Đảng bộ thị trấn Thất Khê", "Đảng ủy thị trấn Thất Khê", "Thất Khê"),
    (
        "Chi bộ Trường Tiểu học Sa Nhơn",
        "Đảng bộ xã Sa Nhơn",
        "Ban Thường vụ Đảng ủy xã Sa Nhơn",
        "Sa Nhơn",
    ),
    ("Chi bộ ấp Nhà Dài A", "Đảng bộ xã Châu Hưng A", "Ban Thường vụ Đảng ủy xã Châu Hưng A", "Châu Hưng A"),
    ("Chi bộ Đồn Biên phòng Mường Nhé", "Đảng bộ xã Mường Nhé", "Đảng ủy xã Mường Nhé", "Mường Nhé"),
    (
        "Chi bộ Chi nhánh Ngân hàng Chính sách xã hội huyện Tràng Định",
        "Đảng bộ Khối doanh nghiệp huyện Tràng Định",
        "Ban Thường vụ Đảng ủy Khối doanh nghiệp huyện Tràng Định",
        "Tràng Định",
    ),
    ("Chi bộ tổ dân phố 5", "Đảng bộ thị trấn Đắk Hà", "Ban Thường vụ Đảng ủy thị trấn Đắk Hà", "Đắk Hà"),
]  # fmt: skip
R8_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Mường Mươn", "ĐẢNG ỦY XÃ MƯỜNG MƯƠN", "Đảng bộ huyện Mường Chà", "Ban Thường vụ Huyện ủy Mường Chà", "Mường Mươn"),
    ("Đảng bộ xã Đắk Ui", "ĐẢNG ỦY XÃ ĐẮK UI", "Đảng bộ huyện Đắk Hà", "Ban Thường vụ Huyện ủy Đắk Hà", "Đắk Ui"),
    (
        "Đảng bộ Trung tâm Y tế huyện Vĩnh Lợi",
        "ĐẢNG ỦY TRUNG TÂM Y TẾ HUYỆN VĨNH LỢI",
        "Đảng bộ huyện Vĩnh Lợi",
        "Ban Thường vụ Huyện ủy Vĩnh Lợi",
        "Vĩnh Lợi",
    ),
    ("Đảng bộ xã Ba Thành", "ĐẢNG ỦY XÃ BA THÀNH", "Đảng bộ huyện Ba Tơ", "Ban Thường vụ Huyện ủy Ba Tơ", "Ba Thành"),
    ("Đảng bộ thị trấn Thất Khê", "ĐẢNG ỦY THỊ TRẤN THẤT KHÊ", "Đảng bộ huyện Tràng Định", "Ban Thường vụ Huyện ủy Tràng Định", "Thất Khê"),
]  # fmt: skip


def _round8() -> list[Entry]:
    """Round 8 (cases ``r8_*``): twelve held-out families, three per document type (families/r8_*.py), each
    as a clerk in yet another district writes it, combining things no earlier round varied (blanks filled in
    between dots, figures in bold sub-headings, tables headed down their first column, two ballots at one
    meeting, the counting board's report quoted, prose in two columns, a summary table at the very end,
    changes on last year, point options marked ☒, the score left of the maximum with long notes), written
    from the guidance texts without reading extractors/, validators/ or any score."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r8_01_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r8_02_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r8_03_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r8_04_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("docx"), None, {"excused": 1}),
        ("r8_05_dang_bo_dat_scan", "Đảng bộ cơ sở đạt, bản quét có dấu", "dang_bo_co_so", m4("scan"), None, {}),
        ("r8_06_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r8_07_chi_bo_phieu_khong_hop_le", "Chi bộ đạt, 01 phiếu không hợp lệ", "chi_bo", m4("pdf_text"), None, {"invalid": 1}),
        ("r8_08_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, PDF + Word", "dang_bo_co_so", ["pdf_text", "docx", "pdf_text", "docx"], None, {}),
        ("r8_09_chi_bo_dat_hon_hop", "Chi bộ đạt, PDF + ảnh + Word + quét", "chi_bo", ["pdf_text", "photo", "docx", "scan"], None, {}),
        ("r8_10_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r8_11_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r8_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("pdf_text"), "criterion", {}),
        ("r8_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("docx"), "khtnv", {}),
        ("r8_14_tot_duoi_80_anh", "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên, ảnh chụp", "chi_bo", m4("photo"), "under80", {}),
        ("r8_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("docx"), "quorum", {}),
        ("r8_16_dang_bo_co_ky_luat_anh", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách, ảnh chụp", "dang_bo_co_so", m4("photo"), "discipline", {}),
        ("r8_17_thieu_thuong_ky_scan", "Chỉ 11 kỳ sinh hoạt thường kỳ, bản quét", "chi_bo", m4("scan"), "regular", {}),
        ("r8_18_thieu_chuyen_de", "Chỉ 03 kỳ chuyên đề", "chi_bo", m4("docx"), "thematic", {}),
        ("r8_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("pdf_text"), "attendance", {}),
        ("r8_20_chi_bo_truc_thuoc_khtnv", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ", "dang_bo_co_so", m4("docx"), "subordinate", {}),
        ("r8_21_so_dang_vien_khac_tt", "Tờ trình ghi số đảng viên chính thức khác", "chi_bo", m4("pdf_text"), "count_to_trinh", {}),
        ("r8_22_phieu_khong_khop_scan", "Tán thành + không tán thành ≠ hợp lệ, bản quét", "chi_bo", m4("scan"), "ballots", {}),
        ("r8_23_diem_khong_cong_dung_hon_hop", "Điểm tiêu chí 1 khác tổng các nội dung, PDF + Word + ảnh", "chi_bo", ["pdf_text", "docx", "photo", "docx"], "score_sum", {}),
        ("r8_24_bieu_quyet_mot_nua", "Tán thành đúng một nửa", "chi_bo", m4("pdf_text"), "vote", {}),
    ]  # fmt: skip
    fams = (("TTR-23", "TTR-24", "TTR-25"), ("BBK-23", "BBK-24", "BBK-25"), ("BCA-23", "BCA-24", "BCA-25"), ("PTD-23", "PTD-24", "PTD-25"))  # fmt: skip
    # Which family of each type writes dossier i: each family 8 times, with a đảng bộ, scans or photos, clean
    # and faulty dossiers, and no two families of different types sharing more than 4 dossiers.
    pick = (
        "001111200201212002012221",
        "022201012211102122010100",
        "122000200101110102222211",
        "000112022101001110212222",
    )
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R8_CELLS[cells % len(R8_CELLS)], cells + 1
        else:
            unit, committees = R8_COMMITTEES[committees % len(R8_COMMITTEES)], committees + 1
        families = tuple(fams[t][int(pick[t][i])] for t in range(4))
        out.append(Entry(case, desc, kind, media, families, fault, index=800 + i, unit=unit, **extra))
    return out


R9_CELLS = [
    # unit, superior body, recipient, place (Hà Giang, Gia Lai, Quảng Bình, An Giang, Yên Bái)
    ("Chi bộ thôn Nậm Ngặt", "Đảng bộ xã Minh Tân", "Ban Thường vụ Đảng ủy xã Minh Tân", "Minh Tân"),
    ("Chi bộ làng Ia Bang", "Đảng bộ xã Ia Mơ", "Đảng ủy xã Ia Mơ", "Ia Mơ"),
    (
        "Chi bộ Phòng Nội vụ huyện Bố Trạch",
        "Đảng bộ Khối cơ quan huyện Bố Trạch",
        "Ban Thường vụ Đảng ủy Khối cơ quan huyện Bố Trạch",
        "Bố Trạch",
    ),
    ("Chi bộ ấp Tô Thủy", "Đảng bộ xã Lương Phi", "Ban Thường vụ Đảng ủy xã Lương Phi", "Lương Phi"),
    ("Chi bộ bản Pú Vá", "Đảng bộ xã Lao Chải", "Đảng ủy xã Lao Chải", "Lao Chải"),
    (
        "Chi bộ Trường Trung học phổ thông Lệ Thủy",
        "Đảng bộ thị trấn Kiến Giang",
        "Ban Thường vụ Đảng ủy thị trấn Kiến Giang",
        "Kiến Giang",
    ),
    ("Chi bộ khóm Thị 2", "Đảng bộ thị trấn Chợ Mới", "Ban Thường vụ Đảng ủy thị trấn Chợ Mới", "Chợ Mới"),
    ("Chi bộ Trạm Y tế xã Kon Pne", "Đảng bộ xã Kon Pne", "Đảng ủy xã Kon Pne", "Kon Pne"),
    ("Chi bộ tổ dân phố Pá Kết", "Đảng bộ phường Trung Tâm", "Ban Thường vụ Đảng ủy phường Trung Tâm", "Nghĩa Lộ"),
    (
        "Chi bộ Điện lực Đồng Văn",
        "Đảng bộ Khối doanh nghiệp huyện Đồng Văn",
        "Ban Thường vụ Đảng ủy Khối doanh nghiệp huyện Đồng Văn",
        "Đồng Văn",
    ),
]  # fmt: skip
R9_COMMITTEES = [
    # unit, issuer, superior body, recipient, place
    ("Đảng bộ xã Minh Tân", "ĐẢNG ỦY XÃ MINH TÂN", "Đảng bộ huyện Vị Xuyên", "Ban Thường vụ Huyện ủy Vị Xuyên", "Minh Tân"),
    ("Đảng bộ xã Ia Mơ", "ĐẢNG ỦY XÃ IA MƠ", "Đảng bộ huyện Chư Prông", "Ban Thường vụ Huyện ủy Chư Prông", "Ia Mơ"),
    (
        "Đảng bộ Bệnh viện Đa khoa huyện Bố Trạch",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN BỐ TRẠCH",
        "Đảng bộ huyện Bố Trạch",
        "Ban Thường vụ Huyện ủy Bố Trạch",
        "Bố Trạch",
    ),
    ("Đảng bộ xã Lương Phi", "ĐẢNG ỦY XÃ LƯƠNG PHI", "Đảng bộ huyện Tri Tôn", "Ban Thường vụ Huyện ủy Tri Tôn", "Lương Phi"),
    (
        "Đảng bộ thị trấn Mù Cang Chải",
        "ĐẢNG ỦY THỊ TRẤN MÙ CANG CHẢI",
        "Đảng bộ huyện Mù Cang Chải",
        "Ban Thường vụ Huyện ủy Mù Cang Chải",
        "Mù Cang Chải",
    ),
]  # fmt: skip


def _round9() -> list[Entry]:
    """Round 9 (cases ``r9_*``): twelve held-out families, three per document type (families/r9_*.py), each
    as a clerk in yet another district writes it, combining things no earlier round varied (changes on last
    year before values, a cover letter pointing to rows of a schedule, figures in "Căn cứ" lines, first-person
    minutes, a ballot paper with several rows, numbered counting steps, figures in parentheses, counts in
    footnotes, a month grid, an item matrix, deductions only, sums as expressions), written from the guidance
    texts without reading extractors/, validators/ or any score."""
    m4 = lambda m: [m] * 4  # noqa: E731 - four documents in one medium
    rows = [
        ("r9_01_chi_bo_dat_docx", "Chi bộ đạt, Word", "chi_bo", m4("docx"), None, {}),
        ("r9_02_dang_bo_dat_pdf", "Đảng bộ cơ sở đạt, PDF có lớp chữ", "dang_bo_co_so", m4("pdf_text"), None, {}),
        ("r9_03_chi_bo_dat_scan", "Chi bộ đạt, bản quét", "chi_bo", m4("scan"), None, {}),
        ("r9_04_chi_bo_mien_sinh_hoat", "Chi bộ đạt, 01 đảng viên miễn sinh hoạt", "chi_bo", m4("pdf_text"), None, {"excused": 1}),
        ("r9_05_dang_bo_dat_anh", "Đảng bộ cơ sở đạt, ảnh chụp điện thoại", "dang_bo_co_so", m4("photo"), None, {}),
        ("r9_06_chi_bo_dat_pdf", "Chi bộ đạt, PDF có lớp chữ", "chi_bo", m4("pdf_text"), None, {}),
        ("r9_07_chi_bo_phieu_khong_hop_le_scan", "Chi bộ đạt, 01 phiếu không hợp lệ, bản quét", "chi_bo", m4("scan"), None, {"invalid": 1}),
        ("r9_08_dang_bo_dat_hon_hop", "Đảng bộ cơ sở đạt, Word + PDF", "dang_bo_co_so", ["docx", "pdf_text", "pdf_text", "docx"], None, {}),
        ("r9_09_chi_bo_dat_hon_hop", "Chi bộ đạt, Word + PDF", "chi_bo", ["docx", "pdf_text", "docx", "pdf_text"], None, {}),
        ("r9_10_dang_bo_dat_docx", "Đảng bộ cơ sở đạt, Word", "dang_bo_co_so", m4("docx"), None, {}),
        ("r9_11_chi_bo_dat_anh", "Chi bộ đạt, ảnh chụp điện thoại", "chi_bo", m4("photo"), None, {}),
        ("r9_12_tieu_chi_duoi_95", "Tiêu chí 2 tự chấm 92%", "chi_bo", m4("docx"), "criterion", {}),
        ("r9_13_dang_vien_khong_hoan_thanh", "01 đảng viên không hoàn thành nhiệm vụ", "chi_bo", m4("pdf_text"), "khtnv", {}),
        ("r9_14_tot_duoi_80_scan", "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên, bản quét", "chi_bo", m4("scan"), "under80", {}),
        ("r9_15_khong_du_so_luong", "Đảng viên chính thức có mặt dưới 2/3", "chi_bo", m4("pdf_text"), "quorum", {}),
        ("r9_16_dang_bo_co_ky_luat", "Đảng bộ: 01 đảng viên bị kỷ luật khiển trách", "dang_bo_co_so", m4("docx"), "discipline", {}),
        ("r9_17_thieu_thuong_ky", "Chỉ 11 kỳ sinh hoạt thường kỳ", "chi_bo", m4("pdf_text"), "regular", {}),
        ("r9_18_thieu_chuyen_de_anh", "Chỉ 03 kỳ chuyên đề, ảnh chụp", "chi_bo", m4("photo"), "thematic", {}),
        ("r9_19_du_sinh_hoat_duoi_85", "Tỷ lệ dự sinh hoạt 84,6%", "chi_bo", m4("docx"), "attendance", {}),
        ("r9_20_chi_bo_truc_thuoc_khtnv_scan", "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ, bản quét", "dang_bo_co_so", m4("scan"), "subordinate", {}),
        ("r9_21_so_dang_vien_khac_bb", "Biên bản kiểm phiếu ghi số đảng viên chính thức khác", "chi_bo", m4("docx"), "count_bien_ban", {}),
        ("r9_22_phieu_khong_khop", "Tán thành + không tán thành ≠ hợp lệ", "chi_bo", m4("pdf_text"), "ballots", {}),
        ("r9_23_diem_khong_cong_dung_hon_hop", "Điểm tiêu chí 1 khác tổng các nội dung, Word + PDF + quét + ảnh", "chi_bo", ["docx", "pdf_text", "scan", "photo"], "score_sum", {}),
        ("r9_24_bieu_quyet_mot_nua_scan", "Tán thành đúng một nửa, bản quét", "chi_bo", m4("scan"), "vote", {}),
    ]  # fmt: skip
    fams = (("TTR-26", "TTR-27", "TTR-28"), ("BBK-26", "BBK-27", "BBK-28"), ("BCA-26", "BCA-27", "BCA-28"), ("PTD-26", "PTD-27", "PTD-28"))  # fmt: skip
    # Which family of each type writes dossier i: each family 8 times, each with a đảng bộ and at least two
    # dossiers read only through OCR, and no two families of different types sharing more than 4 dossiers.
    pick = (
        "200011222211020211201010",
        "022202002110020111221101",
        "220220211111110000201022",
        "101201220210000122101221",
    )
    out, cells, committees = [], 0, 0
    for i, (case, desc, kind, media, fault, extra) in enumerate(rows):
        if kind == "chi_bo":
            unit, cells = R9_CELLS[cells % len(R9_CELLS)], cells + 1
        else:
            unit, committees = R9_COMMITTEES[committees % len(R9_COMMITTEES)], committees + 1
        families = tuple(fams[t][int(pick[t][i])] for t in range(4))
        out.append(Entry(case, desc, kind, media, families, fault, index=900 + i, unit=unit, **extra))
    return out


# Each round adds its own function (its entries carry their own units and file numbers where needed).
ENTRIES = (
    _entries() + _round2() + _round3() + _round4() + _round5() + _round6() + _round7() + _round8() + _round9()
)


def _criteria(rng: random.Random, maxes: list[int], deficits: list[float]) -> list[Criterion]:
    out = []
    for (name, labels), mx, lost in zip(CRITERIA, maxes, deficits, strict=True):
        scores = [float(s) for s in SPLITS[mx]]
        steps = round(lost * 2)
        while steps:
            i = rng.randrange(len(scores))
            if scores[i] > 0:
                scores[i] -= 0.5
                steps -= 1
        out.append(
            Criterion(
                name, [(lab, float(m), s) for lab, m, s in zip(labels, SPLITS[mx], scores, strict=True)]
            )
        )
    return out


def _file(rng: random.Random, medium: str, doc_type: str, n: int) -> str:
    if medium == "scan":
        return rng.choice([f"SCAN_{n:04d}.pdf", f"Doc{n}_scan.pdf", f"img{n:03d}.pdf"])
    if medium == "photo":
        return f"IMG_2024121{n % 10}_{rng.randrange(100000, 999999)}.jpg"
    stem = rng.choice(FILE_NAMES[doc_type])
    return f"{stem}.{'docx' if medium == 'docx' else 'pdf'}"


def healthy(e: Entry, index: int) -> Dossier:
    """A dossier that meets every threshold, in ``e``'s media and families."""
    rng = random.Random(f"unseen:{e.case}")
    year = 2024
    bb = dt.date(year, 12, rng.randint(3, 18))
    dates = {
        "bien_ban_kiem_phieu": bb,
        "to_trinh": bb + dt.timedelta(days=rng.randint(1, 5)),
        "bao_cao": bb - dt.timedelta(days=rng.randint(2, 8)),
    }
    dates["phieu_tu_danh_gia"] = dates["bao_cao"]
    numbers = {t: rng.randint(2, 60) for t in REQUIRED}
    names = rng.sample(NAMES, 3)
    crit = _criteria(rng, list(rng.choice(FRAMEWORKS)), [rng.choice([0, 0.5, 1]) for _ in range(4)])
    docs = []
    for k, (doc_type, fam, medium) in enumerate(zip(REQUIRED, e.families, e.media, strict=True)):
        docs.append(DocSpec(doc_type, fam, _file(rng, medium, doc_type, 10 * index + k), medium))
    medium = e.media[0] if len(set(e.media)) == 1 else "mixed"
    common = dict(
        case=e.case,
        description=e.description,
        kind=e.kind,
        year=year,
        dates=dates,
        numbers=numbers,
        secretary=names[0],
        counters=(names[1], names[2]),
        documents=docs,
        medium=medium,
        verdict="dat",
        flags=[],
        forbidden_flags=[],
        criteria=crit,
        regular_meetings=12,
        thematic_meetings=rng.choice([4, 4, 5, 6]),
        attendance_pct=round(rng.uniform(88.0, 98.5), rng.choice([1, 2])),
        disciplined_members=0,
        new_members=rng.randint(0, 2),
    )
    if e.kind == "chi_bo":
        unit, parent, recipient, place = e.unit or CELLS[index % len(CELLS)]
        official, prob = rng.randint(9, 24), rng.choice([0, 1, 2, 2, 3])
        absent = rng.randint(0, 2)
        issued = official - e.excused - absent
        total = official + prob
        xs = max(1, total // 6)
        ht = rng.randint(0, min(2, total // 5))
        valid = issued - e.invalid
        votes_for = valid - (1 if rng.random() < 0.3 else 0)
        return Dossier(
            unit=unit,
            issuer=unit.upper(),
            parent=parent,
            recipient=recipient,
            place=place,
            members_official=official,
            members_probationary=prob,
            members_present=total - e.excused - absent,
            members_excused=e.excused,
            ballots_issued=issued,
            ballots_returned=issued,
            ballots_valid=valid,
            votes_for=votes_for,
            votes_against=valid - votes_for,
            ratings={"xuat_sac": xs, "tot": total - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0},
            **common,
        )
    unit, issuer, parent, recipient, place = e.unit or COMMITTEES[index % len(COMMITTEES)]
    committee = rng.choice([9, 11, 13, 15])
    present = committee - rng.randint(0, 1)
    official, prob = rng.randint(95, 260), rng.randint(2, 12)
    total = official + prob
    xs, ht = total // 7, rng.randint(2, total // 10)
    n = rng.randint(9, 16)
    sx, sh = rng.randint(2, 3), rng.randint(0, 1)
    votes_for = present - (1 if rng.random() < 0.3 else 0)
    return Dossier(
        unit=unit,
        issuer=issuer,
        parent=parent,
        recipient=recipient,
        place=place,
        members_official=official,
        members_probationary=prob,
        members_present=present,
        committee_members=committee,
        ballots_issued=present,
        ballots_returned=present,
        ballots_valid=present,
        votes_for=votes_for,
        votes_against=present - votes_for,
        ratings={"xuat_sac": xs, "tot": total - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0},
        subordinates=Subordinates(
            xuat_sac=sx,
            tot=n - sx - sh,
            hoan_thanh=sh,
            khong_hoan_thanh=0,
            registered_bon_tot=n,
            bon_tot=n - rng.randint(0, 1),
        ),
        **common,
    )


def _reduce_to(c: Criterion, target: float) -> Criterion:
    items, lost = list(c.items), sum(s for _, _, s in c.items) - target
    for i, (label, m, s) in enumerate(items):
        take = min(lost, s)
        items[i] = (label, m, s - take)
        lost -= take
        if lost <= 0:
            break
    return Criterion(c.name, items)


def apply_fault(d: Dossier, fault: str) -> None:
    """Break exactly one thing and say what the verdict, flags and figures must then be."""
    bad = lambda verdict, *flags: (setattr(d, "verdict", verdict), setattr(d, "flags", list(flags)))  # noqa: E731
    r = d.ratings
    total = d.members_total
    if fault == "criterion":
        c = d.criteria[1]
        d.criteria[1] = _reduce_to(c, math.floor(0.92 * c.max * 2) / 2)
        bad("khong_dat", "CRITERION_BELOW_THRESHOLD")
    elif fault == "khtnv":
        r["khong_hoan_thanh"] = 1
        r["hoan_thanh" if r["hoan_thanh"] else "tot"] -= 1
        bad("khong_dat", "MEMBER_RATING_BELOW_THRESHOLD")
    elif fault == "under80":
        good = (4 * total - 1) // 5
        xs = min(r["xuat_sac"], good - 1)
        d.ratings = {"xuat_sac": xs, "tot": good - xs, "hoan_thanh": total - good, "khong_hoan_thanh": 0}
        bad("khong_dat", "MEMBER_RATING_BELOW_THRESHOLD")
    elif fault == "vote":
        d.votes_for = d.voters_eligible // 2
        d.votes_against = d.ballots_valid - d.votes_for
        bad("khong_dat", "VOTE_NOT_PASSED")
    elif fault == "quorum":
        present = math.ceil(2 * d.members_official / 3) - 1  # official members; probationary ones away too
        d.members_present = present
        d.ballots_issued = d.ballots_returned = d.ballots_valid = present
        d.votes_for, d.votes_against = present, 0
        bad("khong_dat", "QUORUM_NOT_MET")
    elif fault == "discipline":
        d.disciplined_members = 1
        bad("khong_dat", "DISCIPLINE_RECORDED")
    elif fault == "regular":
        d.regular_meetings = 11
        bad("khong_dat", "MEETINGS_BELOW_MINIMUM")
    elif fault == "thematic":
        d.thematic_meetings = 3
        bad("khong_dat", "MEETINGS_BELOW_MINIMUM")
    elif fault == "attendance":
        d.attendance_pct = 84.6
        bad("khong_dat", "ATTENDANCE_BELOW_THRESHOLD")
    elif fault == "subordinate":
        s = d.subordinates
        s.tot -= 1
        s.khong_hoan_thanh = 1
        s.bon_tot = min(s.bon_tot, s.total - 1)
        bad("khong_dat", "SUBORDINATE_BELOW_THRESHOLD")
    elif fault.startswith("count_"):
        doc_type = fault.removeprefix("count_")
        doc_type = {"bien_ban": "bien_ban_kiem_phieu"}.get(doc_type, doc_type)
        spec = next(s for s in d.documents if s.doc_type == doc_type)
        spec.overrides = {"members_official": d.members_official + (2 if d.is_cell else 5)}
        d.omit_figures = ["members_total", "members_official"]
        if doc_type == "bien_ban_kiem_phieu":  # who may vote follows from the official members it states
            d.omit_figures.append("voters_eligible")
        bad("can_xem_xet", "MEMBER_COUNT_MISMATCH")
        # Allowed as well (build() reads this marker): the same disagreement seen as a figure mismatch,
        # and, where the báo cáo states the wrong total, ratings that no longer add up to it.
        d.forbidden_flags = ["FIGURE_MISMATCH"] + (["RATING_COUNT_MISMATCH"] if doc_type == "bao_cao" else [])
    elif fault == "ballots":
        d.votes_for, d.votes_against = d.ballots_valid - 1, 0
        bad("can_xem_xet", "BALLOT_COUNT_INCONSISTENT")
    elif fault == "score_sum":
        c = d.criteria[0]
        d.criteria[0] = _reduce_to(Criterion(c.name, [(lab, m, m) for lab, m, _ in c.items]), c.max - 1)
        d.criteria[0].stated_score = c.max
        bad("can_xem_xet", "SCORE_INCONSISTENT")
    elif fault == "missing":
        d.documents = [s for s in d.documents if s.doc_type != "phieu_tu_danh_gia"]
        d.omit_figures = ["criteria_scores", "criteria_max"]
        bad("bo_sung", "MISSING_DOCUMENT")
    elif fault == "year":
        spec = next(s for s in d.documents if s.doc_type == "phieu_tu_danh_gia")
        spec.overrides = {"year": d.year - 1}
        bad("can_xem_xet", "YEAR_MISMATCH")
        d.forbidden_flags = [
            "DATE_ORDER"
        ]  # a document dated before the year it reports on: also a date fault
    elif fault == "late":
        d.dates["bien_ban_kiem_phieu"] = dt.date(d.year + 1, 1, 3)
        d.dates["to_trinh"] = dt.date(d.year + 1, 1, 6)
        bad("can_xem_xet", "LATE_SUBMISSION")
    elif fault == "legacy":
        d.year = 2017
        d.dates = {k: v.replace(year=2017) for k, v in d.dates.items()}
        d.legacy = True
        d.omit_figures = ["ratings"]  # the old labels map onto the new ones only by a person's judgement
        bad("can_xem_xet", "LEGACY_RATING_LABEL")
    else:
        raise ValueError(f"unknown fault {fault!r}")


def build() -> list[Dossier]:
    """Every dossier of the unseen corpus, in order, with its forbidden flags set."""
    out = []
    for i, e in enumerate(ENTRIES):
        d = healthy(e, i if e.index is None else e.index)
        if e.fault:
            apply_fault(d, e.fault)
        allowed = set(d.forbidden_flags)  # apply_fault's marker: warnings this fault may also raise
        d.forbidden_flags = [
            c
            for c in ERROR_CODES + CONTENT_WARNINGS + EXTRA_FORBIDDEN
            if c not in d.flags and c not in allowed
        ]
        out.append(d)
    return out


def split_of(d: Dossier) -> str:
    """The dossier's split: its families' (``families.yaml``; a dossier never mixes splits)."""
    splits = {family_split(s.template) for s in d.documents}
    assert len(splits) == 1, (d.case, splits)
    return splits.pop()


def round_of(d: Dossier) -> int:
    """The dossier's round: its families' (a dossier never mixes rounds)."""
    rounds = {family_round(s.template) for s in d.documents}
    assert len(rounds) == 1, (d.case, rounds)
    return rounds.pop()


def expected(d: Dossier) -> dict:
    """``expected.json``: the samples' shape plus each file's wording family and the dossier's split."""
    exp = d.expected()
    exp["split"] = split_of(d)
    exp["families"] = {s.file: s.template for s in sorted(d.documents, key=lambda s: s.file)}
    return exp
