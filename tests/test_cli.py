"""The command: exit codes, output formats, languages, paths, set-up errors."""

from __future__ import annotations

import json
import os
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
