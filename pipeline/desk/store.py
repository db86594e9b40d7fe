"""The reviewer's desk's database: corrections, flag decisions, dossier decisions, accounts, audit.

SQLAlchemy Core over SQLite (the default: ``OUT/.hoso-review.sqlite``, WAL, embedded) or any URL,
e.g. ``postgresql+psycopg://user@host/db``. Corrections are keyed by the file's sha256 and the
reading's key, so they apply to the same file in any later run and any dossier it is dropped in
again; decisions by the dossier's id (its folder name). Every row carries a version: a change made
from a stale page (someone else saved in between) is refused with :class:`StaleEdit`, never lost.
Every change also writes an audit row (who, when, old → new, why).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

DB_NAME = ".hoso-review.sqlite"

metadata = MetaData()

corrections = Table(
    "corrections",
    metadata,
    Column("file_sha256", String(64), primary_key=True),
    Column("key", String(120), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
    Column("read_value", Text),  # JSON: the value as read, for the audit and the page
    Column("file", String(500)),
    Column("dossier_id", String(300)),
    Column("reason", Text),
    Column("by", String(120), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)
flag_decisions = Table(
    "flag_decisions",
    metadata,
    Column("dossier_id", String(300), primary_key=True),
    Column("flag_key", String(40), primary_key=True),
    Column("action", String(20), nullable=False),  # accepted | dismissed | (empty: undecided)
    Column("code", String(60)),
    Column("reason", Text),
    Column("by", String(120), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)
decisions = Table(
    "decisions",
    metadata,
    Column("dossier_id", String(300), primary_key=True),
    Column("status", String(20), nullable=False),  # chua_xem | dang_xem | da_xem
    Column("decision", String(30)),  # cong_nhan | khong_cong_nhan | bo_sung
    Column("note", Text),
    Column("by", String(120), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)
users = Table(
    "users",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("password", String(300), nullable=False),  # scrypt$n$r$p$salt$hash
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# Reviewers' sessions, so a restart of the desk does not log them out or void the pages they have open.
# Only a hash of the cookie's id is kept: the database never holds a usable cookie.
sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user", String(120)),
    Column("csrf", String(64), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
SESSION_IDLE = dt.timedelta(hours=12)  # a session unused this long is ended

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(120), nullable=False),
    Column("dossier_id", String(300)),
    Column("what", String(30), nullable=False),  # correction | flag | decision | user
    Column("target", String(300)),
    Column("old", Text),
    Column("new", Text),
    Column("why", Text),
)

DECISIONS_VI = {
    "cong_nhan": "Đồng ý công nhận",
    "khong_cong_nhan": "Không công nhận",
    "bo_sung": "Yêu cầu bổ sung hồ sơ",
}
STATUS_VI = {"chua_xem": "Chưa xem", "dang_xem": "Đang xem", "da_xem": "Đã thẩm định"}


class StaleEdit(Exception):
    """Someone saved this item after the page was loaded: the edit is refused, the current row returned."""

    def __init__(self, current: dict[str, Any] | None) -> None:
        super().__init__("stale edit")
        self.current = current


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def default_url(out: Path) -> str:
    return f"sqlite:///{(Path(out) / DB_NAME).resolve()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@dataclass(frozen=True)
class ReviewData:
    """Everything the database says about one dossier."""

    corrections: list[dict[str, Any]]
    flags: dict[str, dict[str, Any]]
    decision: dict[str, Any] | None

    @property
    def empty(self) -> bool:
        return not self.corrections and not self.flags and self.decision is None

    @property
    def status(self) -> str:
        """Where the review stands, as the batch list and the dossier page both show it: the saved
        status, else "Đang xem" once anything was saved, else "Chưa xem"."""
        saved = (self.decision or {}).get("status")
        return saved or ("dang_xem" if not self.empty else "chua_xem")


class Store:
    """The desk's database. ``Store.open(url)`` creates the tables if they are missing."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        engine = create_engine(url, pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
        return cls(engine)

    @classmethod
    def for_out(cls, out: Path, url: str | None = None) -> Store | None:
        """The store of OUT (``url``, else the SQLite file in OUT if it exists); None when there is none."""
        if url:
            return cls.open(url)
        if (Path(out) / DB_NAME).is_file():
            return cls.open(default_url(out))
        return None

    def close(self) -> None:
        self.engine.dispose()

    # -- reading --------------------------------------------------------------------------------

    def corrections_for(self, shas: list[str]) -> list[dict[str, Any]]:
        shas = [s for s in shas if s]
        if not shas:
            return []
        with self.engine.connect() as c:
            rows = c.execute(select(corrections).where(corrections.c.file_sha256.in_(shas))).mappings()
            return [{**r, "value": _load(r["value"]), "read_value": _load(r["read_value"])} for r in rows]

    def review_of(self, dossier_id: str, shas: list[str]) -> ReviewData:
        with self.engine.connect() as c:
            flags = {
                r["flag_key"]: dict(r)
                for r in c.execute(
                    select(flag_decisions).where(flag_decisions.c.dossier_id == dossier_id)
                ).mappings()
                if r["action"]
            }
            row = c.execute(select(decisions).where(decisions.c.dossier_id == dossier_id)).mappings().first()
        return ReviewData(self.corrections_for(shas), flags, dict(row) if row else None)

    def all_decisions(self) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as c:
            return {r["dossier_id"]: dict(r) for r in c.execute(select(decisions)).mappings()}

    def reviewed_ids(self) -> set[str]:
        """Dossiers with a decision or a flag decision (corrections are found by their files' sha256)."""
        with self.engine.connect() as c:
            ids = {r[0] for r in c.execute(select(decisions.c.dossier_id))}
            ids |= {r[0] for r in c.execute(select(flag_decisions.c.dossier_id))}
        return ids

    def all_correction_shas(self) -> set[str]:
        with self.engine.connect() as c:
            return {r[0] for r in c.execute(select(corrections.c.file_sha256))}

    def history(self, dossier_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        q = select(audit).order_by(audit.c.id.desc()).limit(limit)
        if dossier_id is not None:
            q = q.where(audit.c.dossier_id == dossier_id)
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    # -- writing --------------------------------------------------------------------------------

    def _audit(self, c, who: str, dossier_id: str | None, what: str, target: str, old, new, why) -> None:
        c.execute(
            insert(audit).values(
                at=now(),
                who=who,
                dossier_id=dossier_id,
                what=what,
                target=target,
                old=None if old is None else _dump(old),
                new=None if new is None else _dump(new),
                why=why,
            )
        )

    def _versioned(self, c, table: Table, where: list, version: int, values: dict[str, Any]) -> int:
        """Insert (``version`` 0) or update the row at ``version``; the new version, or StaleEdit."""
        if version == 0:
            try:
                with c.begin_nested():
                    c.execute(insert(table).values(**values, version=1))
            except IntegrityError:
                raise StaleEdit(self._row(c, table, where)) from None
            return 1
        n = c.execute(
            update(table).where(*where, table.c.version == version).values(**values, version=version + 1)
        ).rowcount
        if n != 1:
            raise StaleEdit(self._row(c, table, where))
        return version + 1

    @staticmethod
    def _row(c, table: Table, where: list) -> dict[str, Any] | None:
        row = c.execute(select(table).where(*where)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        for k in ("value", "read_value"):
            if k in out and isinstance(out[k], str):
                out[k] = _load(out[k])
        return out

    def correction(self, file_sha256: str, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            return self._row(
                c, corrections, [corrections.c.file_sha256 == file_sha256, corrections.c.key == key]
            )

    def set_correction(
        self,
        *,
        file_sha256: str,
        key: str,
        value: Any,
        read_value: Any,
        file: str,
        dossier_id: str,
        by: str,
        reason: str | None,
        version: int,
    ) -> int:
        where = [corrections.c.file_sha256 == file_sha256, corrections.c.key == key]
        with self.engine.begin() as c:
            old = self._row(c, corrections, where)
            new_version = self._versioned(
                c,
                corrections,
                where,
                version,
                {
                    "file_sha256": file_sha256,
                    "key": key,
                    "value": _dump(value),
                    "read_value": _dump(read_value),
                    "file": file,
                    "dossier_id": dossier_id,
                    "reason": reason,
                    "by": by,
                    "at": now(),
                }
                if version == 0
                else {
                    "value": _dump(value),
                    "dossier_id": dossier_id,
                    "reason": reason,
                    "by": by,
                    "at": now(),
                },
            )
            before = old["value"] if old else read_value
            self._audit(c, by, dossier_id, "correction", f"{file}#{key}", before, value, reason)
        return new_version

    def flag_decision(self, dossier_id: str, flag_key: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            return self._row(
                c,
                flag_decisions,
                [flag_decisions.c.dossier_id == dossier_id, flag_decisions.c.flag_key == flag_key],
            )

    def decide_flag(
        self,
        *,
        dossier_id: str,
        flag_key: str,
        code: str,
        action: str,
        reason: str | None,
        by: str,
        version: int,
    ) -> int:
        if action not in ("accepted", "dismissed", ""):
            raise ValueError(action)
        where = [flag_decisions.c.dossier_id == dossier_id, flag_decisions.c.flag_key == flag_key]
        with self.engine.begin() as c:
            old = self._row(c, flag_decisions, where)
            v = self._versioned(
                c,
                flag_decisions,
                where,
                version,
                {"dossier_id": dossier_id, "flag_key": flag_key, "code": code}
                | {"action": action, "reason": reason, "by": by, "at": now()},
            )
            self._audit(
                c,
                by,
                dossier_id,
                "flag",
                f"{code}#{flag_key}",
                old["action"] if old else None,
                action,
                reason,
            )
        return v

    def decision(self, dossier_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            return self._row(c, decisions, [decisions.c.dossier_id == dossier_id])

    def set_decision(
        self,
        *,
        dossier_id: str,
        status: str,
        decision: str | None,
        note: str | None,
        by: str,
        version: int,
    ) -> int:
        if status not in STATUS_VI or (decision is not None and decision not in DECISIONS_VI):
            raise ValueError((status, decision))
        where = [decisions.c.dossier_id == dossier_id]
        with self.engine.begin() as c:
            old = self._row(c, decisions, where)
            v = self._versioned(
                c,
                decisions,
                where,
                version,
                {"dossier_id": dossier_id, "status": status, "decision": decision, "note": note}
                | {"by": by, "at": now()},
            )
            self._audit(
                c,
                by,
                dossier_id,
                "decision",
                dossier_id,
                {k: old[k] for k in ("status", "decision", "note")} if old else None,
                {"status": status, "decision": decision, "note": note},
                note,
            )
        return v

    # -- accounts -------------------------------------------------------------------------------

    def add_user(self, name: str, password: str, *, by: str = "hoso") -> None:
        name = name.strip()
        if not name or len(password) < 8:
            raise ValueError("a name and a password of 8 characters or more are needed")
        with self.engine.begin() as c:
            exists = c.execute(select(users.c.name).where(users.c.name == name)).first()
            if exists:
                c.execute(update(users).where(users.c.name == name).values(password=hash_password(password)))
            else:
                c.execute(insert(users).values(name=name, password=hash_password(password), created_at=now()))
            self._audit(c, by, None, "user", name, None, "password changed" if exists else "created", None)

    def has_users(self) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(users.c.name).limit(1)).first() is not None

    # -- sessions -------------------------------------------------------------------------------

    def session(self, sid: str) -> dict[str, Any] | None:
        """The saved session of this cookie id (``user``, ``csrf``); None when unknown or idle too long."""
        key = _sid_hash(sid)
        with self.engine.begin() as c:
            row = c.execute(select(sessions).where(sessions.c.id_hash == key)).mappings().first()
            if row is None:
                return None
            seen = row["seen_at"] if row["seen_at"].tzinfo else row["seen_at"].replace(tzinfo=dt.UTC)
            if now() - seen > SESSION_IDLE:
                c.execute(sessions.delete().where(sessions.c.id_hash == key))
                return None
            return {"user": row["user"], "csrf": row["csrf"], "seen_at": seen}

    def save_session(self, sid: str, user: str | None, csrf: str) -> None:
        key, values = _sid_hash(sid), {"user": user, "csrf": csrf, "seen_at": now()}
        with self.engine.begin() as c:
            done = c.execute(update(sessions).where(sessions.c.id_hash == key).values(**values)).rowcount
            if not done:
                try:
                    with c.begin_nested():
                        c.execute(insert(sessions).values(id_hash=key, **values))
                except IntegrityError:  # saved meanwhile by another request of the same browser
                    c.execute(update(sessions).where(sessions.c.id_hash == key).values(**values))
            c.execute(sessions.delete().where(sessions.c.seen_at < now() - SESSION_IDLE))

    def check_password(self, name: str, password: str) -> bool:
        with self.engine.connect() as c:
            row = c.execute(select(users.c.password).where(users.c.name == name.strip())).first()
        if row is None:
            verify_password(password, _DUMMY)  # same time whether or not the name exists
            return False
        return verify_password(password, row[0])


def _sid_hash(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()


def hash_password(password: str, *, n: int = 2**14, r: int = 8, p: int = 1) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


_DUMMY = hash_password("not a password")
