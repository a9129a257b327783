"""The command: exit codes, output formats, languages, paths, set-up errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT, Runner, make_repo

ERROR_CASE = CASES / "invalid" / "rule-days-exceed-period"


def test_clean_repository_exits_0(repo: Path, run: Runner) -> None:
    code, out, err = run("check", "--root", str(repo))
    assert code == 0, out
    assert "Không có lỗi" in out and err == ""


def test_sample_organisation_has_warnings_but_no_error(run: Runner) -> None:
    code, out, _ = run("check", "--root", str(ROOT), "--format", "json")
    document = json.loads(out)
    assert code == 0
    assert document["summary"]["errors"] == 0
    counts = {item["code"]: item["count"] for item in document["summary"]["by_code"]}
    # one late 2025 report and one unregistered 2025 visit (make_sample.py)
    assert counts == {"rule.late": 1, "rule.visit-unregistered": 1}


def test_errors_exit_1_with_located_vietnamese_messages(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", ERROR_CASE)
    code, out, _ = run("check", "--root", str(root))
    assert code == 1
    line = out.splitlines()[0]
    assert line.startswith("submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml:19:5: lỗi [rule.days-exceed-period] ")
    assert "Ghi 6 ngày nhưng từ 01/09/2025 đến 05/09/2025 chỉ có 5 ngày" in line
    assert "Tổng hợp: 1 lỗi, 0 cảnh báo trong 1 tệp" in out


def test_english_messages(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", ERROR_CASE)
    _, out, _ = run("check", "--root", str(root), "--lang", "en")
    assert "error [rule.days-exceed-period] 6 days, but 01/09/2025 to 05/09/2025 holds only 5 days" in out
    assert "Summary: 1 errors" in out


def test_json_shape(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", CASES / "invalid" / "schema-unknown-key")
    code, out, _ = run("check", "--root", str(root), "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert set(document) == {"format", "tool", "lang", "checked_files", "summary", "problems"}
    assert document["format"] == 1 and document["tool"]["name"] == "site-gen"
    assert set(document["summary"]) == {"errors", "warnings", "files", "by_code"}
    problem = document["problems"][0]
    assert set(problem) == {"file", "line", "column", "pointer", "code", "severity", "title", "message", "params"}
    assert problem["code"] == "schema.unknown-key"
    assert problem["params"]["suggestion"] == "days"
    assert 'Có phải ý bạn là "days" (Số ngày đi)?' in problem["message"]
    assert document["summary"]["by_code"] == [
        {"code": "schema.unknown-key", "severity": "error", "count": 1, "title": "Trường không có trong mẫu"}
    ]


def test_github_annotations(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", ERROR_CASE)
    _, out, _ = run("check", "--root", str(root), "--format", "github")
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml,line=19,col=5,"
        "title=[rule.days-exceed-period] Số ngày vượt thời gian::Ghi 6 ngày"
    )
    assert "Tổng hợp: 1 lỗi" in out


def test_github_escaping() -> None:
    from site_gen.problems import Severity, make
    from site_gen.report import github

    problem = make("a,b:c.yaml", "yaml.syntax", Severity.ERROR, "", 2, 3, detail="50%\nnext")
    out = github([problem], 1, "vi")
    assert out.startswith(
        "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=[yaml.syntax] Lỗi cú pháp YAML::Lỗi cú pháp YAML (50%25%0Anext)."
    )


def test_paths_select_what_is_reported(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", ERROR_CASE)
    code, out, _ = run("check", "--root", str(root), str(root / "submissions" / "thuong-truc"))
    assert code == 0 and "Không có lỗi" in out
    code, out, _ = run("check", "--root", str(root), str(root / "submissions" / "ban-tckt" / "dang-ky"))
    assert code == 1 and "rule.days-exceed-period" in out


def test_a_path_outside_the_repository_is_a_usage_error(repo: Path, tmp_path: Path, run: Runner) -> None:
    code, _, err = run("check", "--root", str(repo), str(tmp_path))
    assert code == 2 and "không nằm trong kho dữ liệu" in err


def test_missing_schemas_exit_2(repo: Path, run: Runner) -> None:
    (repo / "schemas" / "cadre.schema.json").unlink()
    code, out, err = run("check", "--root", str(repo))
    assert code == 2 and out == ""
    assert "Thiếu tệp mẫu hồ sơ" in err


def test_broken_schema_exits_2(repo: Path, run: Runner) -> None:
    (repo / "schemas" / "unit.schema.json").write_text("{not json", encoding="utf-8")
    code, _, err = run("check", "--root", str(repo))
    assert code == 2 and "không dùng được" in err


def test_no_submissions_folder_exits_2(tmp_path: Path, run: Runner) -> None:
    code, _, err = run("check", "--root", str(tmp_path))
    assert code == 2 and "Không có thư mục hồ sơ" in err


def test_unknown_option_exits_2_in_vietnamese(run: Runner) -> None:
    code, _, err = run("check", "--bogus")
    assert code == 2 and "không nhận ra tham số: --bogus" in err


def test_unreadable_file_is_reported(repo: Path, run: Runner) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    target = repo / "submissions" / "ban-tckt" / "can-bo" / "tran-thi-mai.yaml"
    target.chmod(0)
    code, out, _ = run("check", "--root", str(repo), "--no-cache")
    assert code == 1 and "file.unreadable" in out


def test_python_dash_m(repo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "site_gen", "check", "--root", str(repo), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["errors"] == 0


def test_rules_lists_the_catalogue(run: Runner) -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "rule.visit-overlap" in out and "Các chuyến đi đã báo cáo của một cán bộ không trùng thời gian." in out
    code, out, _ = run("rules", "--format", "json", "--lang", "en")
    codes = json.loads(out)["codes"]
    assert all(item["code"].startswith("rule.") for item in codes)
    assert {"code", "severity", "title", "description", "scopes"} == set(codes[0])


def test_version(run: Runner) -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("site-gen ")


# -- every path form reports exactly the problems under it ------------------------------------------------

DANG_KY = "submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml"
CAN_BO = "submissions/ban-tckt/can-bo/tran-thi-mai.yaml"
THUONG_TRUC = "submissions/thuong-truc/can-bo/bad.yaml"


@pytest.fixture
def spread(tmp_path: Path) -> Path:
    """A repository with errors in three folders: a rule error, a schema error, a file that is not a record."""
    root = make_repo(tmp_path / "repo", ERROR_CASE)
    shutil.copyfile(CASES / "invalid" / "schema-enum" / CAN_BO, root / CAN_BO)
    (root / THUONG_TRUC).parent.mkdir(parents=True, exist_ok=True)
    (root / THUONG_TRUC).write_text("kind: [\n", encoding="utf-8")
    return root


# (folder to run in, relative to the repository; arguments; the files whose problems are reported)
PATH_FORMS = [
    ("", ["."], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("", ["./"], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("", ["./submissions"], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("", ["submissions/"], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("", ["{root}"], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("", ["{root}/submissions/ban-tckt"], [CAN_BO, DANG_KY]),
    ("", ["submissions/ban-tckt/"], [CAN_BO, DANG_KY]),
    ("", ["submissions//ban-tckt"], [CAN_BO, DANG_KY]),
    ("", [DANG_KY], [DANG_KY]),
    ("", [f"{{root}}/{DANG_KY}"], [DANG_KY]),
    ("", ["submissions/thuong-truc/../ban-tckt/dang-ky"], [DANG_KY]),
    ("", ["submissions/ban-tckt/can-bo", "submissions/thuong-truc"], [CAN_BO, THUONG_TRUC]),
    ("", ["submissions/ban-tckt/don-vi"], []),
    ("submissions", ["."], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("submissions", ["ban-tckt"], [CAN_BO, DANG_KY]),
    ("submissions", [".."], [CAN_BO, DANG_KY, THUONG_TRUC]),
    ("submissions/ban-tckt", ["../thuong-truc"], [THUONG_TRUC]),
    ("submissions/ban-tckt/can-bo", ["tran-thi-mai.yaml"], [CAN_BO]),
]


@pytest.mark.parametrize(("cwd", "paths", "files"), PATH_FORMS, ids=lambda v: repr(v))
def test_every_path_form_reports_exactly_the_problems_under_it(
    cwd: str, paths: list[str], files: list[str], spread: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(spread / cwd)
    _, everything, _ = run("check", "--root", str(spread), "--format", "json", "--no-cache")
    every = json.loads(everything)["problems"]
    assert sorted({p["file"] for p in every}) == [CAN_BO, DANG_KY, THUONG_TRUC]
    given = [path.format(root=spread) for path in paths]
    code, out, err = run("check", "--root", os.path.relpath(spread), "--format", "json", *given)
    reported = json.loads(out)["problems"]
    assert err == ""
    assert reported == [p for p in every if p["file"] in files]
    assert code == (1 if files else 0)


@pytest.mark.parametrize(
    ("path", "lang", "message"),
    [
        ("{outside}", "vi", "Đường dẫn {outside} không nằm trong kho dữ liệu"),
        ("..", "vi", "Đường dẫn .. không nằm trong kho dữ liệu"),
        ("{root}/../other", "en", "Path {root}/../other is not inside the repository"),
        ("submissions/khong-co", "vi", "Không có tệp hay thư mục submissions/khong-co"),
        ("submissions/khong-co", "en", "There is no file or folder submissions/khong-co"),
    ],
)
def test_a_path_outside_the_repository_or_missing_is_a_usage_error(
    path: str, lang: str, message: str, spread: Path, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "other").mkdir()
    monkeypatch.chdir(spread)
    values = {"outside": str(tmp_path / "other"), "root": str(spread)}
    code, out, err = run("check", "--lang", lang, path.format(**values))
    assert (code, out) == (2, "")
    assert err.startswith(f"site-gen: {message.format(**values)}")


# -- options before the command's name are honoured, or refused; never dropped -----------------------------

# Each command with the least it needs to parse.
COMMANDS = {
    "check": [],
    "stats": ["--year", "2025"],
    "new": ["registration"],
    "build": [],
    "serve": [],
    "diff": ["main"],
    "codeowners": [],
    "from-issue": ["body.md"],
    "import": ["form.xlsx", "--form", "1"],
    "rules": [],
    "export": ["--form", "1"],
}
PLACES = {
    "before": lambda cmd, rest, opts: [*opts, cmd, *rest],
    "after": lambda cmd, rest, opts: [cmd, *rest, *opts],
    "split": lambda cmd, rest, opts: [*opts[:2], cmd, *rest, *opts[2:]],
}


def test_every_command_is_listed_here() -> None:
    from site_gen.cli import build_parser

    actions = [a for a in build_parser()._actions if a.choices and isinstance(a.choices, dict)]
    assert set(actions[0].choices) == set(COMMANDS)


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_shared_options_are_honoured_before_or_after_the_command(command: str, place: str) -> None:
    from site_gen.cli import parse

    argv = PLACES[place](command, COMMANDS[command], ["--root", "/kho", "--lang", "en"])
    args = parse(argv)
    assert (args.command, args.root, args.lang) == (command, "/kho", "en")
    assert not [name for name in vars(args) if name.startswith("_before_")]
    defaults = parse([command, *COMMANDS[command]])
    assert (defaults.root, defaults.lang) == (".", "vi")


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(("option", "first", "second"), [("--root", "/a", "/b"), ("--lang", "vi", "en")])
def test_a_shared_option_given_twice_differently_is_refused(
    command: str, option: str, first: str, second: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from site_gen.cli import main, parse

    assert parse([option, first, command, *COMMANDS[command], option, first]).command == command
    assert main([option, first, command, *COMMANDS[command], option, second]) == 2
    err = capsys.readouterr().err
    assert f"{option} được ghi hai lần với hai giá trị khác nhau ({first} và {second})" in err or (
        f"{option} is given twice with different values ({first} and {second})" in err
    )


def test_options_before_the_command_reach_it(repo: Path, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # not a repository: only --root can find it
    code, out, _ = run("--root", str(repo), "stats", "--year", "2025")
    assert code == 0 and "Trần Thị Mai" in out
    code, out, _ = run("--root", str(repo), "--lang", "en", "check")
    assert code == 0 and out.startswith("No errors")
    code, out, _ = run("--lang", "en", "rules", "--format", "json")
    assert code == 0 and json.loads(out)["codes"][0]["title"].isascii()


@pytest.mark.parametrize(
    "argv",
    [["--format", "json", "check"], ["--year", "2025", "stats"], ["--bogus", "check"], [], ["--lang", "fr", "check"]],
    ids=repr,
)
def test_a_wrong_command_line_exits_2(argv: list[str], run: Runner) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "") and "site-gen: " in err
