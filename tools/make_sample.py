#!/usr/bin/env python3
"""Write the sample organisation "Tỉnh đoàn Bình An" into submissions/.

Every name, place and document number here is invented. The records follow the
seed documents: the field-visit plan of seed 003 (forms 1, 2, 3), the
inspection plan of seed 001, the remediation plan of seed 004, the mid-term
survey of seed 000 and the "1+2" figures and problems of seed 002.

The organisation is that of 2026, after the 2025 reform: Bình An, into which
the former committee of Hải Lâm merged on 01/07/2025. 2024 has two committees,
each with its districts, communes, cadres and plan; 2025 spans the reform (the
district level ends, the communes are merged into 25 unions directly under the
committee, Hải Lâm's cadres move to Bình An's units and finish the year under
Hải Lâm's plan); 2026 has one committee.

The years 2024 and 2025 are complete. The year 2026 is in progress, as the
records stand on the snapshot date 20/11/2026: the plan, the registrations and
the reports of quarters 1 to 3 (one unit's third-quarter report has not
arrived); no fourth-quarter report yet (due in December); the inspection plan
with its schedule from 24/11/2026; two units have sent their documents (results
"scheduled", waiting for the visit), no inspection has taken place yet. The 2025
remediation plan ends with 2025 (its last report was due 01/11/2025 and its
long-term shortcoming is carried into a 2026 plan not written yet), so 2026
has no remediation record.

The output is stable: one ``random.Random(2025)`` drives every choice of 2024
and 2025, in a fixed order; the year in progress has its own
``random.Random(2026)``, used only after everything else is made. Run from
anywhere: ``python tools/make_sample.py [--root DIR]``. The previous contents of
``submissions/`` are deleted first.

``site-gen check`` gives no error and these warnings, all intended:

- ``rule.late``: one 2025 quarterly report sent late (``LATE_REPORT``);
- ``rule.visit-unregistered``: one 2025 visit made without registering
  (``UNREGISTERED``, seed 002);
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import unicodedata
from pathlib import Path
from random import Random
from typing import Any

import yaml

rng = Random(2025)
ORG = "tinh-doan-binh-an"
D = dt.date
YEARS = (2024, 2025)  # complete years, drawn from ``rng``
CURRENT = 2026  # the year in progress, drawn from its own Random(2026)
SNAPSHOT = D(2026, 11, 20)  # the records of the year in progress stand as on this day
MISSING_REPORT = ("xa-phuoc-lam", CURRENT, 3)  # the one quarterly report not yet arrived
MODEL_TAGS = {  # the names of the good models' tags, shown on the site
    "an-ninh-trat-tu": "An ninh trật tự",
    "chuyen-doi-so": "Chuyển đổi số",
    "cong-nhan": "Thanh niên công nhân",
    "cong-trinh-thanh-nien": "Công trình thanh niên",
    "dan-toc-thieu-so": "Đồng bào dân tộc thiểu số",
    "doan-ket-tap-hop": "Đoàn kết, tập hợp thanh niên",
    "hoc-tap": "Học tập",
    "lap-nghiep": "Khởi nghiệp, lập nghiệp",
    "moi-truong": "Bảo vệ môi trường",
    "sinh-hoat-chi-doan": "Sinh hoạt chi đoàn",
    "tinh-nguyen": "Tình nguyện",
    "to-chuc": "Xây dựng tổ chức Đoàn",
    "tuong-tro": "Tương trợ",
    "van-hoa": "Văn hóa",
}
UNVISITED_2025 = "xa-tra-giang"  # no provincial cadre visited it in 2025 (seed 002; see UNVISITED): its inspection says so

# -- the register: text tables, one row a line, columns split on "|" ------------------------------------------
HEAD_UNITS = """
thuong-truc               | leadership | TT   | Thường trực Tỉnh đoàn                       | Thường trực
van-phong                 | office     | VP   | Văn phòng Tỉnh đoàn                         | Văn phòng
ban-tckt                  | department | TCKT | Ban Tổ chức – Kiểm tra Tỉnh đoàn            | Ban Tổ chức – Kiểm tra
ban-tuyen-giao            | department | TG   | Ban Tuyên giáo Tỉnh đoàn                    | Ban Tuyên giáo
ban-phong-trao            | department | PT   | Ban Phong trào Tỉnh đoàn                    | Ban Phong trào
ban-thanh-nien-truong-hoc | department | TNTH | Ban Thanh niên trường học Tỉnh đoàn         | Ban Thanh niên trường học
ban-cong-tac-thieu-nhi    | department | CTTN | Ban Công tác thiếu nhi Tỉnh đoàn            | Ban Công tác thiếu nhi
ban-doan-ket-tap-hop      | department | ĐKTH | Ban Đoàn kết tập hợp thanh niên Tỉnh đoàn   | Ban Đoàn kết tập hợp
trung-tam-boi-duong       | service    | TTBD | Trung tâm Bồi dưỡng nghiệp vụ công tác Đoàn | Trung tâm Bồi dưỡng
"""
# District-level unions and their communes: level p (phường), x (xã), tt (thị trấn), then name, then flags joined by "+".
DISTRICTS = """
thanh-doan-an-khanh   | Thành đoàn | An Khánh   | city     | p:An Khánh, p:Phú Thịnh, p:Hiệp Hòa, p:Tân Định, x:Tân An,
                                                             x:Long Bình Đông:hardship
thi-doan-hoa-thuan    | Thị đoàn   | Hòa Thuận  | town     | p:Hòa Thuận, p:An Điền, p:Mỹ Phước, x:An Tây, x:Phú An:religious
huyen-doan-tan-hung   | Huyện đoàn | Tân Hưng   | district | tt:Tân Hưng, x:Tân Lập:border+hardship, x:Hòa Hiệp:border,
                                                             x:Tân Bình, x:Thạnh An:border+remote, x:Bàu Sen
huyen-doan-phuoc-lam  | Huyện đoàn | Phước Lâm  | district | tt:Phước Lâm, x:Phước Hòa, x:An Nhơn, x:Long Tân:religious,
                                                             x:Phước Thạnh
huyen-doan-binh-son   | Huyện đoàn | Bình Sơn   | district | tt:Bình Sơn, x:Bình Hòa, x:Bình Trị, x:Tân Phước:hardship, x:Sơn Thủy
huyen-doan-long-giang | Huyện đoàn | Long Giang | district | tt:Long Giang, x:Long Phú, x:Long Hưng, x:Mỹ Long:religious,
                                                             x:Phú Long, x:Giang Điền, x:Long Thạnh
huyen-doan-vinh-phuoc | Huyện đoàn | Vĩnh Phước | district | tt:Vĩnh Phước, x:Vĩnh Hòa:border, x:Vĩnh Lợi,
                                                             x:Phước Vĩnh:border+hardship
huyen-doan-son-lam    | Huyện đoàn | Sơn Lâm    | district | tt:Sơn Lâm, x:Lâm Sơn:ethnic-minority+remote,
                                                             x:Sơn Hà:ethnic-minority, x:Tân Sơn,
                                                             x:Suối Đá:ethnic-minority+hardship, x:Bàu Trâm
huyen-doan-tra-giang  | Huyện đoàn | Trà Giang  | district | tt:Trà Giang, x:Trà Phong:remote, x:Cồn Tiên:remote+hardship,
                                                             x:Giang Hải
"""
# Directly affiliated unions, with some of their branches (for branch meetings, 1.5).
AFFILIATED = """
doan-khoi-co-quan      | ĐKCQ | Đoàn Khối các cơ quan tỉnh  | Khối các cơ quan  | Chi đoàn Sở Tư pháp; Chi đoàn Sở Y tế;
                         Chi đoàn Kho bạc Nhà nước tỉnh; Chi đoàn Báo Bình An
doan-khoi-doanh-nghiep | ĐKDN | Đoàn Khối Doanh nghiệp và Hợp tác xã tỉnh | Khối Doanh nghiệp | Chi đoàn Công ty Cổ phần May Tân Định;
                         Chi đoàn Công ty TNHH Gỗ Phước Hưng; Chi đoàn Công ty Điện lực Bình An
"""
# The former committee of Hải Lâm, merged into Bình An on 01/07/2025 (as Bình Dương joined Hồ Chí Minh City): its
# head units and its two district-level unions, which end with it; its cadres move to Bình An's units.
HAI_LAM = "tinh-doan-hai-lam"
HAI_LAM_HEAD = """
hai-lam-thuong-truc    | leadership | TT | Thường trực Tỉnh đoàn Hải Lâm       | Thường trực (Hải Lâm)
hai-lam-van-phong      | office     | VP | Văn phòng Tỉnh đoàn Hải Lâm         | Văn phòng (Hải Lâm)
hai-lam-ban-phong-trao | department | PT | Ban Phong trào Tỉnh đoàn Hải Lâm    | Ban Phong trào (Hải Lâm)
"""
HAI_LAM_DISTRICTS = """
thanh-doan-hai-lam | Thành đoàn | Hải Lâm  | city     | p:Hải Thịnh, p:Hải Châu, p:Cửa Lấp, x:Hải Bình, x:Phước Hải:hardship
huyen-doan-hon-ngoc | Huyện đoàn | Hòn Ngọc | district | tt:Hòn Ngọc, x:Bãi Thơm:remote, x:Gành Dầu:border+remote
"""
# The reform of 01/07/2025: the district level ends; the communes, wards and townships are merged into the units
# below, directly under the committee. id | level | name | the units it is formed from. A unit that keeps its id
# (An Khánh keeps its name; Long Thạnh and Suối Đá are not merged) records its earlier parent in ``history``.
REFORM = D(2025, 7, 1)
NEW_UNITS = """
phuong-an-khanh  | p  | An Khánh  | phuong-an-khanh, phuong-phu-thinh
phuong-binh-tan  | p  | Bình Tân  | phuong-tan-dinh, xa-tan-an
phuong-thuan-an  | p  | Thuận An  | phuong-hoa-thuan, phuong-hiep-hoa
phuong-phuoc-an  | p  | Phước An  | xa-an-tay, xa-long-binh-dong
phuong-my-dien   | p  | Mỹ Điền   | phuong-an-dien, phuong-my-phuoc
xa-tan-hung      | x  | Tân Hưng  | thi-tran-tan-hung, xa-tan-binh, xa-bau-sen
xa-hoa-lap       | x  | Hòa Lập   | xa-tan-lap, xa-hoa-hiep, xa-thanh-an
xa-phuoc-lam     | x  | Phước Lâm | thi-tran-phuoc-lam, xa-phuoc-hoa, xa-phuoc-thanh
xa-an-long       | x  | An Long   | xa-an-nhon, xa-long-tan, xa-phu-an
xa-binh-son      | x  | Bình Sơn  | thi-tran-binh-son, xa-binh-hoa, xa-binh-tri
xa-tan-thuy      | x  | Tân Thủy  | xa-tan-phuoc, xa-son-thuy
xa-long-giang    | x  | Long Giang | thi-tran-long-giang, xa-long-phu
xa-long-thanh    | x  | Long Thạnh | xa-long-thanh
xa-my-hung       | x  | Mỹ Hưng   | xa-long-hung, xa-my-long
xa-phu-giang     | x  | Phú Giang | xa-phu-long, xa-giang-dien
xa-vinh-phuoc    | x  | Vĩnh Phước | thi-tran-vinh-phuoc, xa-vinh-loi
xa-vinh-bien     | x  | Vĩnh Biên | xa-vinh-hoa, xa-phuoc-vinh
xa-son-lam       | x  | Sơn Lâm   | thi-tran-son-lam, xa-tan-son, xa-bau-tram
xa-lam-ha        | x  | Lâm Hà    | xa-lam-son, xa-son-ha
xa-suoi-da       | x  | Suối Đá   | xa-suoi-da
xa-tra-giang     | x  | Trà Giang | thi-tran-tra-giang, xa-giang-hai
xa-tra-tien      | x  | Trà Tiên  | xa-tra-phong, xa-con-tien
phuong-hai-lam   | p  | Hải Lâm   | phuong-hai-thinh, phuong-hai-chau
phuong-hai-an    | p  | Hải An    | phuong-cua-lap, xa-hai-binh, xa-phuoc-hai
dac-khu-hon-ngoc | dk | Hòn Ngọc  | thi-tran-hon-ngoc, xa-bai-thom, xa-ganh-dau
"""
LEVELS = {
    "p": ("ward", "Phường", "phuong"),
    "x": ("commune", "Xã", "xa"),
    "tt": ("township", "Thị trấn", "thi-tran"),
    "dk": ("special-zone", "Đặc khu", "dac-khu"),
}
DISTRICT_LEVEL_NAME = {"city": "Thành phố", "town": "Thị xã", "district": "Huyện"}

# -- cadres: unit | name | post | role group | memberships (S staff, E executive, B standing board) ----------
CADRES = """
thuong-truc               | Lê Hoàng Phúc        | Bí thư Tỉnh đoàn                            | standing   | S E B
thuong-truc               | Võ Thanh Sơn         | Phó Bí thư Thường trực Tỉnh đoàn            | standing   | S E B
thuong-truc               | Nguyễn Thị Thu Hà    | Phó Bí thư Tỉnh đoàn                        | standing   | S E B
van-phong                 | Đặng Minh Khoa       | Chánh Văn phòng                             | leader     | S E B
van-phong                 | Huỳnh Thị Kim Ngân   | Phó Chánh Văn phòng                         | leader     | S E
van-phong                 | Trương Văn Lực       | Chuyên viên                                 | specialist | S
van-phong                 | Lý Thị Hồng Nhung    | Chuyên viên                                 | specialist | S
van-phong                 | Mai Thị Ánh Tuyết    | Văn thư                                     | specialist | S
van-phong                 | Đỗ Thị Thanh Thảo    | Kế toán                                     | specialist | S
van-phong                 | Tạ Quang Vinh        | Chuyên viên phụ trách thi đua – khen thưởng | specialist | S
ban-tckt                  | Phạm Quốc Bảo        | Trưởng ban                                  | leader     | S E B
ban-tckt                  | Hồ Thị Diễm My       | Phó Trưởng ban                              | leader     | S E
ban-tckt                  | Trần Thị Mai         | Chuyên viên                                 | specialist | S
ban-tckt                  | Nguyễn Văn Hậu       | Chuyên viên                                 | specialist | S
ban-tckt                  | Lâm Hoàng Nam        | Chuyên viên                                 | specialist | S
ban-tckt                  | Châu Thị Ngọc Hân    | Chuyên viên                                 | specialist | S
ban-tuyen-giao            | Bùi Thị Thanh Hương  | Trưởng ban                                  | leader     | S E B
ban-tuyen-giao            | Dương Minh Trí       | Phó Trưởng ban                              | leader     | S E
ban-tuyen-giao            | Ngô Thị Mỹ Duyên     | Chuyên viên                                 | specialist | S
ban-tuyen-giao            | Vũ Đức Thắng         | Chuyên viên                                 | specialist | S
ban-tuyen-giao            | Cao Thị Yến Nhi      | Chuyên viên                                 | specialist | S
ban-phong-trao            | Trịnh Quốc Hưng      | Trưởng ban                                  | leader     | S E B
ban-phong-trao            | Lương Thị Cẩm Tú     | Phó Trưởng ban                              | leader     | S E
ban-phong-trao            | Nguyễn Hoàng Long    | Chuyên viên                                 | specialist | S
ban-phong-trao            | Phạm Thị Thùy Dung   | Chuyên viên                                 | specialist | S
ban-phong-trao            | Lê Văn Tài           | Chuyên viên                                 | specialist | S
ban-phong-trao            | Kiều Minh Tuấn       | Chuyên viên                                 | specialist | S
ban-thanh-nien-truong-hoc | Nguyễn Thị Hải Yến   | Trưởng ban                                  | leader     | S E
ban-thanh-nien-truong-hoc | Đinh Công Thành      | Phó Trưởng ban                              | leader     | S
ban-thanh-nien-truong-hoc | Võ Thị Ngọc Trâm     | Chuyên viên                                 | specialist | S
ban-thanh-nien-truong-hoc | Hà Minh Nhựt         | Chuyên viên                                 | specialist | S
ban-thanh-nien-truong-hoc | Quách Thị Kim Loan   | Chuyên viên                                 | specialist | S
ban-cong-tac-thieu-nhi    | Lê Thị Phương Thảo   | Trưởng ban                                  | leader     | S E
ban-cong-tac-thieu-nhi    | Trần Minh Hiếu       | Phó Trưởng ban                              | leader     | S
ban-cong-tac-thieu-nhi    | Nguyễn Thị Lan Anh   | Chuyên viên                                 | specialist | S
ban-cong-tac-thieu-nhi    | Đoàn Văn Khải        | Chuyên viên                                 | specialist | S
ban-cong-tac-thieu-nhi    | Phùng Thị Thu Trang  | Chuyên viên                                 | specialist | S
ban-doan-ket-tap-hop      | Huỳnh Văn Thịnh      | Trưởng ban                                  | leader     | S E
ban-doan-ket-tap-hop      | Tô Thị Bảo Ngọc      | Phó Trưởng ban                              | leader     | S
ban-doan-ket-tap-hop      | Mạc Văn Toàn         | Chuyên viên                                 | specialist | S
ban-doan-ket-tap-hop      | La Thị Mộng Cầm      | Chuyên viên                                 | specialist | S
ban-doan-ket-tap-hop      | Âu Minh Đức          | Chuyên viên                                 | specialist | S
thanh-doan-an-khanh       | Nguyễn Thành Công    | Bí thư Thành đoàn An Khánh                  | leader     | E
thi-doan-hoa-thuan        | Trần Thị Kiều Oanh   | Bí thư Thị đoàn Hòa Thuận                   | leader     | E
huyen-doan-tan-hung       | Lê Quốc Việt         | Bí thư Huyện đoàn Tân Hưng                  | leader     | E
huyen-doan-phuoc-lam      | Phạm Văn Sang        | Bí thư Huyện đoàn Phước Lâm                 | leader     | E
"""
# Hải Lâm's cadres: their unit and post until 30/06/2025, then where the merged committee placed them.
HAI_LAM_CADRES = """
hai-lam-thuong-truc    | Trần Văn Hải        | Bí thư Tỉnh đoàn Hải Lâm      | standing   | S E B | thuong-truc    | Phó Bí thư Tỉnh đoàn
hai-lam-thuong-truc    | Nguyễn Thị Bích Lâm | Phó Bí thư Tỉnh đoàn Hải Lâm  | standing   | S E B | ban-tckt       | Phó Trưởng ban
hai-lam-van-phong      | Phan Minh Quân      | Chánh Văn phòng               | leader     | S E   | van-phong      | Phó Chánh Văn phòng
hai-lam-van-phong      | Lê Thị Ngọc Hạnh    | Chuyên viên                   | specialist | S     | ban-phong-trao | Chuyên viên
hai-lam-ban-phong-trao | Võ Hoàng Duy        | Trưởng ban                    | leader     | S E   | ban-phong-trao | Phó Trưởng ban
hai-lam-ban-phong-trao | Đỗ Minh Triết       | Chuyên viên                   | specialist | S     | ban-tuyen-giao | Chuyên viên
thanh-doan-hai-lam     | Huỳnh Thanh Tâm     | Bí thư Thành đoàn Hải Lâm     | leader     | E     | phuong-hai-lam | Bí thư Đoàn phường Hải Lâm
"""
# Bình An's district secretaries from 01/07/2025: the secretary of the commune or ward union formed where they were.
MOVES = {
    "nguyen-thanh-cong": ("phuong-an-khanh", "Bí thư Đoàn phường An Khánh"),
    "tran-thi-kieu-oanh": ("phuong-thuan-an", "Bí thư Đoàn phường Thuận An"),
    "le-quoc-viet": ("xa-tan-hung", "Bí thư Đoàn xã Tân Hưng"),
    "pham-van-sang": ("xa-phuoc-lam", "Bí thư Đoàn xã Phước Lâm"),
}
MEMBERSHIPS = {"S": "staff", "E": "executive", "B": "standing-board"}
AFFILIATED_IDS = ["doan-khoi-co-quan", "doan-khoi-doanh-nghiep"]


def table(text: str) -> list[list[str]]:
    """The rows of a text table; a line that starts with blanks continues the row above."""
    rows: list[str] = []
    for line in text.strip("\n").splitlines():
        if line.startswith(" ") and rows:
            rows[-1] += " " + line.strip()
        else:
            rows.append(line)
    return [[cell.strip() for cell in row.split("|")] for row in rows]


EXEMPTIONS = {  # cadre -> years off the "1+2" duty, and why
    "mai-thi-anh-tuyet": [(2024, "clerk"), (2025, "clerk"), (2026, "clerk")],
    "do-thi-thanh-thao": [(2024, "accountant"), (2025, "accountant"), (2026, "accountant")],
    "ta-quang-vinh": [(2024, "emulation-officer"), (2025, "emulation-officer"), (2026, "emulation-officer")],
    "ngo-thi-my-duyen": [(2024, "study")],
    "nguyen-thi-lan-anh": [(2025, "maternity")],
    "pham-thi-thuy-dung": [(2026, "maternity")],
    "ha-minh-nhut": [(2026, "study")],
}
EXEMPTION_DETAIL = {  # (cadre, year) -> from, to, internal note
    ("ngo-thi-my-duyen", 2024): ("2023-09-04", "2024-08-31", "Học thạc sĩ tập trung tại Học viện Thanh thiếu niên Việt Nam."),
    ("nguyen-thi-lan-anh", 2025): ("2025-02-10", "2025-08-09", None),
    ("pham-thi-thuy-dung", 2026): ("2026-03-16", "2026-09-15", None),
    ("ha-minh-nhut", 2026): (
        "2026-03-02",
        "2026-12-18",
        "Học cao cấp lý luận chính trị hệ tập trung tại Học viện Chính trị khu vực II.",
    ),
}
# Subject cadres who fall short of 60 days, by year (seed 002: the figures must show it).
SHORT = {
    2024: ["vu-duc-thang", "tran-minh-hieu"],
    2025: ["kieu-minh-tuan", "cao-thi-yen-nhi", "to-thi-bao-ngoc", "pham-van-sang"],
}
LATE_REPORT = ("ban-doan-ket-tap-hop", 2025, 3, D(2025, 9, 30))
UNREGISTERED = ("luong-thi-cam-tu", 2025)  # one visit made without registering (seed 002)


# -- helpers ---------------------------------------------------------------------------------------
def slug(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def iso(day: D) -> str:
    return day.isoformat()


def add(day: D, n: int) -> D:
    return day + dt.timedelta(days=n)


def span(a: D, b: D) -> int:
    return (b - a).days + 1


def pick(items: list[Any], n: int | None = None) -> Any:
    return rng.choice(items) if n is None else rng.sample(items, n)


def fill(template: str, **kw: Any) -> str:
    return template.format(n=rng.randint(2, 6), m=rng.randint(12, 60), **kw)


# -- YAML, written the way a person would -----------------------------------------------------------
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
QUOTED = re.compile(r"(\d+(\.\d+)+|\d{2}:\d{2})\Z")  # category codes and times
PHONE = re.compile(r"[0-9 .+()-]+\Z")  # digits only, quoted as the schema asks
FLOW_SAFE = re.compile(r"[^,\[\]{}#&*!|>'\"%@`]+\Z")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if DATE.match(text):
        return text
    if QUOTED.match(text) or PHONE.match(text) or not _plain_ok(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text[0] in "-?:,[]{}#&*!|>'\"%@`":
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _flow(items: list[Any]) -> str | None:
    if not all(isinstance(i, str | int) and not isinstance(i, bool) for i in items):
        return None
    parts = [scalar(i) for i in items]
    if not all(FLOW_SAFE.match(p) or p.startswith('"') for p in parts) or any(" " in str(i) for i in items):
        return None
    line = "[" + ", ".join(parts) + "]"
    return line if len(line) <= 90 else None


def dump_map(data: dict[str, Any], indent: int) -> list[str]:
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *dump_map(value, indent + 2)]
        elif isinstance(value, list):
            flow = _flow(value) if value else "[]"
            lines += [f"{pad}{key}: {flow}"] if flow else [f"{pad}{key}:", *dump_list(value, indent + 2)]
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def dump_list(items: list[Any], indent: int) -> list[str]:
    pad, lines = " " * indent, []
    for item in items:
        if isinstance(item, dict):
            inner = dump_map(item, indent + 2)
            lines += [pad + "- " + inner[0].lstrip(), *inner[1:]]
        else:
            lines.append(f"{pad}- {scalar(item)}")
    return lines


FILES: dict[str, dict[str, Any]] = {}


def put(owner: str, path: str, record: dict[str, Any]) -> None:
    rel = f"submissions/{owner}/{path}"
    assert rel not in FILES, rel
    FILES[rel] = record


def write_all(root: Path) -> None:
    base = root / "submissions"
    if base.exists():
        shutil.rmtree(base)
    for rel in sorted(FILES):
        record = FILES[rel]
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        schema = os.path.relpath(root / "schemas" / "bundled" / f"{record['kind']}.schema.json", target.parent)
        text = f"# yaml-language-server: $schema={schema}\n" + "\n".join(dump_map(record, 0)) + "\n"
        target.write_text(text, encoding="utf-8")


# -- organisation and units ----------------------------------------------------------------------------
UNITS: dict[str, dict[str, Any]] = {}
COMMUNES: dict[str, list[str]] = {}  # district -> commune ids
HAMLET_OF: dict[str, list[str]] = {}  # commune -> hamlets or quarters; affiliated union -> branches


def teams(ident: str) -> dict[str, list[str]]:
    return {"approvers": [f"@{ORG}/{ident}-duyet"], "submitters": [f"@{ORG}/{ident}-nop"]}


ORGANISATION_NOTE = (
    "Từ ngày 01/07/2025, Tỉnh đoàn Hải Lâm hợp nhất vào Tỉnh đoàn Bình An; cấp huyện kết thúc hoạt động, các Đoàn xã, "
    "phường, đặc khu trực thuộc Tỉnh đoàn."
)
PREDECESSORS = [
    {
        "id": HAI_LAM,
        "name": "Đoàn TNCS Hồ Chí Minh tỉnh Hải Lâm",
        "short_name": "Tỉnh đoàn Hải Lâm",
        "place": "Hải Lâm",
        "committee": "BCH ĐOÀN TỈNH HẢI LÂM",
        "until": "2025-06-30",
        "note": "Hợp nhất vào Tỉnh đoàn Bình An từ ngày 01/07/2025.",
    }
]
HISTORY: dict[str, list[dict[str, Any]]] = {}  # unit -> earlier states (a unit that keeps its id through the reform)
PREDECESSORS_OF: dict[str, list[str]] = {}  # new unit -> the units it is formed from
DISTRICTS_OF: dict[str, list[str]] = {ORG: [], HAI_LAM: []}  # committee -> its district-level unions (before the reform)
NEW_IDS: list[str] = []


def make_district(ident: str, union: str, place: str, level: str, communes: str, committee: str | None) -> None:
    UNITS[ident] = {
        "kind": "unit",
        "id": ident,
        "name": f"{union} {place}",
        "short_name": place,
        "type": "district",
        "sector": "huyen-thi-thanh",
        "locality": {"name": f"{DISTRICT_LEVEL_NAME[level]} {place}", "level": level},
        **({"committee": committee} if committee else {}),
        **teams(ident),
        "dissolved": iso(REFORM),
    }
    DISTRICTS_OF[committee or ORG].append(ident)
    COMMUNES[ident] = []
    for spec in communes.split(", "):
        code, cname, *flags = spec.split(":")
        level_code, prefix, id_prefix = LEVELS[code]
        cid = f"{id_prefix}-{slug(cname)}"
        assert cid not in UNITS, cid
        unit = {
            "kind": "unit",
            "id": cid,
            "name": f"Đoàn {prefix.lower()} {cname}",
            "short_name": cname,
            "type": "grassroots",
            "parent": ident,
            "sector": "huyen-thi-thanh",
            "locality": {"name": f"{prefix} {cname}", "level": level_code},
        }
        if flags:
            unit["disadvantaged"] = flags[0].split("+")
        unit.update(approvers=[f"@{ORG}/{ident}-duyet"], submitters=[f"@{ORG}/{cid}-nop"], dissolved=iso(REFORM))
        UNITS[cid] = unit
        COMMUNES[ident].append(cid)
        HAMLET_OF[cid] = (
            [f"Khu phố {n}" for n in sorted(rng.sample(range(1, 9), 3))] if code != "x" else [f"Ấp {h}" for h in pick(HAMLETS, 3)]
        )


def make_new_units() -> None:
    """The commune, ward and special-zone unions of 01/07/2025, each formed from the units of its row."""
    for ident, code, cname, sources in table(NEW_UNITS):
        level_code, prefix, _ = LEVELS[code]
        before = sources.split(", ")
        hamlets = [h for old in before for h in HAMLET_OF.get(old, [])]
        flags = sorted({flag for old in before for flag in UNITS[old].get("disadvantaged", [])})
        unit: dict[str, Any] = {
            "kind": "unit",
            "id": ident,
            "name": f"Đoàn {prefix.lower()} {cname}",
            "short_name": cname,
            "type": "grassroots",
            "sector": "xa-phuong",
            "locality": {"name": f"{prefix} {cname}", "level": level_code},
        }
        if flags:
            unit["disadvantaged"] = flags
        unit.update(teams(ident))
        if ident in UNITS:  # keeps its id: the earlier parent and sector are history
            old = UNITS[ident]
            HISTORY[ident] = [{"until": iso(add(REFORM, -1)), "parent": old["parent"], "sector": old["sector"]}]
            unit["history"] = HISTORY[ident]
            before = [b for b in before if b != ident]
        else:
            unit["established"] = iso(REFORM)
        PREDECESSORS_OF[ident] = before
        UNITS[ident] = unit
        HAMLET_OF[ident] = hamlets or [f"Khu phố {n}" for n in (1, 2, 3)]
        NEW_IDS.append(ident)


def make_units() -> None:
    put(
        "ban-tckt",
        "to-chuc.yaml",
        {
            "kind": "organisation",
            "id": ORG,
            "name": "Đoàn TNCS Hồ Chí Minh tỉnh Bình An",
            "short_name": "Tỉnh đoàn Bình An",
            "level": "province",
            "place": "Bình An",
            "committee": "BCH ĐOÀN TỈNH BÌNH AN",
            "register_owner": "ban-tckt",
            "leadership_unit": "thuong-truc",
            "sectors": [
                {"id": "huyen-thi-thanh", "name": "Huyện, thị xã, thành phố", "until": iso(add(REFORM, -1))},
                {"id": "xa-phuong", "name": "Xã, phường, đặc khu", "from": iso(REFORM)},
                {"id": "truc-thuoc", "name": "Đoàn trực thuộc"},
            ],
            "predecessors": PREDECESSORS,
            "address": "Số 12 đường Trần Phú, phường An Khánh, tỉnh Bình An",
            "phone": "0274 3822 456",
            "email": "tinhdoan@binhan.gov.vn",
            "website": "https://tinhdoanbinhan.vn",
            "repository": {
                "url": f"https://github.com/{ORG}/du-lieu-cong-tac-co-so",
                "branch": "main",
                "maintainers": [f"@{ORG}/bao-tri-kho"],
            },
            "model_tags": MODEL_TAGS,
            "timezone": "Asia/Ho_Chi_Minh",
        },
    )
    for text, committee in ((HEAD_UNITS, None), (HAI_LAM_HEAD, HAI_LAM)):
        for ident, kind, abbr, name, short in table(text):
            UNITS[ident] = {
                "kind": "unit",
                "id": ident,
                "name": name,
                "short_name": short,
                "abbreviation": abbr,
                "type": kind,
                **({"committee": committee, "dissolved": iso(REFORM)} if committee else {}),
                **teams(ident),
            }
    for text, committee in ((DISTRICTS, None), (HAI_LAM_DISTRICTS, HAI_LAM)):
        for ident, union, place, level, communes in table(text):
            make_district(ident, union, place, level, communes, committee)
    for ident, abbr, name, short, branches in table(AFFILIATED):
        UNITS[ident] = {
            "kind": "unit",
            "id": ident,
            "name": name,
            "short_name": short,
            "abbreviation": abbr,
            "type": "affiliated",
            "sector": "truc-thuoc",
            **teams(ident),
        }
        HAMLET_OF[ident] = branches.split("; ")
    UNITS["doan-khoi-doanh-nghiep"]["history"] = [
        {"until": "2025-09-30", "name": "Đoàn Khối Doanh nghiệp tỉnh", "short_name": "Khối Doanh nghiệp"}
    ]
    make_new_units()
    for ident, unit in UNITS.items():
        put("ban-tckt", f"don-vi/{ident}.yaml", unit)


def commune_label(cid: str) -> str:
    name: str = UNITS[cid]["locality"]["name"]
    return name.replace("Phường", "phường").replace("Xã", "xã").replace("Thị trấn", "thị trấn")


# -- cadres ---------------------------------------------------------------------------------------------
CADRE: dict[str, dict[str, Any]] = {}


def make_cadres() -> None:
    for unit, name, post, group, members in table(CADRES):
        add_cadre(unit, name, post, group, members)
    for unit, name, post, group, members, new, new_post in table(HAI_LAM_CADRES):
        new_group = "standing" if new == "thuong-truc" else "specialist" if group == "specialist" else "leader"
        add_cadre(new, name, new_post, new_group, members)
        record = CADRE[slug(name)]
        record["assignments"] = [
            {
                "until": iso(add(REFORM, -1)),
                "unit": unit,
                "post": post,
                "role_group": group,
                "memberships": [MEMBERSHIPS[m] for m in members.split()],
            }
        ]
    for ident, (new, new_post) in MOVES.items():
        record = CADRE[ident]
        record["assignments"] = [
            {
                "until": iso(add(REFORM, -1)),
                "unit": record["unit"],
                "post": record["post"],
                "role_group": record["role_group"],
                "memberships": list(record["memberships"]),
            }
        ]
        record.update(unit=new, post=new_post)
    for ident, record in CADRE.items():
        if "assignments" in record:  # the earlier assignment before the exemptions, as a person would write it
            order = ["kind", "id", "name", "unit", "post", "role_group", "memberships", "assignments"]
            CADRE[ident] = record = {k: record[k] for k in order if k in record} | {
                k: v for k, v in record.items() if k not in order
            }
        put(record["unit"], f"can-bo/{ident}.yaml", record)


def add_cadre(unit: str, name: str, post: str, group: str, members: str) -> None:
    ident = slug(name)
    assert ident not in CADRE, ident
    record: dict[str, Any] = {
        "kind": "cadre",
        "id": ident,
        "name": name,
        "unit": unit,
        "post": post,
        "role_group": group,
        "memberships": [MEMBERSHIPS[m] for m in members.split()],
    }
    if ident in EXEMPTIONS:
        record["exemptions"] = []
        for year, reason in EXEMPTIONS[ident]:
            item: dict[str, Any] = {"year": year, "reason": reason}
            if (ident, year) in EXEMPTION_DETAIL:
                start, end, note = EXEMPTION_DETAIL[(ident, year)]
                item.update({"from": start, "to": end})
                if note:
                    item["note"] = note
            record["exemptions"].append(item)
    CADRE[ident] = record


def unit_on(ident: str, day: D) -> str:
    """The cadre's unit on a day (their earlier assignment until it ends)."""
    return str(assignment(ident, day)["unit"])


def assignment(ident: str, day: D) -> dict[str, Any]:
    record = CADRE[ident]
    for item in record.get("assignments", []):
        if iso(day) <= item["until"]:
            return dict(item)
    return record


def committee_of(unit: str) -> str:
    """The committee a unit belongs to: a former committee's units say so (communes through their district)."""
    data = UNITS[unit]
    return str(data.get("committee") or (committee_of(data["parent"]) if data.get("parent") else ORG))


def exempt(ident: str, year: int) -> bool:
    return any(e["year"] == year for e in CADRE[ident].get("exemptions", []))


def subjects(year: int, committee: str = ORG) -> list[str]:
    """The cadres a committee's plan of the year applies to: by their unit on its last day (Hải Lâm's: 30/06/2025)."""
    day = D(year, 12, 31) if committee == ORG else min(D(year, 12, 31), add(REFORM, -1))
    if committee == ORG and year == REFORM.year:  # 2025: Hải Lâm's cadres stay on the plan they registered under
        return [c for c in CADRE if not exempt(c, year) and committee_of(unit_on(c, D(year, 1, 1))) == ORG]
    return [c for c in CADRE if not exempt(c, year) and committee_of(unit_on(c, day)) == committee]


def head_of(unit: str, day: D) -> str:
    return next(c for c in CADRE if unit_on(c, day) == unit and assignment(c, day)["role_group"] in ("leader", "standing"))


# -- field-visit plans (seed 003) ----------------------------------------------------------------------------
VISIT_PLAN_DOCUMENTS = {2024: ("05-KH/TĐTN-TCKT", D(2024, 1, 12)), 2025: ("08-KH/TĐTN-TCKT", D(2025, 1, 10))}
VISIT_PLAN_DOCUMENTS[CURRENT] = ("06-KH/TĐTN-TCKT", D(2026, 1, 9))
# Hải Lâm's own plans, for its own cadres (its 2025 plan stays in force for them after the merger, to 31/12/2025).
HAI_LAM_PLAN_DOCUMENTS = {2024: ("03-KH/TĐTN-VP", D(2024, 1, 16)), 2025: ("04-KH/TĐTN-VP", D(2025, 1, 14))}


def plan_id(year: int, committee: str = ORG) -> str:
    return f"di-co-so-{year}" if committee == ORG else f"di-co-so-{year}-hai-lam"


def make_visit_plans(years: tuple[int, ...] = YEARS, committee: str = ORG) -> None:
    text = VISIT_PLAN_TEXT
    own = committee == ORG
    for year in years:
        text = VISIT_PLAN_TEXT if year < REFORM.year else two_tier(VISIT_PLAN_TEXT)
        number, issued = (VISIT_PLAN_DOCUMENTS if own else HAI_LAM_PLAN_DOCUMENTS)[year]
        categories = [dict(c) for c in text["categories"]]
        categories[2]["topics"] = [{"code": f"1.3.{i}", "name": t} for i, t in enumerate(TOPICS, start=1)]
        plan = {
            "kind": "field-visit-plan",
            "id": plan_id(year, committee),
            **({} if own else {"issuer": committee}),
            "year": year,
            "document": {
                "number": number,
                "date": iso(issued),
                "place": "Bình An" if own else "Hải Lâm",
                "title": f"Kế hoạch đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm {year}",
                "issuer": "Ban Thường vụ Tỉnh đoàn",
                "issuer_unit": "thuong-truc" if own else "hai-lam-thuong-truc",
                "drafted_by": "ban-tckt" if own else "hai-lam-van-phong",
                "signer": {
                    "name": "Lê Hoàng Phúc" if own else "Trần Văn Hải",
                    "title": "Bí thư",
                    "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
                    "cadre": "le-hoang-phuc" if own else "tran-van-hai",
                },
                "references": [dict(r, title=r["title"].format(year=year - 1)) for r in text["references"][year]],
                "recipients": text["recipients"],
            },
            "preamble": text["preamble"].format(year=year),
            "purposes": text["purposes"],
            "requirements": text["requirements"],
            "categories": categories,
            "applies_to": ["staff", "executive"],
            "min_days": 60,
            "role_groups": [
                {"group": "standing", "name": "Thường trực Tỉnh đoàn (Bí thư và các Phó Bí thư)", "focus": ["1.2", "1.5"]},
                {
                    "group": "leader",
                    "name": "Lãnh đạo các ban, Văn phòng và Ủy viên Ban Chấp hành chuyên trách cấp huyện"
                    if year < REFORM.year
                    else "Lãnh đạo các ban, Văn phòng và Ủy viên Ban Chấp hành là Bí thư Đoàn xã, phường, đặc khu",
                    "focus": ["1.2", "1.4", "1.5"],
                },
                {
                    "group": "specialist",
                    "name": "Chuyên viên các ban và Văn phòng",
                    "focus": ["1.1", "1.5"],
                    "min_trips": 2,
                    "min_days_per_trip": 30,
                    "note": "Tối thiểu 02 đợt công tác “cùng ăn, cùng ở, cùng làm” tại cơ sở, mỗi đợt tối thiểu 30 ngày.",
                },
            ],
            "window": {"from": f"{year}-01-01", "to": f"{year}-10-25"},
            "deadlines": {
                "registration": {"date": f"{year}-02-15", "strict": True},
                "summary": {"date": f"{year}-02-20", "strict": True},
                "quarterly_report": {"day_of_last_month": 27, "strict": True},
            },
            "exemption_reasons": ["study", "maternity", "sick-leave", "clerk", "accountant", "emulation-officer"],
            "priorities": text["priorities"],
            "budget": text["budget"],
            "implementation": [dict(item, tasks=[t.format(year=year) for t in item["tasks"]]) for item in text["implementation"]],
        }
        put(plan["document"]["drafted_by"], f"ke-hoach/{plan['id']}.yaml", plan)


# -- registrations (form 1) and visits (form 3) ----------------------------------------------------------------
# per role group and quarter: (category, min days, max days, min slack, max slack); slack = calendar days beyond "days"
TEMPLATES = {
    "standing": {
        1: [("1.2", 5, 7, 2, 4), ("1.5", 1, 1, 0, 0), ("1.2", 3, 4, 1, 3)],
        2: [("1.2", 10, 13, 2, 5), ("1.5", 1, 1, 0, 0), ("1.2", 6, 8, 2, 4), ("1.5", 1, 1, 0, 0)],
        3: [("1.2", 10, 13, 2, 5), ("1.5", 1, 1, 0, 0), ("1.2", 6, 8, 2, 4), ("1.5", 1, 1, 0, 0)],
        4: [("1.2", 4, 6, 1, 3), ("1.5", 1, 1, 0, 0)],
    },
    "leader": {
        1: [("1.4", 1, 2, 0, 1), ("1.2", 6, 8, 2, 4), ("1.5", 1, 1, 0, 0)],
        2: [("1.2", 10, 13, 2, 5), ("1.4", 1, 2, 0, 1), ("1.5", 1, 1, 0, 0), ("1.2", 5, 8, 2, 4)],
        3: [("1.2", 10, 13, 2, 5), ("1.4", 1, 2, 0, 1), ("1.5", 1, 1, 0, 0), ("1.2", 5, 8, 2, 4)],
        4: [("1.2", 4, 6, 1, 3), ("1.5", 1, 1, 0, 0)],
    },
    "specialist": {
        1: [("1.5", 1, 1, 0, 0), ("1.5", 1, 1, 0, 0)],
        2: [("1.1", 30, 30, 6, 11), ("1.5", 1, 1, 0, 0)],
        3: [("1.1", 30, 30, 6, 11), ("1.5", 1, 1, 0, 0)],
        4: [("1.5", 1, 2, 0, 1), ("1.5", 1, 1, 0, 0)],
    },
}


Q1_START = {2024: 19, 2025: 17, 2026: 24}  # the first working days after Tết (10/02/2024, 29/01/2025, 17/02/2026)


def band(year: int, quarter: int) -> tuple[D, D]:
    """Where the visits of a quarter go: after registration, and ended before the report is written."""
    return {
        1: (D(year, 2, Q1_START[year]), D(year, 3, 19)),
        2: (D(year, 4, 1), D(year, 6, 19)),
        3: (D(year, 7, 1), D(year, 9, 19)),
        4: (D(year, 10, 1), D(year, 10, 25)),
    }[quarter]


def quarter_of(day: D) -> int:
    return (day.month - 1) // 3 + 1


# Where nobody goes: the district union of Trà Giang in the first half of 2025 and the two communes formed from it
# after the reform (seed 002's one unvisited unit), and three of 2026's units not visited by the snapshot.
UNVISITED = {2025: {"huyen-doan-tra-giang", "xa-tra-giang", "xa-tra-tien"}, 2026: {"xa-lam-ha", "phuong-hai-an", "xa-tra-tien"}}


def districts_on(ident: str, day: D) -> list[str]:
    """The units a cadre's "district" visits go to on a day: the district-level unions of their committee before the
    reform; the commune, ward and special-zone unions after it."""
    skip = UNVISITED.get(day.year, set())
    if day < REFORM:
        return [d for d in DISTRICTS_OF[committee_of(unit_on(ident, day))] if d not in skip]
    return [u for u in NEW_IDS if u not in skip]


def communes_of(unit: str, day: D) -> list[str]:
    """The grassroots unions a district-level union holds (before the reform); after it, a union is its own place."""
    return COMMUNES[unit] if day < REFORM else [unit]


def pick_commune(districts: list[str], day: D) -> str:
    pool = [c for d in districts for c in communes_of(d, day)]
    weights = [3 if "disadvantaged" in UNITS[c] else 1 for c in pool]
    return rng.choices(pool, weights)[0]


def places_for(ident: str, category: str, day: D) -> tuple[list[str], str | None]:
    unit = unit_on(ident, day)
    local = unit in COMMUNES or unit in NEW_IDS  # a district or commune secretary
    home = [unit] if local else districts_on(ident, day)
    affiliated = AFFILIATED_IDS if committee_of(unit) == ORG else []
    if category == "1.5" and not local and affiliated and rng.random() < 0.12:
        union = pick(affiliated)
        return [union], f"{pick(HAMLET_OF[union])}, {UNITS[union]['name']}"
    if local and category in ("1.2", "1.4"):  # a secretary works in their own communes
        own = communes_of(unit, day)
        return sorted(rng.sample(own, min(len(own), 1 if category == "1.4" else 2))), None
    if category in ("1.1", "1.5") or local:
        commune = pick_commune(home, day)
        hamlet = pick(HAMLET_OF[commune])
        where = (
            f"{hamlet}, {commune_label(commune)}"
            if category == "1.1"
            else f"Chi đoàn {lower_first(hamlet)}, {commune_label(commune)}"
        )
        return [commune], where
    roll = rng.random()
    if roll < 0.15 and affiliated:
        return [pick(affiliated)], None
    district = pick(home)
    if category == "1.4" or roll < 0.45 or day >= REFORM:
        return [district], None
    return [district, *sorted(rng.sample(COMMUNES[district], 2))], None


def make_rows(ident: str, year: int) -> list[dict[str, Any]]:
    group = assignment(ident, D(year, 1, 1))["role_group"]
    rows: list[dict[str, Any]] = []
    for quarter in range(1, 5):
        start, end = band(year, quarter)
        cursor = add(start, rng.randint(0, 4))
        specs = list(TEMPLATES[group][quarter])
        rng.shuffle(specs)
        for category, low, high, slack_low, slack_high in specs:
            days = rng.randint(low, high)
            first, last = cursor, add(cursor, days + rng.randint(slack_low, slack_high) - 1)
            if last > end:
                continue
            places, where = places_for(ident, category, first)
            rows.append({"category": category, "days": days, "from": first, "to": last, "places": places, "place": where})
            cursor = add(last, rng.randint(3, 9))
    target = rng.randint(61, 68)
    while sum(r["days"] for r in rows) < target:  # top up: more days on the base, stretching a period where there is room
        roomy = [
            i
            for i, r in enumerate(rows)
            if r["category"] in ("1.2", "1.1")
            and (
                r["days"] < span(r["from"], r["to"])
                or (
                    add(r["to"], 3) < (rows[i + 1]["from"] if i + 1 < len(rows) else D(year, 12, 31))
                    and r["to"] < band(year, quarter_of(r["to"]))[1]
                )
            )
        ]
        assert roomy, (ident, year)
        row = rows[pick(roomy)]
        if row["days"] == span(row["from"], row["to"]):
            row["to"] = add(row["to"], 1)
        row["days"] += 1
    return rows


def visits_from(ident: str, year: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What was actually done: the registered rows, now and then a day earlier or later; cut short for a few cadres."""
    visits = []
    for row in rows:
        visit = dict(row)
        shift = rng.choice((0, 0, 0, 1, -1)) if row["from"] < row["to"] else 0  # a shifted one-day visit would miss its row
        low, high = band(year, quarter_of(row["from"]))
        if low <= add(row["from"], shift) and add(row["to"], shift) <= high:
            visit["from"], visit["to"] = add(row["from"], shift), add(row["to"], shift)
        visits.append(visit)
    if ident in SHORT.get(year, []):  # trips cut short (the longest first), then a small visit dropped if still too many
        goal = rng.randint(42, 54)
        while (excess := sum(v["days"] for v in visits) - goal) > 0:
            roomy = [v for v in visits if v["days"] > 3 and not v.get("short")]
            if not roomy:
                visits.remove(next(v for v in reversed(visits) if v["days"] <= excess))
                continue
            longest = max(roomy, key=lambda v: v["days"])
            longest["days"] -= min(excess, longest["days"] - 3)
            longest["to"] = min(longest["to"], add(longest["from"], longest["days"] + rng.randint(0, 2) - 1))
            longest["short"] = True
    return visits


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def visit_text(ident: str, visit: dict[str, Any]) -> dict[str, Any]:
    cat = visit["category"]
    where = UNITS[visit["places"][0]]["name"]
    hamlet = lower_first((visit.get("place") or where).split(",")[0])
    pool = ACTIVITIES[cat].get("any", []) + ACTIVITIES[cat].get(f"q{quarter_of(visit['from'])}", [])
    activity = fill(pick(pool), where=where, hamlet=hamlet)
    if visit.get("unregistered"):
        activity = (
            "Dự hội nghị Ban Chấp hành Đoàn xã Long Giang mở rộng sơ kết 6 tháng đầu năm theo lời mời của đơn vị "
            "(đi đột xuất, chưa đăng ký bổ sung với lãnh đạo Ban)"
        )
    results = {"achievements": fill(pick(ACHIEVEMENTS[cat]), where=where)}
    if rng.random() < 0.8:
        results["limitations"] = fill(pick(LIMITATIONS[cat]), where=where)
    if visit.get("short"):
        results["limitations"] = (
            "Đợt công tác kết thúc sớm hơn đăng ký do phải về phục vụ nhiệm vụ đột xuất của cơ quan; "
            "số ngày thực tế tại cơ sở chưa đạt như kế hoạch."
        )
    out: dict[str, Any] = {
        "cadre": ident,
        "category": cat,
        "activity": activity,
        "days": visit["days"],
        "from": iso(visit["from"]),
        "to": iso(visit["to"]),
        "places": visit["places"],
    }
    if visit.get("place"):
        out["place"] = visit["place"]
    out["results"] = results
    if rng.random() < 0.6:
        out["proposals"] = fill(pick(PROPOSALS[cat]), where=where)
    return out


VISITS: dict[tuple[str, int], list[dict[str, Any]]] = {}


def purpose(row: dict[str, Any]) -> str:
    unit = UNITS[row["places"][0]]
    if row["category"] == "1.5" and unit["type"] == "affiliated":
        return "Dự sinh hoạt chi đoàn cơ quan, doanh nghiệp; nắm tình hình đoàn viên, thanh niên công nhân, viên chức"
    if row["category"] == "1.5" and "disadvantaged" in unit:
        return "Dự sinh hoạt chi đoàn ấp vùng khó khăn, nắm tâm tư, nguyện vọng của đoàn viên"
    table = PURPOSES[row["category"]]
    return str(pick(table.get("any", []) + table.get(f"q{quarter_of(row['from'])}", [])))


def registration_date(year: int) -> D:
    """After the plan, before the deadline, around Tết (29/01/2025; 10/02/2024; 17/02/2026)."""
    if year == CURRENT:
        return D(2026, 2, rng.randint(2, 11))
    return D(2025, 2, rng.randint(4, 13)) if year == 2025 else add(D(2024, 1, 29), rng.randint(0, 8))


def approver_of(ident: str, day: D) -> str:
    """The head of the cadre's unit approves form 1; a head's is approved by the Standing Committee.

    The Phó Bí thư Thường trực approves the heads' and the Bí thư's; the Bí thư approves the deputies'. Hải Lâm's
    Bí thư approves his committee's heads; his deputy approves his.
    """
    head = head_of(unit_on(ident, day), day)
    if head != ident:
        return head
    if committee_of(unit_on(ident, day)) == HAI_LAM:
        return "nguyen-thi-bich-lam" if ident == "tran-van-hai" else "tran-van-hai"
    return "le-hoang-phuc" if ident == "vo-thanh-son" else "vo-thanh-son"


def make_registrations_and_reports(years: tuple[int, ...] = YEARS, committee: str = ORG) -> None:
    """Forms 1 and 3 of each year; for the year in progress, only the reports due before the snapshot and sent.

    A registration is filed by the cadre's unit on the day it is sent; a visit is reported by the cadre's unit on
    its first day, under the plan the cadre registered under (a Hải Lâm cadre's third and fourth quarters of 2025
    are reported by their new unit in Bình An, under Hải Lâm's plan, in a file of its own)."""
    for year in years:
        plan = plan_id(year, committee)
        by_unit: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        cadres = subjects(year, committee)
        for ident in cadres:
            rows = make_rows(ident, year)
            submitted = registration_date(year)
            unit = unit_on(ident, submitted)
            reg_rows = []
            for row in rows:
                item = {
                    "category": row["category"],
                    "days": row["days"],
                    "from": iso(row["from"]),
                    "to": iso(row["to"]),
                    "places": row["places"],
                }
                if row["place"]:
                    item["place"] = row["place"]
                item["purpose"] = purpose(row)
                reg_rows.append(item)
            put(
                unit,
                f"dang-ky/{year}/{ident}.yaml",
                {
                    "kind": "registration",
                    "plan": plan,
                    "cadre": ident,
                    "submitted": iso(submitted),
                    "approved_by": approver_of(ident, submitted),
                    "approved_on": iso(add(submitted, rng.randint(0, 3))),
                    "rows": reg_rows,
                },
            )
            visits = visits_from(ident, year, rows)
            if (ident, year) == UNREGISTERED:
                visits.append(unregistered_visit(year, rows, visits))
            VISITS[(ident, year)] = visits
            for visit in visits:
                by_unit.setdefault(unit_on(ident, visit["from"]), []).append((ident, visit))
        for unit, items in by_unit.items():
            # the quarters in which some cadre of the plan worked in the unit
            quarters = [q for q in range(1, 5) if any(unit_on(c, d) == unit for c in cadres for d in quarter_span(year, q))]
            for quarter in sorted(quarters):
                if year == CURRENT and (quarterly_due(year, quarter) >= SNAPSHOT or (unit, year, quarter) == MISSING_REPORT):
                    continue  # not yet due (the fourth quarter), or due and not arrived
                done = sorted((v for v in items if quarter_of(v[1]["to"]) == quarter), key=lambda v: (v[1]["from"], v[0]))
                submitted = D(year, 3 * quarter, rng.randint(20, 26)) if quarter < 4 else D(year, 12, rng.randint(10, 24))
                late = (unit, year, quarter) == LATE_REPORT[:3]
                report: dict[str, Any] = {
                    "kind": "quarterly-report",
                    "plan": plan,
                    "unit": unit,
                    "quarter": quarter,
                    "submitted": iso(LATE_REPORT[3] if late else submitted),
                    "prepared_by": "vo-thanh-son" if unit == "thuong-truc" else head_of(unit, submitted),
                    "visits": [visit_text(ident, visit) for ident, visit in done],
                }
                if late:
                    report["note"] = (
                        "Báo cáo gửi chậm do Ban tập trung phục vụ Đại hội đại biểu Hội Liên hiệp Thanh niên Việt Nam tỉnh."
                    )
                suffix = "" if committee == committee_of(unit) else "-hai-lam"
                put(unit, f"bao-cao/{year}/quy-{quarter}{suffix}.yaml", report)


def quarter_span(year: int, quarter: int) -> tuple[D, D]:
    return D(year, 3 * quarter - 2, 1), add(D(year + (quarter == 4), (3 * quarter) % 12 + 1, 1), -1)


def quarterly_due(year: int, quarter: int) -> D:
    """The last day to send form 3: before day 27 of the quarter's last month."""
    return D(year, 3 * quarter, 26)


def unregistered_visit(year: int, rows: list[dict[str, Any]], visits: list[dict[str, Any]]) -> dict[str, Any]:
    """A one-day meeting (1.4) attended without a registration row, on a free day of the third quarter."""
    low, high = band(year, 3)
    taken = rows + visits
    day = low
    while any(r["from"] <= add(day, 1) and add(day, -1) <= r["to"] for r in taken):
        day = add(day, 1)
    assert day <= high
    return {
        "category": "1.4",
        "days": 1,
        "from": day,
        "to": day,
        "places": ["xa-long-giang"],
        "place": None,
        "unregistered": True,
    }


# -- good models found on visits ---------------------------------------------------------------------------------
def make_visit_models() -> None:
    seen_cadres: set[str] = set()
    seen_units: set[str] = set()
    for entry in MODELS["visit"]:
        year = entry["year"]
        candidates = [
            (c, v)
            for (c, y), vs in sorted(VISITS.items())
            if y == year
            for v in vs
            if v["category"] == entry["category"]
            and c not in seen_cadres
            and v["places"][0] not in seen_units
            and UNITS[v["places"][0]].get("locality", {}).get("level") == "commune"
        ]
        ident, visit = pick(candidates)
        seen_cadres.add(ident)
        commune = visit["places"][0]
        seen_units.add(commune)
        found_on = add(visit["from"], rng.randint(0, span(visit["from"], visit["to"]) - 1))
        name = entry["name"]
        model_id = f"{entry['key']}-{commune.removeprefix('xa-')}"
        put(
            unit_on(ident, found_on),
            f"mo-hinh/{model_id}.yaml",
            {
                "kind": "good-model",
                "id": model_id,
                "name": name,
                "unit": commune,
                "place": visit.get("place") or commune_label(commune),
                "year": year,
                "description": entry["description"].format(where=commune_label(commune)),
                "tags": entry["tags"],
                "found_in": {"visit": {"cadre": ident, "date": iso(found_on)}},
                "contact": {"name": entry["contact"], "post": f"Bí thư Đoàn {commune_label(commune)}", "unit": commune},
            },
        )


# -- inspection plan and results (seed 001) ---------------------------------------------------------------------------
TEAMS = [
    ("le-hoang-phuc", "tran-thi-mai", ["dang-minh-khoa"], "Nguyễn Văn Tâm"),
    ("vo-thanh-son", "nguyen-van-hau", ["ho-thi-diem-my", "duong-minh-tri"], "Lê Thị Ngọc Diệp"),
    ("nguyen-thi-thu-ha", "lam-hoang-nam", ["luong-thi-cam-tu"], "Trần Quang Khánh"),
    ("pham-quoc-bao", "chau-thi-ngoc-han", ["dinh-cong-thanh", "tran-minh-hieu"], "Phạm Thị Hồng Vân"),
    ("bui-thi-thanh-huong", "vu-duc-thang", ["huynh-thi-kim-ngan"], "Đặng Hữu Phước"),
    ("trinh-quoc-hung", "nguyen-hoang-long", ["to-thi-bao-ngoc"], "Hồ Thị Thanh Xuân"),
]
SCHEDULE = [  # (unit, day of November 2025, session, team number)
    ("phuong-an-khanh", 10, "morning", 1),
    ("phuong-thuan-an", 11, "morning", 2),
    ("xa-tan-hung", 12, "morning", 3),
    ("xa-phuoc-lam", 13, "morning", 4),
    ("xa-long-giang", 13, "afternoon", 6),
    ("xa-binh-son", 14, "morning", 5),
    ("doan-khoi-co-quan", 17, "afternoon", 1),
    ("doan-khoi-doanh-nghiep", 18, "afternoon", 4),
    ("xa-tra-giang", 19, "morning", 2),
    ("xa-vinh-phuoc", 20, "morning", 3),
    ("xa-son-lam", 21, "morning", 5),
]
SCORE_MAX = {
    "ban-tckt": 25,
    "ban-tuyen-giao": 15,
    "ban-phong-trao": 20,
    "ban-thanh-nien-truong-hoc": 10,
    "ban-cong-tac-thieu-nhi": 10,
    "ban-doan-ket-tap-hop": 10,
    "van-phong": 10,
}
QUALITY = {
    "phuong-an-khanh": 0.93,
    "phuong-thuan-an": 0.86,
    "xa-tan-hung": 0.9,
    "xa-phuoc-lam": 0.84,
    "xa-long-giang": 0.81,
    "xa-binh-son": 0.88,
    "doan-khoi-co-quan": 0.91,
    "doan-khoi-doanh-nghiep": 0.83,
    "xa-tra-giang": 0.72,
    "xa-vinh-phuoc": 0.78,
    "xa-son-lam": 0.87,
}
DOCS_LATE = "xa-vinh-phuoc"  # sent its documents two days ahead instead of three


def team_id(number: int) -> str:
    return f"doan-{number}"


def make_inspection_plan(
    year: int = 2025,
    number: str = "41-KH/TĐTN-TCKT",
    issued: str = "2025-10-20",
    text: dict[str, Any] | None = None,
    team_list: list[tuple[str, str, list[str], str]] = TEAMS,
    schedule: list[tuple[str, str, str, int]] | None = None,
) -> None:
    text = two_tier(text or INSPECTION_TEXT)  # the inspections of November 2025 and 2026 follow the reform
    rows = schedule or [(unit, f"2025-11-{day:02d}", session, team) for unit, day, session, team in SCHEDULE]
    plan = {
        "kind": "inspection-plan",
        "id": f"kiem-tra-{year}",
        "year": year,
        "document": {
            "number": number,
            "date": issued,
            "place": "Bình An",
            "title": "Kế hoạch kiểm tra, đánh giá, phân loại và xếp hạng thi đua công tác Đoàn "
            f"và phong trào thanh thiếu nhi năm {year}",
            "issuer": "Ban Thường vụ Tỉnh đoàn",
            "issuer_unit": "thuong-truc",
            "drafted_by": "ban-tckt",
            "signer": {
                "name": "Lê Hoàng Phúc",
                "title": "Bí thư",
                "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
                "cadre": "le-hoang-phuc",
            },
            "references": text["references"],
            "recipients": text["recipients"],
        },
        "purposes": text["purposes"],
        "requirements": text["requirements"],
        "contents": text["contents"],
        "sectors": ["xa-phuong", "truc-thuoc"],
        "methods": text["methods"],
        "attendees": text["attendees"],
        "documents_days_before": 3,
        "sessions": {"morning": "08:00", "afternoon": "14:00"},
        "teams": [
            {
                "id": team_id(i),
                "name": f"Đoàn kiểm tra số {i}",
                "leader": leader,
                "secretary": secretary,
                "members": [*members, {"name": guest, "post": "Giảng viên", "unit": "trung-tam-boi-duong"}],
            }
            for i, (leader, secretary, members, guest) in enumerate(team_list, start=1)
        ],
        "schedule": [
            {
                "unit": unit,
                "date": date,
                "session": session,
                "team": team_id(team),
                "location": "Tại trụ sở đơn vị",
            }
            for unit, date, session, team in rows
        ],
        "thresholds": {"max_score": 100, "excellent": 90, "good": 80, "complete": 65},
        "scoring": {"units": list(SCORE_MAX), "before_visit": True},
        "deadlines": text["deadlines"],
        "agenda": text["agenda"],
        "reflection_required": True,
    }
    put("ban-tckt", f"kiem-tra/{year}/ke-hoach.yaml", plan)


def quarter_points(value: float) -> float:
    return round(value * 4) / 4


def classify(score: float) -> str:
    return "excellent" if score >= 90 else "good" if score >= 80 else "complete" if score >= 65 else "incomplete"


def make_inspection_results() -> None:
    text = INSPECTION_TEXT
    models = {m["unit"]: m for m in MODELS["inspection"]}
    results = {}
    finals: set[tuple[str, float]] = set()
    for number, (unit, day, session, team) in enumerate(SCHEDULE, start=1):
        date = D(2025, 11, day)
        quality = QUALITY[unit]
        scores: list[dict[str, Any]] = [
            {
                "unit": u,
                "score": quarter_points(top * min(1.0, quality + rng.uniform(-0.05, 0.05))),
                "entered_on": iso(add(date, -rng.randint(1, 4))),
            }
            for u, top in SCORE_MAX.items()
        ]
        bonus = [dict(item) for item in rng.sample(text["bonus"], rng.randint(0, 2))]
        penalty = [dict(item) for item in rng.sample(text["penalty"], rng.randint(0 if quality > 0.8 else 1, 1))]
        while True:  # no two units of a sector on the same final score: ranks must be strict
            assessed = round(sum(s["score"] for s in scores), 2)
            final = round(assessed + sum(b["points"] for b in bonus) - sum(p["points"] for p in penalty), 2)
            if (UNITS[unit]["sector"], final) not in finals:
                break
            scores[0]["score"] -= 0.25
        finals.add((UNITS[unit]["sector"], final))
        _, secretary, members, _ = TEAMS[team - 1]
        ahead = 2 if unit == DOCS_LATE else rng.randint(3, 6)
        result: dict[str, Any] = {
            "kind": "inspection-result",
            "plan": "kiem-tra-2025",
            "unit": unit,
            "team": team_id(team),
            "date": iso(date),
            "session": session,
            "status": "inspected",
            "documents_received": iso(add(date, -ahead)),
            "notice": {
                "number": f"{60 + number}-TB/TĐTN",
                "date": "2025-11-28",
                "signer": {
                    "name": "Võ Thanh Sơn",
                    "title": "Phó Bí thư Thường trực",
                    "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
                    "cadre": "vo-thanh-son",
                },
            },
            "self_score": min(99.0, assessed + rng.choice((1.5, 2, 2.5, 3, 4, 5.5))),
            "department_scores": scores,
            "assessed_score": assessed,
            "bonus": bonus,
            "penalty": penalty,
            "final_score": final,
            "classification": classify(final),
            "rank": 0,
            "strengths": pick(text["strengths"], 3),
            "limitations": pick(text["limitations"], 2),
            "directions": pick(text["directions"], 3),
            "self_score_corrections": [dict(c) for c in pick(text["corrections"], rng.randint(1, 2))],
        }
        if unit == UNVISITED_2025:
            result["limitations"].append(
                "Trong năm 2025 chưa có cán bộ Đoàn cấp tỉnh về đi cơ sở, dự sinh hoạt chi đoàn tại đơn vị; "
                "đơn vị chưa chủ động đăng ký lịch sinh hoạt với ban phụ trách địa bàn."
            )
        if unit in models:
            result["good_models"] = [models[unit]["id"]]
        outsider = TEAMS[team - 1][3]
        result["reflections"] = [{"member": m, "submitted": iso(add(date, rng.randint(2, 6)))} for m in [secretary, *members]]
        result["reflections"].append({"name": outsider, "submitted": iso(add(date, rng.randint(3, 7)))})
        if unit == DOCS_LATE:
            result["documents_exception"] = {
                "approved_by": TEAMS[team - 1][0],
                "reason": "Đơn vị gửi tài liệu chậm 01 ngày do trùng lịch Đại hội Hội LHTN Việt Nam cấp huyện; "
                "Trưởng đoàn đồng ý tiến hành kiểm tra theo lịch.",
            }
        results[unit] = result
    for sector in ("xa-phuong", "truc-thuoc"):
        ranked = sorted((r for u, r in results.items() if UNITS[u]["sector"] == sector), key=lambda r: -r["final_score"])
        for rank, result in enumerate(ranked, start=1):
            result["rank"] = rank
    for unit, result in results.items():
        if not result["bonus"]:
            del result["bonus"]
        if not result["penalty"]:
            del result["penalty"]
        put("ban-tckt", f"kiem-tra/2025/ket-qua/{unit}.yaml", result)
    for entry in MODELS["inspection"]:
        put(
            "ban-tckt",
            f"mo-hinh/{entry['id']}.yaml",
            {
                "kind": "good-model",
                "id": entry["id"],
                "name": entry["name"],
                "unit": entry["unit"],
                "place": entry["place"],
                "year": 2025,
                "description": entry["description"],
                "tags": entry["tags"],
                "found_in": {"inspection": {"plan": "kiem-tra-2025", "unit": entry["unit"]}},
            },
        )


# -- remediation plan and progress (seed 004) -----------------------------------------------------------------------
def make_remediation() -> None:
    text = PROGRESS
    put(
        "van-phong",
        "khac-phuc/2025/ke-hoach.yaml",
        {
            "kind": "remediation-plan",
            "id": "khac-phuc-2025",
            "year": 2025,
            "review_year": 2024,
            "document": {
                "number": "27-KH/TĐTN-VP",
                "date": "2025-02-24",
                "place": "Bình An",
                "title": "Kế hoạch tiếp tục khắc phục hạn chế, khuyết điểm của tập thể Ban Thường vụ Tỉnh đoàn năm 2025",
                "issuer": "Ban Thường vụ Tỉnh đoàn",
                "issuer_unit": "thuong-truc",
                "drafted_by": "van-phong",
                "signer": {
                    "name": "Võ Thanh Sơn",
                    "title": "Phó Bí thư",
                    "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
                    "cadre": "vo-thanh-son",
                },
                "references": text["references"],
                "recipients": text["recipients"],
            },
            "purposes": text["purposes"],
            "shortcomings": text["shortcomings"],
            "solution_groups": text["groups"],
            "reporting": {
                "cadence": ["quarterly", "half-yearly", "yearly"],
                "report_to": "van-phong",
                "report_due": {"date": "2025-11-01", "strict": True},
                "review_meeting": "Phiên họp Ban Thường vụ Tỉnh đoàn định kỳ tháng 12/2025",
            },
        },
    )
    periods = [
        ("quarterly", "2025-01-01", "2025-03-31", (4, 2, 8)),
        ("quarterly", "2025-04-01", "2025-06-30", (7, 1, 4)),
        ("half-yearly", "2025-01-01", "2025-06-30", (7, 7, 11)),
        ("quarterly", "2025-07-01", "2025-09-30", (10, 1, 6)),
        ("yearly", "2025-01-01", "2025-10-24", (10, 27, 30)),
    ]
    for unit, shortcomings in (("van-phong", ["kd1"]), ("ban-tuyen-giao", ["kd2"]), ("ban-tckt", ["kd3", "kd4"])):
        for stage, (cadence, start, end, (month, low, high)) in enumerate(periods):
            submitted = D(2025, month, rng.randint(low, high))
            items = [{"shortcoming": ident, **text["stages"][ident][stage]} for ident in shortcomings]
            put(
                unit,
                f"khac-phuc/2025/bao-cao-{iso(submitted)}.yaml",
                {
                    "kind": "remediation-progress",
                    "plan": "khac-phuc-2025",
                    "unit": unit,
                    "period": {"cadence": cadence, "from": start, "to": end},
                    "submitted": iso(submitted),
                    "items": items,
                },
            )


# -- mid-term surveys (seed 000) -------------------------------------------------------------------------------------------
def make_surveys() -> None:
    for survey in SURVEYS:
        head = {"kind": "midterm-survey", "id": survey["id"], "unit": survey["unit"], "term": {"from": 2022, "to": 2027}}
        head.update(resolution=survey["resolution"], plan_document=SURVEY_PLAN)
        rest = {k: v for k, v in survey.items() if k not in head}
        put(survey["unit"], f"khao-sat/{survey['id']}.yaml", {**head, **rest})


# -- the mid-term survey plan (seed 000, section IV) -----------------------------------------------------------------------
SURVEY_RESPONDENTS = [
    "thanh-doan-an-khanh",
    "huyen-doan-son-lam",
    "thi-doan-hoa-thuan",
    "huyen-doan-tan-hung",
    "huyen-doan-phuoc-lam",
]


def make_survey_plan() -> None:
    """The Standing Committee's plan the surveys answer: two of its five districts have answered."""
    put(
        "van-phong",
        "khao-sat/2025/ke-hoach.yaml",
        {
            "kind": "survey-plan",
            "id": "khao-sat-giua-nhiem-ky-2025",
            "year": 2025,
            "document": {
                **SURVEY_PLAN,
                "place": "Bình An",
                "signer": {
                    "name": "Võ Thanh Sơn",
                    "title": "Phó Bí thư",
                    "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
                    "cadre": "vo-thanh-son",
                },
            },
            "resolution": "Nghị quyết Đại hội Đoàn tỉnh Bình An lần thứ XI",
            "term": {"from": 2022, "to": 2027},
            "purposes": TEXT["survey_plan_text"]["purposes"],
            "contents": TEXT["survey_plan_text"]["contents"],
            "deadline": {"date": "2025-05-31", "strict": True},
            "respondents": SURVEY_RESPONDENTS,
            "lead": "ban-tckt",
            "cooperating": ["van-phong"],
            "summary_by": "ban-phong-trao",
        },
    )


DECISION_SIGNER = {"name": "Võ Thanh Sơn", "title": "Phó Bí thư", "on_behalf": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"}


def decision(number: str, date: str, title: str, issuer: str = "Ban Thường vụ Tỉnh đoàn") -> dict[str, Any]:
    return {
        "number": number,
        "date": date,
        "place": "Bình An",
        "title": title,
        "issuer": issuer,
        "issuer_unit": "thuong-truc",
        "drafted_by": "ban-tckt",
        "signer": DECISION_SIGNER,
    }


def make_reorganisation() -> None:
    """The decisions of the register: Hải Lâm's committee merged into Bình An's, the district level ended and the
    grassroots unions rearranged on 01/07/2025; the business bloc's union renamed on 01/10/2025."""
    effective = iso(REFORM)
    head = [
        ("hai-lam-thuong-truc", "thuong-truc"),
        ("hai-lam-van-phong", "van-phong"),
        ("hai-lam-ban-phong-trao", "ban-phong-trao"),
    ]
    put(
        "ban-tckt",
        "to-chuc/sap-xep/hop-nhat-tinh-doan-hai-lam.yaml",
        {
            "kind": "reorganisation",
            "id": "hop-nhat-tinh-doan-hai-lam",
            "document": {
                **decision(
                    "1085-QĐ/TWĐTN-BTC",
                    "2025-06-27",
                    "Quyết định về việc hợp nhất Đoàn TNCS Hồ Chí Minh tỉnh Hải Lâm và Đoàn TNCS Hồ Chí Minh tỉnh Bình An",
                    "Ban Bí thư Trung ương Đoàn",
                ),
                "signer": {"name": "Nguyễn Minh Triết", "title": "Bí thư Thường trực", "on_behalf": "TM. BAN BÍ THƯ"},
            },
            "effective": effective,
            "changes": [{"change": "absorb", "from": [old], "to": [new]} for old, new in head],
            "note": "Cán bộ của Tỉnh đoàn Hải Lâm chuyển về các ban, Văn phòng của Tỉnh đoàn Bình An (xem hồ sơ cán bộ).",
        },
    )
    districts = [d for ids in DISTRICTS_OF.values() for d in ids]
    put(
        "ban-tckt",
        "to-chuc/sap-xep/ket-thuc-cap-huyen.yaml",
        {
            "kind": "reorganisation",
            "id": "ket-thuc-cap-huyen",
            "document": decision(
                "1120-QĐ/TĐTN",
                "2025-06-28",
                "Quyết định về việc kết thúc hoạt động của Đoàn TNCS Hồ Chí Minh các huyện, thị xã, thành phố",
            ),
            "effective": effective,
            "changes": [{"change": "dissolve", "from": districts}],
        },
    )
    changes: list[dict[str, Any]] = []
    for ident in NEW_IDS:
        before = PREDECESSORS_OF[ident]
        if ident in HISTORY:
            changes.append({"change": "transfer", "from": [ident], "note": "Trực thuộc Tỉnh đoàn từ ngày 01/07/2025."})
            if before:
                changes.append({"change": "absorb", "from": before, "to": [ident]})
        else:
            changes.append({"change": "merge", "from": before, "to": [ident]})
    put(
        "ban-tckt",
        "to-chuc/sap-xep/sap-xep-co-so-2025.yaml",
        {
            "kind": "reorganisation",
            "id": "sap-xep-co-so-2025",
            "document": decision(
                "1121-QĐ/TĐTN",
                "2025-06-28",
                "Quyết định về việc thành lập, sắp xếp tổ chức cơ sở Đoàn xã, phường, đặc khu trực thuộc Tỉnh đoàn",
            ),
            "effective": effective,
            "changes": changes,
        },
    )
    put(
        "ban-tckt",
        "to-chuc/sap-xep/doi-ten-doan-khoi-doanh-nghiep.yaml",
        {
            "kind": "reorganisation",
            "id": "doi-ten-doan-khoi-doanh-nghiep",
            "document": decision("112-QĐ/TĐTN", "2025-09-15", "Quyết định về việc đổi tên Đoàn Khối Doanh nghiệp tỉnh"),
            "effective": "2025-10-01",
            "changes": [
                {
                    "change": "rename",
                    "from": ["doan-khoi-doanh-nghiep"],
                    "note": "Theo Quyết định của Tỉnh ủy về việc kiện toàn Đảng bộ Khối Doanh nghiệp tỉnh.",
                }
            ],
        },
    )


# -- the year in progress (2026, as the records stand on the snapshot date) ----------------------------------------------
TEAMS_2026 = [
    ("le-hoang-phuc", "tran-thi-mai", ["dang-minh-khoa"], "Nguyễn Văn Tâm"),
    ("vo-thanh-son", "nguyen-van-hau", ["ho-thi-diem-my", "duong-minh-tri"], "Lê Thị Ngọc Diệp"),
    ("nguyen-thi-thu-ha", "lam-hoang-nam", ["luong-thi-cam-tu", "ngo-thi-my-duyen"], "Trần Quang Khánh"),
    ("pham-quoc-bao", "chau-thi-ngoc-han", ["dinh-cong-thanh", "tran-minh-hieu"], "Phạm Thị Hồng Vân"),
    ("bui-thi-thanh-huong", "vu-duc-thang", ["huynh-thi-kim-ngan"], "Đặng Hữu Phước"),
    ("trinh-quoc-hung", "nguyen-hoang-long", ["to-thi-bao-ngoc", "nguyen-thi-lan-anh"], "Hồ Thị Thanh Xuân"),
]
SCHEDULE_2026 = [  # (unit, date, session, team number): from 24/11 to 05/12/2026, all after the snapshot
    ("phuong-an-khanh", "2026-11-24", "morning", 1),
    ("phuong-thuan-an", "2026-11-25", "morning", 2),
    ("xa-tan-hung", "2026-11-26", "morning", 3),
    ("xa-phuoc-lam", "2026-11-26", "afternoon", 4),
    ("xa-long-giang", "2026-11-27", "morning", 6),
    ("xa-binh-son", "2026-11-30", "morning", 5),
    ("doan-khoi-co-quan", "2026-12-01", "afternoon", 1),
    ("doan-khoi-doanh-nghiep", "2026-12-02", "afternoon", 4),
    ("xa-tra-giang", "2026-12-03", "morning", 2),
    ("xa-vinh-phuoc", "2026-12-04", "morning", 3),
    ("xa-son-lam", "2026-12-05", "morning", 5),  # a Saturday: the farthest commune, on the way back
    ("phuong-hai-lam", "2026-12-01", "morning", 6),
    ("dac-khu-hon-ngoc", "2026-12-02", "morning", 6),
]

DOCUMENTS_2026 = {"phuong-an-khanh": "2026-11-18", "phuong-thuan-an": "2026-11-19"}


TWO_TIER_WORDS = [  # the phrases of the three-tier organisation, as a document after 01/07/2025 words them
    ("đoàn cấp huyện, thị, thành phố; xã, phường, thị trấn và tương đương", "Đoàn xã, phường, đặc khu và tương đương"),
    ("Cấp ủy các huyện, thị xã, thành phố", "Cấp ủy các xã, phường, đặc khu"),
    ("các huyện, thị, thành đoàn", "các Đoàn xã, phường, đặc khu"),
    ("Các huyện, thị, thành đoàn", "Các Đoàn xã, phường, đặc khu"),
    ("Mỗi huyện, thị, thành đoàn", "Mỗi Đoàn xã, phường, đặc khu"),
    ("cán bộ Đoàn chuyên trách cấp huyện", "cán bộ Đoàn chuyên trách cấp xã"),
]


def two_tier(value: Any) -> Any:
    """A text (or the texts in a list or mapping) worded for the organisation after the 2025 reform."""
    if isinstance(value, list):
        return [two_tier(item) for item in value]
    if isinstance(value, dict):
        return {key: two_tier(item) for key, item in value.items()}
    if isinstance(value, str):
        for old, new in TWO_TIER_WORDS:
            value = value.replace(old, new)
    return value


def next_year(value: Any) -> Any:
    """A text (or the texts in a list) with every year 202x moved on by one: last year's phrases for this year."""
    if isinstance(value, list):
        return [next_year(item) for item in value]
    if isinstance(value, dict):
        return {key: next_year(item) for key, item in value.items()}
    if isinstance(value, str):
        return re.sub(r"\b202\d\b", lambda m: str(int(m.group()) + 1), value)
    return value


def make_year_in_progress() -> None:
    """The 2026 records, drawn from their own Random so the 2024 and 2025 records keep their choices."""
    global rng
    rng = Random(CURRENT)
    make_visit_plans((CURRENT,))
    make_registrations_and_reports((CURRENT,))
    text = dict(INSPECTION_TEXT)
    text.update({key: next_year(text[key]) for key in ("purposes", "contents", "methods", "agenda")})
    text.update(TEXT["inspection_text_2026"])
    make_inspection_plan(CURRENT, "44-KH/TĐTN-TCKT", "2026-10-20", text, TEAMS_2026, SCHEDULE_2026)
    # Documents arrive before the visits: two units of the first days have sent theirs (results "scheduled"),
    # the others have not yet, so the home page lists who is still missing for each day.
    for unit, received in DOCUMENTS_2026.items():
        date, session, team = next((d, s, t) for u, d, s, t in SCHEDULE_2026 if u == unit)
        put(
            "ban-tckt",
            f"kiem-tra/{CURRENT}/ket-qua/{unit}.yaml",
            {
                "kind": "inspection-result",
                "plan": f"kiem-tra-{CURRENT}",
                "unit": unit,
                "team": f"doan-{team}",
                "date": date,
                "session": session,
                "status": "scheduled",
                "documents_received": received,
            },
        )
    snapshot = iso(SNAPSHOT)
    for rel, record in FILES.items():  # no 2026 report or approval lies beyond the snapshot; every inspection after it
        if record["kind"] == "quarterly-report" and record["plan"] == f"di-co-so-{CURRENT}":
            assert record["submitted"] <= snapshot and all(v["to"] <= snapshot for v in record["visits"]), rel
        if record["kind"] == "registration" and record["plan"] == f"di-co-so-{CURRENT}":
            assert record["approved_on"] <= snapshot, rel
    assert all(date > snapshot for _, date, _, _ in SCHEDULE_2026)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent), help="repository root")
    root = Path(parser.parse_args().root)
    make_units()
    make_cadres()
    make_visit_plans()
    make_visit_plans(YEARS, HAI_LAM)
    make_registrations_and_reports()
    make_registrations_and_reports(YEARS, HAI_LAM)
    make_visit_models()
    make_inspection_plan()
    make_inspection_results()
    make_remediation()
    make_surveys()
    make_survey_plan()
    make_reorganisation()
    make_year_in_progress()  # last: it replaces the Random
    write_all(root)
    kinds: dict[str, int] = {}
    for record in FILES.values():
        kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
    for kind, count in sorted(kinds.items()):
        print(f"{kind:22} {count:4}")
    print(f"{'total':22} {len(FILES):4}")


# == the Vietnamese phrase tables ==========================================================================
# Plain data, kept as YAML so the sentences read as they will in the records.
TEXT: dict[str, Any] = yaml.safe_load(
    """
hamlets:
  - Tân Định
  - Bình Trung
  - Phước Hưng
  - Rạch Sơn
  - Bàu Tre
  - Suối Cạn
  - Trảng Lớn
  - Cây Gáo
  - Hòa Bình
  - Thạnh Lợi
  - Phú Hòa
  - Đồng Chèo
  - Bến Đò
  - Tân Lợi
  - Bưng Sen
  - Gò Nổi
  - Xóm Mới
  - Cầu Đúc
  - Bình Lục
  - Trà Cú
topics:
  - 'Khảo sát tình hình thực hiện hồ sơ đoàn vụ của cấp cơ sở; các chủ trương mới của Đoàn đã triển khai trong nhiệm
    kỳ: chủ trương “1 + 1”, cập nhật, sử dụng các phần mềm, ứng dụng chuyển đổi số do Trung ương Đoàn triển khai,
    Đoàn cơ sở “3 chủ động”, đoàn viên tham gia hoạt động Đoàn nơi cư trú'
  - Khảo sát tình hình hoạt động của các câu lạc bộ, tổ, đội, nhóm sở thích trên địa bàn tỉnh
  - Khảo sát tình hình đoàn viên, thanh niên trên địa bàn tỉnh Bình An
  - Khảo sát tình hình hoạt động của các chi đoàn, chi hội trong các doanh nghiệp ngoài khu vực nhà nước; chi đoàn,
    chi hội công nhân trên địa bàn dân cư; công tác giới thiệu đoàn viên ưu tú cho Đảng, phát triển đảng viên trong
    trường học
  - Khảo sát tình hình thực hiện nội dung công trình thanh niên của cấp cơ sở
  - Khảo sát tình hình hoạt động của Đội “Thanh niên tình nguyện, thắp sáng niềm tin” của cơ sở
  - Thẩm định việc thực hiện các mô hình Đoàn, Hội đã thực hiện và đăng ký thực hiện mô hình của cơ sở
  - Tham gia đồng hành cùng cơ sở trong Tháng Thanh niên và Chiến dịch thanh niên tình nguyện hè
  - Củng cố các cơ sở Đoàn yếu, kém
visit_plan_text:
  preamble: Tiếp tục thực hiện chủ trương “1 + 2” của Ban Bí thư Trung ương Đoàn, Ban Thường vụ Tỉnh đoàn hướng dẫn
    chế độ đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm {year} như sau.
  references:
    2024:
      - number: 145-HD/TWĐTN-BTC
        date: '2023-06-20'
        issuer: Ban Bí thư Trung ương Đoàn
        title: Hướng dẫn chế độ đi công tác cơ sở của cán bộ Đoàn chuyên trách các cấp
      - number: 96-BC/TĐTN-TCKT
        date: '2023-12-15'
        issuer: Ban Thường vụ Tỉnh đoàn
        title: Báo cáo kết quả thực hiện chủ trương “1 + 2” của cán bộ Đoàn cấp tỉnh năm {year}
    2025:
      - number: 145-HD/TWĐTN-BTC
        date: '2023-06-20'
        issuer: Ban Bí thư Trung ương Đoàn
        title: Hướng dẫn chế độ đi công tác cơ sở của cán bộ Đoàn chuyên trách các cấp
      - number: 112-BC/TĐTN-TCKT
        date: '2024-12-16'
        issuer: Ban Thường vụ Tỉnh đoàn
        title: Báo cáo kết quả thực hiện chủ trương “1 + 2” của cán bộ Đoàn cấp tỉnh năm {year}
    2026:
      - number: 145-HD/TWĐTN-BTC
        date: '2023-06-20'
        issuer: Ban Bí thư Trung ương Đoàn
        title: Hướng dẫn chế độ đi công tác cơ sở của cán bộ Đoàn chuyên trách các cấp
      - number: 118-BC/TĐTN-TCKT
        date: '2025-12-15'
        issuer: Ban Thường vụ Tỉnh đoàn
        title: Báo cáo kết quả thực hiện chủ trương “1 + 2” của cán bộ Đoàn cấp tỉnh năm {year}
  recipients:
    - Ban Tổ chức Trung ương Đoàn
    - Ban Tổ chức, Ban Dân vận Tỉnh ủy
    - Thường trực Tỉnh đoàn
    - Cán bộ, công chức Tỉnh đoàn
    - Huyện, thị, thành đoàn và đoàn trực thuộc
    - Lưu VP, Ban TCKT
  purposes:
    - Tăng cường công tác đi cơ sở của cán bộ Đoàn cấp tỉnh nhằm hỗ trợ, củng cố, nâng cao chất lượng hoạt động của
      tổ chức cơ sở Đoàn; đồng thời gắn với công tác đào tạo, bồi dưỡng cán bộ trẻ.
    - Giúp cán bộ Đoàn cấp tỉnh trải nghiệm thực tế, nâng cao kỹ năng, chuyên môn nghiệp vụ; phát hiện những mặt hạn
      chế để kịp thời tham mưu các giải pháp nâng cao hiệu quả công tác Đoàn và phong trào thanh thiếu nhi.
  requirements:
    - Việc đi cơ sở phải có sự chuẩn bị kỹ lưỡng, không hình thức, có trọng tâm, bảo đảm thời gian, tiến độ đề ra.
    - Mỗi cán bộ đi cơ sở tối thiểu 60 ngày trong năm (tối thiểu 02 đợt công tác) “cùng ăn, cùng ở, cùng làm” tại
      các cơ sở Đoàn trên địa bàn tỉnh.
    - Có báo cáo kết quả sau mỗi đợt đi công tác cơ sở, đề xuất phương án cần chỉ đạo, tập trung trong thời gian tới.
  categories:
    - code: '1.1'
      name: Phối hợp tổ chức, triển khai hoạt động tại cơ sở
      description: Tham gia cùng cơ sở triển khai các hoạt động, thực hiện các nhiệm vụ tại cơ sở (Đoàn thanh niên
        các huyện, thị xã, thành phố và xã, phường, thị trấn trong tỉnh).
    - code: '1.2'
      name: Kiểm tra, giám sát
      description: Kiểm tra, giám sát chuyên đề tại cơ sở theo chương trình kiểm tra, giám sát của Ban Thường vụ và
        Ủy ban Kiểm tra trong năm, hoặc kiểm tra, giám sát đột xuất, phát sinh tại cơ sở (nếu có).
    - code: '1.3'
      name: Theo chuyên đề
      description: Khảo sát, nắm tình hình theo các chuyên đề dưới đây.
    - code: '1.4'
      name: Dự họp Ban Chấp hành, Ban Thường vụ đoàn cấp dưới
      description: Dự họp và sinh hoạt chuyên đề của hội nghị Ban Chấp hành, Ban Thường vụ đoàn cấp huyện, thị, thành
        phố; xã, phường, thị trấn và tương đương.
    - code: '1.5'
      name: Tham dự sinh hoạt chi đoàn
      description: Tham dự sinh hoạt chi đoàn ấp, khu phố, cơ quan, quân sự, trường học, công chức, viên chức, lực
        lượng vũ trang.
  priorities:
    - Ưu tiên đi cơ sở các xã biên giới, xã khó khăn, vùng sâu, vùng xa, vùng đồng bào tôn giáo, đồng bào dân tộc
      thiểu số.
    - Mỗi huyện, thị, thành đoàn và đoàn trực thuộc có cán bộ Đoàn cấp tỉnh về dự sinh hoạt chi đoàn ít nhất 01 lần
      trong năm.
    - Khi về cơ sở khảo sát, nắm tình hình theo chuyên đề không tổ chức hội nghị, không gây phiền hà, tốn kém cho
      cơ sở.
    - Chú trọng chất lượng, kết quả từng đợt đi cơ sở; tránh chạy theo số ngày, số lượng.
  budget: Kinh phí đi cơ sở thực hiện theo quy định hiện hành về chế độ công tác phí.
  implementation:
    - audience: Ban Tổ chức – Kiểm tra Tỉnh đoàn
      unit: ban-tckt
      tasks:
        - Xây dựng Kế hoạch đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm {year}.
        - Theo dõi, đôn đốc các ban, Văn phòng thực hiện kế hoạch; tổng hợp danh sách đăng ký đi cơ sở; báo cáo tình
          hình đi cơ sở của cán bộ Đoàn cấp tỉnh cho Ban Thường vụ Tỉnh đoàn theo quý.
        - Tham mưu báo cáo kết quả đi cơ sở của cán bộ Đoàn cấp tỉnh năm {year}.
    - audience: Các ban, Văn phòng Tỉnh đoàn
      tasks:
        - Chỉ đạo cán bộ trong đơn vị đăng ký đi cơ sở trước ngày 15/02/{year} (mẫu 1), phù hợp với công việc và cao
          điểm của đơn vị.
        - Gửi bản tổng hợp đăng ký về Ban Tổ chức – Kiểm tra trước ngày 20/02/{year} (mẫu 2).
        - Cuối quý, tổng hợp báo cáo kết quả đi cơ sở (mẫu 3) gửi Ban Tổ chức – Kiểm tra trước ngày 27 của tháng cuối
          quý.
        - Việc đi công tác cơ sở là tiêu chí quan trọng để đánh giá mức độ hoàn thành nhiệm vụ cuối năm của từng cán
          bộ.
    - audience: Các huyện, thị, thành đoàn và đoàn trực thuộc
      tasks:
        - Xây dựng kế hoạch đi công tác cơ sở của cán bộ Đoàn chuyên trách cấp huyện năm {year} và báo cáo về Tỉnh
          đoàn.
        - Đăng ký lịch họp Ban Chấp hành, Ban Thường vụ, sinh hoạt chi đoàn của cơ sở với ban phụ trách địa bàn.
        - Phối hợp với các ban, Văn phòng tạo điều kiện cho cán bộ Đoàn cấp tỉnh đi cơ sở.
activities:
  '1.1':
    any:
      - Ở tại nhà đoàn viên {hamlet}, cùng {where} củng cố chi đoàn ấp, hướng dẫn hoàn thiện sổ sách đoàn vụ, cập
        nhật dữ liệu đoàn viên trên ứng dụng Thanh niên Việt Nam
      - Cùng ăn, cùng ở, cùng làm tại {hamlet}; cùng {where} tổ chức ngày hội việc làm, tư vấn hướng nghiệp cho thanh
        niên nông thôn
      - 'Cùng {where} triển khai mô hình thanh niên tham gia chuyển đổi số: hướng dẫn người dân cài đặt VNeID, dùng
        dịch vụ công trực tuyến'
    q2:
      - Cùng {where} tổ chức các hoạt động kỷ niệm 30/4 và 19/5; ra quân làm đường giao thông nông thôn, thắp sáng
        đường quê tại {hamlet}
      - Cùng {where} chuẩn bị và ra quân Chiến dịch Thanh niên tình nguyện hè; tổ chức Ngày hội thiếu nhi vui khỏe
        1/6
    q3:
      - 'Tham gia Chiến dịch Thanh niên tình nguyện hè cùng {where}: sửa chữa nhà nhân ái, dạy bơi, mở lớp kỹ năng
        sống cho thiếu nhi'
      - Cùng {where} tổ chức hoạt động đền ơn đáp nghĩa 27/7, chăm sóc nghĩa trang liệt sĩ; xây dựng công trình thanh
        niên tại {hamlet}
  '1.2':
    any:
      - Kiểm tra chuyên đề công tác phát triển đoàn viên, quản lý đoàn viên và cập nhật dữ liệu trên phần mềm quản
        lý đoàn viên tại {where}
      - Giám sát việc thực hiện Nghị quyết Đại hội Đoàn các cấp và chương trình công tác Đoàn năm tại {where}
      - Kiểm tra việc thu, nộp, quản lý và sử dụng đoàn phí; hồ sơ, sổ sách đoàn vụ tại {where}
      - Kiểm tra, giám sát việc thực hiện chủ trương “1 + 1” và Đoàn cơ sở “3 chủ động” tại {where}
      - Giám sát công tác giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp tại {where}
    q1:
      - Kiểm tra công tác chuẩn bị và tổ chức các hoạt động Tháng Thanh niên tại {where}
    q2:
      - Kiểm tra công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm tại {where}
    q3:
      - Kiểm tra việc triển khai Chiến dịch Thanh niên tình nguyện hè và các công trình thanh niên tại {where}
    q4:
      - Kiểm tra công tác chuẩn bị tổng kết năm và tự chấm điểm thi đua tại {where}
  '1.4':
    any:
      - Dự hội nghị Ban Chấp hành {where} sơ kết công tác quý, triển khai nhiệm vụ trọng tâm quý tới
      - Dự phiên họp Ban Thường vụ {where}, cho ý kiến về công tác cán bộ và kiện toàn Ban Chấp hành
      - Dự sinh hoạt chuyên đề của Ban Chấp hành {where} về chuyển đổi số trong công tác Đoàn
    q2:
      - Dự phiên họp Ban Thường vụ {where} cho ý kiến kế hoạch tổ chức các hoạt động hè
  '1.5':
    any:
      - Dự sinh hoạt {hamlet}, trao đổi với đoàn viên về việc học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí
        Minh
      - Dự sinh hoạt {hamlet} theo chủ điểm “Thanh niên với chuyển đổi số”, hướng dẫn đoàn viên dùng ứng dụng Thanh
        niên Việt Nam
    q1:
      - Dự sinh hoạt {hamlet} theo chủ điểm “Tự hào tiến bước dưới cờ Đoàn” nhân kỷ niệm Ngày thành lập Đoàn 26/3
    q2:
      - Dự sinh hoạt {hamlet} theo chủ điểm “Tự hào một dải non sông” nhân kỷ niệm Ngày giải phóng miền Nam 30/4
    q3:
      - Dự sinh hoạt {hamlet} theo chủ điểm “Tri ân anh hùng liệt sĩ”, thăm gia đình chính sách trên địa bàn
    q4:
      - Dự sinh hoạt {hamlet} theo chủ điểm “Thanh niên với văn hóa giao thông”, tổng kết hoạt động 9 tháng của chi
        đoàn
achievements:
  '1.1':
    - Cùng cơ sở tổ chức {n} hoạt động tình nguyện, huy động {m} lượt đoàn viên tham gia; nắm chắc tình hình thanh
      niên tại địa bàn.
    - Hỗ trợ {where} hoàn thiện hồ sơ đoàn vụ, cập nhật {m} đoàn viên lên phần mềm quản lý đoàn viên.
    - Tham gia xây dựng {n} công trình thanh niên; hiểu rõ đời sống, tâm tư của đoàn viên, thanh niên nông thôn.
    - Vận động {m} suất học bổng và quà cho thiếu nhi có hoàn cảnh khó khăn; cơ sở đánh giá cao sự đồng hành của cán
      bộ tỉnh.
    - Hướng dẫn {n} chi đoàn ấp đổi mới nội dung sinh hoạt; phát hiện mô hình hay để đề xuất nhân rộng.
  '1.2':
    - Nắm rõ thực trạng công tác tại {where}; chỉ ra {n} nội dung cơ sở cần chấn chỉnh, có kết luận cụ thể sau kiểm
      tra.
    - Cơ sở thực hiện tương đối đầy đủ hồ sơ, sổ sách; việc thu, nộp đoàn phí cơ bản đúng quy định.
    - Đánh giá đúng kết quả thực hiện chỉ tiêu của đơn vị; định hướng {n} giải pháp trọng tâm cho thời gian tới.
    - Phát hiện và hướng dẫn khắc phục kịp thời những sai sót trong công tác phát triển, quản lý đoàn viên.
  '1.4':
    - Nắm được tình hình hoạt động và chương trình công tác của {where}; góp ý {n} nội dung cụ thể tại hội nghị.
    - Trực tiếp định hướng công tác cán bộ, kiện toàn các chức danh Ban Chấp hành còn khuyết.
    - Ghi nhận {n} đề xuất của cơ sở để tham mưu Ban Thường vụ Tỉnh đoàn tháo gỡ.
  '1.5':
    - Buổi sinh hoạt có {m} đoàn viên tham dự, nội dung thiết thực, phần thảo luận sôi nổi.
    - Trực tiếp trao đổi, lắng nghe tâm tư, nguyện vọng của đoàn viên tại chi đoàn.
    - Chi đoàn duy trì sinh hoạt định kỳ; bước đầu kết hợp sinh hoạt trực tuyến cho đoàn viên đi làm xa.
limitations:
  '1.1':
    - Lực lượng đoàn viên tại chỗ còn mỏng do thanh niên đi làm ăn xa.
    - Kinh phí tổ chức hoạt động của cơ sở còn hạn chế, chủ yếu vận động xã hội hóa.
    - Một số chi đoàn ấp sinh hoạt chưa đều, nội dung còn đơn điệu.
    - Cán bộ Đoàn xã kiêm nhiệm nhiều việc, thời gian dành cho công tác Đoàn chưa nhiều.
  '1.2':
    - Hồ sơ, sổ sách một số chi đoàn chưa cập nhật kịp thời.
    - Việc cập nhật dữ liệu đoàn viên trên phần mềm còn chậm, chưa đầy đủ.
    - Công tác kiểm tra của cấp huyện đối với cơ sở chưa thường xuyên.
    - Tỷ lệ đoàn viên được đánh giá, xếp loại chưa đạt yêu cầu.
  '1.4':
    - Nội dung hội nghị còn nặng về báo cáo, thời gian thảo luận ít.
    - Một số ủy viên Ban Chấp hành vắng họp, chưa báo cáo lý do.
  '1.5':
    - Số đoàn viên tham gia sinh hoạt chưa cao, nhất là đoàn viên làm việc tại khu công nghiệp.
    - Hình thức sinh hoạt chưa hấp dẫn, chưa gắn với nhu cầu của đoàn viên.
    - Chi đoàn chưa xây dựng kế hoạch sinh hoạt chủ điểm cụ thể.
proposals:
  '1.1':
    - Đề nghị Tỉnh đoàn hỗ trợ kinh phí cho các công trình thanh niên tại xã khó khăn.
    - Đề nghị cấp huyện tăng cường tập huấn nghiệp vụ cho cán bộ Đoàn xã.
    - Đề xuất nhân rộng cách làm của {where} tại các xã có điều kiện tương đồng.
    - Đề nghị phối hợp Ngân hàng Chính sách xã hội tạo điều kiện cho thanh niên vay vốn lập nghiệp.
  '1.2':
    - Đề nghị đơn vị chỉ đạo cơ sở khắc phục các hạn chế đã chỉ ra trong tháng tiếp theo.
    - Đề xuất Ban Tổ chức – Kiểm tra mở lớp tập huấn sử dụng phần mềm quản lý đoàn viên.
    - Đề nghị đưa kết quả khắc phục vào tiêu chí chấm điểm thi đua cuối năm.
  '1.4':
    - Đề nghị giảm bớt các báo cáo đột xuất yêu cầu cơ sở thực hiện.
    - Đề xuất Tỉnh đoàn sớm hướng dẫn quy trình kiện toàn nhân sự Ban Chấp hành.
  '1.5':
    - Đề nghị biên soạn tài liệu sinh hoạt chủ điểm ngắn gọn, dễ sử dụng cho chi đoàn.
    - Đề nghị cấp huyện phân công cán bộ theo dõi, giúp đỡ chi đoàn yếu.
purposes:
  '1.1':
    any:
      - Cùng ăn, cùng ở, cùng làm với cơ sở; tham gia tổ chức các hoạt động trọng điểm của cơ sở
      - Hỗ trợ cơ sở củng cố tổ chức, hoàn thiện hồ sơ đoàn vụ
      - Hỗ trợ xây dựng công trình thanh niên, hoạt động an sinh xã hội tại địa bàn
    q2:
      - Đồng hành cùng cơ sở trong các hoạt động tháng 4, tháng 5 và chuẩn bị Chiến dịch Thanh niên tình nguyện hè
    q3:
      - Đồng hành cùng cơ sở trong Chiến dịch Thanh niên tình nguyện hè
  '1.2':
    any:
      - Kiểm tra, giám sát chuyên đề theo chương trình kiểm tra, giám sát của Ban Thường vụ Tỉnh đoàn
      - Kiểm tra công tác phát triển, quản lý đoàn viên
      - Giám sát việc thực hiện Nghị quyết Đại hội Đoàn các cấp
      - Kiểm tra việc thu, nộp, sử dụng đoàn phí
    q2: [Kiểm tra công tác Đoàn 6 tháng đầu năm]
    q4: [Kiểm tra công tác chuẩn bị tổng kết năm]
  '1.4':
    any:
      - Dự hội nghị Ban Chấp hành sơ kết quý
      - Dự họp Ban Thường vụ đoàn cấp dưới
      - Dự sinh hoạt chuyên đề của Ban Chấp hành
  '1.5':
    any:
      - Dự sinh hoạt chi đoàn theo chủ điểm của tháng
      - Dự sinh hoạt chi đoàn, nắm tình hình đoàn viên
    q1:
      - Dự sinh hoạt chi đoàn chủ điểm Tháng Thanh niên
models:
  visit:
    - year: 2025
      category: '1.1'
      key: tu-sach-thanh-nien
      name: Tủ sách thanh niên ấp
      tags: [hoc-tap, van-hoa]
      contact: Nguyễn Thị Bích Vân
      description: Chi đoàn các ấp của {where} vận động đoàn viên góp sách, đặt tủ sách tại nhà văn hóa ấp, mở cửa
        buổi tối và cuối tuần; mỗi quý tổ chức một buổi giới thiệu sách cho thiếu nhi. Dễ nhân rộng, chi phí thấp.
    - year: 2025
      category: '1.1'
      key: cho-phien-nong-san
      name: Chợ phiên nông sản thanh niên
      tags: [lap-nghiep, chuyen-doi-so]
      contact: Trần Văn Khang
      description: Đoàn {where} tổ chức chợ phiên cuối tuần và gian hàng trực tuyến giúp thanh niên tiêu thụ nông
        sản; mỗi phiên có 15 – 20 gian hàng của đoàn viên, doanh thu bình quân 25 triệu đồng.
    - year: 2025
      category: '1.5'
      key: sinh-hoat-truc-tuyen
      name: Sinh hoạt chi đoàn kết hợp trực tuyến
      tags: [chuyen-doi-so, sinh-hoat-chi-doan]
      contact: Lê Minh Trung
      description: Chi đoàn ấp tại {where} sinh hoạt trực tiếp kết hợp trực tuyến để đoàn viên đi làm ở khu công nghiệp
        cùng tham gia; tỷ lệ đoàn viên dự sinh hoạt tăng từ 55% lên 80%.
    - year: 2024
      category: '1.1'
      key: thap-sang-duong-que
      name: Thắp sáng đường quê
      tags: [tinh-nguyen, cong-trinh-thanh-nien]
      contact: Phan Văn Hòa
      description: Đoàn {where} vận động nguồn lực lắp đèn năng lượng mặt trời trên các tuyến đường ấp; thanh niên
        tự lắp đặt, bảo trì. Đã thắp sáng 6,5 km đường, góp phần giữ gìn an ninh trật tự.
    - year: 2024
      category: '1.1'
      key: bi-thu-kiem-to-truong-an-ninh
      name: Bí thư chi đoàn kiêm tổ trưởng tổ an ninh tự quản
      tags: [an-ninh-trat-tu, to-chuc]
      contact: Huỳnh Thanh Tâm
      description: Tại {where}, bí thư chi đoàn ấp kiêm tổ trưởng tổ an ninh tự quản, giúp chi đoàn gắn hoạt động
        với nhiệm vụ của địa phương và thu hút thanh niên tham gia giữ gìn trật tự.
    - year: 2024
      category: '1.5'
      key: quy-tuong-tro-phe-lieu
      name: Quỹ tương trợ đoàn viên từ thu gom phế liệu
      tags: [tuong-tro, moi-truong]
      contact: Võ Thị Kim Thoa
      description: Đoàn viên chi đoàn ấp tại {where} thu gom ve chai, phế liệu để lập quỹ sinh hoạt và giúp đỡ đoàn
        viên có hoàn cảnh khó khăn; quỹ hiện có hơn 18 triệu đồng.
  inspection:
    - id: ngay-thu-bay-tinh-nguyen-an-khanh
      name: Ngày thứ Bảy tình nguyện
      unit: phuong-an-khanh
      place: Các khu phố phường An Khánh
      tags: [tinh-nguyen]
      description: Thứ Bảy cuối tháng, các chi đoàn khu phố ra quân chỉnh trang hẻm, dọn vệ sinh kênh rạch, hỗ trợ
        gia đình chính sách; mỗi năm trên 9.000 lượt đoàn viên tham gia.
    - id: so-hoa-ho-so-doan-vien-tan-hung
      name: Số hóa hồ sơ đoàn viên bằng mã QR
      unit: xa-tan-hung
      place: Xã Tân Hưng
      tags: [chuyen-doi-so, to-chuc]
      description: Mỗi đoàn viên có mã QR liên kết hồ sơ trên phần mềm quản lý đoàn viên; việc chuyển sinh hoạt, đánh
        giá xếp loại thực hiện trực tuyến, giảm thời gian tổng hợp báo cáo của cơ sở.
    - id: cau-lac-bo-thanh-nien-cong-nhan-ngoai-gio
      name: Câu lạc bộ thanh niên công nhân ngoài giờ
      unit: doan-khoi-doanh-nghiep
      place: Khu công nghiệp Tân Định
      tags: [cong-nhan, doan-ket-tap-hop]
      description: 'Câu lạc bộ sinh hoạt tối thứ Sáu tại nhà văn hóa công nhân: học tiếng Anh, kỹ năng số, thể thao;
        là nơi phát hiện, bồi dưỡng nguồn phát triển đoàn viên trong doanh nghiệp ngoài nhà nước.'
    - id: doi-hinh-thanh-nien-song-ngu-son-lam
      name: Đội hình thanh niên song ngữ hỗ trợ đồng bào dân tộc thiểu số
      unit: xa-son-lam
      place: Các xã Sơn Lâm, Lâm Hà, Suối Đá
      tags: [dan-toc-thieu-so, tinh-nguyen]
      description: Đoàn viên người dân tộc thiểu số biết hai thứ tiếng hỗ trợ bà con làm thủ tục hành chính, tuyên
        truyền chính sách, phòng chống tảo hôn; năm 2025 hỗ trợ hơn 1.200 lượt người dân.
inspection_text:
  references:
    - number: 03-HD/TĐTN-TCKT
      date: '2025-01-08'
      issuer: Ban Thường vụ Tỉnh đoàn
      title: Hướng dẫn Bộ tiêu chí đánh giá, chấm điểm thi đua công tác Đoàn và phong trào thanh thiếu nhi năm 2025
    - number: 04-KH/TĐTN-TCKT
      date: '2025-01-08'
      issuer: Ban Thường vụ Tỉnh đoàn
      title: Kế hoạch kiểm tra, giám sát của Ban Thường vụ Tỉnh đoàn năm 2025
  recipients:
    - Ban Tổ chức Trung ương Đoàn
    - Ban Dân vận Tỉnh ủy
    - 'Tỉnh đoàn: Thường trực, các ban, Văn phòng'
    - Trung tâm Bồi dưỡng nghiệp vụ công tác Đoàn
    - Cấp ủy các huyện, thị xã, thành phố và đoàn trực thuộc
    - Các huyện, thị, thành đoàn và đoàn trực thuộc
    - Lưu VT, Ban TCKT
  purposes:
    - Đánh giá chất lượng hoạt động, phân loại và xếp hạng thi đua các huyện, thị, thành đoàn và đoàn trực thuộc năm
      2025; làm cơ sở tổng kết, khen thưởng các đơn vị hoàn thành xuất sắc nhiệm vụ.
    - Đúc kết, nhân rộng những mô hình, giải pháp hiệu quả; xác định những mặt được, tồn tại, hạn chế để định hướng
      chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2026.
  requirements:
    - Công tác kiểm tra được thực hiện nghiêm túc, đánh giá theo từng mảng công tác Đoàn, làm rõ tính sáng tạo, chủ
      động của đơn vị.
    - Các đơn vị thực hiện kiểm tra, đánh giá kết quả hoạt động của các cơ sở Đoàn trực thuộc trước khi Tỉnh đoàn
      kiểm tra.
    - Các đơn vị chuẩn bị đầy đủ tài liệu, sử dụng hiệu quả phần mềm đánh giá thi đua và bảo đảm thành phần tham dự
      buổi kiểm tra.
  contents:
    - Việc triển khai chương trình công tác Đoàn và phong trào thanh thiếu nhi của tỉnh, việc thực hiện nhiệm vụ chính
      trị tại địa phương, đơn vị và các nội dung chỉ đạo của cấp ủy năm 2025.
    - Kết quả thực hiện các mô hình, giải pháp năm 2025.
    - Việc khắc phục những hạn chế, tồn tại được chỉ ra qua kiểm tra năm 2024.
  methods:
    - Đoàn kiểm tra làm việc trực tiếp với Ban Thường vụ và cán bộ Đoàn, Hội, Đội chuyên trách của đơn vị.
    - Các ban, Văn phòng chấm điểm trực tuyến trên phần mềm đánh giá thi đua theo nội dung được phân công, hoàn thành
      trước buổi kiểm tra tại từng đơn vị.
    - Kết thúc đợt kiểm tra, Ban Thường vụ Tỉnh đoàn ban hành thông báo nhận xét, đánh giá, phân loại và xếp hạng
      thi đua năm 2025 của từng đơn vị.
  attendees:
    - role: Đại diện Ban Thường vụ cấp ủy cùng cấp
      count: 1
    - role: Bí thư Đoàn cơ sở được xếp loại hoàn thành xuất sắc nhiệm vụ
      count: 2
    - role: Bí thư Đoàn cơ sở được xếp loại hoàn thành tốt nhiệm vụ hoặc hoàn thành nhiệm vụ
      count: 2
    - role: Công chức phụ trách công tác thanh niên của Ủy ban nhân dân xã, phường, đặc khu
      count: 1
      unit_types: [grassroots]
  deadlines:
    - task: Đánh giá kết quả công tác Đội và phong trào thiếu nhi năm 2025 của các Đoàn xã, phường, đặc khu, gửi Văn
        phòng Tỉnh đoàn
      unit: ban-cong-tac-thieu-nhi
      due:
        date: '2025-11-04'
    - task: Đánh giá kết quả công tác Hội và phong trào thanh niên năm 2025 của các đơn vị, gửi các đoàn kiểm tra
      unit: ban-doan-ket-tap-hop
      due:
        date: '2025-11-04'
    - task: Phân công cán bộ tham gia các đoàn kiểm tra và gửi văn bản báo cáo nhân sự cụ thể về các đoàn kiểm tra
      unit: trung-tam-boi-duong
      due:
        date: '2025-11-06'
        time: '17:00'
  agenda:
    - Giới thiệu thành phần đoàn kiểm tra và thành phần đơn vị.
    - Thành viên đoàn kiểm tra đặt những vấn đề đề nghị đơn vị thông tin.
    - Đơn vị trao đổi những vấn đề đoàn kiểm tra đề nghị.
    - Phát biểu của đại diện cấp ủy.
    - 'Trưởng đoàn kết luận: những mặt được, hạn chế và định hướng năm 2026; những nội dung tự chấm điểm cần điều
      chỉnh; ghi nhận các mô hình, giải pháp hay, tiêu biểu.'
  strengths:
    - Bám sát chương trình công tác của Tỉnh đoàn và nhiệm vụ chính trị của địa phương; nhiều chỉ tiêu đạt và vượt
      kế hoạch.
    - Tổ chức tốt Tháng Thanh niên và Chiến dịch Thanh niên tình nguyện hè với nhiều công trình thiết thực.
    - Công tác phát triển đoàn viên, giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp đạt kết quả tốt.
    - Ứng dụng chuyển đổi số trong quản lý đoàn viên, 95% đoàn viên được cập nhật trên phần mềm.
    - Đội ngũ cán bộ Đoàn cơ sở được kiện toàn kịp thời, nhiệt tình, trách nhiệm.
    - Phối hợp chặt chẽ với các ngành trong công tác hỗ trợ thanh niên lập nghiệp, giải quyết việc làm.
  limitations:
    - Chất lượng sinh hoạt chi đoàn khu dân cư chưa đồng đều.
    - Công tác tập hợp thanh niên công nhân trong doanh nghiệp ngoài nhà nước còn khó khăn.
    - Việc cập nhật hồ sơ, minh chứng trên phần mềm đánh giá thi đua còn chậm, chưa đầy đủ.
    - Một số cơ sở Đoàn chưa chủ động xây dựng mô hình mới, còn phụ thuộc cấp trên.
    - Tự chấm điểm một số nội dung chưa sát với minh chứng.
  directions:
    - Tập trung củng cố chi đoàn ấp, khu phố hoạt động chưa hiệu quả, nhất là ở xã khó khăn.
    - Đẩy mạnh chuyển đổi số trong công tác quản lý đoàn viên, sinh hoạt chi đoàn.
    - Đổi mới phương thức tập hợp thanh niên công nhân, thanh niên đi làm ăn xa.
    - Nhân rộng các mô hình hay đã được ghi nhận qua kiểm tra.
    - Nâng cao chất lượng giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp.
    - Chuẩn bị tốt các điều kiện tổ chức Đại hội Đoàn các cấp nhiệm kỳ 2027 – 2032.
  corrections:
    - item: Tỷ lệ đoàn viên được đánh giá, xếp loại
      self: 5
      corrected: 4
      note: Minh chứng chỉ thể hiện 86% đoàn viên được đánh giá.
    - item: Thành lập mới chi đoàn trong doanh nghiệp ngoài nhà nước
      self: 4
      corrected: 2.5
      note: Chỉ có 01 chi đoàn thành lập mới có quyết định chuẩn y.
    - item: Công trình, phần việc thanh niên
      self: 6
      corrected: 5
      note: Một công trình chưa có biên bản nghiệm thu.
    - item: Sinh hoạt chi đoàn định kỳ
      self: 8
      corrected: 7
      note: Một số chi đoàn chưa có biên bản sinh hoạt quý III.
  bonus:
    - points: 2
      reason: Mô hình của đơn vị được Trung ương Đoàn biểu dương
    - points: 1
      reason: Dẫn đầu khối trong đợt thi đua cao điểm Tháng Thanh niên
    - points: 1.5
      reason: Hoàn thành vượt chỉ tiêu giới thiệu đoàn viên ưu tú cho Đảng
    - points: 0.5
      reason: Có sáng kiến được Tỉnh đoàn công nhận
  penalty:
    - points: 0.5
      reason: Nộp báo cáo quý III trễ hạn
    - points: 1
      reason: Chưa hoàn thành chỉ tiêu thành lập chi đoàn trong doanh nghiệp
    - points: 1.5
      reason: Không tham gia đầy đủ Hội thi cấp tỉnh
inspection_text_2026:
  references:
    - number: 02-HD/TĐTN-TCKT
      date: '2026-01-07'
      issuer: Ban Thường vụ Tỉnh đoàn
      title: Hướng dẫn Bộ tiêu chí đánh giá, chấm điểm thi đua công tác Đoàn và phong trào thanh thiếu nhi năm 2026
    - number: 03-KH/TĐTN-TCKT
      date: '2026-01-07'
      issuer: Ban Thường vụ Tỉnh đoàn
      title: Kế hoạch kiểm tra, giám sát của Ban Thường vụ Tỉnh đoàn năm 2026
  deadlines:
    - task: Đánh giá kết quả công tác Đội và phong trào thiếu nhi năm 2026 của các huyện, thị, thành đoàn, gửi Văn
        phòng Tỉnh đoàn
      unit: ban-cong-tac-thieu-nhi
      due:
        date: '2026-11-13'
    - task: Đánh giá kết quả công tác Hội và phong trào thanh niên năm 2026 của các đơn vị, gửi các đoàn kiểm tra
      unit: ban-doan-ket-tap-hop
      due:
        date: '2026-11-13'
    - task: Phân công cán bộ tham gia các đoàn kiểm tra và gửi văn bản báo cáo nhân sự cụ thể về các đoàn kiểm tra
      unit: trung-tam-boi-duong
      due:
        date: '2026-11-16'
        time: '17:00'
    - task: Các ban, Văn phòng hoàn thành chấm điểm trực tuyến trên phần mềm đánh giá thi đua theo nội dung được phân
        công, trước buổi kiểm tra đầu tiên
      due:
        date: '2026-11-23'
    - task: Thành viên các đoàn kiểm tra gửi bài thu hoạch về Ban Tổ chức – Kiểm tra Tỉnh đoàn
      due:
        date: '2026-12-12'
progress:
  references:
    - number: 21-KL/TW
      date: '2021-10-25'
      issuer: Ban Chấp hành Trung ương Đảng khóa XIII
      title: Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị
    - number: 109-BC/TĐTN-VP
      date: '2024-12-20'
      issuer: Ban Thường vụ Tỉnh đoàn
      title: Báo cáo kiểm điểm tập thể Ban Thường vụ Tỉnh đoàn năm 2024
  recipients:
    - Ban Bí thư Trung ương Đoàn
    - Thường trực Tỉnh ủy
    - Ủy viên Ban Chấp hành Tỉnh đoàn
    - Các ban, đơn vị trực thuộc Tỉnh đoàn
    - Các huyện, thị, thành đoàn và đoàn trực thuộc
    - Lưu VT
  purposes:
    - Xác định các giải pháp cụ thể để từng bước khắc phục các hạn chế, khuyết điểm đã nêu trong báo cáo kiểm điểm
      tập thể Ban Thường vụ Tỉnh đoàn năm 2024.
    - Giải pháp phải sát với từng hạn chế, có lộ trình, phân công phụ trách và định kỳ đánh giá việc thực hiện.
    - Là một trong những cơ sở để đánh giá tập thể, cá nhân hoàn thành nhiệm vụ năm 2025.
  shortcomings:
    - id: kd1
      area: leadership
      origin: new
      description: Còn 01 chỉ tiêu thành phần trong kế hoạch năm 2024 chưa đạt; chưa giảm tải được khối lượng văn
        bản, báo cáo yêu cầu cơ sở thực hiện trong bối cảnh sắp xếp tổ chức bộ máy.
    - id: kd2
      area: propaganda
      origin: new
      description: Công tác tuyên truyền về phòng, chống ma túy trong đoàn viên, thanh niên mang lại hiệu quả chưa
        triệt để.
    - id: kd3
      area: organisation
      origin: new
      description: Việc tổ chức họp Ban Thường vụ định kỳ có lúc chưa bảo đảm thời gian quy định; một số văn bản trình
        Ban Thường vụ của các ban, Văn phòng còn trễ; việc góp ý các văn bản tại phiên họp chưa nghiên cứu sâu.
    - id: kd4
      area: movement
      origin: carried-over
      since: 2023
      long_term: true
      description: Phương thức đoàn kết, tập hợp thanh niên chưa có nhiều đổi mới; chất lượng sinh hoạt chi đoàn trong
        các doanh nghiệp ngoài nhà nước chưa có nhiều chuyển biến.
  groups:
    - id: nhom-1
      name: Nhóm giải pháp khắc phục hạn chế trong công tác lãnh đạo, điều hành
      shortcomings: [kd1]
      lead: van-phong
      actions:
        - id: nhom-1-1
          description: Ban hành chỉ tiêu kế hoạch năm 2025 cho các huyện, thị, thành đoàn và đoàn trực thuộc ngay
            từ đầu năm; lồng ghép vào Bộ tiêu chí thi đua.
          deadline: '2025-03-15'
        - id: nhom-1-2
          description: Tinh gọn Bộ tiêu chí thi đua công tác Đoàn, Hội; giảm ít nhất 20% số báo cáo định kỳ yêu cầu
            cơ sở thực hiện.
          deadline: '2025-06-30'
        - id: nhom-1-3
          description: Theo dõi tiến độ thực hiện các chỉ tiêu, báo cáo Thường trực Tỉnh đoàn.
          recurring: quarterly
    - id: nhom-2
      name: Nhóm giải pháp khắc phục hạn chế trong công tác tuyên truyền, giáo dục
      shortcomings: [kd2]
      lead: ban-tuyen-giao
      cooperating: [ban-phong-trao]
      actions:
        - id: nhom-2-1
          description: Ban hành kế hoạch riêng về tuyên truyền phòng, chống ma túy trong đoàn viên, thanh niên năm
            2025, đổi mới, đa dạng hóa nội dung, hình thức theo từng nhóm đối tượng.
          deadline: '2025-03-31'
        - id: nhom-2-2
          description: Tổ chức chiến dịch truyền thông hưởng ứng Ngày toàn dân phòng, chống ma túy (26/6).
          deadline: '2025-06-30'
        - id: nhom-2-3
          description: Củng cố, duy trì Đội thanh niên tình nguyện “Thắp sáng niềm tin” trong truyền thông phòng,
            chống tệ nạn ma túy tại khu dân cư, trường học.
          lead: ban-phong-trao
          recurring: quarterly
        - id: nhom-2-4
          description: Phối hợp Công an tỉnh, Sở Y tế tổ chức hội thi, diễn đàn, biểu dương tập thể, cá nhân tiêu
            biểu trong phòng, chống ma túy.
          deadline: '2025-09-30'
    - id: nhom-3
      name: Nhóm giải pháp khắc phục hạn chế trong công tác tổ chức xây dựng Đoàn
      shortcomings: [kd3]
      lead: ban-tckt
      actions:
        - id: nhom-3-1
          description: Ban hành tiêu chí đánh giá thi đua hằng tháng đối với các ban, Văn phòng Tỉnh đoàn.
          deadline: '2025-03-31'
        - id: nhom-3-2
          description: Tại phiên họp Ban Thường vụ định kỳ, nhắc việc các nội dung các ban, Văn phòng trình trong
            tháng tiếp theo.
          recurring: monthly
        - id: nhom-3-3
          description: Gửi dự thảo văn bản trình Ban Thường vụ trước phiên họp ít nhất 03 ngày làm việc.
          lead: van-phong
          recurring: monthly
    - id: nhom-4
      name: Nhóm giải pháp khắc phục hạn chế trong công tác tổ chức các hoạt động phong trào
      shortcomings: [kd4]
      lead: ban-tckt
      cooperating: [ban-phong-trao]
      actions:
        - id: nhom-4-1
          description: Ban hành Kế hoạch thực hiện Đề án tập hợp thanh niên công nhân trong doanh nghiệp ngoài nhà
            nước năm 2025.
          deadline: '2025-04-15'
        - id: nhom-4-2
          description: Cử cán bộ Đoàn cấp tỉnh dự sinh hoạt chi đoàn trong doanh nghiệp ngoài nhà nước để nắm tình
            hình, đề xuất giải pháp.
          cooperating: [ban-doan-ket-tap-hop]
          recurring: quarterly
        - id: nhom-4-3
          description: Thành lập mới chi đoàn tại các doanh nghiệp ngoài nhà nước có từ 10 đoàn viên trở lên.
          deadline: '2025-10-31'
        - id: nhom-4-4
          description: Sơ kết các phương thức tập hợp thanh niên mới, nhân rộng cách làm hiệu quả.
          recurring: yearly
  stages:
    kd1:
      - actions: [nhom-1-1, nhom-1-3]
        status: in-progress
        done: Đã ban hành chỉ tiêu kế hoạch năm 2025 cho 11 huyện, thị, thành đoàn và đoàn trực thuộc ngày 05/3/2025;
          các chỉ tiêu được lồng ghép vào Bộ tiêu chí thi đua.
        next_steps: Rà soát Bộ tiêu chí thi đua, đề xuất giảm báo cáo.
      - actions: [nhom-1-2, nhom-1-3]
        status: in-progress
        done: Hoàn thành dự thảo Bộ tiêu chí thi đua tinh gọn, giảm từ 126 xuống 98 tiêu chí; đang lấy ý kiến các
          đơn vị.
        difficulties: Một số ban đề nghị giữ lại các báo cáo chuyên đề.
        next_steps: Trình Ban Thường vụ ban hành trong tháng 7.
      - actions: [nhom-1-1, nhom-1-2, nhom-1-3]
        status: in-progress
        done: 6 tháng đầu năm có 14/16 chỉ tiêu đạt tiến độ; chỉ tiêu phát triển đoàn viên trong doanh nghiệp ngoài
          nhà nước mới đạt 41%.
        difficulties: Chỉ tiêu khu vực doanh nghiệp còn chậm.
        next_steps: Phối hợp Ban Tổ chức – Kiểm tra đôn đốc các đơn vị chậm tiến độ.
      - actions: [nhom-1-2, nhom-1-3]
        status: in-progress
        done: Bộ tiêu chí thi đua tinh gọn được ban hành ngày 18/7/2025; số báo cáo định kỳ yêu cầu cơ sở giảm 25%.
        next_steps: Theo dõi các chỉ tiêu còn chậm.
      - actions: [nhom-1-3]
        status: resolved
        done: Đến ngày 20/10/2025, 16/16 chỉ tiêu kế hoạch năm đạt hoặc vượt tiến độ; khối lượng báo cáo yêu cầu cơ
          sở giảm 25% so với năm 2024. Khuyết điểm cơ bản được khắc phục.
        next_steps: Duy trì theo dõi chỉ tiêu hằng quý.
    kd2:
      - actions: [nhom-2-1]
        status: in-progress
        done: Ban hành Kế hoạch số 19-KH/TĐTN-TG ngày 14/3/2025 về tuyên truyền phòng, chống ma túy trong đoàn viên,
          thanh niên năm 2025.
        next_steps: Chuẩn bị chiến dịch truyền thông hưởng ứng ngày 26/6.
      - actions: [nhom-2-2, nhom-2-3]
        status: in-progress
        done: Tổ chức chiến dịch truyền thông “Tuổi trẻ Bình An nói không với ma túy” tại 9/9 huyện, thị, thành đoàn,
          thu hút hơn 12.000 lượt đoàn viên, thanh niên; củng cố 7 Đội “Thắp sáng niềm tin”.
        difficulties: Tin, bài trên mạng xã hội chưa tiếp cận nhiều thanh niên ngoài nhà trường.
        next_steps: Phối hợp Công an tỉnh tổ chức diễn đàn.
      - actions: [nhom-2-1, nhom-2-2, nhom-2-3]
        status: in-progress
        done: 6 tháng đầu năm tổ chức 46 buổi tuyên truyền trực tiếp, 120 tin, bài trên các trang mạng xã hội của
          Đoàn; 100% huyện, thị, thành đoàn có kế hoạch riêng.
        next_steps: Tổ chức hội thi tìm hiểu pháp luật về phòng, chống ma túy.
      - actions: [nhom-2-3, nhom-2-4]
        status: in-progress
        done: Phối hợp Công an tỉnh tổ chức Hội thi tìm hiểu pháp luật với 2.400 thí sinh và 03 diễn đàn tại các địa
          bàn có nguy cơ cao.
        next_steps: Tổng kết, đánh giá hiệu quả tuyên truyền.
      - actions: [nhom-2-3, nhom-2-4]
        status: resolved
        done: 'Công tác tuyên truyền được đổi mới theo từng nhóm đối tượng; khảo sát cho thấy 87% đoàn viên được hỏi
          nắm được tác hại và quy định pháp luật về ma túy (năm 2024: 64%).'
        next_steps: Đưa nội dung vào chương trình công tác năm 2026.
    kd3:
      - actions: [nhom-3-1, nhom-3-2]
        status: in-progress
        done: Ban hành tiêu chí đánh giá thi đua hằng tháng đối với các ban, Văn phòng; phiên họp tháng 2 và tháng
          3 tổ chức đúng lịch.
        next_steps: Theo dõi việc gửi dự thảo văn bản trước phiên họp.
      - actions: [nhom-3-2, nhom-3-3]
        status: in-progress
        done: Quý II, 3/3 phiên họp đúng lịch; 82% văn bản được gửi trước 03 ngày làm việc.
        difficulties: Một số văn bản liên ngành còn chờ ý kiến đơn vị phối hợp.
        next_steps: Nhắc việc sớm các văn bản liên ngành.
      - actions: [nhom-3-1, nhom-3-2, nhom-3-3]
        status: in-progress
        done: 6 tháng đầu năm, 6/6 phiên họp định kỳ đúng lịch; các ban, Văn phòng được đánh giá thi đua hằng tháng.
        next_steps: Nâng tỷ lệ văn bản gửi đúng hạn lên trên 95%.
      - actions: [nhom-3-2, nhom-3-3]
        status: resolved
        done: Quý III, 100% phiên họp đúng lịch; 96% văn bản gửi trước phiên họp ít nhất 03 ngày làm việc; ý kiến
          góp ý tại phiên họp cụ thể hơn.
        next_steps: Duy trì nền nếp.
      - actions: [nhom-3-2, nhom-3-3]
        status: resolved
        done: Từ tháng 01 đến tháng 10/2025, 10/10 phiên họp Ban Thường vụ đúng lịch; khuyết điểm đã được khắc phục.
    kd4:
      - actions: [nhom-4-2]
        status: in-progress
        done: Cán bộ Đoàn cấp tỉnh dự sinh hoạt 06 chi đoàn doanh nghiệp ngoài nhà nước; đang xây dựng kế hoạch thực
          hiện Đề án năm 2025.
        difficulties: Doanh nghiệp ít tạo điều kiện về thời gian sinh hoạt.
        next_steps: Ban hành kế hoạch trong tháng 4.
      - actions: [nhom-4-1, nhom-4-2]
        status: in-progress
        done: Ban hành Kế hoạch số 23-KH/TĐTN-TCKT ngày 10/4/2025; dự sinh hoạt thêm 09 chi đoàn doanh nghiệp.
        next_steps: Khảo sát doanh nghiệp đủ điều kiện thành lập chi đoàn.
      - actions: [nhom-4-1, nhom-4-2, nhom-4-3]
        status: in-progress
        done: 6 tháng đầu năm thành lập mới 05 chi đoàn trong doanh nghiệp ngoài nhà nước; 15 lượt cán bộ tỉnh dự
          sinh hoạt chi đoàn khối này.
        difficulties: Thanh niên công nhân biến động lớn.
        next_steps: Phối hợp Ban Đoàn kết tập hợp xây dựng câu lạc bộ thanh niên công nhân.
      - actions: [nhom-4-2, nhom-4-3]
        status: in-progress
        done: Quý III thành lập mới 06 chi đoàn, nâng tổng số lên 11 chi đoàn.
        next_steps: Sơ kết phương thức tập hợp mới.
      - actions: [nhom-4-2, nhom-4-3, nhom-4-4]
        status: ongoing
        done: Đến tháng 10/2025 thành lập mới 14 chi đoàn; chất lượng sinh hoạt chi đoàn doanh nghiệp có chuyển biến
          nhưng chưa đồng đều. Khuyết điểm mang tính lâu dài, tiếp tục theo dõi trong năm 2026.
        difficulties: Nhiều doanh nghiệp nhỏ, lao động thời vụ.
        next_steps: Đưa vào kế hoạch khắc phục năm 2026.
survey_plan_text:
  purposes:
    - Đánh giá mức độ hoàn thành và triển vọng hoàn thành các chỉ tiêu Nghị quyết Đại hội Đoàn các cấp giao cho từng đơn vị trong nửa đầu nhiệm kỳ.
    - Tìm ra những mô hình mới, cách làm hay, những hạn chế và nguyên nhân, làm cơ sở cho Hội nghị sơ kết giữa nhiệm kỳ.
  contents:
    - Việc triển khai Chương trình hành động thực hiện Nghị quyết Đại hội Đoàn các cấp và các chỉ tiêu được giao (mức độ hoàn thành và triển vọng hoàn thành các chỉ tiêu, chương trình, đề án, các nội dung trọng tâm của Nghị quyết).
    - Kết quả thúc đẩy hoạt động sáng tạo trong thanh thiếu nhi (kết quả thực hiện chỉ tiêu ý tưởng sáng tạo, số ý tưởng, sáng kiến được hỗ trợ triển khai thực tiễn, số ý tưởng được tuyên dương).
    - Cách thức triển khai của từng cấp bộ đoàn, sự chuyển biến về nhận thức và hành động của từng khối đối tượng thanh niên.
survey_plan:
  number: 21-KH/TĐTN-VP
  date: '2025-03-05'
  issuer: Ban Thường vụ Tỉnh đoàn
  title: Kế hoạch khảo sát, đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đoàn tỉnh Bình An lần thứ XI, nhiệm
    kỳ 2022 – 2027
surveys:
  - id: giua-nhiem-ky-tinh-doan-2022-2027
    unit: thuong-truc
    resolution: Nghị quyết Đại hội Đoàn tỉnh Bình An lần thứ XI
    due:
      date: '2025-05-31'
      strict: true
    submitted: '2025-05-27'
    targets:
      - code: CT01
        name: Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp
        target: 6000
        achieved: 3650
        measure: đoàn viên
        completion: partial
        prospect: likely
      - code: CT02
        name: Kết nạp đoàn viên mới
        target: 25000
        achieved: 14800
        measure: đoàn viên
        completion: partial
        prospect: likely
      - code: CT03
        name: Tỷ lệ cơ sở Đoàn được xếp loại hoàn thành tốt nhiệm vụ trở lên
        target: 80
        achieved: 84
        measure: '%'
        completion: exceeded
        prospect: certain
      - code: CT04
        name: Công trình, phần việc thanh niên cấp tỉnh và cấp huyện
        target: 1500
        achieved: 1620
        measure: công trình
        completion: exceeded
        prospect: certain
      - code: CT05
        name: Ý tưởng, sáng kiến của đoàn viên, thanh thiếu nhi
        target: 1000
        achieved: 560
        measure: ý tưởng
        completion: partial
        prospect: likely
      - code: CT06
        name: Hỗ trợ thanh niên khởi nghiệp, lập nghiệp
        target: 500
        achieved: 210
        measure: thanh niên
        completion: partial
        prospect: at-risk
        note: Nguồn vốn ủy thác hạn chế; số dự án đủ điều kiện còn ít.
      - code: CT07
        name: Tỷ lệ đoàn viên được học tập các nghị quyết của Đảng, của Đoàn
        target: 95
        achieved: 96
        measure: '%'
        completion: achieved
        prospect: certain
      - code: CT08
        name: Thành lập mới chi đoàn trong doanh nghiệp ngoài nhà nước
        target: 60
        achieved: 18
        measure: chi đoàn
        completion: partial
        prospect: at-risk
        note: Gắn với khuyết điểm về tập hợp thanh niên công nhân đang khắc phục.
      - code: CT09
        name: Tỷ lệ đoàn viên được quản lý trên phần mềm quản lý đoàn viên
        target: 100
        achieved: 71
        measure: '%'
        completion: partial
        prospect: likely
      - code: CT10
        name: Xây dựng Khu sinh hoạt thanh thiếu nhi cấp tỉnh
        target: 1
        achieved: 0
        measure: công trình
        completion: not-started
        prospect: unlikely
        note: Chưa bố trí được quỹ đất và nguồn vốn đầu tư.
    creativity:
      ideas: 560
      supported: 74
      commended: 38
      note: Các cấp bộ Đoàn tổ chức cuộc thi ý tưởng sáng tạo hằng năm; nhận thức của thanh niên về sáng tạo chuyển
        biến rõ ở khối trường học, còn hạn chế ở thanh niên nông thôn.
    findings:
      - Nửa đầu nhiệm kỳ, 3/10 chỉ tiêu đã đạt và vượt; 4 chỉ tiêu có khả năng hoàn thành vào cuối nhiệm kỳ; 3 chỉ
        tiêu có nguy cơ không hoàn thành hoặc khó hoàn thành.
      - Chủ trương “1 + 2” được duy trì; cán bộ Đoàn cấp tỉnh bám sát cơ sở, phát hiện nhiều mô hình hay.
      - Chuyển đổi số trong công tác Đoàn được triển khai đồng bộ, bước đầu giảm tải báo cáo cho cơ sở.
    limitations:
      - Chỉ tiêu thành lập chi đoàn trong doanh nghiệp ngoài nhà nước và hỗ trợ thanh niên khởi nghiệp có nguy cơ
        không đạt.
      - Chưa triển khai được công trình Khu sinh hoạt thanh thiếu nhi cấp tỉnh.
      - 'Nguyên nhân: lao động trẻ biến động lớn; nguồn lực hỗ trợ hạn chế; một số cơ sở còn thụ động.'
    lessons:
      - Bám sát sự lãnh đạo của cấp ủy, chủ động tham mưu nguồn lực cho các chỉ tiêu khó.
      - Đi cơ sở thực chất, gắn với kiểm tra, giám sát, giúp phát hiện sớm khó khăn để điều chỉnh giải pháp.
      - Phân công rõ người, rõ việc, rõ thời hạn cho từng chỉ tiêu.
  - id: giua-nhiem-ky-thanh-doan-an-khanh
    unit: thanh-doan-an-khanh
    resolution: Nghị quyết Đại hội Đoàn thành phố An Khánh lần thứ X
    due:
      date: '2025-05-15'
    submitted: '2025-05-12'
    targets:
      - code: CT01
        name: Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp
        target: 900
        achieved: 560
        measure: đoàn viên
        completion: partial
        prospect: certain
      - code: CT02
        name: Kết nạp đoàn viên mới
        target: 3500
        achieved: 2300
        measure: đoàn viên
        completion: partial
        prospect: likely
      - code: CT03
        name: Công trình thanh niên cấp thành phố
        target: 120
        achieved: 131
        measure: công trình
        completion: exceeded
        prospect: certain
      - code: CT04
        name: Thành lập mới câu lạc bộ, đội, nhóm
        target: 40
        achieved: 40
        measure: câu lạc bộ
        completion: achieved
        prospect: certain
      - code: CT05
        name: Ý tưởng, sáng kiến của đoàn viên, thanh niên
        target: 150
        achieved: 95
        measure: ý tưởng
        completion: partial
        prospect: likely
    creativity:
      ideas: 95
      supported: 18
      commended: 9
    findings:
      - Phong trào tình nguyện ở khu phố duy trì đều, nổi bật là Ngày thứ Bảy tình nguyện.
    limitations:
      - Việc tập hợp thanh niên công nhân nhập cư còn khó khăn.
    lessons:
      - Gắn hoạt động Đoàn với nhu cầu thiết thực của thanh niên khu phố.
  - id: giua-nhiem-ky-huyen-doan-son-lam
    unit: huyen-doan-son-lam
    resolution: Nghị quyết Đại hội Đoàn huyện Sơn Lâm lần thứ IX
    due:
      date: '2025-05-15'
    submitted: '2025-05-14'
    targets:
      - code: CT01
        name: Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp
        target: 450
        achieved: 205
        measure: đoàn viên
        completion: partial
        prospect: at-risk
        note: Đoàn viên người dân tộc thiểu số đủ điều kiện còn ít.
      - code: CT02
        name: Kết nạp đoàn viên mới
        target: 1800
        achieved: 1020
        measure: đoàn viên
        completion: partial
        prospect: likely
      - code: CT03
        name: Tỷ lệ thanh niên dân tộc thiểu số được tập hợp vào tổ chức Đoàn, Hội
        target: 70
        achieved: 72
        measure: '%'
        completion: exceeded
        prospect: certain
      - code: CT04
        name: Công trình thanh niên cấp huyện
        target: 60
        achieved: 64
        measure: công trình
        completion: exceeded
        prospect: certain
      - code: CT05
        name: Hỗ trợ thanh niên lập nghiệp
        target: 120
        achieved: 38
        measure: thanh niên
        completion: partial
        prospect: at-risk
    creativity:
      ideas: 41
      supported: 6
      commended: 4
    findings:
      - Đội hình thanh niên song ngữ phát huy hiệu quả tại các xã đồng bào dân tộc thiểu số.
    limitations:
      - Nguồn vốn hỗ trợ thanh niên lập nghiệp còn ít; địa bàn rộng, đi lại khó khăn.
    lessons:
      - Sử dụng cán bộ, đoàn viên người dân tộc thiểu số làm nòng cốt trong tuyên truyền, vận động.
"""
)
HAMLETS = TEXT["hamlets"]
TOPICS = TEXT["topics"]
VISIT_PLAN_TEXT = TEXT["visit_plan_text"]
ACTIVITIES = TEXT["activities"]
ACHIEVEMENTS = TEXT["achievements"]
LIMITATIONS = TEXT["limitations"]
PROPOSALS = TEXT["proposals"]
PURPOSES = TEXT["purposes"]
MODELS = TEXT["models"]
INSPECTION_TEXT = TEXT["inspection_text"]
PROGRESS = TEXT["progress"]
SURVEY_PLAN = TEXT["survey_plan"]
SURVEYS = TEXT["surveys"]


if __name__ == "__main__":
    main()
