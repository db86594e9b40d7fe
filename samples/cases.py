"""The sample cases: a healthy dossier per unit kind, then one deliberate fault (or none) per case."""

from __future__ import annotations

import datetime as dt
import random

from .truth import CONTENT_WARNINGS, ERROR_CODES, Criterion, DocSpec, Dossier, Subordinates

REQUIRED = ("to_trinh", "bien_ban_kiem_phieu", "bao_cao", "phieu_tu_danh_gia")

CELLS = [
    # unit, superior body, recipient, place
    (
        "Chi bộ Phòng Tư pháp",
        "Đảng bộ Cơ quan Chính quyền huyện Cần Đước",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện",
        "Cần Đước",
    ),
    ("Chi bộ Trường Tiểu học Tân Lân", "Đảng bộ xã Tân Lân", "Ban Thường vụ Đảng ủy xã Tân Lân", "Tân Lân"),
    ("Chi bộ ấp Bình Hòa", "Đảng bộ xã Phước Vân", "Ban Thường vụ Đảng ủy xã Phước Vân", "Phước Vân"),
    ("Chi bộ Khu phố 3", "Đảng bộ phường Tân Định", "Đảng ủy phường Tân Định", "Tân Định"),
    (
        "Chi bộ Trạm Y tế xã Long Hựu Đông",
        "Đảng bộ xã Long Hựu Đông",
        "Ban Thường vụ Đảng ủy xã Long Hựu Đông",
        "Long Hựu Đông",
    ),
    ("Chi bộ bản Nà Cạn", "Đảng bộ xã Chiềng Ngần", "Đảng ủy xã Chiềng Ngần", "Chiềng Ngần"),
    ("Chi bộ Công an xã Mỹ Lệ", "Đảng bộ xã Mỹ Lệ", "Ban Thường vụ Đảng ủy xã Mỹ Lệ", "Mỹ Lệ"),
    (
        "Chi bộ Văn phòng Huyện ủy",
        "Đảng bộ Các cơ quan Đảng huyện Cần Đước",
        "Ban Thường vụ Đảng ủy Các cơ quan Đảng huyện",
        "Cần Đước",
    ),
    (
        "Chi bộ Phòng Tài chính - Kế hoạch",
        "Đảng bộ Cơ quan Chính quyền huyện Cần Đước",
        "Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện",
        "Cần Đước",
    ),
    ("Chi bộ Trường THCS Long Trạch", "Đảng bộ xã Long Trạch", "Đảng ủy xã Long Trạch", "Long Trạch"),
]
COMMITTEES = [
    (
        "Đảng bộ xã Phước Đông",
        "ĐẢNG ỦY XÃ PHƯỚC ĐÔNG",
        "Đảng bộ huyện Cần Đước",
        "Ban Thường vụ Huyện ủy Cần Đước",
        "Phước Đông",
    ),
    (
        "Đảng bộ thị trấn Cần Đước",
        "ĐẢNG ỦY THỊ TRẤN CẦN ĐƯỚC",
        "Đảng bộ huyện Cần Đước",
        "Ban Thường vụ Huyện ủy Cần Đước",
        "Cần Đước",
    ),
    (
        "Đảng bộ xã Long Trạch",
        "ĐẢNG ỦY XÃ LONG TRẠCH",
        "Đảng bộ huyện Cần Đước",
        "Ban Thường vụ Huyện ủy Cần Đước",
        "Long Trạch",
    ),
    (
        "Đảng bộ phường Chiềng Lề",
        "ĐẢNG ỦY PHƯỜNG CHIỀNG LỀ",
        "Đảng bộ thành phố Sơn La",
        "Ban Thường vụ Thành ủy Sơn La",
        "Sơn La",
    ),
    (
        "Đảng bộ xã Tân Trạch",
        "ĐẢNG ỦY XÃ TÂN TRẠCH",
        "Đảng bộ huyện Cần Đước",
        "Ban Thường vụ Huyện ủy Cần Đước",
        "Tân Trạch",
    ),
]
NAMES = [
    "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thị Hồng Nhung", "Võ Văn Tám", "Huỳnh Thị Thu Hà",
    "Đặng Quốc Bảo", "Bùi Thị Lan", "Đỗ Văn Phúc", "Hồ Thị Ngọc Ánh", "Ngô Thanh Sơn", "Dương Văn Lực",
    "Lò Văn Thắng", "Cầm Thị Xuân", "Trương Công Định", "Phan Thị Kim Yến", "Lâm Văn Đức", "Châu Thị Bích Thủy",
]  # fmt: skip
CRITERIA = [
    ("Hoàn thành tốt nhiệm vụ chính trị", [
        "Quán triệt, cụ thể hóa kịp thời các nghị quyết, chỉ thị của cấp trên",
        "Lãnh đạo hoàn thành các chỉ tiêu, nhiệm vụ chính trị được giao",
        "Lãnh đạo xây dựng chính quyền, đoàn thể vững mạnh",
    ]),
    ("Chất lượng sinh hoạt tốt", [
        "Duy trì sinh hoạt thường kỳ hằng tháng, sinh hoạt chuyên đề mỗi quý",
        "Nội dung sinh hoạt thiết thực, đúng hướng dẫn của cấp trên",
        "Tỷ lệ đảng viên dự sinh hoạt trên 85%",
    ]),
    ("Đoàn kết, kỷ luật tốt", [
        "Nội bộ đoàn kết, thống nhất; thực hiện nghiêm nguyên tắc tập trung dân chủ",
        "Làm tốt công tác kiểm tra, giám sát",
        "Không có tổ chức đảng, đảng viên bị xử lý kỷ luật",
    ]),
    ("Cán bộ, đảng viên tốt", [
        "Cán bộ, đảng viên gương mẫu, giữ gìn phẩm chất đạo đức, lối sống",
        "100% đảng viên hoàn thành nhiệm vụ trở lên, 80% hoàn thành tốt trở lên",
        "Làm tốt công tác phát triển đảng viên",
    ]),
]  # fmt: skip
SPLITS = {25: [10, 8, 7], 30: [12, 10, 8], 20: [8, 6, 6]}
FILE_NAMES = {
    "docx": {
        "to_trinh": [
            "To trinh.docx",
            "Tờ trình đề nghị công nhận.docx",
            "01. To trinh de nghi.docx",
            "TTr chi bo 4 tot.docx",
        ],
        "bien_ban_kiem_phieu": [
            "Bien ban kiem phieu.docx",
            "Biên bản kiểm phiếu.docx",
            "02_BB kiem phieu.docx",
        ],
        "bao_cao": ["Bao cao ket qua.docx", "Báo cáo kết quả thực hiện.docx", "03-BC bon tot.docx"],
        "phieu_tu_danh_gia": [
            "Phieu tu danh gia.docx",
            "Phiếu tự chấm điểm.docx",
            "04. Phieu cham diem.docx",
        ],
        "ke_hoach": ["Ke hoach 2025.docx", "Kế hoạch xây dựng chi bộ 4 tốt.docx"],
    },
    "pdf_text": {
        "to_trinh": ["To trinh.pdf", "Tờ trình.pdf", "TTr de nghi cong nhan.pdf"],
        "bien_ban_kiem_phieu": [
            "bien ban kiem phieu (1).pdf",
            "Biên bản kiểm phiếu.pdf",
            "BB kiem phieu.pdf",
        ],
        "bao_cao": ["Bao cao.pdf", "Báo cáo kết quả.pdf", "BC tong ket.pdf"],
        "phieu_tu_danh_gia": ["Phieu tu danh gia.pdf", "Phiếu tự đánh giá.pdf", "bang cham diem.pdf"],
    },
}


class Builder:
    """Makes healthy dossiers from a seeded random source; each case then breaks one thing."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.cells = 0
        self.committees = 0
        self.scan_no = 1

    def rng(self, case: str) -> random.Random:
        return random.Random(f"{self.seed}:{case}")

    def criteria(self, rng: random.Random, maxes: list[int], deficits: list[float]) -> list[Criterion]:
        out = []
        for (name, labels), mx, lost in zip(CRITERIA, maxes, deficits, strict=True):
            split = SPLITS[mx]
            scores = [float(s) for s in split]
            steps = round(lost * 2)
            while steps:
                i = rng.randrange(len(scores))
                if scores[i] > 0:
                    scores[i] -= 0.5
                    steps -= 1
            out.append(
                Criterion(name, [(lab, float(m), s) for lab, m, s in zip(labels, split, scores, strict=True)])
            )
        return out

    def files(self, rng: random.Random, medium: str, doc_type: str) -> str:
        if medium in FILE_NAMES:
            return rng.choice(FILE_NAMES[medium][doc_type])
        if medium == "corrupt":  # a PDF whose transfer broke off
            return rng.choice(FILE_NAMES["pdf_text"][doc_type])
        if medium == "scan":
            self.scan_no += 1
            return rng.choice(
                [
                    f"scan{self.scan_no:04d}.pdf",
                    f"CCF{self.scan_no:06d}.pdf",
                    f"Scan_2024121{self.scan_no % 10}_0931.pdf",
                ]
            )
        minute = rng.randrange(10, 59)
        return f"IMG_20241215_09{minute:02d}{rng.randrange(10, 59):02d}.jpg"

    def dossier(
        self,
        case: str,
        description: str,
        *,
        kind: str = "chi_bo",
        media: str | list[str] = "docx",
        templates: str = "AAAA",
        verdict: str = "dat",
        flags: list[str] | None = None,
        allow: list[str] | None = None,
        maxes: list[int] | None = None,
        year: int = 2024,
    ) -> Dossier:
        rng = self.rng(case)
        medium_list = [media] * 4 if isinstance(media, str) else media
        mediums = set(medium_list)
        medium = medium_list[0] if len(mediums) == 1 else "mixed"
        dates_bb = dt.date(year, 12, rng.randint(5, 16))
        dates = {
            "bien_ban_kiem_phieu": dates_bb,
            "to_trinh": dates_bb + dt.timedelta(days=rng.randint(1, 4)),
            "bao_cao": dates_bb - dt.timedelta(days=rng.randint(2, 6)),
        }
        dates["phieu_tu_danh_gia"] = dates["bao_cao"]
        dates["ke_hoach"] = dates["to_trinh"]
        numbers = {t: rng.randint(2, 48) for t in (*REQUIRED, "ke_hoach")}
        names = rng.sample(NAMES, 3)
        maxes = maxes or rng.choice([[25, 25, 25, 25], [30, 25, 20, 25]])
        crit = self.criteria(rng, maxes, [rng.choice([0, 0.5, 1]) for _ in range(4)])
        docs = []
        used: set[str] = set()
        for doc_type, tpl, med in zip(REQUIRED, templates, medium_list, strict=True):
            name = self.files(rng, med, doc_type)
            while name in used:
                name = self.files(rng, med, doc_type)
            used.add(name)
            docs.append(DocSpec(doc_type, tpl, name, med))
        common = dict(
            case=case,
            description=description,
            kind=kind,
            year=year,
            dates=dates,
            numbers=numbers,
            secretary=names[0],
            counters=(names[1], names[2]),
            documents=docs,
            medium=medium,
            verdict=verdict,
            flags=flags or [],
            forbidden_flags=[c for c in ERROR_CODES + CONTENT_WARNINGS if c not in (allow or [])],
            criteria=crit,
            regular_meetings=12,
            thematic_meetings=rng.choice([4, 4, 5]),
            attendance_pct=round(rng.uniform(88.0, 98.5), 1),
            disciplined_members=0,
            new_members=rng.randint(0, 2),
        )
        if kind == "chi_bo":
            unit, parent, recipient, place = CELLS[self.cells % len(CELLS)]
            self.cells += 1
            official, prob = rng.randint(11, 22), rng.randint(0, 3)
            absent = rng.randint(0, 2)
            issued = official - absent
            xs = max(1, (official + prob) // 6)
            ht = rng.randint(1, 2)
            return Dossier(
                unit=unit,
                issuer=unit.upper(),
                parent=parent,
                recipient=recipient,
                place=place,
                members_official=official,
                members_probationary=prob,
                members_present=official + prob - absent,
                ballots_issued=issued,
                ballots_returned=issued,
                ballots_valid=issued,
                votes_for=issued - (1 if rng.random() < 0.3 else 0),
                votes_against=0,
                ratings={
                    "xuat_sac": xs,
                    "tot": official + prob - xs - ht,
                    "hoan_thanh": ht,
                    "khong_hoan_thanh": 0,
                },
                **common,
            ).fix_votes()
        unit, issuer, parent, recipient, place = COMMITTEES[self.committees % len(COMMITTEES)]
        self.committees += 1
        committee = rng.choice([9, 11, 13, 15])
        present = committee - rng.randint(0, 1)
        official, prob = rng.randint(110, 260), rng.randint(3, 12)
        total_members = official + prob
        xs = total_members // 8
        ht = rng.randint(3, 8)
        n = rng.randint(10, 16)
        sub = Subordinates(
            xuat_sac=3, tot=n - 4, hoan_thanh=1, khong_hoan_thanh=0, registered_bon_tot=n, bon_tot=n - 1
        )
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
            votes_for=present,
            votes_against=0,
            ratings={"xuat_sac": xs, "tot": total_members - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0},
            subordinates=sub,
            **common,
        )


def build(seed: int) -> list[Dossier]:
    """Every sample case, in order."""
    b = Builder(seed)
    out: list[Dossier] = []
    add = out.append

    # -- clean passes, one per medium, both kinds
    add(b.dossier("01_chi_bo_dat_docx", "Chi bộ đạt, bốn văn bản Word (mẫu A)", templates="AAAA"))
    d = b.dossier(
        "02_chi_bo_dat_pdf",
        "Chi bộ đạt, PDF có lớp chữ (mẫu B), một đảng viên miễn sinh hoạt",
        media="pdf_text",
        templates="BBBB",
    )
    # the excused member stays away: one fewer voter and one fewer ballot
    d.members_excused = 1
    absent = max(1, d.members_total - d.members_present)
    d.members_present = d.members_total - absent
    d.ballots_issued = d.ballots_returned = d.ballots_valid = d.members_official - absent
    d.votes_for = d.ballots_valid
    add(d.fix_votes())
    d = b.dossier(
        "03_dang_bo_dat_scan",
        "Đảng bộ cơ sở đạt, bản quét có dấu đỏ, một trang quét nằm ngang",
        kind="dang_bo_co_so",
        media="scan",
        templates="CCAB",
    )
    d.documents[2].rotate_page = 1
    add(d)
    d = b.dossier(
        "04_chi_bo_dat_photo",
        "Chi bộ đạt, ảnh chụp điện thoại (một ảnh có EXIF xoay)",
        media="photo",
        templates="BACB",
    )
    d.documents[1].exif_rotated = True
    add(d)
    d = b.dossier(
        "05_dang_bo_dat_zip",
        "Đảng bộ cơ sở đạt, nộp dạng .zip (Word, PDF và bản quét)",
        kind="dang_bo_co_so",
        media=["docx", "pdf_text", "docx", "scan"],
        templates="ABCD",
    )
    d.zip = True
    add(d)

    # -- each threshold failed alone
    d = b.dossier(
        "06_tieu_chi_duoi_95",
        "Tiêu chí 3 tự chấm dưới 95% điểm tối đa",
        templates="BCAB",
        verdict="khong_dat",
        flags=["CRITERION_BELOW_THRESHOLD"],
        maxes=[25, 25, 25, 25],
    )
    d.criteria[2] = _reduce(d.criteria[2], 23.0)
    add(d)
    d = b.dossier(
        "07_dang_vien_khong_hoan_thanh",
        "Một đảng viên không hoàn thành nhiệm vụ (dưới 100% hoàn thành)",
        media="pdf_text",
        templates="CABD",
        verdict="khong_dat",
        flags=["MEMBER_RATING_BELOW_THRESHOLD"],
    )
    d.ratings["hoan_thanh"] -= 1
    d.ratings["khong_hoan_thanh"] = 1
    add(d)
    d = b.dossier(
        "08_dang_vien_tot_duoi_80",
        "Dưới 80% đảng viên hoàn thành tốt nhiệm vụ trở lên",
        media="scan",
        templates="AAAA",
        verdict="khong_dat",
        flags=["MEMBER_RATING_BELOW_THRESHOLD"],
    )
    total = d.members_total
    good = (total * 4) // 5 - 1  # strictly under 80%
    d.ratings = {"xuat_sac": 1, "tot": good - 1, "hoan_thanh": total - good, "khong_hoan_thanh": 0}
    add(d)
    d = b.dossier(
        "09_bieu_quyet_khong_qua_nua",
        "Số phiếu tán thành không quá một nửa số đảng viên chính thức",
        templates="CCBA",
        verdict="khong_dat",
        flags=["VOTE_NOT_PASSED"],
    )
    _set_vote(d, official=13, prob=2, present=13, votes_for=6)
    add(d)
    d = b.dossier(
        "10_khong_du_so_luong",
        "Có mặt dưới 2/3 đảng viên chính thức (không đủ số lượng)",
        media="pdf_text",
        templates="AACA",
        verdict="khong_dat",
        flags=["QUORUM_NOT_MET"],
    )
    _set_vote(d, official=13, prob=2, present=8, votes_for=7, prob_present=1)
    add(d)
    d = b.dossier(
        "11_co_ky_luat",
        "Có 01 đảng viên bị kỷ luật khiển trách; phiếu dạng Đạt/Không đạt",
        templates="ABAC",
        verdict="khong_dat",
        flags=["DISCIPLINE_RECORDED"],
        allow=["CRITERION_BELOW_THRESHOLD"],
    )
    d.disciplined_members = 1
    d.pass_fail = True
    d.criteria = _full(d.criteria)
    d.criteria[2] = _reduce(d.criteria[2], d.criteria[2].max - 1, item=2)  # "no one disciplined": Không đạt
    add(d)
    d = b.dossier(
        "12_thieu_sinh_hoat_thuong_ky",
        "Chỉ 11 kỳ sinh hoạt thường kỳ; tờ trình quét chất lượng kém",
        media="scan",
        templates="BBBA",
        verdict="khong_dat",
        flags=["MEETINGS_BELOW_MINIMUM"],
    )
    d.regular_meetings = 11
    d.documents[0].low_quality = True
    add(d)
    d = b.dossier(
        "13_thieu_sinh_hoat_chuyen_de",
        "Chỉ 03 kỳ sinh hoạt chuyên đề (ảnh chụp)",
        media="photo",
        templates="ACAD",
        verdict="khong_dat",
        flags=["MEETINGS_BELOW_MINIMUM"],
    )
    d.thematic_meetings = 3
    add(d)
    d = b.dossier(
        "14_ty_le_du_sinh_hoat_85",
        "Tỷ lệ dự sinh hoạt đúng 85%, không trên 85%",
        templates="ACBB",
        verdict="khong_dat",
        flags=["ATTENDANCE_BELOW_THRESHOLD"],
    )
    d.attendance_pct = 85.0
    add(d)
    d = b.dossier(
        "15_chi_bo_truc_thuoc_khong_hoan_thanh",
        "Đảng bộ: 01 chi bộ trực thuộc không hoàn thành nhiệm vụ",
        kind="dang_bo_co_so",
        templates="BBBA",
        verdict="khong_dat",
        flags=["SUBORDINATE_BELOW_THRESHOLD"],
    )
    d.subordinates = Subordinates(
        xuat_sac=3, tot=5, hoan_thanh=1, khong_hoan_thanh=1, registered_bon_tot=10, bon_tot=8
    )
    add(d)
    d = b.dossier(
        "16_chi_bo_truc_thuoc_tot_duoi_80",
        "Đảng bộ: 70% chi bộ trực thuộc hoàn thành tốt trở lên",
        kind="dang_bo_co_so",
        media="pdf_text",
        templates="AAAD",
        verdict="khong_dat",
        flags=["SUBORDINATE_BELOW_THRESHOLD"],
    )
    d.subordinates = Subordinates(
        xuat_sac=2, tot=5, hoan_thanh=3, khong_hoan_thanh=0, registered_bon_tot=10, bon_tot=7
    )
    add(d)
    d = b.dossier(
        "17_can_duoc_bon_tot_duoi_90",
        "Bộ quy tắc Cần Đước: 8/10 chi bộ trực thuộc đạt bốn tốt (< 90%)",
        kind="dang_bo_co_so",
        media=["docx", "scan", "docx", "docx"],
        templates="CABB",
        verdict="khong_dat",
        flags=["SUBORDINATE_BELOW_THRESHOLD"],
    )
    d.profile = "can-duoc"
    d.subordinates = Subordinates(
        xuat_sac=3, tot=6, hoan_thanh=1, khong_hoan_thanh=0, registered_bon_tot=10, bon_tot=8
    )
    add(d)
    d = b.dossier(
        "18_can_duoc_dat",
        "Bộ quy tắc Cần Đước: 9/10 chi bộ trực thuộc đạt bốn tốt (đúng 90%)",
        kind="dang_bo_co_so",
        templates="ABCA",
    )
    d.profile = "can-duoc"
    d.subordinates = Subordinates(
        xuat_sac=3, tot=6, hoan_thanh=1, khong_hoan_thanh=0, registered_bon_tot=10, bon_tot=9
    )
    add(d)

    # -- sums that do not add up
    d = b.dossier(
        "19_phieu_bau_khong_khop",
        "Số phiếu tán thành + không tán thành khác số phiếu hợp lệ",
        media="scan",
        templates="BCAD",
        verdict="can_xem_xet",
        flags=["BALLOT_COUNT_INCONSISTENT"],
    )
    d.votes_for, d.votes_against = d.ballots_valid - 1, 0
    add(d)
    d = b.dossier(
        "20_diem_thanh_phan_khong_khop",
        "Điểm các nội dung của tiêu chí 2 không cộng đúng điểm tiêu chí",
        media="pdf_text",
        templates="ABAA",
        verdict="can_xem_xet",
        flags=["SCORE_INCONSISTENT"],
        maxes=[25, 25, 25, 25],
    )
    d.criteria[1] = _reduce(d.criteria[1], 24.0)
    d.criteria[1].stated_score = 25.0
    add(d)
    d = b.dossier(
        "21_tong_diem_sai",
        "Dòng tổng cộng của phiếu tự chấm sai",
        templates="CBCB",
        verdict="can_xem_xet",
        flags=["SCORE_INCONSISTENT"],
    )
    d.stated_total = sum(c.score for c in d.criteria) - 1.5
    add(d)
    d = b.dossier(
        "22_xep_loai_khong_khop",
        "Tổng các mức xếp loại khác số đảng viên được đánh giá",
        templates="ABBA",
        verdict="can_xem_xet",
        flags=["RATING_COUNT_MISMATCH"],
    )
    d.ratings["tot"] += 1
    d.stated_members_rated = d.members_total
    d.omit_figures = ["ratings"]
    add(d)

    # -- documents that disagree
    d = b.dossier(
        "23_ten_don_vi_khac",
        "Báo cáo ghi tên chi bộ khác (sao chép mẫu của đơn vị khác)",
        media=["docx", "pdf_text", "docx", "docx"],
        templates="ABAD",
        verdict="can_xem_xet",
        flags=["UNIT_MISMATCH"],
    )
    d.documents[2].overrides = {"unit": "Chi bộ Phòng Nội vụ", "issuer": "CHI BỘ PHÒNG NỘI VỤ"}
    add(d)
    d = b.dossier(
        "24_nam_khac",
        "Phiếu tự đánh giá ghi năm 2023 (dùng lại phiếu năm trước)",
        templates="BABA",
        verdict="can_xem_xet",
        flags=["YEAR_MISMATCH"],
    )
    d.documents[3].overrides = {"year": 2023}
    add(d)
    d = b.dossier(
        "25_so_dang_vien_khac",
        "Tờ trình ghi số đảng viên khác biên bản và báo cáo",
        media="pdf_text",
        templates="ACAB",
        verdict="can_xem_xet",
        flags=["MEMBER_COUNT_MISMATCH"],
    )
    d.documents[0].overrides = {"members_official": d.members_official + 1}
    d.omit_figures = ["members_total", "members_official"]
    add(d)
    d = b.dossier(
        "26_bien_ban_sau_to_trinh",
        "Biên bản kiểm phiếu lập sau ngày tờ trình",
        templates="AABA",
        verdict="can_xem_xet",
        flags=["DATE_ORDER"],
    )
    d.dates["to_trinh"] = d.dates["bien_ban_kiem_phieu"] - dt.timedelta(days=3)
    add(d)
    d = b.dossier(
        "27_nop_muon",
        "Tờ trình ngày 06/01 năm sau (quá hạn 31/12)",
        media=["docx", "scan", "docx", "pdf_text"],
        templates="BCAB",
        verdict="can_xem_xet",
        flags=["LATE_SUBMISSION"],
    )
    d.dates["bien_ban_kiem_phieu"] = dt.date(d.year + 1, 1, 3)
    d.dates["to_trinh"] = dt.date(d.year + 1, 1, 6)
    add(d)

    # -- missing, duplicate, unreadable, unrelated, unsupported
    d = b.dossier(
        "28_thieu_phieu_tu_danh_gia",
        "Thiếu phiếu tự đánh giá",
        templates="CABA",
        verdict="bo_sung",
        flags=["MISSING_DOCUMENT"],
    )
    d.documents.pop(3)
    d.omit_figures = ["criteria_scores", "criteria_max"]  # only the tờ trình mentions them
    add(d)
    d = b.dossier(
        "29_bao_cao_trung",
        "Hai bản báo cáo (bản Word nháp và bản quét)",
        templates="ABBA",
        verdict="can_xem_xet",
        flags=["DUPLICATE_DOCUMENT"],
    )
    d.documents.append(DocSpec("bao_cao", "B", "scan0007.pdf", "scan"))
    d.medium = "mixed"
    add(d)
    d = b.dossier(
        "30_bien_ban_hong",
        "Tệp biên bản kiểm phiếu bị hỏng, không mở được",
        media=["docx", "corrupt", "docx", "pdf_text"],
        templates="AAAB",
        verdict="bo_sung",
        flags=["UNREADABLE_FILE"],
        allow=["MISSING_DOCUMENT"],
    )
    d.medium = "mixed"
    d.omit_figures = [
        "members_present",
        "voters_eligible",
        "ballots_issued",
        "ballots_returned",
        "ballots_valid",
        "votes_for",
        "votes_against",
    ]
    d.zip = True
    add(d)
    d = b.dossier(
        "31_co_ke_hoach", "Đủ hồ sơ, kèm thêm một Kế hoạch (văn bản không thuộc hồ sơ)", templates="BCCB"
    )
    d.flags = ["UNRECOGNIZED_DOCUMENT"]
    d.documents.append(DocSpec("ke_hoach", "A", "Kế hoạch xây dựng chi bộ 4 tốt năm 2025.docx", "docx"))
    add(d)
    d = b.dossier(
        "32_tep_khong_ho_tro",
        "Đủ hồ sơ, kèm bảng danh sách đảng viên dạng .odt",
        templates="CBAA",
        verdict="can_xem_xet",
        flags=["UNSUPPORTED_FILE"],
    )
    d.documents.append(DocSpec("danh_sach", "A", "Danh sách đảng viên.odt", "unsupported"))
    add(d)
    d = b.dossier(
        "33_nhan_xep_loai_cu",
        "Hồ sơ năm 2017 dùng cách xếp loại cũ (“trong sạch, vững mạnh”, “đủ tư cách”)",
        media=["docx", "docx", "pdf_text", "docx"],
        templates="AAAC",
        verdict="can_xem_xet",
        flags=["LEGACY_RATING_LABEL"],
        year=2017,
    )
    d.legacy = True
    d.pass_fail = True
    d.criteria = _full(d.criteria)
    d.omit_figures = ["ratings"]
    add(d)
    return out


def _full(criteria: list[Criterion]) -> list[Criterion]:
    """Every item at its maximum: a Đạt / Không đạt form marks each item Đạt."""
    return [Criterion(c.name, [(label, m, m) for label, m, _ in c.items]) for c in criteria]


def _reduce(c: Criterion, target: float, item: int | None = None) -> Criterion:
    """The criterion with points taken off its items (from ``item``, else the first) down to ``target``."""
    items = list(c.items)
    lost = sum(s for _, _, s in items) - target
    order = [item] if item is not None else list(range(len(items)))
    for i in order:
        label, m, s = items[i]
        take = min(lost, s)
        items[i] = (label, m, s - take)
        lost -= take
        if lost <= 0:
            break
    return Criterion(c.name, items)


def _set_vote(
    d: Dossier, *, official: int, prob: int, present: int, votes_for: int, prob_present: int | None = None
) -> None:
    """A cell vote: ballots go to the official members present (probationary members do not vote)."""
    d.members_official, d.members_probationary, d.members_present = official, prob, present
    issued = present - (prob if prob_present is None else prob_present)
    d.ballots_issued = d.ballots_returned = d.ballots_valid = issued
    d.votes_for, d.votes_against = votes_for, issued - votes_for
    total = official + prob
    xs = max(1, total // 6)
    d.ratings = {"xuat_sac": xs, "tot": total - xs - 1, "hoan_thanh": 1, "khong_hoan_thanh": 0}
