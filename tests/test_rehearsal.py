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

from site_gen.diff import to_markdown
from tests.conftest import ROOT, snapshot
from tests.gfm import render
from tests.runner_commands import run as run_commands
from tests.test_diff import Q4, REGISTRATION, a_huge_diff, add_report
from tests.test_from_issue import REPORT_Q4, render_body
from tests.workflow_runner import JobRun, expression, load_workflow, run_job

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
    state = (
        gh_state(state_file)
        if state_file.exists()
        else {"pulls": {}, "comments": [], "calls": [], "next_id": 1000, "dispatches": []}
    )
    state["pulls"][str(number)] = {
        "head": BRANCH,
        "head_sha": head_sha,
        "state": "open",
        "url": f"https://github.com/{REPO}/pull/{number}",
    }
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
    "::warning file=submissions/ban-phong-trao/bao-cao/2025/quy-3.yaml,line=102,col=5,"
    "title=[rule.visit-unregistered] Chuyến đi không đăng ký::Chuyến đi 16/07/2025 – 16/07/2025 (nội dung 1.4) "
    "của Lương Thị Cẩm Tú không khớp dòng đăng ký nào (cùng nội dung, cùng thời gian, đăng ký trước khi đi).",
]
FIGURE = "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): 59 → 61 ngày, đạt mức tối thiểu (60 ngày)"
FIGURES = [
    "**Năm 2026**",
    "",
    FIGURE,
    "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): đăng ký 0 → 70 ngày",
    "- Hồ Thị Diễm My (Ban Tổ chức – Kiểm tra Tỉnh đoàn): 56 → 55 ngày, còn thiếu 5 ngày",
    "- Cán bộ đạt mức tối thiểu: 23 → 24 (trên 48 người phải thực hiện); tổng số ngày: 2.859 → 2.860 (47,92% → 50,00%)",
    "- Báo cáo quý đã nhận: 38 → 39/52; nộp trễ: 0 → 0",
    "- Chuyến đi không đăng ký: 10 → 0",
    # the district level ended on 01/07/2025: the lines are the communes', directly under the committee
    "- Đoàn xã An Long: 159 → 161 ngày đi cơ sở",
    "- Đoàn xã Phước Lâm: 89 → 88 ngày đi cơ sở",
]
Q3 = "submissions/ban-tckt/bao-cao/2026/quy-3.yaml"
SHORTER = ("    days: 7\n    from: 2026-07-13\n    to: 2026-07-21\n", "    days: 6\n    from: 2026-07-13\n    to: 2026-07-20\n")


def test_a_unit_submits_a_reviewer_sees_the_change_main_publishes(origin: Path, tmp_path: Path, gh: tuple[Path, Path]) -> None:
    # 0. On main, Phạm Quốc Bảo's registration for 2026 has not been submitted yet.
    seed = tmp_path / "seed"
    subprocess.run(["git", "clone", "-q", str(origin), str(seed)], check=True)
    git(seed, "rm", "-q", REGISTRATION)
    commit_all(seed, "Ban TCKT: đăng ký của Phạm Quốc Bảo chưa nộp")
    git(seed, "push", "-q", "origin", "main")

    # 1. The unit's secretary: a branch adding that registration, adding the report of quarter 4
    #    and changing the report of quarter 3 (one visit a day shorter), pushed.
    unit = tmp_path / "unit"
    subprocess.run(["git", "clone", "-q", str(origin), str(unit)], check=True)
    git(unit, "switch", "-q", "-c", BRANCH)
    git(unit, "checkout", "HEAD~1", "--", REGISTRATION)
    add_report(unit)
    q3 = unit / Q3
    assert SHORTER[0] in q3.read_text(encoding="utf-8")
    q3.write_text(q3.read_text(encoding="utf-8").replace(SHORTER[0], SHORTER[1], 1), encoding="utf-8")
    head_sha = commit_all(unit, "Ban TCKT: đăng ký của Phạm Quốc Bảo, báo cáo quý 4/2026, sửa báo cáo quý 3")
    git(unit, "push", "-q", "origin", BRANCH)

    # 2. GitHub runs pr.yml on the pull request's merge commit.
    set_pull(gh[1], 7, head_sha)
    job, runner = pull_request_run(origin, tmp_path / "pr-1", 7, gh)
    assert not job.failed, [(s.name, s.code, s.stderr[-2000:]) for s in job.steps if s.code]
    assert all(step.ran for step in job.steps)
    check = job.step("Kiểm tra hồ sơ")
    assert check.stdout.splitlines()[:2] == WARNINGS
    log = run_commands(check.stdout)  # as the runner reads it: the two annotations, nothing else
    assert [c.name for c in log.commands] == ["warning", "warning"] and not log.stopped
    summary = [line for line in check.stdout.splitlines() if not line.startswith("::")]
    checked = len(list((ROOT / "submissions").rglob("*.yaml"))) + 1  # the sample, and the registration added back
    assert summary[0] == f"Tổng hợp: 0 lỗi, 2 cảnh báo trong 2 tệp; đã kiểm tra {checked} tệp hồ sơ."
    assert job.step("CODEOWNERS khớp sổ đăng ký đơn vị").code == 0
    # the job summary: the whole check report, then what the change does
    assert job.summary.startswith("## Kết quả kiểm tra hồ sơ\n\n✅ Tổng hợp: 0 lỗi, 2 cảnh báo")
    assert "## Tóm tắt thay đổi hồ sơ" in job.summary and FIGURE in job.summary
    artifact = runner / "pr-comment"
    assert (artifact / "number").read_text() == "7\n"
    assert (artifact / "head-sha").read_text() == head_sha + "\n"
    comment = (artifact / "comment.md").read_text(encoding="utf-8")
    assert ": 2 hồ sơ thêm, 1 hồ sơ sửa, 0 hồ sơ xóa." in comment
    figures = comment.split("### Số liệu thay đổi\n\n", 1)[1].split("\n\n###", 1)[0]
    assert figures.splitlines() == FIGURES
    added = comment.split("### Hồ sơ thêm mới (2)", 1)[1].split("### Hồ sơ sửa đổi", 1)[0]
    assert f"<code>{Q4}</code>" in added and f"<code>{REGISTRATION}</code>" in added
    changed = comment.split("### Hồ sơ sửa đổi (1)", 1)[1].split("###", 1)[0]
    assert f"<code>{Q3}</code>" in changed
    assert ["Các chuyến đi cơ sở[9] › Số ngày đi", "7", "6"] in render(changed).rows
    assert ["Các chuyến đi cơ sở[9] › Đến ngày", "21/07/2026", "20/07/2026"] in render(changed).rows
    assert "Đã hết 11 lỗi, cảnh báo so với trước thay đổi." in comment  # the unregistered visits, the missing registration
    assert (runner / "site" / "index.html").is_file()  # the preview artifact

    # 3. pr-comment.yml posts the summary on the pull request.
    posted = comment_run(artifact, tmp_path / "pr-1", head_sha, gh)
    assert not posted.failed, [(s.name, s.stderr) for s in posted.steps]
    comments = gh_state(gh[1])["comments"]
    assert len(comments) == 1 and comments[0]["issue"] == 7
    assert comments[0]["body"].startswith("<!-- site-gen-diff -->\n") and FIGURE in comments[0]["body"]

    # 4. The unit pushes a fix; the comment is updated in place, not repeated.
    path = unit / Q4
    path.write_text(
        path.read_text(encoding="utf-8").replace("Sổ sách đoàn vụ đầy đủ.", "Sổ sách đoàn vụ đầy đủ, cập nhật."), encoding="utf-8"
    )
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


def test_the_comment_is_posted_whole_and_a_bad_artifact_not_at_all(tmp_path: Path, gh: tuple[Path, Path]) -> None:
    # A long Vietnamese summary (multi-byte UTF-8): once cut by bytes in the workflow, which split a character.
    comment = to_markdown(a_huge_diff())
    assert len(comment.encode("utf-8")) > 65_536 >= len(comment)
    bad = {
        "too long": (comment + comment).encode("utf-8"),
        "not UTF-8": comment[:1000].encode("utf-8") + b"\xc3(\n",
        "no marker": comment.split("\n", 1)[1].encode("utf-8"),
    }
    for name, content in [("whole", comment.encode("utf-8")), *bad.items()]:
        artifact = tmp_path / name / "artifact"
        artifact.mkdir(parents=True)
        (artifact / "comment.md").write_bytes(content)
        (artifact / "number").write_text("9\n")
        set_pull(gh[1], 9, "b" * 40)
        job = comment_run(artifact, tmp_path / name, "b" * 40, gh)
        posted = [c["body"] for c in gh_state(gh[1])["comments"] if c["issue"] == 9]
        if name == "whole":
            assert not job.failed and posted == [comment]
            assert posted[0].endswith("xem đầy đủ trong phần tóm tắt (Summary) của lượt kiểm tra.\n")
            continue
        step = job.step("Đăng hoặc cập nhật bình luận")
        assert step.code == 1, name
        assert [c.name for c in run_commands(step.stdout).commands] == ["error"]
        assert posted == [comment], name  # the earlier comment stays as it was


def test_a_broken_record_is_annotated_on_its_line_and_nothing_is_built(
    origin: Path, tmp_path: Path, gh: tuple[Path, Path]
) -> None:
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
    assert f"### <code>{Q4}</code> (1)" in job.summary and "**lỗi**" in job.summary
    comment = (runner / "pr-comment" / "comment.md").read_text(encoding="utf-8")
    assert "❌ Kiểm tra: 1 lỗi, 2 cảnh báo." in comment
    comment_run(runner / "pr-comment", tmp_path / "pr", head_sha, gh)
    assert "❌ Kiểm tra: 1 lỗi" in gh_state(gh[1])["comments"][0]["body"]


def issue_run(origin: Path, where: Path, issue: dict[str, Any], gh: tuple[Path, Path]) -> tuple[JobRun, Path]:
    """issue-to-pr.yml's job, on a checkout of main, for an issue event."""
    checkout = where / "issue-runner"
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    context = {"github": {"event_name": "issues", "token": "ghs_rehearsal", "repository": REPO, "event": {"issue": issue}}}
    condition = load_workflow("issue-to-pr.yml")["jobs"]["pull-request"]["if"]
    assert expression(condition, context, False), "the job's if: must accept this issue"
    env = {"GITHUB_REPOSITORY": REPO, "EXTRA_PATH": str(gh[0]), "FAKE_GH_STATE": str(gh[1])}
    return run_job("issue-to-pr.yml", "pull-request", checkout, context, env, where / "issue-temp"), checkout


def form_issue(number: int, body: str) -> dict[str, Any]:
    """An issues event's issue, as a member submitting the quarterly-report form sends it."""
    return {
        "number": number,
        "state": "open",
        "body": body,
        "labels": [{"name": "mau-3-bao-cao"}],
        "user": {"login": "vanthu-tckt"},
        "author_association": "MEMBER",
    }


def test_an_issue_form_becomes_a_pull_request_that_is_checked(origin: Path, tmp_path: Path, gh: tuple[Path, Path]) -> None:
    issue = form_issue(12, render_body("mau-3-bao-cao", {**REPORT_Q4, "submitted": "21/11/2026"}))
    # an outsider's issue, or an issue without a form label, does not start the job
    condition = load_workflow("issue-to-pr.yml")["jobs"]["pull-request"]["if"]
    outsider = {"github": {"event": {"issue": {**issue, "author_association": "NONE"}}}}
    unlabelled = {"github": {"event": {"issue": {**issue, "labels": [{"name": "cau-hoi"}]}}}}
    assert not expression(condition, outsider, False) and not expression(condition, unlabelled, False)

    job, _ = issue_run(origin, tmp_path / "run-1", issue, gh)
    assert not job.failed, [(s.name, s.code, s.stdout[-1500:], s.stderr[-1500:]) for s in job.steps if s.code]
    assert job.step("Đọc biểu mẫu").outputs["status"] == "0"
    assert not job.step("Báo lại trên phiếu những gì cần sửa").ran
    # the branch really is on "GitHub", holding the record and nothing else
    listed = git(origin, "ls-tree", "-r", "--name-only", "ho-so/issue-12")
    assert Q4 in listed.split("\n")
    changed = git(origin, "diff", "--name-only", "main", "ho-so/issue-12").split("\n")
    assert changed == [Q4]
    state = gh_state(gh[1])
    ((number, pull),) = state["pulls"].items()
    assert pull["head"] == "ho-so/issue-12" and pull["base"] == "main"
    assert "Closes #12" in pull["body"]
    assert state["dispatches"] == [{"workflow": "pr.yml", "ref": "ho-so/issue-12"}]
    linked = [c for c in state["comments"] if c["issue"] == 12]
    assert len(linked) == 1 and linked[0]["body"].startswith(f"Đã tạo yêu cầu hợp nhất từ phiếu này: {pull['url']}")

    # the dispatched pr.yml run checks that branch and finds its pull request
    runner = tmp_path / "dispatched"
    subprocess.run(["git", "clone", "-q", "--branch", "ho-so/issue-12", str(origin), str(runner)], check=True)
    head_sha = git(runner, "rev-parse", "HEAD")
    set_state = gh_state(gh[1])
    set_state["pulls"][number]["head_sha"] = head_sha
    gh[1].write_text(json.dumps(set_state), encoding="utf-8")
    context = {
        "github": {
            "event_name": "workflow_dispatch",
            "ref_name": "ho-so/issue-12",
            "token": "ghs_rehearsal",
            "repository": REPO,
            "event": {},
        }
    }
    env = {"GITHUB_SHA": head_sha, "GITHUB_REPOSITORY": REPO, "EXTRA_PATH": str(gh[0]), "FAKE_GH_STATE": str(gh[1])}
    checked = run_job("pr.yml", "check", runner, context, env, tmp_path / "dispatched-temp")
    assert not checked.failed, [(s.name, s.code, s.stderr[-1500:]) for s in checked.steps if s.code]
    assert (runner / "pr-comment" / "number").read_text() == f"{number}\n"
    summary = (runner / "pr-comment" / "comment.md").read_text(encoding="utf-8")
    assert "### Hồ sơ thêm mới (1)" in summary and f"<code>{Q4}</code>" in summary
    assert checked.step("Kiểm tra hồ sơ").code == 0

    # the unit edits the issue: the same branch and pull request are updated, not duplicated
    edited = {
        **issue,
        "body": render_body(
            "mau-3-bao-cao", {**REPORT_Q4, "submitted": "21/11/2026", "activity": "Dự sinh hoạt chi đoàn Kho bạc"}
        ),
    }
    job, _ = issue_run(origin, tmp_path / "run-2", edited, gh)
    assert not job.failed
    state = gh_state(gh[1])
    assert len(state["pulls"]) == 1
    assert "Dự sinh hoạt chi đoàn Kho bạc" in git(origin, "show", f"ho-so/issue-12:{Q4}")
    assert [c["body"].split(":")[0] for c in state["comments"] if c["issue"] == 12] == [
        "Đã tạo yêu cầu hợp nhất từ phiếu này",
        "Đã cập nhật yêu cầu hợp nhất từ phiếu này",
    ]


def test_a_malformed_issue_gets_a_comment_and_no_branch(origin: Path, tmp_path: Path, gh: tuple[Path, Path]) -> None:
    issue = form_issue(13, render_body("mau-3-bao-cao", {**REPORT_Q4, "from": "31/02/2026"}))
    job, checkout = issue_run(origin, tmp_path / "run", issue, gh)
    assert not job.failed
    assert job.step("Đọc biểu mẫu").outputs["status"] == "1"
    assert not job.step("Tạo hoặc cập nhật yêu cầu hợp nhất").ran
    assert "ho-so/issue-13" not in git(origin, "branch", "--list")
    assert git(checkout, "status", "--porcelain") == ""  # nothing left half-written
    (comment,) = [c for c in gh_state(gh[1])["comments"] if c["issue"] == 13]
    assert "31/02/2026" in comment["body"]
    assert gh_state(gh[1])["pulls"] == {}
