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


@pytest.fixture(scope="module")
def data_repo(tmp_path_factory: pytest.TempPathFactory, clone: Path) -> Path:
    """Another organisation's data repository: only submissions/, schemas/ and CODEOWNERS, no tool code."""
    import shutil

    repo = tmp_path_factory.mktemp("data") / "du-lieu"
    for name in ("submissions", "schemas", ".github/CODEOWNERS"):
        source = clone / name
        if source.is_dir():
            shutil.copytree(source, repo / name)
        else:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.email=ci@example.invalid", "-c", "user.name=CI", "commit", "-qm", "data")
    return repo


def try_repo(data: Path, tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PRE_COMMIT), "try-repo", str(tool), *args], cwd=data, capture_output=True, text=True, timeout=1800)


@pytest.mark.slow
def test_other_repositories_can_use_the_hooks(data_repo: Path, clone: Path) -> None:
    """.pre-commit-hooks.yaml, installed from this repository by pre-commit try-repo, on a data-only repository."""
    done = try_repo(data_repo, clone, "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in (
        "site-gen check (hồ sơ thay đổi)",
        "site-gen check (mọi hồ sơ, khi mẫu hồ sơ đổi)",
        "site-gen codeowners --check",
    ):
        assert name in done.stdout
    record = data_repo / "submissions" / "ban-tckt" / "can-bo" / "tran-thi-mai.yaml"
    original = record.read_text(encoding="utf-8")
    try:
        record.write_text(original.replace("role_group: specialist", "role_group: specialists"), encoding="utf-8")
        _git(data_repo, "add", "-A")
        done = try_repo(data_repo, clone, "site-gen-check", "--files", str(record.relative_to(data_repo)))
        assert done.returncode == 1
        assert "submissions/ban-tckt/can-bo/tran-thi-mai.yaml:" in done.stdout and "schema.enum" in done.stdout
    finally:
        record.write_text(original, encoding="utf-8")
        _git(data_repo, "add", "-A")
