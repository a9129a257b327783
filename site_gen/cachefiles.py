"""The tool's private files: this user's secret key, and files opened without ever following a link.

The key (32 random bytes) lives outside every repository, in the user's cache
folder; it tags what the tool writes into a repository's ``.site-gen-cache``
(the check cache, the office forms, the write journals), so that anything
planted there (committed in a pull request) is never believed. Files in
``.site-gen-cache`` are opened with ``O_NOFOLLOW`` and the folder itself must
be a real folder: a planted link never sends a write elsewhere.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from site_gen.safefs import Refused, read_regular

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


# -- rendered Office forms ----------------------------------------------------------------------

# A form's cache key: its format and a text that changes with the form's content and the tool's version.
FormKey = tuple[str, str]
FORM_MAX = 64 * 1024 * 1024  # far above any form; a planted link or huge file is never read whole


class FormCache:
    """Word and Excel files rendered by earlier runs, in ``.site-gen-cache/office`` (rendering one takes 10-50 ms).

    A file's name is keyed by this user's secret and its bytes follow a keyed
    tag over its name and bytes: a file planted in a repository, or damaged, is
    never read back (it is rendered again). Where the folder or the key cannot
    be had, nothing is cached.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.secret = cache_key() if own_folder(folder.parent) and own_folder(folder) else None

    def _path(self, key: FormKey) -> Path:
        assert self.secret is not None
        fmt, text = key
        name = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self.secret, digest_size=32).hexdigest()
        return self.folder / f"{name}.{fmt}"

    def _tag(self, name: str, data: bytes) -> bytes:
        mac = hashlib.blake2b(name.encode("utf-8"), key=self.secret or b"", digest_size=32)
        mac.update(data)
        return mac.digest()

    def read(self, keys: Iterable[FormKey]) -> dict[FormKey, bytes]:
        """The cached bytes of the forms with these keys (those found intact)."""
        if self.secret is None:
            return {}
        found: dict[FormKey, bytes] = {}
        for key in keys:
            path = self._path(key)
            try:
                raw = read_regular(str(path), FORM_MAX)
            except Refused:
                continue
            tag, data = raw[:32], raw[32:]
            if hmac.compare_digest(tag, self._tag(path.name, data)):
                found[key] = data
        return found

    def write(self, fresh: Mapping[FormKey, bytes]) -> None:
        """Forms rendered this run, kept for the next (a cache that cannot be written only costs time)."""
        if self.secret is None:
            return
        for key, data in fresh.items():
            path = self._path(key)
            try:
                temporary = path.with_suffix(".tmp")
                temporary.write_bytes(self._tag(path.name, data) + data)
                temporary.replace(path)
            except OSError:
                pass
