"""``hoso review OUT``: the reviewer's desk, a small Starlette app over OUT and the review store.

Pages: the batch list (``/``), a dossier (``/d/<id>``) with its readings beside their crops, its
flags and its decision; crops and whole pages as pictures. Every change is a POST with the
session's CSRF token and the version of what was shown; the dossier is then checked again from its
stored readings (:mod:`pipeline.desk.apply`) and its result and sheets written anew.

On 127.0.0.1 a reviewer only gives a name; bound to any other address, the desk asks for an account
(``hoso review OUT --add-user NAME``) and will not start without one.
"""

from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from validators.codes import VERDICT_NAMES_VI, Verdict
from validators.review import ValueProblem, parse_value

from ..reports.common import flag_title
from . import views
from .apply import apply_review, load_dossier
from .store import DECISIONS_VI, STATUS_VI, StaleEdit, Store

log = logging.getLogger(__name__)

COOKIE = "hoso_desk"
MAX_FORM_BYTES = 64 * 1024


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class Session:
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    user: str | None = None  # the reviewer's name (an account's name off loopback)
    flash: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    # The batch list's filter and sort as the reviewer last set them: previous/next walk that list.
    listing: dict[str, str] = field(default_factory=dict)


class Sessions:
    """Sessions: a random id in an HttpOnly, SameSite=Strict cookie. Kept in memory and in the store
    (a hash of the id, the reviewer's name, the CSRF token), so a restarted desk keeps its reviewers
    logged in and the pages they have open valid; flash messages stay in memory."""

    TOUCH = dt.timedelta(minutes=5)  # how often a session's last use is written back

    def __init__(self, store: Store) -> None:
        self.store = store
        self._by_id: dict[str, Session] = {}
        self._seen: dict[str, dt.datetime] = {}
        self._lock = threading.Lock()

    def find(self, sid: str) -> Session | None:
        """The session of this cookie id: in memory, else saved before a restart; None if unknown."""
        if not sid:
            return None
        with self._lock:
            s = self._by_id.get(sid)
        if s is None:
            saved = self.store.session(sid)
            if saved is None:
                return None
            with self._lock:
                s = self._by_id.setdefault(sid, Session(csrf=saved["csrf"], user=saved["user"]))
                self._seen[sid] = saved["seen_at"]
        if dt.datetime.now(dt.UTC) - self._seen.get(sid, dt.datetime.min.replace(tzinfo=dt.UTC)) > self.TOUCH:
            self.save(sid, s)
        return s

    def get(self, request: Request) -> tuple[str, Session, bool]:
        """The request's session; a new one (its cookie set by the response) when it has none. One
        request gets one session, however often it asks (a new visitor's first page included)."""
        got = getattr(request.state, "hoso_session", None)
        if got is not None:
            return got
        sid = request.cookies.get(COOKIE, "")
        s = self.find(sid)
        if s is not None:
            got = (sid, s, False)
        else:
            sid = secrets.token_urlsafe(32)
            with self._lock:
                s = self._by_id[sid] = Session()
            self.save(sid, s)
            got = (sid, s, True)
        request.state.hoso_session = got
        return got

    def save(self, sid: str, session: Session) -> None:
        self.store.save_session(sid, session.user, session.csrf)
        self._seen[sid] = dt.datetime.now(dt.UTC)


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline.desk", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        VERDICTS={v.value: VERDICT_NAMES_VI[v] for v in Verdict},
        STATUS_VI=STATUS_VI,
        DECISIONS_VI=DECISIONS_VI,
        flag_title=flag_title,
        quote=lambda s: quote(s, safe=""),
    )
    return env


class Desk:
    """The app's state: OUT, the store, sessions, whether accounts are required."""

    def __init__(self, out: Path, store: Store, *, accounts: bool, today: dt.date | None = None) -> None:
        self.out = Path(out)
        self.store = store
        self.accounts = accounts
        self.today = today
        self.sessions = Sessions(store)
        self.env = _env()
        self.lock = threading.Lock()  # one re-check at a time writes a dossier's files

    # -- plumbing -------------------------------------------------------------------------------

    def render(self, request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
        sid, session, new = self.sessions.get(request)
        flash, session.flash = session.flash, []
        html = self.env.get_template(name).render(
            csrf=session.csrf,
            user=session.user,
            accounts=self.accounts,
            flash=flash,
            request_path=request.url.path,
            **ctx,
        )
        resp = HTMLResponse(html, status_code=status)
        resp.headers["Cache-Control"] = "no-store"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        )
        if new:
            self._cookie(resp, sid)
        return resp

    def _cookie(self, resp: Response, sid: str) -> None:
        resp.set_cookie(COOKIE, sid, httponly=True, samesite="strict", secure=False, path="/")

    def redirect(self, request: Request, url: str) -> Response:
        sid, _, new = self.sessions.get(request)
        resp = RedirectResponse(url, status_code=303)
        if new:
            self._cookie(resp, sid)
        return resp

    def refuse(self, message_vi: str, message_en: str, status: int) -> Response:
        body = self.env.get_template("refused.html.j2").render(
            message_vi=message_vi, message_en=message_en, status=status
        )
        return HTMLResponse(body, status_code=status)

    async def form(self, request: Request) -> dict[str, str] | Response:
        """The POSTed form, after the CSRF token of the session is checked (and the login, if needed)."""
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return self.refuse("Dữ liệu gửi lên quá lớn.", "Form too large.", 413)
        ctype = request.headers.get("content-type", "").split(";")[0].strip()
        if ctype != "application/x-www-form-urlencoded":
            return self.refuse("Yêu cầu không hợp lệ.", "Unsupported form encoding.", 400)
        data = {
            k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()
        }
        sid = request.cookies.get(COOKIE, "")
        session = self.sessions.find(sid)
        token = data.get("csrf", "")
        if session is None or not token or not hmac.compare_digest(token, session.csrf):
            return self.refuse(
                "Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang của hoso (CSRF): "
                "hãy tải lại trang rồi làm lại.",
                "Session expired or the request did not come from a hoso page (CSRF token missing or wrong): "
                "reload the page and try again.",
                403,
            )
        return data

    def who(self, request: Request) -> str | None:
        _, session, _ = self.sessions.get(request)
        return session.user

    def flash(self, request: Request, kind: str, message: str) -> None:
        _, session, _ = self.sessions.get(request)
        session.flash.append((kind, message))

    def need_login(self, request: Request) -> Response | None:
        if self.accounts and not self.who(request):
            return self.redirect(request, "/login?" + urlencode({"next": request.url.path}))
        return None

    # -- pages ----------------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        if (r := self.need_login(request)) is not None:
            return r
        q = {k: request.query_params.get(k, "") for k in ("sort", "verdict", "flag", "parent", "status")}
        rows = views.batch_rows(self.out, self.store.all_decisions())
        shown = views.filter_rows(rows, q)
        _, session, _ = self.sessions.get(request)
        session.listing = {k: v for k, v in q.items() if v}
        codes = sorted({c for r in rows for c in r.codes})
        parents = sorted({r.parent for r in rows if r.parent})
        waiting = sum(1 for r in rows if r.status != "da_xem")
        return self.render(
            request,
            "batch.html.j2",
            rows=shown,
            total=len(rows),
            waiting=waiting,
            q=q,
            codes=codes,
            parents=parents,
            ids=[r.id for r in shown],
        )

    def _neighbours(self, request: Request, dossier_id: str) -> dict[str, Any]:
        """Previous and next dossier in the batch list as this reviewer last filtered and sorted it.

        A dossier that has just left the filter (concluded while the list shows "Chưa xem") keeps its
        place: previous/next are the nearest dossiers on either side that are still in the list."""
        _, session, _ = self.sessions.get(request)
        q = session.listing
        rows = views.batch_rows(self.out, self.store.all_decisions())
        everyone = [r.id for r in views.filter_rows(rows, {"sort": q.get("sort", "")})]
        kept = [r.id for r in views.filter_rows(rows, q)]
        keep = set(kept)
        if dossier_id not in everyone:
            return {"prev_id": None, "next_id": None, "position": None, "listing": q}
        i = everyone.index(dossier_id)
        before = [x for x in everyone[:i] if x in keep]
        after = [x for x in everyone[i + 1 :] if x in keep]
        return {
            "prev_id": before[-1] if before else None,
            "next_id": after[0] if after else None,
            "position": (kept.index(dossier_id) + 1, len(kept)) if dossier_id in keep else None,
            "listing": q,
        }

    def _dossier_id(self, request: Request) -> str | None:
        did = request.path_params["dossier"]
        if "/" in did or did.startswith(".") or not (self.out / did / "result.json").is_file():
            return None
        return did

    async def stale(self, request: Request, exc: StaleEdit, what: str, value: str, typed: str) -> Response:
        """The dossier page again (409): another reviewer saved ``what`` first; their value and ours shown."""
        by = (exc.current or {}).get("by", "")
        return await self.dossier(
            request, status=409, stale={"what": what, "by": by, "value": value, "typed": typed}
        )

    async def dossier(self, request: Request, status: int = 200, **extra: Any) -> Response:
        if (r := self.need_login(request)) is not None:
            return r
        did = self._dossier_id(request)
        if did is None:
            return self.refuse("Không có hồ sơ này trong thư mục kết quả.", "No such dossier in OUT.", 404)
        view = views.dossier_view(self.out, did, self.store)
        return self.render(
            request, "dossier.html.j2", status=status, d=view, **self._neighbours(request, did), **extra
        )

    async def crop(self, request: Request) -> Response:
        return await self._picture(request, whole=False)

    async def page(self, request: Request) -> Response:
        return await self._picture(request, whole=True)

    async def _picture(self, request: Request, *, whole: bool) -> Response:
        if self.accounts and not self.who(request):
            return Response(status_code=403)
        did = self._dossier_id(request)
        dossier = load_dossier(self.out / did) if did else None
        if dossier is None:
            return Response(status_code=404)
        sha = request.query_params.get("sha", "")
        key = request.query_params.get("key", "")
        try:
            page = int(request.query_params.get("page", "0"))
        except ValueError:
            return Response(status_code=400)
        box = views.reading_box(dossier, sha, key, page)
        try:
            data = (views.page_png if whole else views.crop_png)(self.out, dossier, sha, page, box)
        except Exception:  # a damaged page image: the text beside it still says what was read
            log.exception("picture of %s p.%s failed", sha, page)
            data = None
        if data is None:
            return Response(status_code=404)
        media = "image/png" if whole else "image/jpeg"
        return Response(data, media_type=media, headers={"Cache-Control": "private, max-age=60"})

    # -- changes --------------------------------------------------------------------------------

    async def _change(self, request: Request) -> tuple[str, dict[str, str], str] | Response:
        """The dossier, the checked form and who is asking; or the refusal."""
        data = await self.form(request)
        if isinstance(data, Response):
            return data
        if self.accounts and not self.who(request):
            return self.refuse("Hãy đăng nhập trước.", "Log in first.", 401)
        did = self._dossier_id(request)
        if did is None:
            return self.refuse("Không có hồ sơ này.", "No such dossier.", 404)
        user = self.who(request)
        if not user:
            self.flash(
                request,
                "error",
                "Hãy nhập tên người thẩm định (ô ở đầu trang) trước khi sửa. / Enter your name first.",
            )
            return self.redirect(request, f"/d/{quote(did, safe='')}")
        return did, data, user

    def _recheck(self, did: str) -> None:
        """Check the dossier again with its review, write it, and tell the result cache (so the next
        ``hoso process`` still reuses it rather than reading the files again)."""
        from .. import cache
        from ..stages import outcome_of

        with self.lock:
            result = apply_review(self.out / did, self.store, today=self.today, force=True)
            if result is not None:
                cache.refresh(self.out, {did: outcome_of(result, self.out / did)})

    def _version(self, data: dict[str, str]) -> int:
        try:
            return max(0, int(data.get("version", "0")))
        except ValueError:
            return 0

    async def correct(self, request: Request) -> Response:
        got = await self._change(request)
        if isinstance(got, Response):
            return got
        did, data, user = got
        sha, key = data.get("sha", ""), data.get("key", "")
        view = views.dossier_view(self.out, did, self.store)
        row = next((r for r in view.readings if r.file_sha256 == sha and r.key == key), None)
        if row is None:
            row = self._entered_row(view, sha, key)
        if row is None:
            return self.refuse("Không có số liệu này trong hồ sơ.", "No such reading in this dossier.", 400)
        read_value = row.corrected["read_value"] if row.corrected else row.value
        anchor = f"#r-{key}-{sha[:8]}" if read_value is not None or row.corrected else f"#m-{key}"
        try:
            # A figure entered by hand is corrected against what was entered (a row keeps its maximum).
            value = parse_value(
                key, data.get("value", ""), read_value if read_value is not None else row.value
            )
        except ValueProblem as exc:
            return await self.dossier(
                request,
                status=422,
                problem={
                    "key": key,
                    "sha": sha,
                    "vi": exc.message_vi,
                    "en": exc.message_en,
                    "typed": data.get("value", ""),
                },
            )
        current = row.corrected["value"] if row.corrected else read_value
        if value == current and str(row.version) == data.get("version", "0"):
            self.flash(request, "ok", f"“{row.label}” vẫn là {views.shown(value)}: không có gì thay đổi.")
            return self.redirect(request, f"/d/{quote(did, safe='')}{anchor}")
        try:
            self.store.set_correction(
                file_sha256=sha,
                key=key,
                value=value,
                read_value=read_value,
                file=row.file,
                dossier_id=did,
                by=user,
                reason=data.get("reason", "").strip() or None,
                version=self._version(data),
            )
        except StaleEdit as exc:
            cur = exc.current or {}
            return await self.stale(
                request, exc, row.label, views.shown(cur.get("value")), data.get("value", "")
            )
        self._recheck(did)
        done = f"Đã nhập “{row.label}” là" if read_value is None else f"Đã sửa “{row.label}” thành"
        self.flash(request, "ok", f"{done} {views.shown(value)}; đã kiểm tra lại hồ sơ.")
        return self.redirect(request, f"/d/{quote(did, safe='')}#r-{key}-{sha[:8]}")

    @staticmethod
    def _entered_row(view: views.DossierView, sha: str, key: str) -> views.ReadingRow | None:
        """A figure the files did not yield, entered from one of the dossier's documents: a row with
        no value read (the correction becomes that document's reading)."""
        m = next((m for m in view.missing if m.key == key), None)
        name = next((label for s, label in (m.documents if m else []) if s == sha), None)
        if m is None or name is None:
            return None
        file = next(d["file"] for d in view.documents if d["sha"] == sha)
        return views.ReadingRow(
            key=key,
            label=m.label,
            file=file,
            file_sha256=sha,
            page=None,
            text="",
            value=None,
            shown="—",
            editable="",
            chosen=False,
            crop=None,
            page_url=None,
        )

    async def decide_flag(self, request: Request) -> Response:
        got = await self._change(request)
        if isinstance(got, Response):
            return got
        did, data, user = got
        action = data.get("action", "")
        if action not in ("accepted", "dismissed", ""):
            return self.refuse("Thao tác không hợp lệ.", "Unknown action.", 400)
        reason = data.get("reason", "").strip()
        if action == "dismissed" and not reason:
            self.flash(
                request, "error", "Bỏ qua một cảnh báo cần ghi lý do. / A reason is needed to dismiss a flag."
            )
            return self.redirect(request, f"/d/{quote(did, safe='')}#f-{data.get('flag', '')}")
        now = self.store.flag_decision(did, data.get("flag", ""))
        if (
            now
            and (now["action"], now["reason"] or "") == (action, reason)
            and str(now["version"]) == data.get("version")
        ):
            self.flash(request, "ok", "Không có gì thay đổi.")
            return self.redirect(request, f"/d/{quote(did, safe='')}")
        try:
            self.store.decide_flag(
                dossier_id=did,
                flag_key=data.get("flag", ""),
                code=data.get("code", ""),
                action=action,
                reason=reason or None,
                by=user,
                version=self._version(data),
            )
        except StaleEdit as exc:
            words = {"accepted": "chấp nhận", "dismissed": "bỏ qua"}
            cur = exc.current or {}
            return await self.stale(
                request,
                exc,
                flag_title(data.get("code", "")),
                words.get(cur.get("action"), "chưa quyết"),
                words.get(action, "chưa quyết"),
            )
        self._recheck(did)
        word = {"accepted": "Đã chấp nhận", "dismissed": "Đã bỏ qua", "": "Đã bỏ quyết định về"}[action]
        self.flash(request, "ok", f"{word} cảnh báo “{flag_title(data.get('code', ''))}”.")
        return self.redirect(request, f"/d/{quote(did, safe='')}")

    async def decide(self, request: Request) -> Response:
        got = await self._change(request)
        if isinstance(got, Response):
            return got
        did, data, user = got
        status = data.get("status", "")
        decision = data.get("decision") or None
        if status not in STATUS_VI or (decision is not None and decision not in DECISIONS_VI):
            return self.refuse("Trạng thái hoặc quyết định không hợp lệ.", "Unknown status or decision.", 400)
        note = data.get("note", "").strip() or None
        try:
            self.store.set_decision(
                dossier_id=did,
                status=status,
                decision=decision,
                note=note,
                by=user,
                version=self._version(data),
            )
        except StaleEdit as exc:
            cur = exc.current or {}
            return await self.stale(
                request,
                exc,
                "Kết luận thẩm định",
                " · ".join(
                    x
                    for x in (
                        STATUS_VI.get(cur.get("status"), ""),
                        DECISIONS_VI.get(cur.get("decision") or "", ""),
                        cur.get("note") or "",
                    )
                    if x
                ),
                " · ".join(
                    x for x in (STATUS_VI[status], DECISIONS_VI.get(decision or "", ""), note or "") if x
                ),
            )
        self._recheck(did)
        self.flash(request, "ok", "Đã lưu kết luận thẩm định.")
        if data.get("then") == "next":
            next_id = self._neighbours(request, did)["next_id"]
            if next_id:
                return self.redirect(request, f"/d/{quote(next_id, safe='')}")
        return self.redirect(request, f"/d/{quote(did, safe='')}")

    # -- who ------------------------------------------------------------------------------------

    async def name(self, request: Request) -> Response:
        data = await self.form(request)
        if isinstance(data, Response):
            return data
        if self.accounts:
            return self.refuse("Tên lấy theo tài khoản đăng nhập.", "The name is the account's.", 400)
        name = " ".join(data.get("name", "").split())[:120]
        sid, session, _ = self.sessions.get(request)
        session.user = name or None
        self.sessions.save(sid, session)
        back = data.get("next", "/")
        return self.redirect(request, back if back.startswith("/") and not back.startswith("//") else "/")

    async def login(self, request: Request) -> Response:
        if request.method == "GET":
            return self.render(request, "login.html.j2", next=request.query_params.get("next", "/"))
        data = await self.form(request)
        if isinstance(data, Response):
            return data
        name = data.get("name", "")
        if not self.store.check_password(name, data.get("password", "")):
            return self.render(
                request,
                "login.html.j2",
                status=401,
                next=data.get("next", "/"),
                error="Sai tên hoặc mật khẩu. / Wrong name or password.",
            )
        sid, session, _ = self.sessions.get(request)
        session.user = name.strip()
        session.csrf = secrets.token_urlsafe(32)  # a new token once logged in
        self.sessions.save(sid, session)
        back = data.get("next", "/")
        return self.redirect(request, back if back.startswith("/") and not back.startswith("//") else "/")

    async def logout(self, request: Request) -> Response:
        data = await self.form(request)
        if isinstance(data, Response):
            return data
        sid, session, _ = self.sessions.get(request)
        session.user = None
        self.sessions.save(sid, session)
        return self.redirect(request, "/login" if self.accounts else "/")

    async def sheet(self, request: Request) -> Response:
        if (r := self.need_login(request)) is not None:
            return r
        did = self._dossier_id(request)
        path = self.out / did / "review.html" if did else None
        if path is None or not path.is_file():
            return Response(status_code=404)
        return HTMLResponse(path.read_text("utf-8"), headers={"Cache-Control": "no-store"})

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ("desk.css", "desk.js"):
            return Response(status_code=404)
        path = Path(__file__).parent / "templates" / name
        media = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(path.read_text("utf-8"), media_type=media, headers={"Cache-Control": "max-age=300"})


def create_app(out: Path, store: Store, *, accounts: bool, today: dt.date | None = None) -> Starlette:
    desk = Desk(out, store, accounts=accounts, today=today)
    app = Starlette(
        routes=[
            Route("/", desk.index),
            Route("/d/{dossier}", desk.dossier),
            Route("/d/{dossier}/crop", desk.crop),
            Route("/d/{dossier}/page", desk.page),
            Route("/d/{dossier}/review.html", desk.sheet),
            Route("/d/{dossier}/correct", desk.correct, methods=["POST"]),
            Route("/d/{dossier}/flag", desk.decide_flag, methods=["POST"]),
            Route("/d/{dossier}/decision", desk.decide, methods=["POST"]),
            Route("/name", desk.name, methods=["POST"]),
            Route("/login", desk.login, methods=["GET", "POST"]),
            Route("/logout", desk.logout, methods=["POST"]),
            Route("/static/{name}", desk.asset),
        ]
    )
    app.state.desk = desk
    return app


class DeskRefused(Exception):
    """The desk cannot start as asked (bilingual message)."""


def check_binding(host: str, store: Store) -> bool:
    """Whether accounts are required on ``host``; refuses a non-loopback address without any account."""
    if is_loopback(host):
        return False
    if not store.has_users():
        raise DeskRefused(
            f"Mở bàn thẩm định trên {host} (ngoài máy này) cần tài khoản: hãy tạo bằng "
            f"`hoso review OUT --add-user TÊN` / binding to {host} needs accounts: add one with --add-user"
        )
    return True
