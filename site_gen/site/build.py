"""``site-gen build`` and ``site-gen serve``: the pages, the downloads, then MkDocs.

Read everything once (:func:`site_gen.workspace.load_published`: check the
records, refuse while there is an error, read git, the record bytes and the
hand-written pages; then the Office forms already rendered), plan and render
every page and download in memory (:func:`render_site`, a pure function of
that state), then write the generated docs folder (only files whose bytes
changed; stale files are removed) and run ``mkdocs build --strict``
(:mod:`site_gen.output`). The build date is the date of the last commit
(``SOURCE_DATE_EPOCH``), so two builds of one commit give identical files.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from site_gen import gitinfo, output
from site_gen.bundle import BUNDLED_DIR, render_documents
from site_gen.cache import CACHE_DIR
from site_gen.cachefiles import FormCache, FormKey
from site_gen.catalogue import render_code, say
from site_gen.checker import CheckResult
from site_gen.errors import SetupError
from site_gen.escape import site_title
from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.office import export as office_export
from site_gen.site import data as site_data
from site_gen.site import export, ical
from site_gen.site.pages import plan_pages
from site_gen.site.render import environment, relative
from site_gen.workspace import HANDWRITTEN, Workspace, complete, fingerprint, load_published

GENERATED = Path("build") / "docs"
CONFIG = "mkdocs.yml"
FORMS_CACHE = Path(CACHE_DIR) / "office"


def render_site(
    state: Workspace, forms: list[tuple[office_export.Item, tuple[str, ...]]], cached: Mapping[FormKey, bytes]
) -> tuple[dict[str, bytes], dict[FormKey, bytes]]:
    """Every file of the docs folder (generated pages and downloads, and the hand-written pages), and the
    Office forms rendered afresh (those not in ``cached``): a pure function of the loaded state."""
    records = state.records
    git = state.git
    site = site_data.build(state.context, records, git)
    downloads = export.exports(records)
    stamp = dt.datetime.fromtimestamp(git.head_time or 0, tz=dt.UTC)
    site.calendars = ical.feeds(state.context, records, stamp)
    site.downloads = downloads
    form_files, site.forms, fresh = office_export.site_files(forms, cached)
    files: dict[str, bytes] = {}
    env = environment()
    for page in plan_pages(site):
        template = env.get_template(page.template)
        values: dict[str, Any] = {
            **page.values,
            "site": site,
            "page": page.path,
            "link": partial(relative, page.path),
            "href": partial(relative, page.path, html=True),
            "sources": [site.source(record) for record in page.sources],
        }
        files[page.path] = with_title(template.render(values), page.title, hide_navigation=not page.navigation).encode("utf-8")
    for name, content in downloads.items():
        files[f"du-lieu/{name}"] = content
    files.update(form_files)
    for name, content in site.calendars.items():
        files[f"lich/ics/{name}"] = content
    files.update(schema_files(state))
    for record in records:
        source = site.source(record)
        if source["yaml"]:
            files[source["yaml"]] = state.sources[record.file]
    for path, content in state.handwritten.items():
        if path in files:
            raise SetupError("setup.page-clash", path=f"{HANDWRITTEN}/{path}")
        files[path] = content
    return files, fresh


def site_forms(state: Workspace) -> tuple[list[tuple[office_export.Item, tuple[str, ...]]], FormCache, dict[FormKey, bytes]]:
    """The Office forms the site offers, the cache of rendered forms, and those found in it (the load side)."""
    forms = office_export.site_items(state.context, state.records)
    store = FormCache(state.root / FORMS_CACHE)
    return forms, store, store.read(office_export.form_keys(forms))


def generate(root: Path, result: CheckResult, git: gitinfo.GitInfo) -> dict[str, bytes]:
    """Every file of the docs folder, from a check already made (reads what :func:`render_site` needs)."""
    state = complete(Workspace(root, result, git=git), sources="valid", handwritten=True)
    return _generate(state)


def _generate(state: Workspace) -> dict[str, bytes]:
    forms, store, cached = site_forms(state)
    files, fresh = render_site(state, forms, cached)
    store.write(fresh)
    return files


def with_title(text: str, title: str, hide_navigation: bool = False) -> str:
    """The page with its title in the front matter (the browser tab, search results and links use it).

    ``title`` is plain text: it is written escaped for HTML (:func:`site_gen.escape.site_title`).

    MkDocs would otherwise take the first heading, or the file name when a page
    opens with something else, such as a plan's letterhead. ``hide_navigation``
    hides the left sidebar, unless the template's front matter already says
    what to hide.
    """
    # HTML, because the theme writes it unescaped; a JSON string of printable characters is a YAML string
    line = "title: " + json.dumps(site_title(title), ensure_ascii=False) + "\n"
    if text.startswith("---\n"):
        head, rest = text[4:].split("---\n", 1)
    else:
        head, rest = "", "\n" + text
    if hide_navigation and not any(entry.startswith("hide:") for entry in head.splitlines()):
        line += "hide:\n  - navigation\n"
    return "---\n" + line + head + "---\n" + rest


def schema_files(state: Workspace) -> dict[str, bytes]:
    """The schemas as the records were checked against them, and each kind's bundled schema, for download."""
    schemas = state.schemas
    out = {}
    for name in sorted({kind.schema for kind in KINDS} | {SHARED_SCHEMA}):
        out[f"du-lieu/mau-ho-so/{name}"] = schemas.raw[name]
    for name, text in render_documents(schemas.documents).items():
        out[f"du-lieu/mau-ho-so/{BUNDLED_DIR}/{name}"] = text.encode("utf-8")
    return out


def write(target: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Write the files that changed and remove the ones no longer there; returns (written, removed)."""
    return output.sync_tree(target, files)


def prepare(root: Path, lang: str = "vi") -> tuple[CheckResult, gitinfo.GitInfo]:
    """Check the records and read git; refuse (with the problems printed) when there is an error."""
    state = load_published(root, lang)
    return state.result, state.git


def mkdocs_environment(git: gitinfo.GitInfo) -> dict[str, str]:
    return output.process_environment(SOURCE_DATE_EPOCH=str(git.head_time or 0), NO_MKDOCS_2_WARNING="1")


def build(root: Path, site_dir: Path | None = None, lang: str = "vi") -> Path:
    state = load_published(root, lang)
    written, removed = write(root / GENERATED, _generate(state))
    site = site_dir or root / "site"
    args = ["build", "--strict", "--clean", "--config-file", str(root / CONFIG), "--site-dir", str(site)]
    done = output.run_mkdocs(root, args, mkdocs_environment(state.git))
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SetupError("setup.mkdocs-failed")
    print(say("site", "built", lang, output=site, written=written, removed=removed))
    return site


def serve(root: Path, address: str = "127.0.0.1:8000", lang: str = "vi", interval: float = 1.0) -> int:
    """Serve the site with live reload; regenerate the pages when a record or a hand-written page changes."""
    state = load_published(root, lang)
    target = root / GENERATED
    write(target, _generate(state))
    args = ["serve", "--config-file", str(root / CONFIG), "--dev-addr", address, "--livereload"]
    server = output.start_mkdocs(root, args, mkdocs_environment(state.git))
    print(say("site", "serving", lang, address=address))
    seen = fingerprint(root)
    try:
        while server.poll() is None:
            time.sleep(interval)
            now = fingerprint(root)
            if now == seen:
                continue
            seen = now
            try:
                state = load_published(root, lang)
            except SetupError as exc:
                print(render_code(exc.code, exc.params, lang)[1], file=sys.stderr)
                continue
            written, removed = write(target, _generate(state))
            print(say("site", "updated", lang, written=written, removed=removed))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


__all__ = ["build", "generate", "render_site", "serve", "with_title", "write"]
