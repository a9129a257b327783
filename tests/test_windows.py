"""What Windows does differently, simulated here: no ``fcntl``, and a Vietnamese console code page (cp1258).

The tool's lock falls back to ``msvcrt`` and, where neither module exists,
to a lock file; its output is UTF-8 whatever the console's encoding. The
workflow ``windows.yml`` runs this file (and ``check``) on a real Windows
runner.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.cli import main
from tests.conftest import CASES, make_repo

WITHOUT_FCNTL = """
import sys
sys.modules["fcntl"] = None   # as on Windows: importing it fails
sys.modules["msvcrt"] = None  # and no Windows lock either: the lock file is what is left
from site_gen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def python(*args: str, env: dict[str, str] | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    merged = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, *args], capture_output=True, env=merged, input=stdin, timeout=300, check=False)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A repository whose check reports errors in Vietnamese, with letters cp1258 does not have precomposed."""
    return make_repo(tmp_path / "repo", CASES / "invalid" / "rule-visit-overlap")


def test_check_without_fcntl_uses_the_lock_file(broken: Path) -> None:
    expected = python("-m", "site_gen", "check", "--no-cache", "--root", str(broken)).stdout
    cache = broken / ".site-gen-cache"
    for run in range(2):  # the cache is written, then read
        done = python("-c", WITHOUT_FCNTL, "check", "--root", str(broken))
        assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
        assert done.stdout == expected, run
        assert (cache / "state.bin").exists()
        assert not (cache / "lock.held").exists()  # released
    (cache / "lock.held").write_text("4242", encoding="ascii")  # another run holds it: this one works without the cache
    state = (cache / "state.bin").read_bytes()
    done = python("-c", WITHOUT_FCNTL, "check", "--root", str(broken))
    assert done.stdout == expected and (cache / "state.bin").read_bytes() == state
    assert (cache / "lock.held").read_text(encoding="ascii") == "4242"


def test_a_stale_lock_file_is_taken_over(broken: Path) -> None:
    cache = broken / ".site-gen-cache"
    cache.mkdir()
    held = cache / "lock.held"
    held.write_text("4242", encoding="ascii")
    os.utime(held, (1_000_000_000, 1_000_000_000))  # left by a run killed long ago
    done = python("-c", WITHOUT_FCNTL, "check", "--root", str(broken))
    assert done.returncode == 1 and (cache / "state.bin").exists() and not held.exists()


def test_new_without_fcntl_writes_through_its_transaction(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    done = python("-c", WITHOUT_FCNTL, "new", "cadre", "--unit", "ban-tckt", "--id", "moi", "--root", str(root))
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert (root / "submissions/ban-tckt/can-bo/moi.yaml").read_bytes().startswith(b"# yaml-language-server")
    assert not list((root / ".site-gen-cache").glob("txn-*"))


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["check"], 1, "lỗi"),
        (["check", "--format", "github"], 1, "trùng thời gian"),
        (["rules"], 0, "Kế hoạch"),
        (["stats", "--year", "2025"], 1, "Hồ sơ còn 1 lỗi"),
        (["khong-co-lenh"], 2, "không có lựa chọn"),
        (["check", "--root", "/khong/co/thu-muc"], 2, "Không tìm thấy thư mục"),
    ],
    ids=["check", "github", "rules", "stats-refused", "usage", "setup"],
)
def test_a_cp1258_console_gets_utf8(broken: Path, args: list[str], code: int, words: str) -> None:
    argv = args if "--root" in args else [*args, "--root", str(broken)]
    done = python("-m", "site_gen", *argv, env={"PYTHONIOENCODING": "cp1258"})
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    assert done.returncode == code
    text = (done.stdout + done.stderr).decode("utf-8")  # UTF-8, never cp1258
    assert words in text


def test_a_cp1258_stream_in_process(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``main`` called with a cp1258 standard output (what a console with ``chcp 1258`` gives Python)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1258")
    err = io.TextIOWrapper(io.BytesIO(), encoding="cp1258")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["check", "--root", str(broken)]) == 1
    out.flush()
    text = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    assert "lỗi" in text and "Tổng hợp" in text
