"""What the round-4 families share that ``common.py`` lacks: "đ/c" counts, dotted form leaders, the
figure said in words first, and counts as each document states them (a document may state another
member count than the truth: who may vote and who stayed away then follow from what it states)."""

from __future__ import annotations

from samples.blocks import Para

from .common import Ctx, words, z2

TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Công tác phát triển đảng viên",
    "Phòng, chống suy thoái tư tưởng chính trị, “tự diễn biến”, “tự chuyển hóa”",
    "Chuyển đổi số trong hoạt động của tổ chức đảng",
    "Xây dựng nông thôn mới, đô thị văn minh",
)


def dc(n: int) -> str:
    """'03 đ/c', '18 đ/c'."""
    return f"{z2(n)} đ/c"


def first_words(n: int) -> str:
    """The figure in words first, then in digits: 'mười tám (18)', 'hai (02)'."""
    return f"{words(n)} ({z2(n)})"


def leader(label: str, value: str, dots: int = 48) -> Para:
    """One line of a printed form filled in by hand: the label, a dotted leader, the value."""
    fill = "." * max(6, dots - len(label))
    return Para(f"{label} {fill} {value}", align="left", indent=False)


def stated_voters(c: Ctx) -> int:
    """Who may vote, from the counts this document states: official members less the excused for a cell,
    the party committee for a đảng bộ."""
    return c.official - c.d.members_excused if c.cell else c.d.committee_members


def stated_away(c: Ctx) -> int:
    """Who stayed away from the vote, from the counts this document states (excused members not counted)."""
    if not c.cell:
        return c.d.committee_members - c.d.members_present
    return c.total - c.d.members_excused - c.d.members_present


def thematic_months(n: int) -> list[int]:
    """The months the thematic meetings were held in: one a quarter, more in some years, 3 when one quarter
    had none."""
    months = {3: [3, 6, 9], 4: [3, 6, 9, 12], 5: [3, 6, 8, 9, 12], 6: [3, 5, 6, 9, 11, 12]}
    return months[n]


def targets(c: Ctx, year: int) -> str:
    """Next year's targets, written with the same words as results."""
    who = "đảng viên" if c.cell else "chi bộ trực thuộc"
    return (
        f"Phấn đấu năm {year}: 100% {who} hoàn thành nhiệm vụ trở lên, trong đó trên 85% hoàn thành tốt "
        "nhiệm vụ; duy trì 12 kỳ sinh hoạt thường kỳ và 04 kỳ sinh hoạt chuyên đề; tỷ lệ đảng viên dự "
        "sinh hoạt đạt trên 95%; không có đảng viên vi phạm kỷ luật; kết nạp 02 đảng viên mới."
    )
