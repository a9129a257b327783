"""``site-gen check`` reports for GitHub: workflow commands read back by the runner's parser, the job summary
rendered by GitHub's Markdown, both whatever the records and their file names hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_gen.escape import utf8_length
from site_gen.problems import Problem, Severity, make
from site_gen.report import SUMMARY_LIMIT, markdown
from tests.conftest import Runner, make_repo
from tests.gfm import assert_inert, closing, render
from tests.payloads import PAYLOADS
from tests.runner_commands import Command, run

HOSTILE_NAME = "submissions/ban-tckt/can-bo/a\n\n::error title=giả::x.yaml"
HOSTILE_CADRE = """kind: cadre
id: a
name: Ghi chú
unit: ban-tckt
post: X
role_group: specialist
memberships: [staff]
bad_key: 1
"""


@pytest.fixture
def run_cli(run: Runner) -> Runner:
    return run


def test_check_github_prints_only_the_annotations_of_the_problems(tmp_path: Path, run_cli: Runner) -> None:
    # the examples: a record's text with a blank line, a file name holding "\n\n::error …"
    root = make_repo(tmp_path / "repo")
    (root / HOSTILE_NAME).write_text(HOSTILE_CADRE, encoding="utf-8")
    cadre = root / "submissions/ban-tckt/can-bo/tran-thi-mai.yaml"
    text = cadre.read_text(encoding="utf-8").replace("role_group: specialist", 'role_group: "x\\n\\n::add-mask::bí mật"')
    cadre.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("check", "--root", str(root), "--no-cache", "--format", "github")
    _, listed, _ = run_cli("check", "--root", str(root), "--no-cache", "--format", "json")
    assert code == 1
    problems = json.loads(listed)["problems"]
    assert {p["file"] for p in problems} == {HOSTILE_NAME, "submissions/ban-tckt/can-bo/tran-thi-mai.yaml"}
    log = run(out)
    assert not log.stopped
    assert log.commands == [
        Command(
            p["severity"],
            (("file", p["file"]), ("line", str(p["line"])), ("col", str(p["column"])), ("title", f"[{p['code']}] {p['title']}")),
            p["message"],
        )
        for p in problems
    ]


# -- the job summary (check --summary, --format markdown) ----------------------------------------


def problems_with(value: str, where: str) -> list[Problem]:
    file = f"submissions/ban-tckt/{value}.yaml" if where in ("file", "both") else "submissions/ban-tckt/a.yaml"
    detail = value if where in ("message", "both") else "x"
    return [
        make(file, "yaml.syntax", Severity.ERROR, "", 3, 1, detail=detail),
        make(file, "yaml.syntax", Severity.WARNING, "", 0, 0, detail=detail),
        make("submissions/ban-tckt/b.yaml", "file.bom", Severity.ERROR),
    ]


@pytest.mark.parametrize("where", ["file", "message", "both"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_the_job_summary_shows_every_text_inert(payload: str, where: str) -> None:
    assert_inert(lambda value: markdown(problems_with(value, where), 5, "vi"), payload)


def test_a_huge_job_summary_is_cut_between_files_under_the_limit() -> None:
    problems = [
        make(f"submissions/đơn-vị-{n:05}/báo-cáo.yaml", "yaml.syntax", Severity.ERROR, "", n % 90 + 1, 1, detail="Ngữ " * 40)
        for n in range(12_000)
    ]
    full, cut = markdown(problems, 12_000, "vi", limit=10**9), markdown(problems, 12_000, "vi")
    assert utf8_length(full) > SUMMARY_LIMIT >= utf8_length(cut)
    assert cut.endswith("\n\n> Báo cáo quá dài nên đã dừng ở đây; chạy site-gen check trên máy để xem toàn bộ.\n")
    kept = cut.rsplit("\n\n> ", 1)[0]
    assert full.startswith(kept) and full[len(kept)] == "\n"  # whole lines of the full report
    whole, part = render(full), render(cut)
    assert closing(whole.tags, part.tags[: part.tags.index(("start", "blockquote", ()))])
