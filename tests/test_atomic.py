"""Nothing lost, nothing rejected left behind: every command that writes into the repository, killed anywhere.

Each command runs as a real child process with ``SITE_GEN_CRASH_AT=N``,
which kills it (SIGKILL) at its N-th write step, for N = 1, 2, ... until a
run gets through. After every kill, the next command (here ``check``)
finishes or drops what was left, and the repository must then be exactly as
it was before or exactly as a run that was never killed leaves it (and
nothing of the transaction may be left in ``.site-gen-cache``). A second
kind of test watches the repository while the command runs and kills it the
instant a rejected record would appear: it never does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from site_gen.atomic import recover
from tests.office_forms import xlsx_form
from tests.test_from_issue import REG_PATH, REPORT_Q3, project, render_body
from tests.test_from_issue import REGISTRATION as ISSUE_REGISTRATION
from tests.test_office_import import COLUMNS_2, LOC, PLAN_2026, REGISTRATION, base, form2_rows

__all__ = ["base", "project"]  # fixtures used here
State = dict[str, str]
Command = Callable[[Path], list[str]]


def state(root: Path) -> State:
    """Every file of the repository and its hash; the tool's private folder and git's left out."""
    out = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".site-gen-cache", ".git/")) or not path.is_file():
            continue
        out[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def site_gen(*args: str, crash_at: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITE_GEN_CRASH_AT"}
    if crash_at is not None:
        env["SITE_GEN_CRASH_AT"] = str(crash_at)
    return subprocess.run(
        [sys.executable, "-m", "site_gen", *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def copy(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)
    return target


def crash_everywhere(source: Path, tmp_path: Path, command: Command) -> tuple[State, State, int]:
    """Kill ``command`` at each of its write steps in turn; returns (before, after, number of steps)."""
    before = state(source)
    clean = copy(source, tmp_path / "clean")
    done = site_gen(*command(clean))
    after = state(clean)
    step = 0
    while True:
        step += 1
        work = copy(source, tmp_path / "work")
        done = site_gen(*command(work), crash_at=step)
        killed = done.returncode == -signal.SIGKILL
        assert "Traceback" not in done.stderr, done.stderr
        recover(work)  # what the next command, whichever, does first (through discover)
        now = state(work)
        assert now in (before, after), f"step {step}: {sorted(set(now.items()) ^ set(after.items()))[:4]}"
        assert not list((work / ".site-gen-cache").glob("txn-*")), f"step {step}: transaction left"
        if not killed:
            assert now == after, f"step {step}: not killed, but not updated"
            return before, after, step - 1
        assert step < 50, "the command never gets through"


@pytest.fixture
def kho(base: Path, tmp_path: Path) -> Path:
    return copy(base, tmp_path / "kho")


@pytest.fixture
def sample(project: Path, tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    for name in ("schemas", "submissions", ".github"):
        shutil.copytree(project / name, root / name)
    return root


def form2(tmp_path: Path, unknown_place: bool = False) -> Path:
    rows = form2_rows()
    if unknown_place:
        rows[3][5] = "Phường Không Có"  # Đặng Văn Lộc keeps one row of 30 days: the checker rejects his record
    return xlsx_form(tmp_path / "tong-hop.xlsx", title="BẢN TỔNG HỢP ĐĂNG KÝ", subtitle=PLAN_2026, columns=COLUMNS_2, rows=rows)


# -- killed at every step ---------------------------------------------------------------------------------


def test_import_of_two_records_killed_anywhere(kho: Path, tmp_path: Path) -> None:
    form = form2(tmp_path)
    before, after, steps = crash_everywhere(kho, tmp_path, lambda root: ["import", str(form), "--form", "2", "--root", str(root)])
    assert {REGISTRATION, LOC} <= set(after) - set(before)
    assert steps >= 6  # staged twice, journal, moved twice, cleaned up


def test_partial_import_killed_anywhere_never_leaves_the_rejected_record(kho: Path, tmp_path: Path) -> None:
    form = form2(tmp_path, unknown_place=True)
    before, after, steps = crash_everywhere(
        kho, tmp_path, lambda root: ["import", str(form), "--form", "2", "--partial", "--root", str(root)]
    )
    assert set(after) - set(before) == {REGISTRATION}
    assert LOC not in after and steps >= 4


def test_rejected_import_killed_anywhere_changes_nothing(kho: Path, tmp_path: Path) -> None:
    form = form2(tmp_path, unknown_place=True)
    before, after, _ = crash_everywhere(kho, tmp_path, lambda root: ["import", str(form), "--form", "2", "--root", str(root)])
    assert after == before


def test_from_issue_killed_anywhere(sample: Path, tmp_path: Path) -> None:
    (sample / REG_PATH).unlink()
    body = tmp_path / "body.md"
    body.write_text(render_body("mau-1-dang-ky", ISSUE_REGISTRATION), encoding="utf-8")
    args = ["from-issue", str(body), "--labels", "mau-1-dang-ky", "--issue", "7", "--message-file", str(tmp_path / "m.md")]
    before, after, steps = crash_everywhere(sample, tmp_path, lambda root: [*args, "--root", str(root)])
    assert set(after) - set(before) == {REG_PATH} and steps >= 3


def test_new_killed_anywhere(sample: Path, tmp_path: Path) -> None:
    before, after, steps = crash_everywhere(
        sample, tmp_path, lambda root: ["new", "cadre", "--unit", "ban-tckt", "--id", "moi-tinh", "--root", str(root)]
    )
    assert set(after) - set(before) == {"submissions/ban-tckt/can-bo/moi-tinh.yaml"} and steps >= 3


def test_codeowners_killed_anywhere(sample: Path, tmp_path: Path) -> None:
    owners = sample / ".github" / "CODEOWNERS"
    owners.write_text(owners.read_text(encoding="utf-8").replace("@", "@cu-"), encoding="utf-8")
    before, after, steps = crash_everywhere(sample, tmp_path, lambda root: ["codeowners", "--root", str(root)])
    assert before[".github/CODEOWNERS"] != after[".github/CODEOWNERS"] and steps >= 3


def test_export_into_the_repository_killed_anywhere(sample: Path, tmp_path: Path) -> None:
    before, after, steps = crash_everywhere(
        sample, tmp_path, lambda root: ["export", "--form", "1", "--blank", "--out", str(root / "xuat"), "--root", str(root)]
    )
    assert set(after) - set(before) == {"xuat/mau-1-dang-ky-trong.docx", "xuat/mau-1-dang-ky-trong.xlsx"}
    assert steps >= 4


# -- watched: a rejected record never appears, not even while the checker runs ------------------------------


def watch(args: list[str], target: Path) -> bool:
    """Run the command; kill it the moment ``target`` changes. Whether it changed."""
    start = target.read_bytes() if target.exists() else None
    process = subprocess.Popen([sys.executable, "-m", "site_gen", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    changed = False
    while process.poll() is None and time.monotonic() < deadline:
        try:
            now: bytes | None = target.read_bytes()
        except OSError:
            now = None
        if now != start:
            process.kill()
            changed = True
            break
        time.sleep(0.0005)
    process.kill()
    process.wait()
    return changed


def test_import_never_shows_the_rejected_record(kho: Path, tmp_path: Path) -> None:
    form = form2(tmp_path, unknown_place=True)
    assert not watch(["import", str(form), "--form", "2", "--partial", "--root", str(kho)], kho / LOC)
    assert not (kho / LOC).exists()
    assert (kho / REGISTRATION).exists()  # the accepted one was written


def test_from_issue_never_shows_the_rejected_update(sample: Path, tmp_path: Path) -> None:
    report = sample / "submissions/ban-tckt/bao-cao/2026/quy-3.yaml"
    assert report.exists()
    body = tmp_path / "body.md"
    body.write_text(render_body("mau-3-bao-cao", {**REPORT_Q3, "days": "5"}), encoding="utf-8")  # 5 days in 2
    args = ["from-issue", str(body), "--labels", "mau-3-bao-cao", "--message-file", str(tmp_path / "m.md")]
    assert not watch([*args, "--root", str(sample)], report)


def test_a_transaction_planted_in_the_repository_is_never_applied(sample: Path) -> None:
    """A pull request may commit ``.site-gen-cache/txn-*/`` with a journal and files: without this user's key
    its journal is not believed, and the next command drops it instead of moving its files into place."""
    record = "submissions/ban-tckt/can-bo/pham-quoc-bao.yaml"
    forged = json.dumps({"files": [record], "sha256": {record: "0" * 64}}, sort_keys=True)
    before = state(sample)
    # this format with a forged tag; a bare list of files (no tag at all)
    for journal in ({"body": forged, "tag": "0" * 64}, {"files": [record]}):
        folder = sample / ".site-gen-cache" / "txn-1-planted"
        (folder / "tree" / "submissions/ban-tckt/can-bo").mkdir(parents=True)
        (folder / "tree" / record).write_text("kind: cadre\nid: gia-mao\n", encoding="utf-8")
        (folder / "commit.json").write_text(json.dumps(journal), encoding="utf-8")
        done = site_gen("check", "--root", str(sample), "--no-cache")
        assert state(sample) == before, done.stderr
        assert not folder.exists()
