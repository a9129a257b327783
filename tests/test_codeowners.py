"""``site-gen codeowners`` and ``tools/github_settings.py``: who may approve what, from the register.

The sample organisation's committed ``.github/CODEOWNERS`` is the expected
file; everything that changes the register works on a snapshot copy of the
repository (never on ``submissions/`` itself). GitHub is never called: the
settings script is run with ``--dry-run``, and its create-or-update logic is
exercised against a small HTTP server on this machine.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest

from site_gen.checker import check_repository
from site_gen.codeowners import CODEOWNERS_PATH, Rule, owners_for, parse, pattern_regex, render
from tests.conftest import ROOT, Runner, snapshot

ORG = "@tinh-doan-binh-an"
KEEPER = f"{ORG}/ban-tckt-duyet"
LEADER = f"{ORG}/thuong-truc-duyet"
MAINTAINERS = f"{ORG}/bao-tri-kho"
REGISTER = "submissions/ban-tckt/don-vi"
COMMITTED = ROOT / CODEOWNERS_PATH


@pytest.fixture(scope="module")
def sample_text() -> str:
    return render(check_repository(ROOT, use_cache=False).context)


@pytest.fixture(scope="module")
def rules(sample_text: str) -> list[Rule]:
    return parse(sample_text)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return snapshot(tmp_path / "repo")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the sample's file ----------------------------------------------------------------


def test_the_committed_file_is_the_generated_one(sample_text: str) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == sample_text


def test_key_lines_of_the_sample(sample_text: str) -> None:
    lines = {" ".join(line.split()) for line in sample_text.splitlines()}
    for expected in (
        f"* {MAINTAINERS}",
        f"/submissions/ {KEEPER}",
        f"/submissions/ban-tckt/ {KEEPER}",
        f"/submissions/xa-tan-hung/ {ORG}/xa-tan-hung-duyet",
        f"/submissions/*/can-bo/ {KEEPER}",
        f"/submissions/ban-tckt/ke-hoach/ {KEEPER} {LEADER}",
        f"/submissions/ban-tckt/kiem-tra/ {KEEPER} {LEADER}",
        f"/submissions/van-phong/khac-phuc/*/ke-hoach.yaml {LEADER} {ORG}/van-phong-duyet",
        f"/submissions/thuong-truc/ke-hoach/ {LEADER}",
        f"/{REGISTER}/ {KEEPER}",
        f"/submissions/ban-tckt/to-chuc.yaml {KEEPER}",
    ):
        assert expected in lines, expected
    # a dissolved district and its commune (approved by the district's team until 01/07/2025) have no line of their own
    patterns = {rule.pattern for rule in parse(sample_text)}
    assert not {"/submissions/huyen-doan-tan-hung/", "/submissions/xa-tan-lap/"} & patterns
    head = sample_text.splitlines()[:3]
    assert "KHÔNG SỬA TAY (do not edit); chạy: site-gen codeowners" in head[1]
    # no pattern GitHub reads differently from gitignore, no inline comment
    for rule in parse(sample_text):
        assert not set(rule.pattern) & set("#![]\\ ") and all(owner.startswith("@") for owner in rule.owners)


def test_general_lines_come_before_specific_ones(rules: list[Rule]) -> None:
    position = {rule.pattern: index for index, rule in enumerate(rules)}
    assert position["*"] < position["/submissions/"] < position["/submissions/ban-tckt/"]
    assert position["/submissions/ban-tckt/"] < position["/submissions/*/can-bo/"]
    assert position["/submissions/ban-tckt/"] < position["/submissions/ban-tckt/ke-hoach/"] < position[f"/{REGISTER}/"]


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        # the register: its keeper's approvers, whatever unit a file describes
        (f"{REGISTER}/xa-tan-lap.yaml", (KEEPER,)),
        (f"{REGISTER}/huyen-doan-tan-hung.yaml", (KEEPER,)),
        ("submissions/ban-tckt/to-chuc.yaml", (KEEPER,)),
        # a unit's own records: its approvers
        ("submissions/xa-tan-hung/dang-ky/2025/nguyen-van-a.yaml", (f"{ORG}/xa-tan-hung-duyet",)),
        ("submissions/xa-tan-hung/bao-cao/2025/quy-1.yaml", (f"{ORG}/xa-tan-hung-duyet",)),
        ("submissions/van-phong/khac-phuc/2025/bao-cao-2025-04-03.yaml", (f"{ORG}/van-phong-duyet",)),
        # cadre lists: the register's keeper, not the unit itself
        ("submissions/xa-tan-hung/can-bo/nguyen-van-a.yaml", (KEEPER,)),
        # plans and inspection records: the drafting unit or the Standing Committee, never the inspected unit
        ("submissions/ban-tckt/ke-hoach/di-co-so-2025.yaml", (KEEPER, LEADER)),
        ("submissions/ban-tckt/kiem-tra/2025/ke-hoach.yaml", (KEEPER, LEADER)),
        ("submissions/ban-tckt/kiem-tra/2025/ket-qua/xa-tan-hung.yaml", (KEEPER, LEADER)),
        ("submissions/van-phong/khac-phuc/2025/ke-hoach.yaml", (LEADER, f"{ORG}/van-phong-duyet")),
        # a folder nobody registered yet: the register's keeper
        ("submissions/doan-moi/can-bo/x.yaml", (KEEPER,)),
        ("submissions/doan-moi/dang-ky/2025/x.yaml", (KEEPER,)),
        # the tool and the settings: the maintainers
        ("site_gen/cli.py", (MAINTAINERS,)),
        (".github/CODEOWNERS", (MAINTAINERS,)),
        (".github/workflows/pr.yml", (MAINTAINERS,)),
        ("schemas/unit.schema.json", (MAINTAINERS,)),
        ("mkdocs.yml", (MAINTAINERS,)),
    ],
)
def test_the_last_matching_line_decides(rules: list[Rule], path: str, owners: tuple[str, ...]) -> None:
    assert owners_for(path, rules) == owners


def test_every_record_has_approvers_and_never_a_submitter_team(rules: list[Rule]) -> None:
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "submissions").rglob("*.yaml"))
    assert len(files) > 400
    for path in files:
        owners = owners_for(path, rules)
        assert owners, path
        assert not any(owner.endswith("-nop") for owner in owners), path


def test_no_dissolved_unit_approves_anything_in_the_merged_sample(rules: list[Rule]) -> None:
    """The sample's former committee (Hải Lâm) and its district and commune unions ended on 01/07/2025: their folders
    and their plans fall to the register keeper; no rule names one of their teams."""
    units = check_repository(ROOT, use_cache=False).context.units
    ended = {ident for ident, unit in units.items() if unit.model.dissolved is not None}
    assert {"hai-lam-van-phong", "huyen-doan-tan-hung", "xa-phu-an"} <= ended
    teams = {owner.rsplit("/", 1)[-1].removesuffix("-duyet") for rule in rules for owner in rule.owners}
    assert not teams & ended
    plan = "submissions/hai-lam-van-phong/ke-hoach/di-co-so-2024-hai-lam.yaml"
    assert owners_for(plan, rules) == owners_for("submissions/ban-tckt/don-vi/xa-phu-an.yaml", rules)


def test_patterns_read_as_github_reads_them() -> None:
    assert pattern_regex("*").fullmatch("a/b/c.txt")
    assert pattern_regex("/submissions/").fullmatch("submissions/x/y.yaml")
    assert not pattern_regex("/submissions/").fullmatch("tests/submissions/x.yaml")
    assert pattern_regex("/submissions/*/can-bo/").fullmatch("submissions/x/can-bo/a.yaml")
    assert not pattern_regex("/submissions/*/can-bo/").fullmatch("submissions/x/y/can-bo/a.yaml")
    glob = pattern_regex("/submissions/x/khac-phuc/*/ke-hoach.yaml")
    assert glob.fullmatch("submissions/x/khac-phuc/2025/ke-hoach.yaml")
    assert not glob.fullmatch("submissions/x/khac-phuc/2025/bao-cao-2025-04-03.yaml")
    assert pattern_regex("/docs/*").fullmatch("docs/a.md") and not pattern_regex("/docs/*").fullmatch("docs/b/a.md")


def test_the_text_is_deterministic(sample_text: str) -> None:
    again = render(check_repository(ROOT, use_cache=False).context)
    assert again == sample_text
    assert sample_text.endswith("\n") and "\r" not in sample_text and "\t" not in sample_text


# -- the command ------------------------------------------------------------------------


def test_check_passes_on_the_committed_file(run: Runner, copy: Path) -> None:
    code, out, err = run("codeowners", "--check", "--root", str(copy))
    assert (code, err) == (0, "")
    assert out == ".github/CODEOWNERS khớp với sổ đăng ký đơn vị.\n"


def test_writing_twice_gives_the_same_bytes(run: Runner, copy: Path) -> None:
    (copy / CODEOWNERS_PATH).unlink()
    code, out, _ = run("codeowners", "--root", str(copy))
    assert code == 0 and out.startswith("Đã ghi .github/CODEOWNERS (")
    first = (copy / CODEOWNERS_PATH).read_bytes()
    assert first == COMMITTED.read_bytes()
    code, out, _ = run("codeowners", "--root", str(copy))
    assert code == 0 and "không cần ghi lại" in out
    assert (copy / CODEOWNERS_PATH).read_bytes() == first


def test_check_fails_after_a_change_to_the_register(run: Runner, copy: Path) -> None:
    # a commune's folder may be approved by another unit's team (as communes were by their district's until 2025)
    edit(copy / REGISTER / "xa-an-long.yaml", "xa-an-long-duyet", "xa-tan-hung-duyet")
    code, out, err = run("codeowners", "--check", "--root", str(copy))
    assert code == 1
    assert "site-gen: Tệp .github/CODEOWNERS chưa khớp với sổ đăng ký đơn vị" in err
    assert "chạy site-gen codeowners" in err
    assert out.startswith("--- a/.github/CODEOWNERS\n+++ b/.github/CODEOWNERS\n")
    removed = [line for line in out.splitlines() if line.startswith("-/")]
    added = [line for line in out.splitlines() if line.startswith("+/")]
    assert [" ".join(line.split()) for line in removed] == [f"-/submissions/xa-an-long/ {ORG}/xa-an-long-duyet"]
    assert [" ".join(line.split()) for line in added] == [f"+/submissions/xa-an-long/ {ORG}/xa-tan-hung-duyet"]
    code, out, _ = run("codeowners", "--root", str(copy))
    assert code == 0 and out.startswith("Đã ghi")
    assert run("codeowners", "--check", "--root", str(copy))[0] == 0


def test_check_fails_when_the_file_is_missing(run: Runner, copy: Path) -> None:
    (copy / CODEOWNERS_PATH).unlink()
    code, out, err = run("codeowners", "--check", "--root", str(copy))
    assert code == 1
    assert "Chưa có tệp .github/CODEOWNERS" in err
    assert "+# CODEOWNERS: ai duyệt thay đổi ở đâu." in out
    assert not (copy / CODEOWNERS_PATH).exists()


def test_check_in_english(run: Runner, copy: Path) -> None:
    (copy / CODEOWNERS_PATH).write_text("* @someone\n", encoding="utf-8")
    code, _, err = run("codeowners", "--check", "--lang", "en", "--root", str(copy))
    assert code == 1 and ".github/CODEOWNERS does not match the register of units" in err


def test_output_option(run: Runner, copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "CODEOWNERS"
    code, _, _ = run("codeowners", "--root", str(copy), "--output", str(target))
    assert code == 0 and target.read_bytes() == COMMITTED.read_bytes()
    assert run("codeowners", "--check", "--root", str(copy), "--output", str(target))[0] == 0


def test_refuses_while_the_register_has_errors(run: Runner, copy: Path) -> None:
    before = (copy / CODEOWNERS_PATH).read_bytes()
    edit(copy / REGISTER / "xa-tan-lap.yaml", "parent: huyen-doan-tan-hung", "parent: huyen-doan-khong-co")
    for argv in (("codeowners",), ("codeowners", "--check")):
        code, out, err = run(*argv, "--root", str(copy))
        assert code == 1 and out == ""
        assert "rule.ref-unit" in err and f"{REGISTER}/xa-tan-lap.yaml" in err
        assert "site-gen: Sổ đăng ký đơn vị còn 1 lỗi nên chưa lập .github/CODEOWNERS" in err
    assert (copy / CODEOWNERS_PATH).read_bytes() == before


def test_overlapping_teams_are_reported_but_not_refused(run: Runner, copy: Path) -> None:
    # check reports the overlap as a warning; codeowners repeats it, and the diff shows the weakened line
    edit(copy / REGISTER / "xa-an-long.yaml", "approvers: [", 'approvers: ["@tinh-doan-binh-an/xa-an-long-nop", ')
    code, out, err = run("codeowners", "--check", "--root", str(copy))
    assert code == 1 and "rule.approvers-submitters-overlap" in err
    assert "+/submissions/xa-an-long/" in out and "xa-an-long-nop" in out


def test_refuses_a_broken_unit_record(run: Runner, copy: Path) -> None:
    edit(copy / REGISTER / "xa-tan-lap.yaml", "type: grassroots", "type: commune")
    code, _, err = run("codeowners", "--root", str(copy))
    assert code == 1 and "Sổ đăng ký đơn vị còn" in err


def test_errors_outside_the_register_do_not_block(run: Runner, copy: Path) -> None:
    broken = copy / "submissions/huyen-doan-tan-hung/dang-ky/2025/hong.yaml"
    broken.write_text("kind: registration\nrows: [\n", encoding="utf-8")
    assert run("check", "--root", str(copy))[0] == 1
    code, out, _ = run("codeowners", "--check", "--root", str(copy))
    assert code == 0 and "khớp" in out


def test_refuses_a_team_of_another_organisation(run: Runner, copy: Path) -> None:
    edit(copy / REGISTER / "xa-tan-lap.yaml", "@tinh-doan-binh-an/huyen-doan-tan-hung-duyet", "@to-chuc-khac/duyet")
    code, out, err = run("codeowners", "--check", "--root", str(copy))
    assert code == 1 and out == ""
    assert "@to-chuc-khac/duyet" in err and f"{REGISTER}/xa-tan-lap.yaml" in err and "tinh-doan-binh-an" in err


def test_no_maintainers_leaves_the_tooling_unowned(run: Runner, copy: Path) -> None:
    edit(copy / "submissions/ban-tckt/to-chuc.yaml", '  maintainers: ["@tinh-doan-binh-an/bao-tri-kho"]\n', "")
    assert run("codeowners", "--root", str(copy))[0] == 0
    text = (copy / CODEOWNERS_PATH).read_text(encoding="utf-8")
    assert "# Chưa khai báo nhóm bảo trì kho (repository.maintainers" in text
    assert "bao-tri-kho" not in text
    rules = parse(text)
    assert owners_for("site_gen/cli.py", rules) is None and owners_for(".github/CODEOWNERS", rules) is None
    assert owners_for(f"{REGISTER}/xa-tan-lap.yaml", rules) == (KEEPER,)


def test_a_plan_naming_other_units_gets_its_own_line(run: Runner, copy: Path) -> None:
    plan = copy / "submissions/ban-tckt/ke-hoach/di-co-so-2025.yaml"
    edit(plan, "  drafted_by: ban-tckt", "  drafted_by: ban-tuyen-giao")
    code, _, _ = run("codeowners", "--root", str(copy))
    assert code == 0
    rules = parse((copy / CODEOWNERS_PATH).read_text(encoding="utf-8"))
    path = "submissions/ban-tckt/ke-hoach/di-co-so-2025.yaml"
    assert owners_for(path, rules) == (f"{ORG}/ban-tuyen-giao-duyet", LEADER)
    assert owners_for("submissions/ban-tckt/ke-hoach/di-co-so-2024.yaml", rules) == (KEEPER, LEADER)


def test_a_dissolved_unit_keeps_its_history_but_no_approval_rights(run: Runner, copy: Path) -> None:
    """From the day it is dissolved or merged, a unit's folder falls to the register keeper (read as of today)."""
    unit = copy / "submissions/ban-tckt/don-vi/xa-suoi-da.yaml"
    path = "submissions/xa-suoi-da/bao-cao/2025/quy-1.yaml"
    before = owners_for(path, parse(render(check_repository(copy, use_cache=False).context)))
    assert before == (f"{ORG}/xa-suoi-da-duyet",)
    unit.write_text(unit.read_text(encoding="utf-8") + "dissolved: 2025-07-01\n", encoding="utf-8")
    ctx = check_repository(copy, use_cache=False).context
    after = render(ctx, dt.date(2025, 7, 1))
    assert owners_for(path, parse(after)) == (KEEPER,)
    assert "Đã giải thể, sáp nhập" in after and "xa-suoi-da" in after.split("Đã giải thể, sáp nhập")[1].splitlines()[0]
    assert owners_for(path, parse(render(ctx, dt.date(2025, 6, 30)))) == before  # the day before, still its own


# -- tools/github_settings.py -------------------------------------------------------------

SCRIPT = ROOT / "tools" / "github_settings.py"


@pytest.fixture(scope="module")
def settings() -> ModuleType:
    spec = importlib.util.spec_from_file_location("github_settings", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["github_settings"] = module
    spec.loader.exec_module(module)
    return module


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    # Any connection attempt would fail at once: nothing listens on port 9.
    env.update(HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    return env


def _blocks(out: str) -> list[tuple[str, str, str, Any]]:
    """(note, method, url, body) of each call the dry run prints."""
    calls = []
    for block in out.strip().split("\n\n"):
        note, request, *body = block.split("\n")
        method, url = request.split(" ", 1)
        calls.append((note, method, url, json.loads("\n".join(body)) if body else None))
    return calls


def test_dry_run_prints_every_call_and_needs_no_network(settings: ModuleType) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--repo", "tinh-doan-binh-an/du-lieu", "--dry-run", "--create-teams", "--root", str(ROOT)],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    calls = _blocks(done.stdout)
    api = "https://api.github.com"
    by_url = {(method, url): body for _, method, url, body in calls}
    assert by_url[("POST", f"{api}/repos/tinh-doan-binh-an/du-lieu/rulesets")] == settings.ruleset_payload()
    assert by_url[("POST", f"{api}/repos/tinh-doan-binh-an/du-lieu/pages")] == {"build_type": "workflow"}
    assert by_url[("PUT", f"{api}/repos/tinh-doan-binh-an/du-lieu/actions/permissions/workflow")] == {
        "default_workflow_permissions": "read",
        "can_approve_pull_request_reviews": True,  # issue-to-pr.yml opens pull requests
    }
    assert ("PUT", f"{api}/repos/tinh-doan-binh-an/du-lieu/vulnerability-alerts") in by_url
    team = by_url[("PUT", f"{api}/orgs/tinh-doan-binh-an/teams/xa-tan-lap-nop/repos/tinh-doan-binh-an/du-lieu")]
    assert team == {"permission": "push"}
    assert by_url[("PUT", f"{api}/orgs/tinh-doan-binh-an/teams/bao-tri-kho/repos/tinh-doan-binh-an/du-lieu")] == {
        "permission": "maintain"
    }
    created = [body["name"] for _, method, url, body in calls if method == "POST" and url.endswith("/teams")]
    assert "huyen-doan-tan-hung-duyet" in created and "xa-tan-lap-nop" in created and "bao-tri-kho" in created
    assert len(created) == len(set(created))
    assert any("PUT /repos/tinh-doan-binh-an/du-lieu/rulesets/{ruleset_id}" in note for note, *_ in calls)


def test_without_a_token_it_stops_before_any_call() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--repo", "tinh-doan-binh-an/du-lieu", "--root", str(ROOT)],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "GITHUB_TOKEN" in done.stderr and done.stdout == ""


# What GitHub's REST reference documents for each body (2022-11-28): allowed and required fields.
RULESET_FIELDS = {"name", "target", "enforcement", "bypass_actors", "conditions", "rules"}
PULL_REQUEST_REQUIRED = {
    "dismiss_stale_reviews_on_push",
    "require_code_owner_review",
    "require_last_push_approval",
    "required_approving_review_count",
    "required_review_thread_resolution",
}
PULL_REQUEST_OPTIONAL = {"allowed_merge_methods", "automatic_copilot_code_review_enabled"}
STATUS_CHECKS_REQUIRED = {"required_status_checks", "strict_required_status_checks_policy"}
STATUS_CHECKS_OPTIONAL = {"do_not_enforce_on_create"}
RULE_TYPES = {
    "creation",
    "update",
    "deletion",
    "required_linear_history",
    "required_deployments",
    "required_signatures",
    "pull_request",
    "required_status_checks",
    "non_fast_forward",
    "merge_queue",
    "code_scanning",
}


def test_ruleset_payload_has_githubs_documented_shape(settings: ModuleType) -> None:
    body = settings.ruleset_payload()
    assert set(body) <= RULESET_FIELDS and {"name", "enforcement"} <= set(body)
    assert body["target"] == "branch" and body["enforcement"] == "active" and body["bypass_actors"] == []
    assert body["conditions"] == {"ref_name": {"include": ["refs/heads/main"], "exclude": []}}
    rules = {rule["type"]: rule.get("parameters") for rule in body["rules"]}
    assert set(rules) <= RULE_TYPES
    assert set(rules) == {"pull_request", "required_status_checks", "non_fast_forward", "deletion"}
    assert rules["deletion"] is None and rules["non_fast_forward"] is None
    pull = rules["pull_request"]
    assert PULL_REQUEST_REQUIRED <= set(pull) <= PULL_REQUEST_REQUIRED | PULL_REQUEST_OPTIONAL
    assert pull["require_code_owner_review"] is True and pull["required_approving_review_count"] == 1
    assert pull["dismiss_stale_reviews_on_push"] is True and pull["require_last_push_approval"] is True
    assert isinstance(pull["required_review_thread_resolution"], bool)
    checks = rules["required_status_checks"]
    assert STATUS_CHECKS_REQUIRED <= set(checks) <= STATUS_CHECKS_REQUIRED | STATUS_CHECKS_OPTIONAL
    assert checks["strict_required_status_checks_policy"] is True
    [check] = checks["required_status_checks"]
    assert set(check) <= {"context", "integration_id"} and check["context"] == "Kiểm tra hồ sơ"
    assert isinstance(check["integration_id"], int)
    json.dumps(body)  # plain JSON


def test_the_required_check_is_the_pr_workflow_job() -> None:
    workflow = ROOT / ".github" / "workflows" / "pr.yml"
    if not workflow.exists():
        pytest.skip("the pull-request workflow is not there yet")
    text = workflow.read_text(encoding="utf-8")
    assert "  check:\n    name: Kiểm tra hồ sơ\n" in text


def test_other_payloads_have_githubs_documented_shape(settings: ModuleType) -> None:
    pages = settings.pages_payload()
    assert set(pages) <= {"build_type", "source", "cname", "https_enforced"} and pages["build_type"] in ("legacy", "workflow")
    assert pages == {"build_type": "workflow"}
    workflow = settings.workflow_permissions_payload()
    assert set(workflow) == {"default_workflow_permissions", "can_approve_pull_request_reviews"}
    assert workflow["default_workflow_permissions"] in ("read", "write") and workflow["can_approve_pull_request_reviews"] is True
    assert settings.workflow_permissions_payload(False)["can_approve_pull_request_reviews"] is False
    team = settings.team_payload(settings.Team("tinh-doan-binh-an", "xa-tan-lap-nop", "submitters", ("xa-tan-lap",)))
    allowed = {
        "name",
        "description",
        "maintainers",
        "repo_names",
        "privacy",
        "notification_setting",
        "permission",
        "parent_team_id",
    }
    assert "name" in team and set(team) <= allowed and team["privacy"] in ("secret", "closed")
    assert team["privacy"] == "closed"  # a secret team cannot be a code owner
    for permission in ("pull", "triage", "push", "maintain", "admin"):
        assert settings.team_repo_payload(permission) == {"permission": permission}
    with pytest.raises(ValueError):
        settings.team_repo_payload("write")


def test_teams_read_from_the_register(settings: ModuleType) -> None:
    teams = {f"@{t.org}/{t.slug}": t for t in settings.read_teams(ROOT)}
    assert teams[f"{ORG}/huyen-doan-tan-hung-duyet"].role == "approvers"
    assert "xa-tan-lap" in teams[f"{ORG}/huyen-doan-tan-hung-duyet"].units
    assert teams[f"{ORG}/xa-tan-lap-nop"].role == "submitters"
    assert teams[MAINTAINERS].role == "maintainers"
    units = [r for r in check_repository(ROOT, use_cache=False).records() if r.kind == "unit"]
    named = {owner for u in units for key in ("approvers", "submitters") for owner in u.data.get(key, [])}
    assert set(teams) == named | {MAINTAINERS}


def test_the_minimal_reader_takes_both_list_forms(settings: ModuleType) -> None:
    text = 'id: a\napprovers: ["@o/a-duyet", \'@o/b\']  # note\nsubmitters:\n  - "@o/a-nop"\n  # x\n  - @o/c\nnote: z\n'
    assert settings.yaml_list(text, "approvers") == ["@o/a-duyet", "@o/b"]
    assert settings.yaml_list(text, "submitters") == ["@o/a-nop", "@o/c"]
    assert settings.yaml_list(text, "maintainers") == []
    assert settings.yaml_value(text, "id") == "a"


class _FakeGitHub(BaseHTTPRequestHandler):
    """A few endpoints as GitHub answers them, on this machine: one ruleset and one team exist."""

    calls: ClassVar[list[tuple[str, str, Any]]] = []

    def _answer(self, status: int, body: Any = None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        assert self.headers["Authorization"] == "Bearer t0ken"
        self.calls.append((self.command, self.path, body))
        path = self.path.split("?", 1)[0]
        if self.command == "GET" and path.endswith("/rulesets"):
            self._answer(200, [{"id": 7, "name": "khác", "source_type": "Repository"}, {"id": 42, "name": "Bảo vệ nhánh chính"}])
        elif self.command == "GET" and path.endswith("/pages"):
            self._answer(404, {"message": "Not Found"})
        elif self.command == "GET" and "/teams/" in path:
            self._answer(200, {"slug": "a"}) if path.endswith("/a-duyet") else self._answer(404, {"message": "Not Found"})
        else:
            self._answer(204 if self.command == "PUT" else 201, None if self.command == "PUT" else {})

    do_GET = do_POST = do_PUT = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_github() -> Iterator[str]:
    _FakeGitHub.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_apply_updates_what_exists_and_creates_the_rest(
    settings: ModuleType, fake_github: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    teams = [settings.Team("o", "a-duyet", "approvers", ("a",)), settings.Team("o", "a-nop", "submitters", ("a",))]
    calls = settings.plan("o", "r", teams, create_teams=True)
    settings.apply(settings.Client("t0ken", api=fake_github), calls)
    made = [(method, path) for method, path, _ in _FakeGitHub.calls if method != "GET"]
    assert ("PUT", "/repos/o/r/rulesets/42") in made and ("POST", "/repos/o/r/rulesets") not in made
    assert ("POST", "/repos/o/r/pages") in made  # Pages not enabled yet: created
    assert ("PUT", "/repos/o/r/actions/permissions/workflow") in made
    created = [body["name"] for method, path, body in _FakeGitHub.calls if method == "POST" and path == "/orgs/o/teams"]
    assert created == ["a-nop"]  # a-duyet exists
    assert ("PUT", "/orgs/o/teams/a-duyet/repos/o/r") in made and ("PUT", "/orgs/o/teams/a-nop/repos/o/r") in made
    ruleset = next(body for method, path, body in _FakeGitHub.calls if path == "/repos/o/r/rulesets/42")
    assert ruleset == settings.ruleset_payload()
