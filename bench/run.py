"""Benchmark: ``site-gen check`` against the parsing floor and check-jsonschema.

    python bench/run.py                  # 10,000 and 100,000 records
    python bench/run.py --sizes 10000    # one size
    python bench/run.py --quick          # 10,000 only, one run each

For each size it generates a synthetic organisation (bench/synth.py, kept in
bench/out/ between runs), then times whole processes, median of --repeat:

* floor: read every record file and parse it into Python objects with the
  fastest YAML parser on PyPI (rapidyaml, emitted as JSON, read by orjson);
* check, cold: ``site-gen check`` with an empty cache (as in CI);
* check-jsonschema: the same files against the same schemas, one run per
  record kind (in chunks when the command line would be too long);
* check, warm: after one file changed, with the cache of the previous run
  (the pre-commit and local situation), and with nothing changed;
* for the first size, check cold and warm on the same records in the shape
  the 2025 reform leaves (``synth.generate(..., reform=True)``): the cost of
  resolving every reference as of its record's date.

It prints the figures and the ratios the README records. Times are wall
clock on this machine; read them as ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from site_gen.kinds import BY_NAME, kind_from_path  # noqa: E402

BIN = Path(sys.executable).parent
FLOOR = """
import sys, time, orjson, ryml
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
total = 0
for path in paths:
    with open(path, "rb") as handle:
        data = handle.read()
    tree = ryml.parse_in_arena(data)
    total += len(orjson.loads(ryml.emit_json_malloc(tree, tree.root_id())))
print(total)
"""


def timed(command: list[str], cwd: Path | None = None, check: bool = True) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if check and done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command[:4])} ...\n{done.stderr[-2000:]}")
    return elapsed


def median(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(action() for _ in range(runs))


def record_files(root: Path) -> list[Path]:
    return sorted((root / "submissions").rglob("*.yaml"))


def floor_time(root: Path, files: list[Path], runs: int) -> float:
    listing = root / "files.txt"
    listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    return median(runs, lambda: timed([sys.executable, "-c", FLOOR, str(listing)]))


def check_cold(root: Path, runs: int) -> float:
    def once() -> float:
        shutil.rmtree(root / ".site-gen-cache", ignore_errors=True)
        return timed([str(BIN / "site-gen"), "check", "--root", str(root)])

    return median(runs, once)


def check_jsonschema_time(root: Path, files: list[Path]) -> float:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for path in files:
        kind = kind_from_path(path.relative_to(root).as_posix())
        assert kind is not None, path
        by_kind[kind].append(str(path))
    total = 0.0
    for kind, paths in sorted(by_kind.items()):
        schema = root / "schemas" / BY_NAME[kind].schema
        base = [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            str(schema),
            "--base-uri",
            schema.as_uri(),
        ]
        chunk: list[str] = []
        size = 0
        for path in [*paths, ""]:
            if path and size + len(path) < 1_000_000:
                chunk.append(path)
                size += len(path) + 1
                continue
            if chunk:
                total += timed(base + chunk)
            chunk, size = ([path], len(path) + 1) if path else ([], 0)
    return total


def warm_times(root: Path, runs: int) -> tuple[float, float]:
    """(nothing changed, one file changed) with the cache of the previous run."""
    timed([str(BIN / "site-gen"), "check", "--root", str(root)])
    unchanged = median(runs, lambda: timed([str(BIN / "site-gen"), "check", "--root", str(root)]))
    target = next(p for p in record_files(root) if "/bao-cao/" in p.as_posix())
    original = target.read_text(encoding="utf-8")
    counter = [0]

    def once() -> float:
        counter[0] += 1
        target.write_text(original.replace("tập huấn kỹ năng", f"tập huấn kỹ năng (lần {counter[0]})", 1), encoding="utf-8")
        return timed([str(BIN / "site-gen"), "check", "--root", str(root)])

    changed = median(runs, once)
    target.write_text(original, encoding="utf-8")
    return unchanged, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="record counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--out", default=str(HERE / "out"), help="where the synthetic organisations are kept")
    parser.add_argument("--quick", action="store_true", help="10,000 records, one run each")
    parser.add_argument("--no-check-jsonschema", action="store_true", help="skip the (slow) check-jsonschema runs")
    args = parser.parse_args(argv)
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else args.repeat
    print(f"site-gen benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {runs}")
    rows = []
    for size in sizes:
        root = Path(args.out) / f"org-{size}"
        started = time.perf_counter()
        count = synth.generate(root, size, ROOT / "schemas")
        files = record_files(root)
        print(f"\n{count} records in {root} (generated or reused in {time.perf_counter() - started:.1f} s)")
        floor = floor_time(root, files, runs)
        print(f"  floor (rapidyaml -> JSON -> orjson): {floor:7.2f} s  {count / floor:>9,.0f} records/s")
        cold = check_cold(root, runs)
        print(
            f"  site-gen check, cold:                {cold:7.2f} s  {count / cold:>9,.0f} records/s  ({cold / floor:.2f} x the floor)"
        )
        unchanged, changed = warm_times(root, runs)
        print(f"  site-gen check, warm, no change:     {unchanged:7.2f} s")
        print(f"  site-gen check, warm, 1 file changed:{changed:7.2f} s")
        cjs = None
        if not args.no_check_jsonschema:
            cjs = check_jsonschema_time(root, files)
            print(
                f"  check-jsonschema (schemas only):     {cjs:7.2f} s  {count / cjs:>9,.0f} records/s  (check is {cjs / cold:.1f} x faster)"
            )
        rows.append((count, floor, cold, unchanged, changed, cjs))
        if size == sizes[0]:
            reform_root = Path(args.out) / f"org-{size}-reform"
            reform_count = synth.generate(reform_root, size, ROOT / "schemas", reform=True)
            reform_cold = check_cold(reform_root, runs)
            reform_unchanged, _ = warm_times(reform_root, runs)
            print(
                f"  the same after the reform ({reform_count} records: dated units, a unit's history, reorganisations,"
                f" earlier assignments): cold {reform_cold:.2f} s ({reform_cold / cold:.2f} x), warm {reform_unchanged:.2f} s"
            )
    print(
        "\n| records | floor | check, cold | cold / floor | check-jsonschema | speed-up | warm, no change | warm, 1 file changed |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count, floor, cold, unchanged, changed, cjs in rows:
        cjs_text = f"{cjs:.2f} s" if cjs else "—"
        speed = f"{cjs / cold:.1f} x" if cjs else "—"
        print(
            f"| {count:,} | {floor:.2f} s | {cold:.2f} s | {cold / floor:.2f} | {cjs_text} | {speed} | {unchanged:.2f} s | {changed:.2f} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
