"""The pre-commit hooks, run for real: pre-commit installs them from PyPI and runs them offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import snapshot

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the project's tracked files as they are now (committed or not)."""
    return snapshot(tmp_path_factory.mktemp("precommit") / "repo")


def run_hooks(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PRE_COMMIT), "run", *args], cwd=cwd, capture_output=True, text=True, timeout=1800)


@pytest.mark.slow
def test_all_hooks_pass_on_the_repository(clone: Path) -> None:
    done = run_hooks(clone, "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    for hook in ("site-gen check", "schemas pass their metaschema", "ruff check", "mypy"):
        assert hook in done.stdout


@pytest.mark.slow
def test_the_checker_hook_stops_a_bad_record(clone: Path) -> None:
    record = clone / "submissions" / "ban-tckt" / "can-bo" / "tran-thi-mai.yaml"
    original = record.read_text(encoding="utf-8")
    try:
        record.write_text(original.replace("role_group: specialist", "role_group: specialists"), encoding="utf-8")
        _git(clone, "add", str(record))
        done = run_hooks(clone, "site-gen-check", "--files", str(record.relative_to(clone)))
        assert done.returncode == 1
        assert "schema.enum" in done.stdout and 'Có phải ý bạn là "specialist"?' in done.stdout
    finally:
        record.write_text(original, encoding="utf-8")
        _git(clone, "add", str(record))
