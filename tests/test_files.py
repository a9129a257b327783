"""Files that are not plain files: one located ``file.*`` problem each, never a hang, a crash or outside content.

Every case plants one entry in a clean repository and runs the real command
in a child process (with a time limit, so a FIFO that blocks fails the test
instead of hanging it, and a memory limit, so reading ``/dev/zero`` fails
instead of eating the machine), with and without the cache, in every output
format. The problems must be exactly the case's ``file:line code`` list, and
no output may hold a byte of the file outside the repository.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import make_repo

SECRET = "BI-MAT-NGOAI-KHO-7731"
UNIT = "submissions/ban-tckt"
RECORD = f"{UNIT}/can-bo/pham-quoc-bao.yaml"
LIMIT = 1024 * 1024
Expected = list[tuple[str, int, str]]


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def site_gen(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed command in a child process, bounded in time and memory."""
    return subprocess.run(
        [sys.executable, "-m", "site_gen", *args, "--root", str(root)],
        capture_output=True,
        timeout=120,
        preexec_fn=_limits,
        check=False,
    )


def outside_file(tmp_path: Path) -> Path:
    """A file outside the repository that looks like a record and holds a secret."""
    path = tmp_path / "outside" / "secret.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"kind: cadre\nid: {SECRET}\nname: {SECRET}\n", encoding="utf-8")
    return path


def link(target: str | Path, name: str) -> Callable[[Path, Path], Expected]:
    def make(root: Path, tmp_path: Path) -> Expected:
        os.symlink(str(target).replace("OUTSIDE", str(outside_file(tmp_path))), root / name)
        return [(name, 0, "file.symlink")]

    return make


def fifo(root: Path, tmp_path: Path) -> Expected:
    os.mkfifo(root / UNIT / "fifo.yaml")
    return [(f"{UNIT}/fifo.yaml", 0, "file.not-regular")]


def unix_socket(root: Path, tmp_path: Path) -> Expected:
    here = Path.cwd()
    os.chdir(root / UNIT)  # a socket's path is limited to about 100 bytes
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind("socket.yaml")
    finally:
        os.chdir(here)
    return [(f"{UNIT}/socket.yaml", 0, "file.not-regular")]


def device(root: Path, tmp_path: Path) -> Expected:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(root / UNIT / "zero.yaml", stat.S_IFCHR | 0o644, os.makedev(1, 5))  # /dev/zero's numbers
    return [(f"{UNIT}/zero.yaml", 0, "file.not-regular")]


def folder_named_like_a_record(root: Path, tmp_path: Path) -> Expected:
    (root / UNIT / "can-bo" / "moi.yaml").mkdir()
    return [(f"{UNIT}/can-bo/moi.yaml", 0, "file.directory-named-record")]


def bytes_name(root: Path, tmp_path: Path) -> Expected:
    folder = os.fsencode(root / UNIT)
    with open(os.path.join(folder, b"c\xe1n-b\xf4.yaml"), "wb") as handle:  # Latin-1 bytes, not UTF-8
        handle.write(b"kind: cadre\n")
    return [(f"{UNIT}/c\\xe1n-b\\xf4.yaml", 0, "file.name-encoding")]


def bytes_folder(root: Path, tmp_path: Path) -> Expected:
    folder = os.path.join(os.fsencode(root / UNIT), b"h\xf4-s\xff")
    os.mkdir(folder)
    with open(os.path.join(folder, b"x.yaml"), "wb") as handle:
        handle.write(b"kind: [\n")
    return [(f"{UNIT}/h\\xf4-s\\xff", 0, "file.name-encoding")]


def sparse_giant(root: Path, tmp_path: Path) -> Expected:
    with open(root / UNIT / "khong-lo.yaml", "wb") as handle:
        handle.truncate(10 << 30)  # 10 GiB of holes: reading it whole would take 10 GiB of memory
    return [(f"{UNIT}/khong-lo.yaml", 1, "file.too-large")]


def submissions_link(root: Path, tmp_path: Path) -> Expected:
    real = tmp_path / "elsewhere"
    os.rename(root / "submissions", real)
    os.symlink(real, root / "submissions")
    # Nothing behind the link is read, so the repository has no organisation either.
    return [("submissions", 0, "file.symlink"), ("submissions", 0, "rule.organisation-missing")]


CASES: dict[str, Callable[[Path, Path], Expected]] = {
    "link-to-dev-zero": link("/dev/zero", f"{UNIT}/zero.yaml"),
    "dangling-link": link("/khong/co/tep/nay.yaml", f"{UNIT}/dangling.yaml"),
    "link-outside-absolute": link("OUTSIDE", f"{UNIT}/can-bo/ngoai.yaml"),
    "link-outside-relative": link("../../../../outside/secret.yaml", f"{UNIT}/can-bo/ngoai.yaml"),
    "link-inside-to-another-units-record": link(
        "../../ban-tckt/can-bo/pham-quoc-bao.yaml", "submissions/van-phong/can-bo/x.yaml"
    ),
    "link-inside-relative-same-folder": link("pham-quoc-bao.yaml", f"{UNIT}/can-bo/ban-sao.yaml"),
    "link-loop": link("vong.yaml", f"{UNIT}/vong.yaml"),
    "link-to-a-folder": link("../ban-tckt/can-bo", "submissions/van-phong/can-bo-muon"),
    "link-not-named-like-a-record": link("OUTSIDE", f"{UNIT}/ghi-chu.txt"),
    "fifo": fifo,
    "unix-socket": unix_socket,
    "device-node": device,
    "folder-named-like-a-record": folder_named_like_a_record,
    "non-utf8-file-name": bytes_name,
    "non-utf8-folder-name": bytes_folder,
    "sparse-10-gib-file": sparse_giant,
    "submissions-is-a-link": submissions_link,
}


def problems_of(done: subprocess.CompletedProcess[bytes]) -> Expected:
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    document = json.loads(done.stdout)
    return sorted((p["file"], p["line"], p["code"]) for p in document["problems"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_located_problem_and_nothing_from_outside(tmp_path: Path, name: str) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "submissions/van-phong/can-bo").mkdir(parents=True, exist_ok=True)
    expected = sorted(CASES[name](root, tmp_path))
    cold = site_gen(root, "check", "--format", "json", "--no-cache")
    assert problems_of(cold) == expected
    for _ in range(2):  # the cache is written, then read
        assert problems_of(site_gen(root, "check", "--format", "json")) == expected
    for fmt in ("text", "github", "markdown"):
        done = site_gen(root, "check", "--format", fmt)
        assert done.returncode == (1 if any(code != "file.directory-named-record" for _, _, code in expected) else 0)
        assert SECRET.encode() not in done.stdout + done.stderr
        assert b"\xed\xb3" not in done.stdout  # no lone surrogate written as UTF-8
        done.stdout.decode("utf-8")
    assert SECRET.encode() not in cold.stdout + cold.stderr


def test_stats_and_build_refuse_them_too(tmp_path: Path) -> None:
    """The commands that publish go through the same check: a link never feeds a figure or a page."""
    root = make_repo(tmp_path / "repo")
    outside = tmp_path / "outside" / "cadre.yaml"
    outside.parent.mkdir()
    outside.write_text(
        f"kind: cadre\nid: bi-mat\nname: {SECRET}\nunit: ban-tckt\npost: Chuyên viên\n"
        "role_group: specialist\nmemberships: [staff]\n",
        encoding="utf-8",
    )
    os.symlink(outside, root / UNIT / "can-bo" / "bi-mat.yaml")
    done = site_gen(root, "stats", "--year", "2025")
    assert done.returncode in (1, 2)
    assert SECRET.encode() not in done.stdout + done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "swap",
    ["fifo", "link", "folder"],
)
def test_a_file_swapped_after_listing_is_refused_without_blocking(tmp_path: Path, swap: str) -> None:
    """The type is taken from the opened descriptor: a file swapped for a FIFO or a link between listing and reading."""
    from site_gen.safefs import Refused, read_regular

    path = tmp_path / "x.yaml"
    if swap == "fifo":
        os.mkfifo(path)
    elif swap == "link":
        os.symlink("/dev/zero", path)
    else:
        path.mkdir()
    with pytest.raises(Refused) as caught:
        read_regular(str(path), LIMIT)
    assert caught.value.code == {"fifo": "file.not-regular", "link": "file.symlink", "folder": "file.not-regular"}[swap]


def test_a_file_named_on_a_command_line_is_read_through_its_link_never_from_a_fifo(tmp_path: Path) -> None:
    """``follow``: a link to a plain file is read (a user names it), a FIFO or a link to one is still refused at once."""
    from site_gen.safefs import Missing, Refused, read_regular

    target = tmp_path / "form.xlsx"
    target.write_bytes(b"PK\x03\x04")
    link = tmp_path / "link.xlsx"
    os.symlink(target, link)
    assert read_regular(str(link), LIMIT, follow=True) == b"PK\x03\x04"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    os.symlink(fifo, tmp_path / "to-fifo.xlsx")
    for path in (fifo, tmp_path / "to-fifo.xlsx"):
        with pytest.raises(Refused) as caught:
            read_regular(str(path), LIMIT, follow=True)
        assert caught.value.code == "file.not-regular"
    with pytest.raises(Missing) as missing:
        read_regular(str(tmp_path / "none.xlsx"), LIMIT, follow=True)
    assert missing.value.code == "file.unreadable" and missing.value.params["detail"]
    with pytest.raises(Refused) as dangling:  # never followed without ``follow``: a link, not a missing file
        os.symlink(tmp_path / "none.yaml", tmp_path / "dangling.yaml")
        read_regular(str(tmp_path / "dangling.yaml"), LIMIT)
    assert dangling.value.code == "file.symlink"


def test_the_size_limit_holds_while_reading(tmp_path: Path) -> None:
    """A file whose size says nothing (``/proc``) or that grows: at most limit + 1 bytes are read."""
    from site_gen.safefs import Refused, read_regular

    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc here")
    with pytest.raises(Refused) as caught:
        read_regular("/proc/self/maps", 16)  # a regular file of size 0 that holds more
    assert (caught.value.code, caught.value.params["limit"]) == ("file.too-large", 16)
    assert caught.value.params["size"] == 17
    small = tmp_path / "small.yaml"
    small.write_bytes(b"x" * 16)
    assert read_regular(str(small), 16) == b"x" * 16
    small.write_bytes(b"x" * 17)
    with pytest.raises(Refused):
        read_regular(str(small), 16)


# -- site-gen diff: committed links, read from git, judged as check judges a checkout -----------------

COMMITTED_LINKS = {
    f"{UNIT}/can-bo/tuyet-doi.yaml": "OUTSIDE",
    f"{UNIT}/can-bo/tuong-doi-ra-ngoai.yaml": "../../../../../outside/secret.yaml",
    f"{UNIT}/can-bo/tuong-doi-trong-kho.yaml": "pham-quoc-bao.yaml",
    "submissions/van-phong/can-bo/cua-don-vi-khac.yaml": "../../ban-tckt/can-bo/pham-quoc-bao.yaml",
    f"{UNIT}/zero.yaml": "/dev/zero",
    f"{UNIT}/khong-co.yaml": "khong/co/gi.yaml",
    "submissions/van-phong/thu-muc": "../ban-tckt/can-bo",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.email=u@example.invalid", "-c", "user.name=U", "commit", "-qm", message)


def head_change(root: Path, tmp_path: Path) -> None:
    """Links of every kind, a file over the limit, a bad record that export-ignore would hide, a non-UTF-8 name."""
    secret = outside_file(tmp_path)
    for name, target in COMMITTED_LINKS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("OUTSIDE", str(secret)), root / name)
    (root / UNIT / "lon.yaml").write_bytes(b"# " + b"x" * (LIMIT + 10) + b"\n")
    (root / UNIT / "an-di.yaml").write_text("kind: cadre\nid: [\n", encoding="utf-8")
    (root / ".gitattributes").write_text("submissions/ban-tckt/an-di.yaml export-ignore\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(root / UNIT), b"t\xean.yaml"), "wb") as handle:
        handle.write(b"kind: cadre\n")


def test_diff_judges_committed_links_as_check_judges_the_checkout(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "submissions/van-phong/can-bo").mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    commit_all(root, "base")
    head_change(root, tmp_path)
    commit_all(root, "links")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", str(root), str(checkout))
    checked = problems_of(site_gen(checkout, "check", "--format", "json", "--no-cache"))
    done = site_gen(root, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    document = json.loads(done.stdout)
    diffed = sorted((p["file"], p["line"], p["code"]) for p in document["problems"])
    assert diffed == checked
    expected_links = sorted((name, 0, "file.symlink") for name in COMMITTED_LINKS)
    assert [p for p in diffed if p[2] == "file.symlink"] == expected_links
    assert (f"{UNIT}/lon.yaml", 1, "file.too-large") in diffed
    assert any(p[0] == f"{UNIT}/an-di.yaml" for p in diffed)  # export-ignore does not hide it
    assert (f"{UNIT}/t\\xean.yaml", 0, "file.name-encoding") in diffed
    for fmt in ("markdown", "text", "json"):
        out = site_gen(root, "diff", "HEAD~1", "HEAD", "--format", fmt)
        assert SECRET.encode() not in out.stdout + out.stderr
        assert b"Traceback" not in out.stderr


@pytest.mark.parametrize("entry", ["link-to-dev-zero", "link-to-a-copy", "fifo"])
def test_a_schema_that_is_not_a_plain_file_is_a_set_up_error(tmp_path: Path, entry: str) -> None:
    """schemas/ comes with a pull request too: a link or a FIFO there is refused at once, never read."""
    root = make_repo(tmp_path / "repo")
    schema = root / "schemas/unit.schema.json"
    copy = tmp_path / "unit.schema.json"
    copy.write_bytes(schema.read_bytes())
    schema.unlink()
    if entry == "fifo":
        os.mkfifo(schema)
    else:
        schema.symlink_to("/dev/zero" if entry == "link-to-dev-zero" else copy)
    done = site_gen(root, "check", "--no-cache")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert "schemas/unit.schema.json là liên kết, FIFO" in done.stderr.decode("utf-8")
