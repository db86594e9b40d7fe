"""The desk without a browser: the store (audit, keys, versions), values refused, CSRF, accounts off loopback."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.desk.store import StaleEdit, Store, default_url, hash_password, verify_password
from tests.pipeline.desk_helpers import misread_dossier
from validators.review import ValueProblem, parse_value

DOSSIER = "cb_tu_phap"
# Starlette warns that its TestClient will move to httpx2; the client works the same.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(default_url(tmp_path))
    yield s
    s.close()


def _fix(store: Store, sha: str = "a" * 64, *, value=24.5, version=0, by="A", dossier=DOSSIER) -> int:
    return store.set_correction(
        file_sha256=sha,
        key="criterion.3",
        value={"score": value, "max": 25},
        read_value={"score": 21.5, "max": 25},
        file="phieu.docx",
        dossier_id=dossier,
        by=by,
        reason="đọc nhầm",
        version=version,
    )


def test_every_change_is_an_audit_row_with_who_old_new_why(store: Store) -> None:
    assert _fix(store) == 1
    assert _fix(store, value=24, version=1, by="B") == 2
    store.decide_flag(
        dossier_id=DOSSIER,
        flag_key="k1",
        code="MEMBER_COUNT_MISMATCH",
        action="dismissed",
        reason="r",
        by="A",
        version=0,
    )
    store.set_decision(
        dossier_id=DOSSIER, status="da_xem", decision="cong_nhan", note="ok", by="A", version=0
    )
    rows = list(reversed(store.history(DOSSIER)))
    assert [(r["what"], r["who"]) for r in rows] == [
        ("correction", "A"),
        ("correction", "B"),
        ("flag", "A"),
        ("decision", "A"),
    ]
    assert json.loads(rows[0]["old"])["score"] == 21.5 and json.loads(rows[0]["new"])["score"] == 24.5
    assert json.loads(rows[1]["old"])["score"] == 24.5 and json.loads(rows[1]["new"])["score"] == 24
    assert rows[0]["why"] == "đọc nhầm" and rows[0]["at"] is not None
    assert json.loads(rows[2]["new"]) == "dismissed" and rows[2]["old"] is None
    assert json.loads(rows[3]["new"]) == {"status": "da_xem", "decision": "cong_nhan", "note": "ok"}


def test_corrections_are_keyed_by_file_sha256_and_reading(store: Store) -> None:
    _fix(store, "a" * 64)
    _fix(store, "b" * 64, value=20)
    # The same file in another dossier (sent again under another name) finds its correction.
    assert [c["value"]["score"] for c in store.corrections_for(["a" * 64, "c" * 64])] == [24.5]
    assert {c["file_sha256"][0] for c in store.corrections_for(["a" * 64, "b" * 64])} == {"a", "b"}
    assert store.corrections_for(["c" * 64]) == []


def test_a_stale_version_is_refused_with_the_current_row(store: Store) -> None:
    _fix(store, by="A")
    with pytest.raises(StaleEdit) as exc:
        _fix(store, value=23, version=0, by="B")  # B's page was loaded before A saved
    assert exc.value.current["value"]["score"] == 24.5 and exc.value.current["by"] == "A"
    _fix(store, value=23, version=1, by="A")
    with pytest.raises(StaleEdit):
        _fix(store, value=22, version=1, by="B")
    assert store.correction("a" * 64, "criterion.3")["value"]["score"] == 23
    store.set_decision(dossier_id=DOSSIER, status="dang_xem", decision=None, note=None, by="A", version=0)
    with pytest.raises(StaleEdit):
        store.set_decision(
            dossier_id=DOSSIER, status="da_xem", decision="bo_sung", note=None, by="B", version=0
        )
    assert store.decision(DOSSIER)["status"] == "dang_xem"


def test_passwords_are_hashed_with_scrypt(store: Store) -> None:
    stored = hash_password("mật khẩu dài")
    assert stored.startswith("scrypt$") and "mật khẩu" not in stored
    assert verify_password("mật khẩu dài", stored) and not verify_password("sai", stored)
    store.add_user("thamdinh1", "mật khẩu dài")
    assert store.check_password("thamdinh1", "mật khẩu dài")
    assert not store.check_password("thamdinh1", "wrong password")
    assert not store.check_password("nobody", "mật khẩu dài")
    with pytest.raises(ValueError):
        store.add_user("x", "short")


@pytest.mark.parametrize(
    ("key", "text", "current", "says"),
    [
        ("criterion.3", "hai mươi", {"score": 21.5, "max": 25}, "không phải là số"),
        ("criterion.3", "-1", {"score": 21.5, "max": 25}, "không được âm"),
        ("criterion.3", "25,5", {"score": 21.5, "max": 25}, "lớn hơn điểm tối đa"),
        ("votes_for", "10,5", 10, "phải là số nguyên"),
        ("votes_for", "", 10, "chưa nhập"),
        ("attendance_pct", "101", 95.0, "lớn hơn 100%"),
        ("members_total", "1000000", 11, "vượt quá giới hạn"),
    ],
)
def test_bad_values_are_refused_in_both_languages(key: str, text: str, current, says: str) -> None:
    with pytest.raises(ValueProblem) as exc:
        parse_value(key, text, current)
    assert says in exc.value.message_vi and exc.value.message_en


def test_good_values_are_read_as_typed() -> None:
    assert parse_value("criterion.3", "24,5", {"score": 21.5, "max": 25, "index": 3}) == {
        "score": 24.5,
        "max": 25,
        "index": 3,
    }
    assert parse_value("votes_for", " 11 ", 1) == 11
    assert parse_value("attendance_pct", "92,5", 95.0) == 92.5
    assert parse_value("parent_name", "  Đảng bộ   Xã  ", "x") == "Đảng bộ Xã"


# -- the app over HTTP (no browser) -------------------------------------------------------------


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.inbox import discover
    from pipeline.settings import Settings
    from pipeline.stages import process_dossier

    base = tmp_path_factory.mktemp("desk")
    misread_dossier(base / "inbox" / DOSSIER)
    [src], _ = discover(base / "inbox")
    process_dossier(src, base / "out", Settings(processes=0))
    return base / "out"


@pytest.fixture
def out(processed: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(processed, copy)
    return copy


def _client(out: Path, *, accounts: bool = False):
    from starlette.testclient import TestClient

    from pipeline.desk.app import create_app

    store = Store.open(default_url(out))
    return TestClient(create_app(out, store, accounts=accounts)), store


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _selected_status(html: str) -> str:
    box = re.search(r'<select name="status" id="status">(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="(\w+)" selected', box).group(1)


def _phieu_sha(out: Path) -> str:
    result = json.loads((out / DOSSIER / "result.json").read_text("utf-8"))
    return next(d["sha256"] for d in result["documents"] if d["type"] == "phieu_tu_danh_gia")


def test_a_post_without_the_sessions_csrf_token_is_refused(out: Path) -> None:
    client, store = _client(out)
    token = _csrf(client.get(f"/d/{DOSSIER}").text)
    client.post("/name", data={"csrf": token, "name": "A"})
    form = {"sha": _phieu_sha(out), "key": "criterion.3", "value": "24,5", "version": "0"}
    for bad in ({}, {"csrf": "forged"}):
        r = client.post(f"/d/{DOSSIER}/correct", data=form | bad)
        assert r.status_code == 403 and "CSRF" in r.text
    # A token from another session is no good either.
    other, _ = _client(out)
    r = other.post(f"/d/{DOSSIER}/correct", data=form | {"csrf": token})
    assert r.status_code == 403
    assert store.correction(_phieu_sha(out), "criterion.3") is None
    r = client.post(f"/d/{DOSSIER}/correct", data=form | {"csrf": token})
    assert r.status_code == 200 and store.correction(_phieu_sha(out), "criterion.3")["by"] == "A"


def test_a_bad_value_over_http_is_refused_and_nothing_changes(out: Path) -> None:
    client, store = _client(out)
    token = _csrf(client.get(f"/d/{DOSSIER}").text)
    client.post("/name", data={"csrf": token, "name": "A"})
    form = {"csrf": token, "sha": _phieu_sha(out), "key": "criterion.3", "version": "0"}
    r = client.post(f"/d/{DOSSIER}/correct", data=form | {"value": "26"})
    assert r.status_code == 422 and "lớn hơn điểm tối đa" in r.text and "above the criterion" in r.text
    assert store.correction(_phieu_sha(out), "criterion.3") is None
    assert json.loads((out / DOSSIER / "result.json").read_text("utf-8")).get("review") is None


def test_a_change_needs_a_reviewer_name(out: Path) -> None:
    client, store = _client(out)
    token = _csrf(client.get(f"/d/{DOSSIER}").text)
    form = {"csrf": token, "sha": _phieu_sha(out), "key": "criterion.3", "version": "0", "value": "24,5"}
    r = client.post(f"/d/{DOSSIER}/correct", data=form)
    assert "Hãy nhập tên người thẩm định" in r.text
    assert store.correction(_phieu_sha(out), "criterion.3") is None


def test_off_loopback_the_desk_needs_accounts_and_a_login(out: Path) -> None:
    from pipeline.desk.app import DeskRefused, check_binding

    store = Store.open(default_url(out))
    assert check_binding("127.0.0.1", store) is False and check_binding("::1", store) is False
    with pytest.raises(DeskRefused, match="--add-user"):
        check_binding("0.0.0.0", store)
    store.add_user("thamdinh1", "mật khẩu dài")
    assert check_binding("0.0.0.0", store) is True
    store.close()

    client, store = _client(out, accounts=True)
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert client.get(f"/d/{DOSSIER}/crop?sha=x&page=1&key=y").status_code == 403
    token = _csrf(client.get("/login").text)
    # Not logged in: a change is refused even with a valid token; the name field is not offered.
    form = {"csrf": token, "sha": _phieu_sha(out), "key": "criterion.3", "version": "0", "value": "24,5"}
    assert client.post(f"/d/{DOSSIER}/correct", data=form).status_code == 401
    assert client.post("/name", data={"csrf": token, "name": "kẻ mạo danh"}).status_code == 400
    r = client.post("/login", data={"csrf": token, "name": "thamdinh1", "password": "sai mật khẩu"})
    assert r.status_code == 401 and "Sai tên hoặc mật khẩu" in r.text
    r = client.post("/login", data={"csrf": token, "name": "thamdinh1", "password": "mật khẩu dài"})
    assert r.status_code == 200 and "thamdinh1" in r.text
    token = _csrf(r.text)  # a new token after logging in
    r = client.post(f"/d/{DOSSIER}/correct", data=form | {"csrf": token})
    assert r.status_code == 200
    assert store.correction(_phieu_sha(out), "criterion.3")["by"] == "thamdinh1"


def test_the_batch_list_filters_and_the_flag_dismissal_needs_a_reason(out: Path) -> None:
    client, store = _client(out)
    token = _csrf(client.get("/").text)
    client.post("/name", data={"csrf": token, "name": "A"})
    assert DOSSIER in client.get("/?verdict=khong_dat").text
    assert DOSSIER not in client.get("/?verdict=dat").text
    assert DOSSIER in client.get("/?flag=CRITERION_BELOW_THRESHOLD&status=chua_xem").text
    page = client.get(f"/d/{DOSSIER}").text
    # The page's status box says what the list says: nothing saved yet is "Chưa xem".
    assert _selected_status(page) == "chua_xem"
    key = re.search(r'id="f-(\w+)" data-code="MEMBER_COUNT_MISMATCH"', page).group(1)
    form = {
        "csrf": token,
        "flag": key,
        "code": "MEMBER_COUNT_MISMATCH",
        "version": "0",
        "action": "dismissed",
    }
    r = client.post(f"/d/{DOSSIER}/flag", data=form | {"reason": ""})
    assert "cần ghi lý do" in r.text and store.flag_decision(DOSSIER, key) is None
    client.post(f"/d/{DOSSIER}/flag", data=form | {"reason": "đã kiểm tra"})
    assert store.flag_decision(DOSSIER, key)["action"] == "dismissed"
    assert _selected_status(client.get(f"/d/{DOSSIER}").text) == "dang_xem"
    assert DOSSIER in client.get("/?status=dang_xem").text
    result = json.loads((out / DOSSIER / "result.json").read_text("utf-8"))
    assert result["review"]["flags"][key]["reason"] == "đã kiểm tra"


def test_without_a_review_store_a_batch_is_left_as_it_is(processed: Path) -> None:
    from pipeline.desk.apply import apply_reviews
    from pipeline.stages import outcomes_in

    outcomes = outcomes_in(processed)
    assert apply_reviews(processed, outcomes, None) == outcomes
    assert not (processed / ".hoso-review.sqlite").exists()


def _unread(out: Path, *fields: str) -> None:
    """The dossier as if its files had not yielded ``fields``: their readings dropped from
    dossier.json, and the result checked again from it (what a misread scan gives)."""
    from pipeline.desk.apply import apply_review

    path = out / DOSSIER / "dossier.json"
    data = json.loads(path.read_text("utf-8"))
    for f in data["files"]:
        f["readings"] = [
            r
            for r in f["readings"]
            if r["field"] not in fields and not (r["field"] == "criterion" and r["value"].get("index") == 2)
        ]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    apply_review(out / DOSSIER, Store.open(default_url(out)), force=True)


def test_a_figure_not_read_can_be_entered_from_a_document_and_is_checked(out: Path) -> None:
    _unread(out, "regular_meetings", "criterion_item")
    result = json.loads((out / DOSSIER / "result.json").read_text("utf-8"))
    assert result["figures"]["regular_meetings"] is None
    assert {f["field"] for f in result["flags"] if f["code"] == "FIELD_NOT_FOUND"} >= {
        "regular_meetings",
        "criterion",
    }
    client, store = _client(out)
    token = _csrf(client.get("/").text)
    client.post("/name", data={"csrf": token, "name": "A"})
    page = client.get(f"/d/{DOSSIER}").text
    assert 'id="m-regular_meetings"' in page and 'id="m-criterion.2"' in page
    # The report is offered first for meetings, the self-assessment for a criterion.
    row = re.search(r'id="m-regular_meetings".*?</tr>', page, re.S).group(0)
    first = re.search(r'<option value="(\w+)"[^>]*>([^<]+)</option>', row)
    assert "Báo cáo" in first.group(2)
    report_sha = first.group(1)
    form = {"csrf": token, "key": "regular_meetings", "sha": report_sha, "version": "0", "reason": "trang 2"}
    r = client.post(f"/d/{DOSSIER}/correct", data=form | {"value": "mười hai"})
    assert r.status_code == 422 and "không phải là số" in r.text
    client.post(f"/d/{DOSSIER}/correct", data=form | {"value": "12"})
    phieu = _phieu_sha(out)
    crit = {"csrf": token, "key": "criterion.2", "sha": phieu, "version": "0"}
    r = client.post(f"/d/{DOSSIER}/correct", data=crit | {"value": "29"})
    assert r.status_code == 422 and "24,5/25" in r.text  # a row needs its maximum too
    client.post(f"/d/{DOSSIER}/correct", data=crit | {"value": "29,5/30"})
    result = json.loads((out / DOSSIER / "result.json").read_text("utf-8"))
    assert result["figures"]["regular_meetings"] == 12
    assert result["figures"]["criteria_scores"][1] == 29.5 and result["figures"]["criteria_max"][1] == 30
    assert not [f for f in result["flags"] if f["code"] == "FIELD_NOT_FOUND"]
    page = client.get(f"/d/{DOSSIER}").text
    i = page.find('id="m-regular_meetings"')
    assert i < 0, page[i - 3000 : i + 300]
    assert "không đọc được trong tệp" in page
    # The review sheet says who entered the figure and why, beside the value.
    sheet = (out / DOSSIER / "review.html").read_text("utf-8")
    assert "nhập bởi A: “trang 2”" in sheet
    # A key that is not a figure, or a file of another dossier, is refused.
    bad = client.post(f"/d/{DOSSIER}/correct", data=form | {"key": "unit_kind", "value": "1"})
    assert bad.status_code == 400
    bad = client.post(f"/d/{DOSSIER}/correct", data=form | {"sha": "0" * 64, "value": "11"})
    assert bad.status_code == 400
    assert [h["what"] for h in store.history(DOSSIER)].count("correction") == 2


def test_a_criterion_row_takes_score_and_maximum_together() -> None:
    row = {"score": 21.5, "max": 25, "index": 3, "passed": None}
    assert parse_value("criterion.3", "24,5/25", None) == {
        "index": 3,
        "score": 24.5,
        "max": 25,
        "passed": None,
    }
    assert parse_value("criterion.3", "24,5 trên 30", row) == {
        "index": 3,
        "score": 24.5,
        "max": 30,
        "passed": None,
    }
    with pytest.raises(ValueProblem, match="lớn hơn điểm tối đa"):
        parse_value("criterion.3", "26/25", None)


def test_a_restarted_desk_keeps_its_reviewers_and_their_open_pages(out: Path) -> None:
    from starlette.testclient import TestClient

    from pipeline.desk.app import COOKIE, create_app

    client, store = _client(out, accounts=True)
    store.add_user("Trần Thị Thẩm", "mat-khau-dai")
    token = _csrf(client.get("/login").text)
    client.post("/login", data={"csrf": token, "name": "Trần Thị Thẩm", "password": "mat-khau-dai"})
    page = client.get(f"/d/{DOSSIER}").text
    token, sid = _csrf(page), client.cookies[COOKIE]
    # The database keeps a hash of the cookie's id, never the id itself.
    assert sid not in json.dumps(
        [dict(r) for r in store.engine.connect().exec_driver_sql("select * from sessions").mappings()],
        default=str,
    )

    # The desk restarts (a new process: nothing in memory); the page open before still saves.
    again = TestClient(create_app(out, Store.open(default_url(out)), accounts=True))
    again.cookies.set(COOKIE, sid)
    assert "Trần Thị Thẩm" in again.get("/").text
    form = {"csrf": token, "status": "dang_xem", "decision": "", "note": "", "version": "0"}
    again.post(f"/d/{DOSSIER}/decision", data=form)
    assert store.decision(DOSSIER)["by"] == "Trần Thị Thẩm"
    # A cookie the desk never gave gets no session: the login page, and its POSTs are refused.
    stranger = TestClient(create_app(out, Store.open(default_url(out)), accounts=True))
    stranger.cookies.set(COOKIE, "not-a-session")
    assert stranger.get("/", follow_redirects=False).status_code in (302, 303)
    assert stranger.post(f"/d/{DOSSIER}/decision", data=form | {"version": "1"}).status_code == 403


def test_previous_and_next_walk_the_list_as_the_reviewer_filtered_it(out: Path) -> None:
    # Three more dossiers: copies of the one processed, two of them recognised ("dat").
    for did, verdict in (("cb_a", "dat"), ("cb_b", "khong_dat"), ("cb_c", "dat")):
        shutil.copytree(out / DOSSIER, out / did)
        path = out / did / "result.json"
        result = json.loads(path.read_text("utf-8"))
        result["dossier_id"], result["verdict"] = did, verdict
        path.write_text(json.dumps(result, ensure_ascii=False), "utf-8")
    client, _ = _client(out)
    client.get("/?sort=id")
    page = client.get("/d/cb_a").text
    assert _pager(page) == (None, "cb_b") and 'id="position"' in page
    # Filtered on "Không đạt": cb_b's neighbours are the other Không đạt dossier only.
    listing = client.get("/?verdict=khong_dat&sort=id").text
    assert "cb_a" not in listing and "cb_b" in listing
    page = client.get("/d/cb_b").text
    assert _pager(page) == (None, DOSSIER) and ">1/2<" in page
    assert (
        'href="/?verdict=khong_dat&amp;sort=id"' in page or 'href="/?sort=id&amp;verdict=khong_dat"' in page
    )
    # A dossier outside the filter keeps its place in the list: its neighbours are the nearest kept.
    assert _pager(client.get("/d/cb_c").text) == ("cb_b", DOSSIER)


def _pager(html: str) -> tuple[str | None, str | None]:
    prev = re.search(r'id="prev" href="/d/([^"]+)"', html)
    nxt = re.search(r'id="next" href="/d/([^"]+)"', html)
    return (prev.group(1) if prev else None, nxt.group(1) if nxt else None)
