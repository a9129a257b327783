"""Stored XSS: every free-text field of the sample holds a hostile text, and Chromium runs none of them.

``tests/plant.py`` rewrites every record of a copy of the sample: each
distinct text of a free-text field (names, titles, notes, places,
descriptions…) becomes one of the payloads of ``tests/payloads.py`` that the
schema accepts, so texts that were equal stay equal and the records stay
valid for ``check``. The site is built for real and Debian's Chromium opens
every page of it. On every page: no dialog opens, no element or attribute
that came from a payload is live (script, img, iframe, svg, details, an
``on…`` handler, a ``javascript:`` URL, Markdown made into markup), and the
payloads are shown as the text they are, with no character reference left
showing (text escaped twice). Record pages carry the record's name as their
title, in the browser tab and the header. The site's search finds payloads
and shows them as text.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from site_gen.checker import check_repository
from site_gen.schemas import Schemas
from tests.conftest import snapshot
from tests.payloads import PAYLOADS
from tests.plant import accepted, plant

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SITE_GEN = Path(sys.executable).parent / "site-gen"
SITE_NAME = "Đi cơ sở, kiểm tra, khắc phục"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)")

# What a payload would leave in the page if it were live. Markers are words only payloads hold.
PROBE = """() => {
  const found = [];
  const markers = /xss-|evil\\.example|pwned/;
  const show = (el) => el.outerHTML.slice(0, 160);
  const urls = ["href", "src", "srcdoc", "action", "formaction", "xlink:href", "data", "poster", "background"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase(), value = attr.value;
      if (name.startsWith("on") && markers.test(value)) found.push("handler: " + show(el));
      if (urls.includes(name) && /^\\s*javascript:/i.test(value)) found.push("javascript URL: " + show(el));
      if (urls.includes(name) && markers.test(value.split("#")[0])) found.push("payload URL: " + show(el));
    }
    const tag = el.tagName.toLowerCase();
    if (tag === "script" && markers.test(el.textContent)) found.push("script: " + show(el));
    if (["img", "iframe", "object", "embed", "video", "audio"].includes(tag) && markers.test(el.outerHTML)) {
      found.push("element: " + show(el));
    }
    if (tag === "svg" && Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith("on"))) found.push("svg: " + show(el));
  }
  const words = new Set(["đậm", "nghiêng", "gạch", "mã", "khối mã", "cột 1", "cột 2", "Tiêu đề", "mục 1", "mục 2",
                         "trích dẫn", "bấm", "bấm vào đây", "ảnh", "tham chiếu"]);
  const made = "b, strong, em, i, del, s, code, pre, h1, h2, h3, h4, h5, h6, blockquote, li, th, td, a, img, hr";
  for (const el of document.querySelectorAll(made)) {
    if (words.has(el.textContent.trim()) || words.has(el.getAttribute("alt") || "")) found.push("markup: " + show(el));
  }
  const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  while (comments.nextNode()) if (/comment/.test(comments.currentNode.data)) found.push("comment: " + comments.currentNode.data);
  return found;
}"""

# The page's text as a reader meets it: every element and line break a space, scripts and styles left out.
TEXT = """() => {
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.data); return; }
    if (node.nodeType !== Node.ELEMENT_NODE || skip.has(node.tagName)) return;
    out.push(" ");
    node.childNodes.forEach(walk);
    out.push(" ");
  };
  walk(document.body);
  return out.join("");
}"""

HEADER = "() => document.querySelector('.md-header__topic[data-md-component=\"header-topic\"] .md-ellipsis')?.textContent"


def shown(text: str) -> str:
    """A text as the page shows it: NFC (the loader normalises), white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser moved on to the next page
            super().handle()


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A built site whose every free-text field holds a payload; returns the repository and the payloads planted."""
    target = snapshot(tmp_path_factory.mktemp("payloads") / "repo")
    schemas = Schemas(target)
    payloads = [text for text in PAYLOADS if accepted(schemas, text)]
    chosen: dict[str, str] = {}

    def choose(old: str, limit: int) -> str:
        return chosen.setdefault(old, payloads[len(chosen) % len(payloads)])

    fields = plant(target, choose)
    assert sum(len(done) for done in fields.values()) > 7000
    done = subprocess.run([str(SITE_GEN), "build", "--root", str(target)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return target, payloads


@pytest.fixture(scope="module")
def pages(planted: tuple[Path, list[str]]) -> Iterator[dict[str, dict[str, Any]]]:
    """Every page of the site opened in Chromium: what the probe found, its text, title and header, and any dialog."""
    site = planted[0] / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    seen: dict[str, dict[str, Any]] = {}
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(locale="vi-VN")
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for name in sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")):
            page.goto(base + name, wait_until="load")
            page.mouse.move(400, 300)  # onmouseover
            seen[name] = {
                "live": page.evaluate(PROBE),
                "text": shown(page.evaluate(TEXT)),
                "title": shown(page.title()),
                "header": shown(page.evaluate(HEADER) or ""),
                "dialogs": list(dialogs),
            }
            dialogs.clear()
        seen["?search"] = search_results(page, base, dialogs)
        browser.close()
    server.shutdown()
    server.server_close()
    yield seen


def search_results(page: Any, base: str, dialogs: list[str]) -> dict[str, Any]:
    """Search the site for "alert" (a word of several payloads): the titles shown, what the probe found."""
    page.goto(base + "index.html", wait_until="load")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("alert", delay=10)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') && /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    titles = page.locator(".md-search-result__item > a h1, .md-search-result__item > a h2")
    without_hidden = "nodes => nodes.map(n => { const c = n.cloneNode(true); c.querySelectorAll('[hidden]').forEach(h => h.remove()); return c.textContent; })"
    return {
        "live": page.evaluate(PROBE),
        "titles": [shown(title) for title in titles.evaluate_all(without_hidden)],
        "dialogs": list(dialogs),
    }


def test_every_page_of_the_planted_site_is_opened(pages: dict[str, dict[str, Any]]) -> None:
    kinds = {name.split("/")[0] for name in pages}
    assert {
        "can-bo",
        "mo-hinh",
        "ke-hoach",
        "kiem-tra",
        "khac-phuc",
        "khao-sat",
        "lich",
        "dia-ban",
        "tien-do",
        "du-lieu",
    } <= kinds
    assert len(pages) > 90


def test_no_dialog_opens(pages: dict[str, dict[str, Any]]) -> None:
    assert [dialog for page in pages.values() for dialog in page["dialogs"]] == []


def test_nothing_from_a_payload_is_live(pages: dict[str, dict[str, Any]]) -> None:
    assert {name: page["live"] for name, page in pages.items() if page["live"]} == {}


def without_cut_payloads(text: str, payloads: list[str]) -> str:
    """The text less every payload cut short to fit, as a chart's label is ("&#60;img src=x onerror…"; the chart's title
    and data table hold the whole text): the start of a payload, at least 8 characters, then "…"."""
    cuts = sorted({payload[:end].rstrip() + "…" for payload in payloads for end in range(8, len(payload))}, key=len, reverse=True)
    spans = []
    for match in re.finditer("…", text):
        cut = next((cut for cut in cuts if text.startswith(cut, match.end() - len(cut))), None)
        if cut is not None:
            spans.append((match.end() - len(cut), match.end()))
    kept, position = [], 0
    for start, end in spans:
        if start >= position:
            kept.append(text[position:start] + " ")
            position = end
    return "".join(kept) + text[position:]


def test_every_payload_is_shown_as_its_text(planted: tuple[Path, list[str]], pages: dict[str, dict[str, Any]]) -> None:
    texts = [page["text"] for name, page in pages.items() if "text" in page]
    missing = [payload for payload in planted[1] if not any(shown(payload) in text for text in texts)]
    assert missing == []
    # nothing escaped twice: once the payloads are taken out, no character reference is left showing
    payloads = sorted((shown(payload) for payload in planted[1]), key=len, reverse=True)
    escaped_twice = {}
    for name, page in pages.items():
        rest = without_cut_payloads(page.get("text", ""), payloads)
        for payload in payloads:
            rest = rest.replace(payload, " ")
        if "&#" in rest or any(entity in rest for entity in ("&lt;", "&gt;", "&amp;", "&quot;")):
            escaped_twice[name] = rest[max(0, rest.find("&") - 40) : rest.find("&") + 40]
    assert escaped_twice == {}


def record_titles(root: Path) -> dict[str, str]:
    """The page of each record shown on a page of its own, and the title it must carry."""
    result = check_repository(root, use_cache=False)
    units = {r.id: r.data["name"] for r in result.records() if r.kind == "unit"}
    plans = {r.id: r.data for r in result.records() if r.kind == "inspection-plan"}
    out = {}
    for record in result.records():
        data = record.data
        if record.kind == "good-model":
            out[f"mo-hinh/{record.id}.html"] = data["name"]
        elif record.kind == "cadre":
            out[f"can-bo/{record.id}.html"] = data["name"]
        elif record.kind in ("field-visit-plan", "inspection-plan", "remediation-plan"):
            folder = {"field-visit-plan": "ke-hoach", "inspection-plan": "kiem-tra", "remediation-plan": "khac-phuc"}[record.kind]
            out[f"{folder}/{record.id}.html"] = data["document"]["title"]
        elif record.kind == "midterm-survey":
            out[f"khao-sat/{record.id}.html"] = f"Khảo sát giữa nhiệm kỳ: {units[data['unit']]}"
        elif record.kind == "inspection-result" and data["status"] != "scheduled":
            year = plans[data["plan"]]["year"]
            out[f"kiem-tra/{data['plan']}/{data['unit']}.html"] = f"Kết quả kiểm tra năm {year}: {units[data['unit']]}"
    return out


def test_record_pages_are_titled_with_the_record_as_text(
    planted: tuple[Path, list[str]], pages: dict[str, dict[str, Any]]
) -> None:
    expected = record_titles(planted[0])
    assert len(expected) > 70
    wrong = {}
    for name, title in expected.items():
        want = shown(title)
        page = pages[name]
        if page["title"] != f"{want} - {SITE_NAME}" or page["header"] != want:
            wrong[name] = (want, page["title"], page["header"])
    assert wrong == {}


def test_search_shows_payloads_as_text(planted: tuple[Path, list[str]], pages: dict[str, dict[str, Any]]) -> None:
    found = pages["?search"]
    assert found["dialogs"] == [] and found["live"] == []
    with_alert = {shown(payload) for payload in planted[1] if "alert" in payload}
    assert with_alert & set(found["titles"]), found["titles"]
