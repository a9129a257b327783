"""The check cache: what each file held, and the problems each unit of work found.

Lives in ``.site-gen-cache/`` at the repository root (ignored by git):

* ``state.bin`` — a marshal snapshot: one row per file (size, modification
  time, content hash, kind, validity, partitions, located problems, where its
  parsed data sits in the blob file and that data's hash, its id) and the
  located problems of each unit of work that found any;
* ``journal.bin`` — changes since the snapshot, appended by each run; the
  next run replays them, and a run that changed much writes a new snapshot;
* ``blobs.bin`` — the parsed records as JSON, appended, read by offset.

A file whose size and modification time are unchanged is not read again
(as git's index does); a file whose bytes hash the same as before is not
parsed again. Everything is dropped when the tool's code or a schema changes
(``salt``). Only one process uses the cache at a time (a lock that works on
every platform, :mod:`site_gen.locking`); a second concurrent run works
without it. Rows stay plain tuples (marshal reads them fast); the ``R_*``
constants name their fields.

Nothing read from the cache is trusted. The snapshot and every journal entry
carry a keyed BLAKE2b tag (the key is 32 random bytes kept outside the
repository, in the user's cache folder, so a ``.site-gen-cache`` planted in a
pull request can neither run code nor make a check pass: marshal builds only
plain values, never calls anything, and an entry without the right tag is
never unmarshalled); each blob's hash is in its row and is checked when the
blob is read; shapes and types are checked after loading. Any inconsistency
(flipped bits, a truncated or missing file, an entry of another snapshot)
drops the whole cache: the run goes on cold and says so in one line on
standard error. A cache that is merely out of date (other code or schemas)
is dropped silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import mmap
import os
import stat
import struct
import sys
from pathlib import Path
from typing import Any

import orjson

from site_gen.cachefiles import cache_key, create_file, open_nofollow, own_folder
from site_gen.locking import Lock, try_lock
from site_gen.problems import Problem, Severity

CACHE_DIR = ".site-gen-cache"
STATE = "state.bin"
JOURNAL = "journal.bin"
BLOBS = "blobs.bin"
DROPPED = "dropped"
FORMAT = 4
MAGIC = b"SGC4"
TAG_SIZE = 32
SALT_SIZE = 16
MAX_FILE = 1 << 30  # a snapshot of 100,000 records is about 20 MB

# Fields of a file row.
R_SIZE, R_MTIME, R_SHA, R_KIND, R_VALID, R_BROKEN, R_PARTS, R_PROBLEMS, R_BLOB, R_IDENT, R_FACTS = range(11)
ROW_FIELDS = 11

Row = tuple[Any, ...]
UnitKey = tuple[str, ...]
ProblemRow = tuple[str, str, str, str, int, int, tuple[tuple[str, Any], ...]]
Unit = tuple[ProblemRow, ...]
_SEVERITIES = {s.value: s for s in Severity}
_LENGTH = struct.Struct("<I")
_SEQ = struct.Struct("<Q")


class Damaged(Exception):
    """A cache file failed a check: the cache is dropped (``file`` names which one, for the notice)."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.file = file


class _Stale(Exception):
    """The cache belongs to other code or schemas (or there is none): dropped without a word."""


def _read(path: Path, file: str) -> bytes:
    """A cache file's bytes: a plain file only (never a link, a FIFO or a device), else :class:`Damaged`."""
    from site_gen.safefs import Refused, read_regular

    try:
        return read_regular(str(path), MAX_FILE)
    except Refused:
        raise Damaged(file) from None


def tool_digest() -> str:
    """Changes whenever the tool's code changes, so the cache never outlives it (part of the ``salt``)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.csv")]):  # the data the rules read too
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _salt_digest(salt: str) -> bytes:
    return hashlib.blake2b(salt.encode("utf-8"), digest_size=SALT_SIZE).digest()


def blob_digest(data: bytes) -> bytes:
    # SHA-256 runs in hardware where the processor has it (OpenSSL): about 40% less than BLAKE2b here
    return hashlib.sha256(data).digest()[:16]


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


def _rows_ok(rows: Any, nullable: bool = False) -> bool:
    """Rows as this code writes them: path -> tuple of the row's width (or None in a journal entry)."""
    if type(rows) is not dict:
        return False
    for path, row in rows.items():
        if type(path) is not str:
            return False
        if row is None and nullable:
            continue
        if type(row) is not tuple or len(row) != ROW_FIELDS:
            return False
        blob = row[R_BLOB]
        if blob is not None and (type(blob) is not tuple or len(blob) != 3):
            return False
    return True


def _units_ok(units: Any, nullable: bool = False) -> bool:
    if type(units) is not dict:
        return False
    return all(type(key) is tuple and (type(unit) is tuple or (unit is None and nullable)) for key, unit in units.items())


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
        self._lock: Lock | None = None
        self._key = b""
        self._nonce = b""
        self._journal_ops = 0
        self.cold = True

    # -- reading -----------------------------------------------------------------

    def snapshot_size(self) -> int:
        """The size of the snapshot :meth:`load` would read (0 when there is none)."""
        try:
            return os.stat(self.dir / STATE).st_size
        except OSError:
            return 0

    def load(self) -> None:
        if not self.enabled:
            return
        self._reset()
        key = cache_key()
        try:
            if key is None or not own_folder(self.dir):
                raise OSError("no key, or not a folder of its own")
            ignore = self.dir / ".gitignore"
            if not os.path.lexists(ignore):
                create_file(ignore, b"*\n")
        except OSError:
            self.enabled = False
            return
        self._lock = try_lock(self.dir / "lock")
        if self._lock is None:
            self.enabled = False
            return
        self._key = key
        try:
            if (self.dir / DROPPED).exists():
                self._wipe()
                raise _Stale
            self._read_state()
            self._replay()
            self._open_blobs()
            self.cold = False
        except _Stale:
            self._reset()
        except Damaged as exc:
            self._reset()
            self._notice(exc.file)
        except Exception:  # whatever else a damaged file can make marshal or the checks raise
            self._reset()
            self._notice(STATE)

    def _reset(self) -> None:
        self.rows, self.units, self._blob_size, self._journal_ops = {}, {}, 0, 0
        self._nonce = b""
        self.cold = True

    def _tag(self, *parts: bytes) -> bytes:
        mac = hmac.new(self._key, digestmod=hashlib.sha256)
        for part in parts:
            mac.update(part)
        return mac.digest()[:TAG_SIZE]

    def _read_state(self) -> None:
        if not os.path.lexists(self.dir / STATE):
            raise _Stale
        data = _read(self.dir / STATE, STATE)
        head = len(MAGIC) + SALT_SIZE
        if not data.startswith(MAGIC):
            if data[:3] == MAGIC[:3] or data[:1] in (b"{", b"\xfb"):
                raise _Stale  # another version of this cache (format 3 was a bare marshal dict)
            raise Damaged(STATE)
        if len(data) < head + TAG_SIZE:
            raise Damaged(STATE)
        if data[len(MAGIC) : head] != _salt_digest(self.salt):
            raise _Stale  # other code or schemas
        tag, body = data[head : head + TAG_SIZE], data[head + TAG_SIZE :]
        if not hmac.compare_digest(tag, self._tag(data[:head], body)):
            raise Damaged(STATE)
        state = marshal.loads(body)
        if (
            type(state) is not dict
            or state.get("format") != FORMAT
            or state.get("salt") != self.salt
            or type(state.get("nonce")) is not bytes
            or type(state.get("blob_size")) is not int
            or state["blob_size"] < 0
            or not _rows_ok(state.get("rows"))
            or not _units_ok(state.get("units"))
        ):
            raise Damaged(STATE)
        self.rows = state["rows"]
        self.units = state["units"]
        self._blob_size = state["blob_size"]
        self._nonce = state["nonce"]

    def _replay(self) -> None:
        if not os.path.lexists(self.dir / JOURNAL):
            return
        data = _read(self.dir / JOURNAL, JOURNAL)
        offset = 0
        while offset < len(data):
            end = offset + _LENGTH.size + TAG_SIZE
            if end > len(data):
                raise Damaged(JOURNAL)  # cut short (a run that died while writing, or damage)
            (length,) = _LENGTH.unpack_from(data, offset)
            tag = data[offset + _LENGTH.size : end]
            body = data[end : end + length]
            if len(body) < length or not hmac.compare_digest(tag, self._entry_tag(self._journal_ops, body)):
                raise Damaged(JOURNAL)
            op = marshal.loads(body)
            if (
                type(op) is not dict
                or not _rows_ok(op.get("rows"), nullable=True)
                or not _units_ok(op.get("units"), nullable=True)
                or type(op.get("blob_size")) is not int
            ):
                raise Damaged(JOURNAL)
            self._apply(op)
            self._journal_ops += 1
            offset = end + length

    def _entry_tag(self, seq: int, body: bytes) -> bytes:
        """An entry's tag binds it to its snapshot and its place in the journal."""
        return self._tag(MAGIC, self._nonce, _SEQ.pack(seq), body)

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

    def _open_blobs(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        path = self.dir / BLOBS
        if self._blob_size == 0:
            return
        try:
            fd = open_nofollow(path, os.O_RDONLY)
        except OSError:
            raise Damaged(BLOBS) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size < self._blob_size:
                raise Damaged(BLOBS)  # not a plain file, or shorter than the state says
            self._blobs = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        except OSError:
            raise Damaged(BLOBS) from None
        finally:
            os.close(fd)

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
        """The parsed record of a valid file; :class:`Damaged` when the blob is not what was stored."""
        pending = self.pending.get(path)
        if pending is not None:
            value: dict[str, Any] = orjson.loads(pending)
            return value
        if row[R_BLOB] is None or self._blobs is None:
            raise Damaged(BLOBS)
        offset, length, digest = row[R_BLOB]
        chunk = self._blobs[offset : offset + length]
        if blob_digest(chunk) != digest:
            raise Damaged(BLOBS)
        value = orjson.loads(chunk)
        if type(value) is not dict:
            raise Damaged(BLOBS)
        return value

    # -- dropping ----------------------------------------------------------------------

    def drop(self, file: str) -> None:
        """A damaged blob found in the middle of a run: the cache is not saved, its files go, and the user is told once.

        A marker (made with O_EXCL, so a forked helper and its parent say it
        only once) keeps this run, or the parent of a helper, from saving.
        """
        try:
            fd = open_nofollow(self.dir / DROPPED, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except OSError:
            return  # already dropped (and told)
        os.close(fd)
        for name in (STATE, JOURNAL):
            (self.dir / name).unlink(missing_ok=True)
        self._notice(file)

    def _wipe(self) -> None:
        for name in (STATE, JOURNAL, BLOBS, DROPPED):
            # A blob file still mapped on Windows stays: the next cold run replaces it.
            with contextlib.suppress(OSError):
                (self.dir / name).unlink(missing_ok=True)

    def _notice(self, file: str) -> None:
        from site_gen.catalogue import render_code

        _, message = render_code("setup.cache-dropped", {"file": f"{CACHE_DIR}/{file}"})
        print(f"site-gen: {message}", file=sys.stderr)

    # -- writing -------------------------------------------------------------------

    def store_blobs(self, rows: dict[str, Row]) -> dict[str, Row]:
        """Append the parsed data of newly loaded records; returns their rows with the blob places."""
        if not self.enabled or not self.pending or (self.dir / DROPPED).exists():
            return {}
        live = sum(row[R_BLOB][1] for row in rows.values() if row[R_BLOB] is not None)
        try:
            if self._blob_size > 2 * live + 1_000_000:
                self._compact(rows)
        except Damaged as exc:
            self.drop(exc.file)
            self.enabled = False  # the rows the compaction reached read from ``pending``, the others from disk
            return {}
        placed: dict[str, Row] = {}
        chunks = []
        offset = self._blob_size
        for path, json in self.pending.items():
            row = rows[path]
            placed[path] = (*row[:R_BLOB], (offset, len(json), blob_digest(json)), *row[R_BLOB + 1 :])
            chunks.append(json)
            offset += len(json)
        target = self.dir / BLOBS
        try:
            if self._blob_size == 0:
                # A new file (never rewrite one in place: another run may have it mapped).
                tmp = self.dir / (BLOBS + ".tmp")
                create_file(tmp, b"".join(chunks))
                os.replace(tmp, target)
            else:
                with os.fdopen(open_nofollow(target, os.O_RDWR), "r+b") as handle:
                    handle.seek(self._blob_size)
                    handle.write(b"".join(chunks))
            self._blob_size = offset
            self._open_blobs()
        except (OSError, Damaged):
            self.enabled = False  # records stay readable from ``pending``; nothing is saved
            return {}
        self.pending = {}
        return placed

    def _compact(self, rows: dict[str, Row]) -> None:
        """Start a new blob file: every live record is written again (read back verified)."""
        for path, row in list(rows.items()):
            if row[R_BLOB] is not None:
                if path not in self.pending:
                    self.pending[path] = orjson.dumps(self.data(path, row))
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
        if (self.dir / DROPPED).exists():
            self._wipe()  # dropped during this run: the next run starts cold
            return
        try:
            snapshot = snapshot or self.cold or len(changed_rows) + len(changed_units) > 2000 or self._journal_ops > 200
            if snapshot:
                self._write_snapshot(rows, units)
            elif changed_rows or changed_units:
                op = {"rows": changed_rows, "units": changed_units, "blob_size": self._blob_size}
                payload = marshal.dumps(op)
                entry = _LENGTH.pack(len(payload)) + self._entry_tag(self._journal_ops, payload) + payload
                with os.fdopen(open_nofollow(self.dir / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "ab") as journal:
                    journal.write(entry)
        except OSError:
            pass

    def _write_snapshot(self, rows: dict[str, Row], units: dict[UnitKey, Unit]) -> None:
        self._nonce = os.urandom(16)
        state = {
            "format": FORMAT,
            "salt": self.salt,
            "nonce": self._nonce,
            "blob_size": self._blob_size,
            "rows": rows,
            "units": units,
        }
        body = marshal.dumps(state)
        head = MAGIC + _salt_digest(self.salt)
        tmp = self.dir / (STATE + ".tmp")
        create_file(tmp, head + self._tag(head, body) + body)
        # The old journal goes first: a crash in between leaves the old snapshot alone, an older but whole state.
        (self.dir / JOURNAL).unlink(missing_ok=True)
        os.replace(tmp, self.dir / STATE)
        self._journal_ops = 0

    def release(self) -> None:
        """Let another run use the cache (the blob map stays readable)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
