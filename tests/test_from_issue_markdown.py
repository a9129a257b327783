"""What ``site-gen from-issue`` writes to GitHub (the reply on a failed issue, the pull request's body), rendered
by GitHub's own Markdown: every answer inert wherever it lands, every text under GitHub's size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

import site_gen.from_issue as module
from site_gen.escape import COMMENT_LIMIT, github_length
from site_gen.from_issue import FORM_BY_NAME, Built, Change, Issue, Section, failure_comment, from_issue, success_message
from site_gen.problems import Severity, make
from tests.conftest import snapshot
from tests.gfm import assert_inert, closing, render
from tests.payloads import PAYLOADS
from tests.test_from_issue import REGISTRATION, REPORT_Q3, render_body

FORM = FORM_BY_NAME["mau-3-bao-cao"]


def a_reply(value: str, where: str) -> str:
    """The reply to a failed issue, ``value`` at one place (``where``)."""

    def at(place: str, plain: str) -> str:
        return value if place == where else plain

    problems = [
        Issue(at("field", "Từ ngày"), at("answer quoted", "31/02/2026"), "issue.bad-date"),
        Issue("Việc đã thực hiện", "a", "issue.unknown-action", {"plan": "p", "action": at("message", "a"), "codes_list": ["b"]}),
        Issue("", "", "issue.unchecked", {"option": at("message alone", "Tôi xác nhận")}),
        Issue("Ghi chú", "", "issue.check-problem", {"message": f"Lỗi ({at('checker message', 'x')})", "code": "yaml.syntax"}),
    ]
    sections = [
        Section("", at("text before the form", "Chào anh chị")),
        Section(at("heading", "Từ ngày"), at("answer", "31/02/2026")),
        Section("Ghi chú", "_No response_"),
    ]
    return failure_comment(FORM, problems, sections, "vi")


class Units:
    """The one thing a pull request's body asks of the repository: a unit's name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def unit_name(self, ident: str) -> str:
        return self.name


def a_body(value: str, where: str) -> str:
    """The body of the pull request made from an issue, ``value`` at one place (``where``)."""

    def at(place: str, plain: str) -> str:
        return value if place == where else plain

    notes = [
        ("issue.text-approval-dropped", {"approver": at("note", "tran-thi-mai")}),
        ("issue.text-row-replaced", {"row": 2, "path": at("note path", "submissions/a.yaml")}),
    ]
    built = Built(
        "registration",
        at("unit id", "ban-tckt"),
        Change(at("path", "submissions/ban-tckt/dang-ky/2026/a.yaml"), "", True, notes),
        ("issue.title-registration", {"year": 2026, "cadre_name": at("title", "Trần Thị Mai")}),
        "slug",
        [(at("field name", "Ghi chú"), at("field value", "Không"))],
        [["1", at("row cell", "1.1"), "30", "07/04/2026", "17/05/2026", "xa-hoa-hiep"]],
    )
    warnings = [
        make(at("warning file", "submissions/a.yaml"), "yaml.syntax", Severity.WARNING, "", 3, 1, detail=at("warning", "x"))
    ]
    return success_message(built, warnings, 12, "vanthu", Units(at("unit name", "Ban Tổ chức")), "vi")  # type: ignore[arg-type]


REPLY_PLACES = [
    "field",
    "answer quoted",
    "message",
    "message alone",
    "checker message",
    "text before the form",
    "heading",
    "answer",
]
BODY_PLACES = [
    "note",
    "note path",
    "unit id",
    "path",
    "title",
    "field name",
    "field value",
    "row cell",
    "warning file",
    "warning",
]
BODY_PLACES.append("unit name")
PLACES = [("reply", place) for place in REPLY_PLACES] + [("body", place) for place in BODY_PLACES]


@pytest.mark.parametrize(("output", "where"), PLACES, ids=[f"{o}-{w}" for o, w in PLACES])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_every_answer_is_inert_in_the_reply_and_the_body(payload: str, output: str, where: str) -> None:
    build = a_reply if output == "reply" else a_body
    assert_inert(lambda value: build(value, where), payload)


# The issue's example: answers quoted back raw (a live <img>, @team, #1, a javascript: link), read for real.
ANSWERS = {
    "cadre": "@tinh-doan-binh-an/ban-tckt-duyet <img src=x onerror=alert(1)>",
    "activity": "Xem #1 và [tài liệu](javascript:alert(1)) \\[bấm\\](javascript:alert(2))\n\n<img src=y>",
    "days": "hai ngày @admin",
}


def test_the_reply_to_a_real_issue_links_and_pings_nothing(project: Path) -> None:
    outcome = from_issue(project, render_body("mau-3-bao-cao", {**REPORT_Q3, **ANSWERS}), ["mau-3-bao-cao"], 7, "x")
    assert not outcome.ok
    page = render(outcome.message)
    assert {tag[1] for tag in page.tags} <= {"h3", "p", "ol", "li", "strong", "details", "summary", "br"}
    assert page.references == []
    for answer in ANSWERS.values():
        assert " ".join(answer.split()) in page.text  # still shown, zero-width spaces aside


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("snapshot"))


# -- GitHub's size limit -----------------------------------------------------------------------------

# The issue's example: a 61,000-character issue body gave a 236,000-character reply.
HUGE_ROWS = "9.9 | hai | 31/02/2026 | x | Đoàn xã Tân Lập, ấp Rạch Sơn\n" * 1_100
NOTE_REPLY = "các câu trả lời đầy đủ vẫn còn nguyên trong nội dung issue.\n"
NOTE_BODY = "xem toàn bộ hồ sơ trong thẻ Files changed của pull request.\n"


def huge_reply(project: Path) -> str:
    body = render_body("mau-1-dang-ky", {**REGISTRATION, "rows": HUGE_ROWS})
    assert len(body) > 61_000
    return from_issue(project, body, ["mau-1-dang-ky"], 7, "x").message


def huge_body(project: Path) -> str:
    rows = [[str(n), "1.1", "2", "07/04/2026", "08/04/2026", "Đoàn xã Tân Lập (xa-tan-lap) – ấp Rạch Sơn"] for n in range(3_000)]
    change = Change("submissions/ban-tckt/dang-ky/2026/a.yaml", "", True)
    built = Built(
        "registration", "ban-tckt", change, ("issue.title-registration", {"year": 2026, "cadre_name": "A"}), "s", [], rows
    )
    return success_message(built, [], 12, "vanthu", Units("Ban Tổ chức"), "vi")  # type: ignore[arg-type]


@pytest.mark.parametrize(("make_text", "note"), [(huge_reply, NOTE_REPLY), (huge_body, NOTE_BODY)], ids=["reply", "body"])
def test_a_huge_reply_or_body_is_cut_under_githubs_limit(project: Path, monkeypatch: pytest.MonkeyPatch, make_text, note) -> None:  # type: ignore[no-untyped-def]
    cut = make_text(project)
    monkeypatch.setattr(module, "bound_markdown", lambda text, *args, **kwargs: text)
    full = make_text(project)
    assert github_length(full) > COMMENT_LIMIT >= github_length(cut) and len(cut) <= 65_536
    assert cut.endswith(note) and cut.encode("utf-8").decode("utf-8") == cut
    kept = cut.rsplit("\n\n> ", 1)[0].removesuffix("\n\n</details>")
    assert full.startswith(kept) and full[len(kept)] == "\n"  # whole lines: no row, item or code span cut
    whole, part = render(full), render(cut)
    assert closing(whole.tags, part.tags[: part.tags.index(("start", "blockquote", ()))])
    assert {tuple(row) for row in part.rows} <= {tuple(row) for row in whole.rows}  # every table row whole
