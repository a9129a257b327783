"""A rule never reports a consequence of another file's error.

Every file of the sample organisation is broken in three ways — it fails its
schema but still says who it is, it says nothing readable at all, and its
identifying fields are unreadable — and the problems found in every *other*
file must stay those of the intact sample. Files are broken three at a time
(spread across folders), so the whole sample is covered in a few dozen
checks per way.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from site_gen.safefs import quiet_stderr

ROOT = Path(__file__).resolve().parent.parent
GROUP = 3
CHUNKS = 6

BREAKS: dict[str, Callable[[bytes], bytes]] = {
    # fails its schema; kind, id and references still readable
    "unknown-key": lambda data: data + b"zz_broken_key: 1\n",
    # does not load at all: nothing but its place in the layout tells what it was
    "unreadable": lambda data: b'"unclosed\n' + data,
    # loads, but every identifying field is a list
    "identity": lambda data: re.sub(rb"(?m)^(id|plan|unit|cadre|quarter|year): .*$", rb"\1: [broken]", data),
}

Found = set[tuple[str, str, str, tuple[tuple[str, object], ...]]]


def _problems(root: Path) -> Found:
    with quiet_stderr():
        result = check_repository(root, use_cache=True)
    return {(p.file, p.code, p.pointer, p.params) for p in result.problems}


def _groups(files: list[str]) -> list[list[str]]:
    count = -(-len(files) // GROUP)
    return [files[start::count] for start in range(count)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Found]:
    root = tmp_path_factory.mktemp("cascade")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    shutil.copytree(ROOT / "submissions", root / "submissions")
    files = sorted(p.relative_to(root).as_posix() for p in (root / "submissions").rglob("*.yaml"))
    return root, files, _problems(root)


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("way", sorted(BREAKS))
def test_a_broken_file_raises_nothing_elsewhere(sample: tuple[Path, list[str], Found], way: str, chunk: int) -> None:
    root, files, intact = sample
    cascades: list[str] = []
    for group in _groups(files)[chunk::CHUNKS]:
        saved = {name: (root / name).read_bytes() for name in group}
        try:
            for name, data in saved.items():
                (root / name).write_bytes(BREAKS[way](data))
            found = _problems(root)
        finally:
            for name, data in saved.items():
                (root / name).write_bytes(data)
        assert any(p[0] in saved for p in found - intact), f"{group}: breaking them raised nothing"
        cascades += [f"{group} -> {p[0]} {p[1]} {p[2]}" for p in sorted(found - intact, key=repr) if p[0] not in saved]
    assert cascades == []


def test_the_sample_is_intact_again(sample: tuple[Path, list[str], Found]) -> None:
    root, _, intact = sample
    assert _problems(root) == intact
