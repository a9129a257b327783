"""Shared test helpers: build repository trees, run the command as a function."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_gen.cli import main

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
