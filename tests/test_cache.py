"""The cache never changes an answer: a warm run reports exactly what a cold run reports.

Every invalid case is applied to a repository whose cache is warm, then taken
back; after each step the cached run must equal a run without cache.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from tests.conftest import CASES, make_repo


def answer(root: Path, use_cache: bool) -> list[str]:
    result = check_repository(root, use_cache=use_cache)
    return [f"{p.file}:{p.line}:{p.column} {p.code} {p.params}" for p in result.problems]


def touch(path: Path) -> None:
    """Make sure the modification time moves, even on coarse clocks."""
    stamp = time.time_ns() + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def overlay(root: Path, case: Path) -> list[tuple[Path, bytes | None]]:
    """Apply a case; returns how to undo it."""
    undo: list[tuple[Path, bytes | None]] = []
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                target = root / line.strip()
                undo.append((target, target.read_bytes()))
                target.unlink()
    for path in sorted((case / "submissions").rglob("*")):
        if path.is_file():
            target = root / path.relative_to(case)
            undo.append((target, target.read_bytes() if target.exists() else None))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            touch(target)
    return undo


def revert(undo: list[tuple[Path, bytes | None]]) -> None:
    for target, content in reversed(undo):
        if content is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(content)
            touch(target)


CHUNKS = 4


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_warm_runs_equal_cold_runs(tmp_path: Path, chunk: int) -> None:
    root = make_repo(tmp_path / "repo")
    assert answer(root, True) == answer(root, False)
    cases = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())[chunk::CHUNKS]
    for case in cases:
        undo = overlay(root, case)
        assert answer(root, True) == answer(root, False), f"after applying {case.name}"
        revert(undo)
        assert answer(root, True) == answer(root, False), f"after undoing {case.name}"


def test_cases_applied_on_top_of_each_other(tmp_path: Path) -> None:
    """Changes accumulate in the journal: several at once, then all undone."""
    root = make_repo(tmp_path / "repo")
    answer(root, True)
    undos = []
    for case in sorted((CASES / "invalid").iterdir())[:12]:
        undos.append(overlay(root, case))
        assert answer(root, True) == answer(root, False), case.name
    for undo in reversed(undos):
        revert(undo)
    assert answer(root, True) == answer(root, False) == []


def test_second_run_reads_nothing_again(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    first = check_repository(root)
    second = check_repository(root)
    assert [p.code for p in first.problems] == [p.code for p in second.problems]
    assert (root / ".site-gen-cache" / "state.bin").exists()
    assert len(second.records()) == len(first.records())
    assert {r.file: r.data for r in second.records()} == {r.file: r.data for r in first.records()}


def test_a_schema_change_drops_the_cache(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    assert answer(root, True) == []
    schema = root / "schemas" / "defs.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"maxLength": 500', '"maxLength": 5'), encoding="utf-8")
    warm = answer(root, True)
    assert warm == answer(root, False)
    assert any("schema.max-length" in line for line in warm)


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    cold = answer(root, True)
    (root / ".site-gen-cache" / "state.bin").write_bytes(b"not marshal")
    (root / ".site-gen-cache" / "journal.bin").write_bytes(b"\xff\xff\xff\x7fgarbage")
    assert answer(root, True) == cold
    (root / ".site-gen-cache" / "blobs.bin").write_bytes(b"")
    assert answer(root, True) == cold


def test_two_processes_give_the_same_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading, rules and listing split across a forked process: same problems, same records."""
    from site_gen import checker

    root = make_repo(tmp_path / "repo", CASES / "invalid" / "rule-visit-overlap")
    alone = answer(root, False)
    monkeypatch.setattr(checker, "PARALLEL_MIN", 1)
    monkeypatch.setattr(checker, "FORK_STATE_MIN", 0)
    assert answer(root, False) == alone
    assert answer(root, True) == alone  # cold cache, forked loading and rules
    assert answer(root, True) == alone  # warm cache, forked listing
    records = check_repository(root).records()
    assert len(records) > 30
