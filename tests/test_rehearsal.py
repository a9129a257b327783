"""The submission flow rehearsed with real git: a bare "GitHub" repository, a unit's branch, the
workflows' own steps (read from .github/workflows) run on it, the comment posted and updated, the
merge, and the site built from main.

GitHub cannot be reached from here; everything but GitHub is real: git, the checker, the diff,
mkdocs. ``gh`` is tests/fake_gh.py, which keeps what GitHub would have received.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import snapshot
from tests.test_diff import Q4, REGISTRATION, add_report
from tests.workflow_runner import JobRun, run_job

REPO = "tinh-doan-binh-an/du-lieu"
BRANCH = "ban-tckt/bao-cao-quy-4"
HERE = Path(__file__).resolve().parent
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Văn thư Ban Tổ chức",
    "GIT_AUTHOR_EMAIL": "vanthu@example.invalid",
    "GIT_COMMITTER_NAME": "Văn thư Ban Tổ chức",
    "GIT_COMMITTER_EMAIL": "vanthu@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository "on GitHub": a bare repository whose main is the project as it is now (one per test)."""
    base = tmp_path_factory.mktemp("rehearsal")
    seed = snapshot(base / "seed")
    git(seed, "branch", "-M", "main")
    bare = base / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(seed), str(bare)], check=True)
    return bare


@pytest.fixture
def gh(tmp_path: Path) -> tuple[Path, Path]:
    """A bin folder holding the stand-in ``gh``, and its state file."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    script = bin_dir / "gh"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{HERE / "fake_gh.py"}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return bin_dir, tmp_path / "gh-state.json"


def gh_state(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def set_pull(state_file: Path, number: int, head_sha: str) -> None:
    state = gh_state(state_file) if state_file.exists() else {"pulls": {}, "comments": [], "calls": [], "next_id": 1000, "dispatches": []}
    state["pulls"][str(number)] = {"head": BRANCH, "head_sha": head_sha, "state": "open", "url": f"https://github.com/{REPO}/pull/{number}"}
    state_file.write_text(json.dumps(state), encoding="utf-8")


def pull_request_run(origin: Path, where: Path, number: int, gh: tuple[Path, Path]) -> tuple[JobRun, Path]:
    """pr.yml's job on the merge commit GitHub makes for a pull request (refs/pull/N/merge)."""
    runner = where / "runner"
    subprocess.run(["git", "clone", "-q", str(origin), str(runner)], check=True)
    git(runner, "fetch", "-q", "origin", f"{BRANCH}:refs/remotes/origin/{BRANCH}")
    base_sha = git(runner, "rev-parse", "origin/main")
    head_sha = git(runner, "rev-parse", f"origin/{BRANCH}")
    git(runner, "checkout", "-q", "--detach", base_sha)
    git(runner, "merge", "-q", "--no-ff", "-m", f"Merge {head_sha} into {base_sha}", head_sha)
    merge_sha = git(runner, "rev-parse", "HEAD")
    context = {
        "github": {
            "event_name": "pull_request",
            "ref_name": f"{number}/merge",
            "token": "ghs_rehearsal",
            "repository": REPO,
            "event": {"pull_request": {"number": number, "base": {"sha": base_sha}, "head": {"sha": head_sha}}},
        }
    }
    env = {
        "GITHUB_SHA": merge_sha,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_EVENT_NAME": "pull_request",
        "EXTRA_PATH": str(gh[0]),
        "FAKE_GH_STATE": str(gh[1]),
    }
    return run_job("pr.yml", "check", runner, context, env, where / "runner-temp"), runner


def comment_run(artifact: Path, where: Path, head_sha: str, gh: tuple[Path, Path]) -> JobRun:
    """pr-comment.yml's job, with the artifact the pull-request run uploaded."""
    work = where / "comment"
    work.mkdir(parents=True)
    shutil.copytree(artifact, work / "pr-comment")
    context = {
        "github": {
            "token": "ghs_rehearsal",
            "repository": REPO,
            "event": {"workflow_run": {"id": 42, "head_sha": head_sha, "conclusion": "success", "event": "pull_request"}},
        }
    }
    env = {"GITHUB_REPOSITORY": REPO, "EXTRA_PATH": str(gh[0]), "FAKE_GH_STATE": str(gh[1])}
    return run_job("pr-comment.yml", "comment", work, context, env, where / "comment-temp")


WARNINGS = [
    "::warning file=submissions/ban-doan-ket-tap-hop/bao-cao/2025/quy-3.yaml,line=6,col=1,title=[rule.late] Nộp trễ hạn"
    "::Nộp ngày 30/09/2025, trễ hạn (hạn cuối 26/09/2025).",
    "::warning file=submissions/ban-phong-trao/bao-cao/2025/quy-3.yaml,line=21,col=5,"
    "title=[rule.visit-unregistered] Chuyến đi không đăng ký::Chuyến đi 01/07/2025 – 01/07/2025 (nội dung 1.4) "
    "của Lương Thị Cẩm Tú không khớp dòng đăng ký nào (cùng nội dung, cùng thời gian, đăng ký trước khi đi).",
]
FIGURE = "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): 59 → 61 ngày, đạt mức tối thiểu (60 ngày)"


def test_a_unit_submits_a_reviewer_sees_the_change_main_publishes(origin: Path, tmp_path: Path, gh: tuple[Path, Path]) -> None:
    # 1. The unit's secretary: a branch adding a registration row and a quarterly report, pushed.
    unit = tmp_path / "unit"
    subprocess.run(["git", "clone", "-q", str(origin), str(unit)], check=True)
    git(unit, "switch", "-q", "-c", BRANCH)
    add_report(unit)
    head_sha = commit_all(unit, "Ban TCKT: báo cáo quý 4/2026, thêm dòng đăng ký")
    git(unit, "push", "-q", "origin", BRANCH)

    # 2. GitHub runs pr.yml on the pull request's merge commit.
    set_pull(gh[1], 7, head_sha)
    job, runner = pull_request_run(origin, tmp_path / "pr-1", 7, gh)
    assert not job.failed, [(s.name, s.code, s.stderr[-2000:]) for s in job.steps if s.code]
    assert all(step.ran for step in job.steps)
    check = job.step("Kiểm tra hồ sơ")
    assert check.stdout.splitlines()[:2] == WARNINGS
    assert check.stdout.splitlines()[2] == "Tổng hợp: 0 lỗi, 2 cảnh báo trong 2 tệp; đã kiểm tra 417 tệp hồ sơ."
    assert job.step("CODEOWNERS khớp sổ đăng ký đơn vị").code == 0
    # the job summary: the whole check report, then what the change does
    assert job.summary.startswith("## Kết quả kiểm tra hồ sơ\n\n✅ Tổng hợp: 0 lỗi, 2 cảnh báo")
    assert "## Tóm tắt thay đổi hồ sơ" in job.summary and FIGURE in job.summary
    artifact = runner / "pr-comment"
    assert (artifact / "number").read_text() == "7\n"
    assert (artifact / "head-sha").read_text() == head_sha + "\n"
    comment = (artifact / "comment.md").read_text(encoding="utf-8")
    assert FIGURE in comment and f"<code>{Q4}</code>" in comment and f"<code>{REGISTRATION}</code>" in comment
    assert (runner / "site" / "index.html").is_file()  # the preview artifact

    # 3. pr-comment.yml posts the summary on the pull request.
    posted = comment_run(artifact, tmp_path / "pr-1", head_sha, gh)
    assert not posted.failed, [(s.name, s.stderr) for s in posted.steps]
    comments = gh_state(gh[1])["comments"]
    assert len(comments) == 1 and comments[0]["issue"] == 7
    assert comments[0]["body"].startswith("<!-- site-gen-diff -->\n") and FIGURE in comments[0]["body"]

    # 4. The unit pushes a fix; the comment is updated in place, not repeated.
    path = unit / Q4
    path.write_text(path.read_text(encoding="utf-8").replace("Sổ sách đoàn vụ đầy đủ.", "Sổ sách đoàn vụ đầy đủ, cập nhật."), encoding="utf-8")
    head_sha = commit_all(unit, "Ban TCKT: sửa kết quả")
    git(unit, "push", "-q", "origin", BRANCH)
    set_pull(gh[1], 7, head_sha)
    job, runner = pull_request_run(origin, tmp_path / "pr-2", 7, gh)
    assert not job.failed
    comment_run(runner / "pr-comment", tmp_path / "pr-2", head_sha, gh)
    comments = gh_state(gh[1])["comments"]
    assert len(comments) == 1
    assert "cập nhật" in comments[0]["body"]

    # 5. A stale run (an older head) posts nothing over the newer comment.
    before = comments[0]["body"]
    stale = comment_run(runner / "pr-comment", tmp_path / "pr-stale", "0" * 40, gh)
    assert not stale.failed
    assert gh_state(gh[1])["comments"][0]["body"] == before

    # 6. The reviewer approves; main gets the merge; pages.yml builds main.
    maintainer = tmp_path / "maintainer"
    subprocess.run(["git", "clone", "-q", str(origin), str(maintainer)], check=True)
    git(maintainer, "merge", "-q", "--no-ff", "-m", "Merge pull request #7", f"origin/{BRANCH}")
    git(maintainer, "push", "-q", "origin", "main")
    main = tmp_path / "main"
    subprocess.run(["git", "clone", "-q", str(origin), str(main)], check=True)
    context = {"github": {"event_name": "push", "ref_name": "main", "repository": REPO}}
    build = run_job("pages.yml", "build", main, context, {"GITHUB_REPOSITORY": REPO}, tmp_path / "pages-temp")
    assert not build.failed, [(s.name, s.stderr[-2000:]) for s in build.steps if s.code]
    page = (main / "site" / "can-bo" / "pham-quoc-bao.html").read_text(encoding="utf-8")
    assert "61" in page
    assert (main / "site" / "index.html").is_file()


def test_a_broken_record_is_annotated_on_its_line_and_nothing_is_built(origin: Path, tmp_path: Path, gh: tuple[Path, Path]) -> None:
    unit = tmp_path / "unit"
    subprocess.run(["git", "clone", "-q", str(origin), str(unit)], check=True)
    git(unit, "switch", "-q", "-c", BRANCH)
    add_report(unit)
    path = unit / Q4
    path.write_text(path.read_text(encoding="utf-8").replace("days: 2", "days: 5"), encoding="utf-8")
    head_sha = commit_all(unit, "Ban TCKT: báo cáo quý 4/2026")
    git(unit, "push", "-q", "origin", BRANCH)
    set_pull(gh[1], 8, head_sha)
    job, runner = pull_request_run(origin, tmp_path / "pr", 8, gh)
    check = job.step("Kiểm tra hồ sơ")
    assert check.code == 1
    errors = [line for line in check.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"::error file={Q4},line=12,col=")
    assert not job.step("Dựng trang").ran  # a failed check stops the build
    assert job.step("Tóm tắt thay đổi").ran and job.step("Tóm tắt thay đổi").code == 0
    assert f"`{Q4}`" in job.summary and "**lỗi**" in job.summary
    comment = (runner / "pr-comment" / "comment.md").read_text(encoding="utf-8")
    assert "❌ Kiểm tra: 1 lỗi, 2 cảnh báo." in comment
    comment_run(runner / "pr-comment", tmp_path / "pr", head_sha, gh)
    assert "❌ Kiểm tra: 1 lỗi" in gh_state(gh[1])["comments"][0]["body"]
