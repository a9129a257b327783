"""Run the ``run:`` steps of a GitHub workflow job here, as the runner would.

GitHub cannot be reached from this machine, so the rehearsal runs the steps'
own commands, read from the workflow files (not copied into the tests):
``${{ … }}`` in ``env:`` is filled from an event payload, ``if:`` conditions
are evaluated, each script runs under ``bash -eo pipefail`` (GitHub's
default shell) with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP and the
rest set. ``uses:`` steps are the runner's business: checkout is the clone
the test made, setup-python and the install step are the project's .venv on
PATH, artifact uploads are checked to have something to upload. ``gh`` is
a stand-in (tests/fake_gh.py) that keeps what a pull request or issue would
receive.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Step:
    name: str
    ran: bool
    code: int = 0
    stdout: str = ""
    stderr: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class JobRun:
    steps: list[Step]
    summary: str

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    @property
    def failed(self) -> bool:
        return any(s.ran and s.code != 0 for s in self.steps)


def load_workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key "on" as true
        data["on"] = data.pop(True)
    return dict(data)


_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||[!(),.*\[\]<>])|(?P<name>[A-Za-z_][\w-]*))"
)


def _tokens(text: str) -> list[tuple[str, str]]:
    out, at = [], 0
    text = text.strip()
    while at < len(text):
        match = _TOKEN.match(text, at)
        if not match or match.end() == at:
            raise ValueError(f"cannot read expression at {text[at:]!r}")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        at = match.end()
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()  # GitHub compares strings ignoring case
    return bool(a == b)


class _Parser:
    """GitHub's expression language, as much as the workflows use: paths with .* filters, literals,
    ==, !=, !, &&, ||, parentheses, and the functions contains, startsWith, endsWith, fromJSON, toJSON,
    join, and the status functions."""

    def __init__(self, text: str, context: dict[str, Any], failed: bool) -> None:
        self.tokens = _tokens(text)
        self.at = 0
        self.context = context
        self.failed = failed

    def peek(self) -> str:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> tuple[str, str]:
        token = self.tokens[self.at]
        if expected is not None and token[1] != expected:
            raise ValueError(f"expected {expected!r}, found {token[1]!r}")
        self.at += 1
        return token

    def parse(self) -> Any:
        value = self.or_()
        if self.at != len(self.tokens):
            raise ValueError(f"unexpected {self.peek()!r}")
        return value

    def or_(self) -> Any:
        value = self.and_()
        while self.peek() == "||":
            self.take()
            right = self.and_()
            value = value or right
        return value

    def and_(self) -> Any:
        value = self.not_()
        while self.peek() == "&&":
            self.take()
            right = self.not_()
            value = value and right
        return value

    def not_(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not self.not_()
        return self.compare()

    def compare(self) -> Any:
        value = self.primary()
        if self.peek() in ("==", "!="):
            op = self.take()[1]
            right = self.primary()
            return _same(value, right) if op == "==" else not _same(value, right)
        return value

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "str":
            return text[1:-1].replace("''", "'")
        if kind == "num":
            return float(text) if "." in text else int(text)
        if text == "(":
            value = self.or_()
            self.take(")")
            return value
        if kind != "name":
            raise ValueError(f"unexpected {text!r}")
        if text in ("true", "false"):
            return text == "true"
        if text == "null":
            return None
        if self.peek() == "(":
            self.take("(")
            args = []
            while self.peek() != ")":
                args.append(self.or_())
                if self.peek() == ",":
                    self.take(",")
            self.take(")")
            return self.call(text, args)
        return self.path(text)

    def path(self, first: str) -> Any:
        value: Any = self.context.get(first, "")
        spread = False
        while self.peek() in (".", "["):
            if self.take()[1] == "[":
                key = self.or_()
                self.take("]")
            else:
                key = self.take()[1]
            if key == "*":
                value = list(value.values()) if isinstance(value, dict) else list(value or [])
                spread = True
                continue
            if spread:
                value = [item.get(key) if isinstance(item, dict) else None for item in value]
            elif isinstance(value, dict):
                value = value.get(key, "")
            elif isinstance(value, list) and isinstance(key, int):
                value = value[key] if key < len(value) else ""
            else:
                value = ""
        return value

    def call(self, name: str, args: list[Any]) -> Any:
        lowered = name.lower()
        if lowered == "contains":
            haystack, needle = args
            if isinstance(haystack, list):
                return any(_same(item, needle) for item in haystack)
            return str(needle).lower() in str(haystack).lower()
        if lowered == "startswith":
            return str(args[0]).lower().startswith(str(args[1]).lower())
        if lowered == "endswith":
            return str(args[0]).lower().endswith(str(args[1]).lower())
        if lowered == "fromjson":
            return json.loads(args[0])
        if lowered == "tojson":
            return json.dumps(args[0], indent=2)
        if lowered == "join":
            separator = args[1] if len(args) > 1 else ","
            return separator.join(str(v) for v in args[0]) if isinstance(args[0], list) else str(args[0])
        if lowered == "cancelled":
            return False
        if lowered == "always":
            return True
        if lowered == "success":
            return not self.failed
        if lowered == "failure":
            return self.failed
        raise ValueError(f"function {name} is not rehearsed")


def expression(text: str, context: dict[str, Any], failed: bool) -> Any:
    return _Parser(text, context, failed).parse()


def substitute(text: str, context: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        value = expression(match.group(1), context, False)
        return "" if value is None else str(value)

    return EXPRESSION.sub(one, text)


def run_job(
    workflow: str,
    job_id: str,
    workdir: Path,
    context: dict[str, Any],
    env: dict[str, str],
    temp: Path,
    skip_ids: tuple[str, ...] = ("install",),
) -> JobRun:
    job = load_workflow(workflow)["jobs"][job_id]
    temp.mkdir(parents=True, exist_ok=True)
    summary = temp / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    steps_ctx: dict[str, Any] = {}
    context = {**context, "steps": steps_ctx}
    results: list[Step] = []
    failed = False
    bin_dir = Path(sys.executable).parent
    for index, spec in enumerate(job["steps"]):
        name = spec.get("name") or spec.get("uses", f"step {index}")
        ident = spec.get("id", f"__{index}")
        condition = spec.get("if")
        if condition is not None:
            text = EXPRESSION.sub(lambda m: m.group(1), str(condition))
            should = bool(expression(text, context, failed))
        else:
            should = not failed
        if not should:
            results.append(Step(name, ran=False))
            steps_ctx[ident] = {"outcome": "skipped", "outputs": {}}
            continue
        if ident in skip_ids or "uses" in spec:
            # the runner's part: checkout = the test's clone, setup-python and install = .venv on PATH
            code = 0
            uses = spec.get("uses", "")
            if uses.startswith(("actions/upload-artifact@", "actions/upload-pages-artifact@")):
                target = workdir / str(spec["with"]["path"])
                code = 0 if target.exists() and any(target.iterdir()) else 1
            results.append(Step(name, ran=True, code=code))
            steps_ctx[ident] = {"outcome": "success" if code == 0 else "failure", "outputs": {}}
            failed = failed or code != 0
            continue
        assert "pip install" not in spec["run"], (
            f"{workflow}: give the install step id: install (the test's .venv stands in for it)"
        )
        output = temp / f"output-{index}"
        output.write_text("", encoding="utf-8")
        step_env = {key: substitute(str(value), context) for key, value in (spec.get("env") or {}).items()}
        full_env = {
            **os.environ,
            **env,
            "PATH": f"{env.get('EXTRA_PATH', '')}:{bin_dir}:{os.environ['PATH']}".lstrip(":"),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_WORKSPACE": str(workdir),
            "RUNNER_TEMP": str(temp),
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            **step_env,
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", spec["run"]],
            cwd=workdir,
            env=full_env,
            capture_output=True,
            text=True,
        )
        outputs = _read_outputs(output.read_text(encoding="utf-8"))
        results.append(Step(name, True, done.returncode, done.stdout, done.stderr, outputs))
        steps_ctx[ident] = {"outcome": "success" if done.returncode == 0 else "failure", "outputs": outputs}
        failed = failed or done.returncode != 0
    return JobRun(results, summary.read_text(encoding="utf-8"))


def _read_outputs(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT lines: name=value, or name<<DELIMITER … DELIMITER."""
    outputs: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            outputs[key] = "\n".join(lines[index + 1 : end])
            index = end + 1
            continue
        if "=" in line:
            key, value = line.split("=", 1)
            outputs[key] = value
        index += 1
    return outputs
