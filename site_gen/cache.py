"""The check cache: what each file held, and the problems each unit of work found.

Lives in ``.site-gen-cache/`` at the repository root (ignored by git):

* ``state.bin`` — a marshal snapshot: one row per file (size, modification
  time, content hash, kind, validity, partitions, located problems, where its
  parsed data sits in the blob file, its id) and the located problems of
  each unit of work that found any;
* ``journal.bin`` — changes since the snapshot, appended by each run; the
  next run replays them, and a run that changed much writes a new snapshot;
* ``blobs.bin`` — the parsed records as JSON, appended, read by offset.

A file whose size and modification time are unchanged is not read again
(as git's index does); a file whose bytes hash the same as before is not
parsed again. Everything is dropped when the tool's code or a schema changes
(``salt``). Only one process uses the cache at a time; a second concurrent
run works without it. Rows stay plain tuples (marshal reads them fast); the
``R_*`` constants name their fields.
"""

from __future__ import annotations

import marshal
import mmap
import os
import struct
from pathlib import Path
from typing import Any

import orjson

from site_gen.problems import Problem, Severity

CACHE_DIR = ".site-gen-cache"
STATE = "state.bin"
JOURNAL = "journal.bin"
BLOBS = "blobs.bin"
FORMAT = 3

# Fields of a file row.
R_SIZE, R_MTIME, R_SHA, R_KIND, R_VALID, R_BROKEN, R_PARTS, R_PROBLEMS, R_BLOB, R_IDENT, R_FACTS = range(11)

Row = tuple[Any, ...]
UnitKey = tuple[str, ...]
ProblemRow = tuple[str, str, str, str, int, int, tuple[tuple[str, Any], ...]]
Unit = tuple[ProblemRow, ...]
_SEVERITIES = {s.value: s for s in Severity}
_LENGTH = struct.Struct("<I")


def problem_row(problem: Problem) -> ProblemRow:
    return (
        problem.file,
        problem.code,
        problem.severity.value,
        problem.pointer,
        problem.line,
        problem.column,
        problem.params,
    )


def problem_of(row: ProblemRow) -> Problem:
    file, code, severity, pointer, line, column, params = row
    return Problem(file, code, _SEVERITIES[severity], pointer, line, column, tuple(params))


def make_row(
    size: int,
    mtime: int,
    sha: str,
    kind: str | None,
    valid: bool,
    broken: tuple[str, str] | None = None,
    partitions: tuple[tuple[str, ...], ...] = (),
    problems: tuple[Problem, ...] = (),
    ident: str | None = None,
    facts: tuple[Any, ...] | None = None,
) -> Row:
    return (size, mtime, sha, kind, valid, broken, partitions, tuple(problem_row(p) for p in problems), None, ident, facts)


class Cache:
    """Rows and units of the last run, and the means to record this run's changes."""

    def __init__(self, root: Path, salt: str, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR
        self.salt = salt
        self.enabled = enabled
        self.rows: dict[str, Row] = {}
        self.units: dict[UnitKey, Unit] = {}
        self.pending: dict[str, bytes] = {}
        self._blob_size = 0
        self._blobs: mmap.mmap | None = None
        self._lock: int | None = None
        self._journal_ops = 0
        self.cold = True

    # -- reading -----------------------------------------------------------------

    def load(self) -> None:
        if not self.enabled:
            return
        try:
            self.dir.mkdir(exist_ok=True)
            ignore = self.dir / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n")
        except OSError:
            self.enabled = False
            return
        if not self._acquire():
            self.enabled = False
            return
        try:
            state = marshal.loads((self.dir / STATE).read_bytes())
            if not isinstance(state, dict) or state.get("format") != FORMAT or state.get("salt") != self.salt:
                raise ValueError("stale")
            self.rows = state["rows"]
            self.units = state["units"]
            self._blob_size = state["blob_size"]
            self._replay()
            self._open_blobs()
            self.cold = False
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            self.rows, self.units, self._blob_size = {}, {}, 0
            self.cold = True

    def _replay(self) -> None:
        path = self.dir / JOURNAL
        if not path.exists():
            return
        data = path.read_bytes()
        offset = 0
        while offset + 4 <= len(data):
            (length,) = _LENGTH.unpack_from(data, offset)
            chunk = data[offset + 4 : offset + 4 + length]
            if len(chunk) < length:
                break  # a run that died while writing: its change is simply not replayed
            op = marshal.loads(chunk)
            self._apply(op)
            self._journal_ops += 1
            offset += 4 + length

    def _apply(self, op: dict[str, Any]) -> None:
        for path, row in op["rows"].items():
            if row is None:
                self.rows.pop(path, None)
            else:
                self.rows[path] = row
        for key, unit in op["units"].items():
            if unit is None:
                self.units.pop(key, None)
            else:
                self.units[key] = unit
        self._blob_size = op["blob_size"]

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
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        path = self.dir / BLOBS
        if self._blob_size == 0:
            return
        if not path.exists() or path.stat().st_size < self._blob_size:
            raise OSError("blob file shorter than the state says")
        with path.open("rb") as handle:
            self._blobs = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def unchanged(self, path: str, size: int, mtime_ns: int) -> Row | None:
        """The cached row of a file whose size and modification time did not change."""
        row = self.rows.get(path)
        if row is not None and row[R_SIZE] == size and row[R_MTIME] == mtime_ns and (row[R_BLOB] is not None or not row[R_VALID]):
            return row
        return None

    def same_content(self, path: str, sha: str) -> Row | None:
        """The cached row of a file whose bytes did not change, though its stat did."""
        row = self.rows.get(path)
        if row is not None and row[R_SHA] == sha and (row[R_BLOB] is not None or not row[R_VALID]):
            return row
        return None

    def data(self, path: str, row: Row) -> dict[str, Any]:
        """The parsed record of a valid file."""
        pending = self.pending.get(path)
        if pending is not None:
            value: dict[str, Any] = orjson.loads(pending)
            return value
        assert row[R_BLOB] is not None and self._blobs is not None
        offset, length = row[R_BLOB]
        value = orjson.loads(self._blobs[offset : offset + length])
        return value

    # -- writing -------------------------------------------------------------------

    def store_blobs(self, rows: dict[str, Row]) -> dict[str, Row]:
        """Append the parsed data of newly loaded records; returns their rows with the blob places."""
        if not self.enabled or not self.pending:
            return {}
        live = sum(row[R_BLOB][1] for row in rows.values() if row[R_BLOB] is not None)
        if self._blob_size > 2 * live + 1_000_000:
            self._compact(rows)
        placed: dict[str, Row] = {}
        chunks = []
        offset = self._blob_size
        for path, json in self.pending.items():
            row = rows[path]
            placed[path] = (*row[:R_BLOB], (offset, len(json)), *row[R_BLOB + 1 :])
            chunks.append(json)
            offset += len(json)
        target = self.dir / BLOBS
        if self._blob_size == 0:
            # A new file (never rewrite one in place: another run may have it mapped).
            tmp = self.dir / (BLOBS + ".tmp")
            tmp.write_bytes(b"".join(chunks))
            os.replace(tmp, target)
        else:
            with target.open("r+b") as handle:
                handle.seek(self._blob_size)
                handle.write(b"".join(chunks))
        self._blob_size = offset
        self._open_blobs()
        self.pending = {}
        return placed

    def _compact(self, rows: dict[str, Row]) -> None:
        """Start a new blob file: every live record is written again."""
        for path, row in list(rows.items()):
            if row[R_BLOB] is not None:
                if path not in self.pending:
                    assert self._blobs is not None
                    offset, length = row[R_BLOB]
                    self.pending[path] = bytes(self._blobs[offset : offset + length])
                rows[path] = (*row[:R_BLOB], None, *row[R_BLOB + 1 :])
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        self._blob_size = 0

    def save(
        self,
        rows: dict[str, Row],
        units: dict[UnitKey, Unit],
        changed_rows: dict[str, Row | None],
        changed_units: dict[UnitKey, Unit | None],
        snapshot: bool = False,
    ) -> None:
        """Record this run: a journal entry for a small change, a new snapshot for a large one.

        ``snapshot`` is required when the units were recomputed from scratch
        (their changes are then not listed one by one).
        """
        if not self.enabled:
            return
        try:
            snapshot = snapshot or self.cold or len(changed_rows) + len(changed_units) > 2000 or self._journal_ops > 200
            if snapshot:
                state = {
                    "format": FORMAT,
                    "salt": self.salt,
                    "blob_size": self._blob_size,
                    "rows": rows,
                    "units": units,
                }
                tmp = self.dir / (STATE + ".tmp")
                tmp.write_bytes(marshal.dumps(state))
                os.replace(tmp, self.dir / STATE)
                (self.dir / JOURNAL).unlink(missing_ok=True)
            elif changed_rows or changed_units:
                op = {"rows": changed_rows, "units": changed_units, "blob_size": self._blob_size}
                payload = marshal.dumps(op)
                with (self.dir / JOURNAL).open("ab") as journal:
                    journal.write(_LENGTH.pack(len(payload)) + payload)
        except OSError:
            pass

    def release(self) -> None:
        """Let another run use the cache (the blob map stays readable)."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
