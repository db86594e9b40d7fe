"""The HTML pages: the review sheet of one dossier and the dashboard of the batch (Jinja2, autoescaped)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .images import data_uri
from .sheet import SheetView

WHY: dict[str, str] = {
    "dat": "Đủ bốn văn bản, đã đọc được, và mọi ngưỡng của bộ quy tắc đều đạt.",
    "khong_dat": "Có ngưỡng công nhận không đạt trên số liệu đã đọc được (xem các lỗi bên dưới).",
    "bo_sung": "Hồ sơ chưa đủ: thiếu văn bản bắt buộc hoặc có văn bản không đọc được. Cần đơn vị bổ sung.",
    "can_xem_xet": "Cần người xem lại: các văn bản lệch nhau, có số liệu chưa đọc được hoặc ảnh quét khó đọc.",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    # Autoescape everything, .j2 included: document text must never become markup or script.
    env = Environment(
        loader=PackageLoader("pipeline.reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "css"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datauri"] = data_uri
    return env


def render_review(sheet: SheetView) -> str:
    return environment().get_template("review.html.j2").render(s=sheet)


def render_index(batch: dict[str, Any]) -> str:
    return environment().get_template("index.html.j2").render(b=batch)
