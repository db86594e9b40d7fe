"""Vote minutes, round 7 causes, each in a wording of our own: a share's base named by a whole noun
phrase, the ballot's part of the minutes of a whole meeting, a counting sheet's marks."""

from __future__ import annotations

from .test_fields import BB, CHI_BO_HEAD, TT, values


def read(line: str | list[str], doc_type=BB) -> dict[str, list]:
    v = values([*CHI_BO_HEAD, line], doc_type)
    return {k: x for k, x in v.items() if k not in ("unit_name", "unit_kind", "parent_name", "doc_number")}


def test_share_base_is_the_narrowest_words_of_its_phrase() -> None:
    # "số ĐV chính thức có quyền biểu quyết": those who may vote, not all the members.
    got = read("+ Dong y: 09 phieu = 81,82 % so DV chinh thuc co quyen bieu quyet")
    assert got["votes_for_pct"] == [81.82] and got["votes_for_pct_base"] == ["voters_eligible"]
    got = read("Có 11 phiếu tán thành, bằng 91,67% so với tổng số ĐV chính thức có quyền biểu quyết.", TT)
    assert got["votes_for_pct_base"] == ["voters_eligible"]
    # The phrase stops at a bracket: the second share has its own base.
    got = read("Tán thành 10 phiếu = 83,33 % số đảng viên chính thức (100 % số phiếu hợp lệ)")
    assert sorted(got["votes_for_pct"]) == [83.33, 100.0]
    assert sorted(got["votes_for_pct_base"]) == ["ballots_valid", "members_official"]
    # The base's own count said inside it.
    got = read("số phiếu tán thành 11, bằng 78,57% tổng số 14 đảng viên chính thức có quyền biểu quyết.")
    assert got["votes_for_pct"] == [78.57] and got["votes_for_pct_base"] == ["voters_eligible"]
