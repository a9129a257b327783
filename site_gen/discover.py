"""Find the record files of a repository (the only place that lists the disk), and the paths a command line names."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from site_gen.errors import SetupError
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
    root = Path(raw)
    if not root.is_dir():
        raise SetupError("setup.no-root", path=str(root))
    root = root.resolve()
    if not (root / SUBMISSIONS).is_dir():
        raise SetupError("setup.no-submissions", path=str(root / SUBMISSIONS))
    return root


def require_repository(root: Path) -> None:
    """``root``, as given, is a folder holding submissions/ (else a set-up error): what a check needs."""
    if not root.is_dir():
        raise SetupError("setup.no-root", path=str(root))
    if not (root / SUBMISSIONS).is_dir():
        raise SetupError("setup.no-submissions", path=str(root / SUBMISSIONS))


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (a link to one counts)."""
    return path.is_dir()


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
    _finish_writes(root)
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
                    name = entry.name
                    if name.startswith("."):
                        continue
                    # The entry's type comes from the listing itself (no system call): the common cases first.
                    if name.isascii() or is_shown_as_is(name):
                        if entry.is_dir(follow_symlinks=False):
                            rel = f"{relative}/{name}"
                            if name.endswith(RECORD_SUFFIXES):
                                others.append(_problem(rel, "file.directory-named-record"))
                            stack.append((entry.path, rel))
                            continue
                        if name.endswith(RECORD_SUFFIXES) and entry.is_file(follow_symlinks=False):
                            _record(entry, f"{relative}/{name}", records, others)
                            continue
                    _other(entry, relative, others)
        except OSError as exc:
            others.append(_problem(relative, "file.unreadable", detail=exc.strerror or type(exc).__name__))
    records.sort()
    others.sort(key=Problem.sort_key)
    return records, others


def _record(entry: os.DirEntry[str], rel: str, records: list[Found], others: list[Problem]) -> None:
    try:
        info = entry.stat(follow_symlinks=False)
    except FileNotFoundError:
        return  # gone since the listing
    except OSError as exc:
        others.append(_problem(rel, "file.unreadable", detail=exc.strerror or type(exc).__name__))
        return
    if stat.S_ISREG(info.st_mode):
        records.append((rel, info.st_size, info.st_mtime_ns))
    else:  # swapped since the listing
        others.append(_problem(rel, kind_code(info.st_mode) or "file.not-regular"))


def _other(entry: os.DirEntry[str], relative: str, others: list[Problem]) -> None:
    """An entry that is not a folder nor a record file: a link, a special file, a bad name, or another file."""
    name = entry.name
    if not is_shown_as_is(name):
        others.append(_problem(f"{relative}/{shown_name(name)}", "file.name-encoding"))
        return
    rel = f"{relative}/{name}"
    if entry.is_file(follow_symlinks=False):
        if not name.endswith(QUIET_SUFFIXES):
            others.append(_problem(rel, "file.ignored"))
        return
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        others.append(_problem(rel, "file.unreadable", detail=exc.strerror or type(exc).__name__))
        return
    code = kind_code(mode)
    if code is not None:
        others.append(_problem(rel, code))
    elif stat.S_ISDIR(mode):
        others.append(_problem(rel, "file.not-regular"))  # a folder swapped in since the listing: not listed
    elif not name.endswith(QUIET_SUFFIXES):
        others.append(_problem(rel, "file.ignored"))


def _finish_writes(root: Path) -> None:
    """Finish (or drop) what a killed command left in ``.site-gen-cache/txn-*`` (site_gen.atomic), cheaply."""
    try:
        with os.scandir(root / ".site-gen-cache") as entries:
            pending = any(entry.name.startswith(("txn-", "new-")) for entry in entries)
    except OSError:
        return
    if pending:
        from site_gen.atomic import recover

        recover(root)


def _problem(path: str, code: str, **params: Any) -> Problem:
    from site_gen.catalogue import severity_of

    return make(path, code, severity_of(code), "", 0, 0, **params)


# -- the repository and paths named on a command line ------------------------------------------


def repository(raw: str) -> Path:
    """The folder ``--root`` names, resolved (a set-up error when it is not a folder)."""
    root = Path(raw)
    if not root.is_dir():
        raise SetupError("setup.no-root", path=str(root))
    return root.resolve()


def repository_path(root: Path, raw: str, cwd: Path | None = None) -> str:
    """A path given on the command line, as the repository-relative form problems carry ("" for the root).

    Relative paths are taken from the current folder, whatever ``--root`` is;
    ``.``, ``..``, repeated and trailing slashes are resolved. A path outside
    the repository, or one that does not exist, is a usage error.
    """
    base = cwd if cwd is not None else Path.cwd()
    full = Path(os.path.normpath(os.path.join(base, raw)))
    if not os.path.lexists(full):
        raise SetupError("setup.no-path", path=raw)
    for candidate, top in ((full, Path(os.path.abspath(root))), (full.resolve(), root.resolve())):
        try:
            relative = candidate.relative_to(top).as_posix()
        except ValueError:
            continue
        return "" if relative == "." else relative
    raise SetupError("setup.bad-path", path=raw, root=str(root))
