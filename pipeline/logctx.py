"""Which dossier (and file) a log record belongs to: context variables stamped onto every record."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

dossier_var: contextvars.ContextVar[str] = contextvars.ContextVar("hoso_dossier", default="-")
file_var: contextvars.ContextVar[str] = contextvars.ContextVar("hoso_file", default="-")

# ``%(dossier)s`` and ``%(file)s`` for a logging format; records made outside a dossier say "-".
LOG_FORMAT = "%(levelname)s %(name)s [%(dossier)s %(file)s]: %(message)s"

_installed = False


def install() -> None:
    """Add ``dossier`` and ``file`` to every log record (a record factory, so third-party loggers get them too)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.dossier = dossier_var.get()
        record.file = file_var.get()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


@contextlib.contextmanager
def dossier(dossier_id: str) -> Iterator[None]:
    """Inside this block (in this thread or task), log records carry ``dossier_id``."""
    token = dossier_var.set(dossier_id)
    try:
        yield
    finally:
        dossier_var.reset(token)


@contextlib.contextmanager
def file(name: str) -> Iterator[None]:
    token = file_var.set(name)
    try:
        yield
    finally:
        file_var.reset(token)


install()
