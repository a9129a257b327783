"""The escaping functions of :mod:`site_gen.escape`, each read back by an implementation the tool did not write.

GitHub workflow commands are read by a port of the runner's own parser
(tests/runner_commands.py); GitHub Markdown is rendered by cmark-gfm, GitHub's
own implementation (tests/gfm.py). Every payload of tests/payloads.py goes
into every position.
"""

from __future__ import annotations

import pytest

from site_gen.escape import github_command, github_log, markdown_inline
from site_gen.problems import Problem, Severity, make
from site_gen.report import github, summary_text
from tests.gfm import assert_inert, render
from tests.payloads import PAYLOADS
from tests.runner_commands import DOTNET_SPACE, Command, lines, run

# -- workflow commands (--format github) -----------------------------------------------------

# The issue's examples: record text with a blank line, a file name holding a command of its own.
ISSUE_EXAMPLES = (
    "Ghi chú đầu\n\n::error file=submissions/gia.yaml,line=1::Lỗi giả",
    "a.yaml\n\n::error title=giả::x\n::add-mask::ghp_secret",
)
GITHUB_PAYLOADS = ISSUE_EXAMPLES + PAYLOADS


def annotations(value: str) -> list[Problem]:
    """Problems that carry ``value`` in each place an annotation shows: file name, message, both, with and without a line."""
    return [
        make(value, "yaml.syntax", Severity.ERROR, "", 3, 7, detail="x"),
        make("submissions/ban-tckt/a.yaml", "yaml.syntax", Severity.ERROR, "", 2, 1, detail=value),
        make(value, "yaml.syntax", Severity.WARNING, "", 0, 0, detail=value),
        make(f"submissions/{value}/b.yaml", "file.bom", Severity.ERROR),
    ]


def expected(problem: Problem) -> Command:
    from site_gen.catalogue import render as words

    title, message = words(problem, "vi")
    props = [("file", problem.file)]
    if problem.line:
        props += [("line", str(problem.line)), ("col", str(problem.column))]
    props.append(("title", f"[{problem.code}] {title}"))
    return Command("error" if problem.severity is Severity.ERROR else "warning", tuple(props), message)


@pytest.mark.parametrize("value", GITHUB_PAYLOADS, ids=range(len(GITHUB_PAYLOADS)))
def test_github_output_runs_exactly_the_intended_commands(value: str) -> None:
    problems = annotations(value)
    output = github(problems, 12, "vi")
    log = run(output)
    assert log.commands == [expected(p) for p in problems]
    assert not log.stopped  # later steps' commands still work
    # the summary is printed as it is, after the annotations
    shown = [line for line in lines(output) if not line.startswith("::")]
    assert shown == summary_text(problems, 12, "vi").splitlines()


@pytest.mark.parametrize("value", GITHUB_PAYLOADS, ids=range(len(GITHUB_PAYLOADS)))
def test_every_value_of_a_command_comes_back_whole(value: str) -> None:
    # the runner trims the end of the property list: the last value keeps no trailing white space
    properties = [("file", value), ("line", "4"), ("title", value.rstrip(DOTNET_SPACE))]
    line = github_command("warning", properties, value)
    assert lines(line) == [line]
    assert run(line).commands == [Command("warning", tuple(properties), value)]


@pytest.mark.parametrize("value", GITHUB_PAYLOADS, ids=range(len(GITHUB_PAYLOADS)))
def test_free_text_in_the_log_runs_no_command(value: str) -> None:
    printed = github_log(value) + github_command("notice", [], "sau")
    log = run(printed)
    assert log.commands == [Command("notice", (), "sau")] and not log.stopped


def test_the_old_code_printed_commands_of_its_own() -> None:
    # what the runner does with a text that is not escaped: the reason for all of the above
    assert run("::warning::a\n\n::error file=x::b\n").commands[1] == Command("error", (("file", "x"),), "b")
    assert run("Tổng hợp ##[add-mask]bí mật\n").commands == [Command("add-mask", (), "bí mật")]


# -- GitHub Markdown ------------------------------------------------------------------------------

# Every kind of place a text takes in the tool's Markdown.
CONTEXTS = {
    "paragraph": "Trước {} sau.\n",
    "line start": "{}\n",
    "list item": "- {}\n- mục sau\n",
    "ordered item": "1. {}\n",
    "strong": "**Mục {}**: nội dung\n",
    "heading": "### {} (2)\n\nđoạn\n",
    "table cell": "| Mục | Nội dung |\n| --- | --- |\n| {} | x |\n| y | z |\n",
    "code tags": "- <code>{}</code> (mới): x\n",
    "html block": "<details open><summary>{} — <code>{}</code></summary>\n\n| a |\n| --- |\n| b |\n\n</details>\n",
    "after a quote": '**Ngày**: đã ghi "{}". Hãy sửa.\n',
}


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_markdown_inline_is_inert_everywhere(context: str, payload: str) -> None:
    template = CONTEXTS[context]
    assert_inert(lambda text: template.replace("{}", markdown_inline(text)), payload, whole_value=True)


def test_the_old_escaping_let_links_and_blocks_through() -> None:
    # the issue's examples, rendered as GitHub renders them when only backslashes and < > are escaped
    page = render("Trước \\\\[bấm\\\\](javascript:alert(1)) sau.\n")
    assert ("start", "a", (("href", "javascript:alert(1)"),)) in page.tags
    page = render("- `a.yaml\n\n<img src=x onerror=alert(1)>` (mới)\n")
    assert any(tag[1] == "img" for tag in page.tags)
