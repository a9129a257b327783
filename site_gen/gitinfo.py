"""What git knows about the records: when each file last changed, and the latest changes.

The site shows these dates instead of build times, so two builds of the same
commit give the same bytes. Outside a git checkout every date is unknown and
the site says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from site_gen.gittree import git_text

SEPARATOR = "\x1e"


@dataclass(frozen=True)
class Change:
    """One commit touching the records."""

    commit: str
    date: str
    subject: str
    files: tuple[str, ...]


@dataclass
class GitInfo:
    last_changed: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    head_time: int | None = None
    head: str | None = None

    @property
    def today(self) -> dt.date:
        """The day of the last commit: the site's "now" (reproducible, unlike the clock)."""
        if self.head_time is None:
            return dt.date(1970, 1, 1)
        return dt.datetime.fromtimestamp(self.head_time, tz=dt.timezone(dt.timedelta(hours=7))).date()


def read(root: Path, folder: str = "submissions", recent: int = 200) -> GitInfo:
    """Dates of the last change of every file under ``folder``, and the ``recent`` latest commits."""
    head = git_text(root, "log", "-1", "--format=%H %ct")
    if not head:
        return GitInfo()
    log = git_text(root, "log", f"--format={SEPARATOR}%H %cs %s", "--name-only", "--no-renames", "--", folder)
    return parse(head, log, folder, recent)


def parse(head: str, log: str | None, folder: str = "submissions", recent: int = 200) -> GitInfo:
    """The facts in git's answers: ``log -1 --format=%H %ct`` and the log of ``folder`` (None: unreadable)."""
    info = GitInfo()
    info.head, stamp = head.split()
    info.head_time = int(stamp)
    if log is None:
        return info
    for block in log.split(SEPARATOR)[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        commit, date, subject = ([*lines[0].split(" ", 2), ""])[:3]
        files = tuple(sorted(line for line in lines[1:] if line.startswith(folder + "/")))
        for path in files:
            info.last_changed.setdefault(path, date)
        if len(info.changes) < recent:
            info.changes.append(Change(commit, date, subject, files))
    return info
