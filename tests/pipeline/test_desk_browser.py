"""The reviewer's desk in a real Chromium (Playwright): correct a misread score, dismiss a flag, conclude;
then ``process-batch`` again on the same inbox keeps it all, in result.json, summary.xlsx and the notice.
The same on a PostgreSQL the test starts itself; and two reviewers saving the same value at once."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pipeline.desk_helpers import UNIT, chromium, desk_server, misread_dossier, postgres

pytestmark = pytest.mark.browser

DOSSIER = "cb_tu_phap"
PHIEU = "Phiếu tự chấm điểm.docx"


def _correct(page, value: str, reason: str = "") -> None:
    row = page.locator(f'tr[data-key="criterion.3"][data-file="{PHIEU}"]')
    row.locator("input[name=value]").fill(value)
    row.locator("input[name=reason]").fill(reason)
    row.locator("form.correct button").click()
    page.wait_for_load_state()


def _review_in_browser(base: str) -> None:
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/d/{DOSSIER}")
        page.fill("#reviewer-name", "Trần Thị Thẩm")
        page.click("#name-form button")
        assert page.locator("#verdict").get_attribute("data-verdict") == "khong_dat"
        assert page.locator('[data-code="CRITERION_BELOW_THRESHOLD"]').count() == 1

        # Bad values are refused, with the reason in Vietnamese and English; nothing is saved.
        _correct(page, "hai mươi tư")
        assert "không phải là số" in page.locator(".problem").inner_text()
        assert "is not a number" in page.locator(".problem").inner_text()
        _correct(page, "26")
        assert "lớn hơn điểm tối đa" in page.locator(".problem").inner_text()
        _correct(page, "-1")
        assert "không được âm" in page.locator(".problem").inner_text()
        assert page.locator("#verdict").get_attribute("data-verdict") == "khong_dat"

        # The misread score corrected: the threshold flag goes, the verdict changes at once.
        _correct(page, "24,5", "phiếu ghi 24,5, máy đọc nhầm")
        assert "Đã sửa" in page.locator(".flash.ok").inner_text()
        assert page.locator('[data-code="CRITERION_BELOW_THRESHOLD"]').count() == 0
        assert page.locator("#verdict").get_attribute("data-verdict") == "can_xem_xet"
        assert "Khi đọc tệp: Không đạt" in page.locator("#verdict-read").inner_text()

        # Dismiss one of the member-count warnings, with a reason.
        flag = page.locator('[data-code="MEMBER_COUNT_MISMATCH"]').first
        flag.locator("input[name=reason]").fill("báo cáo tính cả đảng viên chuyển đến tháng 12")
        flag.locator("button.dismiss").click()
        page.wait_for_load_state()
        assert page.locator(".badge.dismissed").count() == 1

        # Conclude: reviewed, recognised, with a note.
        page.select_option("#status", "da_xem")
        page.select_option("#decision-select", "cong_nhan")
        page.fill("#note", "Đã đối chiếu bản giấy.")
        page.click("#save-decision")
        page.wait_for_load_state()
        assert "Đã lưu kết luận" in page.locator(".flash.ok").inner_text()

        # The batch list shows it reviewed.
        page.goto(base + "/?status=da_xem")
        rows = page.locator("#batch tr.row")
        assert rows.count() == 1 and "Đồng ý công nhận" in rows.first.inner_text()


def _run_flow(inbox: Path, out: Path):
    from pipeline.flows import run_batch

    return run_batch(inbox, out, workers=1)


def _desk_scenario(tmp: Path, url: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    if url:
        monkeypatch.setenv("HOSO_REVIEW_DB", url)
    inbox, out = tmp / "inbox", tmp / "out"
    misread_dossier(inbox / DOSSIER)
    first = _run_flow(inbox, out)
    assert {d.id: d.verdict for d in first.dossiers} == {DOSSIER: "khong_dat"}

    with desk_server(out, url) as base:
        _review_in_browser(base)

    # The same file dropped again under another name gets the same correction (keyed by sha256).
    shutil.copytree(inbox / DOSSIER, inbox / "cb_tu_phap_gui_lai")
    again = _run_flow(inbox, out)
    assert {d.id: d.reused for d in again.dossiers} == {DOSSIER: True, "cb_tu_phap_gui_lai": False}
    verdicts = {d.id: d.verdict for d in again.dossiers}
    assert verdicts == {DOSSIER: "can_xem_xet", "cb_tu_phap_gui_lai": "can_xem_xet"}

    result = json.loads((out / DOSSIER / "result.json").read_text("utf-8"))
    review = result["review"]
    assert review["status"] == "da_xem" and review["decision"] == "cong_nhan"
    assert review["reviewer"] == "Trần Thị Thẩm" and review["verdict_read"] == "khong_dat"
    [fix] = review["corrections"]
    assert (fix["key"], fix["read"]["score"], fix["value"]["score"]) == ("criterion.3", 21.5, 24.5)
    assert [d["action"] for d in review["flags"].values()] == ["dismissed"]
    assert result["figures"]["criteria_scores"][2] == 24.5
    # The sheet, written again by the batch, says beside the score who changed it from what.
    sheet = (out / DOSSIER / "review.html").read_text("utf-8")
    assert "sửa bởi Trần Thị Thẩm (đọc được 21,5): “phiếu ghi 24,5, máy đọc nhầm”" in sheet
    resent = json.loads((out / "cb_tu_phap_gui_lai" / "result.json").read_text("utf-8"))
    assert [c["key"] for c in resent["review"]["corrections"]] == ["criterion.3"]
    assert resent["review"]["decision"] is None  # a decision is the dossier's, not the file's

    ws = load_workbook(out / "summary.xlsx")["Tổng hợp"]
    header = [c.value for c in ws[1]]
    rows = {
        r["Hồ sơ"]: r
        for r in (dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2))
    }
    mine = rows[DOSSIER]
    assert mine["Thẩm định"] == "Đã thẩm định" and mine["Quyết định"] == "Đồng ý công nhận"
    assert mine["Ghi chú"] == "Đã đối chiếu bản giấy." and mine["Người thẩm định"] == "Trần Thị Thẩm"
    assert mine["Kết quả"] == "Cần xem xét" and mine["Trực thuộc"]
    assert mine["Tổng điểm tự chấm"] == 98.5
    assert rows["cb_tu_phap_gui_lai"]["Thẩm định"] == "Đang xem"

    # The notice lists the unit as meeting the standard: the reviewer recognised it.
    from docx import Document

    paras = [p.text for p in Document(str(out / "thong_bao_ket_qua.docx")).paragraphs]
    i1 = next(i for i, t in enumerate(paras) if t.startswith("1. "))
    i2 = next(i for i, t in enumerate(paras) if t.startswith("2. "))
    assert [t for t in paras[i1 + 1 : i2] if t.startswith("- ")] == [f"- {UNIT}"]
    assert "Đã thẩm định" in (out / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_desk_corrects_dismisses_concludes_and_a_rerun_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HOSO_REVIEW_DB", raising=False)
    _desk_scenario(tmp_path, None, monkeypatch)
    assert (tmp_path / "out" / ".hoso-review.sqlite").is_file()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres() as url:
        yield url


@pytest.mark.slow
def test_desk_on_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_url: str) -> None:
    _desk_scenario(tmp_path, postgres_url, monkeypatch)
    assert not (tmp_path / "out" / ".hoso-review.sqlite").exists()
    from pipeline.desk.store import Store

    store = Store.open(postgres_url)
    try:
        whats = [h["what"] for h in store.history(DOSSIER)]
        assert sorted(set(whats)) == ["correction", "decision", "flag"]
    finally:
        store.close()


def test_two_reviewers_on_one_dossier_lose_nothing(tmp_path: Path) -> None:
    """Two browser sessions: the second, stale save of the same score is refused with the current value."""
    from pipeline.desk.store import Store, default_url
    from pipeline.inbox import discover
    from pipeline.settings import Settings
    from pipeline.stages import process_dossier

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    misread_dossier(inbox / DOSSIER)
    [src], _ = discover(inbox)
    process_dossier(src, out, Settings(processes=0))

    with desk_server(out) as base, chromium() as browser:
        pages = []
        for name in ("Người A", "Người B"):
            page = browser.new_context().new_page()
            page.goto(f"{base}/d/{DOSSIER}")
            page.fill("#reviewer-name", name)
            page.click("#name-form button")
            pages.append(page)
        a, b = pages
        _correct(a, "24,5", "A đối chiếu bản giấy")
        assert a.locator("#verdict").get_attribute("data-verdict") == "can_xem_xet"
        _correct(b, "24", "B đọc lại")  # B's page still shows the value as read, version 0
        stale = b.locator("#stale").inner_text()
        assert "người khác đã sửa" in stale and "Người A" in stale and "24,5" in stale
        row = b.locator(f'tr[data-key="criterion.3"][data-file="{PHIEU}"]')
        assert row.locator(".v").inner_text() == "24,5/25"
        # B, now on the current page, saves again: accepted, and both edits are in the audit.
        _correct(b, "24", "B đọc lại")
        assert "Đã sửa" in b.locator(".flash.ok").inner_text()

    store = Store.open(default_url(out))
    try:
        rows = [h for h in store.history(DOSSIER) if h["what"] == "correction"]
        assert [(h["who"], json.loads(h["new"])["score"]) for h in reversed(rows)] == [
            ("Người A", 24.5),
            ("Người B", 24),
        ]
        assert json.loads(rows[-1]["old"])["score"] == 21.5 and json.loads(rows[0]["old"])["score"] == 24.5
    finally:
        store.close()
