"""``site-gen build`` and ``site-gen serve``: the pages, the downloads, then MkDocs.

Read everything (check the records, read git), plan and render every page and
download in memory, then write the generated docs folder (only files whose
bytes changed; stale files are removed), then run ``mkdocs build --strict``.
Nothing is written while the records have an error. The build date is the
date of the last commit (``SOURCE_DATE_EPOCH``), so two builds of one commit
give identical files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from site_gen.bundle import BUNDLED_DIR
from site_gen.bundle import render as bundled_schemas
from site_gen.cache import CACHE_DIR
from site_gen.catalogue import say
from site_gen.checker import CheckResult, check_repository
from site_gen.errors import SetupError
from site_gen.escape import site_title
from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.site import data as site_data
from site_gen.site import gitinfo
from site_gen.site.pages import plan_pages
from site_gen.site.render import environment, relative

GENERATED = Path("build") / "docs"
HANDWRITTEN = "docs"
CONFIG = "mkdocs.yml"


def generate(root: Path, result: CheckResult, git: gitinfo.GitInfo) -> dict[str, bytes]:
    """Every file of the docs folder: generated pages and downloads, and the hand-written pages."""
    from site_gen.office import export as office_export
    from site_gen.site import export, ical

    records = result.records()
    site = site_data.build(result.context, records, git)
    downloads = export.exports(records)
    stamp = dt.datetime.fromtimestamp(git.head_time or 0, tz=dt.UTC)
    site.calendars = ical.feeds(result.context, records, stamp)
    site.downloads = downloads
    forms, site.forms = office_export.site_files(result.context, records, root / CACHE_DIR / "office")
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
    files.update(forms)
    for name, content in site.calendars.items():
        files[f"lich/ics/{name}"] = content
    files.update(_schemas(root))
    for record in records:
        source = site.source(record)
        if source["yaml"]:
            files[source["yaml"]] = (root / record.file).read_bytes()
    for path, content in _handwritten(root):
        if path in files:
            raise SetupError("setup.page-clash", path=f"{HANDWRITTEN}/{path}")
        files[path] = content
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


def _schemas(root: Path) -> dict[str, bytes]:
    folder = root / "schemas"
    out = {}
    for name in sorted({kind.schema for kind in KINDS} | {SHARED_SCHEMA}):
        out[f"du-lieu/mau-ho-so/{name}"] = (folder / name).read_bytes()
    for path, text in bundled_schemas(root).items():
        out[f"du-lieu/mau-ho-so/{BUNDLED_DIR}/{path.name}"] = text.encode("utf-8")
    return out


def _handwritten(root: Path) -> Iterator[tuple[str, bytes]]:
    base = root / HANDWRITTEN
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path.relative_to(base).as_posix(), path.read_bytes()


def write(target: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Write the files that changed and remove the ones no longer there; returns (written, removed)."""
    written = removed = 0
    for relative_path, content in files.items():
        path = target / relative_path
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written += 1
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            relative_path = path.relative_to(target).as_posix()
            if path.is_file() and relative_path not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


def prepare(root: Path, lang: str = "vi") -> tuple[CheckResult, gitinfo.GitInfo]:
    """Check the records and read git; refuse (with the problems printed) when there is an error."""
    result = check_repository(root)
    if result.errors:
        from site_gen.report import text

        sys.stderr.write(text(result.errors, result.checked, lang))
        raise SetupError("setup.check-failed", errors=len(result.errors))
    if result.context.org is None:
        raise SetupError("setup.no-organisation")
    return result, gitinfo.read(root)


def mkdocs_environment(git: gitinfo.GitInfo) -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(git.head_time or 0)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def build(root: Path, site_dir: Path | None = None, lang: str = "vi") -> Path:
    result, git = prepare(root, lang)
    target = root / GENERATED
    written, removed = write(target, generate(root, result, git))
    output = site_dir or root / "site"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(root / CONFIG),
        "--site-dir",
        str(output),
    ]
    done = subprocess.run(command, cwd=root, env=mkdocs_environment(git), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SetupError("setup.mkdocs-failed")
    print(say("site", "built", lang, output=output, written=written, removed=removed))
    return output


def serve(root: Path, address: str = "127.0.0.1:8000", lang: str = "vi", interval: float = 1.0) -> int:
    """Serve the site with live reload; regenerate the pages when a record or a hand-written page changes."""
    result, git = prepare(root, lang)
    target = root / GENERATED
    write(target, generate(root, result, git))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        str(root / CONFIG),
        "--dev-addr",
        address,
        "--livereload",
    ]
    server = subprocess.Popen(command, cwd=root, env=mkdocs_environment(git))
    print(say("site", "serving", lang, address=address))
    seen = _fingerprint(root)
    try:
        while server.poll() is None:
            time.sleep(interval)
            now = _fingerprint(root)
            if now == seen:
                continue
            seen = now
            try:
                result, git = prepare(root, lang)
            except SetupError as exc:
                from site_gen.catalogue import render_code

                print(render_code(exc.code, exc.params, lang)[1], file=sys.stderr)
                continue
            written, removed = write(target, generate(root, result, git))
            print(say("site", "updated", lang, written=written, removed=removed))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    for folder in ("submissions", HANDWRITTEN, "schemas"):
        base = root / folder
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    info = path.stat()
                    out.append((path.as_posix(), info.st_size, info.st_mtime_ns))
    return tuple(sorted(out))


__all__ = ["build", "generate", "serve", "with_title", "write"]
