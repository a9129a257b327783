"""A non-blocking exclusive lock on a file, on every platform.

``fcntl.flock`` where it exists (Linux, macOS), ``msvcrt.locking`` on
Windows, and elsewhere (or when neither module can be imported) a lock file
created with ``O_EXCL`` beside the lock's path, taken over when it is older
than :data:`STALE_AFTER` seconds (its holder was killed). The first two are
released by the system when the holder dies; the last only by age.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import ModuleType

STALE_AFTER = 600.0


def _module(name: str) -> ModuleType | None:
    try:
        return __import__(name)
    except ImportError:
        return None


class Lock:
    """A held lock; :meth:`release` lets others take it (also done by the system when the process dies)."""

    def __init__(self, fd: int | None, marker: Path | None) -> None:
        self.fd = fd
        self.marker = marker

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.marker is not None:
            self.marker.unlink(missing_ok=True)
            self.marker = None


def try_lock(path: Path) -> Lock | None:
    """The lock on ``path`` (created if missing), or None when another process holds it or it cannot be made."""
    fcntl = _module("fcntl")
    msvcrt = None if fcntl is not None else _module("msvcrt")
    if fcntl is None and msvcrt is None:
        return _lock_file(path.with_name(path.name + ".held"))
    try:
        flags = os.O_CREAT | os.O_RDWR | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)  # never through a link
        fd = os.open(path, flags, 0o644)
    except OSError:
        return None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            assert msvcrt is not None
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        os.close(fd)
        return None
    return Lock(fd, None)


def _lock_file(marker: Path) -> Lock | None:
    for _ in range(2):
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            try:
                age = time.time() - marker.stat().st_mtime
            except OSError:
                continue  # released meanwhile: try again
            if age < STALE_AFTER:
                return None
            marker.unlink(missing_ok=True)
            continue
        except OSError:
            return None
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        return Lock(None, marker)
    return None
