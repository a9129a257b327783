"""The checking pipeline: discover, load, validate, build the model, run the rules.

Work is cut into units whose inputs are known before any record is read:

* a file: its bytes (load, kind, schema);
* the context checks: the reference data;
* a record's checks: the record and the reference data;
* a partition's checks: its members and the reference data.

A unit whose inputs did not change since the last run is not run again: its
located problems come from the cache (:mod:`site_gen.cache`). When only
bulk records changed (registrations, reports, results, progress reports),
only their own units and their partitions run again, and reference data is
read only as the rules ask for it. When reference data changed, every rule
runs again (files are still not re-read). A cold run runs everything.
Either way the problems are the same.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from site_gen.cache import (
    R_BLOB,
    R_BROKEN,
    R_FACTS,
    R_IDENT,
    R_KIND,
    R_MTIME,
    R_PARTS,
    R_PROBLEMS,
    R_SHA,
    R_SIZE,
    R_VALID,
    Cache,
    Damaged,
    Row,
    Unit,
    UnitKey,
    make_row,
    problem_of,
    problem_row,
    tool_digest,
)
from site_gen.catalogue import severity_of
from site_gen.discover import SUBMISSIONS, Found, discover, require_repository
from site_gen.errors import SetupError
from site_gen.kinds import BY_NAME, CADRE, CONTEXT_KINDS, KINDS, ORGANISATION, kind_from_path
from site_gen.loader import MAX_BYTES, load_bytes, reference
from site_gen.model import CONTEXT_TABLES, Context, LazyTable, Record
from site_gen.problems import Problem, Severity, make
from site_gen.rules import Check, PartitionKey, context_partitions, load_checks, partitions_of
from site_gen.safefs import Refused, quiet_stderr, read_regular
from site_gen.scalars import RefLoad
from site_gen.schemas import Schemas

CONTEXT_UNIT: UnitKey = ("context",)
# Below this many files to load (or units to run), a second process costs more than it saves.
PARALLEL_MIN = 1500
# Below this size of cache state, loading it is too quick to run beside listing the files.
FORK_STATE_MIN = 2_000_000

Job = tuple[UnitKey, Callable[[], list[Problem]]]


@dataclass
class CheckResult:
    """Everything a check found, and the means to read every valid record."""

    root: Path
    problems: list[Problem]
    checked: int
    context: Context
    rows: dict[str, Row]
    read: Callable[[str], Record]
    loaded: dict[str, Record] = field(default_factory=dict)
    schemas: Schemas | None = None  # the schemas the records were checked against

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]

    def records(self) -> list[Record]:
        """Every record that passed its schema, in path order (reads cached data as needed)."""
        return [self.read(path) for path, row in self.rows.items() if row[R_VALID]]


def content_hash(data: bytes) -> str:
    """A record file's content hash for the cache (SHA-256 runs in hardware where the processor has it)."""
    return hashlib.sha256(data).hexdigest()[:32]


def _can_fork() -> bool:
    """A second process helps only where fork exists and a second core is there to run it."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def _is_context(row: Row | None) -> bool:
    return row is not None and (row[R_KIND] in CONTEXT_KINDS or row[R_BROKEN] is not None)


class Checker:
    def __init__(self, root: Path, use_cache: bool = True) -> None:
        require_repository(root)
        self.root = root
        self.root_text = str(root)
        self.schemas = Schemas(root)
        self.checks = load_checks()
        self.cache = Cache(root, tool_digest() + self.schemas.digest, enabled=use_cache)
        self.refs: dict[str, RefLoad] = {}
        self.loaded: dict[str, Record] = {}
        self.rows: dict[str, Row] = {}

    # -- files ----------------------------------------------------------------

    def load_file(self, found: Found) -> tuple[Row, bytes | None, bool]:
        """The row of a file whose stat changed, its parsed JSON, and whether its content changed."""
        path, size, mtime = found
        try:
            data = read_regular(os.path.join(self.root_text, path), MAX_BYTES)
        except Refused as exc:
            line = 1 if exc.code in ("file.unreadable", "file.too-large") else 0
            problem = make(path, exc.code, severity_of(exc.code), "", line, line, **exc.params)
            return make_row(size, mtime, "", None, False, problems=(problem,)), None, True
        sha = content_hash(data)
        same = self.cache.same_content(path, sha)
        if same is not None:
            return (size, mtime, *same[R_SHA:]), None, False
        return (*self._parse(found, data, sha), True)

    def _parse(self, found: Found, data: bytes, sha: str) -> tuple[Row, bytes | None]:
        path, size, mtime = found
        loaded = load_bytes(data, path)
        if loaded.problems:
            partial_value = loaded.ref.partial if loaded.ref is not None else None
            broken = guess_broken(path, partial_value if isinstance(partial_value, dict) else {})
            return make_row(size, mtime, sha, None, False, broken, problems=refused(path, loaded.problems)), None
        value = loaded.value
        kind = value.get("kind")
        problems = self._kind_problems(path, data, loaded.ref, kind)
        if problems:
            return make_row(size, mtime, sha, None, False, problems=refused(path, problems)), None
        assert isinstance(kind, str)
        if not self.schemas.is_valid(kind, value):
            ref = loaded.ref or self._ref(path, data)
            found_problems = self.schema_problems(path, kind, value, ref)
            return make_row(size, mtime, sha, kind, False, guess_broken(path, value), problems=found_problems), None
        record = Record(path, kind, value)
        self.loaded[path] = record
        ident = value.get("id") if kind in CONTEXT_KINDS else None
        facts = BY_NAME[kind].facts(value)
        row = make_row(size, mtime, sha, kind, True, None, tuple(partitions_of(record)), (), ident, facts)
        return row, loaded.json

    def schema_problems(self, path: str, kind: str, value: Any, ref: RefLoad) -> tuple[Problem, ...]:
        """The located problems of a record the schema engine refused: at least one error, always."""
        # Imported only when a record fails its schema: compiling the module costs check 10 ms where byte code
        # is not written (PYTHONDONTWRITEBYTECODE), 1.4 ms where it is (python -X importtime).
        from site_gen.schema_problems import schema_problems

        found = schema_problems(self.schemas, kind, value, path, ref)
        return refused(path, found, ref.position(""))

    def _kind_problems(self, path: str, data: bytes, ref: RefLoad | None, kind: Any) -> list[Problem]:
        names = [k.name for k in KINDS]
        if kind is None:
            ref = ref or self._ref(path, data)
            line, column = ref.position("")
            return [make(path, "record.kind-missing", severity_of("record.kind-missing"), "", line, column, kinds_list=names)]
        if not isinstance(kind, str):
            ref = ref or self._ref(path, data)
            line, column = ref.position("/kind")
            found = (
                "boolean"
                if isinstance(kind, bool)
                else {int: "integer", float: "number", list: "array"}.get(type(kind), "object")
            )
            code = "record.kind-type"
            return [make(path, code, severity_of(code), "/kind", line, column, found_type=found, kinds_list=names)]
        if kind not in BY_NAME:
            from site_gen.schema_problems import suggest  # as above

            ref = ref or self._ref(path, data)
            line, column = ref.position("/kind")
            guess = suggest(kind, names) if isinstance(kind, str) else None
            code = "record.kind-unknown"
            return [
                make(path, code, severity_of(code), "/kind", line, column, value=kind, kinds_list=names, suggestion=guess or "")
            ]
        return []

    def _ref(self, path: str, data: bytes | None = None) -> RefLoad:
        ref = self.refs.get(path)
        if ref is None:
            if data is None:
                try:
                    data = read_regular(os.path.join(self.root_text, path), MAX_BYTES)
                except Refused:
                    data = b""  # gone or swapped since it was loaded: no positions
            ref = reference(data, path)
            self.refs[path] = ref
        return ref

    def record(self, path: str) -> Record:
        """A valid record, parsed this run or read back from the cache."""
        record = self.loaded.get(path)
        if record is None:
            row = self.rows[path]
            try:
                value = self.cache.data(path, row)
            except Damaged as exc:
                self.cache.drop(exc.file)
                value = self._reread(path, row)
            record = Record(path, row[R_KIND], value)
            self.loaded[path] = record
        return record

    def _reread(self, path: str, row: Row) -> dict[str, Any]:
        """A valid record whose cached data was damaged: parsed again from the very bytes that were checked."""
        try:
            data = read_regular(os.path.join(self.root_text, path), MAX_BYTES)
        except Refused:
            data = b""
        loaded = load_bytes(data, path)
        if content_hash(data) != row[R_SHA] or not isinstance(loaded.value, dict):
            raise SetupError("setup.changed-during-run", path=path)
        return loaded.value

    # -- the run ----------------------------------------------------------------

    def run(self) -> CheckResult:
        """Check the repository. The garbage collector pauses meanwhile: the run makes many
        objects and no cycles, and collecting them repeatedly would cost a fifth of the time.

        What the run leaves is then frozen (:func:`gc.freeze`): else the first collection after
        it would walk every object the run made, all of them still in the youngest generation
        (60 ms after a cold check of 10,000 records, a tenth of it). Frozen objects are still
        freed when nothing refers to them; the next run unfreezes the previous run's, so a
        long-lived process (``serve``) still collects any cycle among them.
        """
        enabled = gc.isenabled()
        gc.disable()
        gc.unfreeze()
        try:
            return self._check()
        finally:
            gc.freeze()
            if enabled:
                gc.enable()

    def _check(self) -> CheckResult:
        clock = _Clock()
        found, others = self._discover_and_load_cache()
        old = self.cache.rows
        clock.lap("discover, cache")
        rows: dict[str, Row] = {}
        todo: list[Found] = []
        for item in found:
            path = item[0]
            row = old.get(path)
            if (
                row is not None
                and row[R_SIZE] == item[1]
                and row[R_MTIME] == item[2]
                and (row[R_BLOB] is not None or not row[R_VALID])
            ):
                rows[path] = row
            else:
                rows[path] = ()
                todo.append(item)
        changed: set[str] = set()
        with quiet_stderr():
            for path, row, json, differs in self._load_many(todo):
                rows[path] = row
                if json is not None:
                    self.cache.pending[path] = json
                if differs:
                    changed.add(path)
        self.rows = rows
        vanished = old.keys() - rows.keys()
        changed |= vanished
        clock.lap("load files")
        rows.update(self.cache.store_blobs(rows))
        clock.lap("store blobs")
        full = self.cache.cold or any(_is_context(old.get(path)) or _is_context(rows.get(path)) for path in changed)
        ctx = self._context(rows)
        clock.lap("context")
        units, unit_changes = self._units(ctx, rows, old, changed, full)
        clock.lap("rules")
        problems = self._collect(rows, others, units)
        row_changes: dict[str, Row | None] = {path: row for path, row in rows.items() if old.get(path) is not row}
        row_changes.update(dict.fromkeys(vanished))
        self.cache.save(rows, units, row_changes, unit_changes, snapshot=full)
        self.cache.release()
        clock.lap("save")
        return CheckResult(self.root, problems, len(found), ctx, rows, self.record, self.loaded, self.schemas)

    def _discover_and_load_cache(self) -> tuple[list[Found], list[Problem]]:
        """List the files while the cache loads: two processes when a large cache exists."""
        if not (self.cache.enabled and _can_fork() and self.cache.snapshot_size() >= FORK_STATE_MIN):
            listing = discover(self.root)
            self.cache.load()
            return listing

        def load_cache() -> list[Any]:
            self.cache.load()
            return [None]

        result = self._forked(load_cache, lambda: [discover(self.root)])
        found: tuple[list[Found], list[Problem]] = result[1]
        return found

    def _load_many(self, todo: list[Found]) -> list[tuple[str, Row, bytes | None, bool]]:
        """Load files, on two processes when there are many and the platform can fork."""

        def load(share: list[Found]) -> list[tuple[str, Row, bytes | None, bool]]:
            return [(item[0], *self.load_file(item)) for item in share]

        if len(todo) < PARALLEL_MIN or not _can_fork():
            return load(todo)
        split = len(todo) // 2
        return self._forked(lambda: load(todo[:split]), lambda: load(todo[split:]))

    def _forked(self, here: Callable[[], list[Any]], there: Callable[[], list[Any]]) -> list[Any]:
        """``here() + there()``, with ``there`` run by a forked child and its result sent back pickled.

        If the child fails in any way, ``there`` runs here instead: the result
        never depends on whether the second process worked.
        """
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child process
            status = 1
            try:
                os.close(reader)
                payload = pickle.dumps(there(), protocol=5)
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(writer)
        results = here()
        with os.fdopen(reader, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        try:
            if status != 0:
                raise ValueError(status)
            other: list[Any] = pickle.loads(payload)
        except Exception:
            other = there()
        return results + other

    # -- reference data ------------------------------------------------------------

    def _context(self, rows: dict[str, Row]) -> Context:
        """The reference data, its records read only when a rule asks for them."""
        paths: dict[str, dict[str, str]] = {kind: {} for kind in CONTEXT_TABLES}
        organisations: list[Record] = []
        duplicates: list[tuple[str, str]] = []
        broken: dict[str, set[str]] = {}
        leaders: dict[str, set[str]] = {}
        for path, row in rows.items():
            kind = row[R_KIND]
            if row[R_BROKEN] is not None:
                broken.setdefault(row[R_BROKEN][0], set()).add(row[R_BROKEN][1])
            if not row[R_VALID] or kind not in CONTEXT_KINDS:
                continue
            if kind == ORGANISATION.name:
                organisations.append(self.record(path))
                continue
            table = paths[kind]
            ident = row[R_IDENT]
            if ident in table:
                duplicates.append((path, table[ident]))
            else:
                table[ident] = path
            if kind == CADRE.name and row[R_FACTS][1] in ("leader", "standing"):
                leaders.setdefault(row[R_FACTS][0], set()).add(ident)
        tables = {kind: LazyTable(table, self.record) for kind, table in paths.items()}
        pairs = [(self.record(a), self.record(b)) for a, b in duplicates]
        return Context(dict(tables), organisations, pairs, broken, leaders)

    # -- rules ---------------------------------------------------------------------

    def _units(
        self, ctx: Context, rows: dict[str, Row], old: dict[str, Row], changed: set[str], full: bool
    ) -> tuple[dict[UnitKey, Unit], dict[UnitKey, Unit | None]]:
        """Run the units whose inputs changed; keep the others' cached problems."""
        jobs: list[Job] = []
        by_kind: dict[str, list[Check]] = {}
        for item in self.checks:
            for kind in item.kinds:
                by_kind.setdefault(kind, []).append(item)
        if full:
            units: dict[UnitKey, Unit] = {}
            jobs.append((CONTEXT_UNIT, partial(self._run, [c for c in self.checks if c.scope == "context"], ctx)))
            record_paths: Iterable[str] = rows
            members: dict[PartitionKey, list[str]] = {key: [] for key in context_partitions(ctx)}
            for path, row in rows.items():
                for key in row[R_PARTS]:
                    members.setdefault(key, []).append(path)
        else:
            units = dict(self.cache.units)
            record_paths = sorted(changed)
            dirty: set[PartitionKey] = set()
            for path in changed:
                for before in (old.get(path), rows.get(path)):
                    if before is not None:
                        dirty.update(before[R_PARTS])
            members = {key: [] for key in dirty}
            for path, row in rows.items():
                for key in row[R_PARTS]:
                    if key in dirty:
                        members[key].append(path)
        gone: dict[UnitKey, Unit | None] = {}
        for path in record_paths:
            current = rows.get(path)
            unit_key: UnitKey = ("record", path)
            if current is None or not current[R_VALID] or current[R_KIND] in CONTEXT_KINDS:
                if units.pop(unit_key, None) is not None:
                    gone[unit_key] = None
                continue
            checks = by_kind.get(current[R_KIND], [])
            jobs.append((unit_key, partial(self._run_record, [c for c in checks if c.scope == "record"], ctx, path)))
        existing = set(context_partitions(ctx)) if not full else set()
        for pkey, paths in members.items():
            key = ("partition", *pkey)
            if not paths and not full and pkey not in existing:
                if units.pop(key, None) is not None:
                    gone[key] = None
                continue
            checks = [c for c in self.checks if c.scope == pkey[0]]
            jobs.append((key, partial(self._run_partition, checks, ctx, pkey, paths)))
        changes: dict[UnitKey, Unit | None] = dict(gone)
        for key, found in self._run_jobs(jobs):
            if found:
                units[key] = changes[key] = found
            elif units.pop(key, None) is not None:
                changes[key] = None
        return units, changes

    def _run_record(self, checks: list[Check], ctx: Context, path: str) -> list[Problem]:
        return self._run(checks, ctx, self.record(path))

    def _run_partition(self, checks: list[Check], ctx: Context, pkey: PartitionKey, paths: list[str]) -> list[Problem]:
        return self._run(checks, ctx, pkey, [self.record(path) for path in paths])

    def _run_jobs(self, jobs: list[Job]) -> list[tuple[UnitKey, Unit]]:
        """Run units of work, on two processes when there are many (as for loading)."""

        def work(share: list[Job]) -> list[tuple[UnitKey, Unit]]:
            return [(key, tuple(problem_row(p) for p in self._locate(job()))) for key, job in share]

        if len(jobs) < PARALLEL_MIN or not _can_fork():
            return work(jobs)
        mine, theirs = jobs[0::2], jobs[1::2]
        return self._forked(lambda: work(mine), lambda: work(theirs))

    def _run(self, checks: list[Check], ctx: Context, *args: Any) -> list[Problem]:
        out: list[Problem] = []
        for item in checks:
            out.extend(item.fn(ctx, *args))
        return out

    def _locate(self, problems: Iterable[Problem]) -> list[Problem]:
        located = []
        for problem in problems:
            if problem.line or not problem.file.startswith(SUBMISSIONS + "/"):
                located.append(problem)
                continue
            line, column = self._ref(problem.file).position(problem.pointer, at_key=True)
            located.append(problem.located(line, column))
        unique = {problem.sort_key(): problem for problem in located}
        return [unique[key] for key in sorted(unique)]

    def _collect(self, rows: dict[str, Row], others: list[Problem], units: dict[UnitKey, Unit]) -> list[Problem]:
        problems: list[Problem] = list(others)
        for row in rows.values():
            if row[R_PROBLEMS]:
                problems.extend(problem_of(p) for p in row[R_PROBLEMS])
        for found in units.values():
            problems.extend(problem_of(p) for p in found)
        return sorted(problems, key=Problem.sort_key)


def refused(path: str, problems: Iterable[Problem], at: tuple[int, int] = (1, 1)) -> tuple[Problem, ...]:
    """The problems of a record that builds no model, never without an error.

    A record left out of the model must say why at its line; if the reasons
    found hold no error (a disagreement inside the tool), the record still
    gets one, ``record.unexplained``, instead of vanishing behind "no errors".
    """
    found = tuple(problems)
    if any(problem.severity is Severity.ERROR for problem in found):
        return found
    code = "record.unexplained"
    return (*found, make(path, code, severity_of(code), "", max(at[0], 1), max(at[1], 1)))


def broken_key(kind: str, value: dict[str, Any], path: str = "") -> tuple[str, str] | None:
    """What a record that failed its schema still tells the rules, so they don't cascade.

    A reference to a broken unit is not reported again; a broken registration
    still counts as "registered"; a broken result still counts as "a result";
    a broken cadre's exemptions are unknown; a broken quarterly report may
    hold any visit of its quarter. Each kind says what its key is
    (:meth:`site_gen.kinds.Kind.broken_key`).
    """
    ident = BY_NAME[kind].broken_key(value, path)
    return (kind, ident) if ident else None


def guess_broken(path: str, partial_value: dict[str, Any]) -> tuple[str, str] | None:
    """For a file that would not even load: what it most likely is, from what was read and its path.

    What the file no longer says is ``*`` (any), never a guess: a rule then
    stays silent about what the broken file may hold until it is fixed.
    """
    kind = partial_value.get("kind")
    if not isinstance(kind, str) or kind not in BY_NAME:
        kind = kind_from_path(path)
        if kind is None:
            return None
    key = broken_key(kind, partial_value, path)
    if key is not None:
        return key
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return (kind, BY_NAME[kind].unreadable_key(stem))


class _Clock:
    """Stage timings on standard error when SITE_GEN_TIMINGS is set (for the benchmark)."""

    def __init__(self) -> None:
        self.on = bool(os.environ.get("SITE_GEN_TIMINGS"))
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.on:
            now = time.perf_counter()
            print(f"  {stage:<12} {now - self.last:7.3f} s", file=sys.stderr)
            self.last = now


def check_repository(root: Path, use_cache: bool = True) -> CheckResult:
    return Checker(root, use_cache).run()
