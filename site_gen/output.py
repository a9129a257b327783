"""The write side of the commands that publish: the generated docs folder, MkDocs, a command's output file.

Records, schemas and the repository's own files are written through
:mod:`site_gen.atomic` (all or nothing); what is written here is derived
output, rebuilt whenever it is lost: a command's output or message file, a
CI step's summary or outputs, and the console itself (:func:`hard_exit`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import subprocess


def sync_tree(target: Path, files: Mapping[str, bytes]) -> tuple[int, int]:
    """Write the files that changed and remove the ones no longer there; returns (written, removed)."""
    written = removed = 0
    for relative_path, content in files.items():
        path = target / relative_path
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written += 1
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            relative_path = path.relative_to(target).as_posix()
            if path.is_file() and relative_path not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


# subprocess is imported where MkDocs runs: ``check`` imports this module (for --summary) and would
# otherwise pay 6 ms for subprocess, signal and threading (``python -X importtime``).


def run_mkdocs(root: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``mkdocs <args>`` run to its end in ``root``, its output captured."""
    import subprocess

    return subprocess.run(mkdocs_command(*args), cwd=root, env=env, capture_output=True, text=True, check=False)


def start_mkdocs(root: Path, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``mkdocs <args>`` started in ``root`` (for ``serve``), its output on the console."""
    import subprocess

    return subprocess.Popen(mkdocs_command(*args), cwd=root, env=env)


def process_environment(**values: str) -> dict[str, str]:
    """This process's environment with ``values`` set (MkDocs runs in it)."""
    env = dict(os.environ)
    env.update(values)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def rewrite_json(path: str, change: Callable[[Any], Any]) -> None:
    """A JSON file of the built site read, changed and written back compactly (nothing when it is absent)."""
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        value = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(change(value), handle, ensure_ascii=False, separators=(",", ":"))


def save_text(path: Path, text: str) -> None:
    """A command's result written to the file its ``--output`` names."""
    path.write_text(text, encoding="utf-8")


def append_text(path: str, text: str) -> None:
    """Text added at the end of a file (a CI step summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def hard_exit(code: int) -> NoReturn:
    """End the process at once, its output flushed: a check run leaves about a million objects that the
    interpreter would otherwise free one by one on the way out (30 ms after 10,000 records), for nothing.
    Only ``site-gen check`` run as the console script does this, as mypy does."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
