"""The built site in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The site is served from 127.0.0.1 by a plain static file server, as an office
intranet would; one test also opens it straight from disk (``file://``), as from
a shared folder. Screenshots land in ``tests/artifacts/screenshots/`` for
people to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from site_gen.vn import format_decimal, format_int
from tests.conftest import snapshot

playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SITE_GEN = Path(sys.executable).parent / "site-gen"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
YEARS = (2024, 2025, 2026)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = snapshot(tmp_path_factory.mktemp("browser") / "repo")
    done = subprocess.run([str(SITE_GEN), "build", "--root", str(target)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(repo: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(repo / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


class Visit:
    """A page in a fresh browser context that records every request it makes."""

    def __init__(self, browser: Any, viewport: dict[str, int] = DESKTOP) -> None:
        self.context = browser.new_context(viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, url: str) -> Any:
        self.page.goto(url, wait_until="load")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def make(viewport: dict[str, int] = DESKTOP) -> Visit:
        opened.append(Visit(browser, viewport))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


def stats(repo: Path, year: int) -> dict[str, Any]:
    done = subprocess.run(
        [str(SITE_GEN), "stats", "--root", str(repo), "--year", str(year), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


# -- the home page's figures are those of site-gen stats ------------------------------------------------------------


def test_home_figures_equal_site_gen_stats(repo: Path, base_url: str, visit: Any) -> None:
    page = visit().open(base_url + "index.html")
    for year in YEARS:
        figures = stats(repo, year)
        overall = figures["overall"]
        box = page.locator(f'.so-lieu[data-nam="{year}"]')

        def shown(key: str, box: Any = box) -> str:
            return str(box.locator(f'[data-so="{key}"]').text_content()).strip()

        assert shown("subject") == format_int(overall["subject"])
        assert shown("reached") == format_int(overall["reached"])
        assert shown("days") == format_int(overall["days"])
        assert shown("average") == format_decimal(overall["average_days"])
        reports = figures["reports"]
        assert shown("reports") == f"{reports['received']}/{reports['expected']}"
        for part in figures["coverage"]:  # one figure per shape of the year: district unions, or communes and wards
            assert shown("visited" if part["tiers"] == 3 else "units") == f"{part['visited']}/{part['total']}"
        for group in [*figures["groups"], {**overall, "membership": "overall"}]:
            cells = page.locator(f'table[data-nam="{year}"] tr[data-dien="{group["membership"]}"] td')
            texts = [str(t).strip() for t in cells.all_text_contents()]
            assert texts == [
                format_int(group["cadres"]),
                format_int(group["exempt"]),
                format_int(group["subject"]),
                f"{format_int(group['reached'])} ({format_decimal(group['percent_reached'])}%)",
                format_int(group["days"]),
                format_decimal(group["average_days"]),
            ], (year, group["membership"])
    # the year selector shows one year at a time, the latest first
    tabs = page.locator(".tabbed-labels label")
    assert tabs.all_text_contents() == [f"Năm {y}" for y in sorted(YEARS, reverse=True)]
    assert page.locator('.so-lieu[data-nam="2026"]').is_visible() and not page.locator('.so-lieu[data-nam="2025"]').is_visible()
    tabs.nth(1).click()
    assert page.locator('.so-lieu[data-nam="2025"]').is_visible() and not page.locator('.so-lieu[data-nam="2026"]').is_visible()


def test_home_lists_what_is_still_missing(base_url: str, visit: Any) -> None:
    page = visit().open(base_url + "index.html")
    upcoming = page.locator("table:has(caption:text('Các hạn sắp tới'))")
    assert "Báo cáo kết quả đi cơ sở quý 4/2026 (mẫu 3)" in str(upcoming.text_content())
    past = page.locator("table:has(caption:text('Các hạn đã qua'))")
    row = past.locator("tr", has_text="quý 3/2026")
    assert row.locator("td").nth(1).text_content() == "12/13"
    assert "Đoàn xã Phước Lâm" in str(row.text_content())


# -- the progress table sorts and filters ----------------------------------------------------------------------------------


def visible_rows(page: Any) -> Any:
    return page.locator("#bang-can-bo tbody tr:not([hidden])")


def column(page: Any, index: int) -> list[float]:
    return [
        float(v)
        for v in visible_rows(page)
        .locator(f"td:nth-child({index}), th:nth-child({index})")
        .evaluate_all("cells => cells.map(c => c.dataset.sap)")
    ]


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def test_progress_table_sorts_and_filters(base_url: str, visit: Any) -> None:
    page = visit().open(base_url + "tien-do/2025.html")
    total = visible_rows(page).count()
    assert total == 53  # Bình An's 46 cadres and the 7 of the former Tỉnh đoàn Hải Lâm
    assert page.locator(".bo-loc__dem").text_content() == f"Đang hiện {total}/{total} dòng."

    # sort by days done, both ways
    header = page.locator("#bang-can-bo thead th", has_text="Đã đi")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    done = column(page, 5)
    assert done == sorted(done) and done[0] < done[-1]
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert column(page, 5) == sorted(done, reverse=True)
    # back to name order: Vietnamese order by given name
    page.locator("#bang-can-bo thead th", has_text="Họ và tên").locator("button").click()
    names = [str(n) for n in visible_rows(page).locator("th a").all_text_contents()]
    assert names[0].endswith(" Anh") and names.index("Phạm Quốc Bảo") < names.index("Nguyễn Văn Hậu")

    # filter by text, without diacritics, then with, then a decomposed (NFD) spelling
    box = page.locator(".bo-loc__chu")
    for query in ("nguyen van", "Nguyễn Văn", unicodedata.normalize("NFD", "Nguyễn Văn")):
        box.fill(query)
        rows = [str(r) for r in visible_rows(page).locator("th").all_text_contents()]
        assert rows and len(rows) < total, query
        assert all("nguyen van" in fold(r) for r in rows), rows
        assert page.locator(".bo-loc__dem").text_content() == f"Đang hiện {len(rows)}/{total} dòng."
    box.fill("")

    # filter by status and by unit
    page.locator('select[data-cot="trang-thai"]').select_option("not-yet")
    statuses = {str(s) for s in visible_rows(page).locator(".trang-thai").all_text_contents()}
    assert statuses == {"Chưa đạt"} and visible_rows(page).count() == 4
    page.locator('select[data-cot="trang-thai"]').select_option("")
    page.locator('select[data-cot="don-vi"]').select_option("ban-tckt")
    units = {str(u) for u in visible_rows(page).locator("td:nth-child(2)").all_text_contents()}
    assert units == {"Ban Tổ chức – Kiểm tra Tỉnh đoàn"}


# -- search in Vietnamese --------------------------------------------------------------------------------------------------


def search(page: Any, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=10)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') && /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    titles = page.locator(".md-search-result__item > a h1, .md-search-result__item > a h2")
    # the titles as shown: without the hidden words without diacritics that the index adds
    shown = "nodes => nodes.map(n => { const c = n.cloneNode(true); c.querySelectorAll('[hidden]').forEach(h => h.remove()); return c.textContent; })"
    return [" ".join(str(t).split()) for t in titles.evaluate_all(shown)][:10]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Nguyễn Văn Hậu", "Nguyễn Văn Hậu"),
        ("nguyen van hau", "Nguyễn Văn Hậu"),
        (unicodedata.normalize("NFD", "Nguyễn Văn Hậu"), "Nguyễn Văn Hậu"),
        ("ke hoach di cong tac co so", "Kế hoạch đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm 2026"),
        # inspected on 18/11/2025, after the union was renamed on 01/10/2025
        ("doan khoi doanh nghiep", "Đoàn Khối Doanh nghiệp và Hợp tác xã tỉnh: kết quả kiểm tra năm 2025"),
    ],
)
def test_search_finds_vietnamese_with_and_without_diacritics(base_url: str, visit: Any, query: str, expected: str) -> None:
    page = visit().open(base_url + "index.html")
    titles = search(page, query)
    assert expected in titles[:5], titles


def test_search_works_from_a_shared_folder(repo: Path, visit: Any) -> None:
    """Opened from disk (file://), as from a shared folder: the offline build still searches."""
    page = visit().open((repo / "site" / "index.html").as_uri())
    assert "Nguyễn Văn Hậu" in search(page, "nguyen van hau")[:5]


# -- no request leaves the machine, and no script fails ---------------------------------------------------------------------

PAGES = [
    "index.html",
    "ke-hoach/di-co-so-2026.html",
    "tien-do/2026.html",
    "can-bo/nguyen-van-hau.html",
    "lich/2026.html",
    "dia-ban/2025.html",
    "kiem-tra/kiem-tra-2025.html",
    "kiem-tra/kiem-tra-2025/huyen-doan-tra-giang.html",
    "khac-phuc/khac-phuc-2025.html",
    "mo-hinh/index.html",
    "khao-sat/index.html",
    "du-lieu/index.html",
    "huong-dan/nop-ho-so.html",
]


def test_no_page_requests_another_host(base_url: str, visit: Any) -> None:
    item = visit()
    for name in PAGES:
        item.open(base_url + name)
        item.page.wait_for_load_state("networkidle")
    assert len(item.requests) > len(PAGES)
    host = urlsplit(base_url).netloc
    elsewhere = [url for url in item.requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != host]
    assert elsewhere == []
    assert item.errors == []


# -- screenshots, phones, accessibility ---------------------------------------------------------------------------------------

SHOWN = {
    "trang-chu": "index.html",
    "tien-do": "tien-do/2025.html",
    "kiem-tra": "kiem-tra/kiem-tra-2025.html",
    "ket-qua": "kiem-tra/kiem-tra-2025/huyen-doan-tra-giang.html",
    "khac-phuc": "khac-phuc/khac-phuc-2025.html",
}


@pytest.mark.parametrize("name", sorted(SHOWN))
@pytest.mark.parametrize("width", ["may-tinh", "dien-thoai"])
def test_screenshots_fit_the_screen_and_pass_axe(base_url: str, visit: Any, name: str, width: str) -> None:
    viewport = DESKTOP if width == "may-tinh" else PHONE
    page = visit(viewport).open(base_url + SHOWN[name])
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    # nothing wider than the screen: wide tables scroll inside their own box
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{SHOWN[name]} is {overflow}px wider than a {viewport['width']}px screen"
    assert serious_violations(page) == []


def serious_violations(page: Any) -> list[str]:
    results = axe_api.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_kind_of_page_passes_axe(base_url: str, visit: Any) -> None:
    item = visit()
    found = {}
    for name in PAGES:
        page = item.open(base_url + name)
        page.wait_for_load_state("networkidle")
        if problems := serious_violations(page):
            found[name] = problems
    assert found == {}
