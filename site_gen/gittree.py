"""Reading git: a revision's submissions and schemas written into a folder, for ``site-gen diff``; facts.

Read from git's objects (``ls-tree`` and ``cat-file``), not through ``git
archive``, whose ``export-ignore`` and ``export-subst`` attributes, committed
in the very change under review, could hide or rewrite a file. A committed
symbolic link (absolute or relative, inside the repository or out) becomes a
link to nowhere: ``check`` refuses every link wherever it points, so the
verdict is the same as on a checkout, and nothing can follow one out of the
temporary folder. A blob over the size limit becomes a sparse file of its
size (refused as too large, never read). File names are bytes, as committed.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_gen.errors import SetupError
from site_gen.loader import MAX_BYTES

TRACKED = ("submissions", "schemas")
SYMLINK = b"120000"
GITLINK = b"160000"
NOWHERE = "site-gen-link-not-followed"


def git_output(repo: Path, *args: str, rev: str = "") -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as exc:
        raise SetupError("setup.git", rev=rev, detail=str(exc)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SetupError("setup.git", rev=rev, detail=detail[-1] if detail else f"git {args[0]}")
    return done.stdout


def git_text(repo: Path, *args: str) -> str | None:
    """git's output as text, or None where there is no git, it fails or it takes two minutes (then facts are unknown)."""
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def materialise(repo: Path, commit: str, dest: Path) -> None:
    """The submissions and schemas of ``commit`` written under ``dest`` (either may be absent)."""
    listed = git_output(repo, "ls-tree", "--name-only", commit, rev=commit).decode("utf-8", "replace").split("\n")
    present = [name for name in TRACKED if name in listed]
    dest.mkdir(parents=True, exist_ok=True)
    if present:
        entries = _tree_entries(git_output(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *present, rev=commit))
        sizes = _blob_sizes(repo, [oid for mode, oid, _ in entries if mode != GITLINK], commit)
        small = [oid for mode, oid, _ in entries if mode not in (SYMLINK, GITLINK) and sizes.get(oid, 0) <= MAX_BYTES]
        contents = _blobs(repo, small + [oid for mode, oid, _ in entries if mode == SYMLINK], commit)
        base = os.fsencode(dest)
        for mode, oid, path in entries:
            _place(os.path.join(base, path), mode, contents.get(oid), sizes.get(oid, 0))
    for name in TRACKED:
        if not os.path.lexists(dest / name):
            (dest / name).mkdir()


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A temporary folder to write revisions into, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield Path(tmp)


def _tree_entries(listing: bytes) -> list[tuple[bytes, str, bytes]]:
    """(mode, object id, path) of each blob (or submodule) of ``git ls-tree -r -z``, unsafe paths left out."""
    out = []
    for line in listing.split(b"\0"):
        if not line:
            continue
        meta, _, path = line.partition(b"\t")
        mode, _, rest = meta.partition(b" ")
        oid = rest.partition(b" ")[2].decode("ascii")
        parts = path.split(b"/")
        if path.startswith(b"/") or any(part in (b"", b".", b"..", b".git") for part in parts):
            continue  # git refuses to check these out; so does this
        out.append((mode, oid, path))
    return out


def _cat_file(repo: Path, option: str, oids: list[str], rev: str) -> bytes:
    if not oids:
        return b""
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "cat-file", option],
            input="\n".join(dict.fromkeys(oids)).encode("ascii") + b"\n",
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise SetupError("setup.git", rev=rev, detail=str(exc)) from None
    if done.returncode != 0:
        raise SetupError("setup.git", rev=rev, detail=f"git cat-file {option}")
    return done.stdout


def _blob_sizes(repo: Path, oids: list[str], rev: str) -> dict[str, int]:
    sizes = {}
    for line in _cat_file(repo, "--batch-check", oids, rev).decode("ascii", "replace").splitlines():
        oid, kind, size = [*line.split(" "), "", ""][:3]
        if kind == "blob" and size.isdigit():
            sizes[oid] = int(size)
    return sizes


def _blobs(repo: Path, oids: list[str], rev: str) -> dict[str, bytes]:
    out = _cat_file(repo, "--batch", oids, rev)
    contents: dict[str, bytes] = {}
    offset = 0
    while offset < len(out):
        end = out.index(b"\n", offset)
        oid, _, size = out[offset:end].decode("ascii").split(" ")
        start = end + 1
        contents[oid] = out[start : start + int(size)]
        offset = start + int(size) + 1
    return contents


def _place(target: bytes, mode: bytes, content: bytes | None, size: int) -> None:
    """One tree entry written as a checkout would, except that a link points nowhere."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if mode == GITLINK:
        os.makedirs(target, exist_ok=True)  # a submodule: an (empty) folder, as a checkout without it
        return
    if mode == SYMLINK:
        try:
            os.symlink(NOWHERE, target)
        except OSError:
            with open(target, "wb") as handle:  # no links here (Windows): git writes the target as text
                handle.write(content or b"")
        return
    with open(target, "wb") as handle:
        if content is None:
            handle.truncate(size)  # over the limit: its size, no data
        else:
            handle.write(content)
