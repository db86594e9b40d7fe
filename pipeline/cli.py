"""The ``hoso`` command: process an inbox once, watch it, list rule profiles. Bilingual help."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .settings import Settings, connect_prefect, cores, settings_help

console = Console(stderr=True)

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


@app.command()
def process(
    inbox: Annotated[
        Path, typer.Argument(help="thư mục hộp thư đến / the inbox folder", exists=True, file_okay=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="thư mục kết quả / output folder")],
    profile: Annotated[
        str | None, typer.Option(help="bộ quy tắc (xem 'hoso profiles') / rule profile")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="số hồ sơ xử lý song song / dossiers at once (default: cores)")
    ] = None,
    runner: Annotated[
        str | None, typer.Option(help="thread (một máy / one machine) hoặc dask (cụm Dask / a Dask cluster)")
    ] = None,
    reuse: Annotated[
        bool, typer.Option(help="dùng lại kết quả của hồ sơ không đổi / reuse results of unchanged dossiers")
    ] = True,
) -> None:
    """Xử lý mọi hồ sơ trong INBOX một lần / process every dossier under INBOX once."""
    settings = Settings()
    n_workers = workers or settings.workers or cores()
    if (runner or settings.runner) == "thread":
        from . import workers as pool

        pool.start_early(min(settings.processes, n_workers))
    console.print(connect_prefect(settings), style="dim")
    from .flows import run_batch
    from .inbox import discover

    sources, _ = discover(inbox)
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


@app.command()
def watch(
    inbox: Annotated[Path, typer.Argument(help="thư mục hộp thư đến / the inbox folder", file_okay=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="thư mục kết quả / output folder")],
    archive: Annotated[
        Path | None, typer.Option(help="nơi lưu bản gốc đã xử lý / archive of processed originals")
    ] = None,
    quarantine: Annotated[
        Path | None, typer.Option(help="nơi để hồ sơ lỗi / where failed dossiers go")
    ] = None,
    profile: Annotated[str | None, typer.Option(help="bộ quy tắc / rule profile")] = None,
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
    console.print(connect_prefect(Settings()), style="dim")
    from .watch import watch_inbox

    inbox.mkdir(parents=True, exist_ok=True)
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
    )
    console.print(f"Đã xử lý {n} hồ sơ / handled {n} dossiers")
    from .watch import held_claims

    for dossier_id, reason in held_claims(inbox):
        console.print(f"[red]Hồ sơ bị giữ / dossier held: {dossier_id}: {reason}")
    if until_idle and held_claims(inbox):
        raise typer.Exit(3)


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
