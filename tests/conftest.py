"""Shared test helpers: build repository trees, run the command as a function."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_gen.catalogue import STRICT_ENV
from site_gen.cli import main

# Every message rendered during the suite must fill exactly the placeholders its template names
# (site_gen.catalogue.fill): a disagreement raises here, where a user would only see "{name}".
os.environ[STRICT_ENV] = "1"

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
BASE = CASES / "base"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def make_repo(root: Path, overlay: Path | None = None) -> Path:
    """A repository: the project's schemas, the base organisation, then a case's overlay."""
    shutil.copytree(ROOT / "schemas", root / "schemas")
    shutil.copytree(BASE / "submissions", root / "submissions")
    if overlay is not None:
        removals = overlay / "remove.txt"
        if removals.exists():
            for line in removals.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    (root / line).unlink()
        for path in sorted(overlay.rglob("*")):
            relative = path.relative_to(overlay)
            if path.is_file() and relative.parts[0] == "submissions":
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return root


def project_files() -> list[str]:
    """The project's files as they are now, committed or not (tracked and untracked, minus ignored)."""
    names: set[str] = set()
    for extra in ([], ["--others", "--exclude-standard"]):
        listed = subprocess.run(["git", "ls-files", "-z", *extra], cwd=ROOT, capture_output=True, check=True).stdout
        names.update(n.decode() for n in listed.split(b"\0") if n)
    return sorted(n for n in names if (ROOT / n).is_file())


def snapshot(target: Path, when: str = "2026-11-20T09:00:00+07:00") -> Path:
    """A git repository holding the project's files now, in one commit made at ``when``.

    Pages show dates from git (last change, "today"), so a fixed commit date
    makes the generated site the same whenever the tests run.
    """
    for name in project_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=ci@example.invalid", "-c", "user.name=CI", "commit", "-qm", "snapshot"],
    ):
        subprocess.run(["git", *args], cwd=target, check=True, capture_output=True, env=env)
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Iterator[Runner]:
    """Call ``site-gen`` in-process: returns (exit code, stdout, stderr)."""

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield call


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files of the generated site pages")
