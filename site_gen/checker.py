"""The checking pipeline: discover, load, validate, build the model, run the rules.

Work is cut into units whose inputs are known before any record is read:

* a file: its bytes (load, kind, schema);
* the context checks: the reference data (its digest);
* a record's checks: the record and the reference data;
* a partition's checks: its members and the reference data.

A unit whose inputs did not change since the last run is not run again: its
located problems come from the cache (:mod:`site_gen.cache`). A cold run
runs every unit. Either way the problems are the same.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.cache import Cache, FileEntry, UnitKey
from site_gen.catalogue import severity_of
from site_gen.discover import SUBMISSIONS, Found, discover
from site_gen.errors import SetupError
from site_gen.kinds import BY_NAME, CONTEXT_KINDS, KINDS, kind_from_path
from site_gen.loader import load_bytes, reference
from site_gen.model import Context, Record
from site_gen.problems import Problem, make
from site_gen.rules import Check, PartitionKey, context_partitions, load_checks, partitions_of
from site_gen.scalars import RefLoad
from site_gen.schema_problems import schema_problems, suggest
from site_gen.schemas import Schemas
from site_gen.yaml_fast import quiet_stderr

CONTEXT_UNIT: UnitKey = ("context",)


@dataclass
class CheckResult:
    """Everything a check found, and the means to read every valid record."""

    root: Path
    problems: list[Problem]
    checked: int
    context: Context
    entries: dict[str, FileEntry]
    cache: Cache
    loaded: dict[str, Record] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]

    def records(self) -> list[Record]:
        """Every record that passed its schema, in path order (reads cached data as needed)."""
        out = []
        for path in sorted(self.entries):
            entry = self.entries[path]
            if not entry.valid or entry.kind is None:
                continue
            record = self.loaded.get(path)
            if record is None:
                record = Record(path, entry.kind, self.cache.read_blob(entry))
                self.loaded[path] = record
            out.append(record)
        return out


def tool_digest() -> str:
    """Changes whenever the tool's code changes, so the cache never outlives it."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Checker:
    def __init__(self, root: Path, use_cache: bool = True) -> None:
        if not root.is_dir():
            raise SetupError("setup.no-root", path=str(root))
        if not (root / SUBMISSIONS).is_dir():
            raise SetupError("setup.no-submissions", path=str(root / SUBMISSIONS))
        self.root = root
        self.root_text = str(root)
        self.schemas = Schemas(root)
        self.checks = load_checks()
        salt = tool_digest() + self.schemas.digest
        self.cache = Cache(root, salt, enabled=use_cache)
        self.refs: dict[str, RefLoad] = {}
        self.loaded: dict[str, Record] = {}

    # -- files ----------------------------------------------------------------

    def load_file(self, found: Found) -> tuple[FileEntry, bool]:
        """The entry of a file whose stat changed, and whether its content changed too."""
        path = found.path
        try:
            with open(os.path.join(self.root_text, path), "rb") as handle:
                data = handle.read()
        except OSError as exc:
            problem = make(path, "file.unreadable", severity_of("file.unreadable"), "", 1, 1, detail=exc.strerror or str(exc))
            return FileEntry(found.size, found.mtime_ns, "", None, False, None, (), (problem,)), True
        sha = hashlib.blake2b(data, digest_size=16).hexdigest()
        reused = self.cache.by_sha(sha, path)
        if reused is not None:
            return reused.moved(found.size, found.mtime_ns), False
        return self._parse(found, data, sha), True

    def _parse(self, found: Found, data: bytes, sha: str) -> FileEntry:
        path = found.path
        loaded = load_bytes(data, path)
        if loaded.problems:
            partial = loaded.ref.partial if loaded.ref is not None else None
            broken = guess_broken(path, partial if isinstance(partial, dict) else {})
            return FileEntry(found.size, found.mtime_ns, sha, None, False, broken, (), tuple(loaded.problems))
        value = loaded.value
        kind = value.get("kind")
        problems = self._kind_problems(path, data, loaded.ref, kind)
        if problems:
            return FileEntry(found.size, found.mtime_ns, sha, None, False, None, (), tuple(problems))
        assert isinstance(kind, str)
        if not self.schemas.is_valid(kind, value):
            ref = loaded.ref or self._ref(path, data)
            found_problems = schema_problems(self.schemas, kind, value, path, ref)
            broken = broken_key(kind, value)
            return FileEntry(found.size, found.mtime_ns, sha, kind, False, broken, (), tuple(found_problems))
        record = Record(path, kind, value)
        self.loaded[path] = record
        partitions = tuple(partitions_of(record))
        entry = FileEntry(found.size, found.mtime_ns, sha, kind, True, None, partitions, ())
        entry.json = loaded.json
        return entry

    def _kind_problems(self, path: str, data: bytes, ref: RefLoad | None, kind: Any) -> list[Problem]:
        names = [k.name for k in KINDS]
        if kind is None:
            ref = ref or self._ref(path, data)
            line, column = ref.position("")
            return [make(path, "record.kind-missing", severity_of("record.kind-missing"), "", line, column, kinds_list=names)]
        if kind not in BY_NAME:
            ref = ref or self._ref(path, data)
            line, column = ref.position("/kind")
            guess = suggest(kind, names) if isinstance(kind, str) else None
            return [
                make(
                    path,
                    "record.kind-unknown",
                    severity_of("record.kind-unknown"),
                    "/kind",
                    line,
                    column,
                    value=kind,
                    kinds_list=names,
                    suggestion=guess or "",
                )
            ]
        return []

    def _ref(self, path: str, data: bytes | None = None) -> RefLoad:
        ref = self.refs.get(path)
        if ref is None:
            if data is None:
                data = (self.root / path).read_bytes()
            ref = reference(data, path)
            self.refs[path] = ref
        return ref

    def record(self, path: str, entry: FileEntry) -> Record:
        record = self.loaded.get(path)
        if record is None:
            assert entry.kind is not None
            record = Record(path, entry.kind, self.cache.read_blob(entry))
            self.loaded[path] = record
        return record

    # -- the run ----------------------------------------------------------------

    def run(self) -> CheckResult:
        found, others = discover(self.root)
        self.cache.load()
        entries: dict[str, FileEntry] = {}
        changed: set[str] = set()
        gc_was = gc.isenabled()
        gc.disable()
        try:
            with quiet_stderr():
                for item in found:
                    entry = self.cache.fresh(item)
                    if entry is None:
                        entry, differs = self.load_file(item)
                        if differs:
                            changed.add(item.path)
                    entries[item.path] = entry
        finally:
            if gc_was:
                gc.enable()
        changed |= self.cache.vanished(entries)
        self.cache.store_blobs(entries)
        ctx = self._context(entries)
        units = self._units(ctx, entries, changed)
        problems = self._collect(entries, others, units)
        self.cache.save(entries, units, self.context_digest)
        self.cache.release()
        result = CheckResult(self.root, problems, len(found), ctx, entries, self.cache, self.loaded)
        return result

    def _context(self, entries: dict[str, FileEntry]) -> Context:
        records = []
        broken: dict[str, set[str]] = {}
        digest = hashlib.sha256(self.cache.salt.encode())
        for path, entry in entries.items():
            if entry.kind in CONTEXT_KINDS or entry.broken is not None:
                digest.update(f"{path}\0{entry.sha}\0{entry.valid}\n".encode())
                if entry.valid:
                    records.append(self.record(path, entry))
            if entry.broken is not None:
                broken.setdefault(entry.broken[0], set()).add(entry.broken[1])
        ctx = Context(records, broken)
        self.context_digest = digest.hexdigest()
        return ctx

    def _units(
        self, ctx: Context, entries: dict[str, FileEntry], changed: set[str]
    ) -> dict[UnitKey, tuple[str, tuple[Problem, ...]]]:
        """Run the units whose inputs changed; keep the others' cached problems."""
        fresh_context = self.cache.context_digest != self.context_digest
        previous = self.cache.units
        units: dict[UnitKey, tuple[str, tuple[Problem, ...]]] = {}
        members: dict[PartitionKey, list[str]] = {key: [] for key in context_partitions(ctx)}
        for path, entry in entries.items():
            for key in entry.partitions:
                members.setdefault(key, []).append(path)
        dirty_partitions: set[PartitionKey] = set()
        if not fresh_context:
            for path in changed:
                entry = entries.get(path)
                if entry is not None:
                    dirty_partitions.update(entry.partitions)
                dirty_partitions.update(self.cache.old_partitions(path))

        def keep(key: UnitKey, digest: str) -> bool:
            old = previous.get(key)
            if old is not None and old[0] == digest:
                units[key] = old
                return True
            return False

        if fresh_context or not keep(CONTEXT_UNIT, self.context_digest):
            checks = [c for c in self.checks if c.scope == "context"]
            units[CONTEXT_UNIT] = (self.context_digest, self._locate(self._run(checks, ctx)))
        record_checks = [c for c in self.checks if c.scope == "record"]
        for path, entry in entries.items():
            if not entry.valid or entry.kind in CONTEXT_KINDS:
                continue
            key: UnitKey = ("record", path)
            digest = self.context_digest + entry.sha
            if fresh_context or path in changed or not keep(key, digest):
                record = self.record(path, entry)
                checks = [c for c in record_checks if record.kind in c.kinds]
                units[key] = (digest, self._locate(self._run(checks, ctx, record)))
        for pkey, paths in members.items():
            key = ("partition", *pkey)
            digest = self.context_digest
            if fresh_context or pkey in dirty_partitions or not keep(key, digest):
                records = [self.record(path, entries[path]) for path in sorted(paths)]
                checks = [c for c in self.checks if c.scope == pkey[0]]
                units[key] = (digest, self._locate(self._run(checks, ctx, pkey, records)))
        return units

    def _run(self, checks: list[Check], ctx: Context, *args: Any) -> list[Problem]:
        out: list[Problem] = []
        for item in checks:
            out.extend(item.fn(ctx, *args))
        return out

    def _locate(self, problems: Iterable[Problem]) -> tuple[Problem, ...]:
        located = []
        for problem in problems:
            if problem.line or not problem.file.startswith(SUBMISSIONS + "/"):
                located.append(problem)
                continue
            line, column = self._ref(problem.file).position(problem.pointer, at_key=True)
            located.append(problem.located(line, column))
        unique = {problem.sort_key(): problem for problem in located}
        return tuple(unique[key] for key in sorted(unique))

    def _collect(
        self, entries: dict[str, FileEntry], others: list[str], units: dict[UnitKey, tuple[str, tuple[Problem, ...]]]
    ) -> list[Problem]:
        problems: list[Problem] = []
        for entry in entries.values():
            problems.extend(entry.problems)
        for _, found in units.values():
            problems.extend(found)
        for path in others:
            problems.append(make(path, "file.ignored", severity_of("file.ignored")))
        return sorted(problems, key=Problem.sort_key)


def broken_key(kind: str, value: dict[str, Any]) -> tuple[str, str] | None:
    """What a record that failed its schema still tells the rules, so they don't cascade.

    A reference to a broken unit is not reported again; a broken registration
    still counts as "registered"; a broken result still counts as "a result".
    """

    def text(*keys: str) -> str | None:
        parts = [value.get(key) for key in keys]
        return "|".join(str(p) for p in parts) if all(isinstance(p, str) for p in parts) else None

    if kind == "organisation":
        return (kind, text("id") or "?")
    if kind in CONTEXT_KINDS:
        ident = text("id")
        return (kind, ident) if ident else None
    key = {"registration": ("cadre", "plan"), "inspection-result": ("plan", "unit")}.get(kind)
    ident = text(*key) if key else None
    return (kind, ident) if ident else None


def guess_broken(path: str, partial: dict[str, Any]) -> tuple[str, str] | None:
    """For a file that would not even load: what it most likely is, from what was read and its path."""
    kind = partial.get("kind")
    if not isinstance(kind, str) or kind not in BY_NAME:
        kind = kind_from_path(path)
        if kind is None:
            return None
    if kind in CONTEXT_KINDS and not isinstance(partial.get("id"), str) and kind != "organisation":
        partial = {**partial, "id": path.rsplit("/", 1)[-1].rsplit(".", 1)[0]}
    return broken_key(kind, partial)


def check_repository(root: Path, use_cache: bool = True) -> CheckResult:
    return Checker(root, use_cache).run()
