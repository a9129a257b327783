"""Only the load side and the write side touch the disk (CONTRIBUTING: "Only ``load`` and ``write`` touch the disk").

The first test reads every module of ``site_gen`` and fails on a call of a
disk or process API outside the I/O modules: rules, statistics, page
planning, rendering and the commands call a function of one of those
instead. The names are those of the project's metric (``open``,
``read_text``, ``os.*``…); the other tests check that the scan finds what it
is meant to find and lets the rest be.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "site_gen"

# Methods and functions that read, write, list or probe the disk, or start a process.
DISK_NAMES = frozenset(
    {
        "open",
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "scandir",
        "iterdir",
        "glob",
        "rglob",
        "unlink",
        "mkdir",
        "rmdir",
        "listdir",
        "stat",
        "lstat",
        "exists",
        "is_file",
        "is_dir",
        "check_output",
        "Popen",
        "fdopen",
        "makedirs",
        "rmtree",
        "copyfile",
        "copy2",
        "touch",
    }
)
# Every call of a function of these modules counts, but for the few that read no disk.
SYSTEM_MODULES = frozenset({"os", "shutil", "subprocess", "tempfile"})
HARMLESS = frozenset({"environ", "getenv", "fspath", "sep", "get_terminal_size", "cpu_count", "getpid", "devnull"})

# The load side (reading, listing, the cache, git) and the write side (atomic writes, output).
IO_MODULES = frozenset(
    {
        "safefs",
        "discover",
        "workspace",
        "cache",
        "cachefiles",
        "locking",
        "gittree",
        "atomic",
        "output",
    }
)
# Modules outside those that may make some calls, each with the calls and why.
ALLOWED: dict[str, tuple[frozenset[str], str]] = {
    "checker": (
        frozenset({"os.pipe", "os.fork", "os.close", "os.fdopen", "os.waitpid", "os._exit"}),
        "process control, not disk: Checker._forked runs half the check's work in a forked child and reads "
        "its result back through a pipe",
    ),
}


def disk_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """Each call of a disk or process API in ``tree``: its line and its name (``os.fork``, ``read_text``)."""
    imported: dict[str, str] = {}  # a local name -> the system module's function it stands for
    modules: dict[str, str] = {}  # a local name -> the system module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in SYSTEM_MODULES:
                    modules[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in SYSTEM_MODULES:
            for alias in node.names:
                imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
            if func.attr not in HARMLESS:
                found.append((node.lineno, f"{modules[func.value.id]}.{func.attr}"))
        elif isinstance(func, ast.Attribute) and func.attr in DISK_NAMES and func.attr != "open":
            found.append((node.lineno, func.attr))  # open() as a method is a zip member's, a browser's…
        elif isinstance(func, ast.Name) and func.id in imported:
            if func.id not in HARMLESS:
                found.append((node.lineno, imported[func.id]))
        elif isinstance(func, ast.Name) and func.id in DISK_NAMES:
            found.append((node.lineno, func.id))
    return sorted(found)


def _module_name(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_only_the_io_modules_touch_the_disk() -> None:
    found = []
    for name, path in _modules().items():
        if name in IO_MODULES:
            continue
        allowed = ALLOWED.get(name, (frozenset(), ""))[0]
        for line, call in disk_calls(ast.parse(path.read_text(encoding="utf-8"))):
            if call not in allowed:
                found.append(f"site_gen/{path.relative_to(PACKAGE).as_posix()}:{line}: {call}")
    assert not found, "call a function of the load or write side instead:\n" + "\n".join(found)


def test_every_exception_is_still_needed() -> None:
    modules = _modules()
    assert modules.keys() >= IO_MODULES
    for name, (calls, _) in ALLOWED.items():
        used = {call for _, call in disk_calls(ast.parse(modules[name].read_text(encoding="utf-8")))}
        assert calls <= used, f"{name} no longer calls {sorted(calls - used)}: shorten ALLOWED"


@pytest.mark.parametrize(
    ("source", "call"),
    [
        ('text = Path("a.yaml").read_text(encoding="utf-8")', "read_text"),
        ("data = (root / name).read_bytes()", "read_bytes"),
        ('with open(path, "a") as handle: pass', "open"),
        ("if not path.is_dir(): pass", "is_dir"),
        ("folder.mkdir(parents=True)", "mkdir"),
        ("for path in base.rglob('*.py'): pass", "rglob"),
        ("import os\nos.unlink(path)", "os.unlink"),
        ("import os\npid = os.fork()", "os.fork"),
        ("import os\nos.replace(a, b)", "os.replace"),
        ("import subprocess\nsubprocess.run(['git', 'log'])", "subprocess.run"),
        ("import shutil\nshutil.rmtree(folder)", "shutil.rmtree"),
        ("import tempfile\ntempfile.mkdtemp()", "tempfile.mkdtemp"),
        ("import os as system\nsystem.dup2(a, b)", "os.dup2"),
        ("from os import replace\nreplace(a, b)", "os.replace"),
        ("from shutil import copytree as copy\ncopy(a, b)", "shutil.copytree"),
    ],
)
def test_the_scan_finds_a_planted_call(source: str, call: str) -> None:
    assert [name for _, name in disk_calls(ast.parse(source))] == [call]


@pytest.mark.parametrize(
    "source",
    [
        "import os\nvalue = os.environ.get('X')",
        "import os\nvalue = os.getenv('X')",
        "import os\nfull = os.path.join(root, name)",
        "import os\ncores = os.cpu_count()",
        "text = value.replace('a', 'b')",
        "with archive.open('word/document.xml') as part: pass",
        "from site_gen.safefs import read_regular\ndata = read_regular(path, limit)",
        "from site_gen.output import save_text\nsave_text(path, text)",
    ],
)
def test_the_scan_lets_the_rest_be(source: str) -> None:
    assert disk_calls(ast.parse(source)) == []
