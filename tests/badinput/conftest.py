"""Fixtures of the bad-input suite: no network, and snapshots of everything a run must not touch."""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest


class NetworkUsed(AssertionError):
    """Something in reading or reporting tried to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any connection or name lookup from this process fails and is recorded; the test asserts none."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args)[:200])
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


def tree_digest(root: Path, *, exclude: Path | None = None) -> dict[str, str]:
    """Every entry under ``root`` (links not followed) → sha256 of a file, the target of a link, or 'dir'."""
    out: dict[str, str] = {}
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d != exclude]
        for name in dirnames:
            p = here / name
            out[os.fsencode(p.relative_to(root)).hex()] = (
                "link:" + os.readlink(p) if p.is_symlink() else "dir"
            )
        for name in filenames:
            p = here / name
            key = os.fsencode(p.relative_to(root)).hex()
            if p.is_symlink():
                out[key] = "link:" + os.readlink(p)
            else:
                out[key] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out
