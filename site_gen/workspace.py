"""The load side of every command: read and check a repository once, into one value.

A command turns its options into values, calls :func:`load` (or
:func:`load_published` when it publishes), and hands the :class:`Workspace`
to pure functions (statistics, page planning, rendering, diff, exports) that
return values or bytes. Reading goes through the checker and the modules it
reads with (discover, safefs, loader, cache, schemas), through
:mod:`site_gen.gittree` for git, and through this module for the few other
files a command reads (record bytes for downloads and diffs, the hand-written
pages). Writing goes through :mod:`site_gen.atomic` and :mod:`site_gen.output`.

:func:`require_clean` is the one gate that refuses to publish (build, serve,
export, stats) while the check reports an error: a record that failed its
checks would otherwise silently drop out of the pages, forms and sums.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from site_gen import gitinfo
from site_gen.checker import CheckResult, check_repository
from site_gen.discover import SUBMISSIONS
from site_gen.errors import SetupError
from site_gen.loader import MAX_BYTES
from site_gen.model import Context, Record
from site_gen.report import text as report_text
from site_gen.safefs import Refused, read_regular
from site_gen.schemas import Schemas

HANDWRITTEN = "docs"
# What ``serve`` watches for changes.
WATCHED = (SUBMISSIONS, HANDWRITTEN, "schemas")

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass
class Workspace:
    """A repository read and checked once: everything the pure stages of a command need."""

    root: Path
    result: CheckResult
    records: list[Record] = field(default_factory=list)  # every record that passed its schema, in path order
    git: gitinfo.GitInfo = field(default_factory=gitinfo.GitInfo)
    sources: dict[str, bytes] = field(default_factory=dict)  # record file -> its bytes (when asked for)
    handwritten: dict[str, bytes] = field(default_factory=dict)  # docs/ page -> its bytes (when asked for)

    @property
    def context(self) -> Context:
        return self.result.context

    @property
    def schemas(self) -> Schemas:
        assert self.result.schemas is not None, "a check always reads the schemas"
        return self.result.schemas


# -- small reads ----------------------------------------------------------------------------------


def has_submissions(root: Path) -> bool:
    return (root / SUBMISSIONS).is_dir()


def taken(path: Path) -> bool:
    """Whether something is already at ``path`` (a command that creates a file must not overwrite it)."""
    return path.exists()


def current_text(path: Path) -> str | None:
    """A text file the command compares with what it would write (None when there is none)."""
    return path.read_text(encoding="utf-8") if path.is_file() else None


def named_file(raw: str) -> Path | None:
    """The file a command line names (a link to one counts), or None when there is no such file."""
    path = Path(raw)
    return path if path.is_file() else None


def input_bytes(raw: str) -> bytes:
    """The bytes of a file a command line names as its input (an issue's body): OSError when unreadable."""
    return Path(raw).read_bytes()


# -- loading -----------------------------------------------------------------------------------


def load(
    root: Path,
    *,
    use_cache: bool = True,
    records: bool = True,
    git: bool = False,
    sources: str = "",
    handwritten: bool = False,
) -> Workspace:
    """Check the repository and read what the command's pure stages need.

    ``sources`` is "" (no record bytes), "valid" (the bytes of every valid
    record, as published) or "all" (of every record file, as a diff compares).
    """
    return complete(Workspace(root, check_repository(root, use_cache=use_cache)), records, git, sources, handwritten)


def complete(
    state: Workspace, records: bool = True, git: bool = False, sources: str = "", handwritten: bool = False
) -> Workspace:
    """Read what a checked workspace still lacks (the records' data, git, bytes, hand-written pages)."""
    if records and not state.records:
        state.records = state.result.records()
    if git:
        state.git = gitinfo.read(state.root)
    if sources == "valid":
        state.sources = read_sources(state.root, (record.file for record in state.records), strict=True)
    elif sources == "all":
        state.sources = read_sources(state.root, state.result.rows, strict=False)
    if handwritten:
        state.handwritten = read_handwritten(state.root)
    return state


def require_clean(result: CheckResult, lang: str = "vi", report: bool = True) -> None:
    """The gate: nothing is published or counted while the check reports an error (the problems printed)."""
    if result.errors:
        if report:
            sys.stderr.write(report_text(result.errors, result.checked, lang))
        raise SetupError("setup.check-failed", errors=len(result.errors))


def load_published(root: Path, lang: str = "vi", site: bool = True) -> Workspace:
    """Check, refuse while there is an error or no organisation, then read what the site needs (``site``)."""
    state = Workspace(root, check_repository(root))
    require_clean(state.result, lang)
    if state.context.org is None:
        raise SetupError("setup.no-organisation")
    return complete(state, git=site, sources="valid" if site else "", handwritten=site)


def read_sources(root: Path, paths: Iterable[str], strict: bool) -> dict[str, bytes]:
    """The bytes of record files, read as the check read them (never through a link, never past the limit).

    ``strict``: a file that can no longer be read is a set-up error (it changed
    since it was checked); otherwise it reads as empty (the check reported it).
    """
    out: dict[str, bytes] = {}
    for path in paths:
        try:
            out[path] = read_regular(os.path.join(root, path), MAX_BYTES)
        except Refused:
            if strict:
                raise SetupError("setup.changed-during-run", path=path) from None
            out[path] = b""
    return out


def read_handwritten(root: Path) -> dict[str, bytes]:
    """The hand-written pages of ``docs/`` (hidden files left out), by path inside it, sorted."""
    base = root / HANDWRITTEN
    if not base.is_dir():
        return {}
    return {
        path.relative_to(base).as_posix(): path.read_bytes()
        for path in sorted(base.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def fingerprint(root: Path) -> Fingerprint:
    """Size and modification time of every watched file: what ``serve`` compares to know when to rebuild."""
    out = []
    for folder in WATCHED:
        base = root / folder
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    info = path.stat()
                    out.append((path.as_posix(), info.st_size, info.st_mtime_ns))
    return tuple(sorted(out))
