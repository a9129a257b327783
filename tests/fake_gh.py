"""A stand-in for the GitHub CLI, for rehearsing workflows on a machine that cannot reach GitHub.

It answers the few ``gh`` commands the workflows use from a JSON state file
(``FAKE_GH_STATE``): pull requests, issue and pull-request comments, and a
log of every call. ``--jq`` filters run through the real ``jq``. Anything
it does not know fails loudly, so a workflow that starts using another
command fails the rehearsal instead of passing by accident.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

STATE = Path(os.environ["FAKE_GH_STATE"])
BOT = "github-actions[bot]"


def load() -> dict[str, Any]:
    if STATE.exists():
        return dict(json.loads(STATE.read_text(encoding="utf-8")))
    return {"pulls": {}, "comments": [], "calls": [], "next_id": 1000, "dispatches": []}


def save(state: dict[str, Any]) -> None:
    STATE.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")


def option(args: list[str], name: str, default: str | None = None) -> str | None:
    if name in args:
        return args[args.index(name) + 1]
    return default


def fields(args: list[str]) -> dict[str, str]:
    out = {}
    for index, arg in enumerate(args):
        if arg in ("-F", "-f", "--field", "--raw-field"):
            key, _, value = args[index + 1].partition("=")
            if arg in ("-F", "--field") and value.startswith("@"):
                value = Path(value[1:]).read_text(encoding="utf-8")
            out[key] = value
    return out


def emit(value: Any, jq: str | None) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if jq is None:
        print(text)
        return
    done = subprocess.run(["jq", "-r", jq], input=text, capture_output=True, text=True, check=True)
    sys.stdout.write(done.stdout)


def api(state: dict[str, Any], args: list[str]) -> int:
    path = next(a for a in args if a.startswith("repos/"))
    parts = path.split("/")
    given = fields(args)
    method = option(args, "--method", "POST" if given else "GET")
    jq = option(args, "--jq")
    if method == "GET" and parts[3] == "pulls":
        pull = state["pulls"][parts[4]]
        emit({"number": int(parts[4]), "head": {"sha": pull["head_sha"], "ref": pull["head"]}}, jq)
        return 0
    if method == "GET" and parts[3] == "issues" and parts[5] == "comments":
        mine = [c for c in state["comments"] if c["issue"] == int(parts[4])]
        emit([{"id": c["id"], "user": {"login": c["user"]}, "body": c["body"]} for c in mine], jq)
        return 0
    if method == "POST" and parts[3] == "issues" and parts[5] == "comments":
        state["next_id"] += 1
        state["comments"].append({"id": state["next_id"], "issue": int(parts[4]), "user": BOT, "body": given["body"]})
        return 0
    if method == "PATCH" and parts[3] == "issues" and parts[4] == "comments":
        comment = next(c for c in state["comments"] if c["id"] == int(parts[5]))
        comment["body"] = given["body"]
        return 0
    print(f"fake gh: api {method} {path} is not rehearsed", file=sys.stderr)
    return 2


def pr(state: dict[str, Any], args: list[str]) -> int:
    action = args[0]
    if action == "list":
        head = option(args, "--head")
        found = [
            {"number": int(n), "url": p["url"]} for n, p in state["pulls"].items() if p["head"] == head and p["state"] == "open"
        ]
        emit(found, option(args, "--jq"))
        return 0
    if action == "create":
        number = str(100 + len(state["pulls"]) + 1)
        body_file = option(args, "--body-file")
        url = f"https://github.com/{option(args, '--repo')}/pull/{number}"
        state["pulls"][number] = {
            "head": option(args, "--head"),
            "base": option(args, "--base"),
            "title": option(args, "--title"),
            "body": Path(body_file).read_text(encoding="utf-8") if body_file else option(args, "--body"),
            "head_sha": os.environ.get("FAKE_GH_HEAD_SHA", ""),
            "state": "open",
            "url": url,
        }
        print(url)
        return 0
    if action == "edit":
        target = args[1]
        number = target.rsplit("/", 1)[-1]
        body_file = option(args, "--body-file")
        if body_file:
            state["pulls"][number]["body"] = Path(body_file).read_text(encoding="utf-8")
        if option(args, "--title"):
            state["pulls"][number]["title"] = option(args, "--title")
        return 0
    print(f"fake gh: pr {action} is not rehearsed", file=sys.stderr)
    return 2


def issue(state: dict[str, Any], args: list[str]) -> int:
    if args[0] == "comment":
        body_file = option(args, "--body-file")
        body = Path(body_file).read_text(encoding="utf-8") if body_file else option(args, "--body")
        state["next_id"] += 1
        state["comments"].append({"id": state["next_id"], "issue": int(args[1]), "user": BOT, "body": body})
        return 0
    print(f"fake gh: issue {args[0]} is not rehearsed", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    state = load()
    state["calls"].append(argv)
    if not os.environ.get("GH_TOKEN"):
        print("fake gh: GH_TOKEN is not set (the workflow must pass the token through env:)", file=sys.stderr)
        save(state)
        return 4
    command, rest = argv[0], argv[1:]
    if command == "api":
        code = api(state, rest)
    elif command == "pr":
        code = pr(state, rest)
    elif command == "issue":
        code = issue(state, rest)
    elif command == "auth" and rest[:1] == ["setup-git"]:
        code = 0
    elif command == "workflow" and rest[:1] == ["run"]:
        state["dispatches"].append({"workflow": rest[1], "ref": option(rest, "--ref")})
        code = 0
    else:
        print(f"fake gh: {' '.join(argv)} is not rehearsed", file=sys.stderr)
        code = 2
    save(state)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
