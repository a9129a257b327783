"""What ``check`` accepts, ``build`` and every ``export`` handle: a property over generated texts.

Each round takes the sample organisation and puts a generated text
(``tests/texts.py``: payloads, every Unicode category, texts as long as the
field allows, white space only, control characters, mixes) in every
free-text field of every record (``tests/plant.py``; one original text, one
generated text, so texts that were equal stay equal). Whatever ``check``
accepts must then go through every writer without an exception: the pages,
the CSV, Excel and JSON downloads, the iCalendar feeds, the charts, every
Word and Excel form (``site-gen export``: forms 1, 2, 3, the inspection
schedule and notice, blank forms, both formats), and the whole MkDocs build.
The files written are checked to open (openpyxl, python-docx, icalendar,
json). A failing round names its seed.

Before this test, a NUL in a text, an inspection plan's title of 320
characters or a unit's name of 430 characters passed ``check`` and crashed
``build``.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import icalendar
import pytest
from docx import Document
from openpyxl import load_workbook

from site_gen import gitinfo
from site_gen.checker import check_repository
from site_gen.cli import main
from site_gen.site.build import generate
from tests.conftest import snapshot
from tests.plant import plant
from tests.texts import fitting, generated

SITE_GEN = Path(sys.executable).parent / "site-gen"
ROUNDS = range(3)  # the whole generation in memory (pages, downloads, feeds, forms); a round is 10-30 s
BUILDS = (100,)  # the whole site-gen build, MkDocs included


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("sample") / "repo")


def planted(sample: Path, target: Path, seed: int) -> Path:
    """A copy of the sample with a generated text, fitted to its field, in every free-text field."""
    shutil.copytree(sample, target, symlinks=True)
    rng = random.Random(seed)
    chosen: dict[str, str] = {}

    def choose(old: str, limit: int) -> str:
        if old not in chosen:
            chosen[old] = fitting(generated(rng, limit), limit)
        return chosen[old]

    plant(target, choose)
    return target


def opens(name: str, content: bytes) -> None:
    """The file is what its name says: it opens with the library that reads that format."""
    if name.endswith(".xlsx"):
        load_workbook(io.BytesIO(content)).close()
    elif name.endswith(".docx"):
        Document(io.BytesIO(content))
    elif name.endswith(".ics"):
        icalendar.Calendar.from_ical(content)
    elif name.endswith(".json"):
        json.loads(content)
    elif name.endswith((".md", ".csv", ".yaml")):
        content.decode("utf-8")


@pytest.mark.parametrize("seed", ROUNDS)
def test_every_writer_takes_what_check_accepts(sample: Path, tmp_path: Path, seed: int) -> None:
    root = planted(sample, tmp_path / "repo", seed)
    result = check_repository(root, use_cache=False)
    assert [f"{p.file}:{p.line} {p.code}" for p in result.errors] == [], f"seed {seed}"
    files = generate(root, result, gitinfo.read(root))
    kinds = {name.rsplit(".", 1)[-1] for name in files}
    assert {"md", "csv", "xlsx", "json", "ics", "docx", "yaml"} <= kinds
    for name, content in files.items():
        opens(name, content)


EXPORTS = (
    ("--form", "1", "--format", "xlsx"),  # every form of the year in Excel
    ("--form", "2", "--format", "xlsx"),
    ("--form", "3", "--format", "xlsx"),
    ("--form", "1", "--cadre", "tran-thi-mai"),  # one of each in both formats (Word is the slow one)
    ("--form", "2", "--unit", "ban-tckt"),
    ("--form", "3", "--unit", "ban-tckt", "--quarter", "3"),
    ("--inspection-schedule",),
    ("--form", "1", "--blank"),
    ("--form", "2", "--blank"),
    ("--form", "3", "--blank"),
)


def test_every_export_takes_what_check_accepts(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``site-gen export``: every form of 2025 (the other years' are the same writers with other rows)."""
    root = planted(sample, tmp_path / "repo", 7)
    result = check_repository(root, use_cache=False)
    assert result.errors == []
    notices = sorted(
        {r.data["unit"] for r in result.records() if r.kind == "inspection-result" and r.data["plan"].endswith("2025")}
    )
    runs = [(*args, "--year", "2025") for args in EXPORTS]
    runs += [("--notice", unit, "--year", "2025") for unit in notices[:3]]
    written = 0
    for number, args in enumerate(runs):
        out = tmp_path / f"out-{number}"
        code = main(["export", "--root", str(root), *args, "--out", str(out)])
        captured = capsys.readouterr()
        assert code == 0, (args, captured.err)
        for path in out.iterdir():
            opens(path.name, path.read_bytes())
            assert zipfile.is_zipfile(path)
            written += 1
    assert written > 40


@pytest.mark.parametrize("seed", BUILDS)
def test_the_site_builds_with_what_check_accepts(sample: Path, tmp_path: Path, seed: int) -> None:
    root = planted(sample, tmp_path / "repo", seed)
    done = subprocess.run([str(SITE_GEN), "build", "--root", str(root)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"seed {seed}: {done.stdout[-2000:]}{done.stderr[-4000:]}"
    assert (root / "site" / "search" / "search_index.json").is_file()


def test_the_issue_examples_pass_check_and_build(sample: Path, tmp_path: Path) -> None:
    """An inspection plan's title of 320 characters and a unit's name of 200 (the most a name may hold) with a tab."""
    root = tmp_path / "repo"
    shutil.copytree(sample, root, symlinks=True)
    plan = root / "submissions/ban-tckt/kiem-tra/2025/ke-hoach.yaml"
    title = ("Kế hoạch kiểm tra, đánh giá, phân loại và xếp hạng thi đua công tác Đoàn năm 2025 " * 4)[:320]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  title: Kế hoạch kiểm tra, đánh giá", f"  title: {title} #", 1), encoding="utf-8")
    unit = root / "submissions/ban-tckt/don-vi/huyen-doan-tra-giang.yaml"
    name = ("Huyện đoàn Trà Giang\t" + "và các xã " * 30)[:200]
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("name: Huyện đoàn Trà Giang", f'name: "{name}"', 1), encoding="utf-8"
    )
    result = check_repository(root, use_cache=False)
    assert result.errors == []
    assert {r.data["document"]["title"] for r in result.records() if r.kind == "inspection-plan" and r.id == "kiem-tra-2025"} == {
        title
    }
    files = generate(root, result, gitinfo.read(root))
    schedule = Document(io.BytesIO(files["tai-ve/bieu-mau/lich-kiem-tra-2025.docx"]))
    assert len(schedule.core_properties.title) == 255 and schedule.core_properties.title.endswith("…")
    assert f'title: "{title}"' in files["kiem-tra/kiem-tra-2025.md"].decode("utf-8")
