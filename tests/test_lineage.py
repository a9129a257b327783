"""Following a unit through time (site_gen.lineage) and the unit pages that show it.

The case ``tests/cases/valid/lineage-ward``: Đoàn phường An Bình is formed on 01/07/2025 by merging Đoàn xã An Phú
(xa-a1, Huyện An Hòa) and Đoàn thị trấn Bình Thạnh (xa-b1, Huyện Bình Thạnh); both communes were inspected in
2024 and visited in the first half of 2025.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from site_gen import gitinfo
from site_gen.checker import check_repository
from site_gen.kinds import REORGANISATION
from site_gen.lineage import Lineage, predecessors, successors
from site_gen.model import Record
from site_gen.site.build import generate
from tests.conftest import CASES, ROOT, make_repo


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("lineage") / "repo", CASES / "valid" / "lineage-ward")


@pytest.fixture(scope="module")
def pages(root: Path) -> dict[str, str]:
    result = check_repository(root, use_cache=False)
    assert result.problems == []
    files = generate(root, result, gitinfo.read(root))
    return {name: content.decode("utf-8") for name, content in files.items() if name.startswith("don-vi/")}


def test_predecessors_and_successors(root: Path) -> None:
    ctx = check_repository(root, use_cache=False).context
    before = predecessors(ctx, "phuong-an-binh")
    assert [(s.before, s.after, s.change, s.effective, s.number, s.depth) for s in before] == [
        ("xa-a1", "phuong-an-binh", "merge", dt.date(2025, 7, 1), "9-QĐ/TĐTN", 1),
        ("xa-b1", "phuong-an-binh", "merge", dt.date(2025, 7, 1), "9-QĐ/TĐTN", 1),
    ]
    assert [(s.before, s.after) for s in successors(ctx, "xa-b1")] == [("xa-b1", "phuong-an-binh")]
    assert successors(ctx, "phuong-an-binh") == [] and predecessors(ctx, "xa-a1") == []


def _reorg(number: str, effective: dt.date, *changes: tuple[str, tuple[str, ...], tuple[str, ...]]) -> Record:
    data = {
        "kind": "reorganisation",
        "id": number,
        "document": {
            "number": number,
            "date": effective.isoformat(),
            "title": "t",
            "issuer": "i",
            "signer": {"name": "n", "title": "t"},
        },
        "effective": effective.isoformat(),
        "changes": [{"change": c, "from": list(f), "to": list(t)} for c, f, t in changes],
    }
    return Record(f"submissions/x/to-chuc/sap-xep/{number}.yaml", "reorganisation", data)


class _Ctx:
    def __init__(self, *records: Record) -> None:
        self.records = {r.id: r for r in records}

    def table(self, kind: object) -> dict[str, Record]:
        assert kind is REORGANISATION
        return self.records


def test_transitive_with_absorb_split_and_dissolve() -> None:
    ctx = _Ctx(
        _reorg("1", dt.date(2020, 1, 1), ("merge", ("a", "b"), ("c",))),
        _reorg("2", dt.date(2025, 7, 1), ("absorb", ("c", "d"), ("d",)), ("dissolve", ("e",), ())),
        _reorg("3", dt.date(2026, 1, 1), ("split", ("d",), ("f", "g"))),
    )
    lineage = Lineage.of(ctx)  # type: ignore[arg-type]
    assert [(s.before, s.after, s.depth) for s in lineage.predecessors("f")] == [
        ("d", "f", 1),
        ("c", "d", 2),
        ("a", "c", 3),
        ("b", "c", 3),
    ]
    assert lineage.units_before("d") == ["c", "a", "b"]  # d kept its id when it absorbed c: no link to itself
    assert [(s.before, s.after, s.depth) for s in lineage.successors("a")] == [
        ("a", "c", 1),
        ("c", "d", 2),
        ("d", "f", 3),
        ("d", "g", 3),
    ]
    assert [(s.before, s.after, s.change) for s in lineage.successors("e")] == [("e", None, "dissolve")]


def test_the_new_ward_shows_the_history_of_the_communes_it_came_from(pages: dict[str, str]) -> None:
    page = pages["don-vi/phuong-an-binh.md"]
    assert "## Lịch sử" in page
    assert "| [Đoàn xã An Phú](xa-a1.md) | Hợp nhất | Quyết định số 9-QĐ/TĐTN ngày 20/06/2025 | 01/07/2025 |" in page
    assert "| [Đoàn thị trấn Bình Thạnh](xa-b1.md) | Hợp nhất | Quyết định số 9-QĐ/TĐTN ngày 20/06/2025 | 01/07/2025 |" in page
    # both communes' visits before the merger, marked with the commune's name, and the ward's own after it
    assert (
        '<tr><td>01/03/2025 – 24/03/2025</td><td><a href="../can-bo/tran-thi-mai.html">Trần Thị Mai</a></td>'
        '<td class="so">24</td><td><a href="xa-a1.html">Đoàn xã An Phú</a> (đơn vị trước sắp xếp)</td></tr>'
    ) in page
    assert (
        '<tr><td>05/05/2025 – 30/05/2025</td><td><a href="../can-bo/le-van-bi.html">Lê Văn Bí</a></td>'
        '<td class="so">22</td><td><a href="xa-b1.html">Đoàn thị trấn Bình Thạnh</a> (đơn vị trước sắp xếp)</td></tr>'
    ) in page
    assert '<td class="so">5</td><td>Đoàn phường An Bình</td></tr>' in page
    # both communes' 2024 inspection results
    year_2024 = page.split("## Năm 2024", 1)[1]
    assert (
        "[Đoàn xã An Phú](xa-a1.md) (đơn vị trước sắp xếp) | 91,50 | Hoàn thành xuất sắc nhiệm vụ | 1 | [Kết quả kiểm tra](../kiem-tra/kiem-tra-2024/xa-a1.md)"
        in year_2024
    )
    assert (
        "[Đoàn thị trấn Bình Thạnh](xa-b1.md) (đơn vị trước sắp xếp) | 84 | Hoàn thành tốt nhiệm vụ | 2 | [Kết quả kiểm tra](../kiem-tra/kiem-tra-2024/xa-b1.md)"
        in year_2024
    )
    assert page.index("## Năm 2025") < page.index("## Năm 2024")


def test_a_merged_commune_links_to_what_it_became(pages: dict[str, str]) -> None:
    for commune in ("xa-a1", "xa-b1"):
        page = pages[f"don-vi/{commune}.md"]
        assert "Sau sắp xếp:" in page
        assert (
            "| [Đoàn phường An Bình](phuong-an-binh.md) | Hợp nhất | Quyết định số 9-QĐ/TĐTN ngày 20/06/2025 | 01/07/2025 |"
            in page
        )
        assert "(đơn vị trước sắp xếp)" not in page  # its own records only
    assert "01/09/2025" not in pages["don-vi/xa-b1.md"]


def test_every_unit_has_a_page(root: Path, pages: dict[str, str]) -> None:
    ctx = check_repository(root, use_cache=False).context
    assert {f"don-vi/{ident}.md" for ident in ctx.units} | {"don-vi/index.md"} == set(pages)
    assert "Chưa có chuyến đi cơ sở, kết quả kiểm tra hay kế hoạch khắc phục nào của đơn vị." in pages["don-vi/trung-tam.md"]


def test_the_units_index_lists_every_unit_of_the_sample_once() -> None:
    """don-vi/index: the units at work by type and level, the dissolved ones with the units they went into."""
    page = (ROOT / "tests/golden/site/don-vi/index.md").read_text(encoding="utf-8")
    units = check_repository(ROOT, use_cache=False).context.units
    active, _, ended = page.partition("## Đã giải thể, sáp nhập")
    listed = re.findall(r"\]\(([a-z0-9-]+)\.md\)", active) + re.findall(r'<th scope="row"><a href="([a-z0-9-]+)\.html"', ended)
    assert sorted(listed) == sorted(units)
    assert "### Cơ sở Đoàn đặc khu (1)" in active and "dac-khu-hon-ngoc.md" in active
    row = next(line for line in ended.splitlines() if 'href="xa-an-tay.html"' in line)
    assert "01/07/2025" in row and 'href="phuong-phuoc-an.html"' in row
