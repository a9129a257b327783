"""The tool's private files: this user's secret key, and files opened without ever following a link.

The key (32 random bytes) lives outside every repository, in the user's cache
folder; it tags what the tool writes into a repository's ``.site-gen-cache``
(the check cache, the office forms, the write journals), so that anything
planted there (committed in a pull request) is never believed. Files in
``.site-gen-cache`` are opened with ``O_NOFOLLOW`` and the folder itself must
be a real folder: a planted link never sends a write elsewhere.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

KEY_FILE = "cache-key"
KEY_SIZE = 32


def key_folder() -> Path | None:
    """Where this user's cache key lives: outside every repository."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "site-gen"


def cache_key() -> bytes | None:
    """This user's secret key for the cache tags, made on first use; None where it cannot be kept."""
    folder = key_folder()
    if folder is None:
        return None
    path = folder / KEY_FILE
    for _ in range(2):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        except OSError:
            return None
        if len(data) == KEY_SIZE:
            return data
        try:
            _make_key(folder, path, replace=bool(data))
        except OSError:
            return None
    return None


def _make_key(folder: Path, path: Path, replace: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = folder / f".{KEY_FILE}.{os.getpid()}.{os.urandom(4).hex()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, os.urandom(KEY_SIZE))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if replace:
            os.replace(temporary, path)  # a damaged key: whatever it tagged is dropped once
        else:
            try:
                os.link(temporary, path)  # never overwrite the key another run just made
            except FileExistsError:
                pass
            except OSError:
                os.rename(temporary, path)  # no hard links here (refused on Windows if the key exists)
    finally:
        temporary.unlink(missing_ok=True)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def open_nofollow(path: Path, flags: int) -> int:
    """A cache file opened without following a link (a planted link must not send writes elsewhere)."""
    return os.open(path, flags | _NOFOLLOW, 0o644)


def create_file(path: Path, data: bytes) -> None:
    """A new file (whatever was at that name removed first, link or not) holding ``data``."""
    path.unlink(missing_ok=True)
    fd = open_nofollow(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def own_folder(path: Path) -> bool:
    """``path`` is a real folder (made if missing), never a link: the tool writes only into its own folders
    (a ``.site-gen-cache`` committed as a link must not send its files elsewhere)."""
    try:
        path.mkdir(exist_ok=True)
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False
