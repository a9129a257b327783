"""The public site, built for real (``site-gen build`` → ``mkdocs build --strict``) from the sample organisation.

The sample is committed into a fresh git repository with a fixed date, so the
pages (which take their dates from git) are the same whenever the tests run.
Golden files hold the generated Markdown pages; refresh them on purpose with
``pytest tests/test_site.py --update-golden`` and read the diff before committing.
"""

from __future__ import annotations

import difflib
import html.parser
import json
import os
import posixpath
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from site_gen.kinds import KINDS
from tests.conftest import ROOT, make_repo, snapshot

SITE_GEN = Path(sys.executable).parent / "site-gen"
ZENSICAL = Path(sys.executable).parent / "zensical"
GOLDEN = Path(__file__).resolve().parent / "golden" / "site"


def build(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SITE_GEN), "build", "--root", str(repo), *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample organisation, committed on 20/11/2026 and built."""
    target = snapshot(tmp_path_factory.mktemp("site") / "repo")
    done = build(target)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def generated_pages(repo: Path) -> dict[str, str]:
    """The Markdown pages made from the records (not the hand-written ones copied from docs/)."""
    docs = repo / "build" / "docs"
    handwritten = {p.relative_to(repo / "docs").as_posix() for p in (repo / "docs").rglob("*.md")}
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
        if p.relative_to(docs).as_posix() not in handwritten
    }


# -- golden files ------------------------------------------------------------------------------------


def test_generated_pages_match_the_golden_files(repo: Path, request: pytest.FixtureRequest) -> None:
    pages = generated_pages(repo)
    assert len(pages) > 80
    if request.config.getoption("--update-golden"):
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for name, text in pages.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
        pytest.skip(f"golden files rewritten: {len(pages)} pages under {GOLDEN.relative_to(ROOT)}")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    missing, extra = sorted(set(golden) - set(pages)), sorted(set(pages) - set(golden))
    changed = sorted(name for name in set(golden) & set(pages) if golden[name] != pages[name])
    if missing or extra or changed:
        report = [f"pages no longer generated: {missing}", f"new pages: {extra}", f"changed pages: {changed}"]
        for name in changed[:3]:
            diff = difflib.unified_diff(
                golden[name].splitlines(), pages[name].splitlines(), f"golden/{name}", name, lineterm="", n=1
            )
            report += list(diff)[:40]
        report.append("If the change is intended: pytest tests/test_site.py --update-golden, then review git diff tests/golden.")
        pytest.fail("\n".join(report), pytrace=False)


# -- same input, same bytes ------------------------------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_give_identical_files(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(other)], check=True, capture_output=True)
    done = build(other)
    assert done.returncode == 0, done.stdout + done.stderr
    first, second = tree(repo / "site"), tree(other / "site")
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == [], f"files that differ between two builds: {differ[:10]}"
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first


def test_pages_take_their_dates_from_git(repo: Path) -> None:
    home = (repo / "build" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "số liệu tính đến ngày 20/11/2026" in home
    cadre = (repo / "site" / "can-bo" / "tran-thi-mai.html").read_text(encoding="utf-8")
    assert "cập nhật lần cuối 20/11/2026" in cadre


# -- refusing bad records ------------------------------------------------------------------------------------


def test_build_refuses_while_check_reports_an_error(tmp_path: Path) -> None:
    target = make_repo(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    record = target / "submissions" / "ban-tckt" / "can-bo" / "tran-thi-mai.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("role_group: specialist", "role_group: specialists"), encoding="utf-8"
    )
    done = build(target)
    assert done.returncode == 1
    assert "submissions/ban-tckt/can-bo/tran-thi-mai.yaml:" in done.stdout + done.stderr
    assert "schema.enum" in done.stderr and "chưa dựng trang" in done.stderr
    assert not (target / "site").exists() and not (target / "build").exists()


# -- what the built site holds ---------------------------------------------------------------------------------


class Links(html.parser.HTMLParser):
    """Every id, and every link or resource a page refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") or (name == "srcset" and tag in ("img", "source")):
                self.refs.append((tag, name, value))


def parse_site(site: Path) -> dict[str, Links]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


@pytest.fixture(scope="module")
def pages(repo: Path) -> dict[str, Links]:
    return parse_site(repo / "site")


def test_no_internal_link_is_broken(repo: Path, pages: dict[str, Links]) -> None:
    site = repo / "site"
    broken = []
    checked = 0
    for name, parser in pages.items():
        if name == "404.html":  # served for any missing path, so its links are absolute; no site_url is known here
            continue
        for tag, _, value in parser.refs:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith("mailto:"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            checked += 1
            if not (site / target).is_file():
                broken.append(f"{name}: <{tag}> {value} (no file {target})")
            elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{name}: <{tag}> {value} (no id {parts.fragment!r} in {target})")
    assert checked > 5000
    assert broken == [], "\n".join(broken[:30])


def test_no_resource_is_loaded_from_another_host(repo: Path, pages: dict[str, Links]) -> None:
    """Scripts, styles, images, fonts and frames are all local; links out (GitHub) are fine."""
    remote = []
    for name, parser in pages.items():
        for tag, attribute, value in parser.refs:
            if tag == "a":
                continue
            if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                remote.append(f"{name}: <{tag} {attribute}={value}>")
    for css in (repo / "site").rglob("*.css"):
        for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", css.read_text(encoding="utf-8")):
            value = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", value):
                remote.append(f"{css.name}: {value}")
    assert remote == [], "\n".join(remote[:20])


def test_heading_anchors_keep_vietnamese_letters(pages: dict[str, Links]) -> None:
    plan = pages["ke-hoach/di-co-so-2025.html"].ids
    assert {"i-mục-đích-yêu-cầu", "ii-nội-dung-đối-tượng-thời-gian", "2-đối-tượng-và-định-hướng-nội-dung"} <= plan
    assert "kế-hoạch-đi-công-tác-cơ-sở-của-cán-bộ-đoàn-cấp-tỉnh-năm-2025" in plan  # not "ke-hoach-i-cong-tac-co-so…"
    assert {"từng-cán-bộ", "theo-đơn-vị", "theo-diện-cán-bộ"} <= pages["tien-do/2025.html"].ids
    # units keep their register id as anchor, so other pages can link to them; a year of two shapes (the districts
    # until 30/06/2025, the new communes from 01/07/2025) numbers the anchors of each part
    assert {"huyen-doan-tra-giang", "thanh-doan-an-khanh"} <= pages["dia-ban/2024.html"].ids
    assert {"huyen-doan-tra-giang-1", "thanh-doan-an-khanh-1", "xa-tan-hung-2"} <= pages["dia-ban/2025.html"].ids
    assert {"xa-an-long", "xa-tan-hung"} <= pages["dia-ban/2026.html"].ids


def test_exemption_reasons_never_appear(repo: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "defs.schema.json").read_text(encoding="utf-8"))
    labels = [text for text in schema["$defs"]["exemption_reason"]["enumDescriptions"] if text not in ("Văn thư", "Kế toán")]
    notes = []
    for path in (repo / "submissions").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("kind") == "cadre":
            for item in data.get("exemptions", []):
                notes += [item[k] for k in ("note",) if k in item]
    assert notes, "the sample should hold exemption notes to test with"
    leaks = []
    for path in sorted((repo / "site").rglob("*")):
        relative = path.relative_to(repo / "site").as_posix()
        if (
            not path.is_file()
            or relative.startswith("du-lieu/mau-ho-so/")
            or path.suffix in (".gz", ".js", ".css", ".png", ".svg")
        ):
            continue
        if path.suffix in (".xlsx", ".docx"):  # Word and Excel forms: the text of every part of the package
            with zipfile.ZipFile(path) as package:
                text = "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())
        else:
            text = path.read_text(encoding="utf-8")
        leaks += [f"{relative}: {needle}" for needle in labels + notes if needle in text]
        if relative.startswith(("can-bo/", "du-lieu/can-bo.", "ho-so/")) and "/ke-hoach/" not in relative:
            # the plans list which reasons exempt; a person's page or row must not say which one applies
            leaks += [
                f"{relative}: reason code {code}"
                for code in ("maternity", "sick-leave", "study")
                if re.search(rf"\b{code}\b", text)
            ]
    assert leaks == [], "\n".join(leaks[:20])
    assert not list((repo / "site" / "ho-so").rglob("can-bo/*.yaml")), "cadre records (with their exemptions) are not published"


def test_search_index_holds_text_without_diacritics(repo: Path) -> None:
    index = json.loads((repo / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["vi"]
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    plan = " ".join(text for location, text in texts.items() if location.startswith("ke-hoach/di-co-so-2025.html"))
    assert "kế hoạch" in plan.lower() and "ke hoach" in plan.lower()
    assert "Doan" in plan and "Đoàn" in plan
    assert all(unicodedata.is_normalized("NFC", text) for text in texts.values())


def test_search_sections_stay_within_what_zensical_indexes(repo: Path) -> None:
    """Zensical refuses a section whose text passes 32 KiB: long tables are kept out of the index."""
    index = json.loads((repo / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    sizes = {doc["location"]: len(doc["text"].encode("utf-8")) for doc in index["docs"]}
    assert max(sizes.values()) < 16_384, sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert not any(location.startswith("lich/20") for location in sizes)


def test_no_template_text_or_escaped_markup_reaches_a_page(repo: Path) -> None:
    bad = re.compile(r"\{\{|\{%|%\}|&lt;(span|a|table|div|details|svg|tr|td)\b|^\| --- \|", re.M)
    found = []
    for path in sorted((repo / "site").rglob("*.html")):
        for match in bad.finditer(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(repo / 'site')}: {match.group(0)!r}")
    assert found == [], "\n".join(found[:20])


def test_every_record_kind_is_downloadable(repo: Path) -> None:
    described = json.loads((repo / "site" / "du-lieu" / "mo-ta.json").read_text(encoding="utf-8"))
    kinds = {item["kind"] for item in described["files"]}
    assert kinds == {kind.name for kind in KINDS}
    for item in described["files"]:
        assert (repo / "site" / "du-lieu" / item["file"]).is_file()
    page = (repo / "site" / "du-lieu" / "index.html").read_text(encoding="utf-8")
    for needle in ("mau-ho-so/cadre.schema.json", "../ma-loi.html", "../huong-dan/nop-ho-so.html"):
        assert needle in page


# -- Zensical, the successor, reads the same configuration ---------------------------------------------------------------


def test_zensical_builds_the_same_configuration(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "zensical"
    shutil.copytree(repo / "build", target / "build")
    shutil.copy(repo / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(repo / "site_gen", target / "site_gen")
    done = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=target, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    site = target / "site"
    for page in (
        "index.html",
        "ke-hoach/di-co-so-2026.html",
        "tien-do/2026.html",
        "can-bo/tran-thi-mai.html",
        "lich/2026.html",
        "dia-ban/2025.html",
        "kiem-tra/kiem-tra-2025.html",
        "khac-phuc/khac-phuc-2025.html",
        "mo-hinh/index.html",
        "du-lieu/index.html",
        "huong-dan/nop-ho-so.html",
    ):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in home and "Số liệu chính" in home
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    progress = (site / "tien-do" / "2026.html").read_text(encoding="utf-8")
    assert 'id="bang-can-bo"' in progress and "bang.js" in progress


# -- site-gen serve ---------------------------------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    target = snapshot(tmp_path / "repo")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [str(SITE_GEN), "serve", "--root", str(target), "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        page = url + "can-bo/tran-thi-mai.html"
        assert wait_for(lambda: "Trần Thị Mai" in (fetch(page) or ""), 180), "the site was never served"
        assert "livereload" in (fetch(page) or "")
        record = target / "submissions" / "ban-tckt" / "can-bo" / "tran-thi-mai.yaml"
        record.write_text(
            record.read_text(encoding="utf-8").replace("name: Trần Thị Mai", "name: Trần Thị Mai Anh"), encoding="utf-8"
        )
        assert wait_for(lambda: "Trần Thị Mai Anh" in (fetch(page) or ""), 180), "the change never reached the served page"
        # a broken record: the last good site stays up, and the error is said
        record.write_text(
            record.read_text(encoding="utf-8").replace("role_group: specialist", "role_group: specialists"), encoding="utf-8"
        )
        time.sleep(3)
        assert "Trần Thị Mai Anh" in (fetch(page) or "")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    assert "Đang phục vụ trang tại" in output
    assert "Hồ sơ còn 1 lỗi" in output and "schema.enum" in output


def test_the_survey_plan_page_shows_who_has_answered(repo: Path) -> None:
    """A kind's own page (the survey plan) is built, and the index of its section links to it."""
    page = (repo / "site" / "khao-sat" / "ke-hoach" / "khao-sat-giua-nhiem-ky-2025.html").read_text(encoding="utf-8")
    assert "trước ngày 31/05/2025" in page and "2/5 đơn vị đã gửi kết quả khảo sát." in page
    assert page.count("Chưa gửi") == 3 and 'href="../giua-nhiem-ky-huyen-doan-son-lam.html"' in page
    index = (repo / "site" / "khao-sat" / "index.html").read_text(encoding="utf-8")
    assert 'href="ke-hoach/khao-sat-giua-nhiem-ky-2025.html"' in index
