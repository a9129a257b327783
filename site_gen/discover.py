"""Find the record files of a repository (the only place that lists the disk)."""

from __future__ import annotations

import os
from pathlib import Path

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


def discover(root: Path) -> tuple[list[Found], list[str]]:
    """Record files and other (ignored, reported) files under ``root/submissions``, sorted."""
    base = root / SUBMISSIONS
    records: list[Found] = []
    others: list[str] = []
    stack = [(str(base), SUBMISSIONS)]
    while stack:
        directory, relative = stack.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = f"{relative}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel))
                elif entry.name.endswith(RECORD_SUFFIXES):
                    info = entry.stat()
                    records.append((rel, info.st_size, info.st_mtime_ns))
                elif not entry.name.endswith(QUIET_SUFFIXES):
                    others.append(rel)
    records.sort()
    others.sort()
    return records, others
