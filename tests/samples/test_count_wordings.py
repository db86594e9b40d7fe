"""The tờ trình's and the biên bản kiểm phiếu's figures, in wordings the rules were not written for.

Metamorphic over wordings: one set of facts (a chi bộ of 13 members, 11 official and 2 probationary;
12 present, the absent one probationary; 11 official members may vote; 11 ballots issued, returned and
valid; 10 for, 1 against) is written the way clerks write it: long sentences with dates, resolution
numbers and last year's figures nearby, "có mặt 12/13 đồng chí (vắng 01 có lý do)", "13 (mười ba)",
the ballots on one line or in a ballot table, "tán thành 10/11 phiếu = 90,91%", label/value tables with
wrapped labels, leading zeros, "đảng viên dự bị không biểu quyết", a tờ trình quoting the vote. A
second set (11 of 11 in favour) covers "100% … tán thành" and "không có phiếu không tán thành".

Each wording is one document of a dossier otherwise written plainly (the báo cáo and phiếu of the
unseen corpus's dev dossier u01, which agree with these facts), read through the public stages: every
wording must give the same figures, the same unit and year, verdict "đạt", no flag that says the
documents disagree, and the figures it states must be read from the document itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.inbox import DossierSource
from pipeline.settings import Settings
from pipeline.stages import build_dossier
from samples.blocks import Block, Header, Para, Sign, SignCol, Table, Title
from samples.render import render_docx
from tests.samples.test_metamorphic import word_file
from validators import assess

BASE = "u01_chi_bo_dat_docx"  # its báo cáo and phiếu: Chi bộ Trường Mầm non Hoa Sen, 2024, 13 = 11 + 2
UNIT = "Chi bộ Trường Mầm non Hoa Sen"

FACTS = {
    "members_total": 13,
    "members_official": 11,
    "members_present": 12,
    "voters_eligible": 11,
    "ballots_issued": 11,
    "ballots_returned": 11,
    "ballots_valid": 11,
    "ballots_invalid": 0,
    "votes_for": 10,
    "votes_against": 1,
}
UNANIMOUS = {**FACTS, "votes_for": 11, "votes_against": 0}
DISAGREE = {
    "MEMBER_COUNT_MISMATCH",
    "BALLOT_COUNT_INCONSISTENT",
    "UNIT_MISMATCH",
    "YEAR_MISMATCH",
    "DATE_ORDER",
    "VOTE_NOT_PASSED",
    "QUORUM_NOT_MET",
    "FIGURE_MISMATCH",
}


@dataclass(frozen=True)
class Wording:
    id: str
    doc_type: str  # the document written in this wording
    body: tuple[Block, ...]
    states: tuple[str, ...]  # the figures it states: each must be read from it
    facts: tuple[tuple[str, int], ...] = tuple(FACTS.items())
    subject: tuple[str, ...] = ()
    setting: str = "chi_bo"  # SETTINGS: the unit, and the plain documents it is paired with
    closing: bool = True  # the tờ trình ends with the request naming the unit on one line


def P(text: str) -> Para:  # a paragraph, as the documents write them
    return Para(text, align="justify", indent=True)


def T(rows: list[list[str]]) -> Table:
    return Table(rows=rows, widths=[1 / len(rows[0])] * len(rows[0]))


MEMBERS = ("members_total", "members_official")
VOTE = ("votes_for", "votes_against")
BALLOTS = ("ballots_issued", "ballots_returned", "ballots_valid", "ballots_invalid")
ALL_BB = (*MEMBERS, "members_present", "voters_eligible", *BALLOTS, *VOTE)

# ---- biên bản kiểm phiếu ---------------------------------------------------------------------
BB: list[Wording] = [
    Wording(
        "bb-long-sentences",
        "bien_ban_kiem_phieu",
        (
            P(
                "Hôm nay, vào lúc 14 giờ 30 phút ngày 09/12/2024, tại hội trường Trường Mầm non Hoa Sen, "
                "thực hiện Nghị quyết số 05-NQ/CB ngày 15/01/2024 của Chi bộ, Chi bộ tổ chức hội nghị biểu "
                "quyết đề nghị công nhận “Chi bộ bốn tốt” năm 2024."
            ),
            P(
                "Tổng số đảng viên của chi bộ là 13 đồng chí (11 chính thức, 02 dự bị); có mặt 12/13 đồng "
                "chí (vắng 01 đồng chí dự bị có lý do)."
            ),
            P(
                "Đảng viên dự bị không biểu quyết; số đảng viên chính thức có quyền biểu quyết là 11 đồng chí."
            ),
            P(
                "Số phiếu phát ra: 11 phiếu; số phiếu thu về: 11 phiếu; số phiếu hợp lệ: 11 phiếu; số phiếu "
                "không hợp lệ: 0 phiếu."
            ),
            P(
                "Kết quả: 10/11 phiếu tán thành, đạt 90,91% so với số đảng viên chính thức có quyền biểu "
                "quyết; 01 phiếu không tán thành, chiếm 9,09%."
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-ballots-on-one-line",
        "bien_ban_kiem_phieu",
        (
            P(
                "Tổng số đảng viên: 13 đồng chí; đảng viên chính thức: 11 đồng chí; đảng viên dự bị: 02 đồng chí."
            ),
            P("Có mặt: 12 đồng chí; vắng: 01 đồng chí (có lý do)."),
            P("Số đảng viên có quyền biểu quyết: 11 đồng chí."),
            P("Số phiếu phát ra / thu về / hợp lệ / không hợp lệ: 11 / 11 / 11 / 0."),
            P("Số phiếu tán thành: 10 phiếu; số phiếu không tán thành: 01 phiếu."),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-ballot-table-by-columns",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ có 13 đảng viên (11 đảng viên chính thức, 02 đảng viên dự bị), có mặt 12 đồng chí."),
            P("Số đảng viên chính thức có quyền biểu quyết: 11."),
            P("Kết quả kiểm phiếu như sau:"),
            T(
                [
                    [
                        "Phiếu phát ra",
                        "Phiếu thu về",
                        "Phiếu hợp lệ",
                        "Phiếu không hợp lệ",
                        "Tán thành",
                        "Không tán thành",
                    ],
                    ["11", "11", "11", "0", "10", "01"],
                ]
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-label-value-table-wrapped",
        "bien_ban_kiem_phieu",
        (
            P("Ban kiểm phiếu công bố kết quả như sau:"),
            T(
                [
                    ["TT", "Nội dung", "Số lượng"],
                    ["1", "Tổng số đảng viên của\nchi bộ", "13"],
                    ["", "Trong đó: - Đảng viên chính thức", "11"],
                    ["", "- Đảng viên dự bị", "02"],
                    ["2", "Số đảng viên có mặt\ntại hội nghị", "12"],
                    ["3", "Số đảng viên chính thức có\nquyền biểu quyết", "11"],
                    ["4", "Số phiếu phát\nra", "11"],
                    ["5", "Số phiếu thu\nvề", "11"],
                    ["6", "Số phiếu hợp\nlệ", "11"],
                    ["7", "Số phiếu không\nhợp lệ", "0"],
                    ["8", "Số phiếu tán\nthành", "10"],
                    ["9", "Số phiếu không\ntán thành", "01"],
                ]
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-numbers-in-words",
        "bien_ban_kiem_phieu",
        (
            P(
                "Tổng số đảng viên: 13 (mười ba) đồng chí, trong đó chính thức 11 (mười một) đồng chí, dự bị "
                "02 (hai) đồng chí."
            ),
            P("Số đảng viên có mặt: 12 (mười hai) đồng chí; vắng mặt: 01 (một) đồng chí, có lý do."),
            P("Số đảng viên có quyền biểu quyết: 11 (mười một) đồng chí."),
            P(
                "Số phiếu phát ra: 11 (mười một) phiếu; số phiếu thu về: 11 (mười một) phiếu; số phiếu hợp "
                "lệ: 11 (mười một) phiếu; số phiếu không hợp lệ: 0 (không) phiếu."
            ),
            P(
                "Số phiếu tán thành: 10 (mười) phiếu, bằng 90,91%; số phiếu không tán thành: 01 (một) "
                "phiếu, bằng 9,09%."
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-fraction-equals-pct",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ hiện có 13 đảng viên, trong đó 11 đảng viên chính thức và 02 đảng viên dự bị."),
            P("Có mặt 12/13 đồng chí (vắng 01 có lý do)."),
            P("Phát ra 11 phiếu, thu về 11 phiếu, hợp lệ 11 phiếu, không hợp lệ 0 phiếu."),
            P("Tán thành 10/11 phiếu = 90,91%; không tán thành 01/11 phiếu = 9,09%."),
        ),
        (*MEMBERS, "members_present", *BALLOTS, *VOTE),
    ),
    Wording(
        "bb-numbered-dashes",
        "bien_ban_kiem_phieu",
        (
            P("1. Tổng số đảng viên - 13 đồng chí"),
            P("2. Đảng viên chính thức - 11 đồng chí"),
            P("3. Đảng viên dự bị - 02 đồng chí"),
            P("4. Đảng viên có mặt - 12 đồng chí"),
            P("5. Đảng viên có quyền biểu quyết - 11 đồng chí"),
            P("6. Phiếu phát ra - 11 phiếu"),
            P("7. Phiếu thu vào - 11 phiếu"),
            P("8. Phiếu hợp lệ - 11 phiếu"),
            P("9. Phiếu không hợp lệ - 0"),
            P("10. Đồng ý - 10 phiếu (90,91%)"),
            P("11. Không đồng ý - 01 phiếu (9,09%)"),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-plus-bullets-dc",
        "bien_ban_kiem_phieu",
        (
            P("+ Tổng số đảng viên: 13 đ/c (chính thức: 11 đ/c; dự bị: 02 đ/c)."),
            P("+ Có mặt: 12 đ/c; vắng: 01 đ/c (có lý do)."),
            P("+ Số đ/c có quyền biểu quyết: 11 đ/c."),
            P("+ Phiếu phát ra: 11; thu vào: 11; hợp lệ: 11; không hợp lệ: 00."),
            P("+ Đồng ý: 10 phiếu (90,91%); không đồng ý: 01 phiếu (9,09%)."),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-ballot-table-with-shares",
        "bien_ban_kiem_phieu",
        (
            P(
                "Tổng số đảng viên: 13 đồng chí, trong đó đảng viên chính thức 11 đồng chí, dự bị 02 đồng chí."
            ),
            P("Số đảng viên có mặt: 12 đồng chí. Số đảng viên có quyền biểu quyết: 11 đồng chí."),
            T(
                [
                    ["Nội dung", "Số phiếu", "Tỷ lệ (%)"],
                    ["Phiếu phát ra", "11", "100"],
                    ["Phiếu thu về", "11", "100"],
                    ["Phiếu hợp lệ", "11", "100"],
                    ["Phiếu không hợp lệ", "0", "0"],
                    ["Tán thành", "10", "90,91"],
                    ["Không tán thành", "01", "9,09"],
                ]
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-share-of-valid-ballots",
        "bien_ban_kiem_phieu",
        (
            P("Tổng số đảng viên trong chi bộ: 13; đảng viên chính thức: 11; đảng viên dự bị: 02."),
            P("Số đảng viên tham dự: 12; số người có quyền biểu quyết: 11."),
            P(
                "Sau khi nghe đồng chí Bí thư thông qua Báo cáo số 12-BC/CB ngày 07/12/2024, Chi bộ tiến hành "
                "bỏ phiếu kín; Ban kiểm phiếu gồm 03 đồng chí đã phát ra 11 phiếu, thu về 11 phiếu, trong "
                "đó 11 phiếu hợp lệ, không có phiếu không hợp lệ."
            ),
            P(
                "Số phiếu tán thành là 10 phiếu, chiếm tỷ lệ 90,91% trên tổng số phiếu hợp lệ; số phiếu "
                "không tán thành là 01 phiếu, chiếm tỷ lệ 9,09%."
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-last-years-figures-nearby",
        "bien_ban_kiem_phieu",
        (
            P(
                "Năm 2023, chi bộ có 12 đảng viên và được công nhận “Chi bộ bốn tốt” với 10/10 phiếu tán "
                "thành (Quyết định số 25-QĐ/ĐU ngày 10/3/2024)."
            ),
            P(
                "Năm 2024, tổng số đảng viên là 13 đồng chí (kết nạp mới 01 đồng chí), trong đó 11 đảng viên "
                "chính thức, 02 đảng viên dự bị; có mặt tại hội nghị 12 đồng chí, đạt 92,31%."
            ),
            P("Số đảng viên chính thức có quyền biểu quyết: 11 đồng chí."),
            P("Số phiếu phát ra: 11; số phiếu thu về: 11; số phiếu hợp lệ: 11; số phiếu không hợp lệ: 0."),
            P("Số phiếu tán thành: 10, đạt 90,91%; số phiếu không tán thành: 01, chiếm 9,09%."),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-total-after-breakdown",
        "bien_ban_kiem_phieu",
        (
            P("Đảng viên chính thức: 11 đồng chí; đảng viên dự bị: 02 đồng chí; tổng cộng: 13 đồng chí."),
            P("Số đảng viên dự họp: 12 đồng chí, vắng 01 đồng chí (đảng viên dự bị, có lý do)."),
            P("Đảng viên chính thức có quyền biểu quyết: 11 đồng chí; đảng viên dự bị không biểu quyết."),
            P("Số phiếu phát ra 11, số phiếu thu về 11, số phiếu hợp lệ 11, số phiếu không hợp lệ 0."),
            P("Kết quả: có 10 phiếu tán thành, 01 phiếu không tán thành."),
        ),
        (*MEMBERS, "members_present", "voters_eligible", *BALLOTS, *VOTE),
    ),
    Wording(
        "bb-unanimous-100pct",
        "bien_ban_kiem_phieu",
        (
            P("Tổng số đảng viên: 13 đồng chí (chính thức 11, dự bị 02); có mặt: 12 đồng chí."),
            P("Số đảng viên có quyền biểu quyết: 11 đồng chí."),
            P("Số phiếu phát ra: 11 phiếu, thu về: 11 phiếu, hợp lệ: 11 phiếu."),
            P(
                "Kết quả: 100% đảng viên chính thức có mặt tán thành (11/11 phiếu); không có phiếu không tán thành."
            ),
        ),
        (
            *MEMBERS,
            "members_present",
            "voters_eligible",
            "ballots_issued",
            "ballots_returned",
            "ballots_valid",
            *VOTE,
        ),
        tuple((k, v) for k, v in UNANIMOUS.items() if k != "ballots_invalid"),  # not stated
    ),
    Wording(
        "bb-unanimous-no-against",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ có 13 đảng viên, trong đó: chính thức 11 đồng chí, dự bị 02 đồng chí."),
            P("Có mặt 12/13 đồng chí, vắng 01 đồng chí có lý do."),
            P(
                "Số phiếu phát ra: 11; số phiếu thu về: 11; số phiếu hợp lệ: 11; số phiếu không hợp lệ: không."
            ),
            P("Số phiếu tán thành: 11/11 phiếu, đạt tỷ lệ 100%; không có phiếu không tán thành."),
        ),
        (*MEMBERS, "members_present", *BALLOTS, *VOTE),
        tuple(UNANIMOUS.items()),
    ),
    Wording(
        "bb-label-value-table-two-columns",
        "bien_ban_kiem_phieu",
        (
            T(
                [
                    ["Tổng số đảng viên", "13 đồng chí (11 chính thức, 02 dự bị)"],
                    ["Có mặt", "12/13 đồng chí (vắng 01 có lý do)"],
                    ["Có quyền biểu quyết", "11 đồng chí"],
                    ["Phiếu phát ra / thu về", "11 / 11"],
                    ["Phiếu hợp lệ / không hợp lệ", "11 / 0"],
                    ["Tán thành", "10 phiếu (90,91%)"],
                    ["Không tán thành", "01 phiếu (9,09%)"],
                ]
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-members-of-which-probationary-only",
        "bien_ban_kiem_phieu",
        (
            P(
                "Tổng số đảng viên của Chi bộ là 13 đồng chí, trong đó có 02 đồng chí là đảng viên dự bị "
                "(đảng viên dự bị không biểu quyết)."
            ),
            P("Số đảng viên chính thức: 11 đồng chí; có mặt 12 đồng chí."),
            P("Phiếu phát ra 11, thu về 11 (hợp lệ 11, không hợp lệ 0)."),
            P("Tán thành 10 phiếu (đạt 90,91%), không tán thành 01 phiếu (9,09%)."),
        ),
        (*MEMBERS, "members_present", *BALLOTS, *VOTE),
    ),
]

BB += [
    Wording(
        "bb-quorum-two-thirds",
        "bien_ban_kiem_phieu",
        (
            P(
                "Hội nghị có 12/13 đảng viên tham dự, đảm bảo trên 2/3 tổng số đảng viên theo quy định, đủ "
                "điều kiện tiến hành; tổng số đảng viên 13 đồng chí (trong đó: chính thức 11 đồng chí, dự bị "
                "02 đồng chí)."
            ),
            P("Số đảng viên có quyền biểu quyết: 11 đồng chí (02 đảng viên dự bị không biểu quyết)."),
            P("Số phiếu phát ra: 11 – Số phiếu thu về: 11 – Số phiếu hợp lệ: 11 – Số phiếu không hợp lệ: 0."),
            P(
                "Số phiếu tán thành 10 phiếu, đạt 83,33% so với số đảng viên có mặt và 90,91% so với số đảng "
                "viên có quyền biểu quyết; số phiếu không tán thành 01 phiếu."
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-abbreviated-dv",
        "bien_ban_kiem_phieu",
        (
            P("Tổng số ĐV: 13 đ/c; ĐV chính thức: 11 đ/c; ĐV dự bị: 02 đ/c."),
            P("ĐV có mặt: 12 đ/c; ĐV vắng mặt: 01 đ/c (có lý do)."),
            P("ĐV có quyền biểu quyết: 11 đ/c."),
            P("Tổng số phiếu phát ra là 11 phiếu, tổng số phiếu thu vào là 11 phiếu."),
            P("Phiếu hợp lệ là 11 phiếu; phiếu không hợp lệ là 0 phiếu."),
            P("Kết quả: 10/11 đồng chí nhất trí (90,91%), 01 đồng chí không nhất trí (9,09%)."),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-four-column-table-with-notes",
        "bien_ban_kiem_phieu",
        (
            T(
                [
                    ["STT", "Nội dung", "Số lượng", "Ghi chú"],
                    ["1", "Tổng số đảng viên", "13", "11 chính thức, 02 dự bị"],
                    ["2", "Đảng viên chính thức", "11", ""],
                    ["3", "Đảng viên có mặt", "12", "vắng 01 (có lý do)"],
                    ["4", "Đảng viên có quyền biểu quyết", "11", "dự bị không biểu quyết"],
                    ["5", "Số phiếu phát ra", "11", ""],
                    ["6", "Số phiếu thu về", "11", "100%"],
                    ["7", "Số phiếu hợp lệ", "11", ""],
                    ["8", "Số phiếu không hợp lệ", "00", ""],
                    ["9", "Số phiếu tán thành", "10", "đạt 90,91%"],
                    ["10", "Số phiếu không tán thành", "01", "9,09%"],
                ]
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-pct-of-all-members",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ có 13 đảng viên (11 chính thức, 2 dự bị), có mặt 12 đảng viên."),
            P("Đảng viên chính thức có quyền biểu quyết: 11."),
            P("Phát ra: 11 phiếu; thu về: 11 phiếu; hợp lệ: 11 phiếu; không hợp lệ: không có."),
            P("Tán thành: 10 phiếu, đạt 76,92% tổng số đảng viên; không tán thành: 1 phiếu."),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-ballots-sentence-la",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ hiện có 13 đồng chí đảng viên, trong đó 11 đồng chí chính thức, 02 đồng chí dự bị."),
            P("Số đồng chí có mặt là 12 đồng chí; số đồng chí có quyền biểu quyết là 11 đồng chí."),
            P(
                "Ban kiểm phiếu đã phát ra 11 phiếu, thu về 11 phiếu; qua kiểm tra, số phiếu hợp lệ là 11 "
                "phiếu, số phiếu không hợp lệ là 0 phiếu."
            ),
            P("Số phiếu đồng ý là 10 phiếu (chiếm 90,91%), số phiếu không đồng ý là 01 phiếu (chiếm 9,09%)."),
        ),
        ALL_BB,
    ),
]

BB += [
    Wording(
        "bb-breakdown-over-paragraphs",
        "bien_ban_kiem_phieu",
        (
            P("Tổng số đảng viên của chi bộ: 13 đồng chí. Trong đó:"),
            P("- Đảng viên chính thức: 11 đồng chí;"),
            P("- Đảng viên dự bị: 02 đồng chí (không có quyền biểu quyết)."),
            P("Số đảng viên có mặt: 12/13 đồng chí, vắng 01 đồng chí (lý do: đi học)."),
            P("Số người có quyền biểu quyết: 11 đồng chí."),
            P(
                "Kết quả kiểm phiếu: phát ra 11 phiếu, thu vào 11 phiếu (11 phiếu hợp lệ, 0 phiếu không hợp "
                "lệ); tán thành 10 phiếu (90,91%), không tán thành 01 phiếu (9,09%)."
            ),
        ),
        ALL_BB,
    ),
    Wording(
        "bb-words-then-digits",
        "bien_ban_kiem_phieu",
        (
            P(
                "Tổng số đảng viên: mười ba (13) đồng chí, gồm mười một (11) đảng viên chính thức và hai (02) dự bị."
            ),
            P("Số đảng viên có mặt: mười hai (12) đồng chí."),
            P("Số phiếu phát ra: mười một (11) phiếu; số phiếu thu lại: mười một (11) phiếu."),
            P("Số phiếu hợp lệ: mười một (11) phiếu; số phiếu không hợp lệ: không (0) phiếu."),
            P("Số phiếu tán thành: mười (10) phiếu, đạt 90.91%; số phiếu không tán thành: một (01) phiếu."),
        ),
        (*MEMBERS, "members_present", *BALLOTS, *VOTE),
    ),
    Wording(
        "bb-rows-without-header",
        "bien_ban_kiem_phieu",
        (
            T(
                [
                    ["1", "Tổng số đảng viên", "13 đồng chí"],
                    ["2", "Đảng viên chính thức", "11 đồng chí"],
                    ["3", "Đảng viên dự bị", "02 đồng chí"],
                    ["4", "Đảng viên có mặt", "12 đồng chí"],
                    ["5", "Đảng viên có quyền biểu quyết", "11 đồng chí"],
                    ["6", "Số phiếu phát ra", "11 phiếu"],
                    ["7", "Số phiếu thu về", "11 phiếu"],
                    ["8", "Số phiếu hợp lệ", "11 phiếu"],
                    ["9", "Số phiếu không hợp lệ", "Không"],
                    ["10", "Số phiếu tán thành", "10 phiếu = 90,91%"],
                    ["11", "Số phiếu không tán thành", "01 phiếu = 9,09%"],
                ]
            ),
        ),
        ALL_BB,
    ),
]

# ---- tờ trình --------------------------------------------------------------------------------
TT: list[Wording] = [
    Wording(
        "tt-vote-in-one-sentence",
        "to_trinh",
        (
            P("Chi bộ hiện có 13 đảng viên (11 đảng viên chính thức, 02 đảng viên dự bị)."),
            P(
                "Tại hội nghị chi bộ ngày 09/12/2024, có 12/13 đảng viên dự; 10/11 đảng viên chính thức biểu "
                "quyết tán thành (đạt 90,91%) đề nghị công nhận Chi bộ đạt “Chi bộ bốn tốt” năm 2024."
            ),
        ),
        (*MEMBERS, "members_present", "votes_for"),
    ),
    Wording(
        "tt-quotes-the-minutes",
        "to_trinh",
        (
            P("Tổng số đảng viên: 13 đồng chí; trong đó chính thức: 11 đồng chí, dự bị: 02 đồng chí."),
            P(
                "Kết quả biểu quyết (theo Biên bản kiểm phiếu số 57-BB/CB ngày 09/12/2024): số phiếu tán "
                "thành 10/11, chiếm 90,91%; số phiếu không tán thành 01/11, chiếm 9,09%."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-of-which-probationary",
        "to_trinh",
        (
            P("Năm 2024, Chi bộ có tổng số 13 đồng chí đảng viên, trong đó có 02 đồng chí đảng viên dự bị."),
            P("Tổng số đảng viên chính thức: 11 đồng chí."),
            P(
                "Chi bộ đã tổ chức biểu quyết, có 10/11 đồng chí đảng viên chính thức tán thành, đạt tỷ lệ "
                "90,91%; 01 đồng chí không tán thành."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-last-year-nearby",
        "to_trinh",
        (
            P(
                "So với năm 2023 (12 đảng viên), năm 2024 chi bộ có 13 đảng viên, tăng 01 đồng chí; trong đó "
                "11 đảng viên chính thức, 02 đảng viên dự bị."
            ),
            P(
                "Ngày 09/12/2024, Chi bộ họp xét, biểu quyết đề nghị công nhận với 10/11 phiếu tán thành "
                "(90,91%), 01 phiếu không tán thành."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-label-value-table",
        "to_trinh",
        (
            P("Một số chỉ tiêu chủ yếu năm 2024:"),
            T(
                [
                    ["Nội dung", "Kết quả"],
                    ["Tổng số đảng viên", "13"],
                    ["Đảng viên chính\nthức", "11"],
                    ["Đảng viên dự bị", "02"],
                    ["Số đảng viên có quyền\nbiểu quyết", "11"],
                    ["Số phiếu tán thành", "10 (90,91%)"],
                    ["Số phiếu không tán thành", "01 (9,09%)"],
                ]
            ),
        ),
        (*MEMBERS, "voters_eligible", *VOTE),
    ),
    Wording(
        "tt-comrades-for-against",
        "to_trinh",
        (
            P("Chi bộ có 13 đồng chí đảng viên (chính thức 11 đồng chí, dự bị 02 đồng chí)."),
            P(
                "Có 10/11 đồng chí đảng viên chính thức tán thành (đạt 90,91%), 01 đồng chí không tán "
                "thành; đảng viên dự bị không biểu quyết."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-unanimous",
        "to_trinh",
        (
            P("Tổng số đảng viên: 13 đ/c (chính thức 11 đ/c, dự bị 02 đ/c)."),
            P(
                "Kết quả biểu quyết: 100% đảng viên chính thức có mặt tán thành (11/11 đồng chí), không có "
                "đồng chí nào không tán thành."
            ),
        ),
        (*MEMBERS, *VOTE),
        tuple(UNANIMOUS.items()),
    ),
    Wording(
        "tt-dates-and-numbers-around",
        "to_trinh",
        (
            P(
                "Căn cứ Hướng dẫn số 05-HD/ĐU ngày 10/01/2024 của Đảng ủy xã Hòa Khánh và Kế hoạch số "
                "12-KH/CB ngày 05/02/2024 của Chi bộ về xây dựng “Chi bộ bốn tốt” năm 2024;"
            ),
            P(
                "Căn cứ kết quả biểu quyết tại hội nghị chi bộ ngày 09/12/2024 (Biên bản số 57-BB/CB): 12/13 "
                "đồng chí có mặt, số phiếu tán thành 10 phiếu, đạt 90,91% so với tổng số đảng viên chính "
                "thức; không tán thành 01 phiếu."
            ),
            P("Chi bộ có 13 đảng viên, gồm 11 đảng viên chính thức và 02 đảng viên dự bị."),
        ),
        (*MEMBERS, "members_present", *VOTE),
        subject=("V/v đề nghị công nhận Chi bộ đạt “Chi bộ 4 tốt” năm 2024",),
    ),
    Wording(
        "tt-members-dashes",
        "to_trinh",
        (
            P("- Tổng số đảng viên của chi bộ: 13 đồng chí"),
            P("+ Đảng viên chính thức: 11 đồng chí"),
            P("+ Đảng viên dự bị: 02 đồng chí"),
            P("- Kết quả biểu quyết: tán thành 10/11 phiếu = 90,91%; không tán thành 01/11 phiếu = 9,09%."),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-percentage-first",
        "to_trinh",
        (
            P("Chi bộ có tổng số 13 đảng viên, trong đó 11 đảng viên chính thức, 02 đảng viên dự bị."),
            P(
                "Hội nghị chi bộ đã biểu quyết với 90,91% (10/11) đảng viên chính thức tán thành đề nghị cấp "
                "trên xem xét, công nhận."
            ),
        ),
        (*MEMBERS, "votes_for"),
    ),
]

TT += [
    Wording(
        "tt-result-table",
        "to_trinh",
        (
            T(
                [
                    ["Tổng số đảng viên", "13 đồng chí (chính thức 11, dự bị 02)"],
                    ["Kết quả biểu quyết", "10/11 phiếu tán thành (90,91%); 01 phiếu không tán thành"],
                ]
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-present-and-vote-fractions",
        "to_trinh",
        (
            P("Tổng số đảng viên 13 đồng chí (trong đó: chính thức 11 đồng chí, dự bị 02 đồng chí)."),
            P(
                "Hội nghị có 12/13 đồng chí dự, biểu quyết tán thành 10/11 (đạt 90,91%), không tán thành 01/11."
            ),
        ),
        (*MEMBERS, "members_present", *VOTE),
        subject=(
            "Về việc đề nghị công nhận Chi bộ Trường Mầm non Hoa Sen đạt danh hiệu “Chi bộ 4 tốt” năm 2024",
        ),
    ),
    Wording(
        "tt-abbreviated-with-100pct-nearby",
        "to_trinh",
        (
            P("Tổng số ĐV: 13 (ĐV chính thức: 11, ĐV dự bị: 02); 100% đảng viên được đánh giá, xếp loại."),
            P(
                "Kết quả biểu quyết tại hội nghị ngày 09/12/2024: 10/11 đảng viên chính thức tán thành, đạt "
                "90,91%."
            ),
        ),
        (*MEMBERS, "votes_for"),
    ),
]

TT += [
    Wording(
        "tt-gom-members",
        "to_trinh",
        (
            P("Chi bộ gồm 13 đảng viên, trong đó có 11 đảng viên chính thức và 02 đảng viên dự bị."),
            P(
                "Căn cứ Biên bản kiểm phiếu ngày 09/12/2024, có 10/11 đồng chí đảng viên chính thức (đạt "
                "90,91%) tán thành đề nghị công nhận."
            ),
        ),
        (*MEMBERS, "votes_for"),
    ),
    Wording(
        "tt-last-years-recognition-and-targets",
        "to_trinh",
        (
            P(
                "Năm 2023, Chi bộ được công nhận đạt “Chi bộ bốn tốt” (Quyết định số 120-QĐ/ĐU ngày "
                "15/3/2024); năm 2024 chi bộ có 13 đồng chí đảng viên (11 chính thức, 02 dự bị)."
            ),
            P("Kết quả biểu quyết: tán thành 10 phiếu (90,91%), không tán thành 01 phiếu (9,09%)."),
            P(
                "Năm 2025, chi bộ phấn đấu kết nạp 02 đảng viên mới, 100% đảng viên hoàn thành tốt nhiệm vụ "
                "trở lên, giữ vững 15 đảng viên."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
]

BB += [
    Wording(
        "bb-two-row-header",
        "bien_ban_kiem_phieu",
        (
            P("Chi bộ có 13 đảng viên (chính thức 11, dự bị 02); có mặt 12/13 đồng chí được triệu tập."),
            T(
                [
                    ["Đảng viên chính thức có quyền biểu quyết", "Số phiếu", "", "", "", "Kết quả", "", ""],
                    [
                        "",
                        "Phát ra",
                        "Thu về",
                        "Hợp lệ",
                        "Không hợp lệ",
                        "Tán thành",
                        "Tỷ lệ (%)",
                        "Không tán thành",
                    ],
                    ["11", "11", "11", "11", "0", "10", "90,91", "01"],
                ]
            ),
        ),
        ALL_BB,
    ),
]
TT += [
    Wording(
        "tt-n-of-total",
        "to_trinh",
        (
            P("Tổng số đảng viên: 13 (mười ba) đồng chí, trong đó chính thức 11 (mười một), dự bị 02 (hai)."),
            P(
                "Kết quả biểu quyết: 10 (mười) trên tổng số 11 (mười một) đảng viên chính thức tán thành "
                "(90,91%), 01 (một) đồng chí không tán thành."
            ),
        ),
        (*MEMBERS, *VOTE),
    ),
    Wording(
        "tt-hard-wrapped",
        "to_trinh",
        (
            Para("1. Số lượng đảng viên: chi bộ có tổng số 13", align="left", indent=False),
            Para("đ/c, trong đó đảng viên chính thức 11 đ/c,", align="left", indent=False),
            Para("đảng viên dự bị 02 đ/c.", align="left", indent=False),
            Para("2. Ngày 09/12/2024 chi bộ biểu quyết, kết quả: 10/11", align="left", indent=False),
            Para("đ/c đảng viên chính thức tán thành, tỷ lệ 90,91%;", align="left", indent=False),
            Para("không tán thành 01 đ/c.", align="left", indent=False),
        ),
        (*MEMBERS, *VOTE),
    ),
]

TT += [
    Wording(
        "tt-unit-name-wrapped",
        "to_trinh",
        (
            Para("Thực hiện hướng dẫn của cấp trên, Chi bộ Trường Mầm non Hoa", align="left", indent=False),
            Para(
                "Sen báo cáo kết quả năm 2024 và đề nghị như sau: chi bộ có tổng", align="left", indent=False
            ),
            Para(
                "số 13 đ/c, trong đó đảng viên chính thức 11 đ/c, đảng viên dự bị", align="left", indent=False
            ),
            Para(
                "02 đ/c. Kết quả biểu quyết: 10/11 đ/c đảng viên chính thức tán", align="left", indent=False
            ),
            Para("thành, tỷ lệ 90,91%; không tán thành 01 đ/c.", align="left", indent=False),
        ),
        (*MEMBERS, *VOTE),
        closing=False,
    ),
]

# ---- a đảng bộ cơ sở: its committee (9 đảng ủy viên) votes; 8 present, 7 for, 1 against -----------
DANG_BO_FACTS = {
    "members_total": 228,
    "members_official": 220,
    "members_present": 8,
    "voters_eligible": 9,
    "ballots_issued": 8,
    "ballots_returned": 8,
    "ballots_valid": 8,
    "ballots_invalid": 0,
    "votes_for": 7,
    "votes_against": 1,
}
DB_FACTS = tuple(DANG_BO_FACTS.items())
DANG_BO: list[Wording] = [
    Wording(
        "db-bb-prose",
        "bien_ban_kiem_phieu",
        (
            P("Tổng số đảng viên toàn Đảng bộ: 228 đồng chí (220 chính thức, 08 dự bị)."),
            P(
                "Ban Chấp hành Đảng bộ có 09 đồng chí; có mặt 08/09 đồng chí (vắng 01 đồng chí đi công tác có "
                "lý do)."
            ),
            P("Số phiếu phát ra: 08; thu về: 08; hợp lệ: 08; không hợp lệ: 0."),
            P(
                "Kết quả: 07/09 đồng chí Đảng ủy viên tán thành, đạt 77,78% so với tổng số Đảng ủy viên; 01 "
                "phiếu không tán thành."
            ),
        ),
        (*MEMBERS, "members_present", *BALLOTS, *VOTE),
        DB_FACTS,
        setting="dang_bo",
    ),
    Wording(
        "db-bb-table",
        "bien_ban_kiem_phieu",
        (
            T(
                [
                    ["Nội dung", "Số lượng", "Ghi chú"],
                    ["Tổng số đảng ủy viên", "09", "có quyền biểu quyết"],
                    ["Đảng ủy viên có mặt", "08", "vắng 01"],
                    ["Số phiếu phát ra", "08", ""],
                    ["Số phiếu thu về", "08", ""],
                    ["Số phiếu hợp lệ", "08", ""],
                    ["Số phiếu không hợp lệ", "0", ""],
                    ["Số phiếu tán thành", "07", "77,78% tổng số đảng ủy viên"],
                    ["Số phiếu không tán thành", "01", ""],
                ]
            ),
        ),
        ("members_present", *BALLOTS, *VOTE),
        DB_FACTS,
        setting="dang_bo",
    ),
    Wording(
        "db-tt-one-paragraph",
        "to_trinh",
        (
            P("Đảng bộ có 10 chi bộ trực thuộc với 228 đảng viên (220 chính thức, 08 dự bị)."),
            P(
                "Ngày 11/12/2024, Ban Chấp hành Đảng bộ (09 đồng chí) họp, có mặt 08 đồng chí, biểu quyết với "
                "07/09 đồng chí tán thành (77,78%), 01 đồng chí không tán thành."
            ),
        ),
        (*MEMBERS, *VOTE),
        DB_FACTS,
        setting="dang_bo",
    ),
]


@dataclass(frozen=True)
class Setting:
    """The unit a wording is about, and the plain documents it is paired with."""

    base: str  # the dev dossier whose báo cáo and phiếu agree with the facts
    unit: str
    kind: str
    superior: str
    issuer: str
    place: str
    recipient: str
    code: str  # CB, ĐU
    signer: str
    signs_for: str
    plain_members: str
    plain_vote: tuple[str, ...]  # what the plain biên bản states before the votes


SETTINGS = {
    "chi_bo": Setting(
        BASE,
        UNIT,
        "chi_bo",
        "ĐẢNG BỘ XÃ HÒA KHÁNH",
        "CHI BỘ TRƯỜNG MẦM NON HOA SEN",
        "Hòa Khánh",
        "Ban Thường vụ Đảng ủy xã Hòa Khánh",
        "CB",
        "Trần Quốc Việt",
        "T/M CHI BỘ",
        "Tổng số đảng viên: 13 đồng chí; đảng viên chính thức: 11 đồng chí; đảng viên dự bị: 02 đồng chí.",
        (
            "Số đảng viên có mặt: 12 đồng chí.",
            "Số đảng viên có quyền biểu quyết: 11 đồng chí.",
            "Số phiếu phát ra: 11 phiếu.",
            "Số phiếu thu về: 11 phiếu.",
            "Số phiếu hợp lệ: 11 phiếu.",
            "Số phiếu không hợp lệ: 0 phiếu.",
        ),
    ),
    "dang_bo": Setting(
        "u03_dang_bo_dat_docx",
        "Đảng bộ Bệnh viện Đa khoa huyện Bến Lức",
        "dang_bo_co_so",
        "ĐẢNG BỘ HUYỆN BẾN LỨC",
        "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA HUYỆN BẾN LỨC",
        "Bến Lức",
        "Ban Thường vụ Huyện ủy Bến Lức",
        "ĐU",
        "Đinh Thị Hạnh",
        "T/M ĐẢNG ỦY",
        "Tổng số đảng viên: 228 đồng chí; đảng viên chính thức: 220 đồng chí; đảng viên dự bị: 08 đồng chí.",
        (
            "Tổng số đảng ủy viên: 09 đồng chí.",
            "Số đảng ủy viên có mặt: 08 đồng chí.",
            "Số phiếu phát ra: 08 phiếu.",
            "Số phiếu thu về: 08 phiếu.",
            "Số phiếu hợp lệ: 08 phiếu.",
            "Số phiếu không hợp lệ: 0 phiếu.",
        ),
    ),
}


def plain_bb(st: Setting, facts: dict) -> tuple[Block, ...]:
    return (
        P(st.plain_members),
        *(P(t) for t in st.plain_vote),
        P(f"Số phiếu tán thành: {facts['votes_for']:02d} phiếu."),
        P(f"Số phiếu không tán thành: {facts['votes_against']:02d} phiếu."),
    )


def document(
    st: Setting, doc_type: str, body: tuple[Block, ...], subject: tuple[str, ...] = (), closing: bool = True
) -> list[Block]:
    title = "Chi bộ bốn tốt" if st.kind == "chi_bo" else "Đảng bộ cơ sở bốn tốt"
    if doc_type == "to_trinh":
        return [
            Header(st.superior, st.issuer, f"Số: 17-TTr/{st.code}", f"{st.place}, ngày 13 tháng 12 năm 2024"),
            Title("TỜ TRÌNH", list(subject) or [f"Đề nghị công nhận “{title}” năm 2024"]),
            Para(f"Kính gửi: {st.recipient}", align="center", indent=False),
            *body,
            P(
                f"Đề nghị {st.recipient} xem xét, công nhận {st.unit if closing else 'đơn vị'} đạt “{title}” năm 2024."
            ),
            Sign(SignCol([st.signs_for, "BÍ THƯ"], st.signer), noi_nhan=["- Như trên,", "- Lưu."]),
        ]
    return [
        Header(st.superior, st.issuer, f"Số: 57-BB/{st.code}", f"{st.place}, ngày 09 tháng 12 năm 2024"),
        Title("BIÊN BẢN KIỂM PHIẾU", list(subject) or [f"Biểu quyết đề nghị công nhận “{title}” năm 2024"]),
        *body,
        P("Biên bản lập xong hồi 16 giờ 00 cùng ngày, đã thông qua hội nghị."),
        Sign(SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], "Vũ Đình Khải"), left=SignCol(["THƯ KÝ"], "Quàng Văn Chiến")),
    ]


def read_dossier(folder: Path, wording: Wording) -> dict:
    st = SETTINGS[wording.setting]
    facts = dict(wording.facts)
    folder.mkdir(parents=True)
    tt = wording.body if wording.doc_type == "to_trinh" else (P(st.plain_members),)
    bb = wording.body if wording.doc_type == "bien_ban_kiem_phieu" else plain_bb(st, facts)
    subject_tt = wording.subject if wording.doc_type == "to_trinh" else ()
    subject_bb = wording.subject if wording.doc_type != "to_trinh" else ()
    (folder / "to_trinh.docx").write_bytes(
        render_docx(
            document(st, "to_trinh", tt, subject_tt, wording.closing or wording.doc_type != "to_trinh")
        )
    )
    (folder / "bien_ban.docx").write_bytes(render_docx(document(st, "bien_ban_kiem_phieu", bb, subject_bb)))
    for doc_type in ("bao_cao", "phieu_tu_danh_gia"):
        (folder / f"{doc_type}.docx").write_bytes(word_file(st.base, doc_type))
    settings = Settings()
    dossier = build_dossier(
        DossierSource(id=folder.name, path=folder, kind="folder"), settings, folder.parent / "w"
    )
    return json.loads(assess(dossier, settings.profile).model_dump_json())


def check(result: dict, wording: Wording) -> list[str]:
    """What the dossier got wrong: an empty list when every figure and the unit and year are right."""
    st = SETTINGS[wording.setting]
    facts = dict(wording.facts)
    wrong = [
        f"{k}: {result['figures'].get(k)} ≠ {v}" for k, v in facts.items() if result["figures"].get(k) != v
    ]
    if (result["unit"] or {}).get("name") != st.unit or (result["unit"] or {}).get("kind") != st.kind:
        wrong.append(f"unit: {result['unit']}")
    if result["year"] != 2024:
        wrong.append(f"year: {result['year']}")
    flags = sorted({f["code"] for f in result["flags"] if f["code"] in DISAGREE})
    if flags:
        wrong.append(f"flags: {flags}")
    if result["verdict"] != "dat":
        wrong.append(f"verdict: {result['verdict']} {[f['code'] for f in result['flags']]}")
    readings = result.get("readings") or {}
    for name in wording.states:
        own = [r["value"] for r in readings.get(name, []) if r["doc_type"] == wording.doc_type]
        if facts[name] not in own:
            wrong.append(f"{name} not read from the {wording.doc_type}: {own}")
    return wrong


@pytest.mark.parametrize("wording", BB + TT + DANG_BO, ids=lambda w: w.id)
def test_every_wording_gives_the_same_figures(wording: Wording, tmp_path: Path) -> None:
    result = read_dossier(tmp_path / wording.id, wording)
    assert check(result, wording) == []


def test_the_wordings_are_many_and_distinct() -> None:
    """At least 30 distinct sentences, lines or table rows over the two documents."""
    lines: set[str] = set()
    for w in BB + TT + DANG_BO:
        for b in w.body:
            if isinstance(b, Para):
                lines.add(b.text)
            elif isinstance(b, Table):
                lines.update(" | ".join(r) for r in b.rows)
    assert len(lines) >= 30
    assert len({repr(w.body) for w in BB + TT + DANG_BO}) == len(BB + TT + DANG_BO)


def test_a_misread_is_caught() -> None:
    """The check fails when a figure, the unit or a reading of the document is wrong (it can fail)."""
    w = BB[0]
    good = {
        "figures": dict(FACTS),
        "unit": {"name": UNIT, "kind": "chi_bo"},
        "year": 2024,
        "flags": [],
        "verdict": "dat",
        "readings": {k: [{"value": v, "doc_type": w.doc_type}] for k, v in FACTS.items()},
    }
    assert check(good, w) == []
    bad = json.loads(json.dumps(good))
    bad["figures"]["members_official"] = 13
    assert check(bad, w)
    bad = json.loads(json.dumps(good))
    bad["readings"]["votes_for"] = [{"value": 10, "doc_type": "to_trinh"}]
    assert check(bad, w)
