"""Writing into the repository so that a crash leaves it as it was or fully updated, never in between.

Every command that writes files into a data repository (``import``,
``from-issue``, ``new``, ``codeowners``, ``export`` into the repository)
goes through a :class:`Transaction`:

1. the new files are written (and flushed to disk) in a private folder
   ``.site-gen-cache/txn-*/`` of the repository, with a *stage*: a copy of
   ``schemas/`` and ``submissions/`` made of hard links (no data copied)
   where the new files already sit, so the checker can judge the result
   before the repository sees any of it;
2. :meth:`Transaction.commit` writes a journal naming the files (the commit
   point: written to a temporary name, flushed, renamed), then moves each
   file into place with ``os.replace`` (atomic on one file system);
3. the private folder is removed.

A run killed before the journal exists changed nothing in the repository;
one killed after it is finished by :func:`recover`, which every command runs
first (through :func:`site_gen.discover.discover`) and which skips a
transaction whose process still holds its lock. A file is never written in
place: readers see the old bytes or the new ones.

``SITE_GEN_CRASH_AT=N`` (for the tests) kills the process at the N-th
numbered step, so a test can stop a write at every point.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import secrets
import shutil
import signal
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from site_gen.cachefiles import own_folder
from site_gen.errors import SetupError
from site_gen.locking import STALE_AFTER, Lock, try_lock

CACHE_DIR = ".site-gen-cache"
PREFIX = "txn-"
JOURNAL = "commit.json"
STAGED = ("schemas", "submissions")
CRASH_ENV = "SITE_GEN_CRASH_AT"
_steps = 0


def crash_point(label: str) -> None:
    """A numbered step where a test may kill the process (``SITE_GEN_CRASH_AT``)."""
    global _steps
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    _steps += 1
    if str(_steps) == wanted:
        sys.stderr.write(f"crash point {_steps}: {label}\n")
        sys.stderr.flush()
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        os._exit(137)  # pragma: no cover - where no signal kills at once


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes, mode: int = 0o666) -> None:
    """A new file holding ``data``, flushed to disk (refused if the name exists)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` by a file holding ``data``: a reader (or a crash) sees the old file or the new, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    mode = _mode_of(path)
    try:
        _write_new(temporary, data)
        if mode is not None:
            os.chmod(temporary, mode)
        crash_point(f"write {path.name}")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _mode_of(path: Path) -> int | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


class Transaction:
    """Files to write into ``root``: staged, optionally checked on the stage, then moved into place together."""

    def __init__(self, root: Path) -> None:
        recover(root)
        self.root = root
        self.files: dict[str, bytes] = {}
        self._made_cache = not (root / CACHE_DIR).exists()
        self.folder, self.lock = _private_folder(root)
        self.tree = self.folder / "tree"
        self._staged = False
        self._pending = False

    def put(self, relative: str, data: bytes) -> None:
        refuse_unsafe(self.root, relative)
        self.files[relative] = data

    def stage(self) -> Path:
        """A repository to check: the real one's schemas and records, linked, with the new files in place."""
        if not self._staged:
            for name in STAGED:
                if (self.root / name).is_dir():
                    with contextlib.suppress(shutil.Error):  # an entry that cannot be staged (a link on Windows)
                        shutil.copytree(self.root / name, self.tree / name, symlinks=True, copy_function=_link_or_copy)
            self._staged = True
        for relative, data in self.files.items():
            target = self.tree / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink() or target.exists():
                target.unlink()  # a link to the real file: never write through it
            _write_new(target, data)
            crash_point(f"stage {relative}")
        return self.tree

    def drop(self, relative: str) -> None:
        """Leave a file out of the commit (a rejected record); the stage keeps it, the repository never sees it."""
        self.files.pop(relative, None)

    def commit(self) -> list[str]:
        """Move every file into place (recoverable from the journal on); returns the relative paths written."""
        if not self._staged:
            for relative, data in self.files.items():
                target = self.tree / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_new(target, data)
                crash_point(f"stage {relative}")
        written = sorted(self.files)
        for relative in written:
            refuse_unsafe(self.root, relative)
        _write_journal(self.folder, written)
        self._pending = True  # from here on, only moving forward: a failure leaves the journal to recover()
        crash_point("journal written")
        _finish(self.root, self.folder, written)
        self._pending = False
        self.close()
        return written

    def close(self) -> None:
        """Forget the staged files (after a commit, or instead of one)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self._pending:
            return  # committed but not all moved (an error): the next command finishes it
        shutil.rmtree(self.folder, ignore_errors=True)
        if self._made_cache:  # leave the repository as it was found
            cache = self.root / CACHE_DIR
            with contextlib.suppress(OSError):
                if [entry.name for entry in os.scandir(cache)] == [".gitignore"]:
                    (cache / ".gitignore").unlink()
                    cache.rmdir()
        crash_point("cleaned up")

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, *_: object) -> None:
        if self.folder.exists():
            self.close()


def write_files(root: Path, files: Mapping[Path, bytes], transactional: bool = True) -> None:
    """Write ``files`` (absolute paths): those under ``root`` in one transaction (unless not
    ``transactional``), the others one by one, each atomically."""
    inside = {path: data for path, data in files.items() if transactional and path.is_relative_to(root)}
    for path, data in files.items():
        if path not in inside:
            write_atomic(path, data)
    if inside:
        with Transaction(root) as transaction:
            for path, data in inside.items():
                transaction.put(path.relative_to(root).as_posix(), data)
            transaction.commit()


def _private_folder(root: Path) -> tuple[Path, Lock | None]:
    """``.site-gen-cache/txn-*`` of the repository (ignored by git), locked before it gets that name (so
    :func:`recover` never takes it for a dead run's); a temporary folder where that cannot be made."""
    cache = root / CACHE_DIR
    name = f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        if not own_folder(cache):
            raise OSError("not a folder of its own")
        ignore = cache / ".gitignore"
        if not os.path.lexists(ignore):
            _write_new(ignore, b"*\n")
        making = cache / f"new-{name}"
        making.mkdir()
        lock = try_lock(making / "lock")
        if lock is not None:
            folder = cache / f"{PREFIX}{name}"
            os.rename(making, folder)
            if lock.marker is not None:
                lock.marker = folder / lock.marker.name
            return folder, lock
        shutil.rmtree(making, ignore_errors=True)
    except OSError:
        pass
    import tempfile

    return Path(tempfile.mkdtemp(prefix="site-gen-txn-")), None


def refuse_unsafe(root: Path, relative: str) -> None:
    """A target must be a plain file or nothing, reached through real folders: never write through a link."""
    probe = root
    parts = relative.split("/")
    for index, part in enumerate(parts):
        probe = probe / part
        try:
            mode = os.lstat(probe).st_mode
        except FileNotFoundError:
            return
        except OSError:
            break
        last = index == len(parts) - 1
        if stat.S_ISLNK(mode) or (stat.S_ISDIR(mode) if last else not stat.S_ISDIR(mode)):
            break
    else:
        return
    raise SetupError("setup.write-refused", path=relative)


def _link_or_copy(source: str, target: str) -> None:
    """Stage a file as a hard link (no data copied); copy a plain file where linking fails; skip anything else."""
    try:
        os.link(source, target)  # copytree recreates links itself: never one here
    except OSError:
        if stat.S_ISREG(os.lstat(source).st_mode):
            shutil.copy2(source, target, follow_symlinks=False)


def _journal_body(written: list[str], hashes: dict[str, str]) -> bytes:
    return json.dumps({"files": written, "sha256": hashes}, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _journal_tag(body: bytes) -> str | None:
    """This user's keyed tag over a journal: a journal planted in a repository (committed under
    ``.site-gen-cache``) has none that matches, and is never acted on."""
    from site_gen.cachefiles import cache_key

    key = cache_key()
    return hashlib.blake2b(body, key=key, digest_size=32).hexdigest() if key is not None else None


def _write_journal(folder: Path, written: list[str]) -> None:
    hashes = {relative: hashlib.sha256((folder / "tree" / relative).read_bytes()).hexdigest() for relative in written}
    body = _journal_body(written, hashes)
    temporary = folder / (JOURNAL + ".tmp")
    _write_new(temporary, json.dumps({"body": body.decode("utf-8"), "tag": _journal_tag(body)}).encode("utf-8"))
    os.replace(temporary, folder / JOURNAL)
    _fsync_dir(folder)


def _read_journal(folder: Path) -> tuple[list[str], dict[str, str]] | None:
    """The files of a committed transaction and their hashes; None when uncommitted, damaged or not this user's."""
    try:
        outer = json.loads((folder / JOURNAL).read_bytes())
        body = outer["body"].encode("utf-8")
        tag = _journal_tag(body)
        if tag is None or not hmac.compare_digest(tag, str(outer["tag"])):
            return None
        journal = json.loads(body)
        written, hashes = journal["files"], journal["sha256"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(written, list) or not all(isinstance(item, str) and _safe(item) for item in written):
        return None
    if not isinstance(hashes, dict) or set(hashes) != set(written):
        return None
    return written, hashes


def _finish(root: Path, folder: Path, written: list[str], hashes: dict[str, str] | None = None) -> list[str]:
    """Move the staged files of a committed transaction into place; those already moved are skipped
    (with ``hashes``, a staged file whose bytes are not those committed is not moved)."""
    moved = []
    for relative in written:
        source = folder / "tree" / relative
        if not source.exists():
            continue  # moved before the crash
        if hashes is not None and hashlib.sha256(source.read_bytes()).hexdigest() != hashes[relative]:
            raise ValueError(relative)  # damaged since the commit: not this transaction's bytes
        refuse_unsafe(root, relative)
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_of(target)
        if mode is not None:
            os.chmod(source, mode)
        try:
            os.replace(source, target)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            write_atomic(target, source.read_bytes())  # another file system: copy beside, then rename
            source.unlink()
        _fsync_dir(target.parent)
        moved.append(relative)
        crash_point(f"moved {relative}")
    return moved


def recover(root: Path) -> list[str]:
    """Finish every committed transaction left by a killed run; drop the uncommitted ones. Returns the files written."""
    cache = root / CACHE_DIR
    try:
        if not stat.S_ISDIR(os.lstat(cache).st_mode):
            return []  # a link: never acted on
        with os.scandir(cache) as entries:
            found = [(entry.name, Path(entry.path)) for entry in entries if entry.name.startswith((PREFIX, "new-"))]
    except OSError:
        return []
    folders = [path for name, path in found if name.startswith(PREFIX)]
    for name, path in found:
        if name.startswith("new-") and _older_than(path, STALE_AFTER):
            shutil.rmtree(path, ignore_errors=True)  # a run killed while naming its folder
    finished: list[str] = []
    for folder in sorted(folders):
        lock = try_lock(folder / "lock")
        if lock is None:
            continue  # its process is still at work
        try:
            moved, done = _recover_one(root, folder)
            finished += moved
        finally:
            lock.release()
        if done:
            shutil.rmtree(folder, ignore_errors=True)
    if finished:
        from site_gen.catalogue import render_code

        _, message = render_code("setup.write-finished", {"count": len(finished), "files_list": finished})
        print(f"site-gen: {message}", file=sys.stderr)
    return finished


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _recover_one(root: Path, folder: Path) -> tuple[list[str], bool]:
    """The files a committed transaction still had to move, moved; and whether its folder can go."""
    journal = _read_journal(folder)
    if journal is None:
        return [], True  # never committed (the repository was not touched), damaged, or planted: dropped
    written, hashes = journal
    try:
        return _finish(root, folder, written, hashes), True
    except OSError:
        return [], False  # kept: the next command tries again
    except (SetupError, ValueError):
        return [], True  # a target became a link or a folder (never written through), or a staged file damaged


def _safe(relative: str) -> bool:
    """A journal names files under the repository, never elsewhere."""
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and ".." not in parts and "" not in parts
