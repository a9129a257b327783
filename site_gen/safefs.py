"""Reading a record file that may not be a plain file: never follow, never block, never read past the limit.

A repository is hostile input: a record path may be a symbolic link (to
``/dev/zero``, outside the repository, nowhere), a FIFO, a socket or a
device, or be swapped for one between listing and reading. The file is
opened without following a link and without blocking (a FIFO opens at once
and is then refused by its type, taken from the open descriptor, so no
swap in between can make it block), and at most ``limit + 1`` bytes are
read. Nothing read from outside the repository ever reaches a message.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Any

# Open flags that exist on this platform (Windows has neither O_NOFOLLOW nor O_NONBLOCK).
_FLAGS = os.O_RDONLY
for _name in ("O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
    _FLAGS |= getattr(os, _name, 0)
_NO_FOLLOW = hasattr(os, "O_NOFOLLOW")
_CHUNK = 1 << 20


class Refused(Exception):
    """The file cannot be a record: a catalogue code (``file.*``) and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def shown_name(name: str) -> str:
    """A file name as messages show it: bytes that are not UTF-8 written as ``\\xNN`` (never a lone surrogate)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def is_shown_as_is(name: str) -> bool:
    """Whether a name from the disk is valid UTF-8 (else it can be neither a record's path nor shown as is)."""
    return shown_name(name) == name


def kind_code(mode: int) -> str | None:
    """The ``file.*`` code for an entry that is not a directory or a plain file (None for those)."""
    if stat.S_ISLNK(mode):
        return "file.symlink"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "file.not-regular"


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of the plain file at ``path`` (at most ``limit``), or :class:`Refused`.

    Refused with ``file.symlink`` (a link, never followed), ``file.not-regular``
    (FIFO, socket, device), ``file.too-large`` (its size, or what was read,
    is over ``limit``) or ``file.unreadable``.
    """
    if not _NO_FOLLOW:
        _refuse_link(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (exc.errno == errno.EMLINK and _NO_FOLLOW):
            raise Refused("file.symlink") from None
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise Refused("file.not-regular") from None
        raise Refused("file.unreadable", detail=exc.strerror or type(exc).__name__) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(kind_code(info.st_mode) or "file.not-regular")
        if info.st_size > limit:
            raise Refused("file.too-large", size=info.st_size, limit=limit)
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise Refused("file.unreadable", detail=exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Refused("file.too-large", size=max(len(data), info.st_size), limit=limit)
    return data


def _read_at_most(fd: int, most: int) -> bytes:
    chunks = []
    left = most
    while left > 0:
        chunk = os.read(fd, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _refuse_link(path: str) -> None:
    """Where opening cannot refuse a link by itself (Windows), look first."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return  # the open below reports it
    if stat.S_ISLNK(mode):
        raise Refused("file.symlink")
