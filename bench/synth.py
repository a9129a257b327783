"""A synthetic organisation of a given size, valid under every schema and rule.

One organisation with many "blocks", each a province's worth of a district
union with its communes, one department with its cadres, their registrations
and quarterly reports for two years, and a good model. The text is
Vietnamese and the records are about the size of real ones (1-2 KB; reports
are larger). Deterministic: the same size gives the same bytes.

``reform=True`` gives the same records in the shape the 2025 reform leaves,
with every dated reference the rules resolve: each district union and six of
its seven communes end on 01/01/2026, two new communes start that day (a
reorganisation decision per block records the merge), the seventh commune
keeps its id and records its earlier parent in ``history``, and two cadres per
block carry an earlier assignment. The years of the records (2024, 2025)
stay before the change, so the organisation checks clean either way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

VERSION = 4
YEARS = (2024, 2025)
CADRES_PER_BLOCK = 12
COMMUNES_PER_BLOCK = 7
MARKER = ".synth-version"


def _org() -> str:
    return """kind: organisation
id: to-chuc-tong-hop
name: Đoàn TNCS Hồ Chí Minh tỉnh Tổng Hợp
short_name: Tỉnh đoàn Tổng Hợp
level: province
place: Tổng Hợp
committee: BCH ĐOÀN TỈNH TỔNG HỢP
register_owner: ban-tckt
leadership_unit: thuong-truc
sectors:
  - id: huyen
    name: Huyện, thị, thành đoàn
"""


def _unit(ident: str, name: str, kind: str, extra: str = "") -> str:
    return (
        f"kind: unit\nid: {ident}\nname: {name}\ntype: {kind}\n"
        f'approvers: ["@tong-hop/{ident}-duyet"]\nsubmitters: ["@tong-hop/{ident}-nop"]\n{extra}'
    )


def _plan(year: int) -> str:
    return f"""kind: field-visit-plan
id: di-co-so-{year}
year: {year}
document:
  number: 0{year % 10}-KH/TĐTN-TCKT
  date: {year}-01-10
  title: Kế hoạch đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm {year}
  issuer: Ban Thường vụ Tỉnh đoàn
  drafted_by: ban-tckt
  signer:
    name: Nguyễn Văn Tổng
    title: Bí thư
categories:
  - code: "1.1"
    name: Phối hợp tổ chức, triển khai hoạt động tại cơ sở
  - code: "1.2"
    name: Kiểm tra, giám sát
  - code: "1.3"
    name: Theo chuyên đề
  - code: "1.4"
    name: Dự họp Ban Chấp hành, Ban Thường vụ đoàn cấp dưới
  - code: "1.5"
    name: Tham dự sinh hoạt chi đoàn
applies_to: [staff, executive]
min_days: 60
role_groups:
  - group: leader
    name: Lãnh đạo các ban và văn phòng
    focus: ["1.2", "1.4", "1.5"]
  - group: specialist
    name: Chuyên viên các ban và văn phòng
    focus: ["1.1", "1.5"]
    min_trips: 2
    min_days_per_trip: 30
window:
  from: {year}-01-01
  to: {year}-10-25
deadlines:
  registration:
    date: {year}-02-15
    strict: true
  summary:
    date: {year}-02-20
    strict: true
  quarterly_report:
    day_of_last_month: 27
exemption_reasons: [study, maternity, clerk, accountant, emulation-officer]
"""


# Each cadre's year: (category, from, to, days, quarter); specialists' rows.
_SPECIALIST = (
    ("1.1", "02-17", "03-19", 31, 1),
    ("1.1", "05-05", "06-06", 31, 2),
    ("1.5", "08-04", "08-08", 5, 3),
)
_LEADER = (
    ("1.2", "02-17", "03-19", 30, 1),
    ("1.4", "05-05", "06-06", 30, 2),
    ("1.5", "08-04", "08-08", 5, 3),
)
_PURPOSES = (
    "Cùng ăn, cùng ở, cùng làm với đoàn viên, thanh niên; hỗ trợ cơ sở tổ chức các hoạt động trọng tâm của quý",
    "Kiểm tra, giám sát việc thực hiện chương trình công tác Đoàn và phong trào thanh thiếu nhi tại cơ sở",
    "Dự sinh hoạt chi đoàn ấp, khu phố; nắm tình hình đoàn viên, thanh niên, lắng nghe ý kiến, kiến nghị",
)


def _rows(block: int, index: int, leader: bool) -> tuple[tuple[str, str, str, int, int], ...]:
    return _LEADER if leader else _SPECIALIST


def _registration(year: int, cadre: str, block: int, index: int, leader: bool, head: str) -> str:
    lines = [f"kind: registration\nplan: di-co-so-{year}\ncadre: {cadre}\nsubmitted: {year}-02-10"]
    if not leader:
        lines.append(f"approved_by: {head}\napproved_on: {year}-02-12")
    lines.append("rows:")
    for number, (category, start, end, days, _) in enumerate(_rows(block, index, leader)):
        place = f"xa-{block}-{(index + number) % COMMUNES_PER_BLOCK}"
        lines.append(
            f'  - category: "{category}"\n    days: {days}\n    from: {year}-{start}\n    to: {year}-{end}\n'
            f"    places: [{place}]\n    place: Ấp {number + 1}, xã {block}-{(index + number) % COMMUNES_PER_BLOCK}\n"
            f"    purpose: {_PURPOSES[number % 3]}"
        )
    lines.append("note: Đã thống nhất nội dung, thời gian với lãnh đạo ban và huyện đoàn địa bàn.")
    return "\n".join(lines) + "\n"


def _report(year: int, quarter: int, unit: str, block: int, cadres: list[tuple[str, bool]]) -> str:
    ends = {1: "03-26", 2: "06-26", 3: "09-26", 4: "12-26"}
    lines = [
        f"kind: quarterly-report\nplan: di-co-so-{year}\nunit: {unit}\nquarter: {quarter}\nsubmitted: {year}-{ends[quarter]}"
    ]
    lines.append(f"prepared_by: {cadres[0][0]}\nvisits:")
    for index, (cadre, leader) in enumerate(cadres):
        for number, (category, start, end, days, q) in enumerate(_rows(block, index, leader)):
            if q != quarter:
                continue
            place = f"xa-{block}-{(index + number) % COMMUNES_PER_BLOCK}"
            lines.append(
                f'  - cadre: {cadre}\n    category: "{category}"\n'
                f"    activity: Tham gia tổ chức ngày hội thanh niên, tập huấn kỹ năng cho cán bộ chi đoàn ấp\n"
                f"    days: {days - 1}\n    from: {year}-{start}\n    to: {year}-{end}\n    places: [{place}]\n"
                f"    results:\n      achievements: Cơ sở tổ chức được ba hoạt động, thu hút đông đảo đoàn viên tham gia\n"
                f"      limitations: Kinh phí hoạt động còn hạn chế\n    proposals: Hỗ trợ thêm tài liệu sinh hoạt chi đoàn"
            )
    return "\n".join(lines) + "\n"


def _cadre(ident: str, name: str, unit: str, leader: bool) -> str:
    group = "leader" if leader else "specialist"
    post = "Trưởng ban" if leader else "Chuyên viên"
    memberships = "[staff, executive]" if leader else "[staff]"
    return (
        f"kind: cadre\nid: {ident}\nname: {name}\nunit: {unit}\npost: {post}\nrole_group: {group}\n"
        f'memberships: {memberships}\ngithub: "@tong-hop-{ident}"\n'
    )


_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Quốc")
_GIVEN = ("An", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hà", "Hải", "Khánh", "Linh", "Mai", "Nam", "Phúc", "Quân")


REFORM = "2026-01-01"


def _reform(block: int, files: dict[str, str]) -> None:
    """The block after the reform (see the module's docstring), written over ``files``."""
    register = "submissions/ban-tckt/don-vi"
    district = f"huyen-{block}"
    files[f"{register}/{district}.yaml"] += f"dissolved: {REFORM}\n"
    for commune in range(1, COMMUNES_PER_BLOCK):
        files[f"{register}/xa-{block}-{commune}.yaml"] += f"dissolved: {REFORM}\n"
    kept = f"{register}/xa-{block}-0.yaml"
    files[kept] = files[kept].replace(f"parent: {district}\n", "") + (
        f"history:\n  - until: 2025-12-31\n    parent: {district}\n    name: Đoàn xã cũ {block}-0\n"
    )
    for new in (1, 2):
        ident = f"xa-moi-{block}-{new}"
        files[f"{register}/{ident}.yaml"] = _unit(
            ident, f"Đoàn xã mới {block}-{new}", "grassroots",
            f"locality:\n  name: Xã mới {block}-{new}\n  level: commune\nestablished: {REFORM}\n",
        )  # fmt: skip
    merged = [f"xa-{block}-{c}" for c in range(1, COMMUNES_PER_BLOCK)]
    files[f"submissions/ban-tckt/to-chuc/sap-xep/sap-xep-{block}.yaml"] = (
        f"kind: reorganisation\nid: sap-xep-{block}\ndocument:\n  number: {block}-QĐ/TĐTN\n  date: 2025-12-20\n"
        "  title: Quyết định sắp xếp tổ chức cơ sở Đoàn\n  issuer: Ban Thường vụ Tỉnh đoàn\n"
        f"  signer:\n    name: Nguyễn Văn Tổng\n    title: Bí thư\neffective: {REFORM}\nchanges:\n"
        f"  - change: merge\n    from: [{', '.join(merged[:3])}]\n    to: [xa-moi-{block}-1]\n"
        f"  - change: merge\n    from: [{', '.join(merged[3:])}]\n    to: [xa-moi-{block}-2]\n"
        f"  - change: transfer\n    from: [xa-{block}-0]\n  - change: dissolve\n    from: [{district}]\n"
    )
    dept = f"ban-{block}"
    for index in (1, 2):
        path = f"submissions/{dept}/can-bo/can-bo-{block}-{index}.yaml"
        files[path] += f"assignments:\n  - until: 2024-06-30\n    unit: {dept}\n    post: Cán sự\n    role_group: specialist\n"


def block_files(block: int, reform: bool = False) -> dict[str, str]:
    files: dict[str, str] = {}
    dept = f"ban-{block}"
    district = f"huyen-{block}"
    register = "submissions/ban-tckt/don-vi"
    files[f"{register}/{dept}.yaml"] = _unit(dept, f"Ban Phong trào số {block}", "department")
    files[f"{register}/{district}.yaml"] = _unit(
        district,
        f"Huyện đoàn Tổng Hợp {block}",
        "district",
        "sector: huyen\nlocality:\n  name: Huyện Tổng Hợp\n  level: district\n",
    )
    for commune in range(COMMUNES_PER_BLOCK):
        ident = f"xa-{block}-{commune}"
        extra = f"parent: {district}\nlocality:\n  name: Xã {block}-{commune}\n  level: commune\n"
        if commune == 0:
            extra += "disadvantaged: [border, hardship]\n"
        files[f"{register}/{ident}.yaml"] = _unit(ident, f"Đoàn xã {block}-{commune}", "grassroots", extra)
    cadres: list[tuple[str, bool]] = []
    for index in range(CADRES_PER_BLOCK):
        leader = index == 0
        ident = f"can-bo-{block}-{index}"
        name = f"{_FAMILY[(block + index) % 10]} {_MIDDLE[index % 6]} {_GIVEN[(block * 7 + index) % 14]}"
        cadres.append((ident, leader))
        files[f"submissions/{dept}/can-bo/{ident}.yaml"] = _cadre(ident, name, dept, leader)
    head = cadres[0][0]
    for year in YEARS:
        for index, (ident, leader) in enumerate(cadres):
            files[f"submissions/{dept}/dang-ky/{year}/{ident}.yaml"] = _registration(year, ident, block, index, leader, head)
        for quarter in (1, 2, 3):
            files[f"submissions/{dept}/bao-cao/{year}/quy-{quarter}.yaml"] = _report(year, quarter, dept, block, cadres)
    files[f"submissions/{dept}/mo-hinh/mo-hinh-{block}.yaml"] = (
        f"kind: good-model\nid: mo-hinh-{block}\nname: Ngày chủ nhật xanh số {block}\nunit: xa-{block}-0\nyear: 2025\n"
        "description: Chi đoàn ấp ra quân dọn vệ sinh, trồng cây xanh vào chủ nhật cuối tháng.\ntags: [moi-truong]\n"
        f"found_in:\n  visit:\n    cadre: can-bo-{block}-1\n    date: 2025-02-20\n"
    )
    if reform:
        _reform(block, files)
    return files


def fixed_files() -> dict[str, str]:
    files = {"submissions/ban-tckt/to-chuc.yaml": _org()}
    for ident, name, kind in (
        ("ban-tckt", "Ban Tổ chức – Kiểm tra", "department"),
        ("thuong-truc", "Thường trực Tỉnh đoàn", "leadership"),
    ):
        files[f"submissions/ban-tckt/don-vi/{ident}.yaml"] = _unit(ident, name, kind)
    for year in YEARS:
        files[f"submissions/ban-tckt/ke-hoach/di-co-so-{year}.yaml"] = _plan(year)
    return files


def per_block() -> int:
    return len(block_files(0))


def generate(root: Path, records: int, schemas: Path, reform: bool = False) -> int:
    """Write an organisation of about ``records`` files under ``root``; returns the exact count."""
    stamp = f"{VERSION}:{records}" + (":reform" if reform else "")
    marker = root / MARKER
    if marker.exists() and marker.read_text() == stamp:
        # The records are reused; the schemas are the tool's of today (a kind added since must be known).
        shutil.rmtree(root / "schemas", ignore_errors=True)
        shutil.copytree(schemas, root / "schemas")
        return sum(1 for _ in (root / "submissions").rglob("*.yaml"))
    if root.exists():
        shutil.rmtree(root)
    fixed = fixed_files()
    blocks = max(1, round((records - len(fixed)) / per_block()))
    count = 0
    made: set[Path] = set()
    for files in [fixed, *(block_files(b, reform) for b in range(blocks))]:
        for relative, text in files.items():
            path = root / relative
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_text(text, encoding="utf-8")
            count += 1
    shutil.copytree(schemas, root / "schemas")
    marker.write_text(stamp)
    return count
