"""The ``hoso`` command: process an inbox once, watch it, list rule profiles. Bilingual help."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperCommand

from .settings import Settings, connect_prefect, cores, settings_help

console = Console(stderr=True)


class _Command(TyperCommand):
    """Help as people read it: "INBOX", not typer's "{INBOX}" and "INBOX <path>", "≥ 1" not "x>=1"."""

    def get_help(self, ctx) -> str:
        text = super().get_help(ctx)
        text = re.sub(r"\{([A-Z_]+)\}", r"\1", text)
        text = re.sub(
            r"^(\s+[A-Z_]+) <[a-z ]+>",
            lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
            text,
            flags=re.M,
        )
        return re.sub(r"\[x>=(\d+)\]", r"[≥ \1]", text)

    def get_usage(self, ctx) -> str:
        return re.sub(r"\{([A-Z_]+)\}", r"\1", super().get_usage(ctx))


app = typer.Typer(
    name="hoso",
    help=(
        "hoso: đọc, kiểm tra và lập phiếu thẩm định hồ sơ công nhận “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”.\n\n"
        "hoso: reads, checks and writes review sheets for “four goods” recognition dossiers.\n\n"
        "Cấu hình / settings: biến môi trường HOSO_* hoặc tệp hoso.toml (HOSO_CONFIG):\n\n" + settings_help()
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class SetupError(Exception):
    """A setting that cannot work, found before any work starts: one line in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi, self.en = vi, en


def _fail(exc: SetupError) -> typer.Exit:
    # One line, no traceback, no Prefect server started: the person fixes the setting and runs again.
    print(f"Lỗi: {exc.vi} / error: {exc.en}", file=sys.stderr)
    return typer.Exit(2)


def _settings() -> Settings:
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:
        parts = [f"HOSO_{'_'.join(str(x) for x in e['loc']).upper()}: {e['msg']}" for e in exc.errors()]
        raise SetupError("cấu hình không hợp lệ (" + "; ".join(parts) + ")", "invalid settings") from None


def _check_profile(name: str) -> None:
    from validators.profiles import ProfileError, load_profile

    try:
        load_profile(name)
    except ProfileError as exc:
        text = " ".join(str(exc).split())
        raise SetupError(
            text.split(" / ", 1)[0], text.split(" / ", 1)[-1] if " / " in text else text
        ) from None


def _check_inbox(inbox: Path) -> None:
    if not inbox.exists():
        raise SetupError(
            f"không có thư mục hộp thư đến “{inbox}” (hãy tạo thư mục hoặc kiểm tra đường dẫn)",
            f"the inbox “{inbox}” does not exist (create it or check the path)",
        )
    if not inbox.is_dir():
        raise SetupError(
            f"“{inbox}” là một tệp, không phải thư mục hộp thư đến",
            f"“{inbox}” is a file, not an inbox folder",
        )
    try:
        next(inbox.iterdir(), None)
    except OSError as exc:
        raise SetupError(
            f"không đọc được thư mục hộp thư đến “{inbox}” ({exc.strerror})",
            f"cannot read the inbox “{inbox}” ({exc.strerror})",
        ) from None


def _check_writable(folder: Path, what_vi: str, what_en: str) -> None:
    """``folder`` is (or can be made) a folder hoso can write in: made, then a probe file written and removed."""
    if folder.exists() and not folder.is_dir():
        raise SetupError(
            f"{what_vi} “{folder}” là một tệp, không phải thư mục: hãy chọn thư mục khác",
            f"{what_en} “{folder}” is a file, not a folder: choose another path",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(
            f"không tạo được {what_vi} “{folder}” ({exc.strerror})",
            f"cannot create the {what_en} “{folder}” ({exc.strerror})",
        ) from None
    probe = folder / f".hoso-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        probe.unlink(missing_ok=True) if probe.exists() else None
        raise SetupError(
            f"không ghi được vào {what_vi} “{folder}” ({exc.strerror}): hãy cấp quyền ghi hoặc chọn thư mục khác",
            f"cannot write to the {what_en} “{folder}” ({exc.strerror}): grant write access or choose another",
        ) from None


INBOX_ARG = typer.Argument(metavar="INBOX", help="thư mục hộp thư đến / the inbox folder", show_default=False)
OUT_OPT = typer.Option("--out", "-o", metavar="OUT", help="thư mục kết quả / output folder")


@app.command(cls=_Command)
def process(
    inbox: Annotated[Path, INBOX_ARG],
    out: Annotated[Path, OUT_OPT],
    profile: Annotated[
        str | None,
        typer.Option(metavar="TÊN", help="bộ quy tắc (xem 'hoso profiles') / rule profile [mac-dinh]"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(metavar="N", min=1, help="số hồ sơ xử lý song song / dossiers at once (default: cores)"),
    ] = None,
    runner: Annotated[
        str | None,
        typer.Option(
            metavar="thread|dask",
            help="thread (một máy / one machine) hoặc dask (cụm Dask / a Dask cluster)",
        ),
    ] = None,
    reuse: Annotated[
        bool, typer.Option(help="dùng lại kết quả của hồ sơ không đổi / reuse results of unchanged dossiers")
    ] = True,
) -> None:
    """Xử lý mọi hồ sơ trong INBOX một lần / process every dossier under INBOX once."""
    from .inbox import discover

    # Every setting is checked before any work (no worker, no Prefect server): one line each.
    try:
        settings = _settings()
        _check_profile(profile or settings.profile)
        if runner is not None and runner not in ("thread", "dask"):
            raise SetupError(
                f"--runner phải là thread hoặc dask, không phải “{runner}”",
                f"--runner must be thread or dask, not “{runner}”",
            )
        _check_inbox(inbox)
        sources, _ = discover(inbox)
        if not sources:
            raise SetupError(
                f"không có hồ sơ nào trong “{inbox}” (mỗi hồ sơ là một thư mục con hoặc một tệp .zip)",
                f"no dossier found in “{inbox}” (each dossier is a sub-folder or a .zip file)",
            )
        _check_writable(out, "thư mục kết quả", "output folder")
    except SetupError as exc:
        raise _fail(exc) from None
    n_workers = workers or settings.workers or cores()
    if (runner or settings.runner) == "thread":
        from . import workers as pool

        pool.start_early(min(settings.processes, n_workers))
    console.print(connect_prefect(settings), style="dim")
    from .flows import run_batch

    with Progress(
        TextColumn("[bold]Hồ sơ / dossiers"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[pages]} trang / pages"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        bar = progress.add_task("dossiers", total=len(sources), pages=0)

        def done(outcome) -> None:
            # Called from the flow's thread as each dossier finishes (reused ones first); rich's
            # Progress is thread-safe, and reused dossiers count their pages too.
            pages = progress.tasks[bar].fields["pages"] + outcome.pages
            progress.update(bar, advance=1, pages=pages)

        batch = run_batch(
            inbox,
            out,
            profile=profile or settings.profile,
            workers=n_workers,
            on_done=done,
            runner=runner,
            reuse=reuse,
        )
    counts: dict[str, int] = {}
    for d in batch.dossiers:
        counts[d.verdict] = counts.get(d.verdict, 0) + 1
    console.print(
        f"Đã xử lý {len(batch.dossiers)} hồ sơ / processed {len(batch.dossiers)} dossiers: {counts}"
    )
    if batch.reused:
        console.print(
            f"Dùng lại kết quả cũ cho {batch.reused} hồ sơ không thay đổi / "
            f"{batch.reused} unchanged dossiers reused from an earlier run"
        )
    for path in batch.stray:
        console.print(
            f"[yellow]Không phải hồ sơ (không phải thư mục hay .zip), bỏ qua / not a dossier, skipped: {path.name}"
        )
    index = out / "index.html"
    print(f"Kết quả / results: {out.resolve()}")
    if index.exists():
        print(f"Mở / open: {index.resolve()}")


@app.command()
def profiles() -> None:
    """Liệt kê bộ quy tắc, ngưỡng và căn cứ / list rule profiles, thresholds and sources."""
    from validators.profiles import describe_profiles

    print(describe_profiles())


_EVENT_WORDS = {
    "processed": ("Đã xử lý", "processed", "green"),
    "resubmitted": ("Nộp lại, đã xử lý", "resubmitted, processed", "green"),
    "duplicate": ("Trùng hồ sơ đã xử lý", "same as one processed", "yellow"),
    "quarantined": ("Lỗi, chuyển sang thư mục hồ sơ lỗi", "failed, quarantined", "red"),
    "stuck": ("Bị giữ", "held", "red"),
    "refused_link": ("Liên kết, không đọc", "a link, not read", "yellow"),
}


def watch_line(event: dict) -> str:
    """The console's line for one watcher event: the dossier, what happened, its verdict and sheet."""
    vi, en, colour = _EVENT_WORDS.get(event.get("event", ""), (event.get("event", "?"), "", "white"))
    line = f"[{colour}]{escape(str(event.get('id', '?')))}[/]: {vi} / {en}"
    result = event.get("result")
    if result and Path(result).is_file():
        from validators.codes import VERDICT_NAMES_VI, Verdict

        try:
            verdict = Verdict(json.loads(Path(result).read_text("utf-8"))["verdict"])
            line += f" — {VERDICT_NAMES_VI[verdict]} → {escape(str(Path(result).with_name('review.html')))}"
        except (OSError, ValueError, KeyError):
            line += f" → {escape(str(result))}"
    if event.get("reason"):
        line += f" ({escape(str(event['reason']))})"
    if event.get("dest"):
        line += f"; bản gốc / originals: {escape(str(event['dest']))}"
    return line


@app.command(cls=_Command)
def watch(
    inbox: Annotated[Path, INBOX_ARG],
    out: Annotated[Path, OUT_OPT],
    archive: Annotated[
        Path | None,
        typer.Option(metavar="THƯ_MỤC", help="nơi lưu bản gốc đã xử lý / archive of processed originals"),
    ] = None,
    quarantine: Annotated[
        Path | None, typer.Option(metavar="THƯ_MỤC", help="nơi để hồ sơ lỗi / where failed dossiers go")
    ] = None,
    profile: Annotated[
        str | None, typer.Option(metavar="TÊN", help="bộ quy tắc (xem 'hoso profiles') / rule profile")
    ] = None,
    until_idle: Annotated[
        bool,
        typer.Option(
            "--until-idle", help="dừng khi hộp thư trống / exit once the inbox is empty (cron, tests)"
        ),
    ] = False,
) -> None:
    """Theo dõi INBOX, xử lý hồ sơ khi chép xong / watch INBOX, process each dossier once settled.

    Hồ sơ đã xử lý được chuyển vào --archive (kèm manifest.json), hồ sơ lỗi vào --quarantine (kèm LY_DO.txt);
    không tệp nào bị xoá. Processed originals go to --archive with a manifest, failed ones to --quarantine
    with a reason file; nothing is deleted.
    """
    # A missing inbox is a wrong path far more often than a new one: say so rather than create it.
    try:
        settings = _settings()
        _check_profile(profile or settings.profile)
        _check_inbox(inbox)
        _check_writable(out, "thư mục kết quả", "output folder")
        for folder, vi, en in (
            (archive, "thư mục lưu bản gốc (--archive)", "archive folder"),
            (quarantine, "thư mục hồ sơ lỗi (--quarantine)", "quarantine folder"),
        ):
            if folder is not None:
                _check_writable(folder, vi, en)
    except SetupError as exc:
        raise _fail(exc) from None
    console.print(connect_prefect(settings), style="dim")
    from .watch import watch_inbox

    console.print(f"Đang theo dõi / watching {inbox.resolve()} → {out.resolve()}  (Ctrl+C để dừng / to stop)")
    stop = threading.Event()
    # systemd and docker stop with SIGTERM: finish the dossiers in hand, then exit (a kill is safe too).
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    n = watch_inbox(
        inbox,
        out,
        archive=archive,
        quarantine=quarantine,
        profile=profile,
        exit_when_idle=until_idle,
        stop=stop,
        notify=lambda event: console.print(watch_line(event)),
    )
    console.print(f"Đã xử lý {n} hồ sơ / handled {n} dossiers")
    from .watch import held_claims

    for dossier_id, reason in held_claims(inbox):
        console.print(f"[red]Hồ sơ bị giữ / dossier held: {dossier_id}: {reason}")
    if until_idle and held_claims(inbox):
        raise typer.Exit(3)


@app.command()
def review(
    out: Annotated[Path, typer.Argument(help="thư mục kết quả của 'hoso process' / the output folder")],
    host: Annotated[str, typer.Option(help="địa chỉ mở / address to bind (khác 127.0.0.1 cần tài khoản)")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=0, max=65535, help="cổng / port")] = 8765,
    db: Annotated[
        str | None,
        typer.Option(
            help="URL SQLAlchemy của CSDL thẩm định / database URL (mặc định: OUT/.hoso-review.sqlite)"
        ),
    ] = None,
    add_user: Annotated[
        str | None,
        typer.Option("--add-user", help="tạo/đổi mật khẩu tài khoản rồi thoát / add an account, exit"),
    ] = None,
) -> None:
    """Bàn thẩm định: sửa số liệu đọc sai, quyết định từng cảnh báo, kết luận hồ sơ / the reviewer's desk."""
    import getpass

    from .desk.app import DeskRefused, check_binding, create_app
    from .desk.store import Store, default_url

    if not out.is_dir() or not any(out.glob("*/result.json")):
        console.print(
            f"Không có kết quả nào trong {out}: hãy chạy 'hoso process INBOX --out {out}' trước / "
            "no results in OUT: run hoso process first",
            style="red",
        )
        raise typer.Exit(2)
    url = db or Settings().review_db or default_url(out)
    try:
        store = Store.open(url)
    except Exception as exc:
        console.print(f"Không mở được CSDL thẩm định / cannot open the review database: {exc}", style="red")
        raise typer.Exit(2) from None
    if add_user:
        password = os.environ.get("HOSO_NEW_PASSWORD") or getpass.getpass(
            f"Mật khẩu cho {add_user} / password: "
        )
        try:
            store.add_user(add_user, password)
        except ValueError:
            console.print(
                "Mật khẩu cần ít nhất 8 ký tự / the password needs 8 characters or more", style="red"
            )
            raise typer.Exit(2) from None
        console.print(f"Đã lưu tài khoản / account saved: {add_user}")
        return
    try:
        accounts = check_binding(host, store)
    except DeskRefused as exc:
        console.print(str(exc), style="red")
        raise typer.Exit(2) from None
    import uvicorn

    console.print(f"Bàn thẩm định / reviewer's desk: http://{host}:{port}/  (Ctrl+C để dừng / to stop)")
    uvicorn.run(create_app(out, store, accounts=accounts), host=host, port=port, log_level="warning")


server_app = typer.Typer(
    help="Máy chủ Prefect cục bộ của hoso / hoso's local Prefect server (PREFECT_HOME)",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(server_app, name="server")


@server_app.command("status")
def server_status() -> None:
    """Máy chủ có đang chạy không / is the local server running."""
    from .server import prefect_home, running

    info = running(prefect_home())
    if info is None:
        print("Máy chủ Prefect cục bộ không chạy / the local Prefect server is not running")
        raise typer.Exit(1)
    print(f"Đang chạy / running: {info.api_url} (pid {info.pid})")


@server_app.command("stop")
def server_stop() -> None:
    """Dừng máy chủ cục bộ / stop the local server (the next run starts a new one)."""
    from .server import prefect_home, stop_server

    info = stop_server()
    if info is None:
        print(f"Không có máy chủ nào đang chạy / no local server running ({prefect_home()})")
    else:
        print(f"Đã dừng / stopped: pid {info.pid}")


def main() -> None:
    from .logctx import LOG_FORMAT

    logging.basicConfig(level=os.environ.get("HOSO_LOG_LEVEL", "WARNING"), format=LOG_FORMAT)
    try:
        app()
    except KeyboardInterrupt:
        console.print("Đã dừng / stopped")
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
