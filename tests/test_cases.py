"""Data-driven rule and schema cases.

Each folder under ``cases/valid`` and ``cases/invalid`` is overlaid on the
base organisation (``cases/base``): files under ``submissions/`` are added
or replaced, paths listed in ``remove.txt`` are deleted. A valid case must
give no problem at all; an invalid case lists in ``expected.txt`` exactly the
``file:line code`` of every problem it must give, no more, no fewer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.checker import check_repository
from tests.conftest import CASES, make_repo


def _cases(kind: str) -> list[Path]:
    return sorted(path for path in (CASES / kind).iterdir() if path.is_dir())


def found(root: Path) -> list[str]:
    result = check_repository(root, use_cache=False)
    return sorted(f"{p.file}:{p.line} {p.code}" if p.line else f"{p.file} {p.code}" for p in result.problems)


def expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return sorted(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())


def test_base_is_clean(tmp_path: Path) -> None:
    assert found(make_repo(tmp_path / "repo")) == []


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case(case: Path, tmp_path: Path) -> None:
    assert found(make_repo(tmp_path / "repo", case)) == []


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case(case: Path, tmp_path: Path) -> None:
    assert found(make_repo(tmp_path / "repo", case)) == expected(case)
