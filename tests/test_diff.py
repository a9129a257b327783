"""``site-gen diff``: what a change does to the records, the problems and the figures, on real git revisions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from site_gen.cli import main
from tests.conftest import snapshot

Q4 = "submissions/ban-tckt/bao-cao/2026/quy-4.yaml"
REGISTRATION = "submissions/ban-tckt/dang-ky/2026/pham-quoc-bao.yaml"

NEW_ROW = """
  - category: "1.2"
    days: 2
    from: 2026-10-20
    to: 2026-10-21
    places: [xa-phu-an]
    purpose: Kiểm tra công tác đoàn vụ tại Đoàn xã Phú An
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
    activity: Kiểm tra công tác đoàn vụ tại Đoàn xã Phú An
    days: 2
    from: 2026-10-20
    to: 2026-10-21
    places: [xa-phu-an]
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
        "- Phạm Quốc Bảo (Ban Tổ chức – Kiểm tra Tỉnh đoàn): đăng ký 67 → 69 ngày",
        "- Cán bộ đạt mức tối thiểu: 20 → 21 (trên 41 người phải thực hiện); tổng số ngày: 2.457 → 2.459 (48,78% → 51,22%)",
        "- Báo cáo quý đã nhận: 35 → 36/48; nộp trễ: 0 → 0",
        "- Thị đoàn Hòa Thuận: 232 → 234 ngày đi cơ sở",
    ]
    # the new record, field by field, ids shown with names
    assert "### Hồ sơ thêm mới (1)" in out
    assert f"<code>{Q4}</code>" in out
    assert "| Người lập | Phạm Quốc Bảo (pham-quoc-bao) |" in out
    assert "| Các chuyến đi cơ sở\\[1\\] › Từ ngày | 20/10/2026 |" in out
    # the changed record: only the row added, before and after
    changed = out.split("### Hồ sơ sửa đổi (1)", 1)[1].split("###", 1)[0]
    assert "| Nội dung đăng ký\\[13\\] › Số ngày đi | — | 2 |" in changed
    assert "Nội dung đăng ký\\[12\\]" not in changed
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
    assert f"- `{Q4}:12` (mới): " in out


def test_a_fix_is_counted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / Q4
    add_report(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("days: 2", "days: 5"), encoding="utf-8")
    commit(repo, "wrong days")
    path.write_text(path.read_text(encoding="utf-8").replace("days: 5", "days: 2"), encoding="utf-8")
    commit(repo, "fixed")
    code, out, _ = run(repo, "diff", "HEAD~1", "HEAD", capsys=capsys)
    assert code == 0
    assert "| Các chuyến đi cơ sở\\[1\\] › Số ngày đi | 5 | 2 |" in out
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
    add_report(repo, achievements='"@tinh-doan/admins <img src=x onerror=alert(1)> | ![x](http://e.invalid/a.png)"')
    commit(repo, "hostile text")
    code, out, _ = run(repo, "diff", "origin/main", "HEAD", capsys=capsys)
    assert code == 0
    row = next(line for line in out.splitlines() if "Mặt được" in line)
    assert "@tinh-doan" not in row and "@\u200btinh-doan/admins" in row
    assert "<img" not in row and "&lt;img" in row
    assert row.count(" | ") == 1  # the text's "|" does not open a cell
    assert "[x](" not in row and "\\[x\\](" in row  # brackets escaped: no link, no image


def test_a_long_summary_is_cut_under_the_comment_limit(repo: Path) -> None:
    from site_gen.diff import compute_diff, to_markdown

    add_report(repo)
    commit(repo, "Q4 report")
    text = to_markdown(compute_diff(repo, "origin/main", "HEAD", "vi"), limit=1500)
    assert len(text) <= 1500
    assert text.rstrip().endswith("xem đầy đủ trong phần tóm tắt (Summary) của lượt kiểm tra.")


def test_an_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(repo, "diff", "khong-co-nhanh-nay", capsys=capsys)
    assert code == 2 and out == ""
    assert err.startswith("site-gen: Không đọc được phiên bản khong-co-nhanh-nay trong kho git:")
