"""``site-gen new``: every kind gets a file with every field, commented, that the schema accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_gen.kinds import KINDS
from site_gen.loader import load_bytes
from site_gen.scaffold import scalar
from site_gen.scalars import resolve_plain
from site_gen.schemas import Schemas
from tests.conftest import ROOT, Runner

OPTIONS = {
    "organisation": ["--id", "tinh-doan-moi", "--out", "{repo}/submissions/ban-tckt/to-chuc-moi.yaml"],
    "unit": ["--id", "xa-moi"],
    "cadre": ["--unit", "ban-tckt", "--id", "nguyen-van-moi"],
    "field-visit-plan": ["--id", "di-co-so-2026", "--year", "2026"],
    "registration": ["--cadre", "tran-thi-mai", "--year", "2026"],
    "quarterly-report": ["--unit", "ban-tckt", "--year", "2025", "--quarter", "4"],
    "inspection-plan": ["--year", "2026", "--id", "kiem-tra-2026"],
    "inspection-result": ["--unit", "xa-a1", "--plan", "kiem-tra-2025", "--year", "2025"],
    "midterm-survey": ["--unit", "huyen-a", "--id", "khao-sat-huyen-a"],
    "remediation-plan": ["--year", "2026", "--id", "khac-phuc-2026"],
    "remediation-progress": ["--unit", "ban-tckt", "--plan", "khac-phuc-2025", "--date", "2025-07-05"],
    "good-model": ["--unit", "xa-a1", "--id", "mo-hinh-moi"],
    "survey-plan": ["--year", "2025", "--id", "khao-sat-giua-nhiem-ky-2025"],
    "reorganisation": ["--id", "sap-xep-2025-07"],
}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_new_record_is_complete_commented_and_valid(kind, repo: Path, run: Runner) -> None:  # type: ignore[no-untyped-def]
    options = [option.format(repo=repo) for option in OPTIONS[kind.name]]
    code, out, err = run("new", kind.name, "--root", str(repo), *options)
    assert code == 0, err
    path = repo / out.strip()
    text = path.read_text(encoding="utf-8")
    schema = Schemas(repo).kind_schema[kind.name]
    assert text.startswith("# yaml-language-server: $schema=")
    named = (path.parent / text.split("$schema=", 1)[1].split("\n", 1)[0]).resolve()
    assert named == (repo / "schemas" / "bundled" / kind.schema).resolve()
    for name in schema["properties"]:
        assert f"{name}:" in text, name
    loaded = load_bytes(text.encode(), str(path))
    assert loaded.problems == []
    assert Schemas(repo).is_valid(kind.name, loaded.value), list(
        Schemas(repo).reference_validator(kind.name).iter_errors(loaded.value)
    )
    assert loaded.value["kind"] == kind.name
    code, _, err = run("new", kind.name, "--root", str(repo), *options)
    assert code == 2 and "đã có" in err


def test_registration_is_placed_in_the_cadre_folder(repo: Path, run: Runner) -> None:
    code, out, _ = run(
        "new", "registration", "--root", str(repo), "--cadre", "tran-thi-mai", "--year", "2026", "--date", "2026-02-01"
    )
    assert code == 0
    assert out.strip() == "submissions/ban-tckt/dang-ky/2026/tran-thi-mai.yaml"
    text = (repo / out.strip()).read_text(encoding="utf-8")
    assert "cadre: tran-thi-mai" in text and "submitted: 2026-02-01" in text
    assert "# Ngày nộp bản đăng ký.\nsubmitted: 2026-02-01" in text
    assert "#   specialist" not in text


def test_a_plan_for_a_year_is_written_for_that_year(repo: Path, run: Runner) -> None:
    """The schema's example is a plan of 2025: a plan for 2027 takes the year's id, dates and title, and checks."""
    code, out, err = run("new", "field-visit-plan", "--root", str(repo), "--year", "2027")
    assert code == 0, err
    assert out.strip() == "submissions/ban-tckt/ke-hoach/di-co-so-2027.yaml"
    value = load_bytes((repo / out.strip()).read_bytes(), out.strip()).value
    assert (value["id"], value["year"], value["window"]) == ("di-co-so-2027", 2027, {"from": "2027-01-01", "to": "2027-10-25"})
    assert value["document"]["date"].startswith("2027-") and value["document"]["title"].endswith("năm 2027")
    text = (repo / out.strip()).read_text(encoding="utf-8")
    assert "2025-" not in text  # the commented optional fields too
    code, out, _ = run("check", "--root", str(repo), "--format", "json")
    problems = [p for p in json.loads(out)["problems"] if p["file"].endswith("di-co-so-2027.yaml")]
    assert problems == []


def test_a_registration_takes_its_plans_year(repo: Path, run: Runner) -> None:
    code, out, err = run("new", "registration", "--root", str(repo), "--cadre", "tran-thi-mai", "--plan", "di-co-so-2026")
    assert code == 0, err
    rows = load_bytes((repo / out.strip()).read_bytes(), out.strip()).value["rows"]
    assert rows and all(row["from"].startswith("2026-") and row["to"].startswith("2026-") for row in rows)


def test_new_with_stdout_writes_nothing(repo: Path, run: Runner) -> None:
    code, out, _ = run("new", "unit", "--root", str(repo), "--id", "xa-c1", "--stdout")
    assert code == 0 and "kind: unit" in out and "#   grassroots: Cơ sở Đoàn" in out
    assert not (repo / "submissions" / "ban-tckt" / "don-vi" / "xa-c1.yaml").exists()


def test_unknown_kind(repo: Path, run: Runner) -> None:
    code, _, err = run("new", "report", "--root", str(repo))
    assert code == 2 and "quarterly-report" in err


@pytest.mark.parametrize(
    "value", ["no", "0123", "1.1", "1:30", "", "a: b", "# x", "- x", "Nguyễn Văn An", "2025-02-15", "true", "~", "x #y"]
)
def test_scalars_read_back_as_written(value: str) -> None:
    text = f"a: {scalar(value)}\n".encode()
    assert load_bytes(text, "f.yaml").value == {"a": value}
    assert resolve_plain("12") == 12


def test_the_sample_header_names_the_schema() -> None:
    first = (ROOT / "submissions" / "ban-tckt" / "to-chuc.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/bundled/organisation.schema.json"
    assert (ROOT / "schemas" / "bundled" / "organisation.schema.json").exists()


@pytest.mark.parametrize(
    "note", ["hai\ndòng", "hai\ndòng\n", "một dòng: có dấu hai chấm", "  thụt đầu\nvà # không phải chú thích"]
)
def test_texts_read_back_as_written(note: str) -> None:
    from site_gen.scaffold import render

    record = {
        "kind": "registration",
        "plan": "di-co-so-2026",
        "cadre": "tran-thi-mai",
        "submitted": "2026-02-04",
        "rows": [{"category": "1.1", "days": 1, "from": "2026-02-05", "to": "2026-02-05", "places": ["xa-tan-lap"]}],
        "note": note,
    }
    text = render(Schemas(ROOT), "registration", record, "x.json")
    loaded = load_bytes(text.encode(), "x.yaml")
    assert not loaded.problems and loaded.value is not None
    assert loaded.value["note"] == note
