"""Apply the repository settings of docs/quan-tri-kho.md through GitHub's REST API.

    GITHUB_TOKEN=… python tools/github_settings.py --repo OWNER/NAME [--dry-run] [--create-teams]

Python's standard library only (urllib, json), so an administrator can run it
anywhere. Every step is idempotent; run it again after a change to the
register of units:

1. the ruleset of the main branch, found by name, created (POST) or updated
   (PUT): pull request with a code-owner review, one approval, stale
   approvals dismissed, the last push approved by someone else; the required
   status check "Kiểm tra hồ sơ" (the ``check`` job of .github/workflows/pr.yml)
   on the latest base; no force push, no deletion; nobody may bypass it;
2. GitHub Pages built by GitHub Actions (``build_type: workflow``);
3. the workflows' token read-only by default, unable to approve pull requests;
4. Dependabot alerts and security updates;
5. with ``--create-teams``: every team the register names (approvers
   ``-duyet``, submitters ``-nop``) and the organisation's maintainers,
   created when missing, and each given its permission on the repository.
   Without it, the permissions of existing teams are still set.

``--dry-run`` prints each call (method, endpoint, JSON body) and touches no
network; no token is needed. The token needs the repository's administration
(and, for teams, the organisation's members) permission.

The teams are read from the register (``submissions/<register owner>/don-vi/``)
and the organisation record (``repository.maintainers``) with a reader of the
few keys it needs, in flow (``[…]``) or block (``- …``) form: run
``site-gen check`` first, as for every change.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

API = "https://api.github.com"
API_VERSION = "2022-11-28"
RULESET_NAME = "Bảo vệ nhánh chính"
CHECK_NAME = "Kiểm tra hồ sơ"
# The GitHub Actions app: the required check must come from a workflow, not from any app that names itself so.
ACTIONS_APP_ID = 15368
PERMISSIONS = ("pull", "triage", "push", "maintain", "admin")
ROLE_PERMISSION = {"approvers": "push", "submitters": "push", "maintainers": "maintain"}
ROLE_LABEL = {
    "approvers": "Người duyệt hồ sơ",
    "submitters": "Người nộp hồ sơ",
    "maintainers": "Bảo trì kho dữ liệu (công cụ, mẫu hồ sơ, cấu hình)",
}
TEAM_RE = re.compile(r"@([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)")


@dataclass(frozen=True)
class Call:
    """One REST call: ``alternative`` is the call made instead when the object already exists."""

    method: str
    path: str
    body: dict[str, Any] | None
    note: str
    alternative: str = ""


@dataclass(frozen=True)
class Team:
    org: str
    slug: str
    role: str
    units: tuple[str, ...]


# -- payloads (pure) ----------------------------------------------------------------------


def ruleset_payload(branch: str = "main", check: str = CHECK_NAME, name: str = RULESET_NAME) -> dict[str, Any]:
    """The body of POST/PUT /repos/{owner}/{repo}/rulesets for the main branch."""
    return {
        "name": name,
        "target": "branch",
        "enforcement": "active",
        "bypass_actors": [],
        "conditions": {"ref_name": {"include": [f"refs/heads/{branch}"], "exclude": []}},
        "rules": [
            {"type": "deletion"},
            {"type": "non_fast_forward"},
            {
                "type": "pull_request",
                "parameters": {
                    "required_approving_review_count": 1,
                    "require_code_owner_review": True,
                    "dismiss_stale_reviews_on_push": True,
                    "require_last_push_approval": True,
                    "required_review_thread_resolution": False,
                },
            },
            {
                "type": "required_status_checks",
                "parameters": {
                    "strict_required_status_checks_policy": True,
                    "required_status_checks": [{"context": check, "integration_id": ACTIONS_APP_ID}],
                },
            },
        ],
    }


def pages_payload() -> dict[str, Any]:
    """The body of POST (create) or PUT (update) /repos/{owner}/{repo}/pages: built by a workflow."""
    return {"build_type": "workflow"}


def workflow_permissions_payload(allow_pull_requests: bool = True) -> dict[str, Any]:
    """The body of PUT /repos/{owner}/{repo}/actions/permissions/workflow.

    ``can_approve_pull_request_reviews`` is the one switch behind "Allow GitHub
    Actions to create and approve pull requests": off, a workflow's token can
    neither approve nor open a pull request. It is on by default because
    issue-to-pr.yml opens the pull request of an issue form; an approval by
    github-actions[bot] is not a code owner's, so the ruleset still needs a
    reviewer of the owning team.
    """
    return {"default_workflow_permissions": "read", "can_approve_pull_request_reviews": allow_pull_requests}


def team_payload(team: Team) -> dict[str, Any]:
    """The body of POST /orgs/{org}/teams: a visible team (a secret team cannot be a code owner)."""
    units = ", ".join(team.units)
    description = f"{ROLE_LABEL[team.role]}: {units}" if units else ROLE_LABEL[team.role]
    return {"name": team.slug, "description": description[:250], "privacy": "closed"}


def team_repo_payload(permission: str) -> dict[str, Any]:
    """The body of PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}."""
    if permission not in PERMISSIONS:
        raise ValueError(permission)
    return {"permission": permission}


def find_ruleset(listing: list[dict[str, Any]], name: str = RULESET_NAME) -> int | None:
    """The id of the repository's own branch ruleset of this name in GET /repos/{owner}/{repo}/rulesets."""
    for item in listing:
        if item.get("name") == name and item.get("target", "branch") == "branch" and item.get("source_type") != "Organization":
            return int(item["id"])
    return None


# -- the register ----------------------------------------------------------------------------


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def yaml_value(text: str, key: str) -> str | None:
    """The first scalar written ``key: value`` (at any indentation) in a record, without its quotes."""
    match = re.search(rf"^\s*{re.escape(key)}:[ \t]*([^#\n]*?)[ \t]*(?:#.*)?$", text, re.MULTILINE)
    return _scalar(match.group(1)) if match and match.group(1) else None


def yaml_list(text: str, key: str) -> list[str]:
    """The list written under ``key``: ``key: [a, "b"]`` or ``key:`` followed by ``- a`` lines."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = re.match(rf"^(\s*){re.escape(key)}:[ \t]*(.*?)[ \t]*(?:#.*)?$", line)
        if not match:
            continue
        rest = match.group(2)
        if rest.startswith("["):
            inner = rest[1 : rest.rindex("]")] if "]" in rest else rest[1:]
            return [_scalar(item) for item in inner.split(",") if item.strip()]
        out = []
        for item in lines[index + 1 :]:
            block = re.match(r"^\s*-\s+(.*?)\s*(?:#.*)?$", item)
            if block is None:
                if item.strip() and not item.strip().startswith("#"):
                    break
                continue
            out.append(_scalar(block.group(1)))
        return out
    return []


def read_teams(root: Path) -> list[Team]:
    """Every team the register and the organisation record name, with its role and units, sorted."""
    organisations = sorted((root / "submissions").glob("*/to-chuc.yaml"))
    if not organisations:
        raise SystemExit(f"github_settings: không có hồ sơ tổ chức submissions/*/to-chuc.yaml trong {root}")
    org_text = organisations[0].read_text(encoding="utf-8")
    keeper = yaml_value(org_text, "register_owner") or organisations[0].parent.name
    found: dict[tuple[str, str], tuple[str, set[str]]] = {}

    def add(owner: str, role: str, unit: str) -> None:
        match = TEAM_RE.fullmatch(owner)
        if match is None:
            return  # a user, not a team
        key = (match.group(1), match.group(2))
        known_role, units = found.setdefault(key, (role, set()))
        if unit:
            units.add(unit)
        if PERMISSIONS.index(ROLE_PERMISSION[role]) > PERMISSIONS.index(ROLE_PERMISSION[known_role]):
            found[key] = (role, units)

    for owner in yaml_list(org_text, "maintainers"):
        add(owner, "maintainers", "")
    for path in sorted((root / "submissions" / keeper / "don-vi").glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        unit = yaml_value(text, "id") or path.stem
        for role in ("approvers", "submitters"):
            for owner in yaml_list(text, role):
                add(owner, role, unit)
    return [Team(org, slug, role, tuple(sorted(units))) for (org, slug), (role, units) in sorted(found.items())]


# -- the plan -----------------------------------------------------------------------------------


def plan(
    owner: str,
    repo: str,
    teams: list[Team],
    *,
    branch: str = "main",
    create_teams: bool = False,
    submitter_permission: str = "push",
    allow_actions_pull_requests: bool = True,
) -> list[Call]:
    """Every call, in order; GET calls only find what exists (for the idempotent create-or-update)."""
    base = f"/repos/{owner}/{repo}"
    calls = [
        Call("GET", f"{base}/rulesets?includes_parents=false&per_page=100", None, f'tìm bộ quy tắc "{RULESET_NAME}" theo tên'),
        Call(
            "POST",
            f"{base}/rulesets",
            ruleset_payload(branch),
            f"bộ quy tắc nhánh {branch}",
            alternative=f"PUT {base}/rulesets/{{ruleset_id}} nếu đã có",
        ),
        Call("GET", f"{base}/pages", None, "GitHub Pages đã bật chưa"),
        Call(
            "POST",
            f"{base}/pages",
            pages_payload(),
            "GitHub Pages dựng bằng GitHub Actions",
            alternative=f"PUT {base}/pages nếu đã bật",
        ),
        Call(
            "PUT",
            f"{base}/actions/permissions/workflow",
            workflow_permissions_payload(allow_actions_pull_requests),
            "quyền mặc định của workflow: chỉ đọc",
        ),
        Call("PUT", f"{base}/vulnerability-alerts", None, "cảnh báo lỗ hổng (Dependabot alerts)"),
        Call("PUT", f"{base}/automated-security-fixes", None, "cập nhật bảo mật tự động (Dependabot security updates)"),
    ]
    for team in teams:
        if team.org.lower() != owner.lower():
            continue
        if create_teams:
            calls.append(Call("GET", f"/orgs/{team.org}/teams/{team.slug}", None, f"nhóm {team.slug} đã có chưa"))
            calls.append(Call("POST", f"/orgs/{team.org}/teams", team_payload(team), f"tạo nhóm {team.slug}", "bỏ qua nếu đã có"))
        permission = submitter_permission if team.role == "submitters" else ROLE_PERMISSION[team.role]
        calls.append(
            Call(
                "PUT",
                f"/orgs/{team.org}/teams/{team.slug}/repos/{owner}/{repo}",
                team_repo_payload(permission),
                f"quyền {permission} cho nhóm {team.slug}",
            )
        )
    return calls


def render_dry_run(calls: list[Call]) -> str:
    out = []
    for call in calls:
        out.append(f"# {call.note}" + (f" ({call.alternative})" if call.alternative else ""))
        out.append(f"{call.method} {API}{call.path}")
        if call.body is not None:
            out.append(json.dumps(call.body, ensure_ascii=False, indent=2, sort_keys=True))
        out.append("")
    return "\n".join(out)


# -- the network ----------------------------------------------------------------------------------


class Client:
    def __init__(self, token: str, api: str = API) -> None:
        self.token = token
        self.api = api.rstrip("/")

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.api}{path}", data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("X-GitHub-Api-Version", API_VERSION)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            try:
                return exc.code, json.loads(raw) if raw else None
            except ValueError:
                return exc.code, raw.decode(errors="replace")


class Failed(Exception):
    pass


def _expect(call: Call, status: int, data: Any, ok: tuple[int, ...] = (200, 201, 204)) -> None:
    if status not in ok:
        detail = data.get("message", "") if isinstance(data, dict) else str(data or "")
        raise Failed(f"{call.method} {call.path}: GitHub trả lời {status} {detail}".rstrip())


def apply(client: Client, calls: list[Call]) -> None:
    """Make the calls, turning each create into an update (or a skip) when the object exists."""
    found: dict[str, Any] = {}
    for call in calls:
        if call.method == "GET":
            status, data = client.request("GET", call.path)
            if status not in (200, 404):
                _expect(call, status, data)
            found[call.path.split("?", 1)[0]] = data if status == 200 else None
            continue
        method, path = call.method, call.path
        if call.method == "POST" and call.path.endswith("/rulesets"):
            existing = find_ruleset(found.get(call.path) or [])
            if existing is not None:
                method, path = "PUT", f"{call.path}/{existing}"
        elif call.method == "POST" and call.path.endswith("/pages") and found.get(call.path) is not None:
            method = "PUT"
        elif call.method == "POST" and call.path.endswith("/teams"):
            slug = (call.body or {}).get("name", "")
            if found.get(f"{call.path}/{slug}") is not None:
                print(f"= {call.note}: đã có")
                continue
        status, data = client.request(method, path, call.body)
        _expect(Call(method, path, call.body, call.note), status, data)
        print(f"✓ {call.note} ({method} {path})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Áp dụng cài đặt kho GitHub theo docs/quan-tri-kho.md.")
    parser.add_argument("--repo", required=True, help="kho GitHub, dạng chủ/tên, ví dụ tinh-doan-binh-an/du-lieu")
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent), help="thư mục kho dữ liệu")
    parser.add_argument("--branch", default="main", help="nhánh chính (mặc định main)")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in các lời gọi và nội dung JSON, không kết nối mạng")
    parser.add_argument("--create-teams", action="store_true", help="tạo các nhóm có trong sổ đăng ký nếu chưa có")
    parser.add_argument(
        "--submitter-permission",
        choices=("pull", "triage", "push"),
        default="push",
        help="quyền của nhóm nộp: push (tạo nhánh trong kho, mặc định) hoặc pull/triage (nộp qua bản fork)",
    )
    parser.add_argument(
        "--allow-actions-pull-requests",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="cho workflow (GITHUB_TOKEN) mở pull request từ phiếu issue (mặc định: có; --no-allow-actions-pull-requests để tắt"
        " khi không dùng phiếu)",
    )
    args = parser.parse_args(argv)
    owner, _, repo = args.repo.partition("/")
    if not owner or not repo or "/" in repo:
        parser.error("--repo phải có dạng chủ/tên")
    teams = read_teams(Path(args.root))
    for team in teams:
        if team.org.lower() != owner.lower():
            print(f"github_settings: bỏ qua nhóm @{team.org}/{team.slug}: không thuộc {owner}", file=sys.stderr)
    calls = plan(
        owner,
        repo,
        teams,
        branch=args.branch,
        create_teams=args.create_teams,
        submitter_permission=args.submitter_permission,
        allow_actions_pull_requests=args.allow_actions_pull_requests,
    )
    if args.dry_run:
        sys.stdout.write(render_dry_run(calls))
        return 0
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token:
        print("github_settings: thiếu biến môi trường GITHUB_TOKEN (hoặc dùng --dry-run)", file=sys.stderr)
        return 2
    try:
        apply(Client(token), calls)
    except (Failed, urllib.error.URLError) as exc:
        print(f"github_settings: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
