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


def _lookup(context: dict[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return ""
    return value


def _expression(text: str, context: dict[str, Any], failed: bool) -> Any:
    """A small evaluator for the expressions these workflows use: paths, ==, !=, &&, ||, !, status functions."""
    tokens = re.findall(r"'[^']*'|[A-Za-z_][\w.-]*(?:\(\))?|==|!=|&&|\|\||!|\(|\)|\d+", text)
    python = []
    for token in tokens:
        if token == "&&":
            python.append(" and ")
        elif token == "||":
            python.append(" or ")
        elif token == "!":
            python.append(" not ")
        elif token in ("==", "!=", "(", ")") or token.isdigit():
            python.append(token)
        elif token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif token in ("cancelled()",):
            python.append("False")
        elif token in ("always()",):
            python.append("True")
        elif token == "success()":
            python.append(repr(not failed))
        elif token == "failure()":
            python.append(repr(failed))
        else:
            value = _lookup(context, token)
            python.append(repr(value if isinstance(value, (str, int, bool)) else str(value)))
    return eval("".join(python), {"__builtins__": {}}, {})  # noqa: S307 - tokens above, no names


def substitute(text: str, context: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        value = _expression(match.group(1), context, False)
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
            should = bool(_expression(text, context, failed))
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
