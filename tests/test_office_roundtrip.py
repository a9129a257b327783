"""Records -> exported form (.xlsx, .docx) -> ``site-gen import`` -> the same records, for the whole sample."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from site_gen.checker import CheckResult, check_repository
from site_gen.intake.office_import import FormImport, read_file
from site_gen.office import export
from site_gen.schemas import Schemas
from tests.conftest import ROOT, Runner, snapshot


@pytest.fixture(scope="module")
def sample() -> tuple[CheckResult, Schemas]:
    result = check_repository(ROOT, use_cache=False)
    assert not result.errors
    return result, Schemas(ROOT)


def _round_trip(
    sample: tuple[CheckResult, Schemas], items: list[export.Item], fmt: str, form: str, tmp_path: Path
) -> dict[str, Any]:
    """{stem: (problems, record data the import builds)} for every item whose import differs from its record."""
    result, schemas = sample
    by_owner = {}
    for record in result.records():
        if record.kind == "registration":
            by_owner[
                ("1", str(record.data["cadre"]), int(result.context.plans["field-visit-plan"][record.data["plan"]].data["year"]))
            ] = record
        if record.kind == "quarterly-report":
            plan = result.context.plans["field-visit-plan"][record.data["plan"]]
            by_owner[("3", f"{record.data['unit']}/{plan.data['year']}/{record.data['quarter']}", 0)] = record
    files = export.render(items, (fmt,))
    wrong: dict[str, Any] = {}
    for item in items:
        path = tmp_path / f"{item.stem}.{fmt}"
        path.write_bytes(files[path.name])
        job = FormImport(ROOT, read_file(path, form), form, None, "vi", dt.date(2026, 11, 20), result, schemas)
        planned = job.plan_records()
        if form == "1":
            expected = by_owner[("1", item.owner, item.year)].data
        else:
            data = planned[0].value if planned else {}
            expected = by_owner[("3", f"{data.get('unit')}/{item.year}/{data.get('quarter')}", 0)].data if planned else {}
        got = planned[0].value if len(planned) == 1 else None
        problems = [(p.code, p.where, p.found) for p in job.problems]
        if got != dict(expected) or problems:
            wrong[item.stem] = (problems, got, dict(expected))
    return wrong


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_every_registration_comes_back_unchanged(sample: tuple[CheckResult, Schemas], fmt: str, tmp_path: Path) -> None:
    result, _ = sample
    items = export.registrations(result.context, result.records())
    assert len(items) == sum(1 for r in result.records() if r.kind == "registration") > 100
    assert _round_trip(sample, items, fmt, "1", tmp_path) == {}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_every_quarterly_report_comes_back_unchanged(sample: tuple[CheckResult, Schemas], fmt: str, tmp_path: Path) -> None:
    result, _ = sample
    items = export.reports(result.context, result.records())
    assert len(items) == sum(1 for r in result.records() if r.kind == "quarterly-report") > 30
    assert _round_trip(sample, items, fmt, "3", tmp_path) == {}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_every_department_summary_gives_back_its_registrations(
    sample: tuple[CheckResult, Schemas], fmt: str, tmp_path: Path
) -> None:
    result, schemas = sample
    registrations = {(r.data["plan"], r.data["cadre"]): dict(r.data) for r in result.records() if r.kind == "registration"}
    items = export.summaries(result.context, result.records())
    files = export.render(items, (fmt,))
    seen = 0
    for item in items:
        path = tmp_path / f"{item.stem}.{fmt}"
        path.write_bytes(files[path.name])
        job = FormImport(ROOT, read_file(path, "2"), "2", None, "vi", dt.date(2026, 11, 20), result, schemas)
        planned = job.plan_records()
        assert [(p.code, p.where) for p in job.problems] == []
        for record in planned:
            assert record.value == registrations[(record.value["plan"], record.value["cadre"])]
            seen += 1
    assert seen == len(registrations)


def test_export_then_import_commands_change_nothing(run: Runner, tmp_path: Path) -> None:
    kho = snapshot(tmp_path / "kho")
    out = tmp_path / "bieu-mau"
    commands = [
        ("1", ["--form", "1", "--cadre", "tran-thi-mai", "--year", "2026"]),
        ("2", ["--form", "2", "--unit", "ban-tckt", "--year", "2026"]),
        ("3", ["--form", "3", "--unit", "ban-tckt", "--year", "2026", "--quarter", "3"]),
    ]
    for form, options in commands:
        code, printed, err = run("export", *options, "--out", str(out), "--root", str(kho))
        assert code == 0, printed + err
        for path in sorted(out.iterdir()):
            code, printed, _ = run("import", str(path), "--form", form, "--root", str(kho))
            assert code == 0, printed
            assert "0 tệp tạo mới, 0 tệp cập nhật" in printed, printed
            assert "Không đổi submissions/ban-tckt/" in printed
        shutil.rmtree(out)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=kho, capture_output=True, text=True, check=True)
    assert status.stdout == ""
