"""Settings from the environment (``HOSO_*``) and an optional ``hoso.toml``; documented in ``hoso --help``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from extractors.readers.base import Limits, ReadContext

log = logging.getLogger(__name__)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1


class Settings(BaseSettings):
    """Every knob of hoso; env ``HOSO_<NAME>`` or a ``hoso.toml`` in the working folder (or ``HOSO_CONFIG``)."""

    model_config = SettingsConfigDict(
        env_prefix="HOSO_", toml_file=os.environ.get("HOSO_CONFIG", "hoso.toml")
    )

    profile: str = Field("mac-dinh", description="rule profile / bộ quy tắc")
    workers: int = Field(
        default_factory=cores, ge=1, description="dossiers processed at once / số hồ sơ xử lý song song"
    )
    processes: int = Field(
        default_factory=cores,
        ge=0,
        description=(
            "worker processes for the dossiers' work (0 or 1: in the task's thread) / "
            "số tiến trình xử lý hồ sơ"
        ),
    )
    ocr_languages: str = Field("vie", description="Tesseract languages / ngôn ngữ OCR")
    ocr_dpi: int = Field(
        300, ge=72, le=600, description="OCR resolution of PDF pages (rendered, or their scan resized to it)"
    )
    ocr_timeout_s: float = Field(120.0, gt=0, description="per-page OCR timeout, seconds")
    max_pages: int = Field(300, ge=1, description="pages per file")
    max_pixels: int = Field(80_000_000, ge=1, description="pixels per page image")
    max_file_bytes: int = Field(200 * 1024 * 1024, ge=1, description="bytes per file")
    max_unzip_bytes: int = Field(500 * 1024 * 1024, ge=1, description="bytes unpacked from one .zip dossier")
    max_files: int = Field(200, ge=1, description="files per dossier")
    settle_seconds: float = Field(
        30.0,
        ge=0,
        description=(
            "watch: a dossier (names, sizes and times of all its files and of the folder) must be "
            "unchanged this long before it is taken; 30 s covers a copy over a network share that "
            "pauses between files / hồ sơ phải không đổi trong chừng ấy giây mới được nhận"
        ),
    )
    poll_seconds: float = Field(2.0, gt=0, description="watch: how often to look at the inbox")
    partial_wait_seconds: float = Field(
        3600.0,
        ge=0,
        description="watch: a dossier holding a partial download (.part, .crdownload) waits this long",
    )
    claim_lease_seconds: float = Field(
        600.0,
        gt=0,
        description="watch: a claim whose watcher on another machine is silent this long is taken over",
    )
    max_attempts: int = Field(
        3,
        ge=1,
        description=(
            "watch: a dossier whose processing crashed its worker process this often goes to "
            "quarantine (a watcher killed while processing it does not count)"
        ),
    )
    retry_seconds: float = Field(
        5.0,
        gt=0,
        description="watch: first wait before a step that could not write (disk full, read-only) is tried again; doubles each time, up to 5 min",
    )
    retry_attempts: int = Field(
        4,
        ge=1,
        description=(
            "watch: after this many failed tries the dossier is shown to staff (LY_DO.txt in its claim "
            "folder, a line in the event log; --until-idle then exits 3); the watcher keeps trying"
        ),
    )
    archive_dir: Path | None = Field(
        None, description="watch: archive of processed originals (default INBOX/.hoso-archive)"
    )
    quarantine_dir: Path | None = Field(
        None, description="watch: failed dossiers (default INBOX/.hoso-quarantine)"
    )
    watch_flows: bool = Field(
        True, description="watch: one Prefect flow run per dossier (false: plain, no server)"
    )
    task_seconds: float = Field(
        2.0,
        ge=0,
        description=(
            "process: a Prefect task takes dossiers until it has worked this long (0: one task per "
            "dossier) / mỗi tác vụ Prefect xử lý hồ sơ đến khi đủ số giây này"
        ),
    )
    runner: str = Field(
        "thread", pattern="^(thread|dask)$", description="process: task runner, thread or dask"
    )
    dask_address: str | None = Field(
        None, description="process: address of a running Dask scheduler (tcp://host:8786)"
    )
    review_db: str | None = Field(
        None,
        description=(
            "review: SQLAlchemy URL of the reviewers' database (default: SQLite OUT/.hoso-review.sqlite; "
            "postgresql://user:pass@host/db) / cơ sở dữ liệu thẩm định"
        ),
    )
    prefect_server: str = Field(
        "local",
        pattern="^(local|ephemeral)$",
        description=(
            "Prefect server when PREFECT_API_URL is unset: local (started once, kept for the next runs) "
            "or ephemeral (Prefect's own, one per run)"
        ),
    )
    prefect_server_idle_minutes: float = Field(
        30.0, gt=0, description="local Prefect server: stops after this many minutes unused"
    )

    # The draft notice of results (thong_bao_ket_qua.docx) is issued by the district party committee
    # (Huyện ủy, HD 36-HD/VPTW); who that is comes from here, never from one dossier. Unset: "……" to fill in.
    notice_province: str | None = Field(
        None, description="notice: province party organisation, e.g. 'Long An' (ĐẢNG BỘ TỈNH …) / tỉnh"
    )
    notice_district: str | None = Field(
        None, description="notice: district of the issuing Huyện ủy, e.g. 'Cần Đước' (HUYỆN ỦY …) / huyện"
    )
    notice_place: str | None = Field(
        None, description="notice: place in the date line (default: the district) / địa danh ghi ngày"
    )
    notice_signer_title: str = Field(
        "Bí thư", description="notice: the signer's title under T/M BAN THƯỜNG VỤ / chức vụ người ký"
    )
    notice_signer_name: str | None = Field(None, description="notice: the signer's name / họ tên người ký")

    @field_validator(
        "notice_province", "notice_district", "notice_place", "notice_signer_title", "notice_signer_name"
    )
    @classmethod
    def _plain_name(cls, value: str | None) -> str | None:
        """A name as it is written on the notice: one line, no prefix the header adds itself."""
        if value is None:
            return None
        value = " ".join(value.split())
        if not value:
            return None
        if len(value) > 80:
            raise ValueError("quá dài (tối đa 80 ký tự) / too long (80 characters at most)")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    def limits(self) -> Limits:
        return Limits(
            max_file_bytes=self.max_file_bytes,
            max_pages=self.max_pages,
            max_pixels=self.max_pixels,
            ocr_timeout_s=self.ocr_timeout_s,
        )

    def read_context(self, workdir: Path) -> ReadContext:
        return ReadContext(
            workdir=workdir, limits=self.limits(), ocr_languages=self.ocr_languages, ocr_dpi=self.ocr_dpi
        )


def settings_help() -> str:
    """One line per setting, ``HOSO_<NAME>: description (default)``, for ``hoso --help``."""
    lines = []
    for name, info in Settings.model_fields.items():
        if info.default_factory is not None:
            default = "số lõi CPU / CPU cores"
        elif info.default is None:
            default = "chưa đặt / unset"
        elif isinstance(info.default, bool):
            default = "true" if info.default else "false"
        else:
            default = info.default
        lines.append(f"HOSO_{name.upper()}: {info.description} [{default}]")
    return "\n\n".join(lines)


# Defaults for Prefect's embedded server, set before prefect is imported; the environment wins.
# The embedded server only records our runs: the services that serve deployments, the UI and
# telemetry are off (they also fought over the SQLite file: "database is locked").
PREFECT_DEFAULTS = {
    "PREFECT_LOGGING_LEVEL": "WARNING",  # the terminal shows our progress bar instead
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",  # first start migrates a new database
    "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_FOREMAN_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_REPOSSESSOR_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_PAUSE_EXPIRATIONS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_CANCELLATION_CLEANUP_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    # The task-run recorder writes each state event in its own SQLite transaction by default
    # (batch size 1): 150 ms of server CPU per task run, more than a Word dossier's own work.
    # Batched, the states reach the database within a second, at 30 ms a task run
    # (1,000 empty tasks: 72.7 s -> 16.6 s; docs/bench.md).
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_FLUSH_INTERVAL": "1",
}


def configure_prefect() -> None:
    """Apply :data:`PREFECT_DEFAULTS` and make sure ``PREFECT_HOME`` can be created."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    home = os.environ.get("PREFECT_HOME")
    if home:  # Prefect creates its home but not the folders above it
        Path(home).expanduser().mkdir(parents=True, exist_ok=True)


def connect_prefect(settings: Settings) -> str:
    """Point this process at a Prefect server before prefect is imported; says which, for the terminal.

    ``PREFECT_API_URL`` (a real server) wins; else hoso's local server (:mod:`pipeline.server`),
    started once and joined by later runs; else, or if that fails, Prefect's embedded server.
    """
    configure_prefect()
    if os.environ.get("PREFECT_API_URL"):
        return f"Prefect: {os.environ['PREFECT_API_URL']}"
    if settings.prefect_server == "local":
        from .server import ServerStartError, ensure_server

        try:
            info = ensure_server(settings.prefect_server_idle_minutes)
        except (ServerStartError, OSError) as exc:
            log.warning("local Prefect server unavailable, using the embedded one: %s", exc)
        else:
            os.environ["PREFECT_API_URL"] = info.api_url
            return (
                f"Prefect: {info.api_url} (máy chủ cục bộ, tự tắt sau "
                f"{settings.prefect_server_idle_minutes:g} phút không dùng / local server, stops after "
                f"{settings.prefect_server_idle_minutes:g} idle minutes; 'hoso server stop')"
            )
    return "Prefect: máy chủ nhúng / embedded server"
