"""Find the record files of a repository (the only place that lists the disk)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from site_gen.problems import Problem, make
from site_gen.safefs import is_shown_as_is, kind_code, shown_name

SUBMISSIONS = "submissions"
RECORD_SUFFIXES = (".yaml", ".yml")
# Files a unit may keep beside its records without them being records.
QUIET_SUFFIXES = (".md",)


# A file under submissions/: its repository-relative POSIX path, size and modification time (ns).
Found = tuple[str, int, int]


def data_root(raw: str) -> Path:
    """The repository a command works on: a folder holding submissions/ (else a set-up error)."""
    from site_gen.errors import SetupError

    root = Path(raw)
    if not root.is_dir():
        raise SetupError("setup.no-root", path=str(root))
    root = root.resolve()
    if not (root / SUBMISSIONS).is_dir():
        raise SetupError("setup.no-submissions", path=str(root / SUBMISSIONS))
    return root


def discover(root: Path) -> tuple[list[Found], list[Problem]]:
    """Record files under ``root/submissions``, and a problem for every entry that cannot be one, sorted.

    Plain files named ``*.yaml``/``*.yml`` are records; other plain files get a
    warning (``file.ignored``, Markdown excepted). Nothing is ever followed or
    opened here: a symbolic link (``file.symlink``), a FIFO, socket or device
    (``file.not-regular``) and a name that is not UTF-8 (``file.name-encoding``,
    a folder's content then not listed) each get one error at their path; a
    folder named like a record gets a warning (``file.directory-named-record``)
    and is listed as a folder. Hidden entries (``.name``) are skipped. A write
    that a command left half done is finished (or undone) first.
    """
    from site_gen.atomic import recover

    recover(root)
    base = root / SUBMISSIONS
    records: list[Found] = []
    others: list[Problem] = []
    code = kind_code(os.lstat(base).st_mode)
    if code is not None:
        return records, [_problem(SUBMISSIONS, code)]
    stack = [(str(base), SUBMISSIONS)]
    while stack:
        directory, relative = stack.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    _sort(entry, relative, records, others, stack)
        except OSError as exc:
            others.append(_problem(relative, "file.unreadable", detail=exc.strerror or type(exc).__name__))
    records.sort()
    others.sort(key=Problem.sort_key)
    return records, others


def _sort(
    entry: os.DirEntry[str], relative: str, records: list[Found], others: list[Problem], stack: list[tuple[str, str]]
) -> None:
    """File one directory entry as a record, a folder to list, or a problem."""
    name = entry.name
    if name.startswith("."):
        return
    if not is_shown_as_is(name):
        others.append(_problem(f"{relative}/{shown_name(name)}", "file.name-encoding"))
        return
    rel = f"{relative}/{name}"
    try:
        info = entry.stat(follow_symlinks=False)
    except FileNotFoundError:
        return  # gone since the listing
    except OSError as exc:
        others.append(_problem(rel, "file.unreadable", detail=exc.strerror or type(exc).__name__))
        return
    code = kind_code(info.st_mode)
    if code is not None:
        others.append(_problem(rel, code))
    elif stat.S_ISDIR(info.st_mode):
        if name.endswith(RECORD_SUFFIXES):
            others.append(_problem(rel, "file.directory-named-record"))
        stack.append((entry.path, rel))
    elif name.endswith(RECORD_SUFFIXES):
        records.append((rel, info.st_size, info.st_mtime_ns))
    elif not name.endswith(QUIET_SUFFIXES):
        others.append(_problem(rel, "file.ignored"))


def _problem(path: str, code: str, **params: Any) -> Problem:
    from site_gen.catalogue import severity_of

    return make(path, code, severity_of(code), "", 0, 0, **params)
