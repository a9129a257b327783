"""Benchmark: how long ``site-gen build`` takes, phase by phase.

    python bench/site.py                    # the sample organisation and a 10,000-record one
    python bench/site.py --sizes 1000,10000 # synthetic organisations of these sizes
    python bench/site.py --zensical         # also time `zensical build` on the same pages

For each organisation (the sample in submissions/, and synthetic ones made by
bench/synth.py, kept in bench/out/) it copies the records, the hand-written
pages and mkdocs.yml into bench/out/site-<name>/, then measures:

* check + git: checking every record (no cache) and reading git;
* generate: planning and rendering every page, download and calendar in memory;
* write: writing the generated docs folder (empty at first);
* mkdocs: ``mkdocs build --strict`` of the written pages;
* build, cold: the whole ``site-gen build`` command, from empty folders;
* build, again: the same command with nothing changed.

It prints the figures the README records. Times are wall clock on this machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from site_gen.site import build as site_build  # noqa: E402

BIN = Path(sys.executable).parent


def prepare(target: Path, submissions: Path) -> int:
    """A repository folder with the records and what the site needs; returns the record count."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(submissions, target / "submissions")
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "site_gen" / "site").mkdir(parents=True)
    shutil.copy(ROOT / "site_gen" / "site" / "hooks.py", target / "site_gen" / "site" / "hooks.py")
    return sum(1 for _ in (target / "submissions").rglob("*.yaml"))


def clear(target: Path) -> None:
    for folder in ("build", "site", ".site-gen-cache"):
        shutil.rmtree(target / folder, ignore_errors=True)


def wall(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - started


def phases(target: Path) -> dict[str, float]:
    clear(target)
    figures: dict[str, float] = {}
    started = time.perf_counter()
    result, git = site_build.prepare(target)
    figures["check"] = time.perf_counter() - started
    started = time.perf_counter()
    files = site_build.generate(target, result, git)
    figures["generate"] = time.perf_counter() - started
    started = time.perf_counter()
    site_build.write(target / site_build.GENERATED, files)
    figures["write"] = time.perf_counter() - started
    figures["pages"] = sum(1 for name in files if name.endswith(".md"))
    figures["megabytes"] = sum(len(content) for content in files.values()) / 1e6
    figures["mkdocs"] = wall([str(BIN / "python"), "-m", "mkdocs", "build", "--strict", "--quiet"], target)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="synthetic record counts, comma-separated (0 for none)")
    parser.add_argument("--out", default=str(HERE / "out"), help="where the organisations are kept")
    parser.add_argument("--zensical", action="store_true", help="also time zensical build on the same pages")
    args = parser.parse_args(argv)
    print(f"site-gen build benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    out = Path(args.out)
    organisations = [("sample", ROOT / "submissions")]
    for size in (int(s) for s in args.sizes.split(",") if int(s) > 0):
        source = out / f"org-{size}"
        synth.generate(source, size, ROOT / "schemas")
        organisations.append((str(size), source / "submissions"))
    rows = []
    for name, submissions in organisations:
        target = out / f"site-{name}"
        records = prepare(target, submissions)
        figures = phases(target)
        clear(target)
        cold = wall([str(BIN / "site-gen"), "build"], target)
        again = wall([str(BIN / "site-gen"), "build"], target)
        zensical = wall([str(BIN / "zensical"), "build", "--clean"], target) if args.zensical else None
        rows.append((name, records, figures, cold, again, zensical))
        print(
            f"\n{name}: {records:,} records -> {figures['pages']:,.0f} pages, {figures['megabytes']:.1f} MB generated\n"
            f"  check + git {figures['check']:6.2f} s   generate {figures['generate']:6.2f} s   write {figures['write']:6.2f} s"
            f"   mkdocs {figures['mkdocs']:6.2f} s\n"
            f"  site-gen build, cold {cold:6.2f} s   again, nothing changed {again:6.2f} s"
            + (f"   zensical build {zensical:6.2f} s" if zensical is not None else "")
        )
    print(
        "\n| organisation | records | pages | check + git | generate | write | mkdocs build | site-gen build, cold | again |"
        + (" zensical |" if args.zensical else "")
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if args.zensical else ""))
    for name, records, figures, cold, again, zensical in rows:
        print(
            f"| {name} | {records:,} | {figures['pages']:,.0f} | {figures['check']:.2f} s | {figures['generate']:.2f} s | "
            f"{figures['write']:.2f} s | {figures['mkdocs']:.2f} s | {cold:.2f} s | {again:.2f} s |"
            + (f" {zensical:.2f} s |" if zensical is not None else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
