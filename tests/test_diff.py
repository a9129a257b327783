"""``site-gen diff``: what a change does to the records, the problems and the figures, on real git revisions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from site_gen.cli import main
from site_gen.diff import Diff, FieldChange, RecordChange, Side, to_markdown
from site_gen.escape import COMMENT_LIMIT, github_length
from site_gen.problems import Severity, make
from tests.conftest import snapshot
from tests.gfm import assert_inert, closing, render
from tests.payloads import PAYLOADS

Q4 = "submissions/ban-tckt/bao-cao/2026/quy-4.yaml"
REGISTRATION = "submissions/ban-tckt/dang-ky/2026/pham-quoc-bao.yaml"

NEW_ROW = """
  - category: "1.2"
    days: 2
    from: 2026-10-20
    to: 2026-10-21
    places: [xa-an-long]
    purpose: Kiểm tra công tác đoàn vụ tại Đoàn xã An Long
"""

REPORT = """# yaml-language-server: $schema=../../../../schemas/bundled/quarterly-report.schema.json
kind: quarterly-report
plan: di-co-so-2026
unit: ban-tckt
quarter: 4
submitted: 2026-11-21
prepared_by: pham-quoc-bao
visits:
  - cadre: pham-quoc-bao
    category: "1.2"
    activity: Kiểm tra công tác đoàn vụ tại Đoàn xã An Long
    days: 2
    from: 2026-10-20
    to: 2026-10-21
    places: [xa-an-long]
    results:
      achievements: {achievements}
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.email=unit@example.invalid", "-c", "user.name=Unit", "commit", "-qm", message)


def run(repo: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--root", str(repo)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = snapshot(tmp_path_factory.mktemp("diff-origin"))
    git(repo, "branch", "-M", "main")
    return repo


@pytest.fixture
def repo(origin: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "unit"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "switch", "-q", "-c", "ban-tckt/quy-4")
    return clone


def add_report(repo: Path, achievements: str = "Sổ sách đoàn vụ đầy đủ.") -> None:
    path = repo / REGISTRATION
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_ROW.lstrip("\n"), encoding="utf-8")
    (repo / Q4).write_text(REPORT.format(achievements=achievements), encoding="utf-8")


def test_a_report_that_brings_a_cadre_to_the_minimum(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_report(repo)
    commit(repo, "Q4 report")
    code, out, _ = run(repo, "diff", "origin/main", "HEAD", capsys=capsys)
    assert code == 0
    assert out.startswith("<!-- site-gen-diff -->\n## Tóm tắt thay đổi hồ sơ\n")
    assert "✅ Kiểm tra: không có lỗi, 2 cảnh báo" in out
    assert ": 1 hồ sơ thêm, 1 hồ sơ sửa, 0 hồ sơ xóa." in out
    figures = out.split("### Số liệu thay đổi", 1)[1].split("###", 1)[0]
    assert figures.strip().splitlines() == [
        "**Năm 2026**",
        "",
        "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): 59 → 61 ngày, đạt mức tối thiểu (60 ngày)",
        "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): đăng ký 68 → 70 ngày",
        "- Cán bộ đạt mức tối thiểu: 23 → 24 (trên 48 người phải thực hiện); tổng số ngày: 2.859 → 2.861 (47,92% → 50,00%)",
        "- Báo cáo quý đã nhận: 38 → 39/52; nộp trễ: 0 → 0",
        # the district level ended on 01/07/2025: the line is the commune's, directly under the committee
        "- Đoàn xã An Long: 159 → 161 ngày đi cơ sở",
    ]
    # the new record, field by field, ids shown with names
    assert "### Hồ sơ thêm mới (1)" in out
    assert f"<code>{Q4}</code>" in out
    rows = render(out).rows
    assert ["Người lập", "Phạm Quốc Bảo (pham-quoc-bao)"] in rows
    assert ["Các chuyến đi cơ sở[1] › Từ ngày", "20/10/2026"] in rows
    # the changed record: only the row added, before and after
    changed = render(out.split("### Hồ sơ sửa đổi (1)", 1)[1].split("###", 1)[0])
    assert ["Nội dung đăng ký[13] › Số ngày đi", "—", "2"] in changed.rows
    assert "Nội dung đăng ký[12]" not in changed.text
    # the warnings were there before the change
    assert "(đã có từ trước): Nộp ngày 30/09/2025, trễ hạn" in out
    assert "(mới)" not in out


def test_text_and_json_say_the_same(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_report(repo)
    commit(repo, "Q4 report")
    code, text, _ = run(repo, "diff", "origin/main", "HEAD", "--format", "text", capsys=capsys)
    assert code == 0
    assert "    - Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): 59 → 61 ngày, đạt mức tối thiểu (60 ngày)" in text
    assert f"  {Q4}: Báo cáo kết quả quý (mẫu 3): Ban Tổ chức – Kiểm tra Tỉnh đoàn, quý 4" in text
    code, raw, _ = run(repo, "diff", "origin/main", "HEAD", "--format", "json", capsys=capsys)
    data = json.loads(raw)
    assert data["errors"] == 0 and data["warnings"] == 2 and data["figures_counted"]
    assert [(r["status"], r["path"]) for r in data["records"]] == [("added", Q4), ("changed", REGISTRATION)]
    assert data["figures"]["2026"][0].endswith("59 → 61 ngày, đạt mức tối thiểu (60 ngày)")


def test_the_working_tree_is_compared_when_head_is_left_out(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_report(repo)
    code, out, _ = run(repo, "diff", "main", "--format", "text", capsys=capsys)
    assert code == 0
    assert "→ bản đang sửa trên máy: 1 hồ sơ thêm, 1 hồ sơ sửa" in out


def test_an_error_is_new_and_blocks_the_figures(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_report(repo)
    path = repo / Q4
    path.write_text(path.read_text(encoding="utf-8").replace("days: 2", "days: 5"), encoding="utf-8")
    commit(repo, "wrong days")
    code, out, _ = run(repo, "diff", "origin/main", "HEAD", capsys=capsys)
    assert code == 0  # the check step fails the run; the summary is still written
    assert "❌ Kiểm tra: 1 lỗi, 2 cảnh báo. Hãy sửa các lỗi trước khi nhờ duyệt." in out
    assert "Chưa tính số liệu: hồ sơ sau thay đổi còn lỗi" in out
    assert f"- <code>{Q4}:12</code> (mới): " in out


def test_a_fix_is_counted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / Q4
    add_report(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("days: 2", "days: 5"), encoding="utf-8")
    commit(repo, "wrong days")
    path.write_text(path.read_text(encoding="utf-8").replace("days: 5", "days: 2"), encoding="utf-8")
    commit(repo, "fixed")
    code, out, _ = run(repo, "diff", "HEAD~1", "HEAD", capsys=capsys)
    assert code == 0
    assert ["Các chuyến đi cơ sở[1] › Số ngày đi", "5", "2"] in render(out).rows
    assert "Đã hết 1 lỗi, cảnh báo so với trước thay đổi." in out
    assert "Bản trước thay đổi còn lỗi nên không so sánh được số liệu" in out


def test_a_moved_file_is_one_change_and_a_removal_is_listed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = next((repo / "submissions/ban-tckt/mo-hinh").glob("*.yaml"), None) or next(
        (repo / "submissions").rglob("mo-hinh/*.yaml")
    )
    relative = model.relative_to(repo).as_posix()
    git(repo, "mv", relative, relative.replace(".yaml", "-moi.yaml"))
    removed = "submissions/ban-tckt/bao-cao/2026/quy-3.yaml"
    git(repo, "rm", "-q", removed)
    commit(repo, "move and remove")
    code, out, _ = run(repo, "diff", "origin/main", "HEAD", "--format", "json", capsys=capsys)
    assert code == 0
    records = {r["path"]: r for r in json.loads(out)["records"]}
    moved = records[relative.replace(".yaml", "-moi.yaml")]
    assert moved["status"] == "changed" and moved["moved_from"] == relative and moved["fields"] == []
    assert records[removed]["status"] == "removed"


def test_record_text_cannot_ping_or_inject(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_report(repo, achievements='"@tinh-doan/admins <img src=x onerror=alert(1)> | ![x](http://e.invalid/a.png) #1"')
    commit(repo, "hostile text")
    code, out, _ = run(repo, "diff", "origin/main", "HEAD", capsys=capsys)
    assert code == 0
    page = render(out)
    row = next(row for row in page.rows if row[0].endswith("Mặt được"))
    assert row == ["Các chuyến đi cơ sở[1] › Kết quả chủ yếu › Mặt được", TEXT_SHOWN]
    assert not [tag for tag in page.tags if tag[1] in ("a", "img")] and page.references == []


TEXT_SHOWN = "@tinh-doan/admins <img src=x onerror=alert(1)> | ![x](http://e.invalid/a.png) #1"  # zero-width spaces aside


# -- every text of a record, in every place of the comment ------------------------------------------


def a_diff(value: str, where: str) -> Diff:
    """A diff holding ``value`` at one place (``where``) of the comment, the rest plain."""

    def at(place: str, plain: str) -> str:
        return value if place == where else plain

    problems = [
        make(
            at("problem file", "submissions/ban-tckt/a.yaml"),
            "yaml.syntax",
            Severity.WARNING,
            "",
            4,
            2,
            detail=at("message", "x"),
        )
    ]
    base = Side("a1b2c3d", Path("."), [], {}, {}, {}, {}, {})
    head = Side("e4f5a6b", Path("."), problems, {}, {}, {}, {}, {})
    added = [FieldChange(at("label", "Tên"), None, at("added value", "a")), FieldChange("Thẻ", None, [at("list item", "b"), "c"])]
    changed = [FieldChange("Ghi chú", at("before", "cũ"), at("after", "mới"))]
    records = [
        RecordChange(
            "added", at("path", "submissions/ban-tckt/mo-hinh/a.yaml"), "good-model", at("title", "Mô hình: A"), fields=added
        ),
        RecordChange(
            "changed", "submissions/ban-tckt/b.yaml", "unit", "Đơn vị: B", moved_from=at("moved from", "x/b.yaml"), fields=changed
        ),
        RecordChange("removed", at("removed path", "submissions/c.yaml"), "cadre", at("removed title", "Cán bộ: C")),
    ]
    figures = {2026: [f"{at('figure', 'Nguyễn Văn B')} (Ban Tổ chức): 45 → 75 ngày"]}
    return Diff(base, head, records, figures, {0}, 1, "vi")


PLACES = ["problem file", "message", "label", "added value", "list item", "before", "after", "path", "title"]
PLACES += ["moved from", "removed path", "removed title", "figure"]


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_every_record_text_in_the_comment_is_inert(payload: str, where: str) -> None:
    assert_inert(lambda value: to_markdown(a_diff(value, where)), payload)


def a_huge_diff() -> Diff:
    """Thousands of records added, each a table of Vietnamese text (multi-byte in UTF-8), and their warnings."""
    words = "Ngày hội thanh niên tình nguyện ở xã đảo, cùng ăn, cùng ở, cùng làm với đoàn viên "
    records = [
        RecordChange(
            "added",
            f"submissions/đơn-vị-{n:04}/mo-hinh/mô-hình-{n}.yaml",
            "good-model",
            f"Mô hình: Tủ sách ấp số {n}",
            fields=[FieldChange(f"Mô tả › đoạn {k}", None, words * (k + 1)) for k in range(4)],
        )
        for n in range(900)
    ]
    problems = [
        make(f"submissions/đơn-vị-{n:04}/x.yaml", "yaml.syntax", Severity.WARNING, "", n + 1, 1, detail=words) for n in range(300)
    ]
    side = Side("a1b2c3d", Path("."), [], {}, {}, {}, {}, {})
    return Diff(side, Side("e4f5a6b", Path("."), problems, {}, {}, {}, {}, {}), records, {}, set(), 0, "vi")


def test_a_huge_comment_is_cut_between_rows_under_githubs_limit() -> None:
    diff = a_huge_diff()
    full, cut = to_markdown(diff, limit=10**9), to_markdown(diff)
    assert github_length(full) > COMMENT_LIMIT >= github_length(cut) and len(cut) <= 65_536
    assert cut.encode("utf-8").decode("utf-8") == cut
    assert cut.endswith("\n\n> Bản tóm tắt quá dài nên đã cắt bớt; xem đầy đủ trong phần tóm tắt (Summary) của lượt kiểm tra.\n")
    kept = cut.rsplit("\n\n> ", 1)[0].removesuffix("\n\n</details>")
    assert full.startswith(kept) and full[len(kept)] == "\n"  # whole lines: no row, item or code span cut
    whole, part = render(full), render(cut)
    assert closing(whole.tags, part.tags[: part.tags.index(("start", "blockquote", ()))])
    assert all(len(row) == 2 for row in part.rows)
    for limit in (3_000, 10_000, 30_000):  # wherever the cut falls
        shorter = to_markdown(diff, limit=limit)
        assert github_length(shorter) <= limit and shorter.endswith("lượt kiểm tra.\n")
        assert closing(whole.tags, (page := render(shorter)).tags[: page.tags.index(("start", "blockquote", ()))])


def test_an_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(repo, "diff", "khong-co-nhanh-nay", capsys=capsys)
    assert code == 2 and out == ""
    assert err.startswith("site-gen: Không đọc được phiên bản khong-co-nhanh-nay trong kho git:")
