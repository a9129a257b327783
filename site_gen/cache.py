"""The check cache: what each file held, and the problems each unit of work found.

Lives in ``.site-gen-cache/`` at the repository root (ignored by git):

* ``state.bin`` — marshal data: for each file its size, modification time,
  content hash, kind, validity, partitions, located problems and where its
  parsed data sits in the blob file; for each unit of work the digest of its
  inputs and its located problems;
* ``blobs.bin`` — the parsed records as JSON, appended, read by offset.

A file whose size and modification time are unchanged is not read again
(as git's index does); a file whose bytes hash the same as before is not
parsed again. The whole cache is dropped when the tool's code or any schema
changes (``salt``). Only one process uses the cache at a time; a second
concurrent run simply works without it.
"""

from __future__ import annotations

import marshal
import mmap
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from site_gen.discover import Found
from site_gen.problems import Problem, Severity

CACHE_DIR = ".site-gen-cache"
STATE = "state.bin"
BLOBS = "blobs.bin"
FORMAT = 1

UnitKey = tuple[str, ...]
ProblemRow = tuple[str, str, str, str, int, int, tuple[tuple[str, Any], ...]]


def _row(problem: Problem) -> ProblemRow:
    return (
        problem.file,
        problem.code,
        problem.severity.value,
        problem.pointer,
        problem.line,
        problem.column,
        tuple((name, _plain(value)) for name, value in problem.params),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value


_SEVERITIES = {s.value: s for s in Severity}


def _problem(row: ProblemRow) -> Problem:
    file, code, severity, pointer, line, column, params = row
    return Problem(file, code, _SEVERITIES[severity], pointer, line, column, params)


@dataclass(slots=True)
class FileEntry:
    size: int
    mtime_ns: int
    sha: str
    kind: str | None
    valid: bool
    broken: tuple[str, str] | None
    partitions: tuple[tuple[str, ...], ...]
    problems: tuple[Problem, ...]
    blob: tuple[int, int] | None = None
    json: bytes | None = None

    def moved(self, size: int, mtime_ns: int) -> FileEntry:
        return replace(self, size=size, mtime_ns=mtime_ns)

    def row(self) -> tuple[Any, ...]:
        return (
            self.size,
            self.mtime_ns,
            self.sha,
            self.kind,
            self.valid,
            self.broken,
            self.partitions,
            tuple(_row(p) for p in self.problems),
            self.blob,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> FileEntry:
        size, mtime, sha, kind, valid, broken, partitions, problems, blob = row
        return cls(size, mtime, sha, kind, valid, broken, partitions, tuple(_problem(p) for p in problems), blob)


class Cache:
    def __init__(self, root: Path, salt: str, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR
        self.salt = salt
        self.enabled = enabled
        self.files: dict[str, FileEntry] = {}
        self.units: dict[UnitKey, tuple[str, tuple[Problem, ...]]] = {}
        self.context_digest = ""
        self._blobs: mmap.mmap | None = None
        self._blob_size = 0
        self._lock: int | None = None

    # -- reading -------------------------------------------------------------------

    def load(self) -> None:
        if not self.enabled:
            return
        try:
            self.dir.mkdir(exist_ok=True)
            (self.dir / ".gitignore").write_text("*\n") if not (self.dir / ".gitignore").exists() else None
        except OSError:
            self.enabled = False
            return
        if not self._acquire():
            self.enabled = False
            return
        try:
            state = marshal.loads((self.dir / STATE).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if not isinstance(state, dict) or state.get("format") != FORMAT or state.get("salt") != self.salt:
            return
        try:
            self.files = {path: FileEntry.from_row(row) for path, row in state["files"].items()}
            self.units = {key: (digest, tuple(_problem(p) for p in rows)) for key, (digest, rows) in state["units"].items()}
            self.context_digest = state["context"]
            self._blob_size = state["blob_size"]
            self._open_blobs()
        except (KeyError, ValueError, TypeError, OSError):
            self.files, self.units, self.context_digest = {}, {}, ""

    def _acquire(self) -> bool:
        import fcntl

        try:
            fd = os.open(self.dir / "lock", os.O_CREAT | os.O_RDWR, 0o644)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock = fd
        return True

    def _open_blobs(self) -> None:
        path = self.dir / BLOBS
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        if path.exists() and path.stat().st_size >= self._blob_size > 0:
            with path.open("rb") as handle:
                self._blobs = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        elif self._blob_size:
            raise OSError("blob file shorter than the state says")

    def fresh(self, found: Found) -> FileEntry | None:
        """The cached entry of a file whose size and modification time did not change."""
        entry = self.files.get(found.path)
        if entry is not None and entry.size == found.size and entry.mtime_ns == found.mtime_ns:
            if entry.valid and entry.blob is None:
                return None
            return entry
        return None

    def by_sha(self, sha: str, path: str) -> FileEntry | None:
        """The cached entry of a file whose bytes did not change, though its stat did."""
        entry = self.files.get(path)
        if entry is not None and entry.sha == sha and (entry.blob is not None or not entry.valid):
            return entry
        return None

    def vanished(self, entries: dict[str, FileEntry]) -> set[str]:
        return {path for path in self.files if path not in entries}

    def old_partitions(self, path: str) -> tuple[tuple[str, ...], ...]:
        entry = self.files.get(path)
        return entry.partitions if entry is not None else ()

    def read_blob(self, entry: FileEntry) -> dict[str, Any]:
        if entry.json is not None:
            value: dict[str, Any] = orjson.loads(entry.json)
            return value
        assert entry.blob is not None and self._blobs is not None
        offset, length = entry.blob
        value = orjson.loads(self._blobs[offset : offset + length])
        return value

    # -- writing -------------------------------------------------------------------

    def store_blobs(self, entries: dict[str, FileEntry]) -> None:
        """Append the parsed data of newly loaded records to the blob file."""
        if not self.enabled:
            return
        new = [entry for entry in entries.values() if entry.json is not None and entry.blob is None]
        live = sum(entry.blob[1] for entry in entries.values() if entry.blob is not None)
        path = self.dir / BLOBS
        if self._blob_size > 2 * (live + 1) + 1_000_000:
            self._compact(entries)
        if not new:
            return
        chunks = []
        offset = self._blob_size
        for entry in new:
            assert entry.json is not None
            entry.blob = (offset, len(entry.json))
            chunks.append(entry.json)
            offset += len(entry.json)
        if self._blob_size == 0:
            # A new file (never rewrite one in place: another run may have it mapped).
            tmp = self.dir / (BLOBS + ".tmp")
            tmp.write_bytes(b"".join(chunks))
            os.replace(tmp, path)
        else:
            with path.open("r+b") as handle:
                handle.seek(self._blob_size)
                handle.write(b"".join(chunks))
        self._blob_size = offset
        self._open_blobs()

    def _compact(self, entries: dict[str, FileEntry]) -> None:
        for entry in entries.values():
            if entry.blob is not None and entry.json is None:
                assert self._blobs is not None
                offset, length = entry.blob
                entry.json = bytes(self._blobs[offset : offset + length])
            entry.blob = None
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        self._blob_size = 0

    def save(self, entries: dict[str, FileEntry], units: dict[UnitKey, tuple[str, tuple[Problem, ...]]], context: str) -> None:
        if not self.enabled:
            return
        state = {
            "format": FORMAT,
            "salt": self.salt,
            "context": context,
            "blob_size": self._blob_size,
            "files": {path: entry.row() for path, entry in entries.items()},
            "units": {key: (digest, tuple(_row(p) for p in found)) for key, (digest, found) in units.items()},
        }
        tmp = self.dir / (STATE + ".tmp")
        try:
            tmp.write_bytes(marshal.dumps(state))
            os.replace(tmp, self.dir / STATE)
        except OSError:
            pass

    def release(self) -> None:
        """Let another run use the cache (the blob map stays readable)."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
