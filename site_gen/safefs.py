"""Reading a record file that may not be a plain file: never follow, never block, never read past the limit.

A repository is hostile input: a record path may be a symbolic link (to
``/dev/zero``, outside the repository, nowhere), a FIFO, a socket or a
device, or be swapped for one between listing and reading. The file is
opened without following a link and without blocking (a FIFO opens at once
and is then refused by its type, taken from the open descriptor, so no
swap in between can make it block), and at most ``limit + 1`` bytes are
read. Nothing read from outside the repository ever reaches a message.

The load side's other small readers live here too: the word files shipped in
the package (:func:`read_words`) and :func:`quiet_stderr`, which silences
what a parser prints on file descriptor 2.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Open flags that exist on this platform (Windows has neither O_NOFOLLOW nor O_NONBLOCK).
_FLAGS = os.O_RDONLY
for _name in ("O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
    _FLAGS |= getattr(os, _name, 0)
# The same without O_NOFOLLOW: a file the user names on a command line may be a link to it.
_FOLLOWING = _FLAGS & ~getattr(os, "O_NOFOLLOW", 0)
_NO_FOLLOW = hasattr(os, "O_NOFOLLOW")
_CHUNK = 1 << 20

# The word files ship inside the package (read as files: importing importlib.resources costs a
# check run more than the files themselves).
WORDS_DIR = Path(__file__).resolve().parent / "words"


class Refused(Exception):
    """The file cannot be a record: a catalogue code (``file.*``) and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Missing(Refused):
    """Refused as ``file.unreadable`` because nothing is at the path (for a caller that tells the two apart)."""


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


def read_regular(path: str, limit: int, follow: bool = False) -> bytes:
    """The bytes of the plain file at ``path`` (at most ``limit``), or :class:`Refused`.

    Refused with ``file.symlink`` (a link, never followed), ``file.not-regular``
    (FIFO, socket, device), ``file.too-large`` (its size, or what was read,
    is over ``limit``) or ``file.unreadable`` (:class:`Missing` when nothing
    is there). With ``follow`` (a file named on a command line), a link is
    followed to the file it names; nothing else changes.
    """
    if not _NO_FOLLOW and not follow:
        _refuse_link(path)
    try:
        fd = os.open(path, _FOLLOWING if follow else _FLAGS)
    except OSError as exc:
        if not follow and (exc.errno == errno.ELOOP or (exc.errno == errno.EMLINK and _NO_FOLLOW)):
            raise Refused("file.symlink") from None
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise Refused("file.not-regular") from None
        detail = exc.strerror or type(exc).__name__
        if exc.errno == errno.ENOENT:
            raise Missing("file.unreadable", detail=detail) from None
        raise Refused("file.unreadable", detail=detail) from None
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


def read_words(name: str) -> str:
    """A word file shipped in the package (``site_gen/words/<name>``), as text."""
    return (WORDS_DIR / name).read_text(encoding="utf-8")


def read_data(name: str) -> str:
    """A data file shipped in the package (``site_gen/data/<name>``), as text."""
    return (WORDS_DIR.parent / "data" / name).read_text(encoding="utf-8")


@contextmanager
def quiet_stderr() -> Iterator[None]:
    """rapidyaml prints parse errors on file descriptor 2; silence it meanwhile."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, ValueError, OSError):
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)
