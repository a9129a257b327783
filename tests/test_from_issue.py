"""``site-gen from-issue``: issue forms in, records (or a comment saying what to fix) out.

Every test works on a copy of the project (``snapshot``), never on the
project's own ``submissions/``. Bodies are built from the real templates in
``.github/ISSUE_TEMPLATE/`` exactly as GitHub renders an issue form, so the
forms and the parser cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_gen.catalogue import CATALOGUE
from site_gen.from_issue import (
    FORM_BY_NAME,
    FORMS,
    Invalid,
    edit_list,
    fold,
    from_issue,
    github_output_lines,
    item_markers,
    parse_date,
    parse_days,
    parse_quarter,
)
from site_gen.loader import load_bytes
from tests.conftest import ROOT, Runner, snapshot
from tests.gfm import render

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
TODAY = dt.date(2026, 11, 22)

# -- the templates and GitHub's rendering ---------------------------------------------------


def template(name: str) -> dict[str, Any]:
    data = yaml.safe_load((TEMPLATES / FORM_BY_NAME[name].template).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def render_body(name: str, answers: dict[str, Any]) -> str:
    """The issue body as GitHub renders an issue form: ``### label``, a blank line, the answer."""
    parts = []
    for element in template(name)["body"]:
        if element["type"] == "markdown":
            continue
        ident, attributes = element["id"], element["attributes"]
        if element["type"] == "checkboxes":
            ticks = answers.get(ident, [True] * len(attributes["options"]))
            value = "\n".join(
                f"- [{'X' if tick else ' '}] {option['label']}" for option, tick in zip(attributes["options"], ticks, strict=True)
            )
        else:
            value = answers.get(ident) or "_No response_"
            if element["type"] == "dropdown" and ident in answers and answers[ident]:
                assert answers[ident] in attributes["options"], f"{answers[ident]!r} is not an option of {ident}"
        parts.append(f"### {attributes['label']}\n\n{value}")
    return "\n\n".join(parts)


REGISTRATION = {
    "cadre": "Trần Thị Mai",
    "plan": "2026",
    "rows": (
        "1.1 | 30 ngày | 7/4/2026 | 17/05/2026 | Đoàn xã Hòa Lập | Ấp Rạch Sơn | Cùng ăn, cùng ở, cùng làm\n"
        "1.1 | 30 | 2026-07-02 | 08/08/2026 | xa-son-lam\n"
        "1.5 | 1 | 04/10/2026 | 04/10/2026 | doan-khoi-co-quan"
    ),
    "submitted": "10/02/2026",
}
REPORT_Q3 = {
    "unit": "Ban Tổ chức – Kiểm tra Tỉnh đoàn",
    "plan": "2026",
    "quarter": "Quý III",
    "cadre": "tran-thi-mai",
    "category": "1.5",
    "activity": "Dự sinh hoạt chi đoàn ấp Tân Định",
    "days": "2 ngày",
    "from": "14/09/2026",
    "to": "15/09/2026",
    "places": "Đoàn xã Hòa Lập",
    "achievements": "Chi đoàn sinh hoạt đều, 25 đoàn viên tham dự.",
    "submitted": "20/09/2026",
}
REPORT_Q4 = {
    **REPORT_Q3,
    "quarter": "Quý IV",
    "days": "1",
    "from": "04/10/2026",
    "to": "04/10/2026",
    "places": "doan-khoi-co-quan",
    "place": "Chi đoàn Kho bạc Nhà nước tỉnh",
    "limitations": "Chưa có kế hoạch sinh hoạt chủ điểm.",
    "submitted": "",
}
DOCUMENTS = {"plan": "2025", "unit": "Đoàn xã Bình Sơn", "received": "11/11/2025"}
REMEDIATION = {
    "unit": "Văn phòng",
    "plan": "2025",
    "shortcoming": "kd1",
    "actions": "nhom-1-3",
    "status": "Đang khắc phục",
    "cadence": "Quý",
    "from": "01/10/2025",
    "to": "31/12/2025",
    "submitted": "05/01/2026",
    "done": "Đã theo dõi tiến độ các chỉ tiêu quý IV.\nBáo cáo Thường trực ngày 28/12.",
}

# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("snapshot"))


@pytest.fixture
def repo(project: Path, tmp_path: Path) -> Path:
    """A fresh copy of the snapshot's data repository for one test."""
    root = tmp_path / "repo"
    for name in ("schemas", "submissions", ".github"):
        shutil.copytree(project / name, root / name)
    return root


def digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def submit(
    run: Runner,
    repo: Path,
    body: str,
    labels: str = "",
    issue: int | None = 7,
    *extra: str,
) -> tuple[int, str, dict[str, str]]:
    """Run ``site-gen from-issue``: exit code, message, GitHub outputs."""
    work = repo.parent
    (work / "body.md").write_text(body, encoding="utf-8")
    message, output = work / "message.md", work / "output.txt"
    output.write_text("", encoding="utf-8")
    argv = ["from-issue", str(work / "body.md"), "--root", str(repo), "--message-file", str(message)]
    argv += ["--github-output", str(output), "--author", "bi-thu-xa", *extra]
    if labels:
        argv += ["--labels", labels]
    if issue is not None:
        argv += ["--issue", str(issue)]
    code, _, err = run(*argv)
    assert not err, err
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return code, message.read_text(encoding="utf-8"), outputs


def record(repo: Path, relative: str) -> dict[str, Any]:
    loaded = load_bytes((repo / relative).read_bytes(), relative)
    assert not loaded.problems
    assert isinstance(loaded.value, dict)
    return loaded.value


def check_clean(run: Runner, repo: Path, relative: str) -> None:
    code, out, _ = run("check", str(repo / relative), "--root", str(repo), "--no-cache")
    assert code == 0, out


def failed(run: Runner, repo: Path, body: str, labels: str = "", *expected: str) -> str:
    """Submit an invalid body: exit 1, nothing under the root changed, the comment says ``expected``."""
    before = digest(repo)
    code, message, outputs = submit(run, repo, body, labels)
    assert code == 1, message
    assert digest(repo) == before
    assert outputs["result"] == "invalid"
    assert "Chưa tạo được hồ sơ" in message
    shown = render(message).text
    for text in expected:
        assert text in message or text in shown, f"{text!r} not in:\n{message}"
    return message


# -- the forms and the parser agree ---------------------------------------------------------


def test_every_form_has_a_template_that_matches_the_parser() -> None:
    names = sorted(p.name for p in TEMPLATES.glob("*.yml") if p.name != "config.yml")
    assert names == sorted(form.template for form in FORMS)
    for form in FORMS:
        data = template(form.name)
        assert data["labels"] == [form.name]
        assert data["name"] == form.title
        fields = [element for element in data["body"] if element["type"] != "markdown"]
        assert [(e["id"], e["attributes"]["label"], e["type"]) for e in fields] == [(f.id, f.label, f.type) for f in form.fields]
        for element, spec in zip(fields, form.fields, strict=True):
            if element["type"] == "checkboxes":
                required = any(option.get("required") for option in element["attributes"]["options"])
            else:
                required = bool(element.get("validations", {}).get("required"))
            assert required == spec.required, spec.id


def test_dropdown_options_are_read_back() -> None:
    for name in ("mau-3-bao-cao", "khac-phuc-tien-do"):
        for element in template(name)["body"]:
            if element["type"] == "dropdown":
                assert element["attributes"]["options"]
    options = next(e for e in template("mau-3-bao-cao")["body"] if e.get("id") == "quarter")["attributes"]["options"]
    assert [parse_quarter(option) for option in options] == [1, 2, 3, 4]


def test_the_config_turns_blank_issues_off_and_links_the_guide() -> None:
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    assert any("huong-dan/nop-ho-so" in link["url"] for link in config["contact_links"])


# -- form 1: registration -------------------------------------------------------------------------

REG_PATH = "submissions/ban-tckt/dang-ky/2026/tran-thi-mai.yaml"


def test_registration_creates_the_record(run: Runner, repo: Path) -> None:
    (repo / REG_PATH).unlink()
    code, message, outputs = submit(run, repo, render_body("mau-1-dang-ky", REGISTRATION), "mau-1-dang-ky")
    assert code == 0, message
    assert outputs == {
        "result": "ok",
        "kind": "registration",
        "form": "mau-1-dang-ky",
        "path": REG_PATH,
        "paths": REG_PATH,
        "action": "created",
        "branch": "ho-so/issue-7",
        "title": "[Mẫu 1] Đăng ký đi cơ sở năm 2026: Trần Thị Mai",
    }
    text = (repo / REG_PATH).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/bundled/registration.schema.json\n")
    assert "# Nội dung đăng ký: Các dòng đăng ký cụ thể." in text  # the comment style of `site-gen new`
    data = record(repo, REG_PATH)
    assert data["cadre"] == "tran-thi-mai" and data["plan"] == "di-co-so-2026" and data["submitted"] == "2026-02-10"
    assert [(r["category"], r["days"], r["from"], r["to"], r["places"]) for r in data["rows"]] == [
        ("1.1", 30, "2026-04-07", "2026-05-17", ["xa-hoa-lap"]),
        ("1.1", 30, "2026-07-02", "2026-08-08", ["xa-son-lam"]),
        ("1.5", 1, "2026-10-04", "2026-10-04", ["doan-khoi-co-quan"]),
    ]
    assert data["rows"][0]["place"] == "Ấp Rạch Sơn" and data["rows"][0]["purpose"] == "Cùng ăn, cùng ở, cùng làm"
    check_clean(run, repo, REG_PATH)
    page = render(message)
    assert "Closes #7" in message and "Ban Tổ chức – Kiểm tra" in message
    assert "của @bi-thu-xa" in page.text and page.references == ["#7", "@b", "#7"]  # the issue, its author (on purpose)
    assert ["1", "1.1", "30", "07/04/2026", "17/05/2026", "Đoàn xã Hòa Lập (xa-hoa-lap) – Ấp Rạch Sơn"] in page.rows


def test_registration_replaces_the_existing_one_and_drops_its_approval(run: Runner, repo: Path) -> None:
    assert "approved_by" in record(repo, REG_PATH)
    body = render_body("mau-1-dang-ky", REGISTRATION)
    code, message, outputs = submit(run, repo, body, "mau-1-dang-ky")
    assert code == 0, message
    assert outputs["action"] == "updated" and outputs["path"] == REG_PATH
    assert len(list((repo / "submissions/ban-tckt/dang-ky/2026").glob("tran-thi-mai*"))) == 1
    data = record(repo, REG_PATH)
    assert len(data["rows"]) == 3 and "approved_by" not in data
    assert "thay bằng nội dung của issue" in message and "pham-quoc-bao" in message
    check_clean(run, repo, REG_PATH)
    # The same issue again (edited, or re-run): same file, same bytes.
    first = (repo / REG_PATH).read_bytes()
    code, _, _ = submit(run, repo, body, "mau-1-dang-ky")
    assert code == 0 and (repo / REG_PATH).read_bytes() == first


def test_names_without_diacritics_decomposed_and_by_words(run: Runner, repo: Path) -> None:
    (repo / REG_PATH).unlink()
    answers = {
        **REGISTRATION,
        "cadre": unicodedata.normalize("NFD", "TRẦN THỊ MAI"),
        "plan": "di-co-so-2026",
        "rows": (
            "- Phối hợp tổ chức, triển khai hoạt động tại cơ sở\t30 ngay\t07/04/2026\t17/05/2026\tDoan xa Hoa Lap\n"
            "- 1.1 | 30 | 02.07.2026 | 8/8/2026 | Đoàn xã Sơn Lâm"
        ),
    }
    code, message, _ = submit(run, repo, render_body("mau-1-dang-ky", answers), "")  # no label: by headings
    assert code == 0, message
    rows = record(repo, REG_PATH)["rows"]
    assert [(r["category"], r["places"]) for r in rows] == [("1.1", ["xa-hoa-lap"]), ("1.1", ["xa-son-lam"])]
    check_clean(run, repo, REG_PATH)


# -- form 3: a row of the quarterly report ----------------------------------------------------------

Q3_PATH = "submissions/ban-tckt/bao-cao/2026/quy-3.yaml"
Q4_PATH = "submissions/ban-tckt/bao-cao/2026/quy-4.yaml"


def test_report_row_creates_the_quarterly_report(run: Runner, repo: Path) -> None:
    assert not (repo / Q4_PATH).exists()
    body = render_body("mau-3-bao-cao", REPORT_Q4)
    before = dt.date.today().isoformat()
    code, message, outputs = submit(run, repo, body, "mau-3-bao-cao")
    assert code == 0, message
    assert outputs["path"] == Q4_PATH and outputs["action"] == "created" and outputs["kind"] == "quarterly-report"
    assert outputs["branch"] == "ho-so/issue-7"
    data = record(repo, Q4_PATH)
    assert data["unit"] == "ban-tckt" and data["quarter"] == 4 and data["plan"] == "di-co-so-2026"
    assert data["submitted"] >= before  # no date given: the day it is processed
    (visit,) = data["visits"]
    assert visit == {
        "cadre": "tran-thi-mai",
        "category": "1.5",
        "activity": "Dự sinh hoạt chi đoàn ấp Tân Định",
        "days": 1,
        "from": "2026-10-04",
        "to": "2026-10-04",
        "places": ["doan-khoi-co-quan"],
        "place": "Chi đoàn Kho bạc Nhà nước tỉnh",
        "results": {
            "achievements": "Chi đoàn sinh hoạt đều, 25 đoàn viên tham dự.",
            "limitations": "Chưa có kế hoạch sinh hoạt chủ điểm.",
        },
    }
    assert (repo / Q4_PATH).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    check_clean(run, repo, Q4_PATH)


def test_report_row_is_added_to_the_existing_report_once(run: Runner, repo: Path) -> None:
    old_text = (repo / Q3_PATH).read_text(encoding="utf-8")
    old = record(repo, Q3_PATH)
    body = render_body("mau-3-bao-cao", REPORT_Q3)
    code, message, outputs = submit(run, repo, body, "mau-3-bao-cao")
    assert code == 0, message
    assert outputs["action"] == "updated" and outputs["path"] == Q3_PATH
    data = record(repo, Q3_PATH)
    assert data["visits"][:-1] == old["visits"] and data["submitted"] == old["submitted"]
    assert data["visits"][-1]["from"] == "2026-09-14" and data["visits"][-1]["days"] == 2
    text = (repo / Q3_PATH).read_text(encoding="utf-8")
    assert text.startswith(old_text.rstrip("\n"))  # the unit's own lines are kept as they were
    assert "# Từ issue #7" in text
    row = len(old["visits"]) + 1
    assert f"Thêm dòng {row}" in message
    check_clean(run, repo, Q3_PATH)
    # The issue is edited (days and dates corrected) and processed again: the row is replaced.
    edited = render_body("mau-3-bao-cao", {**REPORT_Q3, "days": "3", "to": "16/09/2026"})
    code, message, _ = submit(run, repo, edited, "mau-3-bao-cao")
    assert code == 0, message
    again = record(repo, Q3_PATH)
    assert len(again["visits"]) == row and again["visits"][-1]["days"] == 3 and again["visits"][-1]["to"] == "2026-09-16"
    assert f"Thay dòng {row}" in message
    assert (repo / Q3_PATH).read_text(encoding="utf-8").count("issue #7") == 1
    check_clean(run, repo, Q3_PATH)


def test_a_visit_after_the_report_date_moves_it(run: Runner, repo: Path) -> None:
    answers = {**REPORT_Q3, "from": "24/09/2026", "to": "25/09/2026", "submitted": "26/09/2026"}
    code, message, _ = submit(run, repo, render_body("mau-3-bao-cao", answers), "mau-3-bao-cao")
    assert code == 0, message
    assert record(repo, Q3_PATH)["submitted"] == "2026-09-26"
    assert "22/09/2026" in message and "26/09/2026" in message
    check_clean(run, repo, Q3_PATH)


# -- two committees' plans in one year (the merger of 2025): the year answered is narrowed ----------------

HAI_LAM_2024 = {
    "cadre": "Trần Văn Hải",
    "plan": "2024",
    "rows": "1.1 | 30 | 04/03/2024 | 02/04/2024 | huyen-doan-hon-ngoc\n1.1 | 30 | 06/05/2024 | 04/06/2024 | xa-ganh-dau",
    "submitted": "31/01/2024",
}
BINH_AN_2024 = {
    "cadre": "Trần Thị Mai",
    "plan": "2024",
    "rows": "1.1 | 30 | 04/03/2024 | 02/04/2024 | xa-long-tan\n1.1 | 30 | 06/05/2024 | 04/06/2024 | xa-tan-lap",
    "submitted": "02/02/2024",
}
# A moved cadre (Thường trực Tỉnh đoàn Hải Lâm until 30/06/2025, then Ban Tổ chức – Kiểm tra).
SPRING_2025 = {
    **REPORT_Q3,
    "plan": "2025",
    "quarter": "Quý II",
    "from": "14/05/2025",
    "to": "15/05/2025",
    "places": "xa-long-tan",
    "submitted": "20/06/2025",
}
MOVED_Q3_2025 = {
    **REPORT_Q3,
    "cadre": "nguyen-thi-bich-lam",
    "plan": "2025",
    "quarter": "Quý III",
    "from": "18/08/2025",
    "to": "19/08/2025",
    "places": "Đoàn phường Phước An",
    "submitted": "21/09/2025",
}


@pytest.mark.parametrize(
    ("answers", "path", "plan"),
    [
        (HAI_LAM_2024, "submissions/hai-lam-thuong-truc/dang-ky/2024/tran-van-hai.yaml", "di-co-so-2024-hai-lam"),
        (BINH_AN_2024, "submissions/ban-tckt/dang-ky/2024/tran-thi-mai.yaml", "di-co-so-2024"),
    ],
)
def test_a_registration_year_is_the_plan_that_applies_to_the_cadre(
    run: Runner, repo: Path, answers: dict[str, Any], path: str, plan: str
) -> None:
    code, message, outputs = submit(run, repo, render_body("mau-1-dang-ky", answers), "mau-1-dang-ky")
    assert code == 0, message
    assert outputs["path"] == path and outputs["action"] == "updated"
    assert record(repo, path)["plan"] == plan
    assert plan in message
    check_clean(run, repo, path)


def test_a_year_still_ambiguous_asks_for_the_plan(run: Runner, repo: Path) -> None:
    # No cadre to narrow by: both committees' plans of 2024 are named.
    body = render_body("mau-1-dang-ky", {**HAI_LAM_2024, "cadre": "Trần Văn Hảii"})
    message = failed(run, repo, body, "mau-1-dang-ky", "**Năm hoặc kế hoạch**", "hãy ghi mã kế hoạch")
    assert "Có nhiều kế hoạch đi cơ sở khớp: di-co-so-2024, di-co-so-2024-hai-lam" in message


def test_a_report_year_is_the_plan_of_the_cadre_reported_on(run: Runner, repo: Path) -> None:
    # After the move: the new unit reports the visit, under the former committee's plan that holds the cadre in 2025.
    path = "submissions/ban-tckt/bao-cao/2025/quy-3-hai-lam.yaml"
    old = record(repo, path)
    code, message, outputs = submit(run, repo, render_body("mau-3-bao-cao", MOVED_Q3_2025), "mau-3-bao-cao")
    assert code == 0, message
    assert outputs["path"] == path and outputs["action"] == "updated"
    data = record(repo, path)
    assert data["plan"] == "di-co-so-2025-hai-lam" and data["visits"][:-1] == old["visits"]
    assert data["visits"][-1]["cadre"] == "nguyen-thi-bich-lam" and data["visits"][-1]["places"] == ["phuong-phuoc-an"]
    check_clean(run, repo, path)
    # A Bình An cadre's visit of the same quarter, answered "2025" too, is the organisation's plan.
    answers = {**MOVED_Q3_2025, "cadre": "tran-thi-mai"}
    code, message, outputs = submit(run, repo, render_body("mau-3-bao-cao", answers), "mau-3-bao-cao", 8)
    assert code == 0, message
    assert outputs["path"] == "submissions/ban-tckt/bao-cao/2025/quy-3.yaml"
    assert record(repo, outputs["path"])["plan"] == "di-co-so-2025"


def test_a_moved_cadre_belongs_to_the_unit_of_the_visit_day(run: Runner, repo: Path) -> None:
    # Before the move the cadre was the former committee's: their old unit reports that visit, their new one does not.
    answers = {**SPRING_2025, "cadre": "nguyen-thi-bich-lam", "unit": "hai-lam-thuong-truc"}
    code, message, outputs = submit(run, repo, render_body("mau-3-bao-cao", answers), "mau-3-bao-cao")
    assert code == 0, message
    path = "submissions/hai-lam-thuong-truc/bao-cao/2025/quy-2.yaml"
    assert outputs["path"] == path and record(repo, path)["plan"] == "di-co-so-2025-hai-lam"
    check_clean(run, repo, path)
    body = render_body("mau-3-bao-cao", {**SPRING_2025, "cadre": "nguyen-thi-bich-lam"})
    failed(run, repo, body, "mau-3-bao-cao", "**Cán bộ đi cơ sở**", "không thuộc đơn vị báo cáo", "Thường trực Tỉnh đoàn Hải Lâm")


def test_checker_errors_roll_the_update_back(run: Runner, repo: Path) -> None:
    # 5 days in a 2-day period: the checker's rule, reported on the form's field, and the report restored.
    answers = {**REPORT_Q3, "days": "5"}
    message = failed(run, repo, render_body("mau-3-bao-cao", answers), "mau-3-bao-cao", "**Số ngày đi**")
    assert "rule.days-exceed-period" in message and "14/09/2026" in message


# -- documents received for an inspection ----------------------------------------------------------

RESULT_PATH = "submissions/ban-tckt/kiem-tra/2025/ket-qua/xa-binh-son.yaml"


def test_documents_received_updates_the_inspection_result(run: Runner, repo: Path) -> None:
    old_text = (repo / RESULT_PATH).read_text(encoding="utf-8")
    body = render_body("kiem-tra-nhan-ho-so", DOCUMENTS)
    code, message, outputs = submit(run, repo, body, "kiem-tra-nhan-ho-so")
    assert code == 0, message
    assert outputs["path"] == RESULT_PATH and outputs["action"] == "updated" and outputs["kind"] == "inspection-result"
    data = record(repo, RESULT_PATH)
    assert data["documents_received"] == "2025-11-11"
    text = (repo / RESULT_PATH).read_text(encoding="utf-8")
    assert text == old_text.replace("documents_received: 2025-11-10", "documents_received: 2025-11-11")
    assert "10/11/2025" in message and "11/11/2025" in message
    check_clean(run, repo, RESULT_PATH)
    code, _, _ = submit(run, repo, body, "kiem-tra-nhan-ho-so")
    assert code == 0 and (repo / RESULT_PATH).read_text(encoding="utf-8") == text


def test_documents_before_the_visit_start_a_scheduled_result(run: Runner, repo: Path) -> None:
    body = render_body("kiem-tra-nhan-ho-so", {**DOCUMENTS, "plan": "2026", "unit": "Đoàn xã Tân Hưng", "received": "20/11/2026"})
    code, message, outputs = submit(run, repo, body, "kiem-tra-nhan-ho-so")
    assert code == 0, message
    path = "submissions/ban-tckt/kiem-tra/2026/ket-qua/xa-tan-hung.yaml"
    assert outputs["path"] == path and outputs["action"] == "created"
    data = record(repo, path)
    schedule = yaml.safe_load((repo / "submissions/ban-tckt/kiem-tra/2026/ke-hoach.yaml").read_text(encoding="utf-8"))["schedule"]
    row = next(r for r in schedule if r["unit"] == "xa-tan-hung")
    assert data["status"] == "scheduled" and data["documents_received"] == "2026-11-20"
    assert (data["team"], data["date"]) == (row["team"], str(row["date"]))
    assert "chờ kiểm tra" in message
    check_clean(run, repo, path)


def test_documents_of_an_unscheduled_unit(run: Runner, repo: Path) -> None:
    body = render_body("kiem-tra-nhan-ho-so", {**DOCUMENTS, "unit": "xa-tan-lap"})
    failed(run, repo, body, "kiem-tra-nhan-ho-so", "**Đơn vị được kiểm tra**", '"xa-tan-lap"', "không có trong lịch")


def test_late_documents_need_both_approver_and_reason(run: Runner, repo: Path) -> None:
    body = render_body("kiem-tra-nhan-ho-so", {**DOCUMENTS, "approved_by": "Võ Thanh Sơn"})
    failed(run, repo, body, "kiem-tra-nhan-ho-so", "**Lý do chấp thuận tài liệu trễ**")
    answers = {**DOCUMENTS, "received": "13/11/2025", "approved_by": "vo-thanh-son", "reason": "Đơn vị bị ngập lụt."}
    code, message, _ = submit(run, repo, render_body("kiem-tra-nhan-ho-so", answers), "kiem-tra-nhan-ho-so")
    assert code == 0, message
    data = record(repo, RESULT_PATH)
    assert data["documents_exception"] == {"approved_by": "vo-thanh-son", "reason": "Đơn vị bị ngập lụt."}
    check_clean(run, repo, RESULT_PATH)


# -- remediation progress ---------------------------------------------------------------------------

PROGRESS_PATH = "submissions/van-phong/khac-phuc/2025/bao-cao-2026-01-05.yaml"


def test_remediation_progress_creates_then_fills_the_report(run: Runner, repo: Path) -> None:
    code, message, outputs = submit(run, repo, render_body("khac-phuc-tien-do", REMEDIATION), "khac-phuc-tien-do")
    assert code == 0, message
    assert outputs["path"] == PROGRESS_PATH and outputs["action"] == "created"
    data = record(repo, PROGRESS_PATH)
    assert data["period"] == {"cadence": "quarterly", "from": "2025-10-01", "to": "2025-12-31"}
    assert data["items"][0]["shortcoming"] == "kd1" and data["items"][0]["status"] == "in-progress"
    assert data["items"][0]["actions"] == ["nhom-1-3"]
    check_clean(run, repo, PROGRESS_PATH)
    # Another shortcoming of the same period joins the same report; the first one, resent, is replaced.
    second = {**REMEDIATION, "shortcoming": "kd2", "actions": "", "status": "Đã khắc phục", "submitted": "06/01/2026"}
    code, message, outputs = submit(run, repo, render_body("khac-phuc-tien-do", second), "khac-phuc-tien-do", 8)
    assert code == 0, message
    assert outputs["path"] == PROGRESS_PATH and outputs["action"] == "updated"
    resent = {**REMEDIATION, "status": "Khắc phục lâu dài, tiếp tục theo dõi"}
    code, message, _ = submit(run, repo, render_body("khac-phuc-tien-do", resent), "khac-phuc-tien-do")
    assert code == 0, message
    items = record(repo, PROGRESS_PATH)["items"]
    assert [(i["shortcoming"], i["status"]) for i in items] == [("kd1", "ongoing"), ("kd2", "resolved")]
    assert len(list((repo / "submissions/van-phong/khac-phuc/2025").glob("bao-cao-2026-*"))) == 1
    check_clean(run, repo, PROGRESS_PATH)


# -- malformed bodies ------------------------------------------------------------------------------


def test_missing_required_answer(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "activity": ""})
    message = failed(run, repo, body, "mau-3-bao-cao", "**Cụ thể nội dung đi cơ sở**", "bắt buộc")
    # The answers are quoted back, so nothing typed is lost.
    assert "Chi đoàn sinh hoạt đều, 25 đoàn viên tham dự." in message and "<details>" in message


def test_bad_date(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "from": "31/02/2026"})
    failed(run, repo, body, "mau-3-bao-cao", '**Từ ngày**: đã ghi "31/02/2026"', "ngày/tháng/năm")


def test_bad_date_in_a_registration_row(run: Runner, repo: Path) -> None:
    rows = "1.1 | 30 | 07/04/2026 | 17/05/2026 | xa-hoa-lap\n1.1 | 30 | 2/7/2026 | tám tháng tám | xa-son-lam"
    body = render_body("mau-1-dang-ky", {**REGISTRATION, "rows": rows})
    failed(run, repo, body, "mau-1-dang-ky", "**Các dòng đăng ký, dòng 2, cột Đến ngày**", '"tám tháng tám"')


def test_unknown_cadre(run: Runner, repo: Path) -> None:
    body = render_body("mau-1-dang-ky", {**REGISTRATION, "cadre": "Trần Thị Maii"})
    failed(run, repo, body, "mau-1-dang-ky", '**Cán bộ đăng ký**: đã ghi "Trần Thị Maii"', 'Có phải ý bạn là "Trần Thị Mai"?')


def test_answers_quoted_back_cannot_ping_or_inject(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "cadre": "@tinh-doan-binh-an/ban-tckt-duyet <img src=x>"})
    message = failed(run, repo, body, "mau-3-bao-cao", "**Cán bộ đi cơ sở**: đã ghi")
    line = next(line for line in message.splitlines() if "**Cán bộ đi cơ sở**: đã ghi" in line)
    assert "@\u200btinh-doan-binh-an" in line and "@tinh-doan-binh-an" not in line
    assert "&lt;img src=x&gt;" in line and "<img" not in line


def test_days_not_a_number(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "days": "hai ngày"})
    failed(run, repo, body, "mau-3-bao-cao", '**Số ngày đi**: đã ghi "hai ngày"', "chữ số")


def test_wrong_unit_for_the_cadre(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "unit": "Ban Tuyên giáo"})
    failed(run, repo, body, "mau-3-bao-cao", "**Cán bộ đi cơ sở**", "không thuộc đơn vị báo cáo")


def test_unknown_unit(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", {**REPORT_Q3, "places": "Đoàn xã Không Có"})
    failed(run, repo, body, "mau-3-bao-cao", '**Địa điểm (đơn vị đã đến)**: đã ghi "Đoàn xã Không Có"')


def test_garbage_text(run: Runner, repo: Path) -> None:
    failed(run, repo, "xin chào, em muốn đăng ký đi cơ sở ạ", "", "Không nhận ra", "Mẫu 1 – Đăng ký đi cơ sở")
    # With the form's label, every required question is named.
    message = failed(run, repo, "asdf qwerty\n\n### Tiêu đề lạ\n\nabc", "mau-1-dang-ky", "**Cán bộ đăng ký**")
    assert "**Các dòng đăng ký**" in message and "asdf qwerty" in message


def test_empty_body(run: Runner, repo: Path) -> None:
    failed(run, repo, "", "mau-1-dang-ky", "Issue không có nội dung")
    failed(run, repo, "  \n\n", "", "Issue không có nội dung")


def test_body_of_another_form(run: Runner, repo: Path) -> None:
    body = render_body("mau-3-bao-cao", REPORT_Q3)
    failed(run, repo, body, "mau-1-dang-ky", '"mau-1-dang-ky"', "Mẫu 3 – Báo cáo kết quả đi cơ sở")


def test_unchecked_confirmation_and_unknown_choice(run: Runner, repo: Path) -> None:
    body = render_body("khac-phuc-tien-do", {**REMEDIATION, "confirm": [False]})
    failed(run, repo, body, "khac-phuc-tien-do", "**Xác nhận**", "Chưa đánh dấu")
    body = render_body("khac-phuc-tien-do", REMEDIATION).replace("Đang khắc phục", "Sắp xong")
    failed(run, repo, body, "khac-phuc-tien-do", '**Tình trạng**: đã ghi "Sắp xong"', "Đang khắc phục")


@pytest.mark.parametrize(
    ("name", "answers", "expected"),
    [
        ("mau-1-dang-ky", {**REGISTRATION, "plan": "2030"}, "di-co-so-2026"),
        ("mau-1-dang-ky", {**REGISTRATION, "rows": "1.1 | 30 | 07/04/2026"}, "có 3 cột"),
        ("mau-1-dang-ky", {**REGISTRATION, "rows": "9.9 | 30 | 07/04/2026 | 17/05/2026 | xa-hoa-lap"}, '"9.9"'),
        ("mau-3-bao-cao", {**REPORT_Q3, "cadre": "Nguyễn Văn"}, "Cán bộ đi cơ sở"),
        ("khac-phuc-tien-do", {**REMEDIATION, "shortcoming": "kd9"}, "kd1, kd2, kd3, kd4"),
        ("khac-phuc-tien-do", {**REMEDIATION, "actions": "nhom-9-9"}, '"nhom-9-9"'),
        ("khac-phuc-tien-do", {**REMEDIATION, "submitted": "06/10/2025"}, "cho một kỳ khác"),
    ],
)
def test_other_unreadable_answers(run: Runner, repo: Path, name: str, answers: dict[str, Any], expected: str) -> None:
    failed(run, repo, render_body(name, answers), name, expected)


def test_a_broken_file_to_update_is_not_overwritten(run: Runner, repo: Path) -> None:
    (repo / Q3_PATH).write_text("kind: quarterly-report\nvisits: [\n", encoding="utf-8")
    failed(run, repo, render_body("mau-3-bao-cao", REPORT_Q3), "mau-3-bao-cao", Q3_PATH)


# -- the command line -----------------------------------------------------------------------------


def test_stdin_english_and_no_issue(run: Runner, repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(render_body("kiem-tra-nhan-ho-so", DOCUMENTS)))
    code, out, _ = run("from-issue", "-", "--root", str(repo), "--lang", "en")
    assert code == 0
    assert "Made automatically with `site-gen from-issue`" in out and "Closes" not in out


def test_setup_problems_exit_2(run: Runner, repo: Path, tmp_path: Path) -> None:
    code, _, err = run("from-issue", str(tmp_path / "missing.md"), "--root", str(repo))
    assert code == 2 and "missing.md" in err
    (tmp_path / "body.md").write_text("x", encoding="utf-8")
    code, _, err = run("from-issue", str(tmp_path / "body.md"), "--root", str(tmp_path / "nowhere"))
    assert code == 2
    code, _, err = run("from-issue", str(tmp_path / "body.md"), "--root", str(repo), "--issue", "abc")
    assert code == 2


def test_github_output_is_multiline_safe() -> None:
    text = github_output_lines([("path", "a.yaml"), ("title", "một\nhai")])
    assert text == "path=a.yaml\ntitle<<EOF_SITE_GEN\nmột\nhai\nEOF_SITE_GEN\n"


# -- reading what people type ---------------------------------------------------------------------


def test_dates_days_quarters_and_folding() -> None:
    for text in ("15/02/2026", "15/2/2026", "2026-02-15", "15-02-2026", "15.02.2026", "ngày 15 tháng 2 năm 2026"):
        assert parse_date(text) == "2026-02-15", text
    for bad in ("31/02/2026", "2026/13/01", "mười lăm", "", "15/02"):
        with pytest.raises(Invalid):
            parse_date(bad)
    assert [parse_days(t) for t in ("30", "30 ngày", "30 ngay", " 7 ")] == [30, 30, 30, 7]
    for bad in ("ba mươi", "30,5", "-3"):
        with pytest.raises(Invalid):
            parse_days(bad)
    assert [parse_quarter(t) for t in ("Quý I", "quy 2", "3", "Quý IV")] == [1, 2, 3, 4]
    assert fold("Đoàn xã Hòa Hiệp") == fold(unicodedata.normalize("NFD", "ĐOÀN XÃ HÒA HIỆP")) == "doan xa hoa hiep"


def test_ambiguous_names_ask_for_the_id(repo: Path) -> None:
    # Before the reform of 01/07/2025 "Tân Hưng" was both the district and its township.
    answers = {**SPRING_2025, "places": "Tân Hưng"}
    outcome = from_issue(repo, render_body("mau-3-bao-cao", answers), ["mau-3-bao-cao"], 7, "x", "vi", TODAY)
    assert not outcome.ok
    assert "huyen-doan-tan-hung" in outcome.message and "thi-tran-tan-hung" in outcome.message


def test_same_name_twice_asks_for_the_id(run: Runner, repo: Path) -> None:
    twin = (repo / "submissions/ban-tckt/can-bo/tran-thi-mai.yaml").read_text(encoding="utf-8")
    twin = twin.replace("id: tran-thi-mai", "id: tran-thi-mai-2").replace("unit: ban-tckt", "unit: ban-tuyen-giao")
    (repo / "submissions/ban-tuyen-giao/can-bo/tran-thi-mai-2.yaml").write_text(twin, encoding="utf-8")
    body = render_body("mau-1-dang-ky", REGISTRATION)
    failed(run, repo, body, "mau-1-dang-ky", "**Cán bộ đăng ký**", "tran-thi-mai-2", "hãy ghi mã cán bộ")
    code, message, _ = submit(run, repo, render_body("mau-1-dang-ky", {**REGISTRATION, "cadre": "tran-thi-mai"}))
    assert code == 0, message


def test_list_editing_keeps_the_text_and_finds_markers() -> None:
    text = "kind: x\nvisits:\n  - a: 1\n    b: [x]\n  # From issue #3\n  - a: 2\nnote: n\n"
    assert item_markers(text, "visits") == {1: 3}
    added = edit_list(text, "visits", None, {"a": 3}, "From issue #4")
    assert added == "kind: x\nvisits:\n  - a: 1\n    b: [x]\n  # From issue #3\n  - a: 2\n  # From issue #4\n  - a: 3\nnote: n\n"
    replaced = edit_list(text, "visits", 1, {"a": 5, "c": "hai\ndòng"}, "")
    assert replaced is not None
    assert load_bytes(replaced.encode(), "x.yaml").value == {
        "kind": "x",
        "visits": [{"a": 1, "b": ["x"]}, {"a": 5, "c": "hai\ndòng"}],
        "note": "n",
    }
    assert "# From issue #3" in replaced


def test_every_issue_error_code_is_exercised() -> None:
    """The error codes of from-issue are produced by the tests above (they are not `check` codes)."""
    source = Path(__file__).read_text(encoding="utf-8")
    codes = {code for code, entry in CATALOGUE.items() if code.startswith("issue.") and entry.severity.value == "error"}
    untested = {
        "issue.bad-quarter": "the form's dropdown only offers valid quarters (parse_quarter is tested)",
        "issue.check-problem": "exercised by test_checker_errors_roll_the_update_back",
    }
    messages = {
        "issue.empty": "Issue không có nội dung",
        "issue.unknown-form": "Không nhận ra",
        "issue.form-mismatch": '"mau-1-dang-ky"',
        "issue.missing": "bắt buộc",
        "issue.unchecked": "Chưa đánh dấu",
        "issue.bad-date": "ngày/tháng/năm",
        "issue.bad-number": "chữ số",
        "issue.bad-choice": "Sắp xong",
        "issue.bad-row": "có 3 cột",
        "issue.unknown-plan": "di-co-so-2026",
        "issue.ambiguous-plan": "hãy ghi mã kế hoạch",
        "issue.unknown-cadre": "Trần Thị Maii",
        "issue.ambiguous-cadre": "tran-thi-mai-2",
        "issue.unknown-unit": "Đoàn xã Không Có",
        "issue.ambiguous-unit": "thi-tran-tan-hung",
        "issue.unknown-category": '"9.9"',
        "issue.cadre-unit": "không thuộc đơn vị báo cáo",
        "issue.not-scheduled": "không có trong lịch",
        "issue.exception-incomplete": "Lý do chấp thuận tài liệu trễ",
        "issue.unknown-shortcoming": "kd9",
        "issue.unknown-action": "nhom-9-9",
        "issue.period-conflict": "cho một kỳ khác",
        "issue.target-broken": "đang có lỗi",
    }
    assert codes - set(untested) == set(messages)
    for text in messages.values():
        assert text in source
